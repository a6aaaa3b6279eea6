import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/engagement-funnel/define.js';
import type { EngagementFunnel } from '../../src/elements/engagement-funnel/engagement-funnel.js';
import { fakeProvider, failingProvider, hangingProvider, totals } from '../support/providers.js';
import { focusOn } from '../support/page.js';
import { registerCatalog } from '../../src/i18n/index.js';

const root = (el: EngagementFunnel) => el.shadowRoot!;
const q = <E extends Element = HTMLElement>(el: EngagementFunnel, sel: string) => root(el).querySelector<E>(sel)!;
const all = (el: EngagementFunnel, sel: string) => [...root(el).querySelectorAll(sel)];
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const PREVIOUS = totals({ impressions: 500, plays: 250, playThrough: { 25: 100, 50: 50, 75: 20, 100: 10 } });

async function setup(compare = false, attrs: { step?: number; lang?: string } = {}) {
  const provider = fakeProvider({ totals: (query) => (query.range.from === '2026-01-01' ? PREVIOUS : totals()) });
  const el = await fixture<EngagementFunnel>(html`<engagement-funnel
    .provider=${provider}
    entry-id="e1"
    lang=${attrs.lang ?? 'en'}
    play-through=${attrs.step ?? 50}
    from="2026-02-01"
    to="2026-02-28"
    compare-from=${compare ? '2026-01-01' : ''}
    compare-to=${compare ? '2026-01-28' : ''}
    time-zone="UTC"
  ></engagement-funnel>`);
  await el.whenLoaded();
  return { el, provider };
}

const figures = (el: EngagementFunnel) =>
  all(el, '.step').map((s) => [...s.querySelectorAll('.figures')].map((f) => [...f.children].map((c) => clean(c.textContent)).join(' ')));

describe('<engagement-funnel>', () => {
  it('asks for the totals and shows each step with labelled shares', async () => {
    const { el, provider } = await setup();
    expect(provider.calls).to.deep.equal([
      { kind: 'totals', entryId: 'e1', range: { from: '2026-02-01', to: '2026-02-28' }, timeZone: 'UTC', filters: {} },
    ]);
    expect(all(el, '.step .name').map((n) => clean(n.textContent))).to.deep.equal([
      'Player impressions',
      'Plays',
      'Plays reaching 50%',
    ]);
    expect(figures(el)).to.deep.equal([
      ['1,000'],
      ['400 40% of impressions'],
      ['150 15% of impressions 37.5% of plays'],
    ]);
    expect(all(el, '.fill').map((f) => (f as HTMLElement).style.width)).to.deep.equal(['100%', '40%', '15%']);
    expect(clean(q(el, '.summary').textContent)).to.equal(
      '1,000 impressions led to 400 plays (40% of impressions); 150 plays reached 50% (37.5% of plays).',
    );
    await expect(el).to.be.accessible();
  });

  it('changes the play-through step from its menu without reloading', async () => {
    const { el, provider } = await setup();
    const select = q<HTMLSelectElement>(el, 'select');
    expect([...select.options].map((o) => clean(o.textContent))).to.deep.equal(['Reaching 25%', 'Reaching 50%', 'Reaching 75%', 'Reaching 100%']);
    expect(select.value).to.equal('50');
    select.value = '100';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.step).to.equal(100);
    expect(el.getAttribute('play-through')).to.equal('100');
    expect(figures(el)[2]).to.deep.equal(['40 4% of impressions 10% of plays']);
    expect(provider.calls).to.have.length(1);
  });

  it('shows the compare period side by side on a common scale', async () => {
    const { el, provider } = await setup(true, { step: 25 });
    expect(provider.calls.map((c) => c.range.from)).to.deep.equal(['2026-02-01', '2026-01-01']);
    expect(all(el, '.step:first-child .period-name').map((n) => clean(n.textContent))).to.deep.equal([
      'This period',
      'Compare period',
    ]);
    expect(figures(el)).to.deep.equal([
      ['1,000', '500'],
      ['400 40% of impressions', '250 50% of impressions'],
      ['200 20% of impressions 50% of plays', '100 20% of impressions 40% of plays'],
    ]);
    expect(all(el, '.previous .fill').map((f) => (f as HTMLElement).style.width)).to.deep.equal(['50%', '25%', '10%']);
    await expect(el).to.be.accessible();
  });

  it('moves between bars with the keyboard and announces each', async () => {
    const { el } = await setup(true);
    const bars = all(el, '.track') as HTMLElement[];
    expect(bars.map((b) => b.tabIndex)).to.deep.equal([0, -1, -1, -1, -1, -1]);
    focusOn(bars[0]!);
    await el.updateComplete;
    expect(clean(q(el, '.tooltip').textContent)).to.contain('Player impressions · This period');
    const live = () => clean(q(el, '[role=status][aria-live]').textContent);
    expect(live()).to.equal('Player impressions (This period): 1,000');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(live()).to.equal('Player impressions (Compare period): 500');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(live()).to.equal('Plays (Compare period): 250, 50% of impressions');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(live()).to.equal('Plays reaching 50% (Compare period): 50, 10% of impressions, 20% of plays');
    expect(root(el).activeElement?.getAttribute('data-bar')).to.equal('previous:2');
    expect((all(el, '.track') as HTMLElement[]).map((b) => b.tabIndex)).to.deep.equal([-1, -1, -1, -1, -1, 0]);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(root(el).activeElement?.getAttribute('data-bar')).to.equal('current:0');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(root(el).activeElement?.getAttribute('data-bar')).to.equal('current:0');
  });

  it('shows a tooltip on hover', async () => {
    const { el } = await setup();
    const bar = all(el, '.track')[1]!;
    bar.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(all(el, '.tooltip p').map((p) => clean(p.textContent))).to.deep.equal(['Plays', '400', '40% of impressions']);
    bar.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(q(el, '.tooltip')).to.equal(null);
  });

  it('has a data table of every figure', async () => {
    const { el } = await setup(true);
    q(el, '.table-toggle').click();
    await el.updateComplete;
    const rows = all(el, 'table tbody tr').map((r) => [...r.children].map((c) => clean(c.textContent)));
    expect(rows).to.deep.equal([
      ['Player impressions', 'This period', '1,000', '—', '—'],
      ['Player impressions', 'Compare period', '500', '—', '—'],
      ['Plays', 'This period', '400', '40%', '—'],
      ['Plays', 'Compare period', '250', '50%', '—'],
      ['Plays reaching 50%', 'This period', '150', '15%', '37.5%'],
      ['Plays reaching 50%', 'Compare period', '50', '10%', '20%'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('exports every play-through step as CSV, with the compare period', async () => {
    const { el } = await setup(true);
    const csv = el.toCsv()!.split('\r\n');
    expect(csv).to.deep.equal([
      'Step,Count,% of impressions,% of plays,Count (Compare period),% of impressions (Compare period),% of plays (Compare period)',
      'Player impressions,1000,,,500,,',
      'Plays,400,40,,250,50,',
      'Plays reaching 25%,200,20,50,100,20,40',
      'Plays reaching 50%,150,15,37.5,50,10,20',
      'Plays reaching 75%,90,9,22.5,20,4,8',
      'Plays reaching 100%,40,4,10,10,2,4',
      '',
    ]);
  });

  it('fires no event when the host sets properties', async () => {
    const { el } = await setup();
    const seen: string[] = [];
    for (const name of ['seek', 'filter-add', 'user-select', 'change']) el.addEventListener(name, () => seen.push(name));
    el.step = 75;
    el.compareFrom = '2026-01-01';
    el.compareTo = '2026-01-28';
    await el.whenLoaded();
    expect(seen).to.deep.equal([]);
    expect(all(el, '.step .name').map((n) => clean(n.textContent))[2]).to.equal('Plays reaching 75%');
  });

  it('builds its sentences from the catalog, so a language can order and punctuate them', async () => {
    registerCatalog('fr', { 'funnel.describe': '{step} : {figures}', 'funnel.list': '{first} ; {rest}' });
    const { el } = await setup(false, { lang: 'fr' });
    const labels = (all(el, '.track') as HTMLElement[]).map((b) => b.getAttribute('aria-label'));
    expect(labels[1]).to.equal('Plays : 400 ; 40\u00a0% of impressions');
    await expect(el).to.be.accessible();
  });

  it('formats for the element language', async () => {
    const { el } = await setup(false, { lang: 'de' });
    expect(figures(el)[2]).to.deep.equal(['150 15 % of impressions 37,5 % of plays']);
  });

  it('shows loading, empty and error states', async () => {
    const loading = await fixture<EngagementFunnel>(html`<engagement-funnel .provider=${hangingProvider()} entry-id="e1"></engagement-funnel>`);
    expect(q(loading, '.skeleton')).to.exist;
    expect(q(loading, 'section').getAttribute('aria-busy')).to.equal('true');
    const empty = await fixture<EngagementFunnel>(html`<engagement-funnel
      .provider=${fakeProvider({ totals: () => totals({ impressions: 0, plays: 0, playThrough: { 25: 0, 50: 0, 75: 0, 100: 0 } }) })}
      entry-id="e1"
    ></engagement-funnel>`);
    await empty.whenLoaded();
    expect(root(empty).textContent).to.contain('No data for this period');
    await expect(empty).to.be.accessible();
    const failing = await fixture<EngagementFunnel>(html`<engagement-funnel .provider=${failingProvider('down')} entry-id="e1"></engagement-funnel>`);
    await failing.whenLoaded();
    expect(q(failing, '[role=alert]').textContent).to.contain('down');
    await expect(failing).to.be.accessible();
  });
});
