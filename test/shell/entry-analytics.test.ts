import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/shell/define.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import { PANELS, layoutSpans } from '../../src/shell/panels.js';
import type { EntryHighlights } from '../../src/elements/entry-highlights/entry-highlights.js';
import type { EntryResult, FilterValue, FilterValuesQuery, Query, TotalsQuery } from '../../src/data/types.js';
import { emit, type FiltersChangeDetail, type RangeChangeDetail } from '../../src/events.js';
import { fakeProvider, totals } from '../support/providers.js';
import { devicesResult, domainsResult, geoResult } from '../support/breakdowns.js';
import { SAMPLE_ENTRY_ID, sampleProvider, sampleRange } from '../../stories/support.js';

/**
 * Waits until `predicate` holds, polling with timers: requestAnimationFrame does not run in a page the test runner
 * keeps in the background when files run concurrently.
 */
async function until(predicate: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const TODAY = '2026-03-30';

function entry(over: Partial<EntryResult> = {}): EntryResult {
  return {
    id: 'e1',
    name: 'Intro to <b>Chemistry</b>',
    type: 'video',
    duration: 842,
    owner: { id: 'o1', name: 'Dr. Ebere Okafor' },
    created: '2026-01-10T12:00:00Z',
    thumbnail: 'https://cdn.example.com/thumb.jpg',
    ...over,
  };
}

const answers = (e: EntryResult = entry()) => ({ entry: () => e, totals: () => totals() });
/** Most tests look at the dashboard with the highlights panel alone, so their recorded queries are its own. */
const HIGHLIGHTS_ONLY = PANELS.filter((p) => p.id === 'highlights');

async function dashboard(
  provider = fakeProvider(answers()),
  extra: Partial<EntryAnalytics> = {},
): Promise<{ el: EntryAnalytics; provider: typeof provider }> {
  const el = await fixture<EntryAnalytics>(
    html`<entry-analytics
      .provider=${provider}
      .panels=${HIGHLIGHTS_ONLY}
      entry-id="e1"
      time-zone="UTC"
      today=${TODAY}
    ></entry-analytics>`,
  );
  Object.assign(el, extra);
  await el.whenLoaded();
  await panelsLoaded(el);
  return { el, provider };
}

const root = (el: EntryAnalytics) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: EntryAnalytics, sel: string) => root(el).querySelector<T>(sel)!;
const text = (el: EntryAnalytics, sel: string) =>
  [...root(el).querySelectorAll(sel)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const highlights = (el: EntryAnalytics) => $<EntryHighlights>(el, 'entry-highlights');
async function panelsLoaded(el: EntryAnalytics) {
  await el.updateComplete;
  for (const p of el.panelElements) await (p as EntryHighlights).whenLoaded?.();
}
/** Panels loaded and their dimming transition over, so axe sees final colours. */
async function settled(el: EntryAnalytics) {
  await panelsLoaded(el);
  await new Promise((r) => setTimeout(r, 250));
}
const totalsCalls = (calls: Query[]) => calls.filter((c): c is TotalsQuery => c.kind === 'totals');
const lastTotals = (calls: Query[]) => totalsCalls(calls).at(-1)!;

async function choose(el: EntryAnalytics, name: string, value: string) {
  const select = $<HTMLSelectElement>(el, `select[name=${name}]`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function typeDates(el: EntryAnalytics, from: string, to: string) {
  const f = $<HTMLInputElement>(el, 'input[name=from]');
  const t = $<HTMLInputElement>(el, 'input[name=to]');
  f.value = from;
  t.value = to;
  t.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

function record<K extends 'range-change' | 'filters-change'>(el: EntryAnalytics, name: K) {
  const seen: unknown[] = [];
  el.addEventListener(name, (e) => seen.push((e as CustomEvent).detail));
  return seen as (K extends 'range-change' ? RangeChangeDetail : FiltersChangeDetail)[];
}

describe('<entry-analytics>', () => {
  it('shows the initial state without a provider', async () => {
    const el = await fixture<EntryAnalytics>(html`<entry-analytics entry-id="e1"></entry-analytics>`);
    expect(text(el, '.details')[0]).to.contain('Connect a data source');
    expect(el.panelElements).to.have.length(0);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('renders the details header from the entry query, text never as HTML', async () => {
    const { el, provider } = await dashboard(
      fakeProvider(
        answers(
          entry({
            links: [
              { label: 'Media page', href: 'https://kms.example.com/media/e1' },
              { label: 'Evil', href: 'javascript:alert(1)' },
            ],
          }),
        ),
      ),
    );
    expect(provider.calls[0]).to.deep.equal({
      kind: 'entry',
      entryId: 'e1',
      range: { from: '2026-03-01', to: TODAY },
      timeZone: 'UTC',
      filters: {},
    });
    expect(provider.calls.filter((c) => c.kind === 'entry')).to.have.length(1);
    expect(text(el, '.name')).to.deep.equal(['Intro to <b>Chemistry</b>']);
    expect($(el, '.name').querySelector('b')).to.equal(null);
    expect(text(el, '.owner')).to.deep.equal(['Dr. Ebere Okafor']);
    expect(text(el, '.duration')).to.deep.equal(['14:02']);
    expect(text(el, '.created')).to.deep.equal(['Jan 10, 2026']);
    expect(text(el, '.type')).to.deep.equal(['Video']);
    expect($<HTMLImageElement>(el, 'img.thumb').getAttribute('src')).to.equal('https://cdn.example.com/thumb.jpg');
    const links = [...root(el).querySelectorAll('.entry-link')];
    expect(links[0]!.tagName).to.equal('A');
    expect(links[0]!.getAttribute('href')).to.equal('https://kms.example.com/media/e1');
    expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(links[1]!.tagName).to.equal('SPAN');
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('formats hours as h:mm:ss, hides the thumbnail unless http(s), and drops duration for images', async () => {
    const { el } = await dashboard(fakeProvider(answers(entry({ duration: 3725, thumbnail: 'data:image/png;base64,xx' }))));
    expect(text(el, '.duration')).to.deep.equal(['1:02:05']);
    expect($(el, 'img.thumb')).to.equal(null);
    const { el: img } = await dashboard(fakeProvider(answers(entry({ type: 'image', duration: 0 }))));
    expect(text(img, '.duration')).to.deep.equal([]);
    expect(text(img, '.type')).to.deep.equal(['Image']);
  });

  it('shows the back link only for http(s) URLs, with its label', async () => {
    const { el } = await dashboard();
    expect($(el, '.back-link')).to.equal(null);
    el.backLink = 'https://kms.example.com/media/e1';
    el.backLabel = 'Back to My Media';
    await el.updateComplete;
    expect($(el, '.back-link').getAttribute('href')).to.equal('https://kms.example.com/media/e1');
    expect(text(el, '.back-link')).to.deep.equal(['Back to My Media']);
    el.backLink = '/media/e1?tab=details';
    await el.updateComplete;
    expect($(el, '.back-link').getAttribute('href')).to.equal(new URL('/media/e1?tab=details', document.baseURI).href);
    expect($(el, '.back-link').hasAttribute('target')).to.equal(false);
    el.backLink = 'javascript:alert(1)';
    await el.updateComplete;
    expect($(el, '.back-link')).to.equal(null);
  });

  it('hands the last 30 days (the default) and the common inputs to the highlights panel', async () => {
    const { el, provider } = await dashboard();
    expect(el.panelElements.map((p) => p.localName)).to.deep.equal(['entry-highlights']);
    expect(lastTotals(provider.calls)).to.deep.equal({
      kind: 'totals',
      entryId: 'e1',
      range: { from: '2026-03-01', to: TODAY },
      timeZone: 'UTC',
      filters: {},
    });
    expect(text(el, '.range-text')).to.deep.equal(['Mar 1 – 30, 2026']);
    expect(highlights(el).shadowRoot!.querySelectorAll('[part=tile]')).to.have.length(5);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('turns each preset into the range the panels ask for', async () => {
    const { el, provider } = await dashboard();
    const expected: Record<string, { from: string; to: string }> = {
      last7: { from: '2026-03-24', to: TODAY },
      last90: { from: '2025-12-31', to: TODAY },
      last12months: { from: '2025-03-31', to: TODAY },
      thisMonth: { from: '2026-03-01', to: TODAY },
      thisYear: { from: '2026-01-01', to: TODAY },
      sinceCreation: { from: '2026-01-10', to: TODAY },
    };
    for (const [preset, range] of Object.entries(expected)) {
      await choose(el, 'preset', preset);
      await panelsLoaded(el);
      expect(lastTotals(provider.calls).range, preset).to.deep.equal(range);
    }
  });

  it('computes "today" in the time zone when no date is pinned', async () => {
    const provider = fakeProvider(answers());
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .panels=${HIGHLIGHTS_ONLY} .provider=${provider} entry-id="e1" time-zone="Pacific/Kiritimati" preset="last7"></entry-analytics>`,
    );
    await el.whenLoaded();
    await panelsLoaded(el);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(Date.now());
    expect(lastTotals(provider.calls).range.to).to.equal(today);
    expect(lastTotals(provider.calls).timeZone).to.equal('Pacific/Kiritimati');
  });

  it('compares with the previous period and with the same period last year', async () => {
    // An entry older than both compare periods (a younger one's compare period is not asked for: honest-compare tests).
    const { el, provider } = await dashboard(fakeProvider(answers(entry({ created: '2020-01-10T12:00:00Z' }))));
    const events = record(el, 'range-change');
    await choose(el, 'compare', 'previous');
    await panelsLoaded(el);
    expect(totalsCalls(provider.calls).slice(-2).map((c) => c.range)).to.deep.equal([
      { from: '2026-03-01', to: TODAY },
      { from: '2026-01-30', to: '2026-02-28' },
    ]);
    expect(highlights(el).compareFrom).to.equal('2026-01-30');
    expect(text(el, '.range-text')).to.deep.equal(['Mar 1 – 30, 2026 vs Jan 30 – Feb 28, 2026']);
    await choose(el, 'compare', 'lastYear');
    await panelsLoaded(el);
    expect(lastTotals(provider.calls).range).to.deep.equal({ from: '2025-03-01', to: '2025-03-30' });
    expect(events).to.deep.equal([
      {
        range: { from: '2026-03-01', to: TODAY },
        compare: { from: '2026-01-30', to: '2026-02-28' },
        preset: 'last30',
        compareMode: 'previous',
      },
      {
        range: { from: '2026-03-01', to: TODAY },
        compare: { from: '2025-03-01', to: '2025-03-30' },
        preset: 'last30',
        compareMode: 'lastYear',
      },
    ]);
    await choose(el, 'compare', 'none');
    expect(highlights(el).compareFrom).to.equal('');
    expect(events.at(-1)!.compare).to.equal(null);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('validates a custom range and applies it only when from ≤ to', async () => {
    const { el, provider } = await dashboard();
    const events = record(el, 'range-change');
    await choose(el, 'preset', 'custom');
    // starts from the period on screen
    expect($<HTMLInputElement>(el, 'input[name=from]').value).to.equal('2026-03-01');
    expect($<HTMLInputElement>(el, 'input[name=to]').value).to.equal(TODAY);
    expect(events.at(-1)).to.deep.include({ preset: 'custom', range: { from: '2026-03-01', to: TODAY } });

    await typeDates(el, '2026-02-10', '2026-02-01');
    expect(text(el, '.problem')).to.deep.equal(['The start date must not be after the end date.']);
    expect($(el, 'input[name=from]').getAttribute('aria-invalid')).to.equal('true');
    expect(highlights(el).from).to.equal('2026-03-01');
    expect(events).to.have.length(1);

    await typeDates(el, '2026-02-01', '2026-02-10');
    await panelsLoaded(el);
    expect(text(el, '.problem')).to.deep.equal([]);
    expect(lastTotals(provider.calls).range).to.deep.equal({ from: '2026-02-01', to: '2026-02-10' });
    expect(el.from).to.equal('2026-02-01');
    expect(events.at(-1)).to.deep.equal({
      range: { from: '2026-02-01', to: '2026-02-10' },
      compare: null,
      preset: 'custom',
      compareMode: 'none',
    });
    await typeDates(el, '', '2026-02-10');
    expect(text(el, '.problem')).to.deep.equal(['Enter both dates.']);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('takes a custom range from attributes', async () => {
    const provider = fakeProvider(answers(entry({ created: '2020-01-10T12:00:00Z' })));
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics
        .provider=${provider}
        .panels=${HIGHLIGHTS_ONLY}
        entry-id="e1"
        time-zone="UTC"
        today=${TODAY}
        preset="custom"
        from="2025-11-01"
        to="2025-11-30"
        compare="lastYear"
      ></entry-analytics>`,
    );
    await el.whenLoaded();
    await panelsLoaded(el);
    expect(totalsCalls(provider.calls).map((c) => c.range)).to.deep.equal([
      { from: '2025-11-01', to: '2025-11-30' },
      { from: '2024-11-01', to: '2024-11-30' },
    ]);
  });

  it('fires no event when the host sets properties', async () => {
    const { el, provider } = await dashboard();
    const ranges = record(el, 'range-change');
    const filters = record(el, 'filters-change');
    el.preset = 'last7';
    el.compare = 'previous';
    el.filters = { devices: ['Mobile'] };
    el.timeZone = 'Europe/Paris';
    await el.updateComplete;
    await panelsLoaded(el);
    expect(lastTotals(provider.calls).filters).to.deep.equal({ devices: ['Mobile'] });
    expect(lastTotals(provider.calls).timeZone).to.equal('Europe/Paris');
    expect(text(el, '.chip')).to.deep.equal(['Device: Mobile ×']);
    expect(ranges).to.deep.equal([]);
    expect(filters).to.deep.equal([]);
  });

  it('turns filter-add events from inside into chips passed to every panel, and removes them', async () => {
    const { el, provider } = await dashboard();
    const events = record(el, 'filters-change');
    emit(highlights(el), 'filter-add', { field: 'countries', value: 'FR', label: 'France' });
    await el.updateComplete;
    await panelsLoaded(el);
    expect(text(el, '.chip')).to.deep.equal(['Country: France ×']);
    expect(highlights(el).filters).to.deep.equal({ countries: ['FR'] });
    expect(lastTotals(provider.calls).filters).to.deep.equal({ countries: ['FR'] });
    // the same filter again is a no-op
    emit(highlights(el), 'filter-add', { field: 'countries', value: 'FR', label: 'France' });
    emit(highlights(el), 'filter-add', { field: 'devices', value: 'Tablet', label: 'Tablet' });
    await el.updateComplete;
    expect(el.filters).to.deep.equal({ countries: ['FR'], devices: ['Tablet'] });
    expect(events).to.deep.equal([{ filters: { countries: ['FR'] } }, { filters: { countries: ['FR'], devices: ['Tablet'] } }]);
    await settled(el);
    await expect(el).to.be.accessible();

    const remove = $<HTMLButtonElement>(el, '.chip button');
    expect(remove.getAttribute('aria-label')).to.equal('Remove filter Country: France');
    remove.click();
    await until(() => text(el, '.chip').length === 1);
    expect(events.at(-1)).to.deep.equal({ filters: { devices: ['Tablet'] } });
    // focus stays in the chip list
    expect(root(el).activeElement).to.equal($(el, '.chip button'));
    await panelsLoaded(el);
    expect(lastTotals(provider.calls).filters).to.deep.equal({ devices: ['Tablet'] });
  });

  it('adds a filter from the values in the data: searchable, keyboard-operable, unknown values refused', async () => {
    const VALUES: Record<string, FilterValue[]> = {
      countries: [
        { value: 'US', label: 'United States', plays: 120 },
        { value: 'FR', label: 'France', plays: 40 },
        { value: 'DE', label: 'Germany', plays: 12 },
      ],
      playbackTypes: [
        { value: 'vod', label: '', plays: 150 },
        { value: 'live', label: '', plays: 22 },
      ],
      users: [{ value: 'u-17', label: 'Ana Souza', plays: 9 }],
    };
    const provider = fakeProvider({
      ...answers(),
      filterValues: (q) => {
        const all = VALUES[q.field] ?? [];
        const s = (q.search ?? '').toLowerCase();
        const values = all.filter((v) => !s || v.value.toLowerCase().includes(s) || v.label.toLowerCase().includes(s));
        return { field: q.field, values: values.slice(0, q.limit), total: values.length };
      },
    });
    const { el } = await dashboard(provider);
    const events = record(el, 'filters-change');
    $<HTMLButtonElement>(el, '.add-filter').click();
    await el.updateComplete;
    await until(() => root(el).activeElement === $(el, 'select[name=filter-field]'));
    expect($<HTMLSelectElement>(el, 'select[name=filter-field]').value).to.equal('countries');
    const input = $<HTMLInputElement>(el, 'input[name=filter-value]');
    expect(input.getAttribute('role')).to.equal('combobox');
    await until(() => text(el, '.picker-status')[0] === '3 values');
    const asked = provider.calls.filter((c): c is FilterValuesQuery => c.kind === 'filterValues').at(-1)!;
    expect(asked).to.include({ field: 'countries', entryId: 'e1' });
    expect(asked.range).to.deep.equal(el.range);

    // Countries are searched by their name in the page's language, and by code.
    input.focus();
    await sendKeys({ type: 'ger' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(text(el, '[role=option]')).to.deep.equal(['Germany 12 plays']);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const option = $(el, '[role=option]');
    expect(input.getAttribute('aria-activedescendant')).to.equal(option.id);
    expect(option.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(events).to.deep.equal([{ filters: { countries: ['DE'] } }]);
    expect(text(el, '.chip')).to.deep.equal(['Country: Germany ×']);
    expect($(el, '.filter-form')).to.equal(null);
    expect(root(el).activeElement).to.equal($(el, '.add-filter'));

    // A value the data does not have gets a message, not a chip.
    $<HTMLButtonElement>(el, '.add-filter').click();
    await el.updateComplete;
    await until(() => text(el, '.picker-status')[0] === '3 values');
    $<HTMLInputElement>(el, 'input[name=filter-value]').focus();
    await sendKeys({ type: 'zz' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el, '.filter-form .problem')).to.deep.equal([
      'Country: “zz” is not in this period’s data. Choose a value from the list.',
    ]);
    expect(text(el, '.picker-status')).to.deep.equal(['No value matches.']);
    expect(events).to.have.length(1);
    // Typing the exact name adds it.
    const again = $<HTMLInputElement>(el, 'input[name=filter-value]');
    again.value = '';
    await sendKeys({ type: 'France' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.filters).to.deep.equal({ countries: ['DE', 'FR'] });
    // The field's own filter is left out of the question, so France was still offered.
    const second = provider.calls.filter((c): c is FilterValuesQuery => c.kind === 'filterValues').at(-1)!;
    expect(second.filters).to.deep.equal({});

    // Playback types: a click on an option adds it, with its localised name.
    $<HTMLButtonElement>(el, '.add-filter').click();
    await el.updateComplete;
    await choose(el, 'filter-field', 'playbackTypes');
    await until(() => text(el, '.picker-status')[0] === '2 values');
    $<HTMLInputElement>(el, 'input[name=filter-value]').click();
    await el.updateComplete;
    expect(text(el, '[role=option]')).to.deep.equal(['On demand 150 plays', 'Live 22 plays']);
    await settled(el);
    await expect(el).to.be.accessible();
    $<HTMLElement>(el, '[role=option][data-value=live]').click();
    await el.updateComplete;
    expect(el.filters).to.deep.equal({ countries: ['DE', 'FR'], playbackTypes: ['live'] });
    expect(text(el, '.chip')[2]).to.equal('Playback type: Live ×');

    // Users by name: the provider searches; the chip shows the name.
    $<HTMLButtonElement>(el, '.add-filter').click();
    await el.updateComplete;
    await choose(el, 'filter-field', 'users');
    $<HTMLInputElement>(el, 'input[name=filter-value]').focus();
    await sendKeys({ type: 'souza' });
    const isSearch = (c: Query): c is FilterValuesQuery => c.kind === 'filterValues' && c.search === 'souza';
    await until(() => provider.calls.some(isSearch));
    await until(() => text(el, '[role=option]')[0] === 'Ana Souza 9 plays');
    const searched = provider.calls.find(isSearch)!;
    expect(searched.field).to.equal('users');
    expect(searched.filters).to.deep.equal({ countries: ['DE', 'FR'], playbackTypes: ['live'] });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.filters.users).to.deep.equal(['u-17']);
    expect(text(el, '.chip')).to.include('User: Ana Souza ×');

    // Escape closes the list first, then the form, without adding.
    $<HTMLButtonElement>(el, '.add-filter').click();
    await el.updateComplete;
    $<HTMLInputElement>(el, 'input[name=filter-value]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '.filter-form')).to.not.equal(null);
    expect($<HTMLInputElement>(el, 'input[name=filter-value]').getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '.filter-form')).to.equal(null);
    expect(events).to.have.length(4);

    $<HTMLButtonElement>(el, '.clear-filters').click();
    await el.updateComplete;
    expect(el.filters).to.deep.equal({});
    expect(events.at(-1)).to.deep.equal({ filters: {} });
  });

  it('takes a typed value when the provider cannot list values, validating country codes', async () => {
    const { el } = await dashboard();
    const events = record(el, 'filters-change');
    $<HTMLButtonElement>(el, '.add-filter').click();
    await el.updateComplete;
    await until(() => text(el, '.picker-status')[0] === 'The values could not load; type one.');
    const input = $<HTMLInputElement>(el, 'input[name=filter-value]');
    expect(input.placeholder).to.equal('Two-letter code, e.g. FR');
    input.focus();
    await sendKeys({ type: 'France' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el, '.filter-form .problem')).to.deep.equal(['Enter a two-letter country code.']);
    expect(events).to.deep.equal([]);
    input.value = '';
    await sendKeys({ type: 'de' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(events).to.deep.equal([{ filters: { countries: ['DE'] } }]);
    expect(text(el, '.chip')).to.deep.equal(['Country: Germany ×']);
  });

  it('hides the panels the host names', async () => {
    const { el } = await dashboard();
    expect(el.panelElements).to.have.length(1);
    el.hiddenPanels = 'funnel highlights';
    await el.updateComplete;
    expect(el.panelElements).to.have.length(0);
    expect($(el, '[data-panel=highlights]')).to.equal(null);
  });

  it('lays out only the panels that fit an image entry', async () => {
    const provider = fakeProvider(answers(entry({ type: 'image', duration: 0 })));
    const { el } = await dashboard(provider);
    const h = highlights(el);
    expect(h.metrics).to.deep.equal(['impressions', 'plays', 'uniqueViewers']);
    expect(h.shadowRoot!.querySelectorAll('[part=tile]')).to.have.length(3);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('lays out registry panels by span, only for their entry types, only when defined', async () => {
    const provider = fakeProvider(answers());
    const panel = (id: string, tag: string, entryTypes: ('video' | 'image')[], span: 'full' | 'half') => ({
      id,
      tag,
      entryTypes,
      span,
      render: () => html`<entry-highlights></entry-highlights>`,
    });
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics
        .provider=${provider}
        entry-id="e1"
        today=${TODAY}
        .panels=${[
          panel('a', 'entry-highlights', ['video'], 'half'),
          panel('b', 'entry-highlights', ['image'], 'half'),
          panel('c', 'not-defined-panel', ['video'], 'half'),
          panel('d', 'entry-highlights', ['video'], 'half'),
          panel('e', 'entry-highlights', ['video'], 'half'),
        ]}
      ></entry-analytics>`,
    );
    await el.whenLoaded();
    const cells = () => [...root(el).querySelectorAll<HTMLElement>('.cell')].map((c) => `${c.dataset.panel}:${c.className}`);
    expect(cells()).to.deep.equal(['a:cell half', 'd:cell half', 'e:cell full']);
    el.hiddenPanels = 'd';
    await el.updateComplete;
    expect(cells()).to.deep.equal(['a:cell half', 'e:cell half']);
  });

  it('pairs half-width panels and widens a lone one', () => {
    const spans = (s: string) => layoutSpans([...s].map((c) => ({ span: c === 'h' ? 'half' : 'full' }) as const));
    expect(spans('fhhf')).to.deep.equal(['full', 'half', 'half', 'full']);
    expect(spans('fhf')).to.deep.equal(['full', 'full', 'full']);
    expect(spans('hhh')).to.deep.equal(['half', 'half', 'full']);
    expect(spans('')).to.deep.equal([]);
  });

  it('lays out every panel of the registry for a video, in order, each with the common inputs', async () => {
    const provider = fakeProvider(answers(entry({ markers: [{ time: 60, label: 'Part 2', kind: 'chapter' }] })));
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .provider=${provider} entry-id="e1" time-zone="UTC" today=${TODAY} compare="previous"></entry-analytics>`,
    );
    await el.whenLoaded();
    const cells = [...root(el).querySelectorAll<HTMLElement>('.cell')].map((c) => `${c.dataset.panel}:${c.className.replace('cell ', '')}`);
    expect(cells).to.deep.equal([
      'highlights:full',
      'playback:full',
      'time:full',
      'funnel:half',
      'devices:half',
      'users:full',
      'heatmap:full',
      'countries:full',
      'domains:full',
    ]);
    for (const p of el.panelElements as (HTMLElement & Record<string, unknown>)[]) {
      expect(p.entryId, p.localName).to.equal('e1');
      expect(p.from, p.localName).to.equal('2026-03-01');
      expect(p.to, p.localName).to.equal(TODAY);
      expect(p.compareFrom, p.localName).to.equal('2026-01-30');
      expect(p.timeZone, p.localName).to.equal('UTC');
      expect(p.provider, p.localName).to.equal(provider);
    }
    expect((el.panelElements[1] as unknown as { markers: unknown[] }).markers).to.have.length(1);
    expect(el.panelElements[2]!.getAttribute('granularity')).to.equal('day');
    await choose(el, 'preset', 'last12months');
    expect(el.panelElements[2]!.getAttribute('granularity')).to.equal('month');
  });

  it('renders the whole dashboard on the sample data, every panel loaded and accessible', async function () {
    // Nine panels on the sample plus an axe pass over all of them: ~15 s on a busy 2-core machine, so more than the
    // default 20 s of room.
    this.timeout(60_000);
    const range = sampleRange();
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics
        .provider=${sampleProvider()}
        entry-id=${SAMPLE_ENTRY_ID}
        time-zone="UTC"
        today=${range.to}
        compare="previous"
      ></entry-analytics>`,
    );
    await el.whenLoaded();
    await settled(el);
    expect(el.panelElements).to.have.length(9);
    for (const p of el.panelElements) expect(p.shadowRoot!.querySelector('[role=alert]'), p.localName).to.equal(null);
    expect(text(el, '.name')[0]).to.contain('Carbon Cycle');
    await expect(el).to.be.accessible();
  });

  it('gives an image entry only the panels that fit it', async () => {
    const provider = fakeProvider({
      ...answers(entry({ type: 'image', duration: 0 })),
      devices: () => devicesResult(),
      geo: () => geoResult('country', [{ name: 'France', code: 'FR', plays: 10 }]),
      domains: (q) => domainsResult(3, q.page.offset, q.page.limit),
    });
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .provider=${provider} entry-id="e1" time-zone="UTC" today=${TODAY}></entry-analytics>`,
    );
    await el.whenLoaded();
    const cells = [...root(el).querySelectorAll<HTMLElement>('.cell')].map((c) => `${c.dataset.panel}:${c.className.replace('cell ', '')}`);
    expect(cells).to.deep.equal(['highlights:full', 'time:full', 'devices:full', 'countries:full', 'domains:full']);
    expect(el.panelElements.map((p) => p.localName)).to.not.include('playback-views');
    // The breakdown panels learn the entry's type: no column of playback metrics in their tables or CSV.
    for (const tag of ['devices-overview', 'top-countries', 'top-domains-table']) {
      const panel = el.panelElements.find((p) => p.localName === tag) as unknown as { entryType: string; whenLoaded(): Promise<void>; toCsv(h?: string): string | undefined };
      expect(panel.entryType, tag).to.equal('image');
      await panel.whenLoaded();
      const head = panel.toCsv('fields')?.split('\r\n')[0] ?? '';
      expect(head, tag).to.contain('plays');
      expect(head, tag).to.not.match(/minutesViewed|avgCompletionRate|avgDropOffRate/);
    }
  });

  it('shows an error with a retry when the entry query fails, and recovers', async () => {
    let fail = true;
    const provider = fakeProvider({
      entry: () => {
        if (fail) throw new Error('Entry service down');
        return entry();
      },
      totals: () => totals(),
    });
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .panels=${HIGHLIGHTS_ONLY} .provider=${provider} entry-id="e1" today=${TODAY}></entry-analytics>`,
    );
    await el.whenLoaded();
    const alert = $(el, '[role=alert]');
    expect(alert.textContent).to.contain('The entry details could not load.');
    expect(alert.textContent).to.contain('Entry service down');
    expect(el.panelElements).to.have.length(0);
    await settled(el);
    await expect(el).to.be.accessible();
    fail = false;
    alert.querySelector('button')!.click();
    await until(() => text(el, '.name').length === 1);
    expect($(el, '[role=alert]')).to.equal(null);
    expect(el.panelElements).to.have.length(1);
  });

  it('reports a malformed entry and a timeout as errors', async () => {
    const bad = fakeProvider({ entry: () => ({ ...entry(), type: 'podcast' }) as never });
    const { el } = await dashboard(bad);
    expect($(el, '[role=alert]').textContent).to.match(/type/);
    const hang = fakeProvider({ entry: () => new Promise<never>(() => {}) });
    const slow = await fixture<EntryAnalytics>(
      html`<entry-analytics .provider=${hang} entry-id="e1" .timeout=${50}></entry-analytics>`,
    );
    await slow.whenLoaded();
    expect($(slow, '[role=alert]').textContent).to.contain('did not answer within');
  });

  it('keeps the last entry visible and dimmed while another loads', async () => {
    let release!: () => void;
    const provider = fakeProvider({
      entry: (q) =>
        q.entryId === 'e1' ? entry() : new Promise((r) => (release = () => r(entry({ id: 'e2', name: 'Second' })))),
      totals: () => totals(),
    });
    const { el } = await dashboard(provider);
    el.entryId = 'e2';
    await until(() => $(el, '.details.stale') !== null);
    expect(text(el, '.name')).to.deep.equal(['Intro to <b>Chemistry</b>']);
    expect($(el, '.details').getAttribute('aria-busy')).to.equal('true');
    release();
    await until(() => text(el, '.name')[0] === 'Second');
    expect($(el, '.details.stale')).to.equal(null);
  });

  it('formats dates and numbers for its language and mirrors right-to-left languages', async () => {
    const provider = fakeProvider(answers());
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .panels=${HIGHLIGHTS_ONLY} lang="ar" .provider=${provider} entry-id="e1" time-zone="UTC" today=${TODAY}></entry-analytics>`,
    );
    await el.whenLoaded();
    await panelsLoaded(el);
    expect($(el, '.shell').getAttribute('dir')).to.equal('rtl');
    const expectedRange = new Intl.DateTimeFormat('ar', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).formatRange(
      Date.UTC(2026, 2, 1),
      Date.UTC(2026, 2, 30),
    );
    expect(text(el, '.range-text')[0]).to.equal(expectedRange);
    expect(highlights(el).lang).to.equal('ar');
    expect(highlights(el).shadowRoot!.querySelector('section')!.getAttribute('dir')).to.equal('rtl');

    const de = await fixture<EntryAnalytics>(
      html`<entry-analytics .panels=${HIGHLIGHTS_ONLY} lang="de" .provider=${provider} entry-id="e1" time-zone="UTC" today=${TODAY}></entry-analytics>`,
    );
    await de.whenLoaded();
    expect(text(de, '.created')).to.deep.equal(['10. Jan. 2026']);
  });

  it('lets range-change listeners see the new range on the element', async () => {
    const { el } = await dashboard();
    setTimeout(() => choose(el, 'preset', 'last7'));
    const e = await oneEvent(el, 'range-change');
    expect(e.detail.range).to.deep.equal({ from: '2026-03-24', to: TODAY });
    expect(el.range).to.deep.equal({ from: '2026-03-24', to: TODAY });
    expect(el.preset).to.equal('last7');
  });
});
