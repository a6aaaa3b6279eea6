// @web/test-runner: every test runs in headless Chromium (Debian's /usr/bin/chromium unless CHROME_PATH says
// otherwise). Versions and flags: ../shared/TOOLCHAIN.md. Pure-logic tests (engine, layouts, parsers) run here too but
// touch no DOM; tsconfig.pure.json type-checks their sources without the DOM library.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { testServerPlugins } from './scripts/wtr-plugins.mjs';

const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Test files run two at a time in tabs of one browser; without these the tab in the background gets no animation
  // frames or resize observations and its timers are throttled, which makes layout tests flaky.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromeArgs,
      },
    }),
  ],
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'auto', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    ...testServerPlugins(),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
