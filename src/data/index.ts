/** The data layer without the engine: contract types, the metric registry, validation, date helpers, CSV, URL rule, trends. */
export * from './types.js';
export * from './validate.js';
export * from './dates.js';
export * from './csv.js';
export * from './urls.js';
export * from './compare.js';
export * from './errors.js';
export * from './metrics.js';
