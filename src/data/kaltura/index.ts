/**
 * The Kaltura provider: the dashboard on Kaltura's report API (`report.getTotal/getGraphs/getTable`, `media.get`,
 * `user.get`), for host pages inside KMS, KAF and KMC that already hold a Kaltura session (KS). See docs/kaltura.md.
 * @packageDocumentation
 */
export { createKalturaProvider, DEFAULT_CACHE_MS, type KalturaProvider, type KalturaProviderOptions } from './provider.js';
export { DEFAULT_MAX_CALLS, KalturaTimeoutError, type KalturaSession } from './client.js';
export { parseKs, ksIdentity, type KsInfo, type KsSource } from './session.js';
export { frameScheduler, pack, type Scheduler } from './batch.js';
export { AnswerCache, stableKey } from './cache.js';
export {
  DELIMITER,
  KalturaApiError,
  KalturaResponseError,
  NO_ACCESS_ERROR_CODES,
  SESSION_ERROR_CODES,
  isKalturaException,
  parseGraphs,
  parseTable,
  parseTotal,
  type ParsedTable,
  type Row,
} from './wire.js';
export {
  ReportType,
  buildFilter,
  dayBounds,
  kalturaTimeZoneOffset,
  multirequestBody,
  multirequestUrl,
  type KalturaCall,
  type KalturaReportFilter,
} from './request.js';
