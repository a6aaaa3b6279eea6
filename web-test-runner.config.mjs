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
];

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One test file at a time: a second tab would lack window focus (focus events, :focus-visible) and layout tests
  // would depend on which tab is in front.
  concurrency: 1,
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
