/**
 * The clue steps the console knows how to ask for. The buttons shown are always exactly the clue's `allowedSteps`
 * from the API, in its order: a step this table does not know still gets a button (named by its path) and is sent
 * without fields, so the server, not the console, decides what is allowed.
 */
export type StepField = 'assignee' | 'reasons' | 'caseNumber' | 'referredTo';

/** What each step carries, as ClueController's ClueStepRequest and Clue.missing(...) require it. */
export const STEP_FIELDS: Readonly<Record<string, readonly StepField[]>> = {
  assign: ['assignee'],
  verify: ['reasons'],
  'open-case': ['caseNumber'],
  dismiss: ['reasons'],
  refer: ['referredTo', 'reasons'],
  'accept-referral': [],
  'give-feedback': ['reasons'],
};

/** Steps that end the clue's handling one way or the other: shown as the danger kind of button. */
const CLOSING_STEPS = new Set(['dismiss']);

export interface StepButton {
  step: string;
  fields: readonly StepField[];
  known: boolean;
  type: 'primary' | 'danger' | 'default';
}

export function stepButtons(allowedSteps: readonly string[]): StepButton[] {
  return allowedSteps.map((step, index) => {
    const known = Object.prototype.hasOwnProperty.call(STEP_FIELDS, step);
    return {
      step,
      fields: known ? STEP_FIELDS[step] : [],
      known,
      type: CLOSING_STEPS.has(step) ? 'danger' : index === 0 ? 'primary' : 'default',
    };
  });
}

export interface StepValues {
  assignee: string;
  reasons: string;
  caseNumber: string;
  referredTo: string;
}

export function emptyStepValues(): StepValues {
  return { assignee: '', reasons: '', caseNumber: '', referredTo: '' };
}

/** Reasons are typed one per line; blank lines are not reasons. */
export function reasonLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The fields of a step left empty (the server checks them too, and names them in its problem answer). */
export function missingFields(step: string, values: StepValues): StepField[] {
  return (STEP_FIELDS[step] ?? []).filter((field) =>
    field === 'reasons' ? reasonLines(values.reasons).length === 0 : values[field].trim() === '',
  );
}

/** The request body of `POST /api/clues/{id}/steps/{step}`: only the step's own fields and the version seen. */
export function stepBody(step: string, values: StepValues, expectedVersion: number): Record<string, unknown> {
  const body: Record<string, unknown> = { expectedVersion };
  for (const field of STEP_FIELDS[step] ?? []) {
    body[field] = field === 'reasons' ? reasonLines(values.reasons) : values[field].trim();
  }
  return body;
}
