import { describe, expect, it } from 'vitest';
import { emptyNewTransfer, mayStart, newTransferBody, newTransferMissing, newTransferPath } from './newTransfer';

describe('starting a transfer', () => {
  it('is for administrative agencies reporting, and for the police returning', () => {
    expect(mayStart('report', 'FORESTRY')).toBe(true);
    expect(mayStart('report', 'PUBLIC_SECURITY')).toBe(false);
    expect(mayStart('return', 'PUBLIC_SECURITY')).toBe(true);
    expect(mayStart('return', 'FORESTRY')).toBe(false);
    expect(mayStart('report', undefined)).toBe(false);
  });

  it('reports the case number and summary', () => {
    const values = { ...emptyNewTransfer(), caseNumber: ' 双林罚〔2026〕17号 ', summary: '非法猎捕大天鹅1只', reasons: 'left over' };
    expect(newTransferPath('report')).toBe('/api/transfers');
    expect(newTransferBody('report', values)).toEqual({ caseNumber: '双林罚〔2026〕17号', summary: '非法猎捕大天鹅1只' });
  });

  it('returns a case to an agency and region, with reasons one per line', () => {
    const values = {
      caseNumber: '双公刑〔2026〕88号',
      summary: '未达刑事立案标准',
      toAgency: 'FORESTRY',
      toRegion: '220112',
      reasons: '涉案价值未达立案追诉标准\n\n',
    };
    expect(newTransferPath('return')).toBe('/api/transfers/returns');
    expect(newTransferBody('return', values)).toEqual({ ...values, reasons: ['涉案价值未达立案追诉标准'] });
  });

  it('names what is missing', () => {
    expect(newTransferMissing('report', emptyNewTransfer())).toEqual(['caseNumber', 'summary']);
    expect(newTransferMissing('return', { ...emptyNewTransfer(), caseNumber: 'x', summary: 'y', toAgency: 'FORESTRY', toRegion: '2201' })).toEqual([
      'toRegion',
      'reasons',
    ]);
  });
});
