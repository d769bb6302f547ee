import { describe, expect, it } from 'vitest';
import { TokenStore, sessionFrom } from '../auth/session';
import { ApiProblem, createApi, fieldMessages, toQuery } from './client';

/** base64url of UTF-8 text, as a JWT encodes its parts. */
function base64url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => base64url(JSON.stringify(value));
  return `${encode({ alg: 'RS256' })}.${encode(claims)}.sig`;
}

function signedInStore(): TokenStore {
  const store = new TokenStore(Date.now, { set: () => null, clear: () => undefined });
  store.signIn(sessionFrom({ access_token: jwt({ sub: 'forestry-officer', exp: Date.now() / 1000 + 600 }) }, Date.now()));
  return store;
}

describe('search queries', () => {
  it('leave empty filters out so the API applies its defaults', () => {
    expect(toQuery({ agency: 'FORESTRY', region: '', status: null, overdue: false, page: 0 })).toBe(
      '?agency=FORESTRY&overdue=false&page=0',
    );
    expect(toQuery({})).toBe('');
  });
});

describe('the API client', () => {
  it('sends the bearer token and reads JSON', async () => {
    const store = signedInStore();
    let sent: RequestInit | undefined;
    const api = createApi(store, async (_url, init) => {
      sent = init;
      return new Response('{"total":0}', { status: 200 });
    });
    expect(await api('/api/clues')).toEqual({ total: 0 });
    expect((sent?.headers as Record<string, string>).Authorization).toMatch(/^Bearer /);
  });

  it('ends the session on 401', async () => {
    const store = signedInStore();
    const api = createApi(store, async () => new Response('{"title":"Unauthorized"}', { status: 401 }));
    await expect(api('/api/clues')).rejects.toBeInstanceOf(ApiProblem);
    expect(store.view.session).toBeNull();
    expect(store.view.lastReason).toBe('refused');
  });

  it('throws the problem a refusal answers, with its fields', async () => {
    const store = signedInStore();
    const problem = { title: '状态不允许此操作', detail: 'RECEIVED', errors: [{ field: 'caseNumber', message: '必填' }] };
    const api = createApi(store, async () => new Response(JSON.stringify(problem), { status: 409 }));
    const error = await api('/api/clues/X/steps/open-case', { method: 'POST', body: {} }).catch((e) => e);
    expect(error).toMatchObject({ status: 409, title: '状态不允许此操作', errors: problem.errors });
    expect(store.view.session).not.toBeNull();
  });
});

describe('field messages', () => {
  const problem = new ApiProblem(400, 'Invalid request', undefined, [
    { field: 'packageParts', message: '移送材料至少包括移送书、调查报告和涉案物品清单' },
    { field: 'reasons[0]', message: '不能为空' },
    { field: 'reasonsExtra', message: 'not a reason' },
  ]);

  it('name the field or a part of it', () => {
    expect(fieldMessages(problem, 'packageParts')).toEqual(['移送材料至少包括移送书、调查报告和涉案物品清单']);
    expect(fieldMessages(problem, 'reasons')).toEqual(['不能为空']);
    expect(fieldMessages(problem, 'passOnTo')).toEqual([]);
  });

  it('are none for an error that is not a problem answer', () => {
    expect(fieldMessages(new TypeError('failed to fetch'), 'reasons')).toEqual([]);
    expect(fieldMessages(null, 'reasons')).toEqual([]);
  });
});
