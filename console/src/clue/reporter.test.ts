import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/client';
import type { Clue } from '../api/types';
import { emptyReporter, mayOfferReporterForm, refusedAsNotHandler, reporterBody } from './reporter';

describe('recording the reporter', () => {
  it('sends the flags and only the texts given, trimmed', () => {
    expect(reporterBody({ ...emptyReporter(), name: ' 王某 ', phone: '13912345678', rewardRequested: true })).toEqual({
      anonymous: false,
      rewardRequested: true,
      name: '王某',
      phone: '13912345678',
    });
    expect(reporterBody({ ...emptyReporter(), anonymous: true })).toEqual({ anonymous: true, rewardRequested: false });
  });

  it('is offered where the API tells the receiving agency whether a reporter is on file', () => {
    expect(mayOfferReporterForm({ reporterOnFile: false } as Clue)).toBe(true);
    expect(mayOfferReporterForm({ reporterOnFile: true } as Clue)).toBe(true);
    expect(mayOfferReporterForm({ reporterOnFile: null } as Clue)).toBe(false);
  });

  it('tells a refusal of the caller from other problems', () => {
    expect(refusedAsNotHandler(new ApiProblem(403, 'Forbidden', undefined, []))).toBe(true);
    expect(refusedAsNotHandler(new ApiProblem(400, 'Bad request', undefined, [{ field: 'phone' }]))).toBe(false);
    expect(refusedAsNotHandler(new Error('x'))).toBe(false);
  });
});
