// The ClickHouse server the browser tests talk to. CLICKHOUSE_URL (set by .ci/run) names one; otherwise a private
// server is started for the run when Debian's clickhouse-server is installed (scripts/clickhouse.mjs) and stopped
// when the run ends. Tests reach it through this dev server at `/__clickhouse` (same origin: no CORS), and import
// `/__clickhouse.js` (`export default '/__clickhouse'`, or '' with `error` saying why there is no server). A test
// that finds no server fails: it never passes without one.
import { startClickHouse, serverBinary } from './clickhouse.mjs';

const PREFIX = '/__clickhouse';

export function clickhouseTestServer() {
  let server;
  let failure = '';
  let starting;
  const start = () =>
    (starting ??= (async () => {
      if (process.env.CLICKHOUSE_URL) {
        server = { url: process.env.CLICKHOUSE_URL.replace(/\/+$/, ''), stop: async () => {} };
        return;
      }
      if (!serverBinary()) {
        failure =
          "No ClickHouse server: install Debian's clickhouse-server (`node scripts/clickhouse.mjs ensure`, which `npm test` runs) or set CLICKHOUSE_URL";
        return;
      }
      server = await startClickHouse();
    })().catch((e) => {
      failure = `ClickHouse did not start: ${e?.message ?? e}`;
    }));

  const plugin = {
    name: 'clickhouse',
    async serverStop() {
      await server?.stop();
    },
    async serve(context) {
      if (context.path !== `${PREFIX}.js`) return undefined;
      await start();
      return {
        body: `export default ${JSON.stringify(server ? PREFIX : '')};\nexport const error = ${JSON.stringify(failure)};\n`,
        type: 'js',
      };
    },
  };

  /** Koa middleware: forwards `/__clickhouse/…` to the server (method, query string, body and auth). */
  const middleware = async (ctx, next) => {
    if (ctx.path !== PREFIX && !ctx.path.startsWith(`${PREFIX}/`)) return next();
    await start();
    if (!server) {
      ctx.status = 503;
      ctx.body = failure;
      return;
    }
    const chunks = [];
    for await (const c of ctx.req) chunks.push(c);
    const headers = {};
    for (const h of ['authorization', 'content-type']) if (ctx.get(h)) headers[h] = ctx.get(h);
    try {
      const r = await fetch(`${server.url}${ctx.path.slice(PREFIX.length) || '/'}${ctx.querystring ? `?${ctx.querystring}` : ''}`, {
        method: ctx.method,
        headers,
        body: ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : Buffer.concat(chunks),
      });
      ctx.status = r.status;
      ctx.set('Content-Type', r.headers.get('content-type') ?? 'text/plain');
      ctx.body = Buffer.from(await r.arrayBuffer());
    } catch (e) {
      ctx.status = 502;
      ctx.body = `ClickHouse proxy: ${e?.message ?? e}`;
    }
  };
  return { plugin, middleware };
}
