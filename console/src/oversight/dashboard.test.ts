import { describe, expect, it } from 'vitest';
import {
  barOption,
  byAgencyAndRule,
  covers,
  drillable,
  mayOversee,
  regionRows,
  stateTotals,
  totals,
  trail,
  type ClocksView,
  type FlagsView,
  type TransfersView,
} from './dashboard';

const transfers: TransfersView = {
  region: '220100',
  level: 'CITY',
  computedAt: '2026-12-07T10:00:00Z',
  counts: [
    { region: '220100', state: 'REPORTED', count: 1 },
    { region: '220112', state: 'TRANSFERRED', count: 2 },
    { region: '220112', state: 'SUPERVISION_REQUESTED', count: 1 },
    { region: '220122', state: 'RECONSIDERATION_REQUESTED', count: 3 },
    { region: '220122', state: 'REPORTED', count: 4 },
  ],
  underReview: [],
};

const clocks: ClocksView = {
  region: '220100',
  level: 'CITY',
  computedAt: '2026-12-07T10:00:00Z',
  counts: [
    { region: '220112', agency: 'FORESTRY', ruleId: 'TRANSFER_DELIVERY', title: '移送', overdue: 1, escalated: 0 },
    { region: '220122', agency: 'FORESTRY', ruleId: 'TRANSFER_DELIVERY', title: '移送', overdue: 2, escalated: 1 },
    { region: '220112', agency: 'PUBLIC_SECURITY', ruleId: 'POLICE_FILING_DECISION', title: '立案', overdue: 0, escalated: 1 },
  ],
};

const flags: FlagsView = {
  region: '220100',
  level: 'CITY',
  computedAt: '2026-12-07T10:00:00Z',
  counts: [{ region: '220102', agency: 'MARKET_SUPERVISION', count: 2 }],
  cases: [],
};

describe('the oversight dashboard', () => {
  it('is for oversight agencies and agency heads only', () => {
    expect(mayOversee({ agency: 'PROCURATORATE', roles: ['OFFICER'] })).toBe(true);
    expect(mayOversee({ agency: 'SUPERVISION_OFFICE', roles: ['OFFICER'] })).toBe(true);
    expect(mayOversee({ agency: 'FORESTRY', roles: ['OFFICER', 'AGENCY_HEAD'] })).toBe(true);
    expect(mayOversee({ agency: 'FORESTRY', roles: ['OFFICER', 'HANDLER'] })).toBe(false);
    expect(mayOversee({ agency: 'PROCURATORATE', roles: ['AUDIT_ADMIN'] })).toBe(false);
    expect(mayOversee(null)).toBe(false);
  });

  it('walks from the user own region down to the asked one, never above it', () => {
    expect(trail('220000', '220112')).toEqual(['220000', '220100', '220112']);
    expect(trail('220100', '220112')).toEqual(['220100', '220112']);
    expect(trail('220100', '220100')).toEqual(['220100']);
    expect(trail('220100', '210100')).toEqual(['220100']);
    expect(covers('220100', '220122')).toBe(true);
    expect(covers('220112', '220122')).toBe(false);
  });

  it('drills into child regions but not into the region own agencies or below a county', () => {
    expect(drillable('220000', '220100')).toBe(true);
    expect(drillable('220100', '220112')).toBe(true);
    expect(drillable('220100', '220100')).toBe(false);
    expect(drillable('220112', '220112')).toBe(false);
  });

  it('puts the three views side by side per region, the region own agencies first', () => {
    const rows = regionRows('220100', transfers, clocks, flags);
    expect(rows.map((r) => r.region)).toEqual(['220100', '220102', '220112', '220122']);
    expect(rows[0]).toMatchObject({ own: true, drillable: false, openTransfers: 1 });
    expect(rows.find((r) => r.region === '220112')).toMatchObject({
      openTransfers: 3,
      underReview: 1,
      overdue: 1,
      escalated: 1,
      flagged: 0,
      drillable: true,
    });
    expect(rows.find((r) => r.region === '220102')!.flagged).toBe(2);
    expect(totals(rows)).toEqual({ openTransfers: 11, underReview: 4, overdue: 3, escalated: 2, flagged: 2 });
    expect(regionRows('220100', null, null, null)).toEqual([]);
  });

  it('sums open transfers per state in the order of the transfer stages', () => {
    expect(stateTotals(transfers)).toEqual([
      { state: 'REPORTED', count: 5 },
      { state: 'TRANSFERRED', count: 2 },
      { state: 'RECONSIDERATION_REQUESTED', count: 3 },
      { state: 'SUPERVISION_REQUESTED', count: 1 },
    ]);
  });

  it('sums missed clocks per agency and rule, the most missed first', () => {
    expect(byAgencyAndRule(clocks)).toEqual([
      { agency: 'FORESTRY', ruleId: 'TRANSFER_DELIVERY', title: '移送', overdue: 3, escalated: 1 },
      { agency: 'PUBLIC_SECURITY', ruleId: 'POLICE_FILING_DECISION', title: '立案', overdue: 0, escalated: 1 },
    ]);
  });

  it('draws stacked bars only when there is more than one series, without tooltips', () => {
    const one = barOption(['a', 'b'], [{ name: 'x', values: [1, 2] }], ['#111']);
    expect(one.legend).toBeUndefined();
    expect(one.series[0]).toMatchObject({ type: 'bar', stack: undefined, data: [1, 2] });
    const two = barOption(['a'], [{ name: 'x', values: [1] }, { name: 'y', values: [2] }], ['#111', '#222']);
    expect(two.series.map((s) => s.stack)).toEqual(['total', 'total']);
    expect(two.legend).toEqual({ top: 0, data: ['x', 'y'] });
    expect('tooltip' in two).toBe(false);
    expect(two.series[0].label.formatter({ value: 0 })).toBe('');
    expect(two.series[0].label.formatter({ value: 3 })).toBe('3');
  });
});
