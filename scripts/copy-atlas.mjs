#!/usr/bin/env node
// Ships the map geometry of <top-countries> beside the build: copies world-atlas's countries-110m.json to
// dist/assets/countries-110m.json (or to the directory given as the first argument). The element fetches it at run
// time from `../../assets/` relative to dist/elements/top-countries/atlas.js, or `./assets/` beside a single-file
// bundle in dist/; it is never inlined in a bundle.
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const source = require.resolve('world-atlas/countries-110m.json');
const target = resolve(root, process.argv[2] ?? 'dist/assets');
await mkdir(target, { recursive: true });
await copyFile(source, join(target, 'countries-110m.json'));
console.log(`copy-atlas: ${source} -> ${join(target, 'countries-110m.json')}`);
