import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/devices-overview/define.js';
import '../../src/i18n/de.js';
import type { DevicesOverview } from '../../src/elements/devices-overview/devices-overview.js';
import { fakeProvider, failingProvider } from '../support/providers.js';
import { devicesResult, metricTotals } from '../support/breakdowns.js';

const root = (el: Element) => el.shadowRoot!;
const texts = (el: Element, sel: string) =>
  [...root(el).querySelectorAll(sel)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

async function make(provider = fakeProvider({ devices: () => devicesResult() }), attrs: Record<string, string> = {}) {
  const node = document.createElement('devices-overview');
  const all: Record<string, string> = { 'entry-id': 'e1', from: '2026-03-01', to: '2026-03-31', 'time-zone': 'UTC', ...attrs };
  for (const [k, v] of Object.entries(all)) node.setAttribute(k, v);
  node.provider = provider;
  node.filters = { countries: ['FR'] };
  const el = await fixture<DevicesOverview>(html`${node}`);
  await el.whenLoaded();
  return el;
}

describe('<devices-overview>', () => {
  it('asks for devices in the range and filters, and shows counts and shares of plays', async () => {
    const provider = fakeProvider({ devices: () => devicesResult([['Mobile', 300], ['Computer', 600], ['Game console', 100]]) });
    const el = await make(provider);
    expect(provider.calls).to.deep.equal([
      { kind: 'devices', entryId: 'e1', range: { from: '2026-03-01', to: '2026-03-31' }, timeZone: 'UTC', filters: { countries: ['FR'] } },
    ]);
    expect(texts(el, '.mark .name')).to.deep.equal(['Computer', 'Mobile', 'Game console']);
    expect(texts(el, '.mark .value')).to.deep.equal(['600', '300', '100']);
    expect(texts(el, '.mark .share')).to.deep.equal(['60%', '30%', '10%']);
    const widths = [...root(el).querySelectorAll<HTMLElement>('.bar')].map((b) => b.style.inlineSize);
    expect(widths).to.deep.equal(['100%', '50%', '16.6667%']);
    expect(root(el).querySelector('.mark')!.getAttribute('aria-label')).to.equal('Computer: 600, 60% of Plays');
    await expect(el).to.be.accessible();
  });

  it('switches to another metric without asking again, with shares of that metric', async () => {
    const provider = fakeProvider({ devices: () => devicesResult() });
    const el = await make(provider);
    const select = root(el).querySelector('select')!;
    select.value = 'minutesViewed';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.metric).to.equal('minutesViewed');
    expect(texts(el, '.mark .value')).to.deep.equal(['2,100', '1,050', '350']);
    expect(texts(el, '.mark .share')).to.deep.equal(['60%', '30%', '10%']);
    select.value = 'avgCompletionRate';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(texts(el, '.mark .value')).to.deep.equal(['40%', '40%', '40%']);
    expect(texts(el, '.mark .share')).to.deep.equal([]);
    expect(provider.calls).to.have.length(1);
  });

  it('moves between bars with the keyboard, shows a tooltip and announces the focused bar', async () => {
    const el = await make();
    const marks = () => [...root(el).querySelectorAll<HTMLElement>('.mark')];
    expect(marks().map((m) => m.tabIndex)).to.deep.equal([0, -1, -1]);
    marks()[0]!.focus();
    await el.updateComplete;
    expect(root(el).querySelector('.tooltip')!.textContent).to.contain('Computer');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(marks()[1]);
    expect(marks().map((m) => m.tabIndex)).to.deep.equal([-1, 0, -1]);
    expect(root(el).querySelector('[aria-live=polite]')!.textContent).to.equal('Mobile: 300, 30% of Plays');
    expect(root(el).querySelector('.tooltip')!.textContent).to.contain('Mobile');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(marks()[2]);
    marks()[2]!.blur();
    await el.updateComplete;
    expect(root(el).querySelector('.tooltip')).to.equal(null);
  });

  it('fires filter-add from a device button, and nothing on programmatic sets', async () => {
    const el = await make();
    let fired = 0;
    el.addEventListener('filter-add', () => fired++);
    el.metric = 'impressions';
    el.filters = { devices: ['Mobile'] };
    el.showTable = true;
    await el.whenLoaded();
    expect(fired).to.equal(0);
    const button = root(el).querySelectorAll<HTMLButtonElement>('button.filter')[1]!;
    expect(button.getAttribute('aria-label')).to.equal('Filter the dashboard by device: Mobile');
    setTimeout(() => button.click());
    const e = await oneEvent(el, 'filter-add');
    expect(e.detail).to.deep.equal({ field: 'devices', value: 'Mobile', label: 'Mobile' });
    expect(e.bubbles && e.composed).to.equal(true);
  });

  it('shows the compare period figure and change for each device, in the bars, tooltip, table and CSV', async () => {
    const provider = fakeProvider({
      devices: (q) => (q.range.from === '2026-03-01' ? devicesResult() : devicesResult([['Computer', 50], ['Mobile', 7]])),
    });
    const el = await make(provider, { 'compare-from': '2026-02-01', 'compare-to': '2026-02-28' });
    expect(provider.calls.map((c) => c.range.from)).to.deep.equal(['2026-03-01', '2026-02-01']);
    expect(texts(el, '.compare')).to.deep.equal([
      'Compare period: 50 (+1,100%)',
      'Compare period: 7 (+4,186%)',
      'Compare period: 0 (new)',
    ]);
    const marks = [...root(el).querySelectorAll('.mark')];
    expect(marks[0]!.getAttribute('aria-label')).to.equal('Computer: 600, 60% of Plays; Compare period: 50 (+1,100%)');
    marks[1]!.dispatchEvent(new Event('pointerenter'));
    await el.updateComplete;
    const tip = [...root(el).querySelectorAll('.tooltip dt, .tooltip dd')].map((n) => n.textContent!.trim());
    expect(tip.slice(0, 4)).to.deep.equal(['Plays', '300', 'Plays, compare period', '7 (+4,186%)']);
    root(el).querySelector<HTMLButtonElement>('button.toggle')!.click();
    await el.updateComplete;
    const head = [...root(el).querySelectorAll('thead th')].map((c) => c.textContent!.trim());
    expect(head.slice(0, 4)).to.deep.equal(['Device', 'Plays', 'Plays, compare period', 'Change']);
    const third = [...root(el).querySelectorAll('tbody tr')[2]!.children].map((c) => c.textContent!.trim());
    expect(third.slice(0, 4)).to.deep.equal(['Tablet', '100', '0', 'new']);
    await expect(el).to.be.accessible();
    const lines = el.toCsv('fields')!.split('\r\n');
    expect(lines[0]!.endsWith(',avgDropOffRate,plays 2026-02-01..2026-02-28,playsChange')).to.equal(true);
    expect(el.toCsv()!.split('\r\n')[0]!.endsWith(
      ',Avg. drop-off rate,"Plays, compare period (Feb 1 – 28, 2026)","Change (Feb 1 – 28, 2026)"',
    )).to.equal(true);
    expect(lines[1]).to.equal('Computer,600,60,1200,50,300,2100,40,30,50,1100');
    expect(lines[3]).to.equal('Tablet,100,10,200,50,50,350,40,30,0,new');
  });

  it('toggles a data table with every metric', async () => {
    const el = await make();
    expect(root(el).querySelector('table')).to.equal(null);
    const toggle = root(el).querySelector<HTMLButtonElement>('button.toggle')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const first = [...root(el).querySelector('tbody tr')!.children].map((c) => c.textContent!.trim());
    expect(first).to.deep.equal(['Computer', '600', '60%', '1,200', '50%', '300', '2,100', '40%', '30%']);
    await expect(el).to.be.accessible();
  });

  it('exports CSV, titled in the page\'s language or by field names', async () => {
    const el = await make();
    const lines = el.toCsv()!.split('\r\n');
    expect(lines[0]).to.equal(
      'Device,Plays,Plays distribution,Player impressions,Play/impression ratio,Unique viewers,Minutes viewed,Avg. completion rate,Avg. drop-off rate',
    );
    expect(lines[3]).to.equal('Tablet,100,10,200,50,50,350,40,30');
    el.csvHeaders = 'fields';
    expect(el.toCsv()!.split('\r\n')[0]).to.equal(
      'device,plays,distribution,impressions,playImpressionRatio,uniqueViewers,minutesViewed,avgCompletionRate,avgDropOffRate',
    );
    el.csvHeaders = 'labels';
    el.lang = 'de';
    await el.updateComplete;
    expect(el.toCsv()!.split('\r\n')[3]!.startsWith('Tablet,')).to.equal(true);
    expect(el.toCsv()!.split('\r\n')[0]!.startsWith('Gerät,Wiedergaben,')).to.equal(true);
  });

  it('leaves out the metrics of playback for an image, in the menu, table and CSV', async () => {
    const el = await make(undefined, { 'entry-type': 'image' });
    const options = [...root(el).querySelectorAll('select option')].map((o) => o.getAttribute('value'));
    expect(options).to.deep.equal(['plays', 'impressions', 'uniqueViewers']);
    expect(el.toCsv()!.split('\r\n')[0]).to.equal('Device,Plays,Plays distribution,Player impressions,Play/impression ratio,Unique viewers');
    root(el).querySelector<HTMLButtonElement>('button.toggle')!.click();
    await el.updateComplete;
    const head = [...root(el).querySelectorAll('thead th')].map((c) => c.textContent!.trim());
    expect(head).to.not.include('Minutes viewed');
    expect(head).to.not.include('Avg. completion rate');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state when no device has plays or impressions', async () => {
    const el = await make(fakeProvider({ devices: () => ({ rows: [], totals: metricTotals(0) }) }));
    expect(root(el).textContent).to.contain('No data for this period');
    expect(el.toCsv()).to.contain('Device');
    await expect(el).to.be.accessible();
  });

  it('shows an error in its own panel', async () => {
    const el = await make(failingProvider('devices down') as never);
    expect(root(el).querySelector('[role=alert]')!.textContent).to.contain('devices down');
    await expect(el).to.be.accessible();
  });

  it('formats for the element language', async () => {
    const el = await make(fakeProvider({ devices: () => devicesResult([['Computer', 1234567]]) }), { lang: 'de' });
    expect(texts(el, '.mark .value')).to.deep.equal(['1.234.567']);
    expect(texts(el, '.mark .share')).to.deep.equal(['100 %']);
  });
});
