/**
 * The oversight dashboard (监督看板): what the services count per child region of the asked one
 * (`GET /api/oversight/transfers`, `/flags` and `/clocks`), put side by side per region, per state and per agency and
 * rule. The services do the counting; this only arranges their answers.
 */
import { LANES } from '../transfers/board';

export { mayOversee } from './access';

export type Level = 'PROVINCE' | 'CITY' | 'COUNTY';

export interface StateCount {
  region: string;
  state: string;
  count: number;
}

export interface ReviewedTransfer {
  id: string;
  caseNumber: string;
  state: string;
  sendingAgency: string;
  sendingRegion: string;
  receivingRegion: string;
  updatedAt: string;
}

export interface TransfersView {
  region: string;
  level: Level;
  computedAt: string;
  counts: StateCount[];
  underReview: ReviewedTransfer[];
}

export interface FlaggedCase {
  id: string;
  number: string;
  title: string;
  agency: string;
  region: string;
  status: string;
  value: number | null;
  penaltyDecidedAt: string | null;
}

export interface FlagsView {
  region: string;
  level: Level;
  computedAt: string;
  counts: { region: string; agency: string; count: number }[];
  cases: FlaggedCase[];
}

export interface ClockCount {
  region: string;
  agency: string;
  ruleId: string;
  title: string;
  overdue: number;
  escalated: number;
}

export interface ClocksView {
  region: string;
  level: Level;
  computedAt: string;
  counts: ClockCount[];
}

/** How often the dashboard asks again: the issue asks for at most 30 s; the services cache a region for less. */
export const POLL_MS = 30_000;

/** Non-filings under reconsideration (复议) or the procuratorate's filing supervision (立案监督). */
export const UNDER_REVIEW: readonly string[] = [
  'RECONSIDERATION_REQUESTED',
  'SUPERVISION_REQUESTED',
  'EXPLANATION_REQUESTED',
  'EXPLANATION_GIVEN',
  'FILING_ORDERED',
];

const SIX_DIGITS = /^[1-9][0-9]{5}$/;

export function isRegion(code: unknown): code is string {
  return typeof code === 'string' && SIX_DIGITS.test(code);
}

export function levelOf(code: string): Level {
  if (code.endsWith('0000')) return 'PROVINCE';
  return code.endsWith('00') ? 'CITY' : 'COUNTY';
}

/** The prefix every code in a region's subtree starts with (as RegionCode.subtreePrefix on the services). */
export function subtreePrefix(code: string): string {
  switch (levelOf(code)) {
    case 'PROVINCE':
      return code.slice(0, 2);
    case 'CITY':
      return code.slice(0, 4);
    default:
      return code;
  }
}

export function covers(home: string, code: string): boolean {
  return code.startsWith(subtreePrefix(home));
}

/**
 * The breadcrumb from the user's own region down to the asked one: province → city → county, never above the
 * user's region. A region outside the user's subtree falls back to the user's own.
 */
export function trail(home: string, asked: string): string[] {
  if (!covers(home, asked)) return [home];
  const steps = [asked.slice(0, 2) + '0000', asked.slice(0, 4) + '00', asked];
  return steps.filter((step, i) => covers(home, step) && steps.indexOf(step) === i);
}

/** Whether a row of the asked region's view leads further down: a child that is not the asked region itself. */
export function drillable(asked: string, region: string): boolean {
  return region !== asked && levelOf(asked) !== 'COUNTY';
}

export interface RegionRow {
  region: string;
  /** The asked region's own agencies (本级), not a child region. */
  own: boolean;
  drillable: boolean;
  openTransfers: number;
  underReview: number;
  overdue: number;
  escalated: number;
  flagged: number;
}

/** One row per child region any of the three views counts something in; the asked region's own row first. */
export function regionRows(
  asked: string,
  transfers: TransfersView | null,
  clocks: ClocksView | null,
  flags: FlagsView | null,
): RegionRow[] {
  const rows = new Map<string, RegionRow>();
  const row = (region: string) => {
    let found = rows.get(region);
    if (!found) {
      found = {
        region,
        own: region === asked,
        drillable: drillable(asked, region),
        openTransfers: 0,
        underReview: 0,
        overdue: 0,
        escalated: 0,
        flagged: 0,
      };
      rows.set(region, found);
    }
    return found;
  };
  for (const c of transfers?.counts ?? []) {
    const r = row(c.region);
    r.openTransfers += c.count;
    if (UNDER_REVIEW.includes(c.state)) r.underReview += c.count;
  }
  for (const c of clocks?.counts ?? []) {
    const r = row(c.region);
    r.overdue += c.overdue;
    r.escalated += c.escalated;
  }
  for (const c of flags?.counts ?? []) row(c.region).flagged += c.count;
  return [...rows.values()].sort((a, b) => (a.own === b.own ? a.region.localeCompare(b.region) : a.own ? -1 : 1));
}

export interface Totals {
  openTransfers: number;
  underReview: number;
  overdue: number;
  escalated: number;
  flagged: number;
}

export function totals(rows: readonly RegionRow[]): Totals {
  return rows.reduce(
    (t, r) => ({
      openTransfers: t.openTransfers + r.openTransfers,
      underReview: t.underReview + r.underReview,
      overdue: t.overdue + r.overdue,
      escalated: t.escalated + r.escalated,
      flagged: t.flagged + r.flagged,
    }),
    { openTransfers: 0, underReview: 0, overdue: 0, escalated: 0, flagged: 0 },
  );
}

/** Open transfers of the whole asked region per state, in the order of the transfer's stages; empty states left out. */
export function stateTotals(transfers: TransfersView | null): { state: string; count: number }[] {
  const order = LANES.flatMap((l) => l.states);
  const sums = new Map<string, number>();
  for (const c of transfers?.counts ?? []) sums.set(c.state, (sums.get(c.state) ?? 0) + c.count);
  const rank = (state: string) => (order.includes(state) ? order.indexOf(state) : order.length);
  return [...sums]
    .map(([state, count]) => ({ state, count }))
    .filter((s) => s.count > 0)
    .sort((a, b) => rank(a.state) - rank(b.state) || a.state.localeCompare(b.state));
}

export interface AgencyRuleRow {
  agency: string;
  ruleId: string;
  title: string;
  overdue: number;
  escalated: number;
}

/** Missed clocks of the whole asked region per agency and rule: the most missed first. */
export function byAgencyAndRule(clocks: ClocksView | null): AgencyRuleRow[] {
  const rows = new Map<string, AgencyRuleRow>();
  for (const c of clocks?.counts ?? []) {
    const key = `${c.agency}\u0000${c.ruleId}`;
    const row = rows.get(key) ?? { agency: c.agency, ruleId: c.ruleId, title: c.title, overdue: 0, escalated: 0 };
    row.overdue += c.overdue;
    row.escalated += c.escalated;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.overdue + b.escalated - (a.overdue + a.escalated) ||
      a.agency.localeCompare(b.agency) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** A bar's value as its label; nothing for zero. */
export function valueLabel(params: { value: unknown }): string {
  return params.value === 0 ? '' : String(params.value);
}

export interface BarSeries {
  name: string;
  values: number[];
}

/**
 * An ECharts option for horizontal bars (one category per row, series stacked), drawn on canvas without tooltips:
 * the tables next to each chart carry the same numbers for screen readers and keyboards.
 */
export function barOption(categories: readonly string[], series: readonly BarSeries[], colours: readonly string[]) {
  return {
    animation: false,
    color: [...colours],
    grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: [...categories] },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: series.length > 1 ? 'total' : undefined,
      data: [...s.values],
      // A stacked zero would print a stray 0 on its neighbour's bar.
      label: { show: true, position: series.length > 1 ? 'inside' : 'right', formatter: valueLabel },
      barMaxWidth: 28,
    })),
  };
}
