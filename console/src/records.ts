/** Where the console shows a record an alert or a link names; null for records it has no page for yet. */
export function recordPath(subjectType: string, subjectId: string): string | null {
  switch (subjectType) {
    case 'CLUE':
      return `/clues/${encodeURIComponent(subjectId)}`;
    case 'CASE':
      return `/cases/${encodeURIComponent(subjectId)}`;
    case 'TRANSFER':
      return `/transfers/${encodeURIComponent(subjectId)}`;
    default:
      return null;
  }
}

/** Counts per alert kind, every kind of interest present (zero when none). */
export function countByKind(items: { kind: string }[], kinds: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(kinds.map((k) => [k, 0]));
  for (const item of items) {
    if (item.kind in counts) counts[item.kind] += 1;
  }
  return counts;
}

/**
 * A transfer's case as a link to its page, when the transfer names the case by its platform id (as partners' systems
 * and the console do); a case named only by its paper number (双林罚〔2026〕17号) is shown as text.
 */
export function casePath(caseNumber: string): string | null {
  return /^[A-Za-z][A-Za-z0-9._:-]{2,79}$/.test(caseNumber) && /-\d{6}-/.test(caseNumber)
    ? `/cases/${encodeURIComponent(caseNumber)}`
    : null;
}
