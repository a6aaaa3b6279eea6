/**
 * The demo page: the whole dashboard on seeded sample data generated in a Web Worker (no network), a canvas "player"
 * that jumps when a chart fires `seek`, and switches for language, time zone, entry and data source (the embedded
 * engine, a Kaltura API endpoint such as the local mock `npm start` runs, or a ClickHouse server when `npm start` was
 * given one: see docs/clickhouse.md).
 */
import '../src/define.js';
import '../src/i18n/de.js';
import '../src/i18n/fr.js';
import '../src/i18n/es.js';
import '../src/i18n/pt-BR.js';
import '../src/i18n/it.js';
import '../src/i18n/nl.js';
import '../src/i18n/ja.js';
import '../src/i18n/zh-CN.js';
import '../src/i18n/he.js';
import '../src/i18n/ar.js';
import type { EntryAnalytics } from '../src/shell/entry-analytics.js';
import type { DataProvider, Query, Result } from '../src/data/types.js';
import { createKalturaProvider } from '../src/data/kaltura/index.js';
import { createClickHouseProvider } from '../src/data/clickhouse/index.js';
import { SAMPLE_IMAGE_ID, SAMPLE_PARTNER_ID, SAMPLE_VIDEO_ID, VIDEO_DURATION, VIDEO_MARKERS } from '../src/data/sample/index.js';
import { todayIn } from '../src/data/dates.js';
import { isRtl } from '../src/i18n/index.js';
import type { FromWorker, ToWorker } from './protocol.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const dashboard = $<EntryAnalytics>('dashboard');
const status = $<HTMLElement>('data-status');

// ---------------------------------------------------------------------------------------------------------------
// The embedded engine, in a worker

const SAMPLE = { seed: 1, days: 120, events: 300_000 };

function workerProvider(): { provider: DataProvider; ready: Promise<void> } {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();
  let next = 1;
  let markReady!: () => void;
  let markFailed!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    switch (m.type) {
      case 'ready':
        status.textContent = `Sample data: ${m.accepted.toLocaleString('en')} events from ${m.users.toLocaleString('en')} users, generated in ${(m.generateMs / 1000).toFixed(1)} s and ingested in ${(m.ingestMs / 1000).toFixed(1)} s in a worker.`;
        markReady();
        break;
      case 'failed':
        status.textContent = `The sample data could not be generated: ${m.message}`;
        markFailed(new Error(m.message));
        break;
      case 'result':
        pending.get(m.id)?.resolve(m.result);
        pending.delete(m.id);
        break;
      case 'error':
        pending.get(m.id)?.reject(new Error(m.message));
        pending.delete(m.id);
        break;
    }
  };
  const init: ToWorker = { type: 'init', ...SAMPLE, end: todayIn('UTC') };
  worker.postMessage(init);
  status.textContent = `Generating ${SAMPLE.events.toLocaleString('en')} sample player events in a worker…`;

  const provider: DataProvider = async (query: Query, { signal }) => {
    await ready;
    signal.throwIfAborted();
    const id = next++;
    return new Promise<Result>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      signal.addEventListener(
        'abort',
        () => {
          pending.delete(id);
          reject(signal.reason);
        },
        { once: true },
      );
      const message: ToWorker = { type: 'query', id, query };
      worker.postMessage(message);
    });
  };
  return { provider, ready };
}

const embedded = workerProvider();

// ---------------------------------------------------------------------------------------------------------------
// Data source switch

interface DemoConfig {
  kalturaMockUrl?: string;
  /** Set when `npm start` runs with CLICKHOUSE_URL: the server's HTTP interface, proxied same-origin. */
  clickhouse?: { url: string; database: string };
}

const sourceEmbedded = $<HTMLInputElement>('source-embedded');
const sourceKaltura = $<HTMLInputElement>('source-kaltura');
const kalturaForm = $<HTMLFormElement>('kaltura-form');
const serviceUrl = $<HTMLInputElement>('kaltura-url');
const partnerId = $<HTMLInputElement>('kaltura-partner');
const ks = $<HTMLInputElement>('kaltura-ks');
const kalturaStatus = $<HTMLElement>('kaltura-status');
const sourceClickHouse = $<HTMLInputElement>('source-clickhouse');
let clickhouse: DataProvider | undefined;

partnerId.value = String(SAMPLE_PARTNER_ID);
void fetch('./config.json')
  .then((r) => (r.ok ? (r.json() as Promise<DemoConfig>) : {}))
  .then((config: DemoConfig) => {
    if (config.kalturaMockUrl && !serviceUrl.value) {
      serviceUrl.value = config.kalturaMockUrl;
      ks.value ||= 'demo-ks';
      kalturaStatus.textContent = `A local Kaltura-compatible mock runs at ${config.kalturaMockUrl} (any KS but "expired" works; faults: ${config.kalturaMockUrl}/__mock/faults, see docs/kaltura.md).`;
    }
    if (config.clickhouse) {
      clickhouse = createClickHouseProvider({ url: config.clickhouse.url, database: config.clickhouse.database });
      $<HTMLElement>('source-clickhouse-row').hidden = false;
    }
  })
  .catch(() => undefined);

function useEmbedded(): void {
  dashboard.provider = embedded.provider;
  kalturaForm.hidden = true;
}

/** The KS the form holds now: the provider asks again whenever Kaltura rejects the last one. */
const currentKs = () => ks.value.trim();

function useKaltura(): void {
  kalturaForm.hidden = false;
  const url = serviceUrl.value.trim();
  if (!url || !currentKs()) {
    kalturaStatus.textContent = 'Enter the service URL and a KS, then choose “Connect”.';
    return;
  }
  // The KS stays in this page's memory: it is never stored or sent anywhere but the service URL.
  const kaltura = createKalturaProvider({
    serviceUrl: url,
    ks: currentKs,
    partnerId: partnerId.value.trim() || undefined,
  });
  // Nothing is "connected" until Kaltura has answered a query.
  let answered = false;
  const provider: DataProvider = async (query, options) => {
    const result = await kaltura(query, options);
    if (!answered && dashboard.provider === provider) {
      answered = true;
      kalturaStatus.textContent = `Connected: ${url} answered.`;
    }
    return result;
  };
  dashboard.provider = provider;
  kalturaStatus.textContent = `Asking ${url}…`;
}

// The dashboard's one "session expired" event: ask for a new KS here, then reload the dashboard.
dashboard.addEventListener('session-expired', () => {
  if (!sourceKaltura.checked) return;
  kalturaStatus.textContent = 'The KS has expired. Enter a new KS and choose “Connect” (any new text works with the local mock).';
  ks.value = '';
  ks.focus();
});

sourceEmbedded.addEventListener('change', () => sourceEmbedded.checked && useEmbedded());
sourceClickHouse.addEventListener('change', () => {
  if (!sourceClickHouse.checked || !clickhouse) return;
  kalturaForm.hidden = true;
  dashboard.provider = clickhouse;
});
sourceKaltura.addEventListener('change', () => {
  if (!sourceKaltura.checked) return;
  kalturaForm.hidden = false;
  if (serviceUrl.value && ks.value) useKaltura();
  else serviceUrl.focus();
});
kalturaForm.addEventListener('submit', (e) => {
  e.preventDefault();
  sourceKaltura.checked = true;
  // Same endpoint, new KS after an expiry: the provider asks the form again, so a reload is all it takes.
  if (dashboard.isSessionExpired && dashboard.provider && dashboard.provider !== embedded.provider && currentKs()) {
    kalturaStatus.textContent = 'Signing in again…';
    dashboard.reload();
    return;
  }
  useKaltura();
});

// ---------------------------------------------------------------------------------------------------------------
// Language, time zone, entry

const langSelect = $<HTMLSelectElement>('lang');
const zoneSelect = $<HTMLSelectElement>('zone');
const entrySelect = $<HTMLSelectElement>('entry');

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
if (![...zoneSelect.options].some((o) => o.value === browserZone)) zoneSelect.add(new Option(`${browserZone} (this browser)`, browserZone), 1);
zoneSelect.value = 'UTC';

function applyLang(): void {
  const lang = langSelect.value;
  document.documentElement.lang = lang;
  document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
  dashboard.lang = lang;
}
langSelect.addEventListener('change', applyLang);
zoneSelect.addEventListener('change', () => (dashboard.timeZone = zoneSelect.value));
entrySelect.addEventListener('change', () => {
  dashboard.entryId = entrySelect.value;
  player.hidden = entrySelect.value === SAMPLE_IMAGE_ID;
});
entrySelect.options[0]!.value = SAMPLE_VIDEO_ID;
entrySelect.options[1]!.value = SAMPLE_IMAGE_ID;

// ---------------------------------------------------------------------------------------------------------------
// The canvas player

const player = $<HTMLElement>('player');
const canvas = $<HTMLCanvasElement>('screen');
const playButton = $<HTMLButtonElement>('play');
const scrub = $<HTMLInputElement>('scrub');
const clock = $<HTMLOutputElement>('clock');
const playerStatus = $<HTMLElement>('player-status');

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
const chapterAt = (t: number) => [...VIDEO_MARKERS].reverse().find((m) => m.kind === 'chapter' && m.time <= t);

let time = 0;
let playing = false;
let last = 0;
scrub.max = String(VIDEO_DURATION);

function draw(): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width: w, height: h } = canvas;
  const p = time / VIDEO_DURATION;
  const g = ctx.createLinearGradient(0, 0, w, h);
  g.addColorStop(0, `hsl(${160 + p * 120} 45% 22%)`);
  g.addColorStop(1, `hsl(${200 + p * 120} 55% 12%)`);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#fff';
  ctx.font = '600 22px system-ui, sans-serif';
  ctx.fillText('The Carbon Cycle Explained', 24, 44);
  ctx.font = '18px system-ui, sans-serif';
  ctx.fillText(chapterAt(time)?.label ?? '', 24, 74);
  ctx.font = '600 64px ui-monospace, monospace';
  ctx.fillText(mmss(time), 24, h - 48);
  ctx.fillStyle = 'rgba(255,255,255,0.3)';
  ctx.fillRect(0, h - 8, w, 8);
  ctx.fillStyle = '#ffd166';
  ctx.fillRect(0, h - 8, w * p, 8);
  scrub.value = String(Math.round(time));
  scrub.setAttribute('aria-valuetext', mmss(time));
  clock.value = `${mmss(time)} / ${mmss(VIDEO_DURATION)}`;
  canvas.setAttribute('aria-label', `Sample lecture player at ${mmss(time)}${chapterAt(time) ? `, ${chapterAt(time)!.label}` : ''}`);
}

function tick(now: number): void {
  if (!playing) return;
  time = Math.min(VIDEO_DURATION, time + (now - last) / 1000);
  last = now;
  draw();
  if (time >= VIDEO_DURATION) setPlaying(false);
  else requestAnimationFrame(tick);
}

function setPlaying(on: boolean): void {
  playing = on;
  playButton.textContent = on ? 'Pause' : 'Play';
  playButton.setAttribute('aria-pressed', String(on));
  if (on) {
    if (time >= VIDEO_DURATION) time = 0;
    last = performance.now();
    requestAnimationFrame(tick);
  }
}

function seek(to: number, announce = false): void {
  time = Math.max(0, Math.min(VIDEO_DURATION, to));
  draw();
  if (announce) playerStatus.textContent = `Player moved to ${mmss(time)}.`;
}

playButton.addEventListener('click', () => setPlaying(!playing));
scrub.addEventListener('input', () => seek(Number(scrub.value)));
draw();

// ---------------------------------------------------------------------------------------------------------------
// Events from the dashboard

const log = $<HTMLOListElement>('log');
function logEvent(name: string, detail: unknown): void {
  const item = document.createElement('li');
  const code = document.createElement('code');
  code.textContent = name;
  item.append(code, ` ${JSON.stringify(detail)}`);
  log.prepend(item);
  while (log.children.length > 8) log.lastElementChild!.remove();
}

document.addEventListener('seek', (e) => {
  seek(e.detail.time, true);
  logEvent('seek', e.detail);
});
for (const name of ['range-change', 'filters-change', 'user-select', 'filter-add'] as const)
  document.addEventListener(name, (e) => logEvent(name, (e as CustomEvent).detail));

// ---------------------------------------------------------------------------------------------------------------
// Start

applyLang();
dashboard.timeZone = zoneSelect.value;
dashboard.entryId = SAMPLE_VIDEO_ID;
useEmbedded();
embedded.ready.catch(() => undefined);
