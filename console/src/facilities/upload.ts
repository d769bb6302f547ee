import { ApiProblem, problemOf } from '../api/client';
import { tokens, type TokenStore } from '../auth/session';
import { acceptLanguage } from '../i18n';

/**
 * Sends a file as the request body with its own content type (the API client sends JSON only): the facility import
 * takes the CSV or xlsx bytes as they are. A refusal is thrown as an ApiProblem, as the API client does.
 */
export function createUpload(store: TokenStore, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  return async function upload<T>(path: string, body: Blob, contentType: string): Promise<T> {
    const token = store.accessToken();
    if (token === null) {
      throw new ApiProblem(401, 'signed out', undefined, []);
    }
    const response = await fetchImpl(path, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'Accept-Language': acceptLanguage(),
        'Content-Type': contentType,
      },
      body,
      credentials: 'omit',
    });
    if (response.status === 401) {
      store.signOut('refused');
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    return (await response.json()) as T;
  };
}

export const upload = createUpload(tokens);
