import { api } from '../api/client';

/**
 * Saves a file the API serves behind the caller's token (the token lives in memory, so a plain link cannot carry it):
 * fetched with the API client, handed to the browser as a Blob object URL on a `download` link, and the URL revoked
 * once the browser has taken the file. The console's Content-Security-Policy does not govern downloads, so no `blob:`
 * source needs allowing: nothing is loaded from the URL into the page.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const blob = await api<Blob>(path, { file: true });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click starts the download asynchronously: revoking at once could cancel it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
