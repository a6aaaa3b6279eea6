import { expect } from '@open-wc/testing';
import { validateResult } from '../../src/data/validate.js';
import type { Query, QueryKind } from '../../src/data/types.js';
import {
  SAMPLE_ENTRY_ID,
  SAMPLE_IMAGE_ID,
  emptyProvider,
  failingProvider,
  sampleProvider,
  sampleRange,
} from '../../stories/support.js';

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
});
