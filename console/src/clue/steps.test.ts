import { describe, expect, it } from 'vitest';
import { emptyStepValues, missingFields, stepBody, stepButtons } from './steps';

describe('clue step buttons', () => {
  it('are exactly the allowed steps, in the order the API gives them', () => {
    expect(stepButtons(['assign', 'open-case', 'dismiss', 'refer']).map((b) => b.step)).toEqual([
      'assign',
      'open-case',
      'dismiss',
      'refer',
    ]);
  });

  it('are none when the API allows none', () => {
    expect(stepButtons([])).toEqual([]);
  });

  it('still offer a step the console does not know, without fields', () => {
    const [button] = stepButtons(['reopen']);
    expect(button).toMatchObject({ step: 'reopen', known: false, fields: [] });
  });

  it('ask a referral for the agency and the reasons', () => {
    expect(stepButtons(['refer'])[0].fields).toEqual(['referredTo', 'reasons']);
  });

  it('mark a dismissal as the dangerous choice', () => {
    expect(stepButtons(['open-case', 'dismiss']).map((b) => b.type)).toEqual(['primary', 'danger']);
  });
});

describe('clue step requests', () => {
  it('carry reasons one per line, blank lines dropped, with the version seen', () => {
    const values = { ...emptyStepValues(), reasons: '  涉及饭店收购野生鸟类 \n\n属市场监管部门职责\n', referredTo: 'MARKET_SUPERVISION' };
    expect(stepBody('refer', values, 3)).toEqual({
      expectedVersion: 3,
      referredTo: 'MARKET_SUPERVISION',
      reasons: ['涉及饭店收购野生鸟类', '属市场监管部门职责'],
    });
  });

  it('carry only the fields of their own step', () => {
    const values = { ...emptyStepValues(), assignee: '林草执法员张某', caseNumber: 'left over' };
    expect(stepBody('assign', values, 1)).toEqual({ expectedVersion: 1, assignee: '林草执法员张某' });
  });

  it('name what is missing before anything is sent', () => {
    expect(missingFields('open-case', emptyStepValues())).toEqual(['caseNumber']);
    expect(missingFields('dismiss', { ...emptyStepValues(), reasons: '\n  \n' })).toEqual(['reasons']);
    expect(missingFields('accept-referral', emptyStepValues())).toEqual([]);
  });
});
