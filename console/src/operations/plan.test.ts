import { describe, expect, it } from 'vitest';
import { emptyPlan, lines, mayEnterOperations, maySubmitReport, missingPlanFields, planBody, reportBody, sortedSorties, words } from './plan';

const head = { agency: 'FORESTRY', region: '220100', roles: ['OFFICER', 'AGENCY_HEAD'] };

describe('entering an operation', () => {
  it('is offered to the officers of the agencies that take part, not to oversight', () => {
    expect(mayEnterOperations(head)).toBe(true);
    expect(mayEnterOperations({ agency: 'PUBLIC_SECURITY', region: '220112', roles: ['HANDLER'] })).toBe(true);
    expect(mayEnterOperations({ agency: 'PROCURATORATE', region: '220100', roles: ['OFFICER'] })).toBe(false);
    expect(mayEnterOperations({ agency: 'FORESTRY', region: '220000', roles: ['SYSTEM_ADMIN'] })).toBe(false);
    expect(mayEnterOperations(null)).toBe(false);
  });

  it('names what is missing as the API names its fields', () => {
    const v = emptyPlan(head);
    expect(v.participants).toEqual([{ agency: 'FORESTRY', office: '', duties: '' }]);
    expect(missingPlanFields(v)).toEqual([
      'name',
      'leadOffice',
      'startsOn',
      'endsOn',
      'participants[0].office',
      'participants[0].duties',
      'phases[0].name',
      'phases[0].from',
      'phases[0].to',
      'phases[0].tasks',
    ]);
    v.region = '2201';
    expect(missingPlanFields(v)).toContain('region');
  });

  it('sends the plan with the caller agency leading, lists split as typed', () => {
    expect(lines('非法猎捕候鸟\n\n 非法出售 ')).toEqual(['非法猎捕候鸟', '非法出售']);
    expect(words('220112，220122 220183')).toEqual(['220112', '220122', '220183']);
    const v = {
      ...emptyPlan(head),
      name: ' 候鸟保护专项行动 ',
      leadOffice: '野保科',
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
      participants: [{ agency: 'FORESTRY', office: '市林业局', duties: '牵头' }],
      phases: [{ name: '动员', from: '2026-10-01', to: '2026-10-10', tasks: '部署' }],
      targetPlaces: ['MARKET' as const],
      targetBehaviours: '非法猎捕候鸟',
      recurringDuties: [{ agency: 'FORESTRY', description: '巡查花鸟市场', everyDays: 7, hotspots: '花鸟鱼市场、东大桥' }],
      reportingRegions: '220112、220122',
    };
    const body = planBody(v, 'FORESTRY');
    expect(body).toMatchObject({
      name: '候鸟保护专项行动',
      leadAgency: 'FORESTRY',
      region: '220100',
      targetBehaviours: ['非法猎捕候鸟'],
      recurringDuties: [{ agency: 'FORESTRY', description: '巡查花鸟市场', everyDays: 7, hotspots: ['花鸟鱼市场', '东大桥'] }],
      reportingRegions: ['220112', '220122'],
      monthlyDueDay: 5,
    });
    expect('finalReportDue' in body).toBe(false);
    expect(planBody({ ...v, finalReportDue: '2027-01-10' }, 'FORESTRY').finalReportDue).toBe('2027-01-10');
  });
});

describe('the report grid', () => {
  const operation = { leadAgency: 'FORESTRY', participants: [{ agency: 'PUBLIC_SECURITY' }] };
  const missing = { region: '220112', period: '2026-10', submittedOn: null };

  it('offers a report not in yet to a party whose region covers it', () => {
    expect(maySubmitReport(head, operation, missing)).toBe(true);
    expect(maySubmitReport(head, operation, { ...missing, submittedOn: '2026-11-03' })).toBe(false);
    expect(maySubmitReport({ ...head, region: '220122' }, operation, missing)).toBe(false);
    expect(maySubmitReport({ agency: 'SUPERVISION_OFFICE', region: '220000', roles: ['OFFICER'] }, operation, missing)).toBe(false);
  });

  it('sends the day only when one is given', () => {
    expect(reportBody({ region: '220112', period: 'FINAL' }, '')).toEqual({ region: '220112', period: 'FINAL' });
    expect(reportBody({ region: '220112', period: '2026-10' }, '2026-11-04')).toEqual({ region: '220112', period: '2026-10', submittedOn: '2026-11-04' });
  });

  it('lists sorties newest day first', () => {
    const s = (on: string, region: string) => ({ on, region, enteredAt: '2026-10-01T00:00:00Z' });
    expect(sortedSorties([s('2026-10-01', '220112'), s('2026-10-03', '220122'), s('2026-10-03', '220112')])).toEqual([
      s('2026-10-03', '220112'),
      s('2026-10-03', '220122'),
      s('2026-10-01', '220112'),
    ]);
  });
});
