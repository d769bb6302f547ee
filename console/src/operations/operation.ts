import type { Duty, Operation, Phase, ReportState, ReportStatus, ResultsLevel, ResultsTable } from './types';

/** Today in Beijing time (yyyy-MM-dd), the day the services date operations, sorties and reports by. */
export function chinaToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export type Progress = 'UPCOMING' | 'ACTIVE' | 'ENDED';

/** Where a dated span (an operation, a phase) stands on `today`; ISO dates compare as text. */
export function progress(span: { from: string; to: string }, today: string): Progress {
  if (today < span.from) return 'UPCOMING';
  return today > span.to ? 'ENDED' : 'ACTIVE';
}

export function operationProgress(o: Pick<Operation, 'startsOn' | 'endsOn'>, today: string): Progress {
  return progress({ from: o.startsOn, to: o.endsOn }, today);
}

/** The phase running on `today`, if any: plans leave gaps between phases (a few days to sum up). */
export function currentPhase(o: Pick<Operation, 'phases'>, today: string): Phase | null {
  return o.phases.find((p) => progress(p, today) === 'ACTIVE') ?? null;
}

/** A day clamped into the operation: a sortie form opened after the operation ended offers its last day. */
export function dayWithin(o: Pick<Operation, 'startsOn' | 'endsOn'>, day: string): string {
  if (day < o.startsOn) return o.startsOn;
  return day > o.endsOn ? o.endsOn : day;
}

/** One agency's part in the operation: its office and duties as the plan writes them, and its recurring duties. */
export interface AgencyDuties {
  agency: string;
  lead: boolean;
  offices: { office: string; duties: string }[];
  recurring: Duty[];
}

/**
 * The plan's duties per agency, the lead agency first and the others in the plan's order. An agency listed twice (a
 * provincial bureau and its office) is one entry; recurring duties of an agency the plan does not list as a
 * participant still get one.
 */
export function dutiesByAgency(o: Pick<Operation, 'leadAgency' | 'leadOffice' | 'participants' | 'recurringDuties'>): AgencyDuties[] {
  const byAgency = new Map<string, AgencyDuties>();
  const entry = (agency: string) => {
    let found = byAgency.get(agency);
    if (!found) {
      found = { agency, lead: agency === o.leadAgency, offices: [], recurring: [] };
      byAgency.set(agency, found);
    }
    return found;
  };
  entry(o.leadAgency);
  o.participants.forEach((p) => entry(p.agency).offices.push({ office: p.office, duties: p.duties }));
  o.recurringDuties.forEach((d) => entry(d.agency).recurring.push(d));
  const lead = byAgency.get(o.leadAgency)!;
  if (lead.offices.length === 0 && lead.recurring.length === 0) {
    lead.offices.push({ office: o.leadOffice, duties: '' });
  }
  return [...byAgency.values()];
}

export const FINAL = 'FINAL';
export const REPORT_STATES: ReportState[] = ['ON_TIME', 'LATE', 'MISSING', 'NOT_DUE'];

/** The reports owed as a grid: one row per region (the API's order), one column per month, then the final report. */
export interface ReportSchedule {
  periods: string[];
  rows: { region: string; cells: Record<string, ReportStatus> }[];
  counts: Record<ReportState, number>;
}

export function reportSchedule(statuses: readonly ReportStatus[]): ReportSchedule {
  const months = [...new Set(statuses.map((s) => s.period).filter((p) => p !== FINAL))].sort();
  const periods = statuses.some((s) => s.period === FINAL) ? [...months, FINAL] : months;
  const rows = new Map<string, Record<string, ReportStatus>>();
  const counts = Object.fromEntries(REPORT_STATES.map((s) => [s, 0])) as Record<ReportState, number>;
  for (const status of statuses) {
    if (!rows.has(status.region)) rows.set(status.region, {});
    rows.get(status.region)![status.period] = status;
    counts[status.state] = (counts[status.state] ?? 0) + 1;
  }
  return { periods, rows: [...rows.entries()].map(([region, cells]) => ({ region, cells })), counts };
}

/** The results table's columns in the agencies' order (ResultsTable.Column), headers in the i18n files. */
export const RESULT_COLUMNS = [
  'PERSONNEL_SORTIES',
  'VEHICLE_SORTIES',
  'HABITATS_INSPECTED',
  'MARKETS_INSPECTED',
  'LIVE_POULTRY_SHOPS_INSPECTED',
  'BREEDING_SITES_INSPECTED',
  'RESTAURANTS_INSPECTED',
  'CRIMINAL_CASES',
  'ADMINISTRATIVE_CASES',
  'PEOPLE_PENALISED',
  'LIVE_ANIMALS_SEIZED',
  'DEAD_ANIMALS_SEIZED',
  'ANIMALS_RELEASED',
  'TOOLS_SEIZED',
  'CASE_VALUE',
  'FINES',
  'CLUES_RECEIVED',
] as const;

export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/** Amounts in yuan, shown with separators; the others are counts. */
export const MONEY_COLUMNS: readonly ResultColumn[] = ['CASE_VALUE', 'FINES'];

export interface ResultLine {
  region: string;
  level: ResultsLevel;
  /** The table's own region (合计 of the subtree asked for), first. */
  top: boolean;
  values: number[];
}

/**
 * The rows as the table reads them, in the API's order (the region asked for, then each city followed by its
 * counties), every column present: a column the API leaves out is zero.
 */
export function resultLines(table: Pick<ResultsTable, 'region' | 'rows'>): ResultLine[] {
  return table.rows.map((row) => ({
    region: row.region,
    level: row.level,
    top: row.region === table.region,
    values: RESULT_COLUMNS.map((c) => Number(row.values[c] ?? 0)),
  }));
}

/** The name a downloaded table is saved under: the one the API's Content-Disposition gives it. */
export function resultsFileName(table: Pick<ResultsTable, 'region' | 'from' | 'to'>, ext: 'xlsx' | 'csv'): string {
  return `成果表-${table.region}-${table.from}-${table.to}.${ext}`;
}
