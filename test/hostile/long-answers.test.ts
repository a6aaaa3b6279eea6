/**
 * Bounded answers, bounded pages (issue #14, break 5): every panel given the longest answer the contract lets through
 * (the page asked for, or the documented maximums of `LIMITS`), with its page size or limit set as high as a host can
 * set it and its table open, renders with a bounded number of elements. Structural assertions only: the times are
 * `npm run bench -- long-answers`.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import type { DataProvider, Query } from '../../src/data/types.js';
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
