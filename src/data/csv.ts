/**
 * CSV export, computed on the client from the data a panel already holds. RFC 4180: comma-separated, CRLF line ends,
 * fields quoted when they hold a comma, quote or line break. Text that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`; numbers are written as plain numbers.
 */

/** A cell: numbers are written unformatted (dot decimal) so spreadsheets read them as numbers. */
export type CsvCell = string | number | boolean | null | undefined;

/** A table to export. */
export interface CsvTable {
  /** File name without extension. */
  name: string;
  /** Column titles. */
  columns: string[];
  rows: CsvCell[][];
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a table, header first. */
export function toCsv(table: Pick<CsvTable, 'columns' | 'rows'>): string {
  const lines = [table.columns.map(cell).join(',')];
  for (const row of table.rows) lines.push(row.map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A file-system-safe file name: `Top domains 2026-01-01–2026-01-31` → `top-domains_2026-01-01_2026-01-31.csv`. */
export function csvFileName(name: string, from?: string, to?: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${[slug || 'data', from, to].filter(Boolean).join('_')}.csv`;
}
