// The species catalogue (物种名录, case-service's `/api/species`): the filters every officer searches it by, and the
// system administrator's CSV import (SpeciesImport: columns 代码,中文名,学名,纲,保护级别,CITES附录,计数单位; a bad
// row is named `row 3` or `row 3 保护级别`, a bad header `header`).

import { toQuery, type FieldError } from '../api/client';
import { rowErrors, type RowError } from '../facilities/imports';

/** ProtectionLevel (event-contract), highest first. */
export const PROTECTION_LEVELS = ['NATIONAL_FIRST', 'NATIONAL_SECOND', 'PROVINCIAL', 'SANYOU', 'NONE'] as const;
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];

/** One species as `GET /api/species` answers it (SpeciesController.SpeciesView). */
export interface Species {
  code: string;
  nameZh: string;
  latinName: string;
  taxonClass: string;
  protectionLevel: ProtectionLevel;
  protectionLevelLabel: string;
  citesAppendix: string | null;
  unit: string;
  unitLabel: string;
}

/** What an import did (SpeciesController.ImportReport): `skipped` only with skipInvalid=true. */
export interface SpeciesImportReport {
  imported: number;
  skipped: FieldError[];
  catalogueSize: number;
}

/** The CSV header the import takes, in this order. */
export const IMPORT_HEADERS = ['代码', '中文名', '学名', '纲', '保护级别', 'CITES附录', '计数单位'] as const;

/** The most `q` the API takes (`@Size(max = 60)`). */
export const MAX_QUERY_LENGTH = 60;

/** The largest file the page reads and sends (2 MiB); the service has its own limits on rows and cells. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export interface SpeciesFilters {
  level: ProtectionLevel | '';
  q: string;
}

export function blankSpeciesFilters(): SpeciesFilters {
  return { level: '', q: '' };
}

/** `GET /api/species` with the filters set: the text trimmed and cut to what the API takes, empty ones left out. */
export function speciesPath(filters: SpeciesFilters): string {
  const level = (PROTECTION_LEVELS as readonly string[]).includes(filters.level) ? filters.level : '';
  const q = filters.q.trim().slice(0, MAX_QUERY_LENGTH);
  return `/api/species${toQuery({ level, q })}`;
}

/** Why a picked file is not sent, or null when it may be: a CSV file, not empty, at most {@link MAX_IMPORT_BYTES}. */
export type FileRefusal = 'type' | 'empty' | 'size';

export function refuseFile(file: { name: string; size: number; type?: string }): FileRefusal | null {
  const csv = file.name.toLowerCase().endsWith('.csv') || file.type === 'text/csv';
  if (!csv) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_IMPORT_BYTES) return 'size';
  return null;
}

/**
 * Whether the text read as UTF-8 (File.text()) had bytes that are not UTF-8, as a CSV saved as GBK by a spreadsheet
 * program has: the service would only say the header is wrong.
 */
export function notUtf8(text: string): boolean {
  return text.includes('\uFFFD');
}

/** `POST /api/species/import`, with `skipInvalid=true` only when asked. */
export function importPath(skipInvalid: boolean): string {
  return `/api/species/import${skipInvalid ? '?skipInvalid=true' : ''}`;
}

/** The content type the import is sent with: the text read in the browser, as UTF-8. */
export const IMPORT_CONTENT_TYPE = 'text/csv;charset=UTF-8';

/** The body of the import: the file's text as it was read. */
export function importBody(text: string): Blob {
  return new Blob([text], { type: IMPORT_CONTENT_TYPE });
}

/**
 * The errors of a 400 answer (or the rows skipped) that name a row or the header, by row in the order of the file, a
 * bad header first. Any other error stays with the problem's own alert.
 */
export function importErrors(errors: readonly FieldError[]): RowError[] {
  const rows = rowErrors(errors.filter((e) => isFileField(e.field)));
  return [...rows.filter((e) => e.row === null && e.column === 'header'), ...rows.filter((e) => !(e.row === null && e.column === 'header'))];
}

/** Whether the errors are all about rows (so 跳过错误行 can import the others): the service refuses a bad header anyway. */
export function rowsOnly(errors: readonly RowError[]): boolean {
  return errors.length > 0 && errors.every((e) => e.row !== null);
}

/** The fields of the errors shown in the page's own table, left out of ProblemAlert's list. */
export function shownFields(errors: readonly FieldError[]): string[] {
  return errors.map((e) => e.field).filter(isFileField);
}

/** A field naming the file's header or one of its rows (`row 3`, `row 3 保护级别`). */
function isFileField(field: unknown): field is string {
  return typeof field === 'string' && (field === 'header' || /^row \d+(?: |$)/.test(field));
}

/** A file's size as the messages say it: bytes, KiB or MiB, one decimal at most. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}
