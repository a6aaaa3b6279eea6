import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import { validateResult } from '../../src/data/validate.js';
import type { Query, QueryKind } from '../../src/data/types.js';
import {
  SAMPLE_ENTRY_ID,
  SAMPLE_IMAGE_ID,
  emptyProvider,
  failingProvider,
  sampleProvider,
  sampleRange,
  commonArgs,
  compareArgs,
} from '../../stories/support.js';
import * as playbackStories from '../../stories/playback-views.stories.js';
import * as timeStories from '../../stories/metrics-over-time.stories.js';
import * as funnelStories from '../../stories/engagement-funnel.stories.js';
import * as highlightsStories from '../../stories/entry-highlights.stories.js';
import * as heatmapStories from '../../stories/engagement-heatmap.stories.js';
import * as classStories from '../../stories/class-engagement.stories.js';
import * as usersStories from '../../stories/user-engagement.stories.js';
import * as devicesStories from '../../stories/devices-overview.stories.js';
import * as countriesStories from '../../stories/top-countries.stories.js';
import * as domainsStories from '../../stories/top-domains-table.stories.js';

const signal = new AbortController().signal;
const base = { entryId: SAMPLE_ENTRY_ID, range: { from: '2026-01-30', to: '2026-03-02' }, timeZone: 'UTC', filters: {} };
const queries: Query[] = [
  { ...base, kind: 'entry' },
  { ...base, kind: 'totals' },
  { ...base, kind: 'timeline', granularity: 'day' },
  { ...base, kind: 'timeline', granularity: 'month' },
  { ...base, kind: 'retention' },
  { ...base, kind: 'users', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } },
  { ...base, kind: 'heatmap', userIds: ['u1', 'u2'] },
  { ...base, kind: 'geo', level: 'country' },
  { ...base, kind: 'devices' },
  { ...base, kind: 'domains', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } },
  { ...base, kind: 'urls', domain: 'x.org', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } },
];

describe('stories/support', () => {
  it('emptyProvider answers every kind with a valid, empty result', async () => {
    const provider = emptyProvider();
    const kinds = new Set<QueryKind>();
    for (const q of queries) {
      const result = await provider(q, { signal });
      validateResult(q.kind, result);
      kinds.add(q.kind);
    }
    expect(kinds.size).to.equal(10);
    const day = (await provider(queries[2]!, { signal })) as { points: { date: string }[] };
    expect(day.points).to.have.length(32);
    const month = (await provider(queries[3]!, { signal })) as { points: { date: string }[] };
    expect(month.points.map((p) => p.date)).to.deep.equal(['2026-01-30', '2026-02-01', '2026-03-01']);
    expect(((await provider(queries[1]!, { signal })) as { plays: number }).plays).to.equal(0);
    const image = await provider({ ...base, entryId: SAMPLE_IMAGE_ID, kind: 'entry' }, { signal });
    expect((image as { type: string }).type).to.equal('image');
  });

  it('failingProvider rejects with its message', async () => {
    let message = '';
    await failingProvider('boom')(queries[0]!, { signal }).catch((e: Error) => (message = e.message));
    expect(message).to.equal('boom');
  });

  it('sampleProvider answers from the sample for the last 30 days, memoised', async () => {
    const range = sampleRange();
    expect(range.to).to.equal(new Date().toISOString().slice(0, 10));
    const provider = sampleProvider();
    expect(sampleProvider()).to.equal(provider);
    const totals = validateResult('totals', await provider({ ...base, range, kind: 'totals' }, { signal }));
    expect(totals.plays).to.be.greaterThan(100);
    const entry = validateResult('entry', await provider({ ...base, range, kind: 'entry' }, { signal }));
    expect(entry.type).to.equal('video');
  });

  it('commonArgs and compareArgs give the sample range, and the period before it', () => {
    const range = sampleRange();
    const args = commonArgs({ lang: 'fr' });
    expect(args).to.deep.include({ entryId: SAMPLE_ENTRY_ID, from: range.from, to: range.to, compareFrom: '', lang: 'fr' });
    const compare = compareArgs();
    expect(compare.compareTo < range.from).to.equal(true);
  });

  // Each story module's default render, with its Compare args, sets the common inputs on its panel by property.
  const modules: [string, { default: { args?: object; render?: (args: never, ctx: never) => unknown }; Compare: { args?: object } }][] = [
    ['playback-views', playbackStories],
    ['metrics-over-time', timeStories],
    ['engagement-funnel', funnelStories],
    ['entry-highlights', highlightsStories],
    ['engagement-heatmap', heatmapStories],
    ['class-engagement', classStories],
    ['user-engagement', usersStories],
    ['devices-overview', devicesStories],
    ['top-countries', countriesStories],
    ['top-domains-table', domainsStories],
  ];
  for (const [tag, mod] of modules) {
    it(`the ${tag} stories render the panel with the common inputs and load the sample`, async function () {
      this.timeout(30_000);
      const args = { ...mod.default.args, ...mod.Compare.args };
      const el = await fixture<AnalyticsPanel<unknown>>(mod.default.render!(args as never, {} as never) as TemplateResult);
      expect(el.localName).to.equal(tag);
      const compare = compareArgs();
      expect(el.entryId).to.equal(SAMPLE_ENTRY_ID);
      expect([el.from, el.to]).to.deep.equal([sampleRange().from, sampleRange().to]);
      expect([el.compareFrom, el.compareTo]).to.deep.equal([compare.compareFrom, compare.compareTo]);
      expect(el.timeZone).to.equal('UTC');
      expect(el.provider).to.equal(sampleProvider());
      await el.whenLoaded();
      expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    });
  }
});
