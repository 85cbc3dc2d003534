/**
 * Saving a generated file from an extension page. A Blob URL on an `<a download>` clicked in the
 * page works in Chrome and Firefox without the `downloads` permission. The report page is an
 * ordinary tab, so closing the popup that opened it cannot cancel a download in progress.
 */
export interface DownloadedFile {
  name: string;
  bytes: number;
}

export function downloadText(text: string, fileName: string, mime: string): DownloadedFile {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Firefox starts reading the Blob asynchronously after click(); revoking at once can abort the
    // save, so the URL is released on a later task.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { name: fileName, bytes: blob.size };
}
