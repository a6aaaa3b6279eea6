import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/playback-views/define.js';
import type { PlaybackViews } from '../../src/elements/playback-views/playback-views.js';
import type { Marker, RetentionResult } from '../../src/data/types.js';
import { fakeProvider, failingProvider, garbageProvider } from '../support/providers.js';
import { waitFor, focusOn, blurFrom } from '../support/page.js';

/** 200 s of media, 120 plays: views fall from 200 to 101, viewers from 100 to 51, unique users from 40 to 21. */
function retention(over: Partial<RetentionResult> = {}): RetentionResult {
  return {
    duration: 200,
    plays: 120,
    views: Array.from({ length: 100 }, (_, i) => 200 - i),
    viewers: Array.from({ length: 100 }, (_, i) => 100 - Math.floor(i / 2)),
    uniqueUsers: Array.from({ length: 100 }, (_, i) => 40 - Math.floor(i / 5)),
    ...over,
  };
}

const MARKERS: Marker[] = [
  { time: 0, label: 'Intro', kind: 'chapter' },
  { time: 50, label: 'Middle', kind: 'chapter' },
  { time: 100, label: 'Check yourself', kind: 'quiz' },
];

const root = (el: PlaybackViews) => el.shadowRoot!;
const q = <E extends Element = HTMLElement>(el: PlaybackViews, sel: string) => root(el).querySelector<E>(sel)!;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

async function setup(props: { compare?: boolean; markers?: Marker[]; lang?: string } = {}) {
  const provider = fakeProvider({
    retention: (query) =>
      query.range.from === '2026-01-01' ? retention({ plays: 60, views: Array(100).fill(50) }) : retention(),
  });
  const el = await fixture<PlaybackViews>(html`<playback-views
    .provider=${provider}
    .markers=${props.markers ?? MARKERS}
    entry-id="e1"
    lang=${props.lang ?? 'en'}
    from="2026-02-01"
    to="2026-02-28"
    compare-from=${props.compare ? '2026-01-01' : ''}
    compare-to=${props.compare ? '2026-01-28' : ''}
    time-zone="UTC"
  ></playback-views>`);
  await el.whenLoaded();
  return { el, provider };
}

describe('<playback-views>', () => {
  it('asks for the retention of the range and draws the three series', async () => {
    const { el, provider } = await setup();
    expect(provider.calls).to.deep.equal([
      { kind: 'retention', entryId: 'e1', range: { from: '2026-02-01', to: '2026-02-28' }, timeZone: 'UTC', filters: {} },
    ]);
    const paths = [...root(el).querySelectorAll('path.series')].map((p) => p.getAttribute('data-series'));
    expect(paths).to.deep.equal(['views', 'viewers', 'uniqueUsers']);
    expect(q(el, 'path.series').getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L/);
    expect(root(el).querySelectorAll('path.fill')).to.have.length(3);
    expect(root(el).querySelectorAll('path.compare')).to.have.length(0);
    expect(clean(q(el, '.summary').textContent)).to.equal(
      'Most views: 200 at 0:00. 51% of the viewers at the start were still watching at the end.',
    );
    await expect(el).to.be.accessible();
  });

  it('restricts to users and asks the compare period too', async () => {
    const provider = fakeProvider({ retention: () => retention() });
    const el = await fixture<PlaybackViews>(html`<playback-views
      .provider=${provider}
      .userIds=${['u1', 'u2']}
      .filters=${{ devices: ['Mobile'] }}
      entry-id="e1"
      from="2026-02-01"
      to="2026-02-28"
      compare-from="2026-01-01"
      compare-to="2026-01-28"
      time-zone="UTC"
    ></playback-views>`);
    await el.whenLoaded();
    expect(provider.calls).to.deep.equal([
      { kind: 'retention', entryId: 'e1', range: { from: '2026-02-01', to: '2026-02-28' }, timeZone: 'UTC', filters: { devices: ['Mobile'] }, userIds: ['u1', 'u2'] },
      { kind: 'retention', entryId: 'e1', range: { from: '2026-01-01', to: '2026-01-28' }, timeZone: 'UTC', filters: { devices: ['Mobile'] }, userIds: ['u1', 'u2'] },
    ]);
    // UI-only settings do not reload
    el.yUnits = 'percent';
    el.series = ['views'];
    await el.updateComplete;
    expect(provider.calls).to.have.length(2);
    el.userIds = ['u3'];
    await waitFor(() => provider.calls.length === 4);
  });

  it('scrubs with the keyboard, shows a tooltip and announces each point', async () => {
    const { el } = await setup();
    const chart = q(el, '[role=slider]');
    focusOn(chart);
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('0');
    expect(q(el, '.tooltip')).to.exist;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('1');
    expect(chart.getAttribute('aria-valuetext')).to.equal('0:02 (1%)');
    const live = () => clean(q(el, '[role=status][aria-live]').textContent);
    expect(live()).to.equal('0:02 (1%): Views 199, Viewers 100, Unique users 40. Chapter: Intro, 12% of its viewers lost within this chapter.');
    expect(clean(q(el, '.tooltip').textContent)).to.contain('Views: 199');
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('11');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('99');
    expect(live()).to.contain('3:18 (99%): Views 101, Viewers 51, Unique users 21. Chapter: Middle, 42% of its viewers lost');
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('89');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('88');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('0');
    blurFrom(chart);
    await el.updateComplete;
    expect(q(el, '.tooltip')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('mirrors the arrow keys in right-to-left languages', async () => {
    const { el } = await setup({ lang: 'ar' });
    expect(q(el, 'section').getAttribute('dir')).to.equal('rtl');
    const chart = q(el, '[role=slider]');
    focusOn(chart);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('1');
    // the first bucket is on the right
    const d = q(el, 'path.series').getAttribute('d')!;
    const [x0] = d.slice(1).split(/[L,]/).map(Number);
    expect(x0).to.be.greaterThan(300);
  });

  it('fires seek with the media time on Enter and on click', async () => {
    const { el } = await setup();
    const chart = q(el, '[role=slider]');
    focusOn(chart);
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'PageUp' });
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const ev = await oneEvent(el, 'seek');
    expect(ev.detail).to.deep.equal({ time: 40 }); // bucket 20 of 200 s
    expect(ev.bubbles && ev.composed).to.equal(true);

    const svgEl = q(el, '.chart svg');
    const rect = svgEl.getBoundingClientRect();
    // bucket 50's midpoint
    const x = 52 + ((rect.width - 52 - 16) * 50.5) / 100;
    setTimeout(() => chart.dispatchEvent(new MouseEvent('click', { clientX: rect.left + x, clientY: rect.top + 100, bubbles: true })));
    const click = await oneEvent(el, 'seek');
    expect(click.detail.time).to.equal(100);
  });

  it('labels points with the time a player shows (truncated) and seeks to the bucket start', async () => {
    const el = await fixture<PlaybackViews>(html`<playback-views
      .provider=${fakeProvider({ retention: () => retention({ duration: 842 }) })}
      entry-id="e1"
    ></playback-views>`);
    await el.whenLoaded();
    const chart = q(el, '[role=slider]');
    focusOn(chart);
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuetext')).to.equal('4:12 (30%)'); // 252.6 s
    setTimeout(() => void sendKeys({ press: ' ' }));
    const ev = await oneEvent(el, 'seek');
    expect(ev.detail.time).to.equal(252.6);
  });

  it('fires no event when the host sets properties', async () => {
    const { el } = await setup();
    let fired = 0;
    el.addEventListener('seek', () => fired++);
    el.markers = [{ time: 10, label: 'x', kind: 'chapter' }];
    el.yUnits = 'percent';
    el.xUnits = 'percent';
    el.chartStyle = 'line';
    el.series = ['viewers'];
    el.from = '2026-02-02';
    await el.whenLoaded();
    expect(fired).to.equal(0);
  });

  it('shows percent of plays and percent of duration when asked', async () => {
    const { el } = await setup();
    el.yUnits = 'percent';
    el.xUnits = 'percent';
    await el.updateComplete;
    const axis = [...root(el).querySelectorAll('text.axis')].map((t) => t.textContent);
    expect(axis).to.include('100%'); // x: percent of duration
    focusOn(q(el, '[role=slider]'));
    await el.updateComplete;
    // bucket 0: 200 views of 120 plays
    expect(clean(q(el, '.tooltip [data-series=views]').textContent)).to.contain('166.7%');
    // user changes through the controls
    const select = q<HTMLSelectElement>(el, 'select.y-units');
    select.value = 'count';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.yUnits).to.equal('count');
  });

  it('switches series and style from its controls', async () => {
    const { el } = await setup();
    q(el, '.legend button[data-series=viewers]').click();
    await el.updateComplete;
    expect([...root(el).querySelectorAll('path.series')].map((p) => p.getAttribute('data-series'))).to.deep.equal([
      'views',
      'uniqueUsers',
    ]);
    expect(q(el, '.legend button[data-series=viewers]').getAttribute('aria-pressed')).to.equal('false');
    q(el, '.legend button[data-series=uniqueUsers]').click();
    await el.updateComplete;
    // the last series cannot be switched off
    expect(q<HTMLButtonElement>(el, '.legend button[data-series=views]').disabled).to.equal(true);
    const style = q<HTMLSelectElement>(el, 'select.chart-style');
    style.value = 'line';
    style.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(root(el).querySelectorAll('path.fill')).to.have.length(0);
  });

  it('draws the compare period as lighter series and gives its values', async () => {
    const { el } = await setup({ compare: true });
    expect(root(el).querySelectorAll('path.compare')).to.have.length(3);
    focusOn(q(el, '[role=slider]'));
    await el.updateComplete;
    expect(clean(q(el, '.tooltip [data-series=views]').textContent)).to.equal('Views: 200 (compare period: 50)');
    expect(clean(q(el, '[role=status][aria-live]').textContent)).to.contain('Views 200 (compare period: 50)');
    await expect(el).to.be.accessible();
  });

  it('draws markers and gives each chapter its share of viewers lost in the data table', async () => {
    const { el } = await setup();
    expect(root(el).querySelectorAll('[part=chapter]')).to.have.length(2);
    expect(root(el).querySelectorAll('[part=plot] path.marker')).to.have.length(1);
    expect(q(el, '[part=plot] path.marker').getAttribute('data-kind')).to.equal('quiz');
    // Chapters are named on the chart (the whole name as the hover title), and every kind of mark is in the legend.
    const names = [...root(el).querySelectorAll('[part=chapter] text.chapter-name')];
    const own = (n: Element) => [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('').trim();
    expect(names.map(own)).to.deep.equal(['Intro', 'Middle']);
    expect(names.map((n) => n.querySelector('title')!.textContent)).to.deep.equal(['Intro', 'Middle']);
    const legend = q(el, '[part=marker-legend]');
    expect([...legend.querySelectorAll('li')].map((li) => clean(li.textContent))).to.deep.equal([
      'Chapter (a band, named at its start)',
      'Quiz question',
    ]);
    expect(legend.querySelector('path.marker')!.getAttribute('data-kind')).to.equal('quiz');
    const toggle = q(el, '.table-toggle');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const rows = [...root(el).querySelectorAll('table.chapters tbody tr')].map((r) =>
      [...r.children].map((c) => clean(c.textContent)),
    );
    expect(rows).to.deep.equal([
      ['Intro', '0:00', '0:50', '100', '88', '12%'],
      ['Middle', '0:50', '3:20', '88', '51', '42%'],
    ]);
    const buckets = root(el).querySelectorAll('table.buckets tbody tr');
    expect(buckets).to.have.length(100);
    expect([...buckets[1]!.children].map((c) => clean(c.textContent))).to.deep.equal(['0:02', '1%', '199', '100', '40', 'Intro']);
    expect(clean(q(el, 'table.markers tbody tr').textContent)).to.equal('Check yourself Quiz question 1:40');
    await expect(el).to.be.accessible();
  });

  it('says when a chapter gains viewers instead of losing them', async () => {
    const el = await fixture<PlaybackViews>(html`<playback-views
      .provider=${fakeProvider({ retention: () => retention({ viewers: Array.from({ length: 100 }, (_, i) => 50 + i) }) })}
      .markers=${[{ time: 0, label: 'Only', kind: 'chapter' }]}
      entry-id="e1"
    ></playback-views>`);
    await el.whenLoaded();
    focusOn(q(el, '[role=slider]'));
    await el.updateComplete;
    // 50 viewers at the start, 149 at the end: 198 % more
    expect(clean(q(el, '.tooltip .lost').textContent)).to.equal('198% more viewers at the end of this chapter than at its start');
  });

  it('exports every bucket as CSV, with the compare period and chapters', async () => {
    const { el } = await setup({ compare: true });
    const csv = el.toCsv()!.split('\r\n');
    expect(csv[0]).to.equal(
      'Bucket,From,To,Views,Viewers,Unique users,"Views, compare period","Viewers, compare period","Unique users, compare period",Chapter,Viewers lost',
    );
    expect(csv[1]).to.equal('0,0,2,200,100,40,50,100,40,Intro,12');
    expect(csv[100]).to.equal('99,198,200,101,51,21,50,51,21,Middle,42.045455');
    expect(csv).to.have.length(102);
  });

  it('shows the empty state when nobody played', async () => {
    const zeros = Array(100).fill(0);
    const el = await fixture<PlaybackViews>(html`<playback-views
      .provider=${fakeProvider({ retention: () => retention({ plays: 0, views: zeros, viewers: zeros, uniqueUsers: zeros }) })}
      entry-id="e1"
    ></playback-views>`);
    await el.whenLoaded();
    expect(root(el).textContent).to.contain('No data for this period');
    expect(el.toCsv()).to.be.a('string');
    expect(q<HTMLButtonElement>(el, 'button.export').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows an error for a failing provider and for malformed data', async () => {
    const el = await fixture<PlaybackViews>(html`<playback-views .provider=${failingProvider('boom')} entry-id="e1"></playback-views>`);
    await el.whenLoaded();
    expect(q(el, '[role=alert]').textContent).to.contain('boom');
    await expect(el).to.be.accessible();
    const bad = await fixture<PlaybackViews>(html`<playback-views
      .provider=${garbageProvider({ ...retention(), views: [1, 2, 3] })}
      entry-id="e1"
    ></playback-views>`);
    await bad.whenLoaded();
    expect(q(bad, '[role=alert]').textContent).to.contain('expected 100 items');
  });

  it('sizes its chart to its box on first render', async () => {
    const el = await fixture<PlaybackViews>(html`<playback-views
      style="width: 420px"
      .provider=${fakeProvider({ retention: () => retention() })}
      entry-id="e1"
    ></playback-views>`);
    await el.whenLoaded();
    await el.updateComplete;
    const w = Number(q(el, '.chart svg').getAttribute('width'));
    expect(w).to.be.within(300, 420);
  });

  it('follows its width with a ResizeObserver', async function () {
    // Observers report with rendering frames, which a test page running in the background never gets.
    if (document.visibilityState === 'hidden') this.skip();
    const { el } = await setup();
    el.style.width = '500px';
    await waitFor(() => Number(q(el, '.chart svg').getAttribute('width')) < 500);
    const w1 = Number(q(el, '.chart svg').getAttribute('width'));
    el.style.width = '900px';
    await waitFor(() => Number(q(el, '.chart svg').getAttribute('width')) > w1);
  });

  it('survives being connected and disconnected many times', async () => {
    const { el } = await setup();
    const parent = el.parentElement!;
    for (let i = 0; i < 20; i++) {
      el.remove();
      parent.append(el);
    }
    await el.whenLoaded();
    expect(root(el).querySelectorAll('path.series')).to.have.length(3);
  });
  it('keeps its layout while scrubbing and lays out again when an input changes', async () => {
    const { el } = await setup();
    const layout = () => (el as unknown as { view?: { layout: unknown } }).view?.layout;
    const first = layout();
    expect(first).to.exist;
    const chart = q(el, '[role=slider]');
    const d = q(el, 'path.series').getAttribute('d');
    focusOn(chart);
    await el.updateComplete;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(chart.getAttribute('aria-valuenow')).to.equal('11');
    expect(root(el).querySelectorAll('circle.dot')).to.have.length(3);
    expect(layout()).to.equal(first);
    expect(q(el, 'path.series').getAttribute('d')).to.equal(d);
    el.yUnits = 'percent';
    await el.updateComplete;
    expect(layout()).to.not.equal(first);
    expect(q(el, 'path.series').getAttribute('d')).to.not.equal(d);
  });
});
