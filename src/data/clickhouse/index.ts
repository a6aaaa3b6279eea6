/**
 * The dashboard over ClickHouse: a {@link DataProvider} answering every query kind by SQL over ClickHouse's HTTP
 * interface (with `fetch`: Node and browsers), the schema, and loaders for raw KAVA-shaped beacons, entries and the
 * user directory. The numbers are the embedded engine's. See docs/clickhouse.md.
 * @packageDocumentation
 */
export { createClickHouseProvider, type ClickHouseProviderOptions } from './provider.js';
export { createSchema, dropSchema, schemaStatements, type SchemaOptions } from './schema.js';
export {
  insertEntries,
  insertEvents,
  insertUsers,
  eventStats,
  readEvent,
  EventEncoder,
  insertEncoded,
  buildSessions,
  type BuildSessionsOptions,
  type SessionBuild,
  type EventStats,
  type InsertEventsOptions,
} from './load.js';
export { ClickHouseError, DEFAULT_DATABASE, type ClickHouseOptions } from './http.js';
