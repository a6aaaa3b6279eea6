// Two builds:
// 1. dist/**: unbundled ESM, one module per source file (.d.ts from `tsc -p tsconfig.build.json`), for npm users and
//    their bundlers. lit, @lit/*, d3 and topojson-client stay external (peer-like dependencies, deduplicated by the
//    host's bundler), and so do react, @lit/react and vue (optional peers of entry-analytics/react and /vue).
// 2. dist/entry-analytics.bundle.min.js: one minified ES module with lit and d3 inlined, for a <script type="module">
//    tag. Importing it registers every element and exposes the library's exports. What only a dynamic import() reaches
//    (the map's code and its geometry module, ~70 kB gzip) stays lazy: chunks in dist/bundle/, loaded from beside
//    the bundle when a map first shows, so a page without a map never pays for them. Copy dist/bundle/ along with
//    the file.
//    The geometry module is not copied into the bundle's chunks: the bundle imports the unbundled package's
//    dist/elements/top-countries/countries-110m.js (one copy in the package, ~38 kB gzip).
// The sample-data generator needs no bundle: its modules (dist/data/sample/*.js) import only each other and two date
// modules, with relative paths, so a bundle page imports dist/data/sample/index.js directly
// (`entry-analytics/bundle/sample`).
// No source maps ship (see README "What the package contains").
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const external = (id) => /^(lit|lit-html|lit-element|@lit\/|@lit-labs\/|d3$|d3-|topojson-client|react$|react\/|vue$)/.test(id);

/** Every non-test .ts file under src: each becomes a module of the unbundled build. */
function sources(dir = 'src') {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const ts = (options = {}) => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: false, ...options });

export default [
  {
    input: sources(),
    external,
    // Whitespace and syntax minified, names kept: readable stack traces, a lean package (no source maps ship).
    plugins: [ts({ minifyWhitespace: true, minifySyntax: true })],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
    },
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  },
  {
    input: 'src/bundle.ts',
    external: (id) => /[\\/]countries-110m\.(ts|js)$/.test(id),
    // The bundle file itself holds the code (it may export more, for its lazy chunks), not a facade over a chunk.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      ts(),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'entry-analytics.bundle.min.js',
      chunkFileNames: 'bundle/[name]-[hash].min.js',
      // The geometry import, relative to the bundle file (dist/): the unbundled package's module.
      paths: (id) => (/[\\/]countries-110m\.(ts|js)$/.test(id) ? './elements/top-countries/countries-110m.js' : id),
    },
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
      warn(warning);
    },
  },
];
