/**
 * CSV export, computed on the client from the data a panel already holds. RFC 4180: comma-separated, CRLF line ends,
 * fields quoted when they hold a comma, quote or line break. Text that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`; numbers are written as plain numbers.
 *
 * **Headers.** A column is titled twice: a `label` in the page's language (what a person opening the file reads) and
 * a stable `field` name (`plays`, `avgCompletionRate`, `plays 2026-01-01..2026-01-31`) for programs that read the
 * file. Exports use the labels unless asked for {@link CsvHeaders} `fields` (the panels' `csv-headers="fields"`
 * attribute). Cells that name something the screen translates (a device class, a metric) carry both forms the same
 * way ({@link CsvName}): `Computer` under labels, `computer` under fields.
 */

/**
 * Text with a translated form and a stable one: a column title (`{field: 'plays', label: 'Plays'}`) or a cell naming
 * a device class or a metric.
 */
export interface CsvName {
  /** The stable name, for programs (`avgCompletionRate`, `computer`). */
  field: string;
  /** The name in the page's language (`Avg. completion rate`, `Computer`). */
  label: string;
}

/** A cell: numbers are written unformatted (dot decimal) so spreadsheets read them as numbers. */
export type CsvCell = string | number | boolean | null | undefined | CsvName;

/** A column: a {@link CsvName}, or one title for both forms (a title that needs no translation). */
export type CsvColumn = string | CsvName;

/**
 * Which form of the titles (and of translated names in cells) an export writes: `labels`, in the page's language
 * (the default), or `fields`, the stable names for machine use.
 */
export type CsvHeaders = 'labels' | 'fields';

/** A table to export. */
export interface CsvTable {
  /** File name without extension. */
  name: string;
  /** Column titles. */
  columns: CsvColumn[];
  rows: CsvCell[][];
}

/** What {@link toCsv} writes. */
export interface CsvOptions {
  /** Labels in the page's language (default) or stable field names; see {@link CsvHeaders}. */
  headers?: CsvHeaders;
}

/** The form of `name` that an export with `headers` writes. */
export function csvText(name: CsvName | string, headers: CsvHeaders = 'labels'): string {
  return typeof name === 'string' ? name : headers === 'fields' ? name.field : name.label;
}

function cell(value: CsvCell, headers: CsvHeaders): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return cell(csvText(value, headers), headers);
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text: string = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a table, header first (see {@link CsvOptions}). */
export function toCsv(table: Pick<CsvTable, 'columns' | 'rows'>, options: CsvOptions = {}): string {
  const headers = options.headers ?? 'labels';
  const write = (c: CsvCell) => cell(c, headers);
  const lines = [table.columns.map(write).join(',')];
  for (const row of table.rows) lines.push(row.map(write).join(','));
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
