/**
 * The strict-CSP page's module: the whole dashboard (every element registered) on a small seeded sample computed by
 * the embedded engine, the map included. Sets `window.__ready` once every panel has loaded (or `__failed`).
 */
import '../../src/define.js';
import { setDefaultGeometryUrl } from '../../src/elements/top-countries/atlas.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import { AnalyticsEngine, createEventsProvider } from '../../src/data/engine/index.js';
import { generateSample, SAMPLE_VIDEO_ID } from '../../src/data/sample/index.js';

declare global {
  interface Window {
    __ready?: boolean;
    __failed?: string;
  }
}

const TODAY = '2026-03-30';

async function main() {
  setDefaultGeometryUrl('/node_modules/world-atlas/countries-110m.json');
  const data = generateSample({ seed: 3, end: TODAY, timeZone: 'UTC', events: 20_000, users: 150 });
  const engine = new AnalyticsEngine({ entries: data.entries, users: data.users });
  engine.ingest(data.events);
  const el = document.getElementById('dashboard') as EntryAnalytics;
  el.today = TODAY;
  el.entryId = SAMPLE_VIDEO_ID;
  el.provider = createEventsProvider(engine);
  await el.whenLoaded();
  for (let i = 0; i < 200 && el.panelElements.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  await el.updateComplete;
  for (const p of el.panelElements) await (p as HTMLElement & { whenLoaded?: () => Promise<void> }).whenLoaded?.();
  window.__ready = true;
}

main().catch((e: unknown) => {
  window.__failed = e instanceof Error ? (e.stack ?? e.message) : String(e);
});
