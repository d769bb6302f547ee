import { saveBlob } from '../files';

/** A lawful export of one person's data (case-service's `POST /api/personal-data/exports`). */

export type IdentifierType = 'ID_NUMBER' | 'PHONE';

/**
 * The form as the page holds it, in memory only: the identifier is never put in the URL, the history or any storage,
 * and is cleared once the export is answered.
 */
export interface ExportForm {
  identifierType: IdentifierType;
  identifierValue: string;
  requestReference: string;
  legalBasis: string;
}

export function blankExportForm(): ExportForm {
  return { identifierType: 'ID_NUMBER', identifierValue: '', requestReference: '', legalBasis: '' };
}

/** The request body: the identifier without spaces (as people copy ID numbers in groups), the rest trimmed. */
export function exportRequest(form: ExportForm) {
  return {
    identifier: { type: form.identifierType, value: form.identifierValue.replace(/\s+/g, '') },
    requestReference: form.requestReference.trim(),
    legalBasis: form.legalBasis.trim(),
  };
}

/** One record naming the person (case-service's ExportedRecord). */
export interface ExportedRecord {
  kind: 'CLUE_REPORTER' | 'CLUE' | 'CASE' | string;
  kindLabel: string;
  recordId: string;
  role: string;
  roleLabel: string;
  agency: string;
  region: string;
  dates: Record<string, string>;
  personalData: Record<string, unknown>;
}

/** The export as case-service answers it. */
export interface PersonalDataExport {
  exportId: string;
  title: string;
  exportedAt: string;
  exportedBy: string;
  exportedByName: string;
  agency: string;
  agencyLabel: string;
  region: string;
  requestReference: string;
  legalBasis: string;
  identifierType: string;
  recordCount: number;
  records: ExportedRecord[];
}

/** The file's name, as case-service names its own download (`?download=true`). */
export function exportFileName(answer: Pick<PersonalDataExport, 'exportId'>): string {
  return `个人信息导出-${answer.exportId}.json`;
}

/** The file's content: the answer as it came, indented, so that what is saved is what the API answered. */
export function exportFileText(answer: PersonalDataExport): string {
  return `${JSON.stringify(answer, null, 2)}\n`;
}

/** A record's personal fields as label/value lines; nested values as JSON. */
export function personalLines(record: ExportedRecord): { field: string; value: string }[] {
  return Object.entries(record.personalData).map(([field, value]) => ({
    field,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  }));
}

/**
 * Saves a text the page made as a file. Nothing is sent anywhere and nothing is kept: the export exists only in this
 * page's memory and in the file.
 */
export function saveTextFile(text: string, fileName: string, type = 'application/json'): void {
  saveBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}
