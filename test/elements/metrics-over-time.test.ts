import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/metrics-over-time/define.js';
import type { MetricsOverTime } from '../../src/elements/metrics-over-time/metrics-over-time.js';
import type { TimelinePoint, TimelineQuery, TimelineResult } from '../../src/data/types.js';
import { fakeProvider, failingProvider } from '../support/providers.js';
import { waitFor, focusOn } from '../support/page.js';
import { addDays, todayIn } from '../../src/data/dates.js';

const point = (date: string, plays: number, rate: number): TimelinePoint => ({
  date,
  impressions: plays * 3,
  plays,
  uniqueViewers: Math.floor(plays / 5),
  minutesViewed: plays * 2.5,
  avgCompletionRate: rate,
  avgDropOffRate: rate / 2,
  playThrough: { 25: 0, 50: 0, 75: 0, 100: 0 },
});

const MAIN: TimelinePoint[] = [
  point('2026-02-01', 10, 40),
  point('2026-02-02', 20, 50),
  point('2026-02-03', 5, 30),
  point('2026-02-04', 0, 0),
  point('2026-02-05', 1500, 45.25),
];
const PREV: TimelinePoint[] = [point('2026-01-27', 1, 10), point('2026-01-28', 2, 20), point('2026-01-29', 3, 30), point('2026-01-30', 4, 40)];
const MONTHS: TimelinePoint[] = [point('2026-01-01', 100, 40), point('2026-02-01', 200, 50)];

function timeline(q: TimelineQuery): TimelineResult {
  if (q.granularity === 'month') return { granularity: 'month', points: MONTHS };
  return { granularity: 'day', points: q.range.from === '2026-02-01' ? MAIN : PREV };
}

const root = (el: MetricsOverTime) => el.shadowRoot!;
const q = <E extends Element = HTMLElement>(el: MetricsOverTime, sel: string) => root(el).querySelector<E>(sel)!;
const all = (el: MetricsOverTime, sel: string) => [...root(el).querySelectorAll(sel)];
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

async function setup(compare = false, extra: { metric?: string } = {}) {
  const provider = fakeProvider({ timeline });
  const el = await fixture<MetricsOverTime>(html`<metrics-over-time
    .provider=${provider}
    entry-id="e1"
    metric=${extra.metric ?? 'plays'}
    from="2026-02-01"
    to="2026-02-05"
    compare-from=${compare ? '2026-01-27' : ''}
    compare-to=${compare ? '2026-01-31' : ''}
    time-zone="Asia/Tokyo"
  ></metrics-over-time>`);
  await el.whenLoaded();
  return { el, provider };
}

describe('<metrics-over-time>', () => {
  it('asks for the daily timeline and draws the chosen metric', async () => {
    const { el, provider } = await setup();
    expect(provider.calls).to.deep.equal([
      { kind: 'timeline', granularity: 'day', entryId: 'e1', range: { from: '2026-02-01', to: '2026-02-05' }, timeZone: 'Asia/Tokyo', filters: {} },
    ]);
    expect(all(el, '[role=tab]').map((t) => clean(t.textContent))).to.deep.equal([
      'Player impressions',
      'Plays',
      'Unique viewers',
      'Minutes viewed',
      'Avg. completion rate',
      'Avg. drop-off rate',
    ]);
    expect(q(el, '[role=tab][aria-selected=true]').dataset.metric).to.equal('plays');
    expect(q(el, 'path.primary').getAttribute('data-metric')).to.equal('plays');
    expect(all(el, 'circle.dot')).to.have.length(5);
    expect(all(el, 'text.axis.x').map((t) => t.textContent)).to.include('Feb 1');
    expect(clean(q(el, '.summary').textContent)).to.equal('Plays: highest on Feb 5, 2026 (1,500).');
    expect(q(el, '[role=slider]').getAttribute('aria-label')).to.equal('Plays per day');
    await expect(el).to.be.accessible();
  });

  it('switches metric tabs with clicks and arrow keys, without reloading', async () => {
    const { el, provider } = await setup();
    q(el, '[role=tab][data-metric=avgCompletionRate]').click();
    await el.updateComplete;
    expect(el.metric).to.equal('avgCompletionRate');
    expect(clean(q(el, '.summary').textContent)).to.equal('Avg. completion rate: highest on Feb 2, 2026 (50%).');
    expect(all(el, 'text.axis.y1').map((t) => t.textContent)).to.include('50%');
    focusOn(q(el, '[role=tab][data-metric=avgCompletionRate]'));
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.metric).to.equal('avgDropOffRate');
    await sendKeys({ press: 'ArrowRight' }); // wraps around
    await el.updateComplete;
    expect(el.metric).to.equal('impressions');
    expect(root(el).activeElement?.getAttribute('data-metric')).to.equal('impressions');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.metric).to.equal('avgDropOffRate');
    expect(provider.calls).to.have.length(1);
  });

  it('reloads monthly when the granularity changes', async () => {
    const { el, provider } = await setup();
    q(el, 'button.granularity[data-value=month]').click();
    await waitFor(() => provider.calls.length === 2);
    await el.whenLoaded();
    expect((provider.calls[1] as TimelineQuery).granularity).to.equal('month');
    expect(q(el, 'button.granularity[data-value=month]').getAttribute('aria-pressed')).to.equal('true');
    expect(all(el, 'text.axis.x').map((t) => t.textContent)).to.deep.equal(['Jan 2026', 'Feb 2026']);
    expect(q(el, '[role=slider]').getAttribute('aria-label')).to.equal('Plays per month');
  });

  it('draws a second metric on a second axis from the menu', async () => {
    const { el } = await setup();
    const select = q<HTMLSelectElement>(el, 'select.second');
    expect([...select.options].map((o) => o.value)).to.not.include('plays');
    select.value = 'avgCompletionRate';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.secondMetric).to.equal('avgCompletionRate');
    expect(q(el, 'path.second').getAttribute('data-metric')).to.equal('avgCompletionRate');
    expect(all(el, 'text.axis.y2').map((t) => t.textContent)).to.include('50%');
    expect(q(el, '[role=slider]').getAttribute('aria-label')).to.equal('Plays and Avg. completion rate per day');
    // choosing the second metric as the main one drops the second
    q(el, '[role=tab][data-metric=avgCompletionRate]').click();
    await el.updateComplete;
    expect(el.secondMetric).to.equal('');
    expect(q(el, 'path.second')).to.equal(null);
  });

  it('scrubs with the keyboard and announces values with the compare period aligned by offset', async () => {
    const { el, provider } = await setup(true);
    expect(provider.calls.map((c) => c.range)).to.deep.equal([
      { from: '2026-02-01', to: '2026-02-05' },
      { from: '2026-01-27', to: '2026-01-31' },
    ]);
    expect(all(el, 'path.compare')).to.have.length(1);
    el.secondMetric = 'minutesViewed';
    await el.updateComplete;
    expect(all(el, 'path.compare')).to.have.length(2);
    const chart = q(el, '[role=slider]');
    focusOn(chart);
    await el.updateComplete;
    const live = () => clean(q(el, '[role=status][aria-live]').textContent);
    expect(live()).to.equal(
      'Feb 1, 2026: Plays 10 (compare period, Jan 27, 2026: 1), Minutes viewed 25 (compare period, Jan 27, 2026: 2.5).',
    );
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('1');
    expect(chart.getAttribute('aria-valuetext')).to.equal('Feb 2, 2026');
    expect(all(el, '.tooltip p').map((p) => clean(p.textContent))).to.deep.equal([
      'Feb 2, 2026',
      'Plays: 20',
      'Minutes viewed: 50',
      'Compare period: Jan 28, 2026',
      'Plays: 2',
      'Minutes viewed: 5',
    ]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    // the compare range has no fifth day
    expect(all(el, '.tooltip p.compare-value').map((p) => clean(p.textContent))).to.deep.equal([
      'Plays: —',
      'Minutes viewed: —',
    ]);
    expect(live()).to.contain('Feb 5, 2026: Plays 1,500');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('shows a tooltip on hover', async () => {
    const { el } = await setup();
    const svgEl = q(el, '.chart svg');
    const rect = svgEl.getBoundingClientRect();
    const x = 56 + ((rect.width - 112) * 2) / 4; // the third point
    q(el, '.chart').dispatchEvent(new PointerEvent('pointermove', { clientX: rect.left + x, clientY: rect.top + 50 }));
    await el.updateComplete;
    expect(clean(q(el, '.tooltip .head').textContent)).to.equal('Feb 3, 2026');
    q(el, '.chart').dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(q(el, '.tooltip')).to.equal(null);
  });

  it('opens a sortable details table of every metric', async () => {
    const { el } = await setup();
    const toggle = q(el, '.details-toggle');
    expect(clean(toggle.textContent)).to.equal('View details');
    toggle.click();
    await el.updateComplete;
    expect(el.details).to.equal(true);
    const rows = () => all(el, 'table tbody tr').map((r) => [...r.children].map((c) => clean(c.textContent)));
    expect(rows()[0]).to.deep.equal(['Feb 1, 2026', '30', '10', '2', '25', '40%', '20%']);
    expect(rows()[4]).to.deep.equal(['Feb 5, 2026', '4,500', '1,500', '300', '3,750', '45.3%', '22.6%']);
    const playsHeader = q(el, 'th[data-field=plays]');
    playsHeader.querySelector('button')!.click();
    await el.updateComplete;
    expect(playsHeader.getAttribute('aria-sort')).to.equal('descending');
    expect(rows().map((r) => r[2])).to.deep.equal(['1,500', '20', '10', '5', '0']);
    playsHeader.querySelector('button')!.click();
    await el.updateComplete;
    expect(playsHeader.getAttribute('aria-sort')).to.equal('ascending');
    expect(rows().map((r) => r[2])).to.deep.equal(['0', '5', '10', '20', '1,500']);
    await expect(el).to.be.accessible();
  });

  it('exports every metric per day with the compare period as CSV', async () => {
    const { el } = await setup(true);
    const csv = el.toCsv()!.split('\r\n');
    expect(csv[0]).to.equal(
      'Date,Player impressions,Plays,Unique viewers,Minutes viewed,Avg. completion rate,Avg. drop-off rate,Compare period date,' +
        'Player impressions (compare period),Plays (compare period),Unique viewers (compare period),Minutes viewed (compare period),' +
        'Avg. completion rate (compare period),Avg. drop-off rate (compare period)',
    );
    expect(csv[1]).to.equal('2026-02-01,30,10,2,25,40,20,2026-01-27,3,1,0,2.5,10,5');
    // Values rounded as shown: one decimal for rates.
    expect(csv[5]).to.equal('2026-02-05,4500,1500,300,3750,45.3,22.6,,,,,,,');
  });

  it('offers only the metrics it is given (image entries)', async () => {
    const el = await fixture<MetricsOverTime>(html`<metrics-over-time
      .provider=${fakeProvider({ timeline })}
      .metrics=${['uniqueViewers', 'impressions', 'plays']}
      metric="minutesViewed"
      entry-id="e1"
      from="2026-02-01"
      to="2026-02-05"
    ></metrics-over-time>`);
    await el.whenLoaded();
    expect(all(el, '[role=tab]').map((t) => (t as HTMLElement).dataset.metric)).to.deep.equal(['impressions', 'plays', 'uniqueViewers']);
    // a metric that is not offered falls back to plays
    expect(q(el, '[role=tab][aria-selected=true]').dataset.metric).to.equal('plays');
    expect([...q<HTMLSelectElement>(el, 'select.second').options].map((o) => o.value)).to.deep.equal(['', 'impressions', 'uniqueViewers']);
    expect(el.toCsv()!.split('\r\n')[0]).to.equal('Date,Player impressions,Plays,Unique viewers');
    await expect(el).to.be.accessible();
  });

  it('fires no event and does not reload on programmatic UI sets', async () => {
    const { el, provider } = await setup();
    const seen: string[] = [];
    for (const name of ['seek', 'filter-add', 'user-select', 'change', 'input']) el.addEventListener(name, () => seen.push(name));
    el.metric = 'impressions';
    el.secondMetric = 'plays';
    el.details = true;
    await el.updateComplete;
    expect(seen).to.deep.equal([]);
    expect(provider.calls).to.have.length(1);
    expect(q(el, 'path.primary').getAttribute('data-metric')).to.equal('impressions');
  });

  it('shows the empty and error states', async () => {
    const empty = await fixture<MetricsOverTime>(html`<metrics-over-time
      .provider=${fakeProvider({ timeline: () => ({ granularity: 'day', points: [point('2026-02-01', 0, 0)] }) })}
      entry-id="e1"
    ></metrics-over-time>`);
    await empty.whenLoaded();
    expect(root(empty).textContent).to.contain('No data for this period');
    await expect(empty).to.be.accessible();
    const failing = await fixture<MetricsOverTime>(html`<metrics-over-time .provider=${failingProvider('nope')} entry-id="e1"></metrics-over-time>`);
    await failing.whenLoaded();
    expect(q(failing, '[role=alert]').textContent).to.contain('nope');
    await expect(failing).to.be.accessible();
  });

  it('mirrors the chart in right-to-left languages', async () => {
    const provider = fakeProvider({ timeline });
    const el = await fixture<MetricsOverTime>(html`<metrics-over-time lang="he" .provider=${provider} entry-id="e1" from="2026-02-01" to="2026-02-05"></metrics-over-time>`);
    await el.whenLoaded();
    const xs = all(el, 'circle.dot').map((c) => Number(c.getAttribute('cx')));
    expect(xs[0]).to.be.greaterThan(xs[4]!);
    const chart = q(el, '[role=slider]');
    focusOn(chart);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('1');
  });
  it('marks partial months: hollow points, dotted segments, tooltip and table notes', async () => {
    // 2026-08-15 to 2026-10-10 takes 17 days of August, all of September and 10 days of October.
    const provider = fakeProvider({
      timeline: (): TimelineResult => ({
        granularity: 'month',
        points: [point('2026-08-01', 300, 40), point('2026-09-01', 900, 50), point('2026-10-01', 200, 45)],
      }),
    });
    const el = await fixture<MetricsOverTime>(html`<metrics-over-time
      .provider=${provider}
      entry-id="e1"
      granularity="month"
      from="2026-08-15"
      to="2026-10-10"
      time-zone="UTC"
    ></metrics-over-time>`);
    await el.whenLoaded();
    const dots = all(el, 'circle.dot');
    expect(dots.map((d) => d.classList.contains('hollow'))).to.deep.equal([true, false, true]);
    // A ring in the series colour around the background, not a filled dot.
    const ring = getComputedStyle(dots[0]!);
    expect(ring.stroke).to.equal(getComputedStyle(q(el, 'path.series.primary')).stroke);
    expect(ring.fill).to.not.equal(ring.stroke);
    // The solid line leaves out the segments into the partial months; the dotted path draws both of them.
    expect(q(el, 'path.series.primary').getAttribute('d') ?? '').to.not.contain('L');
    expect((q(el, 'path.partial.primary').getAttribute('d') ?? '').match(/M/g)).to.have.length(2);
    expect(clean(q(el, '.key').textContent)).to.contain('Partial period');

    const svgEl = q(el, '.chart svg');
    const rect = svgEl.getBoundingClientRect();
    q(el, '.chart').dispatchEvent(new PointerEvent('pointermove', { clientX: rect.left + rect.width - 56, clientY: rect.top + 50 }));
    await el.updateComplete;
    expect(clean(q(el, '.tooltip .partial-note').textContent)).to.match(/^Partial month: Oct 1.+10, 2026 only \(10 days of 31\)$/);
    q(el, '.chart').dispatchEvent(new PointerEvent('pointerleave'));

    q(el, '.details-toggle').click();
    await el.updateComplete;
    const rows = all(el, 'table tbody tr th');
    expect(clean(rows[0]!.textContent)).to.contain('(17 days of 31)').and.contain('Partial month');
    expect(clean(rows[1]!.textContent)).to.equal('Sep 2026');
    expect(clean(rows[2]!.textContent)).to.contain('(10 days of 31)');
    await expect(el).to.be.accessible();
  });

  it('marks today as still filling when the range ends today', async () => {
    const today = todayIn('UTC');
    const provider = fakeProvider({
      timeline: (): TimelineResult => ({ granularity: 'day', points: [point(addDays(today, -1), 10, 40), point(today, 2, 40)] }),
    });
    const el = await fixture<MetricsOverTime>(html`<metrics-over-time
      .provider=${provider}
      entry-id="e1"
      from=${addDays(today, -1)}
      to=${today}
      time-zone="UTC"
      details
    ></metrics-over-time>`);
    await el.whenLoaded();
    expect(all(el, 'circle.dot').map((d) => d.classList.contains('hollow'))).to.deep.equal([false, true]);
    const rows = all(el, 'table tbody tr th').map((r) => clean(r.textContent));
    expect(rows[0]).to.not.contain('So far');
    expect(rows[1]).to.contain('So far today');
    await expect(el).to.be.accessible();
  });

  it('keeps its layout while scrubbing and lays out again when the metric changes', async () => {
    const { el } = await setup();
    const layout = () => (el as unknown as { view?: { layout: unknown } }).view?.layout;
    const first = layout();
    expect(first).to.exist;
    const chart = q(el, '[role=slider]');
    focusOn(chart);
    await el.updateComplete;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('1');
    expect(layout()).to.equal(first);
    el.metric = 'impressions';
    await el.updateComplete;
    expect(layout()).to.not.equal(first);
    expect(q(el, 'path.series.primary').getAttribute('data-metric')).to.equal('impressions');
  });
});
