/**
 * The transfer steps (两法衔接) the console knows how to ask for, as case-service's TransferStep and Transfer define
 * them. The API's `allowedSteps` say which steps the transfer's state allows, whoever takes them; this table says whose
 * turn each one is, so that the page can show whose turn it is and offer the caller only the steps that are theirs. A
 * step this table does not know is still shown (named by its path) and is sent without fields: the server decides.
 */
import type { Transfer } from '../api/types';

/** The three parties of a transfer (Party): the transferring agency, the receiving police, the procuratorate. */
export type Party = 'SENDING_AGENCY' | 'RECEIVING_POLICE' | 'PROCURATORATE';

export type TransferField = 'reasons' | 'packageParts' | 'passOnTo';

export interface FieldSpec {
  field: TransferField;
  required: boolean;
}

interface StepSpec {
  /** null: the sending agency's, except after an explanation, when it is the procuratorate's (accept-non-filing). */
  party: Party | null;
  /** Approving and refusing a transfer are the agency head's (负责人) decisions. */
  head: boolean;
  fields: readonly FieldSpec[];
  /** A step that ends the matter against the transfer's course: shown as the danger kind of button. */
  closing?: boolean;
}

const REASONS: FieldSpec = { field: 'reasons', required: true };
/** Any step may carry reasons (StepRequest); these steps are customarily given them, but need none. */
const NOTE: FieldSpec = { field: 'reasons', required: false };

/** What each step carries and who takes it, as TransferStep and Transfer.requireDetails(...) say. */
export const TRANSFER_STEPS: Readonly<Record<string, StepSpec>> = {
  approve: { party: 'SENDING_AGENCY', head: true, fields: [] },
  refuse: { party: 'SENDING_AGENCY', head: true, fields: [REASONS], closing: true },
  transfer: { party: 'SENDING_AGENCY', head: false, fields: [{ field: 'packageParts', required: true }] },
  receive: { party: 'RECEIVING_POLICE', head: false, fields: [] },
  'pass-on': { party: 'RECEIVING_POLICE', head: false, fields: [{ field: 'passOnTo', required: true }, NOTE] },
  file: { party: 'RECEIVING_POLICE', head: false, fields: [] },
  'refuse-filing': { party: 'RECEIVING_POLICE', head: false, fields: [REASONS], closing: true },
  'hand-over-items': { party: 'SENDING_AGENCY', head: false, fields: [] },
  'request-reconsideration': { party: 'SENDING_AGENCY', head: false, fields: [REASONS] },
  'reconsider-and-file': { party: 'RECEIVING_POLICE', head: false, fields: [] },
  'reconsider-and-uphold': { party: 'RECEIVING_POLICE', head: false, fields: [REASONS], closing: true },
  'request-supervision': { party: 'SENDING_AGENCY', head: false, fields: [REASONS] },
  'request-explanation': { party: 'PROCURATORATE', head: false, fields: [NOTE] },
  'give-explanation': { party: 'RECEIVING_POLICE', head: false, fields: [REASONS] },
  'order-filing': { party: 'PROCURATORATE', head: false, fields: [NOTE] },
  'accept-non-filing': { party: null, head: false, fields: [NOTE], closing: true },
  'accept-return': { party: 'SENDING_AGENCY', head: false, fields: [] },
  'record-outcome': { party: 'SENDING_AGENCY', head: false, fields: [REASONS] },
};

/** The five parts of a transfer package (PackagePart, Decree 310 Art. 6), in the order of the regulation. */
export const PACKAGE_PARTS = [
  'TRANSFER_LETTER',
  'INVESTIGATION_REPORT',
  'SEIZED_ITEMS_LIST',
  'TEST_OR_APPRAISAL_REPORTS',
  'OTHER_MATERIALS',
] as const;

/** The parts every package needs (PackagePart.REQUIRED). */
export const REQUIRED_PARTS: readonly string[] = ['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'SEIZED_ITEMS_LIST'];

/** Who takes a step from a state: accept-non-filing is the procuratorate's after the police explained. */
export function partyOf(step: string, state: string): Party | null {
  const spec = TRANSFER_STEPS[step];
  if (!spec) return null;
  if (spec.party === null) return state === 'EXPLANATION_GIVEN' ? 'PROCURATORATE' : 'SENDING_AGENCY';
  return spec.party;
}

/** A party of one transfer: its agency and the region it must cover, and whether only the agency head may act. */
export interface Turn {
  party: Party;
  agency: string;
  region: string;
  head: boolean;
}

function turnFor(party: Party, head: boolean, transfer: Pick<Transfer, 'sendingAgency' | 'sendingRegion' | 'receivingRegion'>): Turn {
  switch (party) {
    case 'SENDING_AGENCY':
      return { party, agency: transfer.sendingAgency, region: transfer.sendingRegion, head };
    case 'RECEIVING_POLICE':
      return { party, agency: 'PUBLIC_SECURITY', region: transfer.receivingRegion, head };
    case 'PROCURATORATE':
      return { party, agency: 'PROCURATORATE', region: transfer.sendingRegion, head };
  }
}

/**
 * Whose turn it is: the parties who may take one of the allowed steps, in the order of the steps (a party whose steps
 * all need the head is named as its head). Empty when the transfer has no step left.
 */
export function whoseTurn(transfer: Pick<Transfer, 'state' | 'allowedSteps' | 'sendingAgency' | 'sendingRegion' | 'receivingRegion'>): Turn[] {
  const byParty = new Map<Party, boolean>();
  for (const step of transfer.allowedSteps) {
    const party = partyOf(step, transfer.state);
    if (party === null) continue;
    const head = TRANSFER_STEPS[step].head;
    byParty.set(party, byParty.has(party) ? byParty.get(party)! && head : head);
  }
  return [...byParty].map(([party, head]) => turnFor(party, head, transfer));
}

/** The part of the region codes a region covers (RegionCode.subtreePrefix): a province 22, a city 2201, a county. */
export function subtreePrefix(region: string): string {
  if (region.endsWith('0000')) return region.substring(0, 2);
  if (region.endsWith('00')) return region.substring(0, 4);
  return region;
}

export function covers(region: string, other: string): boolean {
  return region.length === 6 && other.startsWith(subtreePrefix(region));
}

export interface Caller {
  agency: string;
  region: string;
  roles: readonly string[];
}

/** Whether the caller is that party (Transfer.isParty): its agency, in a region covering the party's. */
export function isParty(caller: Caller | null, turn: Turn, withHead = turn.head): boolean {
  if (caller === null) return false;
  return caller.agency === turn.agency && covers(caller.region, turn.region) && (!withHead || caller.roles.includes('AGENCY_HEAD'));
}

export interface StepForm {
  step: string;
  known: boolean;
  fields: readonly FieldSpec[];
  turn: Turn | null;
  /** The caller may take it (the server checks again). */
  mine: boolean;
  type: 'primary' | 'danger' | 'default';
}

/**
 * One form per allowed step, in the API's order: the caller's own steps (offered as buttons) and the others' (shown
 * as waiting for their party). A step the console does not know is offered to everyone: the server answers.
 */
export function stepForms(transfer: Transfer, caller: Caller | null): StepForm[] {
  let first = true;
  return transfer.allowedSteps.map((step) => {
    const spec = TRANSFER_STEPS[step];
    const party = partyOf(step, transfer.state);
    const turn = party === null ? null : turnFor(party, spec.head, transfer);
    const mine = turn === null ? caller !== null : isParty(caller, turn);
    let type: StepForm['type'] = 'default';
    if (spec?.closing) type = 'danger';
    else if (mine && first) type = 'primary';
    if (mine && !spec?.closing) first = false;
    return { step, known: spec !== undefined, fields: spec?.fields ?? [], turn, mine, type };
  });
}

/** A history entry's step (REQUEST_RECONSIDERATION) as its path (request-reconsideration); REPORT and RETURN stay. */
export function entryStep(step: string): string {
  return step === 'REPORT' || step === 'RETURN' ? step : step.toLowerCase().replace(/_/g, '-');
}

export interface StepValues {
  reasons: string;
  packageParts: string[];
  passOnTo: string;
}

export function emptyStepValues(): StepValues {
  return { reasons: '', packageParts: [], passOnTo: '' };
}

/** Reasons are typed one per line; blank lines are not reasons. */
export function reasonLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export const REGION_PATTERN = /^[1-9][0-9]{5}$/;

/** The required fields of a step left empty or incomplete (the server checks them too, naming them in its problem). */
export function missingFields(step: string, values: StepValues): TransferField[] {
  return (TRANSFER_STEPS[step]?.fields ?? [])
    .filter((spec) => spec.required)
    .map((spec) => spec.field)
    .filter((field) => {
      switch (field) {
        case 'reasons':
          return reasonLines(values.reasons).length === 0;
        case 'packageParts':
          return missingParts(values.packageParts).length > 0;
        case 'passOnTo':
          return !REGION_PATTERN.test(values.passOnTo.trim());
      }
    });
}

/** The required package parts not ticked. */
export function missingParts(parts: readonly string[]): string[] {
  return REQUIRED_PARTS.filter((part) => !parts.includes(part));
}

/** The request body of `POST /api/transfers/{id}/steps/{step}`: the step's own fields and the version seen. */
export function stepBody(step: string, values: StepValues, expectedVersion: number): Record<string, unknown> {
  const body: Record<string, unknown> = { expectedVersion };
  for (const { field } of TRANSFER_STEPS[step]?.fields ?? []) {
    if (field === 'reasons') {
      const lines = reasonLines(values.reasons);
      if (lines.length > 0) body.reasons = lines;
    } else if (field === 'packageParts') {
      body.packageParts = PACKAGE_PARTS.filter((part) => values.packageParts.includes(part));
    } else {
      body.passOnTo = values.passOnTo.trim();
    }
  }
  return body;
}
