/**
 * Answers kept for a while, keyed by the whole query (and who asks): toggling the compare period or going back up a
 * drill-down asks nothing again. A query asked while the same one is on its way joins it; the shared request is
 * cancelled only when everyone who asked has aborted. Failures are never kept.
 * @packageDocumentation
 */
import { abortReason } from '../abort.js';

interface Entry<T> {
  promise: Promise<T>;
  /** When the answer arrived (ms); undefined while on its way. */
  at?: number;
  /** Askers still waiting; the shared request is aborted when it drops to 0 before the answer. */
  waiting: number;
  controller: AbortController;
}

/** JSON with object keys sorted, so two equal queries built in a different key order give one key. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A time-limited cache of answers with in-flight sharing. */
export class AnswerCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    /** How long an answer is kept, ms; 0 keeps nothing (in-flight sharing still applies). */
    private readonly ttlMs: number,
    /** At most this many answers are kept; the oldest go first. */
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forgets every kept answer (answers on their way still reach those who asked). */
  clear(): void {
    this.entries.clear();
  }

  /** How many answers are kept or on their way. */
  get size(): number {
    return this.entries.size;
  }

  /** The answer for `key`: kept, on its way, or asked now with `load`. `signal` aborts this asker only. */
  get(key: string, load: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    signal.throwIfAborted();
    let entry = this.entries.get(key);
    if (entry && entry.at !== undefined && this.now() - entry.at > this.ttlMs) {
      this.entries.delete(key);
      entry = undefined;
    }
    if (entry && entry.at !== undefined) {
      // Refresh its place: the most recently used stay longest.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.promise;
    }
    if (!entry) {
      const controller = new AbortController();
      const created: Entry<T> = { promise: Promise.resolve() as Promise<T>, waiting: 0, controller };
      created.promise = load(controller.signal).then(
        (value) => {
          if (this.entries.get(key) === created) {
            if (this.ttlMs > 0) created.at = this.now();
            else this.entries.delete(key);
          }
          return value;
        },
        (error: unknown) => {
          if (this.entries.get(key) === created) this.entries.delete(key);
          throw error;
        },
      );
      created.promise.catch(() => undefined);
      this.entries.set(key, created);
      this.trim();
      entry = created;
    }
    return this.join(key, entry, signal);
  }

  private join(key: string, entry: Entry<T>, signal: AbortSignal): Promise<T> {
    entry.waiting++;
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        entry.waiting--;
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        leave();
        reject(abortReason(signal));
        if (entry.waiting === 0 && entry.at === undefined) {
          if (this.entries.get(key) === entry) this.entries.delete(key);
          entry.controller.abort(abortReason(signal));
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (v) => {
          leave();
          resolve(v);
        },
        (e: unknown) => {
          leave();
          reject(e);
        },
      );
    });
  }

  private trim(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      const e = this.entries.get(oldest)!;
      if (e.at === undefined) break; // never drop one on its way
      this.entries.delete(oldest);
    }
  }
}
