/**
 * Starting a transfer: an administrative agency's officers report a suspected crime to their head
 * (`POST /api/transfers`), or the police send a case back to the competent administrative agency, the reverse
 * transfer (`POST /api/transfers/returns`).
 */
import { reasonLines, REGION_PATTERN } from './steps';

export type NewTransferKind = 'report' | 'return';

export type NewTransferField = 'caseNumber' | 'summary' | 'toAgency' | 'toRegion' | 'reasons';

/** The agencies that transfer suspected crimes to the police, and to which the police return cases (Transfer.SENDERS). */
export const ADMINISTRATIVE_AGENCIES = ['FORESTRY', 'MARKET_SUPERVISION', 'AGRICULTURE'] as const;

export const NEW_TRANSFER_FIELDS: Readonly<Record<NewTransferKind, readonly NewTransferField[]>> = {
  report: ['caseNumber', 'summary'],
  return: ['caseNumber', 'summary', 'toAgency', 'toRegion', 'reasons'],
};

/** Who starts which: officers of an administrative agency report, the police return. */
export function mayStart(kind: NewTransferKind, agency: string | undefined): boolean {
  if (!agency) return false;
  return kind === 'report' ? (ADMINISTRATIVE_AGENCIES as readonly string[]).includes(agency) : agency === 'PUBLIC_SECURITY';
}

export interface NewTransferValues {
  caseNumber: string;
  summary: string;
  toAgency: string;
  toRegion: string;
  reasons: string;
}

export function emptyNewTransfer(): NewTransferValues {
  return { caseNumber: '', summary: '', toAgency: '', toRegion: '', reasons: '' };
}

export function newTransferMissing(kind: NewTransferKind, values: NewTransferValues): NewTransferField[] {
  return NEW_TRANSFER_FIELDS[kind].filter((field) => {
    switch (field) {
      case 'reasons':
        return reasonLines(values.reasons).length === 0;
      case 'toRegion':
        return !REGION_PATTERN.test(values.toRegion.trim());
      default:
        return values[field].trim() === '';
    }
  });
}

export function newTransferPath(kind: NewTransferKind): string {
  return kind === 'report' ? '/api/transfers' : '/api/transfers/returns';
}

export function newTransferBody(kind: NewTransferKind, values: NewTransferValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of NEW_TRANSFER_FIELDS[kind]) {
    body[field] = field === 'reasons' ? reasonLines(values.reasons) : values[field].trim();
  }
  return body;
}
