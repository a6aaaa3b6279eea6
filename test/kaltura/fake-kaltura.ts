// A fake Kaltura API for the provider's unit tests: a `fetch` that answers each call of a multirequest from a small
// table of rules, records every request, and can refuse KSs or report types.
const T = '\t';

export interface FakeRequest {
  ks: string;
  calls: Record<string, any>[];
}

export interface FakeOptions {
  /** KSs answered with INVALID_KS (or `code`), per call. */
  badKs?: Set<string>;
  badKsCode?: string;
  /** KSs refused for the whole multirequest (a top-level exception). */
  refusedKs?: Set<string>;
  /** Report types answered with SERVICE_FORBIDDEN. */
  forbidden?: Set<number>;
  /** Cue points `cuepoint_cuepoint.list` returns. */
  cuePoints?: Record<string, unknown>[];
  /** Milliseconds before each answer (honours the request's signal). */
  delayMs?: number;
}

const exception = (code: string, message = code) => ({ objectType: 'KalturaAPIException', code, message, args: [] });

export function answerCall(c: Record<string, any>, o: FakeOptions = {}): unknown {
  if (c.service === 'report' && o.forbidden?.has(c.reportType)) return exception('SERVICE_FORBIDDEN', 'The access to service [report->getTotal] is forbidden');
  if (c.service === 'media') return { id: c.entryId, name: 'Lecture', mediaType: 1, msDuration: 600_000, userId: 'owner', createdAt: 1_700_000_000 };
  if (c.service === 'user') return { id: c.userId, fullName: c.userId === 'owner' ? 'Owner Name' : `? ${c.userId}` };
  if (c.service === 'cuepoint_cuepoint') return { objectType: 'KalturaCuePointListResponse', objects: o.cuePoints ?? [], totalCount: (o.cuePoints ?? []).length };
  if (c.action === 'getTotal' && c.reportType === 2)
    return { header: ['count_plays', 'count_plays_25', 'count_plays_50', 'count_plays_75', 'count_plays_100'].join(T), data: ['4', '2', '1', '1', '0'].join(T) };
  if (c.action === 'getTotal')
    return {
      header: ['unique_known_users', 'count_plays', 'sum_time_viewed', 'avg_view_drop_off', 'count_loads', 'avg_completion_rate'].join(T),
      data: ['3', String(c.reportInputFilter?.fromDate % 97 || 4), '12.5', '0.25', '10', '0.4'].join(T),
    };
  if (c.action === 'getTable' && c.reportType === 43)
    return { header: `percentile${T}count_viewers${T}unique_known_users`, data: `0${T}2${T}1;50${T}1${T}1;`, totalCount: 2 };
  if (c.action === 'getTable') return { header: `user_id${T}name${T}count_plays`, data: `u1${T}Ada${T}1;u2${T}Bob${T}2;`, totalCount: 2 };
  return exception('INVALID_ACTION', `unknown ${c.service}.${c.action}`);
}

/** Resolves `{N:result:path}` tokens the way Kaltura does, so result references can be checked. */
function resolveTokens(value: unknown, results: unknown[]): unknown {
  if (typeof value === 'string') {
    const m = /^\{(\d+):result:?(.*)\}$/.exec(value);
    if (!m) return value;
    let v: any = results[Number(m[1]) - 1];
    for (const key of m[2] ? m[2].split(':') : []) v = v?.[key];
    return v === undefined ? value : v;
  }
  if (Array.isArray(value)) return value.map((v) => resolveTokens(v, results));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTokens(v, results)]));
  return value;
}

export function fakeKaltura(options: FakeOptions = {}) {
  const requests: FakeRequest[] = [];
  const aborted: FakeRequest[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    const keys = Object.keys(body).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
    const request: FakeRequest = { ks: body.ks, calls: keys.map((k) => body[k]) };
    requests.push(request);
    if (options.delayMs) {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, options.delayMs);
        init.signal?.addEventListener('abort', () => {
          clearTimeout(t);
          aborted.push(request);
          reject(init.signal!.reason);
        });
      });
    }
    let answer: unknown;
    if (options.refusedKs?.has(body.ks)) answer = exception('EXPIRED_KS', `KS "${body.ks}" expired`);
    else {
      const results: unknown[] = [];
      for (const call of request.calls) {
        results.push(
          options.badKs?.has(body.ks)
            ? exception(options.badKsCode ?? 'INVALID_KS', `Invalid KS "${body.ks}" Error: -5,EXPIRED`)
            : answerCall(resolveTokens(call, results) as Record<string, any>, options),
        );
      }
      answer = results;
    }
    return new Response(JSON.stringify(answer), { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests, aborted, options };
}

/** A v1 KS (base64 of `signature|partner;partner;expiry;type;random;user;privileges`), as Kaltura's clients make. */
export function v1Ks(partnerId: number, userId: string, expiresAtSec: number, random = 'r1'): string {
  return btoa(`0123456789abcdef|${partnerId};${partnerId};${expiresAtSec};2;${random};${userId};disableentitlement`);
}
