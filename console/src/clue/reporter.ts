import { ApiProblem } from '../api/client';
import type { Clue } from '../api/types';

/** The reporter (举报人) as the receiving agency enters it: `PUT /api/clues/{id}/reporter` (ClueController.ReporterRequest). */
export interface ReporterValues {
  anonymous: boolean;
  name: string;
  phone: string;
  idNumber: string;
  contact: string;
  rewardRequested: boolean;
}

export const REPORTER_FIELDS = ['name', 'phone', 'idNumber', 'contact'] as const;

export function emptyReporter(): ReporterValues {
  return { anonymous: false, name: '', phone: '', idNumber: '', contact: '', rewardRequested: false };
}

/** The request body: texts trimmed, empty ones left out (the API keeps none of them then). */
export function reporterBody(values: ReporterValues): Record<string, unknown> {
  const body: Record<string, unknown> = { anonymous: values.anonymous, rewardRequested: values.rewardRequested };
  for (const field of REPORTER_FIELDS) {
    const text = values[field].trim();
    if (text) body[field] = text;
  }
  return body;
}

/**
 * Whether the form is offered: on the receiving agency's own clue, which the API says by answering `reporterOnFile`
 * (null for anyone else). Whether the caller may record it (a handler of that agency in its region) the API decides:
 * its 403 is shown as such.
 */
export function mayOfferReporterForm(clue: Clue): boolean {
  return clue.reporterOnFile !== null;
}

/** The API's refusal of a caller who is not one of the receiving agency's handlers. */
export function refusedAsNotHandler(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 403;
}
