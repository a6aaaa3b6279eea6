/**
 * The demo's data worker: generates the seeded sample (~300k KAVA events) and ingests it into the embedded engine off
 * the main thread, then answers queries. Results are plain JSON, so they cross `postMessage` unchanged.
 */
import { AnalyticsEngine } from '../src/data/engine/index.js';
import { generateSample } from '../src/data/sample/index.js';
import type { Query } from '../src/data/types.js';
import type { FromWorker, ToWorker } from './protocol.js';

let engine: AnalyticsEngine | undefined;

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const message = e.data;
  if (message.type === 'init') {
    try {
      const t0 = performance.now();
      const data = generateSample({ seed: message.seed, end: message.end, days: message.days, events: message.events });
      const t1 = performance.now();
      engine = new AnalyticsEngine({ entries: data.entries, users: data.users });
      const report = engine.ingest(data.events);
      const t2 = performance.now();
      post({
        type: 'ready',
        events: data.events.length,
        accepted: report.accepted,
        users: Object.keys(data.users).length,
        generateMs: t1 - t0,
        ingestMs: t2 - t1,
      });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (message.type === 'query') {
    try {
      if (!engine) throw new Error('The sample data is not ready');
      post({ type: 'result', id: message.id, result: engine.query(message.query as Query) });
    } catch (error) {
      post({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
};
