// Dev-server plugins the tests need besides TypeScript. Kept apart so that features (e.g. a local Kaltura-compatible
// endpoint) can add their own without touching the runner's config.
//
// kaltura-mock: starts server/kaltura-mock on a random 127.0.0.1 port when the test server starts, serves its URL
// to tests as the virtual module `/__kaltura-mock-url.js` (`export default 'http://127.0.0.1:PORT'`; the string is
// empty and `error` says why when the mock could not start; `sample` = the generateSample options of its data), and
// closes it on stop.
//
// strict-csp: sends the strict Content Security Policy of README's "Content Security Policy" section with the page
// test/csp/strict-csp.html (and nothing else: the runner's own pages use inline scripts).
//
// clickhouse: the ClickHouse server of the ClickHouse provider's tests, and a proxy to it (scripts/wtr-clickhouse.mjs).
import { clickhouseTestServer } from './wtr-clickhouse.mjs';

export function testServerPlugins() {
  return [kalturaMockPlugin(), strictCspPlugin(), mediaFeaturesPlugin(), clickhouse.plugin];
}

/** Koa middleware the tests need (runs before the dev server's own): the ClickHouse proxy (scripts/wtr-clickhouse.mjs). */
export function testServerMiddleware() {
  return [clickhouse.middleware];
}

const clickhouse = clickhouseTestServer();

/** The policy a locked-down host (an LMS) sends; README's "Content Security Policy" section documents it. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

function strictCspPlugin() {
  return {
    name: 'strict-csp',
    transform(context) {
      if (context.path !== '/test/csp/strict-csp.html') return undefined;
      return { headers: { 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store' } };
    },
  };
}

/** The sample data the mock serves; tests build the same data in the browser to compare. */
const MOCK_SAMPLE = { seed: 7, end: '2026-03-31', days: 90, events: 60_000, users: 400 };

function kalturaMockPlugin() {
  let mock;
  let failure = '';
  let starting;
  const start = () =>
    (starting ??= import('../server/kaltura-mock/index.mjs')
      .then(({ startKalturaMock }) => startKalturaMock({ port: 0, sample: MOCK_SAMPLE }))
      .then((m) => {
        mock = m;
      })
      .catch((e) => {
        failure = String(e?.stack ?? e);
      }));
  return {
    name: 'kaltura-mock',
    async serverStart() {
      await start();
    },
    async serverStop() {
      await mock?.close();
    },
    async serve(context) {
      if (context.path !== '/__kaltura-mock-url.js') return undefined;
      await start();
      return {
        body:
          `export default ${JSON.stringify(mock?.url ?? '')};\n` +
          `export const error = ${JSON.stringify(failure)};\n` +
          `export const sample = ${JSON.stringify(MOCK_SAMPLE)};\n`,
        type: 'js',
      };
    },
  };
}

// media-features: the command `emulate-media-features` (payload: [{ name, value }], e.g. forced-colors: active) sets
// the page's emulated CSS media features through the DevTools protocol. @web/test-runner-commands' emulateMedia
// forwards only prefers-color-scheme and prefers-reduced-motion to Chromium; forced colours need this. An empty list
// resets every feature.
//
// The same plugin answers `reset-navigation-history` (no payload): it empties the page's session history
// (DevTools' Page.resetNavigationHistory). Tests that walk Back and Forward need it. The runner reuses one page for
// every file, so the history is at Chromium's cap of 50 entries by the time a late file runs. At the cap, Chromium
// makes room by pruning the oldest entry that was added without user activation, and every entry a test pushes is
// such an entry. The entries the runner's own navigations created are not. So the test's own pushes were pruned as it
// made them, and Back then left the document (for about:blank). After a reset the test starts far from the cap.
function mediaFeaturesPlugin() {
  // One DevTools session per page, kept open: Chromium drops a session's emulation when the session detaches.
  const sessions = new WeakMap();
  return {
    name: 'media-features',
    async executeCommand({ command, payload, session }) {
      if (command === 'reset-navigation-history') {
        const page = session.browser.getPage(session.id);
        if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
        await sessions.get(page).send('Page.resetNavigationHistory');
        return true;
      }
      if (command !== 'emulate-media-features') return undefined;
      if (!Array.isArray(payload)) throw new Error('emulate-media-features takes a list of { name, value }');
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { media: '', features: payload });
      return true;
    },
  };
}
