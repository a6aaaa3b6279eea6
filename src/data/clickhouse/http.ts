/**
 * ClickHouse's HTTP interface over `fetch`: one POST per statement, the SQL as the body, errors as Errors with a
 * clear message. Runs in Node (18+) and in browsers.
 * @internal
 */
import { abortReason } from '../abort.js';

/** Where the server is and how to reach it. */
export interface ClickHouseOptions {
  /** The HTTP interface, e.g. `http://127.0.0.1:8123` (a path prefix, such as a proxy's, is kept). */
  url: string;
  /** Database of the tables; default `entry_analytics`. */
  database?: string;
  /** User; default `default`. Sent as HTTP Basic authentication (a browser then sends a CORS preflight). */
  user?: string;
  /** Password; default empty. */
  password?: string;
  /**
   * Longest wait for one statement, ms; default 30,000. The server is told too (`max_execution_time`), so a slow
   * query stops there as well.
   */
  timeoutMs?: number;
  /** Aborts every statement of this client (besides each call's own signal). */
  signal?: AbortSignal;
  /** The `fetch` to use; default the global one. */
  fetch?: typeof fetch;
  /**
   * ClickHouse settings sent with every statement as URL parameters (e.g. `{ distributed_product_mode: 'local' }` on a
   * cluster, `{ log_queries: '1' }`). A read-only user needs `readonly=2` in its profile to pass any.
   */
  settings?: Record<string, string>;
}

/** A ClickHouse error: the server's exception (code and text), a transport failure, or a timeout. */
export class ClickHouseError extends Error {
  /** ClickHouse's exception code, when the server sent one. */
  readonly code?: number;
  constructor(message: string, code?: number) {
    super(message);
    this.name = 'ClickHouseError';
    if (code !== undefined) this.code = code;
  }
}

export const DEFAULT_DATABASE = 'entry_analytics';

/** The database name, checked: ClickHouse identifiers are interpolated into SQL, so only plain names are accepted. */
export function databaseOf(o: ClickHouseOptions): string {
  const db = o.database ?? DEFAULT_DATABASE;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(db)) throw new ClickHouseError(`Invalid database name ${JSON.stringify(db)}`);
  return db;
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}


/** What {@link execute} sends besides the statement. */
export interface ExecuteOptions {
  signal?: AbortSignal;
  /** Extra URL parameters (settings). */
  params?: Record<string, string>;
  /** A binary body after the statement (the statement then goes in the `query` URL parameter). */
  body?: Uint8Array;
}

/**
 * Runs one statement and returns the response text. Rejects with a {@link ClickHouseError} naming the server's
 * exception, an HTTP error, an unreachable server or a timeout, and with the signal's reason when aborted.
 */
export async function execute(o: ClickHouseOptions, sql: string, x: ExecuteOptions = {}): Promise<string> {
  if (typeof o?.url !== 'string' || !(/^https?:\/\//i.test(o.url) || o.url.startsWith('/'))) {
    throw new ClickHouseError(`Invalid ClickHouse url ${JSON.stringify(o?.url)}: expected http(s)://host:port`);
  }
  const timeoutMs = o.timeoutMs ?? 30_000;
  const controller = new AbortController();
  const signals = [x.signal, o.signal].filter((s): s is AbortSignal => s !== undefined);
  for (const s of signals) if (s.aborted) throw abortReason(s);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  for (const s of signals) s.addEventListener('abort', onAbort, { once: true });
  const params = new URLSearchParams({
    // Errors after the first byte would arrive inside a 200 response: buffer the whole answer so that any exception
    // is an HTTP error instead.
    wait_end_of_query: '1',
    max_execution_time: String(Math.max(1, Math.ceil(timeoutMs / 1000))),
    ...o.settings,
    ...x.params,
  });
  let body: BodyInit;
  if (x.body) {
    params.set('query', sql);
    body = x.body as unknown as BodyInit;
  } else body = sql;
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (o.user !== undefined || o.password !== undefined) {
    headers['Authorization'] = `Basic ${base64(`${o.user ?? 'default'}:${o.password ?? ''}`)}`;
  }
  const url = `${o.url.replace(/\/+$/, '')}/?${params}`;
  const f = o.fetch ?? fetch;
  try {
    let response: Response;
    try {
      response = await f(url, { method: 'POST', body, headers, signal: controller.signal });
    } catch (e) {
      // A kept-alive connection the server closed while idle fails before the server read anything: try once more
      // on a new one (the statement never ran, so even an INSERT is not doubled).
      if (!staleConnection(e) || controller.signal.aborted) throw transportError(o, e, timedOut, timeoutMs, signals);
      try {
        response = await f(url, { method: 'POST', body, headers, signal: controller.signal });
      } catch (e2) {
        throw transportError(o, e2, timedOut, timeoutMs, signals);
      }
    }
    let text: string;
    try {
      text = await response.text();
    } catch (e) {
      throw transportError(o, e, timedOut, timeoutMs, signals);
    }
    if (!response.ok) {
      const m = /Code:\s*(\d+)/.exec(text);
      const detail = text.replace(/\s+/g, ' ').trim().slice(0, 500);
      throw new ClickHouseError(
        `ClickHouse answered ${response.status}${detail ? `: ${detail}` : ''}`,
        m ? Number(m[1]) : undefined,
      );
    }
    return text;
  } finally {
    clearTimeout(timer);
    for (const s of signals) s.removeEventListener('abort', onAbort);
  }
}

/** Whether a fetch failure is a reused connection the server had closed (Node's fetch: EPIPE, ECONNRESET, "other side closed"). */
function staleConnection(e: unknown): boolean {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code === 'EPIPE' || cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET';
}

function transportError(o: ClickHouseOptions, e: unknown, timedOut: boolean, ms: number, signals: AbortSignal[]): unknown {
  for (const s of signals) if (s.aborted) return abortReason(s);
  if (timedOut) return new ClickHouseError(`ClickHouse at ${o.url} did not answer within ${ms / 1000} s`);
  const cause = (e as { cause?: unknown })?.cause;
  const why = [e, cause].filter((x) => x instanceof Error).map((x) => (x as Error).message).join(': ') || String(e);
  return new ClickHouseError(`ClickHouse at ${o.url} is unreachable (${why})`);
}

/** Runs a SELECT and returns its rows (ClickHouse's `JSONCompact` format), checking the answer's shape. */
export async function selectRows(o: ClickHouseOptions, sql: string, signal?: AbortSignal): Promise<unknown[][]> {
  const text = await execute(o, `${sql}\nFORMAT JSONCompact`, { signal });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ClickHouseError(`ClickHouse answered something that is not JSON: ${text.slice(0, 200)}`);
  }
  const data = (parsed as { data?: unknown })?.data;
  if (!Array.isArray(data) || !data.every(Array.isArray)) {
    throw new ClickHouseError('ClickHouse answered JSON without a data array');
  }
  return data as unknown[][];
}

/** A number from a JSONCompact cell (64-bit integers arrive as strings); throws on anything else. */
export function num(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (Number.isNaN(n) && v !== 'nan') throw new ClickHouseError(`ClickHouse answered a malformed number: ${JSON.stringify(v)}`);
  return n;
}

/** A string literal for ClickHouse SQL. */
export function str(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** An exact Float64 literal: integers as they are, any other double through its IEEE bits. */
export function f64(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return `toFloat64(${x})`;
  if (Number.isNaN(x)) return 'nan';
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x, true);
  let hex = '';
  for (let i = 0; i < 8; i++) hex += b.getUint8(i).toString(16).padStart(2, '0');
  return `reinterpretAsFloat64(unhex('${hex}'))`;
}

/** An array literal of strings. */
export function strs(values: readonly string[]): string {
  return `[${values.map(str).join(', ')}]`;
}
