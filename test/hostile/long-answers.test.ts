/**
 * Bounded answers, bounded pages (issue #14, break 5): every panel given the longest answer the contract lets through
 * (the page asked for, or the documented maximums of `LIMITS`), with its page size or limit set as high as a host can
 * set it and its table open, renders with a bounded number of elements. Structural assertions only: the times are
 * `npm run bench -- long-answers`.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import type { DataProvider, Query, Result } from '../../src/data/types.js';
import { LIMITS } from '../../src/data/validate.js';
import { answerFor, seeded } from './answers.js';
import { deepCount, deepAll, settled } from './dom.js';

/** The most elements a panel may render, whatever it is given. */
const MAX_ELEMENTS = 4_000;

/** Each panel with the attributes that ask for the most: page sizes and limits far beyond their maximums. */
const PANELS: [string, Record<string, string>][] = [
  ['entry-highlights', {}],
  ['playback-views', {}],
  ['metrics-over-time', { from: '1950-01-01', to: '2059-07-06' }],
  ['engagement-funnel', {}],
  ['user-engagement', { 'page-size': '1000000' }],
  ['engagement-heatmap', { limit: '1000000' }],
  ['class-engagement', { limit: '1000000' }],
  ['top-countries', { 'page-size': '1000000' }],
  ['devices-overview', {}],
  ['top-domains-table', { 'page-size': '1000000' }],
];

function maximalProvider(): DataProvider & { asked: Query[] } {
  const r = seeded(7);
  const asked: Query[] = [];
  const provider = (async (query: Query) => {
    asked.push(query);
    return answerFor(query, r, { size: 'max' });
  }) as unknown as DataProvider & { asked: Query[] };
  provider.asked = asked;
  return provider;
}

describe('long answers: every panel renders a maximal answer in a bounded DOM', () => {
  for (const [tag, attrs] of PANELS) {
    it(`<${tag}>`, async () => {
      const provider = maximalProvider();
      const el = document.createElement(tag) as AnalyticsPanel<unknown>;
      const all: Record<string, string> = { 'entry-id': 'e1', from: '2026-01-01', to: '2026-01-31', 'time-zone': 'UTC', ...attrs };
      for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
      el.provider = provider;
      document.body.append(el);
      try {
        await settled(el);
        const root = el.shadowRoot!;
        expect(root.querySelector('[part="error"]'), `<${tag}> rendered an error: ${root.querySelector('[part="error"]')?.textContent}`).to.equal(null);
        // Open every table the panel offers and the first row's details (one at a time is what a person does), then
        // count.
        for (const b of deepAll<HTMLButtonElement>(root, 'button[aria-expanded="false"]:not(.disclosure)')) b.click();
        deepAll<HTMLButtonElement>(root, 'button.disclosure[aria-expanded="false"]')[0]?.click();
        await settled(el);
        const n = deepCount(el);
        console.log(`long answers: <${tag}> renders ${n} elements for a maximal answer`);
        expect(n, `<${tag}> renders ${n} elements`).to.be.at.most(MAX_ELEMENTS);
        // It asked for no more than it can show: a page or a limit within the documented maximums.
        for (const q of provider.asked) {
          if ('page' in q && q.page && q.kind !== 'urls') expect(q.page.limit, `${q.kind} page`).to.be.at.most(LIMITS.pageSize);
          if (q.kind === 'heatmap' && q.limit !== undefined) expect(q.limit).to.be.at.most(LIMITS.heatmapUsers);
        }
      } finally {
        el.remove();
      }
    });
  }
});

/** `answer` with each of its lists (rows, points, users, markers, links…) stretched to `n` items. */
function stretched(answer: Result, n: number): Result {
  const out = answer as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(out))
    if (Array.isArray(v) && v.length > 0) out[k] = Array.from({ length: n }, (_, i) => v[i % v.length]);
  return answer;
}

// Break 5 as found: answers larger than asked for (100,000 rows to a page of 25, 100,000 markers) froze the tab for
// seconds to minutes. Now such an answer is malformed (the validator's page and LIMITS): an error state with Retry,
// and nothing of it rendered.
describe('long answers: answers longer than asked for end in an error state, not a frozen tab', () => {
  for (const [tag] of PANELS) {
    it(`<${tag}> given 100,000 items in every list`, async () => {
      const r = seeded(11);
      let lists = 0;
      const provider = (async (query: Query) => {
        const a = answerFor(query, r);
        lists += Object.values(a).filter(Array.isArray).length;
        return stretched(a, 100_000);
      }) as unknown as DataProvider;
      const el = document.createElement(tag) as AnalyticsPanel<unknown>;
      for (const [k, v] of Object.entries({ 'entry-id': 'e1', from: '2026-01-01', to: '2026-01-31', 'time-zone': 'UTC' })) el.setAttribute(k, v);
      el.provider = provider;
      document.body.append(el);
      try {
        await settled(el);
        const error = el.shadowRoot!.querySelector('[part="error"]');
        // Panels whose answers have no list (totals) render; every other one refuses the answer. (Devices too: its
        // list has one row per class, six at most.)
        if (lists === 0) expect(error, `<${tag}> renders`).to.equal(null);
        else {
          expect(error, `<${tag}> shows an error state`).to.not.equal(null);
          expect(error!.querySelector('button'), 'with Retry').to.not.equal(null);
        }
        expect(deepCount(el)).to.be.at.most(MAX_ELEMENTS);
      } finally {
        el.remove();
      }
    });
  }

  it('<entry-analytics> given 100,000 entry markers and links: an error state, nothing freezes', async () => {
    const r = seeded(12);
    const provider = (async (query: Query) => {
      const a = answerFor(query, r, { size: 'max' });
      return query.kind === 'entry' ? stretched(a, 100_000) : a;
    }) as unknown as DataProvider;
    const el = document.createElement('entry-analytics');
    for (const [k, v] of Object.entries({ 'entry-id': 'e1', 'time-zone': 'UTC', today: '2026-01-31' })) el.setAttribute(k, v);
    (el as unknown as { provider: DataProvider }).provider = provider;
    document.body.append(el);
    try {
      await settled(el, 20_000);
      expect(deepAll(el, '[part="error"]').length, 'an error state').to.be.greaterThan(0);
      expect(deepCount(el)).to.be.at.most(MAX_ELEMENTS * 3);
    } finally {
      el.remove();
    }
  });
});
