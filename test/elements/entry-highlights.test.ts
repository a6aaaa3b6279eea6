import { sendKeys } from '@web/test-runner-commands';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/entry-highlights/define.js';
import '../../src/i18n/fr.js';
import type { EntryHighlights } from '../../src/elements/entry-highlights/entry-highlights.js';
import { fakeProvider, failingProvider, garbageProvider, hangingProvider, totals, until } from '../support/providers.js';

const text = (el: EntryHighlights, sel: string) =>
  [...el.shadowRoot!.querySelectorAll(sel)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

describe('<entry-highlights>', () => {
  it('shows the initial state without a provider', async () => {
    const el = await fixture<EntryHighlights>(html`<entry-highlights entry-id="e1"></entry-highlights>`);
    expect(el.shadowRoot!.textContent).to.contain('Connect a data source');
    await expect(el).to.be.accessible();
  });

  it('shows the five tiles with Intl-formatted values and asks for the range', async () => {
    const provider = fakeProvider({ totals: () => totals() });
    const el = await fixture<EntryHighlights>(
      html`<entry-highlights .provider=${provider} entry-id="e1" from="2026-01-01" to="2026-01-31" time-zone="Europe/Paris"></entry-highlights>`,
    );
    await el.whenLoaded();
    expect(text(el, '.value')).to.deep.equal(['1,000', '400', '120', '2,346', '42.5%']);
    expect(provider.calls).to.deep.equal([
      { kind: 'totals', entryId: 'e1', range: { from: '2026-01-01', to: '2026-01-31' }, timeZone: 'Europe/Paris', filters: {} },
    ]);
    expect(text(el, '.trend')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says what each figure counts, on hover and on keyboard focus, in the page\'s language', async () => {
    const el = await fixture<EntryHighlights>(
      html`<entry-highlights .provider=${fakeProvider({ totals: () => totals() })} entry-id="e1" from="2026-01-01" to="2026-01-31"></entry-highlights>`,
    );
    await el.whenLoaded();
    const label = el.shadowRoot!.querySelector<HTMLElement>('[data-metric="uniqueViewers"] .label .has-help')!;
    expect(label.textContent!.trim()).to.equal('Unique viewers');
    // The tiles' help texts are one Tab stop together; arrows move between them.
    const helps = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.has-help')];
    expect(helps.map((h) => h.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    helps[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(helps[1]);
    expect(helps.map((h) => h.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1]);
    expect(label.dataset['help']).to.contain('all anonymous viewers together count as one');
    expect(label.getAttribute('aria-label')).to.equal(`Unique viewers: ${label.dataset['help']}`);
    label.focus();
    expect(getComputedStyle(label, '::after').content).to.contain('Distinct users who played');
    expect(el.shadowRoot!.querySelectorAll('.has-help')).to.have.length(5);
    el.lang = 'fr';
    await el.updateComplete;
    const fr = el.shadowRoot!.querySelector<HTMLElement>('[data-metric="uniqueViewers"] .has-help')!;
    expect(fr.dataset['help']).to.contain('spectateurs anonymes');
    await expect(el).to.be.accessible();
  });

  it('fires no event when the host sets its properties', async () => {
    const provider = fakeProvider({ totals: () => totals() });
    const el = await fixture<EntryHighlights>(html`<entry-highlights .provider=${provider} entry-id="e1"></entry-highlights>`);
    await el.whenLoaded();
    const seen: string[] = [];
    for (const name of ['seek', 'user-select', 'filter-add', 'range-change', 'filters-change'])
      el.addEventListener(name, () => seen.push(name));
    Object.assign(el, { from: '2026-01-01', to: '2026-01-31', compareFrom: '2025-12-01', compareTo: '2025-12-31', lang: 'de' });
    el.metrics = ['plays'];
    await el.whenLoaded();
    expect(seen).to.deep.equal([]);
    expect(provider.calls).to.have.length(3);
  });

  it('formats numbers for the element language', async () => {
    const provider = fakeProvider({ totals: () => totals({ impressions: 1234567 }) });
    const el = await fixture<EntryHighlights>(
      html`<entry-highlights lang="de" .provider=${provider} entry-id="e1"></entry-highlights>`,
    );
    await el.whenLoaded();
    expect(text(el, '.value')[0]).to.equal('1.234.567');
    expect(text(el, '.value')[4]).to.equal('42,5 %');
  });

  it('follows a language set by property, direction included', async () => {
    const el = await fixture<EntryHighlights>(
      html`<entry-highlights .provider=${fakeProvider({ totals: () => totals() })} entry-id="e1"></entry-highlights>`,
    );
    await el.whenLoaded();
    el.lang = 'ar-EG';
    await el.updateComplete;
    expect(text(el, '.value')[1]).to.equal('٤٠٠');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('dir')).to.equal('rtl');
  });

  it('shows trends against the compare period: relative for counts, points for rates', async () => {
    const provider = fakeProvider({
      totals: (q) =>
        q.range.from === '2026-02-01'
          ? totals({ plays: 500, avgCompletionRate: 48.5, uniqueViewers: 0 })
          : totals({ plays: 400, avgCompletionRate: 42.5, uniqueViewers: 0, impressions: 0 }),
    });
    const el = await fixture<EntryHighlights>(
      html`<entry-highlights
        .provider=${provider}
        entry-id="e1"
        from="2026-02-01"
        to="2026-02-28"
        compare-from="2026-01-04"
        compare-to="2026-01-31"
      ></entry-highlights>`,
    );
    await el.whenLoaded();
    const trends = text(el, '.trend');
    expect(trends[0]).to.contain('new in this period'); // 0 impressions before
    expect(trends[1]).to.contain('up 25%'); // 400 → 500
    expect(trends[2]).to.contain('no change'); // 0 → 0
    expect(trends[4]).to.contain('up 6 pts'); // 42.5 % → 48.5 %
    expect(el.shadowRoot!.querySelector('.trend.up')).to.exist;
    expect(provider.calls.map((c) => c.range)).to.deep.equal([
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-01-04', to: '2026-01-31' },
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when the provider rejects, and recovers on retry', async () => {
    let fail = true;
    const provider = fakeProvider({
      totals: () => {
        if (fail) throw new Error('Service unavailable');
        return totals();
      },
    });
    const el = await fixture<EntryHighlights>(html`<entry-highlights .provider=${provider} entry-id="e1"></entry-highlights>`);
    await el.whenLoaded();
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('Service unavailable');
    await expect(el).to.be.accessible();
    fail = false;
    (alert.querySelector('button') as HTMLButtonElement).click();
    await until(() => text(el, '.value').length === 5);
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('reports malformed data as an error naming the field', async () => {
    const el = await fixture<EntryHighlights>(
      html`<entry-highlights .provider=${garbageProvider({ ...totals(), plays: 'many' })} entry-id="e1"></entry-highlights>`,
    );
    await el.whenLoaded();
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.match(/plays: expected a non-negative integer/);
  });

  it('times out a provider that hangs', async () => {
    const el = await fixture<EntryHighlights>(
      html`<entry-highlights .provider=${hangingProvider()} .timeout=${50} entry-id="e1"></entry-highlights>`,
    );
    await el.whenLoaded();
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('did not answer within');
  });

  it('keeps the last result visible and dimmed while reloading', async () => {
    let release!: () => void;
    let n = 0;
    const provider = fakeProvider({
      totals: () => (n++ === 0 ? totals() : new Promise((r) => (release = () => r(totals({ plays: 7 }))))),
    });
    const el = await fixture<EntryHighlights>(html`<entry-highlights .provider=${provider} entry-id="e1"></entry-highlights>`);
    await el.whenLoaded();
    el.filters = { devices: ['Mobile'] };
    await until(() => el.shadowRoot!.querySelector('.body.stale') !== null);
    expect(text(el, '.value')[1]).to.equal('400');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
    release();
    await until(() => text(el, '.value')[1] === '7');
    expect(el.shadowRoot!.querySelector('.body.stale')).to.equal(null);
  });

  it('shows only the metrics asked for', async () => {
    const el = await fixture<EntryHighlights>(
      html`<entry-highlights .provider=${fakeProvider({ totals: () => totals() })} .metrics=${['plays']} entry-id="e1"></entry-highlights>`,
    );
    await el.whenLoaded();
    expect(text(el, '.label')).to.deep.equal(['Plays']);
  });

  it('exports its data as CSV with both periods', async () => {
    const el = await fixture<EntryHighlights>(
      html`<entry-highlights
        .provider=${fakeProvider({ totals: (q) => totals({ plays: q.range.from === '2026-02-01' ? 5 : 3 }) })}
        entry-id="e1"
        from="2026-02-01"
        to="2026-02-02"
        compare-from="2026-01-30"
        compare-to="2026-01-31"
      ></entry-highlights>`,
    );
    await el.whenLoaded();
    const csv = el.toCsv('fields')!.split('\r\n');
    expect(csv[0]).to.equal('metric,2026-02-01..2026-02-02,2026-01-30..2026-01-31');
    expect(csv[2]).to.equal('plays,5,3');
    const shown = el.toCsv()!.split('\r\n');
    expect(shown[0]).to.equal('Metric,"Feb 1 – 2, 2026","Jan 30 – 31, 2026"');
    expect(shown[2]).to.equal('Plays,5,3');
  });

  it('shows a failure in its own panel only', async () => {
    const wrap = await fixture(html`<div>
      <entry-highlights id="bad" .provider=${failingProvider('down')} entry-id="e1"></entry-highlights>
      <entry-highlights id="good" .provider=${fakeProvider({ totals: () => totals() })} entry-id="e1"></entry-highlights>
    </div>`);
    const bad = wrap.querySelector<EntryHighlights>('#bad')!;
    const good = wrap.querySelector<EntryHighlights>('#good')!;
    await Promise.all([bad.whenLoaded(), good.whenLoaded()]);
    expect(bad.shadowRoot!.querySelector('[role=alert]')).to.exist;
    expect(good.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    expect(text(good, '.value')).to.have.length(5);
  });
});
