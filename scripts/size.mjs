// Prints what the library weighs, minified and gzipped (-9), with lit and the d3 modules it uses inlined, for the
// ways a page can take it (DESIGN §5 budget: the whole library under 80 kB gzip; the map's code and geometry are
// loaded separately and only when a map is shown). Usage: npm run size
//
// Each case is bundled with code splitting, as a host's bundler would: "initial" is what a page loads up front (the
// entry chunk and the chunks it imports statically); "lazy" is what dynamic import()s load later (the map's code
// and its geometry module, imported when a map first comes on screen). Each file is gzipped on its own, as it travels, and the sizes summed.
// (Bundled without splitting, esbuild cannot tree-shake what only a dynamic import reaches and takes all of d3:
// bundle with `splitting: true`, as here.)
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const cases = [
  ['all elements (define.js)', `import '${root}src/define.ts';`],
  ['one element: <entry-highlights>', `import '${root}src/elements/entry-highlights/define.ts';`],
  ['one element: <top-domains-table>', `import '${root}src/elements/top-domains-table/define.ts';`],
  ['one element: <top-countries>', `import '${root}src/elements/top-countries/define.ts';`],
  ['embedded engine only', `export * from '${root}src/data/engine/index.ts';`],
  ['Kaltura provider only', `export * from '${root}src/data/kaltura/index.ts';`],
  // Rollup's bundle has the same split: one file up front, the map's code and geometry as chunks beside it.
  ['script-tag bundle (elements + both providers)', `export * from '${root}src/bundle.ts';`],
  ['sample-data generator (demo only)', `export * from '${root}src/data/sample/index.ts';`],
];

const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
const outdir = `${root}.size-out`; // never written: write is false
const rows = [];
for (const [name, contents] of cases) {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    splitting: true,
    outdir,
    metafile: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    conditions: ['production'],
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'error',
  });
  const files = new Map(out.outputFiles.map((f) => [relative(root, f.path).split('\\').join('/'), f.contents]));
  const outputs = out.metafile.outputs;
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined && k.endsWith('.js'));
  // The initial load: the entry and, transitively, what it imports statically.
  const initial = new Set();
  const visit = (key) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const i of outputs[key].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(entry);
  const sum = (keys) => {
    let min = 0;
    let gz = 0;
    for (const k of keys) {
      const code = files.get(k);
      min += code.length;
      gz += gzipSync(code, { level: 9 }).length;
    }
    return [min, gz];
  };
  const js = Object.keys(outputs).filter((k) => k.endsWith('.js'));
  const lazy = js.filter((k) => !initial.has(k));
  const [im, ig] = sum(initial);
  rows.push([name, kB(im), kB(ig), lazy.length ? `${kB(sum(lazy)[0])}` : '', lazy.length ? `${kB(sum(lazy)[1])}` : '']);
}

const w0 = Math.max(...rows.map((r) => r[0].length), 7);
const head = ['initial min', 'initial gzip', 'lazy min', 'lazy gzip'];
console.log(`${'what'.padEnd(w0)}  ${head.map((h) => h.padStart(12)).join('  ')}`);
for (const [a, ...r] of rows) console.log(`${a.padEnd(w0)}  ${r.map((c) => c.padStart(12)).join('  ')}`);
console.log('\ninitial: the entry chunk and its static imports; lazy: chunks loaded by dynamic import() (the map, when shown).');
