// Talks to the local Kaltura-compatible endpoint that scripts/wtr-plugins.mjs starts for the tests: its URL, its fault
// injection (POST /__mock/faults) and its request counts (GET /__mock/stats). Tests that set faults reset them after.
// @ts-expect-error virtual module served by the kaltura-mock dev-server plugin
import mockUrl, { error as mockError, sample as mockSample } from '/__kaltura-mock-url.js';
import type { SampleOptions } from '../../src/data/sample/index.js';

export const MOCK_URL: string = mockUrl;
export const MOCK_ERROR: string = mockError;
export const MOCK_SAMPLE: SampleOptions & { end: string } = mockSample;

/** The faults of server/kaltura-mock/faults.mjs. */
export interface MockFaults {
  latencyMs?: number;
  callLatencyMs?: number;
  errorRate?: number;
  seed?: number;
  ksExpiresAfterCalls?: number;
  forbiddenReports?: number[];
}

export interface MockStats {
  requests: number;
  preflights: number;
  calls: number;
  failed: number;
  maxConcurrent: number;
  callsPerRequest: number[];
}

function requireMock(): string {
  if (!MOCK_URL) throw new Error(`the Kaltura mock did not start: ${MOCK_ERROR}`);
  return MOCK_URL;
}

/** Replaces the endpoint's faults (unset ones are off); resolves with the faults in force. */
export async function setFaults(faults: MockFaults = {}): Promise<Required<MockFaults>> {
  const r = await fetch(`${requireMock()}/__mock/faults`, { method: 'POST', body: JSON.stringify(faults) });
  if (!r.ok) throw new Error(`setFaults: HTTP ${r.status} ${await r.text()}`);
  return r.json();
}

export async function mockStats(): Promise<MockStats> {
  return (await fetch(`${requireMock()}/__mock/stats`)).json();
}

export async function resetStats(): Promise<void> {
  await fetch(`${requireMock()}/__mock/stats/reset`, { method: 'POST' });
}

/** One raw multirequest (no provider in between): resolves with the HTTP status and the parsed body (or text). */
export async function multirequest(ks: string, calls: Record<string, unknown>[]): Promise<{ status: number; body: any }> {
  const body: Record<string, unknown> = { ks, format: 1 };
  calls.forEach((c, i) => (body[String(i + 1)] = c));
  const r = await fetch(`${requireMock()}/api_v3/service/multirequest?format=1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: an injected HTTP error */
  }
  return { status: r.status, body: parsed };
}
