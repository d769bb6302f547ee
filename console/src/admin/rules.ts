import type { DeadlineRule, RuleExtension } from './types';

/** National rules first, then regions' own, each by id. */
export function sortedRules(rules: readonly DeadlineRule[]): DeadlineRule[] {
  const regional = (r: DeadlineRule) => (r.regions && r.regions.length > 0 ? 1 : 0);
  return [...rules].sort((a, b) => regional(a) - regional(b) || a.id.localeCompare(b.id));
}

/** An extension's size: `n` more, or up to `n` in all, in `unit` (the page puts it in words). */
export function extensionSize(extension: Pick<RuleExtension, 'amount' | 'amountTotal' | 'unit'>): { kind: 'more' | 'total'; n: number; unit: string } {
  if (extension.amountTotal !== null && extension.amountTotal !== undefined) {
    return { kind: 'total', n: extension.amountTotal, unit: extension.unit };
  }
  return { kind: 'more', n: extension.amount ?? 0, unit: extension.unit };
}

/**
 * The draft of a rule's next version, as `POST /api/deadline-rules` takes it: the rule as it stands, without its
 * version (notification-service assigns the next one).
 */
export function nextVersionDraft(rule: DeadlineRule): string {
  const { version: _version, ...rest } = rule;
  return JSON.stringify(rest, null, 2);
}

/** A parse problem of a JSON text, named as the API would name the field; the value otherwise. */
export type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

export function parseObject(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, message: 'not a JSON object' };
    }
    return { ok: true, value: value as Record<string, unknown> };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** An empty year file (calendar/holidays-cn.json's shape) to start from. */
export function blankYearFile(year: number): string {
  return JSON.stringify({ year, source: '', holidays: [], adjustedWorkingDays: [] }, null, 2);
}

/** This year and next, where the calendar lacks them (next year's is published each autumn and loaded then). */
export function missingYears(loaded: readonly number[], thisYear: number): number[] {
  return [thisYear, thisYear + 1].filter((year) => !loaded.includes(year));
}
