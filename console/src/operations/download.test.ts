import { describe, expect, it } from 'vitest';
import { TokenStore, sessionFrom } from '../auth/session';
import { ApiProblem, createApi } from '../api/client';

function signedInStore(): TokenStore {
  const claims = btoa(JSON.stringify({ sub: 'liaoning-forestry', exp: Date.now() / 1000 + 600 })).replace(/=+$/, '');
  const store = new TokenStore(Date.now, { set: () => null, clear: () => undefined });
  store.signIn(sessionFrom({ access_token: `e30.${claims}.sig` }, Date.now()));
  return store;
}

describe('a results table download', () => {
  it('is fetched with the caller’s token and read as a file, whatever its type', async () => {
    let sent: RequestInit | undefined;
    const api = createApi(signedInStore(), async (_url, init) => {
      sent = init;
      return new Response('\uFEFF地区,出动执法人员（人次）\n210100,6\n', { status: 200, headers: { 'Content-Type': 'text/csv' } });
    });
    const file = await api<Blob>('/api/operations/OP-1/results/csv', { file: true });
    const headers = sent?.headers as Record<string, string>;
    expect(headers.Authorization).toMatch(/^Bearer /);
    expect(headers.Accept).toBe('*/*');
    expect(await file.text()).toContain('210100,6');
  });

  it('refused, is the problem the API answered', async () => {
    const api = createApi(signedInStore(), async () =>
      new Response('{"title":"无权访问","detail":"region 210000 is outside your region 210100"}', {
        status: 403,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    await expect(api<Blob>('/api/operations/OP-1/results/xlsx?region=210000', { file: true })).rejects.toBeInstanceOf(ApiProblem);
  });
});
