import { tokens, type TokenStore } from '../auth/session';
import { acceptLanguage } from '../i18n';

/** One field named by a problem answer (RFC 9457, the services' `errors`). */
export interface FieldError {
  field?: string;
  message?: string;
  [key: string]: unknown;
}

/** A refused or failed request, with the problem the gateway or a service answered. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[],
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

/**
 * What a problem answer says about one field of a form: the messages of its `errors` naming the field itself or a
 * part of it (`reasons[0]`, `place.description`). Empty for any other error.
 */
export function fieldMessages(error: unknown, field: string): string[] {
  if (!(error instanceof ApiProblem)) return [];
  return error.errors
    .filter((e) => e.field === field || (typeof e.field === 'string' && (e.field.startsWith(`${field}[`) || e.field.startsWith(`${field}.`))))
    .map((e) => e.message ?? '')
    .filter((message) => message.length > 0);
}

export type QueryValue = string | number | boolean | null | undefined;

/** The query string of a search: empty filters are left out, so the API applies its own defaults. */
export function toQuery(filters: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value === null || value === undefined || value === '') {
      continue;
    }
    params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Reads a problem answer; anything else becomes a problem named by its status. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON: the status is all there is
  }
  const title = typeof body.title === 'string' ? body.title : `HTTP ${response.status}`;
  const detail = typeof body.detail === 'string' ? body.detail : undefined;
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
  return new ApiProblem(response.status, title, detail, errors);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Reads the answer as a file (a download, e.g. an export) instead of JSON; `T` is then `Blob`. */
  file?: boolean;
}

/**
 * Calls the platform's REST API on this origin with the signed-in user's token. A 401 ends the session (the
 * router then shows the sign-in page); every other refusal is thrown as an {@link ApiProblem}.
 */
export function createApi(store: TokenStore, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  return async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const token = store.accessToken();
    if (token === null) {
      throw new ApiProblem(401, 'signed out', undefined, []);
    }
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: options.file ? '*/*' : 'application/json',
      'Accept-Language': acceptLanguage(),
    };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetchImpl(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'omit',
    });
    if (response.status === 401) {
      store.signOut('refused');
      throw await problemOf(response);
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    if (options.file) {
      return (await response.blob()) as T;
    }
    return (await response.json()) as T;
  };
}

export const api = createApi(tokens);
