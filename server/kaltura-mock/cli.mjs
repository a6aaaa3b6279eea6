#!/usr/bin/env node
// Starts the Kaltura-compatible endpoint over the sample data and prints its address.
//   node server/kaltura-mock/cli.mjs [--port 8787] [--seed 1]
import { startKalturaMock } from './index.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
};
const mock = await startKalturaMock({ port: arg('port', Number(process.env.PORT ?? 0)), seed: arg('seed', 1) });
console.log(mock.url);
console.error(`Kaltura-compatible endpoint on ${mock.url} (serviceUrl for createKalturaProvider; any KS except "expired"). Ctrl+C to stop.`);
const stop = () => mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
