/**
 * The Kaltura provider: the dashboard on Kaltura's report API (`report.getTotal/getGraphs/getTable`, `media.get`,
 * `user.get`), for host pages inside KMS, KAF and KMC that already hold a Kaltura session (KS). See docs/kaltura.md.
 * @packageDocumentation
 */
export { createKalturaProvider, type KalturaProviderOptions } from './provider.js';
export { KalturaTimeoutError, type KalturaSession } from './client.js';
export {
  DELIMITER,
  KalturaApiError,
  KalturaResponseError,
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
