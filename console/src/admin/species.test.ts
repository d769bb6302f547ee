import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/client';
import { TokenStore, sessionFrom } from '../auth/session';
import { createUpload } from '../facilities/upload';
import { maySetUpPlatform } from './access';
import {
  IMPORT_CONTENT_TYPE,
  MAX_IMPORT_BYTES,
  MAX_QUERY_LENGTH,
  blankSpeciesFilters,
  formatBytes,
  importBody,
  importErrors,
  importPath,
  notUtf8,
  refuseFile,
  rowsOnly,
  shownFields,
  speciesPath,
} from './species';
import zh from '../i18n/zh-CN';
import en from '../i18n/en';

describe('species catalogue filters', () => {
  it('asks for the whole catalogue when nothing is set', () => {
    expect(speciesPath(blankSpeciesFilters())).toBe('/api/species');
    expect(speciesPath({ level: '', q: '   ' })).toBe('/api/species');
  });

  it('sends the level and the trimmed text, cut to what the API takes', () => {
    expect(speciesPath({ level: 'NATIONAL_FIRST', q: ' 东北虎 ' })).toBe(`/api/species?level=NATIONAL_FIRST&q=${encodeURIComponent('东北虎')}`);
    expect(speciesPath({ level: '', q: 'Panthera tigris' })).toBe('/api/species?q=Panthera+tigris');
    const long = speciesPath({ level: '', q: 'x'.repeat(100) });
    expect(long).toBe(`/api/species?q=${'x'.repeat(MAX_QUERY_LENGTH)}`);
  });

  it('leaves out a level the API does not know', () => {
    expect(speciesPath({ level: 'ALL' as never, q: '' })).toBe('/api/species');
  });
});

describe('species import', () => {
  it('takes a CSV file of at most 2 MiB, and nothing empty', () => {
    expect(refuseFile({ name: '名录.CSV', size: 10 })).toBeNull();
    expect(refuseFile({ name: 'list', size: 10, type: 'text/csv' })).toBeNull();
    expect(refuseFile({ name: '名录.xlsx', size: 10 })).toBe('type');
    expect(refuseFile({ name: '名录.csv', size: 0 })).toBe('empty');
    expect(refuseFile({ name: '名录.csv', size: MAX_IMPORT_BYTES })).toBeNull();
    expect(refuseFile({ name: '名录.csv', size: MAX_IMPORT_BYTES + 1 })).toBe('size');
  });

  it('says sizes as people read them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(MAX_IMPORT_BYTES)).toBe('2 MiB');
    expect(formatBytes(MAX_IMPORT_BYTES + 300 * 1024)).toBe('2.3 MiB');
  });

  it('notices a file that was not UTF-8', () => {
    expect(notUtf8('代码,中文名')).toBe(false);
    expect(notUtf8('\uFFFD\uFFFD,\uFFFD')).toBe(true);
  });

  it('asks to skip bad rows only when told', () => {
    expect(importPath(false)).toBe('/api/species/import');
    expect(importPath(true)).toBe('/api/species/import?skipInvalid=true');
  });

  it('reads the errors by row, a bad header first', () => {
    const errors = importErrors([
      { field: 'row 4 保护级别', message: '应为 国家一级…', rejectedValue: '一级' },
      { field: 'row 3', message: '有 5 列，应为 7 列', rejectedValue: 'a,b,c,d,e' },
      { field: 'header', message: '表头应为 代码,…', rejectedValue: 'code,name' },
      { field: 'skipInvalid', message: 'not a row' },
    ]);
    expect(errors).toEqual([
      { row: null, column: 'header', message: '表头应为 代码,…', rejectedValue: 'code,name' },
      { row: 3, column: null, message: '有 5 列，应为 7 列', rejectedValue: 'a,b,c,d,e' },
      { row: 4, column: '保护级别', message: '应为 国家一级…', rejectedValue: '一级' },
    ]);
    expect(rowsOnly(errors)).toBe(false);
    expect(rowsOnly(errors.slice(1))).toBe(true);
    expect(rowsOnly([])).toBe(false);
  });

  it('names the fields the page shows itself, so the problem alert does not repeat them', () => {
    expect(shownFields([{ field: 'header' }, { field: 'row 3 代码' }, { field: 'rows' }, { field: 'skipInvalid' }, { message: 'x' }])).toEqual(['header', 'row 3 代码']);
  });

  it('sends the text read in the browser as CSV, and throws the 400 problem with its rows', async () => {
    const store = new TokenStore(Date.now, { set: () => null, clear: () => undefined });
    const claims = btoa(JSON.stringify({ sub: 'system-admin', exp: Date.now() / 1000 + 600 }));
    store.signIn(sessionFrom({ access_token: `e30.${claims}.sig` }, Date.now()));
    const sent: { url: string; init: RequestInit }[] = [];
    let answer = new Response(JSON.stringify({ title: 'Bad Request', status: 400, errors: [{ field: 'row 3 代码', message: '代码格式不对' }] }), { status: 400 });
    const upload = createUpload(store, async (url, init) => {
      sent.push({ url: String(url), init: init ?? {} });
      return answer;
    });
    const csv = '代码,中文名,学名,纲,保护级别,CITES附录,计数单位\npanthera-tigris-altaica,东北虎,Panthera tigris altaica,哺乳纲,国家一级,I,只\n';
    const refused = await upload(importPath(false), importBody(csv), IMPORT_CONTENT_TYPE).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect(importErrors((refused as ApiProblem).errors)[0]).toMatchObject({ row: 3, column: '代码' });
    expect(sent[0].url).toBe('/api/species/import');
    expect((sent[0].init.headers as Record<string, string>)['Content-Type']).toBe('text/csv;charset=UTF-8');
    expect(await (sent[0].init.body as Blob).text()).toBe(csv);

    answer = new Response(JSON.stringify({ imported: 1, skipped: [{ field: 'row 3', message: 'x' }], catalogueSize: 120 }), { status: 200 });
    const report = await upload<{ imported: number; catalogueSize: number }>(importPath(true), importBody(csv), IMPORT_CONTENT_TYPE);
    expect(report).toMatchObject({ imported: 1, catalogueSize: 120 });
    expect(sent[1].url).toBe('/api/species/import?skipInvalid=true');
  });

  it('is offered to the system administrator alone', () => {
    const user = (...roles: string[]) => ({ agency: 'FORESTRY', region: '220000', roles });
    expect(maySetUpPlatform(user('SYSTEM_ADMIN'))).toBe(true);
    expect(maySetUpPlatform(user('SYSTEM_ADMIN', 'SECURITY_ADMIN'))).toBe(false);
    expect(maySetUpPlatform(user('OFFICER'))).toBe(false);
  });
});

describe('species texts', () => {
  it('has the same keys in Chinese and English', () => {
    const keys = (o: unknown, prefix = ''): string[] =>
      typeof o === 'object' && o !== null
        ? Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix.slice(0, -1)];
    expect(keys(en.species)).toEqual(keys(zh.species));
    expect(en.nav.species).toBeTruthy();
    expect(zh.nav.species).toBe('物种名录');
  });
});
