#!/usr/bin/env node
// Starts the Kaltura-compatible endpoint over the sample data and prints its address.
//   node server/kaltura-mock/cli.mjs [--port 8787] [--seed 1]
//     [--latency 300] [--call-latency 5] [--error-rate 0.1] [--fault-seed 1]
//     [--ks-expires-after 50] [--forbid-reports 36,37,30]
// Faults can also be changed while it runs: POST /__mock/faults with a JSON body ({"latencyMs": 300, …}).
import { startKalturaMock } from './index.mjs';
import { faultsFromArgs, flag } from './faults.mjs';

const argv = process.argv.slice(2);
const num = (name, fallback) => (flag(argv, name) !== undefined ? Number(flag(argv, name)) : fallback);
const mock = await startKalturaMock({
  port: num('port', Number(process.env.PORT ?? 0)),
  seed: num('seed', 1),
  faults: faultsFromArgs(argv),
});
console.log(mock.url);
const on = Object.entries(mock.faults).filter(([k, v]) => k !== 'seed' && (Array.isArray(v) ? v.length : v));
console.error(
  `Kaltura-compatible endpoint on ${mock.url} (serviceUrl for createKalturaProvider; any KS except "expired")` +
    `${on.length ? `; faults: ${on.map(([k, v]) => `${k}=${v}`).join(', ')}` : ''}. Ctrl+C to stop.`,
);
const stop = () => mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
