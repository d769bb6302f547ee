import { describe, expect, it } from 'vitest';
import {
  emptyLedger,
  emptyRecord,
  findingKey,
  ledgerBody,
  localNow,
  measureBody,
  missingLedgerFields,
  missingOrderFields,
  missingPlanFields,
  missingRecordFields,
  missingReinspectFields,
  newFinding,
  offeredForms,
  orderBody,
  planBody,
  recordBody,
  reinspectBody,
  sentIndexes,
  splitList,
  unansweredItems,
} from './entry';
import type { Facility, Inspection, RectificationOrder } from './types';

const facility: Facility = {
  id: 'FAC-220112-1',
  name: '双阳梅花鹿繁育场',
  region: '220112',
  address: '鹿乡镇',
  licenceNumber: '吉林繁育-1',
  licenceValidFrom: null,
  licenceValidUntil: '2028-12-31',
  licensedSpeciesCodes: ['cervus-nippon', 'phasianus-colchicus'],
  purposes: ['BREEDING'],
  holdings: [{ speciesCode: 'cervus-nippon', count: 120 }],
  ledger: [],
  measures: [
    { id: 'M-1', kind: 'SUSPEND_BREEDING', appliedOn: '2026-11-01', reason: '围栏', rectificationOrderId: null, appliedBy: 'x', liftedOn: null, liftReason: null },
    { id: 'M-0', kind: 'SUSPEND_EXPORT', appliedOn: '2026-10-01', reason: '旧', rectificationOrderId: null, appliedBy: 'x', liftedOn: '2026-10-20', liftReason: '已整改' },
  ],
  registeredAt: '2026-01-01T00:00:00Z',
  version: 4,
};

function inspection(id: string, status: 'PLANNED' | 'RECORDED', findings: string[] = []): Inspection {
  return {
    id,
    facilityId: facility.id,
    facilityName: facility.name,
    region: '220112',
    status,
    drawId: null,
    plannedFor: '2026-12-01',
    inspectors: ['张伟'],
    inspectedAt: status === 'RECORDED' ? '2026-12-01T02:00:00Z' : null,
    checklist: [],
    discrepancies: [],
    findings: findings.map((f) => ({ id: f, item: 'SECURITY', description: '围栏破损', suspectedCrime: false, speciesCodes: [] })),
    recordedBy: null,
    operationId: null,
    clues: [],
    version: 1,
  };
}

const order = (findingId: string, status: RectificationOrder['status']) =>
  ({ id: `RECT-${findingId}`, findingId, status, version: 1 }) as RectificationOrder;

describe('the forms offered on a facility page', () => {
  const officer = { agency: 'FORESTRY', region: '220112', roles: ['OFFICER', 'HANDLER'] };

  it('offers forestry in its region each form with something to act on', () => {
    const inspections = [inspection('INS-1', 'PLANNED'), inspection('INS-2', 'RECORDED', ['F-1', 'F-2'])];
    const offered = offeredForms(officer, facility, inspections, [order('F-1', 'ORDERED')]);
    expect(offered.plan && offered.ledger && offered.measure).toBe(true);
    expect(offered.record.map((i) => i.id)).toEqual(['INS-1']);
    expect(offered.order.map((f) => f.findingId)).toEqual(['F-2']);
    expect(offered.reinspect.map((o) => o.id)).toEqual(['RECT-F-1']);
    expect(offered.lift.map((m) => m.id)).toEqual(['M-1']);
  });

  it('offers nothing to oversight, to another county, or to a reader without a writing role', () => {
    expect(offeredForms({ agency: 'PROCURATORATE', region: '220100', roles: ['OFFICER'] }, facility, [], []).plan).toBe(false);
    expect(offeredForms({ ...officer, region: '220122' }, facility, [], []).plan).toBe(false);
    expect(offeredForms({ ...officer, roles: ['PARTNER_SYSTEM'] }, facility, [], []).plan).toBe(false);
    expect(offeredForms({ ...officer, region: '220100' }, facility, [], []).plan).toBe(true);
    expect(offeredForms(null, facility, [], []).record).toEqual([]);
  });
});

describe('planning and recording an inspection', () => {
  it('plans with the inspectors typed as a list', () => {
    expect(splitList('张伟、李娜, 王磊；\n')).toEqual(['张伟', '李娜', '王磊']);
    expect(planBody('FAC-1', { plannedFor: '2026-12-10', inspectors: '张伟、李娜', operationId: ' ' })).toEqual({
      facilityId: 'FAC-1',
      plannedFor: '2026-12-10',
      inspectors: ['张伟', '李娜'],
    });
    expect(missingPlanFields({ plannedFor: '', inspectors: '、', operationId: '' })).toEqual(['plannedFor', 'inspectors']);
  });

  it('needs every item judged, except the ledger item once species are counted', () => {
    const v = emptyRecord(facility, '2026-12-07T10:00:00');
    expect(v.counted.map((c) => c.speciesCode)).toEqual(['cervus-nippon', 'phasianus-colchicus']);
    expect(unansweredItems(v)).toHaveLength(5);
    for (const item of ['RULES_AND_PLANS', 'SECURITY', 'LICENCE_AND_RECORDS', 'WITHIN_SCOPE']) v.checks[item].answer = 'passed';
    expect(unansweredItems(v)).toEqual(['LEDGER_MATCHES']);
    v.counted[1].count = 3;
    expect(unansweredItems(v)).toEqual([]);
    expect(missingRecordFields(v)).toEqual([]);
    v.findings.push({ item: 'SECURITY', description: ' ', suspectedCrime: false, speciesCodes: '' });
    expect(missingRecordFields(v)).toEqual(['findings[0].description']);
  });

  it('sends the items judged, the species counted and the findings, and maps the counted rows to what was sent', () => {
    const v = emptyRecord(facility, '2026-12-07T10:00:00');
    for (const item of ['RULES_AND_PLANS', 'LICENCE_AND_RECORDS', 'WITHIN_SCOPE']) v.checks[item].answer = 'passed';
    v.checks.SECURITY = { answer: 'failed', note: ' 围栏破损 ' };
    v.counted[1].count = 3;
    v.findings.push({ ...newFinding(v), description: '鹿舍围栏破损', speciesCodes: 'cervus-nippon' });
    const body = recordBody(v, 2);
    expect(body.inspectedAt).toBe(new Date('2026-12-07T10:00:00').toISOString());
    expect(body.checklist).toEqual([
      { item: 'RULES_AND_PLANS', passed: true },
      { item: 'SECURITY', passed: false, note: '围栏破损' },
      { item: 'LICENCE_AND_RECORDS', passed: true },
      { item: 'WITHIN_SCOPE', passed: true },
    ]);
    expect(body.counted).toEqual([{ speciesCode: 'phasianus-colchicus', count: 3 }]);
    expect(body.findings).toEqual([{ item: 'SECURITY', description: '鹿舍围栏破损', suspectedCrime: false, speciesCodes: ['cervus-nippon'] }]);
    expect(body.expectedVersion).toBe(2);
    expect('operationId' in body).toBe(false);
    expect(sentIndexes(v)).toEqual([null, 0]);
  });
});

describe('rectification', () => {
  it('orders a finding of its inspection by a day', () => {
    const key = findingKey({ inspectionId: 'INS-2', findingId: 'INS-2-F1' });
    expect(orderBody({ finding: key, requirement: ' 修复围栏 ', dueBy: '2026-12-17' })).toEqual({
      inspectionId: 'INS-2',
      findingId: 'INS-2-F1',
      requirement: '修复围栏',
      dueBy: '2026-12-17',
    });
    expect(missingOrderFields({ finding: '', requirement: '', dueBy: '' })).toEqual(['findingId', 'requirement', 'dueBy']);
  });

  it('re-inspects with an outcome and a note', () => {
    expect(missingReinspectFields({ reinspectedAt: '2026-12-10T09:00:00', accepted: null, note: '' })).toEqual(['accepted', 'note']);
    expect(reinspectBody({ reinspectedAt: '2026-12-10T09:00:00', accepted: false, note: '未修复' }, 1)).toEqual({
      reinspectedAt: new Date('2026-12-10T09:00:00').toISOString(),
      accepted: false,
      note: '未修复',
      expectedVersion: 1,
    });
  });
});

describe('ledger and measures', () => {
  it('records only the counts that changed, against the facility version read', () => {
    const v = emptyLedger(facility, '2026-12-07');
    expect(v.counts).toEqual([
      { speciesCode: 'cervus-nippon', count: 120 },
      { speciesCode: 'phasianus-colchicus', count: null },
    ]);
    expect(missingLedgerFields(v, facility)).toEqual(['source', 'counts']);
    v.counts[0].count = 118;
    v.source = '死亡登记';
    expect(ledgerBody(v, facility)).toEqual({ counts: [{ speciesCode: 'cervus-nippon', count: 118 }], on: '2026-12-07', source: '死亡登记', expectedVersion: 4 });
    expect(missingLedgerFields(v, facility)).toEqual([]);
  });

  it('names the order a measure follows only when one is chosen', () => {
    expect(measureBody({ kind: 'SUSPEND_BUSINESS', on: '2026-12-20', reason: ' 逾期未整改 ', rectificationOrderId: '' })).toEqual({
      kind: 'SUSPEND_BUSINESS',
      on: '2026-12-20',
      reason: '逾期未整改',
    });
    expect(measureBody({ kind: 'SUSPEND_BUSINESS', on: '2026-12-20', reason: 'x', rectificationOrderId: 'RECT-F' }).rectificationOrderId).toBe('RECT-F');
  });

  it('starts the date pickers at the minute', () => {
    expect(localNow(new Date(2026, 11, 7, 9, 5, 33))).toBe('2026-12-07T09:05:00');
  });
});
