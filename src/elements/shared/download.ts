/** Saves text as a file through a temporary object URL: no server, no third-party request. */
export function downloadText(fileName: string, text: string, type: string): void {
  // A BOM so spreadsheet programs read UTF-8 (names with accents, non-Latin scripts) correctly.
  downloadBlob(fileName, new Blob(['\ufeff', text], { type }));
}

/** Saves a blob (an image) as a file through a temporary object URL. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
