import { describe, expect, it } from 'vitest';
import { TokenStore, sessionFrom } from '../auth/session';
import { ApiProblem } from '../api/client';
import { mayManageFacilities, mayUseFacilities } from './access';
import { checklist } from './checklist';
import { orderClock } from './clocks';
import { announcementPath, drawRequest, drawnFacilities, parseRoster, todayInBeijing } from './draw';
import { XLSX, canSkipInvalid, importContentType, parseCsv, preview, rowErrors } from './imports';
import { createUpload } from './upload';

describe('who is offered the facility pages', () => {
  it('forestry and the oversight agencies read; forestry alone manages', () => {
    const officer = { agency: 'FORESTRY', roles: ['OFFICER', 'HANDLER'] };
    const head = { agency: 'FORESTRY', roles: ['OFFICER', 'AGENCY_HEAD'] };
    const procurator = { agency: 'PROCURATORATE', roles: ['OFFICER'] };
    const police = { agency: 'PUBLIC_SECURITY', roles: ['OFFICER', 'HANDLER'] };
    const admin = { agency: 'FORESTRY', roles: ['SYSTEM_ADMIN'] };
    expect([officer, head, procurator, police, admin].map(mayUseFacilities)).toEqual([true, true, true, false, false]);
    expect([officer, head, procurator, police, admin].map(mayManageFacilities)).toEqual([true, true, false, false, false]);
    expect(mayUseFacilities(null)).toBe(false);
  });
});

describe('the facility import', () => {
  it('sends CSV and xlsx files with the content types the API takes', () => {
    expect(importContentType({ name: '名录.CSV' })).toBe('text/csv');
    expect(importContentType({ name: 'list.xlsx' })).toBe(XLSX);
    expect(importContentType({ name: 'x', type: XLSX })).toBe(XLSX);
    expect(importContentType({ name: 'list.xls' })).toBeNull();
  });

  it('reads the row and column of each error, in file order, file-level errors last', () => {
    const errors = rowErrors([
      { field: 'row 5 许可物种', message: 'unknown species code', rejectedValue: 'unicornis' },
      { field: 'licence', message: 'oops', rejectedValue: null },
      { field: 'row 3 许可有效期至', message: 'not a date', rejectedValue: '2027-13-01' },
      { field: 'row 3', message: 'duplicate licence', rejectedValue: '' },
    ]);
    expect(errors).toEqual([
      { row: 3, column: '许可有效期至', message: 'not a date', rejectedValue: '2027-13-01' },
      { row: 3, column: null, message: 'duplicate licence', rejectedValue: null },
      { row: 5, column: '许可物种', message: 'unknown species code', rejectedValue: 'unicornis' },
      { row: null, column: 'licence', message: 'oops', rejectedValue: null },
    ]);
    expect(canSkipInvalid(errors.slice(0, 3))).toBe(true);
    expect(canSkipInvalid(rowErrors([{ field: 'row 1', message: 'header missing' }]))).toBe(false);
    expect(canSkipInvalid([])).toBe(false);
  });

  it('parses CSV with quotes, doubled quotes, CRLF and a byte-order mark', () => {
    expect(parseCsv('\uFEFF机构名称,地址\r\n"甲, 乙","说""明"\n丙,\n')).toEqual([
      ['机构名称', '地址'],
      ['甲, 乙', '说"明'],
      ['丙', ''],
    ]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
  });

  it('puts each error on its cell, or on its row when the column is not in the header', () => {
    const rows = parseCsv('机构名称,许可物种\n甲,cervus-nippon\n乙,unicornis\n');
    const errors = rowErrors([
      { field: 'row 3 许可物种', message: 'unknown species code' },
      { field: 'row 3 在养物种及数量', message: 'bad count' },
    ]);
    const shown = preview(rows, errors);
    expect(shown.header).toEqual(['机构名称', '许可物种']);
    expect(shown.rows).toEqual([
      {
        row: 3,
        cells: [
          { value: '乙', errors: [] },
          { value: 'unicornis', errors: ['unknown species code'] },
        ],
        rowErrors: ['在养物种及数量: bad count'],
      },
    ]);
    expect(preview(rows, errors, true).rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('uploads the bytes with their content type and throws the problem of a refusal', async () => {
    const store = new TokenStore(Date.now, { set: () => null, clear: () => undefined });
    const claims = btoa(JSON.stringify({ sub: 'forestry-officer', exp: Date.now() / 1000 + 600 }));
    store.signIn(sessionFrom({ access_token: `e30.${claims}.sig` }, Date.now()));
    let sent: RequestInit | undefined;
    const upload = createUpload(store, async (_url, init) => {
      sent = init;
      return new Response(JSON.stringify({ title: 'Bad Request', errors: [{ field: 'row 3 许可物种', message: 'x' }] }), { status: 400 });
    });
    const refused = await upload('/api/facilities/imports', new Blob(['a,b']), 'text/csv').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect((refused as ApiProblem).errors[0].field).toBe('row 3 许可物种');
    expect((sent?.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect((sent?.headers as Record<string, string>).Authorization).toMatch(/^Bearer /);
  });
});

describe('rectification clocks', () => {
  const now = new Date('2026-12-10T04:00:00Z');
  it('count down to the end of the due day, then run overdue', () => {
    expect(orderClock({ status: 'ORDERED', dueAt: '2026-12-15T16:00:00Z', missedDeadline: false }, now)).toEqual({ state: 'running', daysLeft: 5 });
    expect(orderClock({ status: 'ORDERED', dueAt: '2026-12-10T16:00:00Z', missedDeadline: false }, now)).toEqual({ state: 'dueToday', daysLeft: 0 });
    expect(orderClock({ status: 'ORDERED', dueAt: '2026-12-08T16:00:00Z', missedDeadline: false }, now)).toEqual({ state: 'overdue', daysLeft: -2 });
  });
  it('stop at the re-inspection', () => {
    expect(orderClock({ status: 'ACCEPTED', dueAt: '2026-12-08T16:00:00Z', missedDeadline: false }, now).state).toBe('metOnTime');
    expect(orderClock({ status: 'ACCEPTED', dueAt: '2026-12-08T16:00:00Z', missedDeadline: true }, now).state).toBe('metLate');
    expect(orderClock({ status: 'REJECTED', dueAt: '2026-12-08T16:00:00Z', missedDeadline: true }, now)).toEqual({ state: 'rejected', daysLeft: null });
  });
});

describe('the inspection checklist', () => {
  it('shows every item of the notice, recorded or not, with the findings under it', () => {
    const rows = checklist({
      checklist: [
        { item: 'SECURITY', passed: false, note: '围栏破损' },
        { item: 'RULES_AND_PLANS', passed: true, note: null },
      ],
      findings: [{ id: 'INS-1-F1', item: 'SECURITY', description: '鹿舍围栏破损', suspectedCrime: false, speciesCodes: [] }],
    });
    expect(rows.map((r) => [r.item, r.state])).toEqual([
      ['RULES_AND_PLANS', 'passed'],
      ['SECURITY', 'failed'],
      ['LICENCE_AND_RECORDS', 'notRecorded'],
      ['WITHIN_SCOPE', 'notRecorded'],
      ['LEDGER_MATCHES', 'notRecorded'],
    ]);
    expect(rows[1]).toMatchObject({ note: '围栏破损', findings: ['INS-1-F1'] });
  });
});

describe('the 双随机 draw', () => {
  it('reads the roster a line an inspector, with conflicts after a colon', () => {
    expect(parseRoster('张伟\n\n李娜：FAC-220112-A、FAC-220112-B\n王磊: FAC-1, FAC-2\n张伟\n：x')).toEqual({
      roster: [
        { name: '张伟', conflicts: [] },
        { name: '李娜', conflicts: ['FAC-220112-A', 'FAC-220112-B'] },
        { name: '王磊', conflicts: ['FAC-1', 'FAC-2'] },
      ],
      errors: [
        { line: 5, message: 'duplicate' },
        { line: 6, message: 'name' },
      ],
    });
  });

  it('asks for a draw without a seed', () => {
    const body = drawRequest({ region: ' 220112 ', facilityCount: 1, inspectorsPerFacility: 2, plannedFor: '2026-12-20' }, [
      { name: '张伟', conflicts: [] },
      { name: '李娜', conflicts: ['FAC-1'] },
    ]);
    expect(body).toEqual({
      region: '220112',
      facilityCount: 1,
      inspectorsPerFacility: 2,
      plannedFor: '2026-12-20',
      roster: [{ name: '张伟' }, { name: '李娜', conflicts: ['FAC-1'] }],
    });
    expect('seed' in body).toBe(false);
  });

  it('lists the facilities drawn from a draw or its announcement', () => {
    expect(drawnFacilities({ inspectorsByFacility: { 'FAC-2': ['李娜'], 'FAC-1': ['张伟'] } })).toEqual([
      { facilityId: 'FAC-2', inspectors: ['李娜'] },
      { facilityId: 'FAC-1', inspectors: ['张伟'] },
    ]);
    expect(drawnFacilities({ facilities: [{ facilityId: 'FAC-1', facilityName: '甲', inspectors: ['张伟'] }] })).toEqual([
      { facilityId: 'FAC-1', inspectors: ['张伟'] },
    ]);
    expect(announcementPath('DRAW-1')).toBe('/api/inspections/draws/DRAW-1/announcement');
  });

  it('plans for today in Beijing by default', () => {
    expect(todayInBeijing(new Date('2026-12-07T17:00:00Z'))).toBe('2026-12-08');
    expect(todayInBeijing(new Date('2026-12-07T15:59:00Z'))).toBe('2026-12-07');
  });
});
