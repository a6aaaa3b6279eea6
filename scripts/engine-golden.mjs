#!/usr/bin/env node
// Writes test/engine/golden/sample-seed.json: the engine's answers for the sample seed (test/engine/golden/snapshot.ts),
// computed in headless Chromium, the browser the tests compare them in. Run it only when a change of the engine's
// answers is intended, and review the diff before committing it:
//
//   npm run golden
//
// Environment: CHROME_PATH (default /usr/bin/chromium).
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}test/engine/golden/sample-seed.json`;
const bundle = await build({
  stdin: {
    contents: `import { goldenSnapshot } from './test/engine/golden/snapshot.ts'; globalThis.__golden = goldenSnapshot();`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
  tsconfig: `${root}tsconfig.json`,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const snapshot = await page.evaluate(() => globalThis.__golden);
  // One line per query: a change shows as the lines of the queries whose answers moved.
  const text = `[\n${snapshot.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`;
  await writeFile(out, text);
  console.log(`wrote ${out.slice(root.length)} (${snapshot.length} answers, ${(text.length / 1024).toFixed(1)} kB)`);
} finally {
  await browser.close();
}
