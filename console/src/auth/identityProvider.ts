import type { UserManager } from 'oidc-client-ts';
import { sessionFrom, type Session } from './session';

/**
 * How the console signs in with the platform's identity provider, as the gateway states it
 * (`GET /auth/console/sign-in`): the provider's issuer (whose discovery document names its endpoints), the console's
 * client id there and the scopes asked for.
 */
export interface SignInSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

/** Where the provider sends the browser back with the authorization code (a console page, see router.ts). */
export const CALLBACK_PATH = '/signin/callback';

/** The gateway's sign-in settings, or null where it names no identity provider (the local runtime). */
export async function signInSettings(): Promise<SignInSettings | null> {
  try {
    const response = await fetch('/auth/console/sign-in', { headers: { Accept: 'application/json' }, credentials: 'omit' });
    if (!response.ok || !(response.headers.get('Content-Type') ?? '').includes('json')) {
      return null;
    }
    return settingsFrom(await response.json());
  } catch {
    return null;
  }
}

export function settingsFrom(value: unknown): SignInSettings | null {
  if (typeof value !== 'object' || value === null) return null;
  const { issuer, clientId, scope } = value as Record<string, unknown>;
  if (typeof issuer !== 'string' || typeof clientId !== 'string' || issuer === '' || clientId === '') return null;
  return { issuer, clientId, scope: typeof scope === 'string' && scope !== '' ? scope : 'openid' };
}

/**
 * The OpenID Connect client (oidc-client-ts: discovery, authorization code with PKCE S256, the code exchange and the
 * checks on its answer). Loaded only when someone signs in this way, so the local runtime never downloads it. The
 * tokens stay in this page's memory; only the round trip's state and PKCE verifier wait in this tab's sessionStorage
 * while the browser is at the provider, and the callback removes them.
 */
async function manager(settings: SignInSettings): Promise<UserManager> {
  const { UserManager, WebStorageStateStore, InMemoryWebStorage } = await import('oidc-client-ts');
  return new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    scope: settings.scope,
    response_type: 'code',
    redirect_uri: window.location.origin + CALLBACK_PATH,
    post_logout_redirect_uri: `${window.location.origin}/signin?reason=signed-out`,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    loadUserInfo: false,
    monitorSession: false,
    automaticSilentRenew: false,
  });
}

/** Sends the browser to the provider's sign-in; it comes back to the callback page, which then opens `next`. */
export async function startSignIn(settings: SignInSettings, next: string): Promise<void> {
  await (await manager(settings)).signinRedirect({ state: { next } });
}

/** The page the sign-in began on, if it is one of the console's own (never another site). */
export function nextPage(state: unknown): string {
  const next = typeof state === 'object' && state !== null ? (state as { next?: unknown }).next : undefined;
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/work';
}

/**
 * Completes the sign-in on the callback page: checks the answer against the stored state, exchanges the code with its
 * PKCE verifier, and makes a session of the access token (the claims the services read). The ID token is kept, in
 * memory too, to end the provider's session on sign-out.
 */
export async function completeSignIn(settings: SignInSettings): Promise<{ session: Session; next: string }> {
  const user = await (await manager(settings)).signinRedirectCallback();
  const session = sessionFrom({ access_token: user.access_token, expires_in: user.expires_in }, Date.now());
  return { session: { ...session, provider: { settings, idToken: user.id_token } }, next: nextPage(user.state) };
}

/** Ends the provider's session too (RP-initiated logout), which sends the browser back to the sign-in page. */
export async function endProviderSession(provider: NonNullable<Session['provider']>): Promise<void> {
  await (await manager(provider.settings)).signoutRedirect({ id_token_hint: provider.idToken });
}
