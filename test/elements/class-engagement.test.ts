import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/class-engagement/define.js';
import '../../src/i18n/ar.js';
import type { ClassEngagement } from '../../src/elements/class-engagement/class-engagement.js';
import type { HeatmapResult } from '../../src/data/types.js';
import { fakeProvider, failingProvider } from '../support/providers.js';
import { focusOn, waitFor } from '../support/page.js';


const fill = (parts: [number, number, number][]) => {
  const a = new Array<number>(100).fill(0);
  for (const [from, to, v] of parts) for (let i = from; i < to; i++) a[i] = v;
  return a;
};

/**
 * 600 s media (a bucket is 6 s). Ann watched it all, 40–50 % twice; Bo watched 0–30 %, 40–50 % three times and
 * 60–100 % (skipping 30–40 % and 50–60 %); Cy watched 0–20 %; Di watched 50–100 %; Ed watched nothing.
 */
const klass = (): HeatmapResult => ({
  duration: 600,
  users: [
    { userId: 'ann', name: 'Ann', counts: fill([[0, 100, 1], [40, 50, 2]]) },
    { userId: 'bo', name: 'Bo', counts: fill([[0, 30, 1], [40, 50, 3], [60, 100, 1]]) },
    { userId: 'cy', name: 'Cy', counts: fill([[0, 20, 1]]) },
    { userId: 'di', name: 'Di', counts: fill([[50, 100, 1]]) },
    { userId: 'ed', name: 'Ed', counts: fill([]) },
  ],
});

const root = (el: Element) => el.shadowRoot!;
const texts = (el: Element, sel: string) => [...root(el).querySelectorAll(sel)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

async function mount(template: unknown) {
  const el = await fixture<ClassEngagement>(template as never);
  await el.whenLoaded();
  await waitFor(() => root(el).querySelectorAll('.chart rect[data-tier]').length > 0);
  return el;
}

describe('<class-engagement>', () => {
  it('asks for every user with plays (filtered by the search, up to the limit) and stacks the tier shares', async () => {
    const provider = fakeProvider({ heatmap: () => klass() });
    const el = await mount(html`<class-engagement
      style="width: 800px; display: block"
      .provider=${provider}
      entry-id="e1"
      from="2026-03-01"
      to="2026-03-31"
      time-zone="UTC"
      search=" d "
      limit="500"
    ></class-engagement>`);
    expect(provider.calls).to.deep.equal([
      {
        kind: 'heatmap',
        entryId: 'e1',
        range: { from: '2026-03-01', to: '2026-03-31' },
        timeZone: 'UTC',
        filters: {},
        limit: 500,
        search: 'd',
      },
    ]);
    // The provider answered everyone; the element keeps those matching "d": Di and Ed.
    expect(texts(el, '.muted')[0]).to.contain('2 users');
    await expect(el).to.be.accessible();
  });

  it('draws the share of users in each tier per bucket', async () => {
    const el = await mount(html`<class-engagement style="width: 800px; display: block" .rows=${klass()}></class-engagement>`);
    const svg = root(el).querySelector('.chart svg')!;
    const width = Number(svg.getAttribute('width'));
    const at = (bucket: number) =>
      [...svg.querySelectorAll('rect[data-tier]')]
        .filter((r) => Math.abs(Number(r.getAttribute('x')) - (bucket * width) / 100) < 0.01)
        .map((r) => [Number(r.getAttribute('data-tier')), Math.round(Number(r.getAttribute('height')))]);
    expect(at(0)).to.deep.equal([
      [1, 96], // 60 % of 160 px
      [0, 64],
    ]);
    expect(at(45)).to.deep.equal([
      [3, 32],
      [2, 32],
      [0, 96],
    ]);
    expect(texts(el, '.legend li')).to.include.members(['Viewed once', 'Most re-watched', 'Most skipped']);
  });

  it('labels the share axis from 0 % to 100 % in the page’s language, beside the chart, mirrored right to left', async () => {
    const axisOf = (el: ClassEngagement) => root(el).querySelector<SVGSVGElement>('svg.y-axis')!;
    const el = await mount(html`<class-engagement style="width: 800px; display: block" .rows=${klass()}></class-engagement>`);
    const axis = axisOf(el);
    expect(axis.getAttribute('aria-hidden')).to.equal('true');
    expect(texts(el, 'svg.y-axis text.title')).to.deep.equal(['Share of users']);
    expect(texts(el, 'svg.y-axis text.tick')).to.deep.equal(['0%', '20%', '40%', '60%', '80%', '100%']);
    // Each tick sits on the bars' scale: 0 % at the chart's bottom (160 px), 100 % at its top.
    const ys = [...axis.querySelectorAll('text.tick')].map((t) => Math.round(Number(t.getAttribute('y')) * 1000) / 1000);
    expect(ys).to.deep.equal([160, 128, 96, 64, 32, 0]);
    // Its colour is the muted token's, as the summary under the chart.
    expect(getComputedStyle(axis.querySelector('text.tick')!).fill).to.equal(getComputedStyle(root(el).querySelector('p.muted')!).color);
    // Left of the chart, its labels ending at the chart.
    const chart = root(el).querySelector('.chart')!.getBoundingClientRect();
    const box = axis.getBoundingClientRect();
    expect(box.right).to.be.closeTo(chart.left, 1);
    const labels = [...axis.querySelectorAll<SVGTextElement>('text.tick')].map((t) => t.getBoundingClientRect());
    for (const r of labels) expect(r.right).to.be.within(chart.left - 12, chart.left);
    const title = axis.querySelector('text.title')!.getBoundingClientRect();
    expect(title.left).to.be.at.least(box.left);
    expect(title.right).to.be.at.most(Math.min(...labels.map((r) => r.left)));
    await expect(el).to.be.accessible();

    const rtl = await mount(html`<class-engagement style="width: 800px; display: block" lang="ar" .rows=${klass()}></class-engagement>`);
    const raxis = axisOf(rtl);
    const pct = new Intl.NumberFormat('ar', { style: 'percent', maximumFractionDigits: 0 });
    expect(texts(rtl, 'svg.y-axis text.tick')).to.deep.equal([0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => pct.format(v)));
    expect(texts(rtl, 'svg.y-axis text.title')).to.deep.equal(['نسبة المستخدمين']);
    const rchart = root(rtl).querySelector('.chart')!.getBoundingClientRect();
    expect(raxis.getBoundingClientRect().left).to.be.closeTo(rchart.right, 1);
    for (const t of raxis.querySelectorAll<SVGTextElement>('text.tick')) {
      const r = t.getBoundingClientRect();
      expect(r.left).to.be.within(rchart.right, rchart.right + 12);
    }
    const rtitle = raxis.querySelector('text.title')!.getBoundingClientRect();
    expect(rtitle.right).to.be.at.most(raxis.getBoundingClientRect().right);
    expect(rtitle.left).to.be.at.least(Math.max(...[...raxis.querySelectorAll('text.tick')].map((t) => t.getBoundingClientRect().right)));
    await expect(rtl).to.be.accessible();
  });

  it('lists the most re-watched and most skipped spans, and selects one on activation', async () => {
    const el = await mount(html`<class-engagement .rows=${klass()}></class-engagement>`);
    expect(texts(el, '.rewatched-list li')).to.deep.equal(['4:00–5:00: up to 2 users watched it twice or more']);
    expect(texts(el, '.skipped-list li')).to.deep.equal(['3:00–4:00: up to 2 users skipped it and watched later parts']);
    expect(root(el).querySelectorAll('rect.rewatched')).to.have.length(1);
    expect(root(el).querySelectorAll('rect.skipped')).to.have.length(1);
    root(el).querySelector<HTMLButtonElement>('.skipped-list button')!.click();
    await el.updateComplete;
    expect(el.span).to.deep.equal([30, 40]);
    expect(texts(el, '.missed li')).to.deep.equal(['Bo', 'Cy', 'Di', 'Ed']);
  });

  it('finds who never watched a typed span, optionally who watched only part, and exports the list', async () => {
    const el = await mount(html`<class-engagement .rows=${klass()}></class-engagement>`);
    const from = root(el).querySelector<HTMLInputElement>('input[name=from]')!;
    const to = root(el).querySelector<HTMLInputElement>('input[name=to]')!;
    from.focus();
    await sendKeys({ type: '4:00' });
    to.focus();
    await sendKeys({ type: '6' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.span).to.deep.equal([40, 60]);
    expect(texts(el, '.missed-block h3')).to.deep.equal(['Who never watched 4:00–6:00']);
    expect(texts(el, '.missed li')).to.deep.equal(['Cy', 'Ed']);
    expect(texts(el, '.missed-count')).to.deep.equal(['2 of 5 users']);
    expect(el.missedCsv()).to.equal('User id,User,Share of the span watched\r\ncy,Cy,0\r\ned,Ed,0\r\n');
    root(el).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await el.updateComplete;
    expect(texts(el, '.missed li')).to.deep.equal(['Bo', 'Cy', 'Di', 'Ed']);
    expect(el.missedCsv()).to.contain('bo,Bo,50\r\n');
    await expect(el).to.be.accessible();
    from.value = 'later';
    from.dispatchEvent(new Event('input'));
    root(el).querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[role=alert]')!.textContent).to.contain('within the media’s duration (10:00)');
  });

  it('moves along the media with arrow keys, announces each part and selects a span with Shift', async () => {
    const el = await mount(html`<class-engagement style="width: 800px; display: block" .rows=${klass()}></class-engagement>`);
    const chart = root(el).querySelector<HTMLElement>('.chart')!;
    focusOn(chart);
    await el.updateComplete;
    const live = () => root(el).querySelector('[aria-live]')!.textContent!.trim();
    expect(live()).to.equal('0:00–0:06: Not viewed 40% (2), Viewed once 60% (3), Viewed twice 0% (0), Viewed more than twice 0% (0)');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(live()).to.match(/^9:54–10:00: Not viewed 40% \(2\), Viewed once 60% \(3\)/);
    expect(texts(el, '.tooltip')[0]).to.equal(live());
    await sendKeys({ press: 'Home' });
    for (let i = 0; i < 40; i++) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 10; i++) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(el.span).to.deep.equal([40, 51]);
    expect(root(el).querySelector<HTMLInputElement>('input[name=from]')!.value).to.equal('4:00');
    expect(root(el).querySelector<HTMLInputElement>('input[name=to]')!.value).to.equal('5:06');
    expect(live()).to.equal('Who never watched 4:00–5:06: 2 of 5 users');
  });

  it('selects a span by dragging across the chart', async () => {
    const el = await mount(html`<class-engagement style="width: 800px; display: block" .rows=${klass()}></class-engagement>`);
    const chart = root(el).querySelector<HTMLElement>('.chart')!;
    const r = chart.getBoundingClientRect();
    const at = (bucket: number) => ({ clientX: r.left + ((bucket + 0.5) / 100) * r.width, clientY: r.top + 20, pointerId: 1, bubbles: true });
    chart.dispatchEvent(new PointerEvent('pointerdown', at(20)));
    chart.dispatchEvent(new PointerEvent('pointermove', at(25)));
    chart.dispatchEvent(new PointerEvent('pointerup', at(25)));
    await el.updateComplete;
    expect(el.span).to.deep.equal([20, 26]);
    expect(texts(el, '.missed li')).to.deep.equal(['Cy', 'Di', 'Ed']);
    expect(root(el).querySelector('rect.sel')).to.exist;
  });

  it('fires no event when the host sets its properties, a span included', async () => {
    const el = await mount(html`<class-engagement .rows=${klass()}></class-engagement>`);
    const seen: string[] = [];
    for (const name of ['seek', 'user-select', 'filter-add', 'range-change', 'filters-change'])
      el.addEventListener(name, () => seen.push(name));
    el.span = [10, 20];
    el.privacyFloor = 2;
    el.search = 'd';
    el.lang = 'fr';
    el.markers = [{ time: 5, label: 'Intro', kind: 'chapter' }];
    await el.whenLoaded();
    expect(seen).to.deep.equal([]);
    // The host's span (buckets 10–20 of 600 s) shows in the form and selects who missed it.
    expect((root(el).querySelector('input[name=from]') as HTMLInputElement).value).to.equal('1:00');
    expect((root(el).querySelector('input[name=to]') as HTMLInputElement).value).to.equal('2:00');
    expect(root(el).querySelector('.missed-block')).to.exist;
  });

  it('hides the class figures of a group under the privacy floor', async () => {
    const el = await fixture<ClassEngagement>(html`<class-engagement privacy-floor="6" .rows=${klass()}></class-engagement>`);
    await el.whenLoaded();
    expect(texts(el, '.privacy')).to.deep.equal(['Fewer than 6 users in this group: class figures are hidden.']);
    expect(root(el).querySelector('.chart')).to.equal(null);
    expect(root(el).querySelector('.rewatched-list')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('writes counts under the floor as "fewer than N" in a group above it', async () => {
    const el = await mount(html`<class-engagement privacy-floor="3" .rows=${klass()}></class-engagement>`);
    root(el).querySelector<HTMLButtonElement>('.table-toggle')!.click();
    await el.updateComplete;
    const first = [...root(el).querySelectorAll('tbody tr')][0]!;
    expect([...first.children].map((c) => c.textContent!.trim())).to.deep.equal([
      '0:00–0:06',
      'fewer than 3',
      '60% (3)',
      '0% (0)',
      '0% (0)',
    ]);
    // re-watched spans need at least the floor of users: none reaches 3
    expect(texts(el, '.rewatched-list')).to.deep.equal(['Most re-watched Nothing stands out.']);
    await expect(el).to.be.accessible();
  });

  it('exports the users × buckets matrix as CSV', async () => {
    const el = await mount(html`<class-engagement .rows=${klass()}></class-engagement>`);
    const lines = el.toCsv()!.split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).to.deep.equal(['User id', 'User', '0% (0:00)']);
    expect(lines).to.have.length(7);
    expect(lines[3]).to.equal(`cy,Cy,${[...new Array(20).fill(1), ...new Array(80).fill(0)].join(',')}`);
  });

  it('shows the empty and error states', async () => {
    const empty = await fixture<ClassEngagement>(
      html`<class-engagement .provider=${fakeProvider({ heatmap: () => ({ duration: 600, users: [] }) })} entry-id="e1"></class-engagement>`,
    );
    await empty.whenLoaded();
    expect(root(empty).textContent).to.contain('No data for this period');
    const bad = await fixture<ClassEngagement>(html`<class-engagement .provider=${failingProvider('no heatmap')} entry-id="e1"></class-engagement>`);
    await bad.whenLoaded();
    expect(root(bad).querySelector('[role=alert]')!.textContent).to.contain('no heatmap');
    await expect(bad).to.be.accessible();
  });
});
