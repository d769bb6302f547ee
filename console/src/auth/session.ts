import { reactive, readonly } from 'vue';
import type { SignInSettings } from './identityProvider';

/** Who is signed in, from the access token's claims (the same claims the services read). */
export interface SignedInUser {
  id: string;
  name: string;
  agency: string;
  region: string;
  roles: string[];
}

/** An OAuth2 token response, as the development issuer and an identity provider's token endpoint give it. */
export interface TokenResponse {
  access_token: string;
  token_type?: string;
  expires_in?: number;
}

export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer used. */
  expiresAt: number;
  user: SignedInUser;
  /** Set when the identity provider signed the user in: what ending its session on sign-out needs. */
  provider?: { settings: SignInSettings; idToken?: string };
}

export type SignOutReason = 'signed-out' | 'expired' | 'refused';

/** The token's payload (claims), without checking its signature: the gateway and the services check it. */
export function claimsOf(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw new Error('not a JWT');
  }
  const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/**
 * A session from a token response received at `now`: it ends at the token's `exp`, or after
 * `expires_in` when the token carries no `exp`, whichever comes first.
 */
export function sessionFrom(response: TokenResponse, now: number): Session {
  const claims = claimsOf(response.access_token);
  const ends: number[] = [];
  if (typeof claims.exp === 'number') {
    ends.push(claims.exp * 1000);
  }
  if (typeof response.expires_in === 'number') {
    ends.push(now + response.expires_in * 1000);
  }
  if (ends.length === 0) {
    throw new Error('the token says neither when it expires (exp) nor how long it lasts (expires_in)');
  }
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : '');
  return {
    accessToken: response.access_token,
    expiresAt: Math.min(...ends),
    user: {
      id: text('sub'),
      name: text('name') || text('sub'),
      agency: text('agency'),
      region: text('region'),
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
    },
  };
}

/** Expired a little early, so that a request never leaves with a token that lapses on its way. */
export const EXPIRY_MARGIN_MS = 30_000;

export function isExpired(session: Session, now: number): boolean {
  return now >= session.expiresAt - EXPIRY_MARGIN_MS;
}

type Timers = {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
};

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The signed-in session, kept in this page's memory only (never in localStorage, sessionStorage or a cookie): a reload
 * or a new tab signs in again. It ends by itself when the token expires, and on a 401 from the gateway.
 */
export class TokenStore {
  private readonly state = reactive<{ session: Session | null; lastReason: SignOutReason | null }>({
    session: null,
    lastReason: null,
  });
  private timer: unknown = null;

  readonly view = readonly(this.state);

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly timers: Timers = browserTimers,
  ) {}

  signIn(session: Session): void {
    this.cancelTimer();
    this.state.session = session;
    this.state.lastReason = null;
    // Browsers clamp timeouts above 2^31-1 ms; a longer session is re-checked when the timer fires.
    const wait = Math.min(Math.max(session.expiresAt - EXPIRY_MARGIN_MS - this.clock(), 0), 2_147_000_000);
    this.timer = this.timers.set(() => this.checkExpiry(), wait);
  }

  signOut(reason: SignOutReason): void {
    this.cancelTimer();
    this.state.session = null;
    this.state.lastReason = reason;
  }

  /** The token to send, or null when no session is on (an expired one ends here). */
  accessToken(): string | null {
    const session = this.state.session;
    if (session === null) {
      return null;
    }
    if (isExpired(session, this.clock())) {
      this.signOut('expired');
      return null;
    }
    return session.accessToken;
  }

  signedIn(): boolean {
    return this.accessToken() !== null;
  }

  private checkExpiry(): void {
    const session = this.state.session;
    if (session === null) {
      return;
    }
    if (isExpired(session, this.clock())) {
      this.signOut('expired');
    } else {
      this.signIn(session);
    }
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
  }
}

export const tokens = new TokenStore();
