import { api } from '../api/client';
import { saveBlob } from '../files';

/**
 * Saves a file the API serves behind the caller's token (the token lives in memory, so a plain link cannot carry it):
 * fetched with the API client, handed to the browser as a Blob object URL on a `download` link, and the URL revoked
 * once the browser has taken the file ({@link saveBlob}).
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const blob = await api<Blob>(path, { file: true });
  saveBlob(blob, fileName);
}
