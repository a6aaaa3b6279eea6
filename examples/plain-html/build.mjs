// "Building" a plain page is copying files: the page, its script, and the package's dist/ folder whole (the bundle
// loads the map's code and geometry from beside itself when a map shows).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const pkgDir = dirname(createRequire(import.meta.url).resolve('entry-analytics/package.json'));
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
for (const f of ['index.html', 'app.js']) cpSync(f, join('dist', f));
cpSync(join(pkgDir, 'dist'), join('dist', 'entry-analytics'), { recursive: true });
