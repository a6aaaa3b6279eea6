/**
 * One round trip for what the page asks at once: the calls of every query issued within the same frame go out in
 * one `multirequest` (split only at `maxCallsPerRequest`), identical calls are sent once, and each query gets its own
 * answers back. A query aborted before the batch leaves is taken out of it; one aborted after leaves the others'
 * answers alone (the HTTP request is cancelled only when every query in it was aborted).
 * @packageDocumentation
 */
import { abortReason } from '../abort.js';
import type { KalturaCall } from './request.js';
import type { CallResult } from './client.js';

/** Sends one multirequest of `calls` with `ks`; resolves with one result per call. */
export type SendRequest = (ks: string, calls: KalturaCall[], signal: AbortSignal) => Promise<CallResult[]>;

/** Runs `flush` once the current frame's work is done. */
export type Scheduler = (flush: () => void) => void;

/**
 * The default window: the next animation frame, then the end of that task, so every query the page issues while it
 * renders (panels connect, their loads start in microtasks) is in. Without frames (a worker, Node, a hidden tab) a
 * short timer stands in.
 */
export const frameScheduler: Scheduler = (flush) => {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    flush();
  };
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  const visible = (globalThis as { document?: { visibilityState?: string } }).document?.visibilityState === 'visible';
  if (raf && visible) {
    raf(() => setTimeout(go, 0));
    setTimeout(go, 100); // a frame that never comes (the tab was hidden meanwhile)
  } else setTimeout(go, 16);
};

interface Group {
  calls: KalturaCall[];
  signal: AbortSignal;
  resolve(results: CallResult[]): void;
  reject(error: unknown): void;
  done: boolean;
  /** Called when the group is aborted after its request left. */
  onAbortSent?: () => void;
}

/** One multirequest being built: its calls, and where each group's calls landed. */
interface Packed {
  calls: KalturaCall[];
  byKey: Map<string, number>;
  slots: Map<Group, number[]>;
}

const TOKEN = /\{(\d+):result/g;
const hasToken = (call: KalturaCall) => /\{\d+:result/.test(JSON.stringify(call));

/** A copy of `call` whose `{N:result…}` references point at the calls' places in the packed request. */
function renumber(call: KalturaCall, place: number[]): KalturaCall {
  return JSON.parse(
    JSON.stringify(call).replace(TOKEN, (m, n: string) => {
      const target = place[Number(n) - 1];
      return target === undefined ? m : `{${target + 1}:result`;
    }),
  ) as KalturaCall;
}

/**
 * Packs groups into requests of at most `limit` calls, in order. A group is never split across requests (its
 * `{N:result}` references must stay in one) unless it alone is larger than `limit`; identical calls without references
 * are sent once per request.
 */
export function pack(groups: Group[], limit: number): Packed[] {
  const out: Packed[] = [];
  const fresh = (): Packed => ({ calls: [], byKey: new Map(), slots: new Map() });
  let current = fresh();
  for (const group of groups) {
    if (group.calls.length > limit) {
      // Too big for one request: its own requests, in slices (groups that big carry no references).
      for (let i = 0; i < group.calls.length; i += limit) {
        const part = fresh();
        part.calls = group.calls.slice(i, i + limit);
        part.slots.set(group, part.calls.map((_, j) => i + j)); // marks the slice: see `send`
        out.push(part);
      }
      continue;
    }
    const keys = group.calls.map((c) => (hasToken(c) ? undefined : JSON.stringify(c)));
    const needed = keys.filter((k) => k === undefined || !current.byKey.has(k)).length;
    if (current.calls.length > 0 && current.calls.length + needed > limit) {
      out.push(current);
      current = fresh();
    }
    const place: number[] = [];
    group.calls.forEach((call, i) => {
      const key = keys[i];
      const known = key === undefined ? undefined : current.byKey.get(key);
      if (known !== undefined) {
        place.push(known);
        return;
      }
      const index = current.calls.push(key === undefined ? renumber(call, place) : call) - 1;
      if (key !== undefined) current.byKey.set(key, index);
      place.push(index);
    });
    current.slots.set(group, place);
  }
  if (current.calls.length) out.push(current);
  return out;
}

/** Collects call groups per KS and sends each frame's groups together. */
export class Batcher {
  private readonly queues = new Map<string, Group[]>();

  constructor(
    private readonly send: SendRequest,
    private readonly limit: number,
    private readonly schedule: Scheduler = frameScheduler,
  ) {}

  /** Queues `calls` (one query's) for the next batch sent with `ks`; resolves with their results, in order. */
  enqueue(ks: string, calls: KalturaCall[], signal: AbortSignal): Promise<CallResult[]> {
    signal.throwIfAborted();
    return new Promise<CallResult[]>((resolve, reject) => {
      const group: Group = { calls, signal, resolve, reject, done: false };
      const onAbort = () => {
        if (group.done) return;
        const queue = this.queues.get(ks);
        const at = queue?.indexOf(group) ?? -1;
        if (at >= 0) queue!.splice(at, 1); // not sent yet: simply left out
        this.finish(group, () => reject(abortReason(signal)));
        group.onAbortSent?.();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => signal.removeEventListener('abort', onAbort);
      group.resolve = (r) =>
        this.finish(group, () => {
          cleanup();
          resolve(r);
        });
      group.reject = (e) =>
        this.finish(group, () => {
          cleanup();
          reject(e);
        });
      let queue = this.queues.get(ks);
      if (!queue) {
        queue = [];
        this.queues.set(ks, queue);
        this.schedule(() => this.flush(ks));
      }
      queue.push(group);
    });
  }

  private finish(group: Group, fn: () => void): void {
    if (group.done) return;
    group.done = true;
    fn();
  }

  private flush(ks: string): void {
    const groups = this.queues.get(ks) ?? [];
    this.queues.delete(ks);
    const live = groups.filter((g) => !g.done);
    if (!live.length) return;
    const requests = pack(live, this.limit);
    // A group bigger than the limit spans several requests: it resolves when all of its slices have.
    const pieces = new Map<Group, { left: number; results: CallResult[] }>();
    for (const r of requests)
      for (const g of r.slots.keys()) {
        const p = pieces.get(g) ?? { left: 0, results: new Array<CallResult>(g.calls.length) };
        p.left++;
        pieces.set(g, p);
      }
    for (const request of requests) this.sendPacked(ks, request, pieces);
  }

  private sendPacked(ks: string, request: Packed, pieces: Map<Group, { left: number; results: CallResult[] }>): void {
    const controller = new AbortController();
    const members = [...request.slots.keys()];
    let alive = members.filter((g) => !g.done).length;
    const onGone = () => {
      alive--;
      if (alive <= 0) controller.abort(abortReason(members[0]!.signal));
    };
    for (const g of members) {
      const previous = g.onAbortSent;
      g.onAbortSent = () => {
        previous?.();
        onGone();
      };
    }
    const sliced = (g: Group) => g.calls.length > this.limit;
    this.send(ks, request.calls, controller.signal).then(
      (results) => {
        for (const [g, slots] of request.slots) {
          if (g.done) continue;
          const p = pieces.get(g)!;
          if (sliced(g)) slots.forEach((callIndex, j) => (p.results[callIndex] = results[j]!));
          else slots.forEach((at, i) => (p.results[i] = results[at]!));
          if (--p.left === 0) g.resolve(p.results);
        }
      },
      (error) => {
        for (const g of request.slots.keys()) if (!g.done) g.reject(error);
      },
    );
  }
}
