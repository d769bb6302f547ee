/**
 * Hands a Blob the page holds to the browser as a file: an object URL on a `download` link, revoked once the browser
 * has taken it. The console's Content-Security-Policy does not govern downloads, so no `blob:` source needs allowing:
 * nothing is loaded from the URL into the page.
 */
export function saveBlob(blob: Blob, fileName: string): void {
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
