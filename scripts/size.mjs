// Prints what the library weighs, minified and gzipped (-9), with lit and the d3 modules it uses inlined, for the
// ways a page can take it (DESIGN §5 budget: the whole library under 80 kB gzip; the map geometry is fetched
// separately and only when a map is shown). Usage: npm run size
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cases = [
  ['all elements (define.js)', `import '${root}src/define.ts';`],
  ['one element: <entry-highlights>', `import '${root}src/elements/entry-highlights/define.ts';`],
  ['one element: <top-domains-table>', `import '${root}src/elements/top-domains-table/define.ts';`],
  ['one element: <top-countries>', `import '${root}src/elements/top-countries/define.ts';`],
  ['embedded engine only', `export * from '${root}src/data/engine/index.ts';`],
  ['Kaltura provider only', `export * from '${root}src/data/kaltura/index.ts';`],
  ['script-tag bundle (elements + both providers)', `export * from '${root}src/bundle.ts';`],
  ['sample-data generator (demo only)', `export * from '${root}src/data/sample/index.ts';`],
];

const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = [];
for (const [name, contents] of cases) {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    conditions: ['production'],
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'error',
  });
  const code = out.outputFiles[0].contents;
  rows.push([name, kB(code.length), kB(gzipSync(code, { level: 9 }).length)]);
}
const atlas = readFileSync(`${root}node_modules/world-atlas/countries-110m.json`);
rows.push(['map geometry countries-110m.json (fetched on demand)', kB(atlas.length), kB(gzipSync(atlas, { level: 9 }).length)]);

const w0 = Math.max(...rows.map((r) => r[0].length), 7);
console.log(`${'what'.padEnd(w0)}  ${'minified'.padStart(9)}  ${'gzip -9'.padStart(9)}`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(9)}  ${c.padStart(9)}`);
