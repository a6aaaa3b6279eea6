/**
 * The embedded analytics engine: raw KAVA-shaped player events in, every report of the data contract out. Pure
 * TypeScript, no DOM. See docs/engine.md for its design.
 * @packageDocumentation
 */
export { AnalyticsEngine } from './engine.js';
export type { EngineOptions, IngestReport, RawEvent, SkipReason } from './engine.js';
export { createEventsProvider } from './provider.js';
