// The whole dashboard over the local Kaltura-compatible endpoint with its faults: the first load in at most two HTTP
// requests, chapters from cue points on the retention chart, a KS that expires mid-session refreshed through the `ks`
// function with every panel recovering, and a report the KS may not read closed in its panel alone.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import type { PlaybackViews } from '../../src/elements/playback-views/playback-views.js';
import { SAMPLE_VIDEO_ID } from '../../src/data/sample/index.js';
import { createKalturaProvider, type KalturaProvider } from '../../src/data/kaltura/index.js';
import { MOCK_URL, MOCK_ERROR, mockStats, multirequest, resetStats, setFaults } from '../support/kaltura-mock.js';

async function dashboard(provider: KalturaProvider, compare = 'none'): Promise<EntryAnalytics> {
  const el = await fixture<EntryAnalytics>(html`<entry-analytics
    .provider=${provider}
    entry-id=${SAMPLE_VIDEO_ID}
    preset="custom"
    from="2026-03-02"
    to="2026-03-31"
    compare=${compare}
    time-zone="UTC"
    lang="en"
    .timeout=${60_000}
  ></entry-analytics>`);
  await settled(el);
  return el;
}
async function settled(el: EntryAnalytics) {
  await el.whenLoaded();
  for (const p of el.panelElements) await (p as AnalyticsPanel<unknown>).whenLoaded();
  await el.updateComplete;
}
const alerts = (el: EntryAnalytics) =>
  el.panelElements.filter((p) => p.shadowRoot!.querySelector('[role=alert]')).map((p) => p.localName);

describe('the dashboard over the Kaltura endpoint, with faults', function () {
  this.timeout(180_000);
  before(() => {
    if (!MOCK_URL) throw new Error(`the Kaltura mock did not start: ${MOCK_ERROR}`);
  });
  afterEach(() => setFaults({}));

  it('loads the whole dashboard in at most two HTTP requests, chapters from cue points on the retention chart', async () => {
    await setFaults({});
    await resetStats();
    const el = await dashboard(createKalturaProvider({ serviceUrl: MOCK_URL, ks: 'first-load', timeoutMs: 60_000 }), 'previous');
    expect(el.panelElements.length).to.equal(9);
    expect(alerts(el)).to.deep.equal([]);
    const stats = await mockStats();
    expect(stats.requests, `calls per request: ${stats.callsPerRequest.join(', ')}`).to.be.at.most(2);
    const playback = el.panelElements.find((p) => p.localName === 'playback-views') as PlaybackViews;
    const chapters = playback.markers.filter((m) => m.kind === 'chapter').map((m) => m.label);
    expect(chapters).to.include('Reservoirs and fluxes');
    expect(playback.markers.some((m) => m.kind === 'quiz')).to.equal(true);
  });

  /** Uses up `ks`: the endpoint counts calls per KS, so after this its next call is refused as expired. */
  async function useUp(ks: string, calls: number) {
    const { body } = await multirequest(ks, new Array(calls).fill({ service: 'media', action: 'get', entryId: SAMPLE_VIDEO_ID }));
    expect(body).to.have.length(calls);
  }

  it('refreshes a KS that expires mid-session through the ks function; every panel recovers without a reload', async () => {
    let issued = 0;
    const provider = createKalturaProvider({ serviceUrl: MOCK_URL, ks: async () => `session-${++issued}`, timeoutMs: 60_000 });
    const el = await dashboard(provider);
    expect(issued).to.equal(1);
    // From now on a KS works for 300 calls, and the one in use has none left: it expires mid-session.
    await setFaults({ ksExpiresAfterCalls: 300 });
    await useUp('session-1', 300);
    el.compare = 'previous'; // new queries: refused with the old KS, sent again with a fresh one
    await el.updateComplete;
    await settled(el);
    expect(issued).to.equal(2);
    expect(el.isSessionExpired).to.equal(false);
    expect(alerts(el)).to.deep.equal([]);
  });

  it('shows the session expired state when no fresh KS works, and recovers once one does', async () => {
    let signedIn = true;
    let issued = 0;
    const provider = createKalturaProvider({
      serviceUrl: MOCK_URL,
      ks: async () => (signedIn ? `user-${++issued}` : `user-${issued}`), // signed out: the same, expired KS again
      timeoutMs: 60_000,
    });
    const el = await dashboard(provider);
    await setFaults({ ksExpiresAfterCalls: 300 });
    await useUp('user-1', 300);
    signedIn = false;
    // New queries (the previous period, after the entry's creation; last year's is before it and not asked for).
    el.compare = 'previous';
    await el.updateComplete;
    await settled(el);
    expect(el.isSessionExpired).to.equal(true);
    expect(alerts(el)).to.deep.equal([]); // one message, in the dashboard, not one per panel
    expect(el.shadowRoot!.querySelectorAll('[part=session-expired]')).to.have.length(1);
    signedIn = true; // the host signed the user in again
    await setFaults({});
    el.reload();
    await settled(el);
    expect(el.isSessionExpired).to.equal(false);
    expect(alerts(el)).to.deep.equal([]);
  });

  it('closes a report the KS may not read in its panel alone', async () => {
    await setFaults({ forbiddenReports: [36] });
    const el = await dashboard(createKalturaProvider({ serviceUrl: MOCK_URL, ks: 'no-maps', timeoutMs: 60_000 }));
    expect(alerts(el)).to.deep.equal(['top-countries']);
    const countries = el.panelElements.find((p) => p.localName === 'top-countries')!;
    expect(countries.shadowRoot!.querySelector('[part=error]')!.textContent).to.match(/No access to this report/);
    expect(el.isSessionExpired).to.equal(false);
  });
});
