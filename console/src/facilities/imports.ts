// The facility import as officers see it: which content type the API takes for a file, the row errors of the API's
// problem answer (fields "row 3 许可物种", FacilitySheet) and, for a CSV file, its rows with each bad cell marked.

import type { FieldError } from '../api/client';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type FacilityImportController takes for a file, by its name or type; null for anything else. */
export function importContentType(file: { name: string; type?: string }): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'text/csv';
  if (name.endsWith('.xlsx') || file.type === XLSX) return XLSX;
  return null;
}

/** One error of the file: a row and column when the API names them (the header is row 1). */
export interface RowError {
  row: number | null;
  column: string | null;
  message: string;
  rejectedValue: string | null;
}

const ROW_FIELD = /^row (\d+)(?: (.+))?$/;

/** The API's field errors as rows and columns, in the order of the file (errors not about a row last). */
export function rowErrors(errors: readonly FieldError[]): RowError[] {
  const read = errors.map((e) => {
    const match = typeof e.field === 'string' ? ROW_FIELD.exec(e.field) : null;
    const rejected = e.rejectedValue;
    return {
      row: match ? Number(match[1]) : null,
      column: match?.[2] ?? (match ? null : (e.field ?? null)),
      message: e.message ?? '',
      rejectedValue: rejected === null || rejected === undefined || rejected === '' ? null : String(rejected),
    };
  });
  return read
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.row ?? Number.MAX_SAFE_INTEGER) - (b.e.row ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map(({ e }) => e);
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), a leading byte-order mark dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A row of the file as the preview shows it: its number, its cells, and the errors of each cell or of the row. */
export interface PreviewRow {
  row: number;
  cells: { value: string; errors: string[] }[];
  rowErrors: string[];
}

/**
 * The rows of a CSV file with the API's errors put where they are: on the cell of the column named, or on the row
 * when no column is named or the column is not in the header. Only rows with an error, unless `all`.
 */
export function preview(rows: readonly string[][], errors: readonly RowError[], all = false): { header: string[]; rows: PreviewRow[] } {
  const header = rows[0] ?? [];
  const shown: PreviewRow[] = [];
  rows.forEach((cells, index) => {
    const number = index + 1;
    if (number === 1) return;
    const mine = errors.filter((e) => e.row === number);
    if (!all && mine.length === 0) return;
    const width = Math.max(header.length, cells.length);
    const line: PreviewRow = {
      row: number,
      cells: Array.from({ length: width }, (_, c) => ({ value: cells[c] ?? '', errors: [] as string[] })),
      rowErrors: [],
    };
    for (const e of mine) {
      const column = e.column === null ? -1 : header.findIndex((h) => h.trim() === e.column);
      if (column >= 0) line.cells[column].errors.push(e.message);
      else line.rowErrors.push(e.column ? `${e.column}: ${e.message}` : e.message);
    }
    shown.push(line);
  });
  return { header, rows: shown };
}

/** Whether the file can be imported without its bad rows: not when the header itself is wrong. */
export function canSkipInvalid(errors: readonly RowError[]): boolean {
  return errors.length > 0 && errors.every((e) => e.row !== null && e.row > 1);
}
