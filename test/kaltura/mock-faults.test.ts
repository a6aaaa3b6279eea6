// The local Kaltura-compatible endpoint's fault injection (server/kaltura-mock/faults.mjs): each fault, set over its
// control endpoint as tests and the demo do, and the command line's flags.
import { expect } from '@open-wc/testing';
import { SAMPLE_VIDEO_ID } from '../../src/data/sample/index.js';
import { MOCK_URL, MOCK_ERROR, mockStats, multirequest, resetStats, setFaults } from '../support/kaltura-mock.js';
// @ts-expect-error plain JavaScript module of the mock, without types
import { faultsFromArgs, normalizeFaults } from '../../server/kaltura-mock/faults.mjs';

const filter = {
  objectType: 'KalturaEndUserReportInputFilter',
  fromDate: Date.UTC(2026, 1, 1) / 1000,
  toDate: Date.UTC(2026, 2, 1) / 1000 - 1,
  timeZoneOffset: 0,
  entryIdIn: SAMPLE_VIDEO_ID,
};
const total = (reportType: number) => ({
  service: 'report',
  action: 'getTotal',
  reportType,
  reportInputFilter: filter,
  responseOptions: { objectType: 'KalturaReportResponseOptions', delimiter: '\t' },
});
const mediaGet = { service: 'media', action: 'get', entryId: SAMPLE_VIDEO_ID };
const isException = (v: any, code: string) => v?.objectType === 'KalturaAPIException' && v.code === code;

describe('Kaltura mock: fault injection', function () {
  this.timeout(60_000);
  before(() => {
    if (!MOCK_URL) throw new Error(`the Kaltura mock did not start: ${MOCK_ERROR}`);
  });
  afterEach(() => setFaults({}));

  it('answers normally with no faults, and counts requests and calls', async () => {
    await setFaults({});
    await resetStats();
    const { status, body } = await multirequest('ks-plain', [mediaGet, total(13)]);
    expect(status).to.equal(200);
    expect(body).to.have.length(2);
    expect(body[0].id).to.equal(SAMPLE_VIDEO_ID);
    expect(body[1].objectType).to.equal('KalturaReportTotal');
    const stats = await mockStats();
    expect(stats.requests).to.equal(1);
    expect(stats.calls).to.equal(2);
    expect(stats.callsPerRequest).to.deep.equal([2]);
  });

  it('latencyMs: holds every request back by at least that long', async () => {
    await setFaults({ latencyMs: 250 });
    const start = performance.now();
    const { status } = await multirequest('ks-latency', [mediaGet]);
    expect(status).to.equal(200);
    expect(performance.now() - start).to.be.at.least(245);
  });

  it('callLatencyMs: holds a multirequest back per call it carries', async () => {
    await setFaults({ callLatencyMs: 60 });
    const start = performance.now();
    await multirequest('ks-call-latency', [mediaGet, mediaGet, mediaGet, mediaGet, mediaGet]);
    expect(performance.now() - start).to.be.at.least(5 * 60 - 5);
  });

  it('errorRate 1: every API request gets HTTP 503', async () => {
    await setFaults({ errorRate: 1 });
    await resetStats();
    const { status, body } = await multirequest('ks-errors', [mediaGet]);
    expect(status).to.equal(503);
    expect(body).to.match(/injected/);
    expect((await mockStats()).failed).to.equal(1);
  });

  it('errorRate between 0 and 1: some requests fail, the same ones for the same seed', async () => {
    const run = async () => {
      await setFaults({ errorRate: 0.5, seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await multirequest('ks-rate', [mediaGet])).status);
      return statuses;
    };
    const first = await run();
    expect(first.filter((s) => s === 503).length).to.be.within(2, 14);
    expect(first.filter((s) => s === 200).length).to.be.within(2, 14);
    expect(await run()).to.deep.equal(first);
  });

  it('ksExpiresAfterCalls: a KS works for that many calls, then gets INVALID_KS; a new KS starts afresh', async () => {
    await setFaults({ ksExpiresAfterCalls: 3 });
    const first = await multirequest('ks-expiring', [mediaGet, mediaGet]);
    expect(first.body.every((r: any) => r.id === SAMPLE_VIDEO_ID)).to.equal(true);
    const second = await multirequest('ks-expiring', [mediaGet, mediaGet]);
    expect(second.body[0].id).to.equal(SAMPLE_VIDEO_ID);
    expect(isException(second.body[1], 'INVALID_KS')).to.equal(true);
    expect(second.body[1].message).to.match(/EXPIRED/);
    const fresh = await multirequest('ks-fresh', [mediaGet]);
    expect(fresh.body[0].id).to.equal(SAMPLE_VIDEO_ID);
  });

  it('forbiddenReports: calls of those report types get SERVICE_FORBIDDEN, others answer', async () => {
    await setFaults({ forbiddenReports: [36, 37] });
    const { body } = await multirequest('ks-forbidden', [total(36), total(13), total(37), mediaGet]);
    expect(isException(body[0], 'SERVICE_FORBIDDEN')).to.equal(true);
    expect(body[1].objectType).to.equal('KalturaReportTotal');
    expect(isException(body[2], 'SERVICE_FORBIDDEN')).to.equal(true);
    expect(body[3].id).to.equal(SAMPLE_VIDEO_ID);
  });

  it('rejects unknown faults and bad values over HTTP', async () => {
    const bad = await fetch(`${MOCK_URL}/__mock/faults`, { method: 'POST', body: JSON.stringify({ nonsense: 1 }) });
    expect(bad.status).to.equal(400);
    const negative = await fetch(`${MOCK_URL}/__mock/faults`, { method: 'POST', body: JSON.stringify({ latencyMs: -1 }) });
    expect(negative.status).to.equal(400);
  });

  it('command-line flags map onto the same faults', () => {
    const faults = normalizeFaults(
      faultsFromArgs(['--latency', '300', '--call-latency=4', '--error-rate', '0.25', '--fault-seed', '3', '--ks-expires-after', '50', '--forbid-reports', '36,37']),
    );
    expect(faults).to.deep.equal({
      latencyMs: 300,
      callLatencyMs: 4,
      errorRate: 0.25,
      seed: 3,
      ksExpiresAfterCalls: 50,
      forbiddenReports: [36, 37],
    });
    expect(normalizeFaults(faultsFromArgs([]))).to.deep.equal(normalizeFaults({}));
    expect(() => normalizeFaults(faultsFromArgs(['--error-rate', '2']))).to.throw(/errorRate/);
    expect(() => normalizeFaults(faultsFromArgs(['--forbid-reports', 'maps']))).to.throw(/forbiddenReports/);
  });
});
