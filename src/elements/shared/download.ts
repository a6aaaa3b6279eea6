/** Saves text as a file through a temporary object URL: no server, no third-party request. */
export function downloadText(fileName: string, text: string, type: string): void {
  // A BOM so spreadsheet programs read UTF-8 (names with accents, non-Latin scripts) correctly.
  const blob = new Blob(['\ufeff', text], { type });
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
