#!/usr/bin/env node
// A private ClickHouse server for tests, the loader and the benchmark: Debian's `clickhouse-server` (18.16 on
// bookworm) on a free 127.0.0.1 port, with a throw-away data directory holding a generated config.xml and users.xml.
// Nothing of the machine's own ClickHouse service (/etc/clickhouse-server, /var/lib/clickhouse) is used or touched.
//
//   node scripts/clickhouse.mjs ensure [--soft]   installs Debian's clickhouse-server when missing (root + apt-get);
//                                                 --soft only warns when it cannot
//   node scripts/clickhouse.mjs start [--dir D]   starts one, waits for /ping, prints `CLICKHOUSE_URL=http://…` and
//                                                 `CLICKHOUSE_PID=…`, and leaves it running (stop it with `stop`)
//   node scripts/clickhouse.mjs stop --dir D      stops the server started in D and removes D
//   node scripts/clickhouse.mjs run -- CMD …      starts one, runs CMD with CLICKHOUSE_URL set, stops it afterwards
//
// As a module: `startClickHouse({ dir?, memory? })` resolves to `{ url, pid, dir, stop() }`.
import { spawn, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_BINARY = process.env.CLICKHOUSE_SERVER ?? '/usr/bin/clickhouse-server';

function which(cmd) {
  try {
    return execSync(`command -v ${cmd}`, { shell: '/bin/sh', encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The server binary, or null when ClickHouse is not installed. */
export function serverBinary() {
  if (process.env.CLICKHOUSE_SERVER) return existsSync(process.env.CLICKHOUSE_SERVER) ? process.env.CLICKHOUSE_SERVER : null;
  return which('clickhouse-server') ?? (existsSync('/usr/sbin/clickhouse-server') ? '/usr/sbin/clickhouse-server' : null);
}

/** Installs Debian's clickhouse-server and clickhouse-client when the server is missing (as root, with apt-get). */
export function ensureClickHouse() {
  if (serverBinary()) return true;
  if (process.getuid?.() !== 0 || !which('apt-get')) return false;
  console.log("ClickHouse is missing: installing Debian's clickhouse-server (about 80 MB)…");
  execSync(
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server clickhouse-client',
    { stdio: 'inherit', shell: '/bin/sh' },
  );
  return serverBinary() !== null;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

function configXml({ dir, http, tcp, memory }) {
  // Small caches: this server shares a 2-core CI machine with a browser and a test runner.
  return `<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>${dir}/log/server.log</log>
    <errorlog>${dir}/log/error.log</errorlog>
    <size>10M</size>
    <count>1</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>5368709</mark_cache_size>
  <uncompressed_cache_size>0</uncompressed_cache_size>
  <max_concurrent_queries>32</max_concurrent_queries>
  <!-- Long enough that a busy client's pause while it sends a large INSERT does not close the connection. -->
  <keep_alive_timeout>60</keep_alive_timeout>
  <timezone>UTC</timezone>
  <query_log>
    <database>system</database>
    <table>query_log</table>
    <flush_interval_milliseconds>1000</flush_interval_milliseconds>
  </query_log>
  <mlock_executable>false</mlock_executable>
${memory ? `  <max_server_memory_usage>${memory}</max_server_memory_usage>\n` : ''}</yandex>
`;
}

function usersXml() {
  // `default`: full access from loopback, no password (a throw-away server). `reader`: read-only (readonly=2 still
  // lets the HTTP interface pass settings such as max_execution_time), what a browser dashboard would use.
  return `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>6000000000</max_memory_usage>
      <load_balancing>random</load_balancing>
    </default>
    <readonly>
      <readonly>2</readonly>
      <max_memory_usage>6000000000</max_memory_usage>
    </readonly>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
    <reader>
      <password>reader</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>readonly</profile>
      <quota>default</quota>
    </reader>
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
  </quotas>
</yandex>
`;
}

async function waitForPing(url, child, timeoutMs, log) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`clickhouse-server exited (${exited.code ?? exited.signal}) before answering /ping; see ${log}`);
    }
    try {
      const r = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1000) });
      if (r.ok && (await r.text()).startsWith('Ok')) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`clickhouse-server did not answer ${url}/ping within ${timeoutMs / 1000} s; see ${log}`);
}

/**
 * Starts a private server. `dir`: the data directory (made when missing; default a new temp directory, removed by
 * `stop`). `memory`: the server's memory limit in bytes (optional).
 */
export async function startClickHouse({ dir, memory, timeoutMs = 60_000 } = {}) {
  const binary = serverBinary();
  if (!binary) {
    throw new Error(
      "clickhouse-server is not installed: run `node scripts/clickhouse.mjs ensure` (as root: Debian's package) or set CLICKHOUSE_URL to a server",
    );
  }
  const own = !dir;
  dir = resolve(dir ?? mkdtempSync(join(tmpdir(), 'entry-analytics-clickhouse-')));
  for (const d of ['log', 'data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(join(dir, d), { recursive: true });
  const http = await freePort();
  let tcp = await freePort();
  while (tcp === http) tcp = await freePort();
  writeFileSync(join(dir, 'config.xml'), configXml({ dir, http, tcp, memory }));
  writeFileSync(join(dir, 'users.xml'), usersXml());
  const out = openSync(join(dir, 'log', 'stdout.log'), 'a');
  const child = spawn(binary, [`--config-file=${join(dir, 'config.xml')}`], {
    cwd: dir,
    stdio: ['ignore', out, out],
    detached: true,
  });
  const url = `http://127.0.0.1:${http}`;
  try {
    await waitForPing(url, child, timeoutMs, join(dir, 'log', 'stdout.log'));
  } catch (e) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    throw e;
  }
  writeFileSync(join(dir, 'server.json'), JSON.stringify({ url, pid: child.pid }));
  child.unref();
  return { url, pid: child.pid, dir, stop: () => stopClickHouse(dir, { remove: own }) };
}

/** Stops the server started in `dir` (SIGTERM, then SIGKILL after 10 s) and removes `dir` unless told not to. */
export async function stopClickHouse(dir, { remove = true } = {}) {
  const file = join(dir, 'server.json');
  if (existsSync(file)) {
    const { pid } = JSON.parse(readFileSync(file, 'utf8'));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    if (alive()) {
      process.kill(pid, 'SIGTERM');
      const deadline = Date.now() + 10_000;
      while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (alive()) process.kill(pid, 'SIGKILL');
    }
  }
  if (remove) rmSync(dir, { recursive: true, force: true });
}

async function main(argv) {
  const [cmd, ...rest] = argv;
  const opt = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (cmd === 'ensure') {
    // --soft (npm test's pretest): only warn; the ClickHouse tests then fail and say why.
    if (process.env.CLICKHOUSE_URL) return;
    if (!ensureClickHouse()) {
      console.error(
        "clickhouse-server is missing and could not be installed (needs root and apt-get): apt-get install clickhouse-server, or set CLICKHOUSE_URL",
      );
      if (!rest.includes('--soft')) process.exit(1);
    }
    return;
  }
  if (cmd === 'start') {
    const s = await startClickHouse({ dir: opt('--dir') ?? mkdtempSync(join(tmpdir(), 'entry-analytics-clickhouse-')) });
    console.log(`CLICKHOUSE_URL=${s.url}\nCLICKHOUSE_PID=${s.pid}\nCLICKHOUSE_DIR=${s.dir}`);
    return;
  }
  if (cmd === 'stop') {
    const dir = opt('--dir');
    if (!dir) throw new Error('stop needs --dir DIR');
    await stopClickHouse(dir);
    return;
  }
  if (cmd === 'run') {
    const sep = rest.indexOf('--');
    const command = sep >= 0 ? rest.slice(sep + 1) : rest;
    if (command.length === 0) throw new Error('run needs a command: run -- npm test');
    const s = await startClickHouse();
    let code = 1;
    try {
      code = await new Promise((res) => {
        const c = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, CLICKHOUSE_URL: s.url } });
        c.on('exit', (status, signal) => res(status ?? (signal ? 1 : 0)));
      });
    } finally {
      await s.stop();
    }
    process.exit(code);
  }
  console.error('usage: node scripts/clickhouse.mjs ensure | start [--dir D] | stop --dir D | run -- CMD …');
  process.exit(2);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e?.message ?? e);
    process.exit(1);
  });
}
