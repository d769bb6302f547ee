import { describe, expect, it } from 'vitest';
import { toQuery } from '../api/client';
import { beijingDayStart, caseQuery, emptyCaseFilters, filtersFrom } from './filters';

describe('case search filters', () => {
  it('send dates as the start of the Beijing day', () => {
    expect(beijingDayStart('2026-11-21')).toBe('2026-11-20T16:00:00.000Z');
  });

  it('leave out what was not chosen', () => {
    const filters = { ...emptyCaseFilters(), flag: 'PENALTY_INSTEAD_OF_PROSECUTION', supervised: 'true', openedFrom: '2026-01-01' };
    expect(toQuery(caseQuery(filters))).toBe(
      '?openedFrom=2025-12-31T16%3A00%3A00.000Z&flag=PENALTY_INSTEAD_OF_PROSECUTION&supervised=true',
    );
  });

  it('come back from the address, unknown parameters ignored', () => {
    expect(filtersFrom({ status: 'OPEN', page: '2', evil: 'x' })).toEqual({ ...emptyCaseFilters(), status: 'OPEN' });
  });
});
