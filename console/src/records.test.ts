import { describe, expect, it } from 'vitest';
import { casePath, countByKind, recordPath } from './records';

describe('alert links', () => {
  it('lead to the clue or case page', () => {
    expect(recordPath('CLUE', 'FORESTRY-220112-2026-0001')).toBe('/clues/FORESTRY-220112-2026-0001');
    expect(recordPath('CASE', 'a:b/c')).toBe('/cases/a%3Ab%2Fc');
  });

  it('lead to the transfer page', () => {
    expect(recordPath('TRANSFER', 'TR-220112-ABCD1234')).toBe('/transfers/TR-220112-ABCD1234');
  });

  it('are not made up for records the console has no page for', () => {
    expect(recordPath('RECTIFICATION', 'RE-1')).toBeNull();
  });
});

describe("a transfer's case", () => {
  it('links to the case page when named by its platform id', () => {
    expect(casePath('FORESTRY-220112-2026-00007')).toBe('/cases/FORESTRY-220112-2026-00007');
  });

  it('is text when named by its paper number', () => {
    expect(casePath('双林罚〔2026〕17号')).toBeNull();
    expect(casePath('220112林行〔2026〕7号')).toBeNull();
  });
});

describe('alert counts', () => {
  it('count every kind, zero included', () => {
    const items = [{ kind: 'OVERDUE' }, { kind: 'OVERDUE' }, { kind: 'ESCALATED' }, { kind: 'CALENDAR_MISSING' }];
    expect(countByKind(items, ['APPROACHING', 'OVERDUE', 'ESCALATED'])).toEqual({
      APPROACHING: 0,
      OVERDUE: 2,
      ESCALATED: 1,
    });
  });
});
