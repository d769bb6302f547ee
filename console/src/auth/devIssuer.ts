import type { DevUser } from '../api/types';
import { sessionFrom, type Session, type TokenResponse } from './session';
import { ApiProblem, problemOf } from '../api/client';

/**
 * The local runtime's development token issuer (`/auth/dev`, local profile only). Its user list is read from the
 * issuer itself, so the console never keeps its own copy. Anywhere else the issuer is absent and this answers null.
 */
export async function sampleUsers(): Promise<DevUser[] | null> {
  try {
    const response = await fetch('/auth/dev/users', { headers: { Accept: 'application/json' }, credentials: 'omit' });
    if (!response.ok || !(response.headers.get('Content-Type') ?? '').includes('json')) {
      return null;
    }
    const users = (await response.json()) as unknown;
    return Array.isArray(users) ? (users as DevUser[]) : null;
  } catch {
    return null;
  }
}

export async function signInAs(userId: string): Promise<Session> {
  const response = await fetch(`/auth/dev/token?user=${encodeURIComponent(userId)}`, {
    method: 'POST',
    headers: { Accept: 'application/json' },
    credentials: 'omit',
  });
  if (!response.ok) {
    throw await problemOf(response);
  }
  const issued = (await response.json()) as TokenResponse;
  if (typeof issued.access_token !== 'string') {
    throw new ApiProblem(response.status, 'no access_token in the answer', undefined, []);
  }
  return sessionFrom(issued, Date.now());
}
