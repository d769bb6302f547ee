import { describe, expect, it } from 'vitest';
import { EXPIRY_MARGIN_MS, TokenStore, claimsOf, isExpired, sessionFrom } from './session';

/** base64url of UTF-8 text, as a JWT encodes its parts. */
function base64url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    base64url(JSON.stringify(value));
  return `${encode({ alg: 'RS256', typ: 'at+jwt' })}.${encode(claims)}.signature`;
}

const NOW = Date.UTC(2026, 11, 7, 8, 0, 0);
const officer = {
  sub: 'forestry-officer',
  name: '林草执法员（双阳区）',
  agency: 'FORESTRY',
  region: '220112',
  roles: ['OFFICER', 'HANDLER'],
};

/** Timers the test fires by hand. */
function manualTimers() {
  const pending: { run: () => void; at: number }[] = [];
  return {
    pending,
    timers: {
      set: (run: () => void, ms: number) => {
        const entry = { run, at: ms };
        pending.push(entry);
        return entry;
      },
      clear: (handle: unknown) => {
        const index = pending.indexOf(handle as (typeof pending)[number]);
        if (index >= 0) pending.splice(index, 1);
      },
    },
  };
}

describe('a session from a token response', () => {
  it('takes the user from the claims, Chinese names included', () => {
    const session = sessionFrom({ access_token: jwt({ ...officer, exp: NOW / 1000 + 3600 }) }, NOW);
    expect(session.user).toEqual({
      id: 'forestry-officer',
      name: '林草执法员（双阳区）',
      agency: 'FORESTRY',
      region: '220112',
      roles: ['OFFICER', 'HANDLER'],
    });
  });

  it('ends at the earlier of exp and expires_in', () => {
    const token = jwt({ ...officer, exp: NOW / 1000 + 3600 });
    expect(sessionFrom({ access_token: token, expires_in: 60 }, NOW).expiresAt).toBe(NOW + 60_000);
    expect(sessionFrom({ access_token: token, expires_in: 7200 }, NOW).expiresAt).toBe(NOW + 3_600_000);
  });

  it('is refused when the token says nothing about its lifetime', () => {
    expect(() => sessionFrom({ access_token: jwt(officer) }, NOW)).toThrow(/exp/);
  });

  it('is refused for something that is not a JWT', () => {
    expect(() => claimsOf('opaque-token')).toThrow();
  });

  it('counts as expired a little before the token does', () => {
    const session = sessionFrom({ access_token: jwt({ ...officer, exp: NOW / 1000 + 600 }) }, NOW);
    expect(isExpired(session, session.expiresAt - EXPIRY_MARGIN_MS - 1)).toBe(false);
    expect(isExpired(session, session.expiresAt - EXPIRY_MARGIN_MS)).toBe(true);
  });
});

describe('the token store', () => {
  it('hands out the token while the session lasts and signs out by itself when it expires', () => {
    let now = NOW;
    const { pending, timers } = manualTimers();
    const store = new TokenStore(() => now, timers);
    store.signIn(sessionFrom({ access_token: jwt({ ...officer, exp: NOW / 1000 + 600 }) }, NOW));
    expect(store.accessToken()).not.toBeNull();
    expect(pending).toHaveLength(1);
    expect(pending[0].at).toBe(600_000 - EXPIRY_MARGIN_MS);

    now += 600_000;
    pending[0].run();
    expect(store.view.session).toBeNull();
    expect(store.view.lastReason).toBe('expired');
  });

  it('does not send an expired token even before its timer fires', () => {
    let now = NOW;
    const store = new TokenStore(() => now, manualTimers().timers);
    store.signIn(sessionFrom({ access_token: jwt({ ...officer, exp: NOW / 1000 + 600 }) }, NOW));
    now += 601_000;
    expect(store.accessToken()).toBeNull();
    expect(store.view.lastReason).toBe('expired');
  });

  it('forgets the token on sign-out and cancels the expiry timer', () => {
    const { pending, timers } = manualTimers();
    const store = new TokenStore(() => NOW, timers);
    store.signIn(sessionFrom({ access_token: jwt({ ...officer, exp: NOW / 1000 + 600 }) }, NOW));
    store.signOut('signed-out');
    expect(store.accessToken()).toBeNull();
    expect(pending).toHaveLength(0);
  });

  it('keeps the token in memory only', () => {
    const written: string[] = [];
    const storage = { setItem: (key: string) => written.push(key) } as unknown as Storage;
    Object.assign(globalThis, { localStorage: storage, sessionStorage: storage });
    try {
      const store = new TokenStore(() => NOW, manualTimers().timers);
      store.signIn(sessionFrom({ access_token: jwt({ ...officer, exp: NOW / 1000 + 600 }) }, NOW));
      store.accessToken();
      store.signOut('signed-out');
      expect(written).toEqual([]);
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage');
      Reflect.deleteProperty(globalThis, 'sessionStorage');
    }
  });
});
