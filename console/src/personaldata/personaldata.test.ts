import { describe, expect, it } from 'vitest';
import { mayExportPersonalData } from './access';
import { blankExportForm, exportFileName, exportFileText, exportRequest, personalLines, type PersonalDataExport } from './export';

describe('personal-data export', () => {
  it('is the agency head’s alone, never an administrator’s or a partner system’s', () => {
    expect(mayExportPersonalData({ roles: ['OFFICER', 'AGENCY_HEAD'] })).toBe(true);
    expect(mayExportPersonalData({ roles: ['OFFICER', 'HANDLER'] })).toBe(false);
    expect(mayExportPersonalData({ roles: ['AGENCY_HEAD', 'AUDIT_ADMIN'] })).toBe(false);
    expect(mayExportPersonalData({ roles: ['AGENCY_HEAD', 'PARTNER_SYSTEM'] })).toBe(false);
    expect(mayExportPersonalData(null)).toBe(false);
  });

  it('sends the identifier without spaces and the basis trimmed', () => {
    const form = { ...blankExportForm(), identifierValue: ' 220112 19800101 001X ', requestReference: ' (2026)吉0112民初1234号 ', legalBasis: ' 《民事诉讼法》第六十七条 ' };
    expect(exportRequest(form)).toEqual({
      identifier: { type: 'ID_NUMBER', value: '22011219800101001X' },
      requestReference: '(2026)吉0112民初1234号',
      legalBasis: '《民事诉讼法》第六十七条',
    });
  });

  it('saves the answer as it came, under the API’s file name', () => {
    const answer = {
      exportId: 'PDX-1', title: '个人信息导出', exportedAt: '2026-12-07T00:00:00Z', exportedBy: 'forestry-head',
      exportedByName: '林草局负责人', agency: 'FORESTRY', agencyLabel: '林草', region: '220100',
      requestReference: 'r', legalBasis: 'b', identifierType: 'PHONE', recordCount: 1,
      records: [{ kind: 'CLUE_REPORTER', kindLabel: '线索举报人信息', recordId: 'C1', role: 'REPORTER', roleLabel: '举报人',
        agency: 'FORESTRY', region: '220112', dates: {}, personalData: { name: '赵某', anonymous: false } }],
    } satisfies PersonalDataExport;
    expect(exportFileName(answer)).toBe('个人信息导出-PDX-1.json');
    expect(JSON.parse(exportFileText(answer))).toEqual(answer);
    expect(personalLines(answer.records[0])).toEqual([
      { field: 'name', value: '赵某' },
      { field: 'anonymous', value: 'false' },
    ]);
  });
});
