/**
 * Kaltura's report wire format: parsing `report.getTable`, `report.getTotal` and `report.getGraphs` answers, and
 * recognising API exceptions.
 *
 * Sources read (public kaltura/server):
 * - `api_v3/lib/types/report/KalturaReportTable.php`: a table is `{header, data, totalCount}`; `header` is the column
 *   names joined by the delimiter, `data` is each row's values joined by the delimiter and ended by `;`. The server
 *   replaces the delimiter and `;` inside a value with a space (there is no escaping).
 * - `api_v3/lib/types/report/KalturaReportTotal.php`: a total is `{header, data}` with one row.
 * - `api_v3/lib/types/report/KalturaReportGraph.php`: a graph is `{id, data}` with `data` = `key<sep>value;…`; older
 *   servers separate key and value with `,`, newer ones with `|` (or the requested delimiter).
 * - `api_v3/lib/types/report/KalturaReportResponseOptions.php`: `responseOptions[delimiter]` (default `,`).
 *
 * Everything here is strict: a response that does not fit throws {@link KalturaResponseError}, so nothing half-parsed
 * reaches a chart.
 * @packageDocumentation
 */
import type { ProviderErrorKind } from '../errors.js';

/**
 * The column delimiter the provider asks for (`responseOptions.delimiter`). A tab: it never occurs in the names, URLs
 * and numbers Kaltura returns (the server would turn one into a space), unlike `,` (city names, URLs) or `|`.
 */
export const DELIMITER = '\t';

/**
 * Kaltura's codes for a KS that is invalid, expired or missing: asking for a fresh KS may help. (kaltura/server
 * `KalturaErrors::INVALID_KS` — which an expired KS gets, with `-5,EXPIRED` in its message — `EXPIRED_KS`, `MISSING_KS`.)
 */
export const SESSION_ERROR_CODES: readonly string[] = ['INVALID_KS', 'EXPIRED_KS', 'KS_EXPIRED', 'MISSING_KS'];

/**
 * Kaltura's codes for a session that lacks a privilege (`SERVICE_FORBIDDEN` and its relatives in kaltura/server
 * `KalturaErrors` / `APIErrors`): that report stays closed to this KS; other reports may work.
 */
export const NO_ACCESS_ERROR_CODES: readonly string[] = [
  'SERVICE_FORBIDDEN',
  'SERVICE_FORBIDDEN_CONTENT_BLOCKED',
  'SERVICE_ACCESS_CONTROL_RESTRICTED',
  'PRIVILEGE_IP_RESTRICTION',
  'INVALID_ACTIONS_LIMIT',
];

/**
 * A `KalturaAPIException` returned inside a successful HTTP response. Its `kind` tells the elements what it means:
 * `'session-expired'` for the {@link SESSION_ERROR_CODES}, `'no-access'` for the {@link NO_ACCESS_ERROR_CODES}
 * (see `src/data/errors.ts`).
 */
export class KalturaApiError extends Error {
  override name = 'KalturaApiError';
  /** What the elements make of it, when it is a session or privilege error. */
  readonly kind?: ProviderErrorKind;
  constructor(
    message: string,
    /** Kaltura's error code, e.g. `INVALID_KS`. */
    readonly code: string,
    /** Which call of the multirequest failed (1-based), when known. */
    readonly call?: number,
  ) {
    super(message);
    if (SESSION_ERROR_CODES.includes(code)) this.kind = 'session-expired';
    else if (NO_ACCESS_ERROR_CODES.includes(code)) this.kind = 'no-access';
  }
}

/** A response that does not have the shape Kaltura documents (missing column, wrong cell count, not a number…). */
export class KalturaResponseError extends Error {
  override name = 'KalturaResponseError';
}

/** Raw `KalturaReportTable`. */
export interface RawReportTable {
  objectType?: string;
  header?: string | null;
  data?: string | null;
  totalCount?: number | null;
}
/** Raw `KalturaReportTotal`. */
export interface RawReportTotal {
  objectType?: string;
  header?: string | null;
  data?: string | null;
}
/** Raw `KalturaReportGraph`. */
export interface RawReportGraph {
  objectType?: string;
  id: string;
  data?: string | null;
}

/** A parsed table: rows addressed by column name, never by position. */
export interface ParsedTable {
  columns: string[];
  rows: Row[];
  totalCount: number;
}

/** One parsed row: typed accessors by column name. */
export interface Row {
  /** The raw string in column `name`; throws {@link KalturaResponseError} if the header has no such column. */
  str(name: string): string;
  /** The first of `names` that the header has, as a string; throws if none. */
  strOf(...names: string[]): string;
  /** Column `name` as a number (an empty cell is 0); throws if the column is missing or not numeric. */
  num(name: string): number;
  /** Column `name` as a number, or `undefined` when the header lacks it. */
  optNum(name: string): number | undefined;
  /** Whether the header has column `name`. */
  has(name: string): boolean;
}

/** True when `value` is a `KalturaAPIException` object. */
export function isKalturaException(value: unknown): value is { code?: string; message?: string; objectType: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { objectType?: unknown }).objectType === 'KalturaAPIException'
  );
}

/** The {@link KalturaApiError} that a `KalturaAPIException` stands for (`call`: its 1-based multirequest index). */
export function exceptionError(value: { code?: string; message?: string }, call?: number): KalturaApiError {
  return new KalturaApiError(value.message || value.code || 'Kaltura API error', value.code ?? '', call);
}

/** Throws a {@link KalturaApiError} when `value` is a `KalturaAPIException`; returns `value` otherwise. */
export function throwIfException<T>(value: T, call?: number): T {
  if (isKalturaException(value)) throw exceptionError(value, call);
  return value;
}

/**
 * Where a response came from, for the errors the parser throws: the report (`PLATFORMS (21)`) and optionally the
 * delimiter its columns are split with (default {@link DELIMITER}). A string alone is the delimiter (the older form).
 */
export interface ParseOptions {
  /** The report's name in errors, e.g. `PLATFORMS (21)` (see `reportLabel` in `request.ts`); default `report`. */
  report?: string;
  /** `responseOptions.delimiter` of the request; default {@link DELIMITER}. */
  delimiter?: string;
}
const optionsOf = (o: string | ParseOptions | undefined): { report: string; delimiter: string } =>
  typeof o === 'string'
    ? { report: 'report', delimiter: o }
    : { report: o?.report ?? 'report', delimiter: o?.delimiter ?? DELIMITER };

function splitHeader(header: string | null | undefined, delimiter: string, report: string): string[] {
  if (header == null || header === '') return [];
  if (typeof header !== 'string') throw new KalturaResponseError(`${report}: the header is not a string`);
  const columns = header.split(delimiter).map((h) => h.trim());
  const seen = new Set<string>();
  for (const c of columns) {
    // Two columns of one name: which one a reader gets would depend on the reader, so the answer is refused.
    if (seen.has(c)) throw new KalturaResponseError(`${report}: column "${c}" appears twice in the header`);
    seen.add(c);
  }
  return columns;
}

/**
 * The only numbers the parser reads: decimal notation, as Kaltura's PHP prints them. An optional minus sign, digits,
 * an optional fraction, an optional exponent (`1.0E-5`, PHP's form for small floats, and `1e3` are decimal). Not
 * numbers here: hex, binary or octal (`0x10`, `0b1`, `0o7`), `Infinity`, `NaN`, a leading `+`, digit separators
 * (`1_000`, `1,000`), a bare `.5` or `5.`, spaces inside.
 */
const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A cell as a number: an empty cell is 0 (Kaltura leaves a metric without data empty); otherwise decimal notation
 * ({@link DECIMAL}), finite and not negative — every numeric column the provider reads is a count, a sum, an average
 * or a ratio of counts, or a percentile, none of which can be below zero. `-0` reads as 0.
 */
function parseNumber(raw: string, report: string, column: string): number {
  const s = raw.trim();
  if (s === '') return 0;
  if (!DECIMAL.test(s)) throw refusal(report, column, 'a decimal number', raw);
  const n = Number(s);
  if (!Number.isFinite(n)) throw refusal(report, column, 'a finite number', raw);
  if (n < 0) throw refusal(report, column, 'a non-negative number', raw);
  return n === 0 ? 0 : n;
}
const refusal = (report: string, column: string, rule: string, raw: string) =>
  new KalturaResponseError(`${report}, column "${column}": expected ${rule}, got ${shown(raw)}`);

/** A cell or item as errors quote it: JSON, cut at 40 characters. */
const shown = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

/** A row over its cells: one object per row, the column index shared by every row of the table. */
class CellRow implements Row {
  constructor(
    private readonly index: Map<string, number>,
    private readonly cells: string[],
    private readonly report: string,
  ) {}
  private pos(name: string): number {
    const i = this.index.get(name);
    if (i === undefined) throw new KalturaResponseError(`${this.report}: missing column "${name}"`);
    return i;
  }
  str(name: string): string {
    return this.cells[this.pos(name)] ?? '';
  }
  strOf(...names: string[]): string {
    for (const n of names) {
      const i = this.index.get(n);
      if (i !== undefined) return this.cells[i] ?? '';
    }
    throw new KalturaResponseError(`${this.report}: missing column "${names.join('" or "')}"`);
  }
  num(name: string): number {
    return parseNumber(this.cells[this.pos(name)] ?? '', this.report, name);
  }
  optNum(name: string): number | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : parseNumber(this.cells[i] ?? '', this.report, name);
  }
  has(name: string): boolean {
    return this.index.has(name);
  }
}

function parseRows(columns: string[], data: string | null | undefined, delimiter: string, report: string): Row[] {
  const index = new Map(columns.map((c, i) => [c, i] as const));
  if (data == null || data === '') return [];
  if (typeof data !== 'string') throw new KalturaResponseError(`${report}: the data is not a string`);
  const rows: Row[] = [];
  let n = 0;
  for (const line of data.split(';')) {
    if (line === '') continue;
    n++;
    const cells = line.split(delimiter);
    if (columns.length === 0) throw new KalturaResponseError(`${report}: data without a header`);
    if (cells.length !== columns.length)
      throw new KalturaResponseError(`${report}: row ${n} has ${cells.length} cells, the header has ${columns.length} columns`);
    rows.push(new CellRow(index, cells, report));
  }
  return rows;
}

/**
 * Parses a `KalturaReportTable`. An empty table (no header, no data) has no rows. `options`: the report's name for
 * errors and the delimiter (a string alone is the delimiter).
 */
export function parseTable(raw: unknown, options?: string | ParseOptions): ParsedTable {
  const { report, delimiter } = optionsOf(options);
  throwIfException(raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new KalturaResponseError(`${report}: expected a KalturaReportTable object`);
  const t = raw as RawReportTable;
  const columns = splitHeader(t.header, delimiter, report);
  const rows = parseRows(columns, t.data, delimiter, report);
  const totalCount = t.totalCount == null ? rows.length : Number(t.totalCount);
  if (!Number.isSafeInteger(totalCount) || totalCount < 0)
    throw new KalturaResponseError(`${report}: expected totalCount to be a non-negative integer, got ${String(t.totalCount)}`);
  return { columns, rows, totalCount };
}

/**
 * Parses a `KalturaReportTotal` into its one row, or `undefined` when the server found nothing (empty header/data:
 * the caller treats that as zeros).
 */
export function parseTotal(raw: unknown, options?: string | ParseOptions): Row | undefined {
  const { report, delimiter } = optionsOf(options);
  throwIfException(raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new KalturaResponseError(`${report}: expected a KalturaReportTotal object`);
  const t = raw as RawReportTotal;
  const columns = splitHeader(t.header, delimiter, report);
  const rows = parseRows(columns, t.data, delimiter, report);
  if (rows.length > 1) throw new KalturaResponseError(`${report}: a total has ${rows.length} rows`);
  return rows[0];
}

/** A row of zeros for any column: what an empty total means. */
export const ZERO_ROW: Row = {
  str: () => '',
  strOf: () => '',
  num: () => 0,
  optNum: () => undefined,
  has: () => false,
};

/**
 * Parses `report.getGraphs`: one map per metric id, from bucket key (`YYYYMMDD`, `YYYYMM`, or a name) to value.
 * The key/value separator is the last `|`, or else the delimiter, or else `,` in the item.
 */
export function parseGraphs(raw: unknown, options?: string | ParseOptions): Map<string, Map<string, number>> {
  const { report, delimiter } = optionsOf(options);
  throwIfException(raw);
  if (!Array.isArray(raw)) throw new KalturaResponseError(`${report}: expected an array of KalturaReportGraph`);
  const out = new Map<string, Map<string, number>>();
  for (const g of raw as RawReportGraph[]) {
    if (typeof g !== 'object' || g === null || typeof g.id !== 'string')
      throw new KalturaResponseError(`${report}: expected a KalturaReportGraph with an id`);
    if (out.has(g.id)) throw new KalturaResponseError(`${report}: graph "${g.id}" appears twice`);
    if (g.data != null && typeof g.data !== 'string')
      throw new KalturaResponseError(`${report}, graph "${g.id}": the data is not a string`);
    const points = new Map<string, number>();
    for (const item of (g.data ?? '').split(';')) {
      if (item === '') continue;
      let cut = item.lastIndexOf('|');
      if (cut < 0) cut = item.lastIndexOf(delimiter);
      if (cut < 0) cut = item.lastIndexOf(',');
      if (cut < 0) throw new KalturaResponseError(`${report}, graph "${g.id}": no separator in ${shown(item)}`);
      const key = item.slice(0, cut).trim();
      if (points.has(key)) throw new KalturaResponseError(`${report}, graph "${g.id}": bucket "${key}" appears twice`);
      points.set(key, parseNumber(item.slice(cut + 1), report, g.id));
    }
    out.set(g.id, points);
  }
  return out;
}
