import { sendKeys } from '@web/test-runner-commands';
/**
 * Honest comparisons (#12 item 1): a compare period from before the entry existed is marked and claims no trend; a
 * rate without plays is "—" with its reason on hover and focus, never 0 %.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/entry-highlights/define.js';
import type { EntryHighlights } from '../../src/elements/entry-highlights/entry-highlights.js';
import { compareCoverage } from '../../src/data/compare.js';
import type { Query } from '../../src/data/types.js';
import { fakeProvider, totals } from '../support/providers.js';

const root = (el: Element) => el.shadowRoot!;

async function make(attrs: Record<string, string>, answer = (q: Query) => (q.range.from >= '2026-03-01' ? totals() : totals({ plays: 0, avgCompletionRate: 0, avgDropOffRate: 0 }))) {
  const p = fakeProvider({ totals: (q) => answer(q) });
  const node = document.createElement('entry-highlights') as EntryHighlights;
  const all = { 'entry-id': 'e1', from: '2026-03-01', to: '2026-03-30', 'time-zone': 'UTC', lang: 'en', ...attrs };
  for (const [k, v] of Object.entries(all)) node.setAttribute(k, v);
  node.provider = p;
  const el = await fixture<EntryHighlights>(html`${node}`);
  await el.whenLoaded();
  return { el, p };
}

describe('compareCoverage', () => {
  it('tells a compare period after, around and before the creation day apart', () => {
    const range = { from: '2026-01-01', to: '2026-01-31' };
    expect(compareCoverage(range, undefined)).to.deep.equal({ kind: 'full' });
    expect(compareCoverage(range, '2026-01-01')).to.deep.equal({ kind: 'full' });
    expect(compareCoverage(range, '2026-01-22')).to.deep.equal({ kind: 'partial', created: '2026-01-22', days: 10, total: 31 });
    expect(compareCoverage(range, '2026-02-01')).to.deep.equal({ kind: 'before', created: '2026-02-01' });
  });
});

describe('honest comparisons in <entry-highlights>', () => {
  it('does not ask for a compare period the entry did not exist in, and says why', async () => {
    const { el, p } = await make({ 'compare-from': '2025-03-01', 'compare-to': '2025-03-30', created: '2026-01-10T09:00:00Z' });
    expect(p.calls.map((q) => q.range.from)).to.deep.equal(['2026-03-01']);
    const note = root(el).querySelector('.compare-note')!;
    expect(note.getAttribute('data-coverage')).to.equal('before');
    expect(note.textContent).to.contain('ends before this entry was created on Jan 10, 2026');
    expect(root(el).querySelectorAll('.trend')).to.have.length(0);
    expect(root(el).textContent).not.to.contain('new in this period');
    await expect(el).to.be.accessible();
  });

  it('claims no trend from a compare period that starts before the entry existed', async () => {
    const { el } = await make({ 'compare-from': '2026-01-30', 'compare-to': '2026-02-28', created: '2026-02-19' });
    const note = root(el).querySelector('.compare-note')!;
    expect(note.getAttribute('data-coverage')).to.equal('partial');
    expect(note.textContent).to.contain('only 10 of its 30 days');
    const trends = [...root(el).querySelectorAll('.trend')];
    expect(trends.length).to.be.greaterThan(0);
    for (const t of trends) {
      expect(t.textContent!.trim()).to.equal('—');
      expect(t.querySelector('.no-value')!.getAttribute('data-reason')).to.contain('did not exist for the whole compare period');
    }
    await expect(el).to.be.accessible();
  });

  it('shows a rate without plays as "—" with the reason, focusable, and leaves its CSV cell empty', async () => {
    const { el } = await make({}, () => totals({ plays: 0, avgCompletionRate: 0 }));
    const tile = root(el).querySelector('[data-metric="avgCompletionRate"] .value')!;
    expect(tile.textContent!.trim()).to.equal('—');
    const dash = tile.querySelector<HTMLElement>('.no-value')!;
    // Reached by keyboard: the tiles are one Tab stop, and arrows walk from its first item to the dash.
    const first = root(el).querySelector<HTMLElement>('[data-roving] [tabindex="0"]')!;
    first.focus();
    for (let i = 0; i < 12 && root(el).activeElement !== dash; i++) await sendKeys({ press: 'ArrowRight' });
    expect(root(el).activeElement).to.equal(dash);
    expect(dash.tabIndex).to.equal(0);
    expect(dash.getAttribute('aria-label')).to.contain('No plays');
    dash.focus();
    expect(getComputedStyle(dash, '::after').content).to.contain('No plays');
    const csv = el.toCsv()!.split('\r\n');
    expect(csv.find((l) => l.startsWith('Avg. completion rate'))).to.equal('Avg. completion rate,');
    await expect(el).to.be.accessible();
  });

  it('compares normally when the entry existed all along', async () => {
    const { el } = await make({ 'compare-from': '2026-01-30', 'compare-to': '2026-02-28', created: '2020-01-01T00:00:00Z' }, () => totals());
    expect(root(el).querySelector('.compare-note')).to.equal(null);
    expect(root(el).querySelector('[data-metric="plays"] .trend')!.textContent).to.contain('no change');
  });
});
