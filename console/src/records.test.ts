import { describe, expect, it } from 'vitest';
import { countByKind, recordPath } from './records';

describe('alert links', () => {
  it('lead to the clue or case page', () => {
    expect(recordPath('CLUE', 'FORESTRY-220112-2026-0001')).toBe('/clues/FORESTRY-220112-2026-0001');
    expect(recordPath('CASE', 'a:b/c')).toBe('/cases/a%3Ab%2Fc');
  });

  it('are not made up for records the console has no page for', () => {
    expect(recordPath('TRANSFER', 'T-1')).toBeNull();
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
