/**
 * The three playback and time panels on the embedded engine over the seeded sample: real results pass validation and
 * render without an error, with the sample video's chapters.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/playback-views/define.js';
import '../../src/elements/metrics-over-time/define.js';
import '../../src/elements/engagement-funnel/define.js';
import type { PlaybackViews } from '../../src/elements/playback-views/playback-views.js';
import type { MetricsOverTime } from '../../src/elements/metrics-over-time/metrics-over-time.js';
import type { EngagementFunnel } from '../../src/elements/engagement-funnel/engagement-funnel.js';
import { AnalyticsEngine, createEventsProvider } from '../../src/data/engine/index.js';
import { generateSample, SAMPLE_VIDEO_ID, VIDEO_MARKERS } from '../../src/data/sample/index.js';
import type { DataProvider } from '../../src/data/types.js';

let provider: DataProvider;

describe('playback and time panels on the sample engine', () => {
  before(() => {
    const data = generateSample({ seed: 7, end: '2026-03-31', days: 60, events: 30_000, timeZone: 'UTC' });
    const engine = new AnalyticsEngine({ entries: data.entries, users: data.users });
    engine.ingest(data.events);
    provider = createEventsProvider(engine);
  });

  it('<playback-views> draws the sample video with its chapters', async () => {
    const el = await fixture<PlaybackViews>(html`<playback-views
      .provider=${provider}
      .markers=${VIDEO_MARKERS.map((m) => ({ ...m }))}
      entry-id=${SAMPLE_VIDEO_ID}
      from="2026-03-01"
      to="2026-03-31"
      compare-from="2026-01-30"
      compare-to="2026-02-28"
      time-zone="UTC"
    ></playback-views>`);
    await el.whenLoaded();
    const root = el.shadowRoot!;
    expect(root.querySelector('[role=alert]')).to.equal(null);
    expect(root.querySelectorAll('path.series')).to.have.length(3);
    expect(root.querySelectorAll('path.compare')).to.have.length(3);
    expect(root.querySelectorAll('[part=chapter]')).to.have.length(6);
    const csv = el.toCsv()!.split('\r\n');
    expect(csv[1]).to.match(/^0,0,8\.42,\d+,\d+,\d+,\d+,\d+,\d+,Introduction,-?[\d.]+$/);
    await expect(el).to.be.accessible();
  });

  it('<metrics-over-time> draws 31 days and monthly buckets', async () => {
    const el = await fixture<MetricsOverTime>(html`<metrics-over-time
      .provider=${provider}
      entry-id=${SAMPLE_VIDEO_ID}
      from="2026-03-01"
      to="2026-03-31"
      time-zone="UTC"
    ></metrics-over-time>`);
    await el.whenLoaded();
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    expect(el.toCsv()!.trim().split('\r\n')).to.have.length(32);
    el.granularity = 'month';
    await el.updateComplete; // the reload starts with the update
    await el.whenLoaded();
    expect(el.toCsv()!.trim().split('\r\n')).to.have.length(2);
  });

  it('<engagement-funnel> shows plays reaching half the video', async () => {
    const el = await fixture<EngagementFunnel>(html`<engagement-funnel
      .provider=${provider}
      entry-id=${SAMPLE_VIDEO_ID}
      from="2026-03-01"
      to="2026-03-31"
      time-zone="UTC"
    ></engagement-funnel>`);
    await el.whenLoaded();
    const counts = [...el.shadowRoot!.querySelectorAll('.count')].map((c) => Number(c.textContent!.replace(/,/g, '')));
    expect(counts).to.have.length(3);
    expect(counts[1]).to.be.greaterThan(0);
    expect(counts[2]).to.be.at.most(counts[1]!);
  });
});
