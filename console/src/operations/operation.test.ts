import { describe, expect, it } from 'vitest';
import {
  RESULT_COLUMNS,
  chinaToday,
  currentPhase,
  dayWithin,
  dutiesByAgency,
  operationProgress,
  reportSchedule,
  resultLines,
  resultsFileName,
} from './operation';
import type { ReportStatus } from './types';

const plan = {
  leadAgency: 'FORESTRY',
  leadOffice: '辽宁省林业和草原局野生动植物保护处',
  startsOn: '2022-08-08',
  endsOn: '2022-12-31',
  participants: [
    { agency: 'SUPERVISION_OFFICE', office: '驻长春专员办', duties: '督导监督' },
    { agency: 'FORESTRY', office: '辽宁省林业和草原局', duties: '牵头开展专项行动' },
    { agency: 'PUBLIC_SECURITY', office: '辽宁省公安厅', duties: '依法严厉打击' },
  ],
  phases: [
    { name: '动员摸底阶段', from: '2022-08-08', to: '2022-08-18', tasks: '动员部署' },
    { name: '集中打击阶段', from: '2022-08-19', to: '2022-12-15', tasks: '查处大案要案' },
    { name: '巩固总结阶段', from: '2022-12-19', to: '2022-12-31', tasks: '总结' },
  ],
  recurringDuties: [{ agency: 'FORESTRY', description: '每周至少巡查一次', everyDays: 7, hotspots: ['沈阳市北行花鸟鱼市场'] }],
};

const status = (region: string, period: string, state: ReportStatus['state']): ReportStatus => ({
  region,
  period,
  dueOn: '2022-10-05',
  state,
  submittedOn: state === 'ON_TIME' || state === 'LATE' ? '2022-10-03' : null,
});

describe('an operation', () => {
  it('dates today in Beijing time, a day ahead of UTC in the evening', () => {
    expect(chinaToday(new Date('2026-12-07T16:30:00Z'))).toBe('2026-12-08');
    expect(chinaToday(new Date('2026-12-07T15:59:59Z'))).toBe('2026-12-07');
  });

  it('is upcoming, active or ended by its dates, its last day included', () => {
    expect(operationProgress(plan, '2022-08-07')).toBe('UPCOMING');
    expect(operationProgress(plan, '2022-08-08')).toBe('ACTIVE');
    expect(operationProgress(plan, '2022-12-31')).toBe('ACTIVE');
    expect(operationProgress(plan, '2023-01-01')).toBe('ENDED');
  });

  it('finds the phase running on a day, and none in the gap the plan leaves between phases', () => {
    expect(currentPhase(plan, '2022-09-02')?.name).toBe('集中打击阶段');
    expect(currentPhase(plan, '2022-12-17')).toBeNull();
  });

  it('offers a sortie day inside the operation', () => {
    expect(dayWithin(plan, '2023-02-01')).toBe('2022-12-31');
    expect(dayWithin(plan, '2022-01-01')).toBe('2022-08-08');
    expect(dayWithin(plan, '2022-09-09')).toBe('2022-09-09');
  });

  it('lists duties per agency, the lead first, with its recurring duties', () => {
    const duties = dutiesByAgency(plan);
    expect(duties.map((d) => [d.agency, d.lead])).toEqual([
      ['FORESTRY', true],
      ['SUPERVISION_OFFICE', false],
      ['PUBLIC_SECURITY', false],
    ]);
    expect(duties[0].offices).toEqual([{ office: '辽宁省林业和草原局', duties: '牵头开展专项行动' }]);
    expect(duties[0].recurring[0].hotspots).toEqual(['沈阳市北行花鸟鱼市场']);
  });

  it('names the lead office when the plan lists the lead agency among no participants', () => {
    const duties = dutiesByAgency({ ...plan, participants: [plan.participants[2]], recurringDuties: [] });
    expect(duties[0]).toEqual({ agency: 'FORESTRY', lead: true, offices: [{ office: plan.leadOffice, duties: '' }], recurring: [] });
  });
});

describe('the report schedule', () => {
  it('is a grid of regions by month, the final report last, with counts per state', () => {
    const schedule = reportSchedule([
      status('210100', '2022-09', 'ON_TIME'),
      status('210100', '2022-08', 'LATE'),
      status('210200', '2022-08', 'MISSING'),
      status('210200', '2022-09', 'NOT_DUE'),
      status('210000', 'FINAL', 'NOT_DUE'),
    ]);
    expect(schedule.periods).toEqual(['2022-08', '2022-09', 'FINAL']);
    expect(schedule.rows.map((r) => r.region)).toEqual(['210100', '210200', '210000']);
    expect(schedule.rows[0].cells['2022-08'].state).toBe('LATE');
    expect(schedule.rows[2].cells['2022-08']).toBeUndefined();
    expect(schedule.counts).toEqual({ ON_TIME: 1, LATE: 1, MISSING: 1, NOT_DUE: 2 });
  });

  it('is empty when nothing is owed', () => {
    expect(reportSchedule([])).toEqual({ periods: [], rows: [], counts: { ON_TIME: 0, LATE: 0, MISSING: 0, NOT_DUE: 0 } });
  });
});

describe('the results table', () => {
  it('shows every column in the agencies’ order, a missing one as zero, the region asked for marked', () => {
    const lines = resultLines({
      region: '210100',
      rows: [
        { region: '210100', level: 'CITY', values: { PERSONNEL_SORTIES: 6, FINES: 5000.5 }, sources: {} },
        { region: '210112', level: 'COUNTY', values: { PERSONNEL_SORTIES: 6 }, sources: {} },
      ],
    });
    expect(lines[0].values).toHaveLength(RESULT_COLUMNS.length);
    expect(lines[0].values[0]).toBe(6);
    expect(lines[0].values[RESULT_COLUMNS.indexOf('FINES')]).toBe(5000.5);
    expect(lines[1].values[RESULT_COLUMNS.indexOf('FINES')]).toBe(0);
    expect(lines.map((l) => [l.region, l.level, l.top])).toEqual([
      ['210100', 'CITY', true],
      ['210112', 'COUNTY', false],
    ]);
  });

  it('is saved under the name the API gives it', () => {
    expect(resultsFileName({ region: '210100', from: '2022-09-01', to: '2022-09-30' }, 'xlsx')).toBe('成果表-210100-2022-09-01-2022-09-30.xlsx');
  });
});
