/** Where the console shows a record an alert or a link names; null for records it has no page for yet. */
export function recordPath(subjectType: string, subjectId: string): string | null {
  switch (subjectType) {
    case 'CLUE':
      return `/clues/${encodeURIComponent(subjectId)}`;
    case 'CASE':
      return `/cases/${encodeURIComponent(subjectId)}`;
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
