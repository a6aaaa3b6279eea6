/**
 * The tables: raw events (one row per accepted beacon, fields read the engine's way), entries and users. See
 * docs/clickhouse.md for why the keys are what they are.
 * @internal
 */
import { databaseOf, execute, type ClickHouseOptions } from './http.js';

/** How {@link createSchema} lays the tables out. */
export interface SchemaOptions {
  /**
   * A cluster name (from the servers' `remote_servers`): every table is created `ON CLUSTER` as a `*_local`
   * MergeTree table on each node, with a `Distributed` table of the plain name over them. Events are sharded by
   * `(entry_id, session_id)`, so each session lives on one shard and the per-session work runs where the data is.
   */
  cluster?: string;
  /** Replicated tables on the cluster (`ReplicatedMergeTree` with this ZooKeeper path prefix, e.g. `/clickhouse/tables/{shard}`). */
  replicatedPath?: string;
}

const EVENT_COLUMNS = `
  entry_id String,
  session_id String,
  seq UInt64,
  time Float64,
  event_date Date,
  event_type UInt8,
  event_index Float64,
  position Float64,
  play_time_sum Float64,
  user_id String,
  country String,
  region String,
  city String,
  has_coords UInt8,
  latitude Float64,
  longitude Float64,
  device String,
  domain String,
  url String,
  categories Array(String),
  playback_type String,
  os String,
  browser String`;

const SESSION_COLUMNS_DDL = `
  entry_id String,
  session_id String,
  build UInt64,
  first_date Date,
  first_time Float64,
  last_time Float64,
  user String,
  s_country String,
  s_region String,
  s_city String,
  s_device String,
  s_domain String,
  s_url String,
  s_cats Array(String),
  s_ptype String,
  c_has UInt8,
  c_lat Float64,
  c_lon Float64,
  c_country String,
  c_region String,
  c_city String,
  et Array(Float64),
  ety Array(UInt8),
  esec Array(Float64),
  ebk Array(Array(UInt8)),
  n_imp UInt32,
  n_pl UInt32,
  n_sec Float64,
  n_bits UInt8,
  f25 UInt8,
  f50 UInt8,
  f75 UInt8,
  f100 UInt8,
  ub Array(UInt8),
  ubn Array(UInt32)`;

function engine(kind: 'MergeTree' | 'ReplacingMergeTree', table: string, s: SchemaOptions, version?: string): string {
  if (s.cluster && s.replicatedPath) {
    const args = [`'${s.replicatedPath}/${table}'`, `'{replica}'`, ...(version ? [version] : [])].join(', ');
    return `Replicated${kind}(${args})`;
  }
  return `${kind}${version ? `(${version})` : ''}`;
}

/** The DDL statements {@link createSchema} runs, in order. */
export function schemaStatements(options: ClickHouseOptions, schema: SchemaOptions = {}): string[] {
  const db = databaseOf(options);
  const cluster = schema.cluster;
  if (cluster !== undefined && !/^[A-Za-z0-9_.-]+$/.test(cluster)) throw new Error(`Invalid cluster name ${JSON.stringify(cluster)}`);
  const on = cluster ? ` ON CLUSTER ${cluster}` : '';
  const local = (t: string) => (cluster ? `${t}_local` : t);
  const out = [`CREATE DATABASE IF NOT EXISTS ${db}${on}`];
  // Events: a month per partition (old months can be dropped or moved whole); sorted by entry, then UTC day, then
  // session, so a query's range reads a narrow band of each entry's rows and a session's events sit together.
  out.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${local('events')}${on} (${EVENT_COLUMNS}\n) ENGINE = ${engine('MergeTree', 'events', schema)}\n` +
      `PARTITION BY toYYYYMM(event_date)\nORDER BY (entry_id, event_date, session_id)`,
  );
  // Entries and users: small, rewritten in place by a newer version (ReplacingMergeTree keeps the highest
  // `version`; queries take argMax(…, version), so they are right before the background merge too).
  out.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${local('entries')}${on} (\n  id String,\n  version UInt64,\n  duration Float64,\n  json String\n) ` +
      `ENGINE = ${engine('ReplacingMergeTree', 'entries', schema, 'version')}\nORDER BY id`,
  );
  out.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${local('users')}${on} (\n  user_id String,\n  version UInt64,\n  name String\n) ` +
      `ENGINE = ${engine('ReplacingMergeTree', 'users', schema, 'version')}\nORDER BY user_id`,
  );
  // Per-session facts, derived from events by buildSessions (sql.ts buildSessionsSql): every dashboard query reads
  // these, never raw events. Filed by entry, then build (a rebuild writes a new one; queries read the latest), then
  // the UTC day of the session's first metric event, so a query's range reads a narrow band of one build.
  out.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${local('sessions')}${on} (${SESSION_COLUMNS_DDL}\n) ENGINE = ${engine('MergeTree', 'sessions', schema)}\n` +
      `PARTITION BY toYYYYMM(first_date)\nORDER BY (entry_id, build, first_date, session_id)`,
  );
  // The builds: one row per finished build of an entry (the highest build is current), with the entry duration it
  // used and its longest session in days (how far before a range a session can start and still reach into it).
  out.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${local('session_builds')}${on} (\n  entry_id String,\n  build UInt64,\n  duration Float64,\n  span_days UInt16,\n  sessions UInt64\n) ` +
      `ENGINE = ${engine('ReplacingMergeTree', 'session_builds', schema, 'build')}\nORDER BY entry_id`,
  );
  if (cluster) {
    out.push(
      `CREATE TABLE IF NOT EXISTS ${db}.events${on} AS ${db}.events_local ENGINE = Distributed(${cluster}, ${db}, events_local, sipHash64(entry_id, session_id))`,
    );
    out.push(`CREATE TABLE IF NOT EXISTS ${db}.entries${on} AS ${db}.entries_local ENGINE = Distributed(${cluster}, ${db}, entries_local, sipHash64(id))`);
    out.push(
      `CREATE TABLE IF NOT EXISTS ${db}.sessions${on} AS ${db}.sessions_local ENGINE = Distributed(${cluster}, ${db}, sessions_local, sipHash64(entry_id, session_id))`,
    );
    out.push(
      `CREATE TABLE IF NOT EXISTS ${db}.session_builds${on} AS ${db}.session_builds_local ENGINE = Distributed(${cluster}, ${db}, session_builds_local, sipHash64(entry_id))`,
    );
    out.push(`CREATE TABLE IF NOT EXISTS ${db}.users${on} AS ${db}.users_local ENGINE = Distributed(${cluster}, ${db}, users_local, sipHash64(user_id))`);
  }
  return out;
}

/** Creates the database and its tables when missing (see {@link SchemaOptions} for a cluster). */
export async function createSchema(options: ClickHouseOptions, schema: SchemaOptions = {}): Promise<void> {
  for (const sql of schemaStatements(options, schema)) await execute(options, sql, { signal: options.signal });
}

/** Drops the database (tests and the benchmark start from an empty one). */
export async function dropSchema(options: ClickHouseOptions): Promise<void> {
  await execute(options, `DROP DATABASE IF EXISTS ${databaseOf(options)}`, { signal: options.signal });
}
