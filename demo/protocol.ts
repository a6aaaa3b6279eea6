/** Messages between the demo page and its data worker. */
import type { Query, Result } from '../src/data/types.js';

export type ToWorker =
  | { type: 'init'; seed: number; end: string; days: number; events: number }
  | { type: 'query'; id: number; query: Query };

export type FromWorker =
  | { type: 'ready'; events: number; accepted: number; users: number; generateMs: number; ingestMs: number }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: Result }
  | { type: 'error'; id: number; message: string };
