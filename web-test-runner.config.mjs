// @web/test-runner: the component tests run in headless Chromium (Debian's /usr/bin/chromium unless CHROME_PATH says
// otherwise). Pure-logic tests (engine, layouts, parsers: test/node-files.mjs) run in Node instead
// (scripts/test-node.mjs); `npm test` runs both through scripts/test.mjs. tsconfig.pure.json type-checks the pure
// sources without the DOM library.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { testServerMiddleware, testServerPlugins } from './scripts/wtr-plugins.mjs';
import { nodeTestFiles } from './test/node-files.mjs';

const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // gc() for the memory tests that count live instances (test/elements/lifecycle-memory.test.ts).
  '--js-flags=--expose-gc',
];

/**
 * Each test file gets a page of its own browser context (its own window, never a background tab with throttled frames)
 * with focus emulated (every page behaves as the focused one: focus events and :focus-visible work in all of them at
 * once), so files can run side by side: WTR_CONCURRENCY=N runs N at a time. The default is one file at a time: on
 * a 2-core machine that is busy with anything else, pages side by side starve each other and the map and dashboard
 * tests hit their waiting limits (seen with three at a time under load); the pure tests already left the browser
 * (test/node-files.mjs), which is where most of the time went.
 */
const concurrency = Number(process.env.WTR_CONCURRENCY) || 1;

async function focusedPage({ browser }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  return page;
}

export default {
  files: ['test/**/*.test.ts', ...nodeTestFiles.map((f) => `!${f}`)],
  nodeResolve: true,
  concurrency,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  // Generous start limits: on a busy 2-core machine a page can take tens of seconds to open; a test never waits for them.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromeArgs,
      },
      createPage: focusedPage,
    }),
  ],
  testFramework: { config: { timeout: 20_000 } },
  middleware: testServerMiddleware(),
  plugins: [
    esbuildPlugin({ ts: true, target: 'auto', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    ...testServerPlugins(),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
