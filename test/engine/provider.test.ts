import { expect } from '@open-wc/testing';
import { createEventsProvider } from '../../src/data/engine/index.js';
import { validateResult } from '../../src/data/validate.js';
import { ENTRY, engineWith, q, watched } from './helpers.js';

const events = watched('s1', '2026-03-10T10:00:00Z', 30, { userId: 'u1' }).events;

describe('createEventsProvider', () => {
  it('answers asynchronously with plain, valid JSON (from an engine or from options + events)', async () => {
    for (const provider of [createEventsProvider(engineWith(events)), createEventsProvider({ entries: [ENTRY], events })]) {
      let settled = false;
      const pending = provider(q('totals'), { signal: new AbortController().signal }).then((r) => {
        settled = true;
        return r;
      });
      await Promise.resolve();
      expect(settled).to.equal(false); // yielded first
      const r = await pending;
      expect(JSON.parse(JSON.stringify(r))).to.deep.equal(r);
      expect(validateResult('totals', r).plays).to.equal(1);
    }
  });

  it('every query kind validates against the contract', async () => {
    const provider = createEventsProvider({ entries: [ENTRY], events: JSON.stringify(events[0]) + '\n' + events.slice(1).map((e) => JSON.stringify(e)).join('\n') });
    const signal = new AbortController().signal;
    const sortPage = { sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } } as const;
    const queries = [
      q('entry'),
      q('totals'),
      q('timeline', { granularity: 'day', range: { from: '2026-03-01', to: '2026-03-31' } }),
      q('timeline', { granularity: 'month', range: { from: '2026-01-01', to: '2026-12-31' } }),
      q('retention'),
      q('users', { sort: { field: 'name', direction: 'asc' }, page: { offset: 0, limit: 10 } }),
      q('heatmap', { userIds: ['u1'] }),
      q('geo', { level: 'country' }),
      q('devices'),
      q('domains', sortPage),
      q('urls', { domain: 'x.example', ...sortPage }),
    ];
    for (const query of queries) {
      const r = await provider(query, { signal });
      expect(() => validateResult(query.kind, r), query.kind).not.to.throw();
    }
  });

  it('rejects with the signal\'s reason when aborted before or while waiting', async () => {
    const provider = createEventsProvider(engineWith(events));
    const before = new AbortController();
    const reason = new Error('gone');
    before.abort(reason);
    let caught: unknown;
    await provider(q('totals'), { signal: before.signal }).catch((e) => (caught = e));
    expect(caught).to.equal(reason);

    const during = new AbortController();
    const pending = provider(q('totals'), { signal: during.signal });
    during.abort();
    caught = undefined;
    await pending.catch((e) => (caught = e));
    expect((caught as Error).name).to.equal('AbortError');
  });

  it('rejects (not throws) for an invalid query', async () => {
    const provider = createEventsProvider(engineWith(events));
    let caught: unknown;
    await provider(q('totals', { entryId: 'nope' }), { signal: new AbortController().signal }).catch((e) => (caught = e));
    expect(String(caught)).to.match(/Unknown entryId/);
  });
});
