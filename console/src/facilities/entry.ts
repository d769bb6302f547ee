// What officers enter on a facility's page: which forms are offered, and the request each sends to inspection-service
// (InspectionController, RectificationController, FacilityController). The rules of the checklist stay the API's.

import { covers } from '../operations/access';
import { CHECKLIST_ITEMS } from './checklist';
import type { Facility, Inspection, RectificationOrder } from './types';

export interface EntryUser {
  agency: string;
  region: string;
  roles: readonly string[];
}

const WRITERS = ['OFFICER', 'HANDLER', 'AGENCY_HEAD'];

/** A finding of a recorded inspection that has no rectification order yet (one order per finding). */
export interface OpenFinding {
  inspectionId: string;
  findingId: string;
  item: string;
  description: string;
  inspectedAt: string | null;
}

export interface OfferedForms {
  plan: boolean;
  ledger: boolean;
  measure: boolean;
  /** The planned inspections that may be recorded. */
  record: Inspection[];
  /** The findings that may be ordered rectified. */
  order: OpenFinding[];
  /** The orders awaiting re-inspection. */
  reinspect: RectificationOrder[];
  /** The measures in force, which may be lifted. */
  lift: Facility['measures'];
}

const NONE: OfferedForms = { plan: false, ledger: false, measure: false, record: [], order: [], reinspect: [], lift: [] };

/**
 * The forms a caller is offered: forestry (the supervising agency) writes, with an officer's, handler's or head's
 * role, for a facility in its region subtree; the oversight agencies read only. Each form only when it has something
 * to act on.
 */
export function offeredForms(
  user: EntryUser | null | undefined,
  facility: Pick<Facility, 'region' | 'measures'>,
  inspections: readonly Inspection[],
  orders: readonly RectificationOrder[],
): OfferedForms {
  if (!user || user.agency !== 'FORESTRY' || !WRITERS.some((r) => user.roles.includes(r))) return NONE;
  if (!covers(user.region, facility.region)) return NONE;
  const ordered = new Set(orders.map((o) => o.findingId));
  return {
    plan: true,
    ledger: true,
    measure: true,
    record: inspections.filter((i) => i.status === 'PLANNED'),
    order: inspections
      .filter((i) => i.status === 'RECORDED')
      .flatMap((i) =>
        i.findings
          .filter((f) => !ordered.has(f.id))
          .map((f) => ({ inspectionId: i.id, findingId: f.id, item: f.item, description: f.description, inspectedAt: i.inspectedAt })),
      ),
    reinspect: orders.filter((o) => o.status === 'ORDERED'),
    lift: facility.measures.filter((m) => !m.liftedOn),
  };
}

/** Splits a typed list (inspectors, species codes) at commas, 、, semicolons or line breaks. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A local date and time as the API's instant (the browser's zone is the officer's). */
export function toInstant(local: string): string {
  return new Date(local).toISOString();
}

// --- planning an inspection by hand --------------------------------------------------------------------------------

export interface PlanValues {
  plannedFor: string;
  inspectors: string;
  operationId: string;
}

export function planBody(facilityId: string, v: PlanValues) {
  const body: { facilityId: string; plannedFor: string; inspectors: string[]; operationId?: string } = {
    facilityId,
    plannedFor: v.plannedFor,
    inspectors: splitList(v.inspectors),
  };
  if (v.operationId.trim()) body.operationId = v.operationId.trim();
  return body;
}

export function missingPlanFields(v: PlanValues): string[] {
  const missing: string[] = [];
  if (!v.plannedFor) missing.push('plannedFor');
  if (splitList(v.inspectors).length === 0) missing.push('inspectors');
  return missing;
}

// --- recording an inspection ---------------------------------------------------------------------------------------

export type CheckAnswer = 'passed' | 'failed' | '';

export interface FindingValues {
  item: string;
  description: string;
  suspectedCrime: boolean;
  speciesCodes: string;
}

export interface RecordValues {
  inspectedAt: string;
  checks: Record<string, { answer: CheckAnswer; note: string }>;
  /** Species counted on site: the count typed, or null when the species was not counted. */
  counted: { speciesCode: string; count: number | null }[];
  findings: FindingValues[];
  operationId: string;
}

/** An empty record: every checklist item unanswered, each species the ledger or licence names ready to be counted. */
export function emptyRecord(facility: Pick<Facility, 'holdings' | 'licensedSpeciesCodes'>, inspectedAt: string): RecordValues {
  const species = [...new Set([...facility.holdings.map((h) => h.speciesCode), ...facility.licensedSpeciesCodes])];
  return {
    inspectedAt,
    checks: Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, { answer: '' as CheckAnswer, note: '' }])),
    counted: species.map((speciesCode) => ({ speciesCode, count: null })),
    findings: [],
    operationId: '',
  };
}

/**
 * The items a record still has to answer: every one, except LEDGER_MATCHES once species are counted, because the
 * comparison with the ledger answers it (Recording.neededItems).
 */
export function unansweredItems(v: RecordValues): string[] {
  const counting = v.counted.some((c) => c.count !== null);
  return CHECKLIST_ITEMS.filter((item) => v.checks[item]?.answer === '' && !(counting && item === 'LEDGER_MATCHES'));
}

/** Whether the record can be sent: the time, every needed item, and each finding described. */
export function missingRecordFields(v: RecordValues): string[] {
  const missing: string[] = [];
  if (!v.inspectedAt) missing.push('inspectedAt');
  if (unansweredItems(v).length) missing.push('checklist');
  v.findings.forEach((f, i) => {
    if (!f.description.trim()) missing.push(`findings[${i}].description`);
  });
  return missing;
}

/**
 * The body of POST /api/inspections/{id}/record. Only the items answered and the species counted are sent: the
 * request's indexes (`counted[1].count`) are then those of what was sent, which {@link sentIndexes} maps back.
 */
export function recordBody(v: RecordValues, expectedVersion: number) {
  const body: {
    inspectedAt: string;
    checklist: { item: string; passed: boolean; note?: string }[];
    counted: { speciesCode: string; count: number }[];
    findings: { item: string; description: string; suspectedCrime: boolean; speciesCodes: string[] }[];
    expectedVersion: number;
    operationId?: string;
  } = {
    inspectedAt: toInstant(v.inspectedAt),
    checklist: CHECKLIST_ITEMS.filter((item) => v.checks[item]?.answer).map((item) => {
      const check = v.checks[item];
      return check.note.trim()
        ? { item, passed: check.answer === 'passed', note: check.note.trim() }
        : { item, passed: check.answer === 'passed' };
    }),
    counted: v.counted.filter((c) => c.count !== null).map((c) => ({ speciesCode: c.speciesCode, count: c.count as number })),
    findings: v.findings.map((f) => ({
      item: f.item,
      description: f.description.trim(),
      suspectedCrime: f.suspectedCrime,
      speciesCodes: splitList(f.speciesCodes),
    })),
    expectedVersion,
  };
  if (v.operationId.trim()) body.operationId = v.operationId.trim();
  return body;
}

/** For each counted row of the form, its index in the request sent (rows not counted are not sent). */
export function sentIndexes(v: RecordValues): (number | null)[] {
  let next = 0;
  return v.counted.map((c) => (c.count === null ? null : next++));
}

/** Findings start under the first item answered "failed", where a finding usually belongs. */
export function newFinding(v: RecordValues): FindingValues {
  const failed = CHECKLIST_ITEMS.find((item) => v.checks[item]?.answer === 'failed');
  return { item: failed ?? CHECKLIST_ITEMS[0], description: '', suspectedCrime: false, speciesCodes: '' };
}

// --- rectification ---------------------------------------------------------------------------------------------------

export interface OrderValues {
  finding: string;
  requirement: string;
  dueBy: string;
}

/** The key an open finding is chosen by in the form: its inspection and its id. */
export function findingKey(f: Pick<OpenFinding, 'inspectionId' | 'findingId'>): string {
  return `${f.inspectionId}/${f.findingId}`;
}

export function orderBody(v: OrderValues) {
  const slash = v.finding.indexOf('/');
  return {
    inspectionId: v.finding.slice(0, slash),
    findingId: v.finding.slice(slash + 1),
    requirement: v.requirement.trim(),
    dueBy: v.dueBy,
  };
}

export function missingOrderFields(v: OrderValues): string[] {
  const missing: string[] = [];
  if (!v.finding.includes('/')) missing.push('findingId');
  if (!v.requirement.trim()) missing.push('requirement');
  if (!v.dueBy) missing.push('dueBy');
  return missing;
}

export interface ReinspectValues {
  reinspectedAt: string;
  accepted: boolean | null;
  note: string;
}

export function reinspectBody(v: ReinspectValues, expectedVersion: number) {
  return { reinspectedAt: toInstant(v.reinspectedAt), accepted: v.accepted === true, note: v.note.trim(), expectedVersion };
}

export function missingReinspectFields(v: ReinspectValues): string[] {
  const missing: string[] = [];
  if (!v.reinspectedAt) missing.push('reinspectedAt');
  if (v.accepted === null) missing.push('accepted');
  if (!v.note.trim()) missing.push('note');
  return missing;
}

// --- ledger and measures ---------------------------------------------------------------------------------------------

export interface LedgerValues {
  on: string;
  source: string;
  counts: { speciesCode: string; count: number | null }[];
}

/** Every species held or licensed, with the count the ledger holds now: the officer changes those that changed. */
export function emptyLedger(facility: Pick<Facility, 'holdings' | 'licensedSpeciesCodes'>, on: string): LedgerValues {
  const held = new Map(facility.holdings.map((h) => [h.speciesCode, h.count]));
  const species = [...new Set([...held.keys(), ...facility.licensedSpeciesCodes])];
  return { on, source: '', counts: species.map((speciesCode) => ({ speciesCode, count: held.get(speciesCode) ?? null })) };
}

/** The body of POST /api/facilities/{id}/ledger: the counts that differ from the ledger (0: none kept any more). */
export function ledgerBody(v: LedgerValues, facility: Pick<Facility, 'holdings' | 'version'>) {
  const held = new Map(facility.holdings.map((h) => [h.speciesCode, h.count]));
  return {
    counts: v.counts
      .filter((c) => c.count !== null && c.count !== (held.get(c.speciesCode) ?? null))
      .map((c) => ({ speciesCode: c.speciesCode, count: c.count as number })),
    on: v.on,
    source: v.source.trim(),
    expectedVersion: facility.version,
  };
}

export function missingLedgerFields(v: LedgerValues, facility: Pick<Facility, 'holdings' | 'version'>): string[] {
  const missing: string[] = [];
  if (!v.on) missing.push('on');
  if (!v.source.trim()) missing.push('source');
  if (ledgerBody(v, facility).counts.length === 0) missing.push('counts');
  return missing;
}

export const MEASURE_KINDS = ['SUSPEND_BREEDING', 'SUSPEND_INTRODUCTION', 'SUSPEND_EXPORT', 'SUSPEND_BUSINESS'] as const;

export interface MeasureValues {
  kind: string;
  on: string;
  reason: string;
  rectificationOrderId: string;
}

export function measureBody(v: MeasureValues) {
  const body: { kind: string; on: string; reason: string; rectificationOrderId?: string } = {
    kind: v.kind,
    on: v.on,
    reason: v.reason.trim(),
  };
  if (v.rectificationOrderId) body.rectificationOrderId = v.rectificationOrderId;
  return body;
}

export function missingMeasureFields(v: MeasureValues): string[] {
  const missing: string[] = [];
  if (!v.kind) missing.push('kind');
  if (!v.on) missing.push('on');
  if (!v.reason.trim()) missing.push('reason');
  return missing;
}

export interface LiftValues {
  measureId: string;
  on: string;
  reason: string;
}

export function missingLiftFields(v: LiftValues): string[] {
  const missing: string[] = [];
  if (!v.measureId) missing.push('measureId');
  if (!v.on) missing.push('on');
  if (!v.reason.trim()) missing.push('reason');
  return missing;
}

/** Now as the date picker's value (YYYY-MM-DDTHH:mm:ss, the browser's zone), to the minute. */
export function localNow(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:00`;
}
