import { expect, fixture, html } from '@open-wc/testing';
import '../../src/shell/define.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import { PANELS } from '../../src/shell/panels.js';
import type { FiltersChangeDetail, RangeChangeDetail } from '../../src/events.js';
import type { MetricsOverTime } from '../../src/elements/metrics-over-time/metrics-over-time.js';
import type { UserEngagement } from '../../src/elements/user-engagement/user-engagement.js';
import type { TopCountries } from '../../src/elements/top-countries/top-countries.js';
import { SAMPLE_ENTRY_ID, sampleProvider, sampleRange } from '../../stories/support.js';
import { until } from '../support/providers.js';
import { executeServerCommand } from '@web/test-runner-commands';

const SYNCED = PANELS.filter((p) => ['time', 'users', 'countries'].includes(p.id));
const start = window.location.href;

async function dashboard(mode: 'query' | 'hash', attrs: { preset?: string } = {}) {
  const events: string[] = [];
  const el = await fixture<EntryAnalytics>(
    html`<entry-analytics
      .provider=${sampleProvider()}
      .panels=${SYNCED}
      entry-id=${SAMPLE_ENTRY_ID}
      time-zone="UTC"
      today=${sampleRange().to}
      preset=${attrs.preset ?? 'last30'}
      sync-url=${mode}
      @range-change=${(e: CustomEvent<RangeChangeDetail>) => events.push(`range:${e.detail.preset}/${e.detail.compareMode}`)}
      @filters-change=${(e: CustomEvent<FiltersChangeDetail>) => events.push(`filters:${JSON.stringify(e.detail.filters)}`)}
    ></entry-analytics>`,
  );
  await el.whenLoaded();
  await until(() => el.panelElements.length === 3);
  await Promise.all(el.panelElements.map((p) => (p as MetricsOverTime).updateComplete));
  return { el, events };
}
const panel = <T>(el: EntryAnalytics, tag: string) => el.shadowRoot!.querySelector(tag) as T;
const params = () => new URLSearchParams(window.location.search);
/**
 * History of the test page. The runner reuses one page for many files, and its first entry is about:blank: a Back past
 * this test's own entries would leave the page and interrupt the run. So each test starts on a guard entry of its own
 * (pushed in beforeEach), and Back only walks over entries pushed above that guard. Entries are counted by wrapping
 * `history.pushState`, not read from `history.length`, which Chromium caps at 50 (a page reused by earlier files is
 * already there).
 */
let pushed = 0; // entries pushed above the test's guard entry
let offset = 0; // how many of them Back has gone below
const realPushState = window.history.pushState;
function countingPushState(this: History, ...args: Parameters<History['pushState']>) {
  pushed = pushed - offset + 1; // a push drops the entries ahead, as the browser does
  offset = 0;
  return realPushState.apply(this, args);
}
async function step(delta: -1 | 1) {
  const popped = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no popstate')), 10_000);
    window.addEventListener('popstate', () => (clearTimeout(timer), resolve()), { once: true });
  });
  window.history.go(delta);
  await popped;
  offset -= delta;
}
/** Goes back one entry; refuses when the page shows no synced view, or when the entry before is not one this test pushed. */
async function back() {
  if (!/[?&#]ea-/.test(window.location.search + window.location.hash)) throw new Error('no synced view to go back from');
  if (pushed - offset <= 0) throw new Error('no entry pushed by this test to go back over');
  await step(-1);
}
async function forward() {
  if (offset <= 0) throw new Error('no entry to go forward to');
  await step(1);
}

describe('<entry-analytics sync-url>', function () {
  // Whole dashboards on the sample: generous time on a loaded machine.
  this.timeout(60_000);
  // The sample is generated on the first query: once, before the timed tests.
  before(async function () {
    this.timeout(120_000);
    // The page comes to this file with a full history (50 entries, Chromium's cap). At the cap, Chromium prunes the
    // oldest entry added without user activation to make room, which would be this test's own pushes: Back would then
    // leave the document. Start from an empty history (see scripts/wtr-plugins.mjs).
    await executeServerCommand('reset-navigation-history');
    expect(window.history.length).to.equal(1);
    const r = sampleRange();
    await sampleProvider()(
      { kind: 'entry', entryId: SAMPLE_ENTRY_ID, range: r, timeZone: 'UTC', filters: {} },
      { signal: new AbortController().signal },
    );
  });
  beforeEach(() => {
    realPushState.call(window.history, null, '', start);
    pushed = 0;
    offset = 0;
    window.history.pushState = countingPushState;
  });
  afterEach(() => {
    window.history.pushState = realPushState;
    window.history.replaceState(null, '', start);
  });

  it('restores a shared view on load, without firing events', async () => {
    window.history.replaceState(
      null,
      '',
      `?keep=1&ea-preset=last7&ea-compare=previous&ea-f-devices=Mobile&ea-countries.country=US&ea-countries.metric=uniqueViewers&ea-users.sort=name.asc&ea-users.page=2&ea-time.metric=minutesViewed`,
    );
    const { el, events } = await dashboard('query');
    expect(el.effectivePreset).to.equal('last7');
    expect(el.effectiveCompare).to.equal('previous');
    expect(el.filters).to.deep.equal({ devices: ['Mobile'] });
    const countries = panel<TopCountries>(el, 'top-countries');
    expect(countries.country).to.equal('US');
    expect(countries.metric).to.equal('uniqueViewers');
    const users = panel<UserEngagement>(el, 'user-engagement');
    expect(users.sort).to.deep.equal({ field: 'name', direction: 'asc' });
    expect(users.page).to.equal(2);
    await users.whenLoaded();
    expect(users.shadowRoot!.querySelector('.pager .status')!.textContent).to.match(/^26–/);
    expect(panel<MetricsOverTime>(el, 'metrics-over-time').metric).to.equal('minutesViewed');
    expect(events).to.deep.equal([]);
    expect(params().get('keep')).to.equal('1');
    await expect(el).to.be.accessible();
  });

  it('pushes each user action as a history entry, and Back and Forward walk through them', async () => {
    window.history.replaceState(null, '', '?keep=1');
    const { el, events } = await dashboard('query');
    expect(params().toString()).to.equal('keep=1');

    const preset = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name=preset]')!;
    preset.value = 'last90';
    preset.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => params().get('ea-preset') === 'last90');

    const time = panel<MetricsOverTime>(el, 'metrics-over-time');
    await time.whenLoaded();
    time.shadowRoot!.querySelector<HTMLElement>('[role=tab][data-metric="uniqueViewers"]')!.click();
    await until(() => params().get('ea-time.metric') === 'uniqueViewers');

    const users = panel<UserEngagement>(el, 'user-engagement');
    await users.whenLoaded();
    users.shadowRoot!.querySelector<HTMLButtonElement>('.pager [data-page=next]')!.click();
    await until(() => params().get('ea-users.page') === '2');
    expect(params().get('keep')).to.equal('1');

    events.length = 0;
    await back();
    expect(users.page).to.equal(1);
    expect(time.metric).to.equal('uniqueViewers');
    await back();
    expect(time.metric).to.equal('plays');
    expect(el.effectivePreset).to.equal('last90');
    expect(events).to.deep.equal([]);
    await back();
    expect(el.effectivePreset).to.equal('last30');
    // Back changed the period: the host hears of it as of any user's change.
    expect(events).to.deep.equal(['range:last30/none']);

    await forward();
    expect(el.effectivePreset).to.equal('last90');
    expect(params().get('ea-preset')).to.equal('last90');
  });

  it('keeps filters and drill levels, and writes removing the page’s own filters as ea-f', async () => {
    window.history.replaceState(null, '', '?');
    const { el, events } = await dashboard('query');
    el.filters = { devices: ['Computer'] };
    await el.updateComplete;
    // A host-set value is not a user action: nothing is pushed.
    expect(params().toString()).to.equal('');
    el.dispatchEvent(
      new CustomEvent('filter-add', { detail: { field: 'countries', value: 'fr', label: 'France' }, bubbles: true, composed: true }),
    );
    await until(() => params().getAll('ea-f-countries').length === 1);
    expect(params().getAll('ea-f-devices')).to.deep.equal(['Computer']);
    expect(params().get('ea-f-countries')).to.equal('FR');
    events.length = 0;
    await back();
    expect(el.filters).to.deep.equal({});
    expect(events).to.deep.equal(['filters:{}']);
  });

  it('keeps the view in the hash when asked, leaving the query alone', async () => {
    window.history.replaceState(null, '', '?keep=1#ea-compare=lastYear&ea-countries.country=FR');
    const { el } = await dashboard('hash');
    expect(el.effectiveCompare).to.equal('lastYear');
    expect(panel<TopCountries>(el, 'top-countries').country).to.equal('FR');
    const compare = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name=compare]')!;
    compare.value = 'previous';
    compare.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => window.location.hash.includes('ea-compare=previous'));
    expect(window.location.hash).to.contain('ea-countries.country=FR');
    expect(window.location.search).to.equal('?keep=1');
  });

  it('leaves the URL alone without sync-url', async () => {
    window.history.replaceState(null, '', '?ea-preset=last7');
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .provider=${sampleProvider()} .panels=${SYNCED} entry-id=${SAMPLE_ENTRY_ID} time-zone="UTC"></entry-analytics>`,
    );
    await el.whenLoaded();
    expect(el.effectivePreset).to.equal('last30');
    const preset = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name=preset]')!;
    preset.value = 'last90';
    preset.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(window.location.search).to.equal('?ea-preset=last7');
  });
});
