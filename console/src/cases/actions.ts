import type { Case, Identifier, Party, Seizure } from '../api/types';

/**
 * What a case officer enters on a case (CaseController): each form, the fields its request carries, when it is
 * offered and the body it posts. The offer mirrors case-service's rules (CaseChange: the statuses each change may be
 * made from; CaseController.writable and .supervise: who may make it) so that the page does not show forms that can
 * only be refused; the server still decides, and its refusal is shown in the form.
 */
export type ActionId = 'edit' | 'seize' | 'custody' | 'pause' | 'end-pause' | 'penalty' | 'supervise' | 'close';

export type FieldKind = 'text' | 'textarea' | 'lines' | 'number' | 'select' | 'multi' | 'datetime' | 'switch' | 'rows';

export interface ActionField {
  name: string;
  kind: FieldKind;
  required?: boolean;
  maxLength?: number;
  /** select / multi: the codes' labels, `enums.<options>` (format.ts) or, with `codes`, the form's own labels. */
  options?: string;
  /** The codes offered when they are not all of an enum of format.ts (e.g. a custody step is never a second 扣押). */
  codes?: readonly string[];
  /** rows: the columns of one row. */
  columns?: readonly ActionField[];
}

/** A case as the API answers it to its own agency: with the suspects' identifiers. */
export type OwnCase = Case & { identifiers?: Identifier[] | null };

/** `GET /api/cases/{id}/pauses` (PausesView). */
export interface Pauses {
  caseId: string;
  version: number;
  state: 'RUNNING' | 'PAUSED';
  pause: { kind: string; since: string; reason: string; by: string } | null;
  pauseLabel: string | null;
}

export interface User {
  agency: string;
  region: string;
  roles: readonly string[];
}

export type Values = Record<string, unknown>;
export type Row = Record<string, unknown>;

export const PAUSE_KINDS = ['APPRAISAL', 'HEARING', 'SUSPENSION'] as const;
export const PARTY_KINDS = ['PERSON', 'COMPANY'] as const;
export const IDENTIFIER_TYPES = ['ID_NUMBER', 'PHONE', 'VEHICLE_PLATE', 'ONLINE_SHOP'] as const;
/** After these a seized item's chain of custody has ended (CaseController.custody). */
export const CUSTODY_ENDS = ['RELEASED', 'DESTROYED', 'RETURNED'];
const CUSTODY_STEPS = ['STORED', 'APPRAISED', 'SENT_TO_RESCUE', 'RELEASED', 'DESTROYED', 'HANDED_OVER', 'RETURNED'];

/** The fields of each form, as the request records of CaseController take them. */
export const ACTION_FIELDS: Readonly<Record<ActionId, readonly ActionField[]>> = {
  edit: [
    { name: 'title', kind: 'text', maxLength: 500 },
    { name: 'behaviours', kind: 'multi', options: 'behaviour' },
    { name: 'value', kind: 'number' },
    { name: 'grade', kind: 'select', options: 'caseGrade' },
    { name: 'operationId', kind: 'text', maxLength: 80 },
    {
      name: 'species',
      kind: 'rows',
      columns: [
        { name: 'speciesCode', kind: 'text', required: true, maxLength: 60 },
        { name: 'count', kind: 'number', required: true },
        { name: 'unit', kind: 'select', options: 'quantityUnit', required: true },
      ],
    },
    {
      name: 'parties',
      kind: 'rows',
      columns: [
        { name: 'kind', kind: 'select', options: 'partyKind', codes: PARTY_KINDS, required: true },
        { name: 'name', kind: 'text', required: true, maxLength: 200 },
        { name: 'idNumber', kind: 'text', maxLength: 30 },
        { name: 'phone', kind: 'text', maxLength: 20 },
        { name: 'address', kind: 'text', maxLength: 500 },
      ],
    },
    {
      name: 'identifiers',
      kind: 'rows',
      columns: [
        { name: 'type', kind: 'select', options: 'identifierType', codes: IDENTIFIER_TYPES, required: true },
        { name: 'value', kind: 'text', required: true, maxLength: 100 },
      ],
    },
    { name: 'evidence', kind: 'lines' },
  ],
  seize: [
    { name: 'kind', kind: 'select', options: 'seizureKind', required: true },
    { name: 'speciesCode', kind: 'text', maxLength: 60 },
    { name: 'description', kind: 'text', required: true, maxLength: 500 },
    { name: 'quantity', kind: 'number', required: true },
    { name: 'unit', kind: 'select', options: 'quantityUnit', required: true },
    { name: 'holder', kind: 'text', required: true, maxLength: 200 },
    { name: 'location', kind: 'text', required: true, maxLength: 500 },
    { name: 'seizedAt', kind: 'datetime', required: true },
  ],
  custody: [
    { name: 'action', kind: 'select', options: 'custodyAction', codes: CUSTODY_STEPS, required: true },
    { name: 'holder', kind: 'text', required: true, maxLength: 200 },
    { name: 'location', kind: 'text', required: true, maxLength: 500 },
    { name: 'at', kind: 'datetime', required: true },
    { name: 'note', kind: 'textarea', maxLength: 2000 },
  ],
  pause: [
    { name: 'kind', kind: 'select', options: 'pauseKind', codes: PAUSE_KINDS, required: true },
    { name: 'at', kind: 'datetime' },
    { name: 'reason', kind: 'textarea', required: true, maxLength: 2000 },
  ],
  'end-pause': [
    { name: 'at', kind: 'datetime' },
    { name: 'note', kind: 'textarea', maxLength: 2000 },
  ],
  penalty: [
    { name: 'decisionNumber', kind: 'text', required: true, maxLength: 100 },
    { name: 'decidedAt', kind: 'datetime', required: true },
    { name: 'fine', kind: 'number', required: true },
    { name: 'confiscation', kind: 'switch' },
    { name: 'summary', kind: 'textarea', required: true, maxLength: 2000 },
  ],
  supervise: [
    { name: 'note', kind: 'textarea', required: true, maxLength: 2000 },
    { name: 'dueBy', kind: 'datetime' },
  ],
  close: [{ name: 'reason', kind: 'textarea', required: true, maxLength: 2000 }],
};

/** The forms in the order of the case's tool bar (a seized item's custody is offered on the item's row). */
const ORDER: readonly ActionId[] = ['edit', 'seize', 'custody', 'pause', 'end-pause', 'penalty', 'supervise', 'close'];
const WRITERS = ['OFFICER', 'HANDLER', 'AGENCY_HEAD'];

/** A region code's subtree as a prefix: 220000 → 22, 220100 → 2201, 220112 → 220112. */
export function subtreePrefix(region: string): string {
  let prefix = region;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

function covers(user: User, region: string): boolean {
  return region.startsWith(subtreePrefix(user.region));
}

/** The case's own agency's officers, handlers and heads in its region (CaseController.writable). */
export function mayWrite(record: Case, user: User | null | undefined): boolean {
  return Boolean(
    user && user.agency === record.agency && user.roles.some((r) => WRITERS.includes(r)) && covers(user, record.region),
  );
}

/** The same agency's head in a superior region, or the supervision office of the region (CaseController.supervise). */
export function maySupervise(record: Case, user: User | null | undefined): boolean {
  if (!user || !covers(user, record.region)) return false;
  const superiorHead = user.agency === record.agency && user.roles.includes('AGENCY_HEAD') && user.region !== record.region;
  return superiorHead || user.agency === 'SUPERVISION_OFFICE';
}

/** Whether the seized item's chain of custody goes on. */
export function custodyOpen(item: Seizure): boolean {
  const last = item.custody[item.custody.length - 1];
  return !last || !CUSTODY_ENDS.includes(last.action);
}

/** The forms the case's status and the caller allow, as CaseChange's table has them. */
export function offeredActions(record: Case, pauses: Pauses | null, user: User | null | undefined): ActionId[] {
  const writer = mayWrite(record, user);
  const open = record.status === 'OPEN';
  const closed = record.status === 'CLOSED';
  const offered: Record<ActionId, boolean> = {
    edit: writer && !closed,
    seize: writer && !closed,
    custody: writer,
    pause: writer && open && pauses?.state === 'RUNNING',
    'end-pause': writer && pauses?.state === 'PAUSED',
    penalty: writer && open && record.kind === 'ADMINISTRATIVE',
    supervise: !closed && record.supervision === null && maySupervise(record, user),
    close: writer && ['OPEN', 'PENALTY_DECIDED', 'TRANSFERRED'].includes(record.status),
  };
  return ORDER.filter((id) => offered[id]);
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * Times are picked as Beijing wall-clock time (`YYYY-MM-DD HH:mm:ss`, the pickers' value format), whatever the
 * browser's own time zone, as the console shows every time.
 */
export function beijingWallTime(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** A picked Beijing wall-clock time as the instant the API takes. */
export function instantOf(wallTime: string): string {
  return new Date(`${wallTime.trim().replace(' ', 'T')}+08:00`).toISOString();
}

/** The start of the current minute, in Beijing: a default time the API takes as past or present. */
export function thisMinute(now: Date = new Date()): string {
  return beijingWallTime(new Date(Math.floor(now.getTime() / 60_000) * 60_000));
}

function partyRow(p: Party): Row {
  return { kind: p.kind, name: p.name, idNumber: p.idNumber ?? '', phone: p.phone ?? '', address: p.address ?? '' };
}

/** What a form starts with: the case's facts to correct, the item's last holder and place, now for required times. */
export function initialValues(action: ActionId, record: OwnCase, item: Seizure | null = null, now: Date = new Date()): Values {
  const values: Values = {};
  for (const field of ACTION_FIELDS[action]) {
    values[field.name] =
      field.kind === 'datetime' ? (field.required ? thisMinute(now) : null)
      : field.kind === 'switch' ? false
      : field.kind === 'number' ? undefined
      : field.kind === 'multi' || field.kind === 'rows' ? []
      : '';
  }
  if (action === 'edit') {
    Object.assign(values, {
      title: record.title,
      behaviours: [...record.behaviours],
      value: record.value ?? undefined,
      grade: record.grade,
      operationId: record.operationId ?? '',
      species: record.species.map((s) => ({ speciesCode: s.speciesCode, count: s.count, unit: s.unit ?? '' })),
      parties: record.parties.map(partyRow),
      identifiers: (record.identifiers ?? []).map((i) => ({ type: i.type, value: i.value })),
      evidence: record.evidence.join('\n'),
    });
  }
  if (action === 'custody' && item) {
    const last = item.custody[item.custody.length - 1];
    if (last) Object.assign(values, { holder: last.holder, location: last.location });
  }
  return values;
}

/** An empty row of a rows field. */
export function emptyRow(field: ActionField): Row {
  return Object.fromEntries((field.columns ?? []).map((c) => [c.name, c.kind === 'number' ? undefined : '']));
}

function blank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  return false;
}

function rowBlank(row: Row): boolean {
  return Object.values(row).every(blank);
}

/**
 * The fields the console will not send empty: a required field, or a required column of a row that is not blank
 * (named `species[0].count` as the API names it). The server checks them too.
 */
export function missingFields(action: ActionId, values: Values): string[] {
  const missing: string[] = [];
  for (const field of ACTION_FIELDS[action]) {
    const value = values[field.name];
    if (field.kind === 'rows') {
      (value as Row[]).forEach((row, index) => {
        if (rowBlank(row)) return;
        for (const column of field.columns ?? []) {
          if (column.required && blank(row[column.name])) missing.push(`${field.name}[${index}].${column.name}`);
        }
      });
    } else if (field.required && blank(value)) {
      missing.push(field.name);
    }
  }
  return missing;
}

/** Lines typed one per line; blank lines are none. */
export function lines(text: unknown): string[] {
  return String(text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

function sent(field: ActionField, value: unknown): unknown {
  switch (field.kind) {
    case 'datetime':
      return blank(value) ? undefined : instantOf(String(value));
    case 'lines':
      return lines(value);
    case 'switch':
      return Boolean(value);
    case 'number':
      return blank(value) ? undefined : Number(value);
    case 'multi':
      return [...(value as string[])];
    case 'rows':
      return (value as Row[])
        .filter((row) => !rowBlank(row))
        .map((row) => {
          const out: Row = {};
          for (const column of field.columns ?? []) {
            const v = sent(column, row[column.name]);
            if (v !== undefined && v !== '') out[column.name] = v;
          }
          return out;
        });
    default: {
      const text = String(value ?? '').trim();
      return text === '' ? undefined : text;
    }
  }
}

/** Every field as the API takes it; empty optional fields left out. */
function fieldsOf(action: ActionId, values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of ACTION_FIELDS[action]) {
    const value = sent(field, values[field.name]);
    if (value !== undefined) body[field.name] = value;
  }
  return body;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `PATCH /api/cases/{id}`: only the facts changed from the case as read ("only the facts given change"), so a list
 * left as it was is not sent again; a cleared title or value cannot be sent (the API keeps what it has).
 */
export function editChanges(record: OwnCase, values: Values): Record<string, unknown> {
  const before = fieldsOf('edit', initialValues('edit', record));
  const after = fieldsOf('edit', values);
  const changes: Record<string, unknown> = { expectedVersion: record.version };
  for (const field of ACTION_FIELDS.edit) {
    const value = after[field.name] ?? (field.kind === 'rows' || field.kind === 'multi' || field.kind === 'lines' ? [] : undefined);
    if (value !== undefined && !same(value, before[field.name] ?? (Array.isArray(value) ? [] : undefined))) {
      changes[field.name] = value;
    }
  }
  return changes;
}

/** Whether an edit changes anything. */
export function changesAnything(changes: Record<string, unknown>): boolean {
  return Object.keys(changes).some((k) => k !== 'expectedVersion');
}

export interface ActionRequest {
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
}

/** The request a form sends: path, method, body with the version read where the API asks for it. */
export function actionRequest(
  action: ActionId,
  record: OwnCase,
  values: Values,
  context: { pauses?: Pauses | null; item?: Seizure | null } = {},
): ActionRequest {
  const base = `/api/cases/${encodeURIComponent(record.id)}`;
  // The pause endpoints answer the clocks' version; it is the case's, read with the pauses.
  const version = context.pauses?.version ?? record.version;
  switch (action) {
    case 'edit':
      return { method: 'PATCH', path: base, body: editChanges(record, values) };
    case 'seize':
      return { method: 'POST', path: `${base}/seizures`, body: { ...fieldsOf(action, values), expectedVersion: record.version } };
    case 'custody': {
      const itemId = context.item?.itemId ?? '';
      return { method: 'POST', path: `${base}/seizures/${encodeURIComponent(itemId)}/custody`, body: fieldsOf(action, values) };
    }
    case 'pause':
      return { method: 'POST', path: `${base}/pauses`, body: { ...fieldsOf(action, values), expectedVersion: version } };
    case 'end-pause': {
      const kind = context.pauses?.pause?.kind ?? '';
      return {
        method: 'POST',
        path: `${base}/pauses/${encodeURIComponent(kind)}/end`,
        body: { ...fieldsOf(action, values), expectedVersion: version },
      };
    }
    case 'penalty':
      return { method: 'POST', path: `${base}/penalty`, body: { ...fieldsOf(action, values), expectedVersion: record.version } };
    case 'supervise':
      return { method: 'POST', path: `${base}/supervision`, body: fieldsOf(action, values) };
    case 'close':
      return { method: 'POST', path: `${base}/close`, body: { ...fieldsOf(action, values), expectedVersion: record.version } };
  }
}
