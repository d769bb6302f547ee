import { describe, expect, it } from 'vitest';
import { HEAD, NONGAN, OFFICER, POLICE, PROCURATOR, transfer } from './fixtures';
import {
  TRANSFER_STEPS,
  covers,
  emptyStepValues,
  entryStep,
  missingFields,
  missingParts,
  stepBody,
  stepForms,
  whoseTurn,
} from './steps';

describe('whose turn it is', () => {
  it("is the agency head's after a report", () => {
    expect(whoseTurn(transfer('REPORTED', ['approve', 'refuse']))).toEqual([
      { party: 'SENDING_AGENCY', agency: 'FORESTRY', region: '220112', head: true },
    ]);
  });

  it("is the receiving police's once transferred", () => {
    expect(whoseTurn(transfer('TRANSFERRED', ['receive', 'pass-on'], { receivingRegion: '220113' }))).toEqual([
      { party: 'RECEIVING_POLICE', agency: 'PUBLIC_SECURITY', region: '220113', head: false },
    ]);
  });

  it("is the procuratorate's after the police explained, accepting not filing included", () => {
    expect(whoseTurn(transfer('EXPLANATION_GIVEN', ['order-filing', 'accept-non-filing'])).map((t) => t.party)).toEqual([
      'PROCURATORATE',
    ]);
  });

  it("is the sender's to accept not filing straight after a refusal", () => {
    expect(
      whoseTurn(transfer('NOT_FILED', ['request-reconsideration', 'request-supervision', 'accept-non-filing'])).map((t) => t.party),
    ).toEqual(['SENDING_AGENCY']);
  });

  it("is nobody's when no step is left", () => {
    expect(whoseTurn(transfer('ITEMS_HANDED_OVER', []))).toEqual([]);
  });

  it("is the administrative agency's on a returned case", () => {
    const returned = transfer('RETURNED', ['accept-return'], { direction: 'REVERSE', sendingRegion: '220122' });
    expect(whoseTurn(returned)).toEqual([{ party: 'SENDING_AGENCY', agency: 'FORESTRY', region: '220122', head: false }]);
  });
});

describe('regions', () => {
  it('cover their own subtree only', () => {
    expect(covers('220100', '220112')).toBe(true);
    expect(covers('220000', '220112')).toBe(true);
    expect(covers('220112', '220112')).toBe(true);
    expect(covers('220122', '220112')).toBe(false);
    expect(covers('220112', '220100')).toBe(false);
  });
});

describe('transfer step forms', () => {
  it('are exactly the allowed steps, in the order the API gives them', () => {
    const steps = ['request-reconsideration', 'request-supervision', 'accept-non-filing'];
    expect(stepForms(transfer('NOT_FILED', steps), OFFICER).map((f) => f.step)).toEqual(steps);
  });

  it("are offered to the party whose turn it is, not to the others", () => {
    const transferred = transfer('TRANSFERRED', ['receive', 'pass-on']);
    expect(stepForms(transferred, POLICE).map((f) => f.mine)).toEqual([true, true]);
    expect(stepForms(transferred, OFFICER).map((f) => f.mine)).toEqual([false, false]);
    expect(stepForms(transferred, null).map((f) => f.mine)).toEqual([false, false]);
  });

  it('leave approval to the agency head of a region covering the transfer', () => {
    const reported = transfer('REPORTED', ['approve', 'refuse']);
    expect(stepForms(reported, HEAD).map((f) => f.mine)).toEqual([true, true]);
    expect(stepForms(reported, OFFICER).map((f) => f.mine)).toEqual([false, false]);
    expect(stepForms(reported, { ...NONGAN, roles: ['AGENCY_HEAD'] }).map((f) => f.mine)).toEqual([false, false]);
  });

  it('give the procuratorate its decision after an explanation', () => {
    const explained = transfer('EXPLANATION_GIVEN', ['order-filing', 'accept-non-filing']);
    expect(stepForms(explained, PROCURATOR).map((f) => f.mine)).toEqual([true, true]);
    expect(stepForms(explained, OFFICER).map((f) => f.mine)).toEqual([false, false]);
  });

  it('ask the transfer for its package parts, a refusal for its reasons, a pass-on for the region', () => {
    const fields = (step: string) => TRANSFER_STEPS[step].fields.map((f) => `${f.field}${f.required ? '' : '?'}`);
    expect(fields('transfer')).toEqual(['packageParts']);
    expect(fields('refuse-filing')).toEqual(['reasons']);
    expect(fields('pass-on')).toEqual(['passOnTo', 'reasons?']);
    expect(fields('receive')).toEqual([]);
  });

  it('mark the first own step as the main one and closing steps as dangerous', () => {
    const received = transfer('RECEIVED', ['file', 'refuse-filing']);
    expect(stepForms(received, POLICE).map((f) => f.type)).toEqual(['primary', 'danger']);
  });

  it('still offer a step the console does not know, without fields', () => {
    const [form] = stepForms(transfer('FILED', ['reopen']), OFFICER);
    expect(form).toMatchObject({ step: 'reopen', known: false, fields: [], turn: null, mine: true });
  });
});

describe('transfer step requests', () => {
  it('carry the ticked package parts in the order of the regulation, with the version seen', () => {
    const values = { ...emptyStepValues(), packageParts: ['SEIZED_ITEMS_LIST', 'TRANSFER_LETTER', 'INVESTIGATION_REPORT'] };
    expect(stepBody('transfer', values, 2)).toEqual({
      expectedVersion: 2,
      packageParts: ['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'SEIZED_ITEMS_LIST'],
    });
  });

  it('carry reasons one per line, and nothing the step does not take', () => {
    const values = { ...emptyStepValues(), reasons: ' 证据不足 \n\n达不到立案追诉标准', packageParts: ['TRANSFER_LETTER'] };
    expect(stepBody('refuse-filing', values, 4)).toEqual({ expectedVersion: 4, reasons: ['证据不足', '达不到立案追诉标准'] });
    expect(stepBody('receive', values, 4)).toEqual({ expectedVersion: 4 });
  });

  it('leave optional reasons out when none are given', () => {
    expect(stepBody('pass-on', { ...emptyStepValues(), passOnTo: ' 220113 ' }, 3)).toEqual({ expectedVersion: 3, passOnTo: '220113' });
  });

  it('name what is missing before anything is sent', () => {
    expect(missingFields('transfer', { ...emptyStepValues(), packageParts: ['TRANSFER_LETTER', 'OTHER_MATERIALS'] })).toEqual([
      'packageParts',
    ]);
    expect(missingParts(['TRANSFER_LETTER', 'OTHER_MATERIALS'])).toEqual(['INVESTIGATION_REPORT', 'SEIZED_ITEMS_LIST']);
    expect(missingFields('request-reconsideration', { ...emptyStepValues(), reasons: '\n \n' })).toEqual(['reasons']);
    expect(missingFields('pass-on', { ...emptyStepValues(), passOnTo: '2201' })).toEqual(['passOnTo']);
    expect(missingFields('order-filing', emptyStepValues())).toEqual([]);
    expect(missingFields('approve', emptyStepValues())).toEqual([]);
  });
});

describe('history entries', () => {
  it('name their step by its path, the first step as it is', () => {
    expect(entryStep('REQUEST_RECONSIDERATION')).toBe('request-reconsideration');
    expect(entryStep('REPORT')).toBe('REPORT');
    expect(entryStep('RETURN')).toBe('RETURN');
  });
});
