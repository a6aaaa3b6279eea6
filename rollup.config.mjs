// Two builds:
// 1. dist/**: unbundled ESM, one module per source file (.d.ts from `tsc -p tsconfig.build.json`), for npm users and
//    their bundlers. lit, @lit/*, d3 and topojson-client stay external (peer-like dependencies, deduplicated by the
//    host's bundler).
// 2. dist/entry-analytics.bundle.min.js: one minified ES module with everything inlined, for a <script type="module">
//    tag. Importing it registers every element and exposes the library's exports.
// The world map geometry is never inlined: it is copied to dist/assets/ and fetched when a map is first shown.
import { readdirSync, statSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const external = (id) =>
  /^(lit|lit-html|lit-element|@lit\/|@lit-labs\/|d3$|d3-|topojson-client|world-atlas)/.test(id);

/** Every non-test .ts file under src: each becomes a module of the unbundled build. */
function sources(dir = 'src') {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true });

function copyAtlas() {
  return {
    name: 'copy-atlas',
    writeBundle() {
      mkdirSync('dist/assets', { recursive: true });
      copyFileSync('node_modules/world-atlas/countries-110m.json', 'dist/assets/countries-110m.json');
    },
  };
}

export default [
  {
    input: sources(),
    external,
    plugins: [ts(), copyAtlas()],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  },
  {
    input: 'src/bundle.ts',
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      ts(),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    output: { file: 'dist/entry-analytics.bundle.min.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
      warn(warning);
    },
  },
];
