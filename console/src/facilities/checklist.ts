// The inspection checklist of 吉林护〔2024〕12号 (Inspection.Item), every item shown whether it was recorded or not.

import type { Check, Inspection } from './types';

/** The items in the notice's order. */
export const CHECKLIST_ITEMS = ['RULES_AND_PLANS', 'SECURITY', 'LICENCE_AND_RECORDS', 'WITHIN_SCOPE', 'LEDGER_MATCHES'] as const;

export type CheckState = 'passed' | 'failed' | 'notRecorded';

export interface ChecklistRow {
  item: string;
  state: CheckState;
  note: string | null;
  findings: string[];
}

/** Every checklist item with what the inspection recorded for it, and the findings made under it. */
export function checklist(inspection: Pick<Inspection, 'checklist' | 'findings'>): ChecklistRow[] {
  const byItem = new Map<string, Check>(inspection.checklist.map((c) => [c.item, c]));
  const known: readonly string[] = CHECKLIST_ITEMS;
  const extra = inspection.checklist.map((c) => c.item).filter((item) => !known.includes(item));
  return [...CHECKLIST_ITEMS, ...extra].map((item) => {
    const check = byItem.get(item);
    return {
      item,
      state: check === undefined ? 'notRecorded' : check.passed ? 'passed' : 'failed',
      note: check?.note ?? null,
      findings: inspection.findings.filter((f) => f.item === item).map((f) => f.id),
    };
  });
}
