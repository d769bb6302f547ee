import { describe, expect, it } from 'vitest';
import { extensionOptions, extensionRequest, mayExtend, type ExtensibleDeadline } from './extensions';

const deadline = (over: Partial<ExtensibleDeadline> = {}): ExtensibleDeadline => ({
  id: 'case.penalty:CASE-1',
  agency: 'MARKET_SUPERVISION',
  region: '220102',
  state: 'OPEN',
  amount: 90,
  legalBasis: '《行政处罚法》第六十条',
  allowedExtensions: [
    { amount: 30, amountTotal: null, unit: 'DAYS', approval: '经本机关负责人批准', agencies: [] },
    { amount: 30, amountTotal: null, unit: 'DAYS', approval: '经上级批准', agencies: ['MARKET_SUPERVISION'] },
    { amount: 60, amountTotal: null, unit: 'DAYS', approval: '经省级批准', agencies: ['FORESTRY'] },
  ],
  extensions: [
    { number: 1, amount: 30, amountTotal: null, approval: '经本机关负责人批准', approvalReference: '市监延〔2026〕1号', grantedBy: 'h', grantedAt: '2026-12-01T00:00:00Z' },
  ],
  ...over,
});

describe('clock extensions', () => {
  it('numbers the rule’s extensions and says which can be granted', () => {
    expect(extensionOptions(deadline()).map((o) => [o.number, o.blocked])).toEqual([
      [1, 'GRANTED'],
      [2, null],
      [3, 'OTHER_AGENCY_KIND'],
    ]);
  });

  it('grants none once the clock ran out, or when an order fixed its date', () => {
    expect(extensionOptions(deadline({ state: 'OVERDUE' }))[1].blocked).toBe('NOT_RUNNING');
    expect(extensionOptions(deadline({ state: 'PAUSED' }))[1].blocked).toBeNull();
    expect(extensionOptions(deadline({ amount: null }))[1].blocked).toBe('FIXED_DATE');
    expect(extensionOptions(deadline({ allowedExtensions: undefined }))).toEqual([]);
  });

  it('is for the responsible agency’s head within their region', () => {
    const head = { agency: 'MARKET_SUPERVISION', region: '220100', roles: ['OFFICER', 'AGENCY_HEAD'] };
    expect(mayExtend(head, deadline())).toBe(true);
    expect(mayExtend({ ...head, roles: ['OFFICER'] }, deadline())).toBe(false);
    expect(mayExtend({ ...head, agency: 'FORESTRY' }, deadline())).toBe(false);
    expect(mayExtend({ ...head, region: '220200' }, deadline())).toBe(false);
    expect(extensionRequest(2, ' 市监延〔2026〕2号 ')).toEqual({ extension: 2, approvalReference: '市监延〔2026〕2号' });
  });
});
