import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/engagement-heatmap/define.js';
import type { EngagementHeatmap } from '../../src/elements/engagement-heatmap/engagement-heatmap.js';
import type { HeatmapResult } from '../../src/data/types.js';
import { fakeProvider, failingProvider } from '../support/providers.js';
import { focusOn, waitFor } from '../support/page.js';


const counts = (pairs: Record<number, number>) => {
  const a = new Array<number>(100).fill(0);
  for (const [k, v] of Object.entries(pairs)) a[Number(k)] = v;
  return a;
};
const span = (from: number, to: number, v: number) => {
  const o: Record<number, number> = {};
  for (let i = from; i < to; i++) o[i] = v;
  return o;
};

/** Ada watched 0–50 % once and 50–60 % twice; Ben watched 0–10 % four times; Cy watched nothing. */
const heatmap = (): HeatmapResult => ({
  duration: 1000,
  users: [
    { userId: 'u1', name: 'Ada Lovelace', counts: counts({ ...span(0, 50, 1), ...span(50, 60, 2) }) },
    { userId: 'u2', name: 'Ben', counts: counts(span(0, 10, 4)) },
    { userId: 'u3', name: '', counts: counts({}) },
  ],
});

const COLORS = `--ea-tier-0: rgb(255, 0, 0); --ea-tier-1: rgb(0, 255, 0); --ea-tier-2: rgb(0, 0, 255); --ea-tier-3: rgb(255, 255, 0); width: 700px; display: block`;

const root = (el: EngagementHeatmap) => el.shadowRoot!;
const texts = (el: EngagementHeatmap, sel: string) =>
  [...root(el).querySelectorAll(sel)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

/** The colour at the middle of a cell of the canvas, as [r, g, b]. */
function pixel(el: EngagementHeatmap, row: number, bucket: number): number[] {
  const canvas = root(el).querySelector('canvas')!;
  const ctx = canvas.getContext('2d')!;
  const dpr = canvas.width / canvas.getBoundingClientRect().width;
  const cellW = canvas.getBoundingClientRect().width / 100;
  const x = Math.floor((bucket + 0.5) * cellW * dpr);
  const y = Math.floor((row * 18 + 8) * dpr);
  return [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)];
}

async function loaded(template: unknown) {
  const el = await fixture<EngagementHeatmap>(template as never);
  await el.whenLoaded();
  await waitFor(() => root(el).querySelector('.axis') !== null);
  await el.updateComplete;
  return el;
}

describe('<engagement-heatmap>', () => {
  it('asks for the users given by id, in order, and shows their names (id when unnamed)', async () => {
    const provider = fakeProvider({ heatmap: () => heatmap() });
    const el = await loaded(html`<engagement-heatmap
      style=${COLORS}
      .provider=${provider}
      entry-id="e1"
      from="2026-01-01"
      to="2026-01-31"
      time-zone="UTC"
      user-ids="u1, u2 u3"
    ></engagement-heatmap>`);
    expect(provider.calls).to.deep.equal([
      {
        kind: 'heatmap',
        entryId: 'e1',
        range: { from: '2026-01-01', to: '2026-01-31' },
        timeZone: 'UTC',
        filters: {},
        userIds: ['u1', 'u2', 'u3'],
      },
    ]);
    expect(texts(el, '.names li')).to.deep.equal(['Ada Lovelace', 'Ben', 'u3']);
    expect(texts(el, '.legend li')).to.deep.equal(['Not viewed', 'Viewed once', 'Viewed twice', 'Viewed more than twice']);
    expect(root(el).querySelector('.bars')!.getAttribute('aria-label')).to.equal('Heatmap of 3 users over the media’s duration');
    expect(texts(el, '.summary')[0]).to.contain('3 users').and.contain('(16:40)');
    // The count says what it counts (signed-in users with a play), on hover and on focus.
    const help = root(el).querySelector<HTMLElement>('.summary .has-help')!;
    expect(help.tabIndex).to.equal(0);
    expect(help.dataset['help']).to.contain('at least one play');
    await expect(el).to.be.accessible();
  });

  it('asks for every user with plays up to the limit when no ids are given', async () => {
    const provider = fakeProvider({ heatmap: () => heatmap() });
    await loaded(html`<engagement-heatmap .provider=${provider} entry-id="e1" limit="50"></engagement-heatmap>`);
    expect(provider.calls).to.have.length(1);
    const q = provider.calls[0] as { limit?: number; userIds?: string[] };
    expect(q.limit).to.equal(50);
    expect(q.userIds).to.equal(undefined);
  });

  it('draws each cell on the canvas in its tier colour', async () => {
    const el = await loaded(html`<engagement-heatmap style=${COLORS} .rows=${heatmap()}></engagement-heatmap>`);
    expect(el.drawnRows).to.equal(3);
    expect(pixel(el, 0, 0)).to.deep.equal([0, 255, 0]); // once
    expect(pixel(el, 0, 55)).to.deep.equal([0, 0, 255]); // twice
    expect(pixel(el, 0, 80)).to.deep.equal([255, 0, 0]); // not viewed
    expect(pixel(el, 1, 5)).to.deep.equal([255, 255, 0]); // four times
    expect(pixel(el, 1, 10)).to.deep.equal([255, 0, 0]);
    expect(pixel(el, 2, 0)).to.deep.equal([255, 0, 0]);
  });

  it('mirrors the bars in a right-to-left language', async () => {
    const el = await loaded(html`<engagement-heatmap lang="ar" style=${COLORS} .rows=${heatmap()}></engagement-heatmap>`);
    expect(pixel(el, 1, 99)).to.deep.equal([255, 255, 0]); // bucket 0 is drawn at the right edge
    expect(pixel(el, 1, 0)).to.deep.equal([255, 0, 0]);
  });

  it('moves a focus cell with the arrow keys, announces it, shows a tooltip and seeks on Enter', async () => {
    const el = await loaded(html`<engagement-heatmap style=${COLORS} .rows=${heatmap()}></engagement-heatmap>`);
    const bars = root(el).querySelector<HTMLElement>('.bars')!;
    focusOn(bars);
    await el.updateComplete;
    const live = () => root(el).querySelector('[aria-live]')!.textContent!.trim();
    expect(live()).to.equal('Ada Lovelace, 0:00–0:10: Viewed once (views: 1)');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(live()).to.equal('Ben, 0:10–0:20: Viewed more than twice (views: 4)');
    expect(texts(el, '.tooltip')).to.deep.equal(['Ben, 0:10–0:20: Viewed more than twice (views: 4)']);
    expect(root(el).querySelector('.focus')).to.exist;
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(live()).to.equal('u3, 16:30–16:40: Not viewed (views: 0)');
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const ev = await oneEvent(el, 'seek');
    expect(ev.detail).to.deep.equal({ time: 990 });
    expect(ev.bubbles && ev.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the hovered cell in a tooltip, from one pointer listener', async () => {
    const el = await loaded(html`<engagement-heatmap style=${COLORS} .rows=${heatmap()}></engagement-heatmap>`);
    const bars = root(el).querySelector<HTMLElement>('.bars')!;
    const r = bars.getBoundingClientRect();
    bars.dispatchEvent(
      new PointerEvent('pointermove', { clientX: r.left + r.width * 0.555, clientY: r.top + 5, bubbles: true, composed: true }),
    );
    await el.updateComplete;
    expect(texts(el, '.tooltip')).to.deep.equal(['Ada Lovelace, 9:10–9:20: Viewed twice (views: 2)']);
    bars.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(root(el).querySelector('.tooltip')).to.equal(null);
    setTimeout(() => bars.dispatchEvent(new MouseEvent('click', { clientX: r.left + r.width * 0.555, clientY: r.top + 5 })));
    const ev = await oneEvent(el, 'seek');
    expect(ev.detail.time).to.equal(550);
  });

  it('fires no event when the host sets its properties', async () => {
    const el = await loaded(html`<engagement-heatmap .rows=${heatmap()}></engagement-heatmap>`);
    let fired = 0;
    el.addEventListener('seek', () => fired++);
    el.rows = { ...heatmap(), duration: 500 };
    el.markers = [{ time: 100, label: 'Intro', kind: 'chapter' }];
    el.userIds = ['u1'];
    await el.whenLoaded();
    await el.updateComplete;
    expect(fired).to.equal(0);
  });

  it('shows chapter markers on the time axis and in the summary', async () => {
    const markers = [
      { time: 0, label: 'Welcome', kind: 'chapter' as const },
      { time: 250, label: 'Proofs', kind: 'chapter' as const },
    ];
    const el = await loaded(html`<engagement-heatmap style=${COLORS} .rows=${heatmap()} .markers=${markers}></engagement-heatmap>`);
    expect([...root(el).querySelectorAll('.axis .marker title')].map((t) => t.textContent)).to.deep.equal(['Welcome', 'Proofs']);
    expect(texts(el, '.summary')[0]).to.contain('Chapters: Welcome 0:00, Proofs 4:10');
    expect(texts(el, '.axis text').slice(0, 2)).to.deep.equal(['0:00', '5:00']);
    const bars = root(el).querySelector<HTMLElement>('.bars')!;
    focusOn(bars);
    await sendKeys({ press: 'ArrowUp' });
    for (let i = 0; i < 30; i++) await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(root(el).querySelector('[aria-live]')!.textContent).to.contain('Chapter: Proofs');
  });

  it('renders only the rows in view for thousands of users, and draws what scrolls in', async () => {
    const many: HeatmapResult = {
      duration: 600,
      users: Array.from({ length: 10_000 }, (_, k) => ({
        userId: `u${k}`,
        name: `User ${k}`,
        counts: counts(k % 2 ? span(0, 100, 1) : {}),
      })),
    };
    const el = await loaded(html`<engagement-heatmap style=${COLORS} max-height="360" .rows=${many}></engagement-heatmap>`);
    expect(el.drawnRows).to.equal(10_000);
    const names = root(el).querySelectorAll('.names li');
    expect(names.length).to.be.below(30);
    expect(names[0]!.textContent!.trim()).to.equal('User 0');
    const vp = root(el).querySelector<HTMLElement>('.viewport')!;
    vp.scrollTop = 18 * 5001;
    vp.dispatchEvent(new Event('scroll'));
    await waitFor(() => texts(el, '.names li').includes('User 5001'));
    await el.updateComplete;
    expect(root(el).querySelectorAll('.names li').length).to.be.below(30);
    // The first row in view (5001, odd: watched once) is at the top of the canvas, the next one (even) below it.
    expect(pixel(el, 0, 50)).to.deep.equal([0, 255, 0]);
    expect(pixel(el, 1, 50)).to.deep.equal([255, 0, 0]);
  });

  it('offers a data table of the watched spans per user', async () => {
    const el = await loaded(html`<engagement-heatmap .rows=${heatmap()}></engagement-heatmap>`);
    const toggle = root(el).querySelector<HTMLButtonElement>('.table-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    const rows = [...root(el).querySelectorAll('table tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent!.trim()),
    );
    expect(rows).to.deep.equal([
      ['Ada Lovelace', '0:00–8:20', '8:20–10:00', '—'],
      ['Ben', '—', '—', '0:00–1:40'],
      ['u3', '—', '—', '—'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('exports the users × buckets matrix as CSV', async () => {
    const el = await loaded(html`<engagement-heatmap .rows=${heatmap()}></engagement-heatmap>`);
    const lines = el.toCsv()!.split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).to.deep.equal(['User id', 'User', '0% (0:00)', '1% (0:10)']);
    expect(lines[0]!.split(',')).to.have.length(102);
    expect(lines[1]).to.equal(`u1,Ada Lovelace,${[...new Array(50).fill(1), ...new Array(10).fill(2), ...new Array(40).fill(0)].join(',')}`);
    expect(lines[2]!.startsWith('u2,Ben,4,4,4,4,4,4,4,4,4,4,0,')).to.equal(true);
  });

  it('shows the empty and error states', async () => {
    const empty = await fixture<EngagementHeatmap>(
      html`<engagement-heatmap .provider=${fakeProvider({ heatmap: () => ({ duration: 100, users: [] }) })} entry-id="e1"></engagement-heatmap>`,
    );
    await empty.whenLoaded();
    expect(root(empty).textContent).to.contain('No data for this period');
    await expect(empty).to.be.accessible();
    const bad = await fixture<EngagementHeatmap>(
      html`<engagement-heatmap .provider=${failingProvider('heatmap down')} entry-id="e1"></engagement-heatmap>`,
    );
    await bad.whenLoaded();
    expect(root(bad).querySelector('[role=alert]')!.textContent).to.contain('heatmap down');
    await expect(bad).to.be.accessible();
  });

  it('stops observing its size when removed', async () => {
    const el = await loaded(html`<engagement-heatmap .rows=${heatmap()}></engagement-heatmap>`);
    const parent = el.parentElement!;
    for (let i = 0; i < 20; i++) {
      el.remove();
      parent.append(el);
    }
    await el.updateComplete;
    expect(root(el).querySelector('canvas')).to.exist;
  });
});
