// A learning platform's page, rendered on the server as Moodle or KMS would: the course page's HTML with the tags and
// their attributes, sent with a strict Content-Security-Policy (no inline script or style, Trusted Types limited to
// Lit's `lit-html` policy). The script on the page loads the package's single-file bundle and sets the provider; the
// elements render in the browser.
//
// The server imports the package too (the tag list, the sample's ids): importing it in Node is safe, nothing touches
// a DOM. `node server.mjs` (PORT, default 8090) prints `listening on http://127.0.0.1:PORT/`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TAGS } from 'entry-analytics';
import { SAMPLE_VIDEO_ID } from 'entry-analytics/sample.js';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(dirname(createRequire(import.meta.url).resolve('entry-analytics/package.json')), 'dist');

export const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The course page as the platform renders it: its own markup around the dashboard's tag. */
function coursePage({ course, entryId, lang }) {
  return `<!doctype html>
<html lang="${escape(lang)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(course)} — lecture analytics</title>
  <link rel="icon" href="/static/favicon.svg">
  <link rel="stylesheet" href="/static/lms.css">
  <script type="module" src="/static/page.js"></script>
</head>
<body>
  <header class="lms-header"><a href="/">My courses</a> › ${escape(course)} › Lecture 1</header>
  <main>
    <h1>Lecture 1: engagement</h1>
    <entry-analytics entry-id="${escape(entryId)}" preset="last30" compare="previous" time-zone="Europe/Paris"></entry-analytics>
  </main>
  <footer>Rendered on the server with ${TAGS.length} analytics tags available.</footer>
</body>
</html>`;
}

const TYPES = { '.svg': 'image/svg+xml', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };

const server = createServer(async (req, res) => {
  const headers = { 'content-security-policy': POLICY, 'x-content-type-options': 'nosniff' };
  const path = new URL(req.url, 'http://x').pathname;
  try {
    if (path === '/') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(coursePage({ course: 'Biology 101 <Spring>', entryId: SAMPLE_VIDEO_ID, lang: 'en' }));
      return;
    }
    // The package's dist/ under /ea/ (the bundle loads its map chunk and the geometry from beside itself).
    const [base, rel] = path.startsWith('/ea/') ? [dist, path.slice(4)] : path.startsWith('/static/') ? [join(here, 'public'), path.slice(8)] : [];
    const file = base && normalize(join(base, rel));
    if (!file || !file.startsWith(base)) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch (e) {
    res.writeHead(e.code === 'ENOENT' || e.code === 'EISDIR' ? 404 : 500, headers).end('not found');
  }
});
server.listen(Number(process.env.PORT ?? 8090), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
