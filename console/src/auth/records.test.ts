import { describe, expect, it } from 'vitest';
import { mayReadRecords } from './records';

describe('who reads clues, cases and transfers', () => {
  it('officers, handlers and heads, the oversight agencies officers included', () => {
    expect(mayReadRecords({ roles: ['OFFICER'] })).toBe(true);
    expect(mayReadRecords({ roles: ['HANDLER'] })).toBe(true);
    expect(mayReadRecords({ roles: ['OFFICER', 'AGENCY_HEAD'] })).toBe(true);
  });

  it('not an administrator, a metrics scraper or nobody', () => {
    expect(mayReadRecords({ roles: ['SYSTEM_ADMIN'] })).toBe(false);
    expect(mayReadRecords({ roles: ['AUDIT_ADMIN'] })).toBe(false);
    expect(mayReadRecords({ roles: ['METRICS_SCRAPER'] })).toBe(false);
    expect(mayReadRecords(null)).toBe(false);
  });
});
