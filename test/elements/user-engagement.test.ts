import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/user-engagement/define.js';
import type { UserEngagement } from '../../src/elements/user-engagement/user-engagement.js';
import type { ClassEngagement } from '../../src/elements/class-engagement/class-engagement.js';
import type { EngagementHeatmap } from '../../src/elements/engagement-heatmap/engagement-heatmap.js';
import type { HeatmapQuery, UserRow, UsersQuery } from '../../src/data/types.js';
import { fakeProvider, failingProvider } from '../support/providers.js';

/** Polls with timers (not animation frames, which pause in a background tab when test files run side by side). */
async function waitFor(predicate: () => boolean, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}


/** 60 users: u0 … u59; u7 has no name in the directory. */
const PEOPLE: UserRow[] = Array.from({ length: 60 }, (_, k) => ({
  userId: `u${k}`,
  name: k === 7 ? 'u7' : `Student ${String(k).padStart(2, '0')}`,
  impressions: 1000 + k,
  plays: k * 3,
  avgCompletionRate: k + 0.25,
  totalCompletionRate: Math.min(100, k * 2),
}));

/** A provider that sorts, filters and pages like a server would. */
function usersProvider() {
  return fakeProvider({
    users: (q: UsersQuery) => {
      const needle = (q.search ?? '').toLowerCase();
      const rows = PEOPLE.filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.userId.includes(needle));
      const f = q.sort.field;
      const dir = q.sort.direction === 'asc' ? 1 : -1;
      rows.sort((a, b) => (f === 'name' ? a.name.localeCompare(b.name) : (a[f] as number) - (b[f] as number)) * dir);
      return { rows: rows.slice(q.page.offset, q.page.offset + q.page.limit), total: rows.length };
    },
    heatmap: (q: HeatmapQuery) => ({
      duration: 600,
      users: (q.userIds ?? PEOPLE.map((p) => p.userId)).map((id) => ({
        userId: id,
        name: PEOPLE.find((p) => p.userId === id)?.name ?? id,
        counts: new Array(100).fill(1),
      })),
    }),
  });
}

const root = (el: Element) => el.shadowRoot!;
const cells = (el: UserEngagement) =>
  [...root(el).querySelectorAll('tbody tr:not(.detail)')].map((tr) =>
    [...tr.children].map((c) => (c.querySelector('.name') ?? c).textContent!.replace(/\s+/g, ' ').trim()),
  );
const lastUsersQuery = (p: ReturnType<typeof usersProvider>) =>
  p.calls.filter((c) => c.kind === 'users').at(-1) as UsersQuery;

async function mount(provider = usersProvider(), extra = '') {
  void extra;
  const el = await fixture<UserEngagement>(
    html`<user-engagement .provider=${provider} entry-id="e1" from="2026-01-01" to="2026-01-31" time-zone="UTC" page-size="10"></user-engagement>`,
  );
  await el.whenLoaded();
  return { el, provider };
}

describe('<user-engagement>', () => {
  it('asks for the first page sorted by plays and shows the rows with Intl figures and bars', async () => {
    const { el, provider } = await mount();
    expect(provider.calls).to.deep.equal([
      {
        kind: 'users',
        entryId: 'e1',
        range: { from: '2026-01-01', to: '2026-01-31' },
        timeZone: 'UTC',
        filters: {},
        sort: { field: 'plays', direction: 'desc' },
        page: { offset: 0, limit: 10 },
      },
    ]);
    const rows = cells(el);
    expect(rows).to.have.length(10);
    expect(rows[0]).to.deep.equal(['Student 59', '1,059', '177', '59.3%', '100%']);
    expect(root(el).querySelector('.count')!.textContent).to.contain('60 users');
    // The count says what it counts (signed-in users with an impression or a play), on hover and on focus.
    const count = root(el).querySelector<HTMLElement>('.count .has-help')!;
    expect(count.tabIndex).to.equal(0);
    expect(count.dataset['help']).to.contain('Signed-in users with a player impression or a play');
    expect(count.getAttribute('aria-label')).to.contain('60 users: Signed-in users');
    const sorted = [...root(el).querySelectorAll('thead th')].map((th) => th.getAttribute('aria-sort'));
    expect(sorted).to.deep.equal(['none', 'none', 'descending', 'none', 'none']);
    const bar = root(el).querySelector<HTMLElement>('tbody tr .bar > span')!;
    expect(bar.style.width).to.equal('59.25%');
    await expect(el).to.be.accessible();
  });

  it('sorts by any column from its header button, toggling the direction', async () => {
    const { el, provider } = await mount();
    root(el).querySelector<HTMLButtonElement>('button.sort[data-field=name]')!.click();
    await waitFor(() => lastUsersQuery(provider).sort.field === 'name');
    await el.whenLoaded();
    expect(lastUsersQuery(provider).sort).to.deep.equal({ field: 'name', direction: 'asc' });
    expect(lastUsersQuery(provider).page.offset).to.equal(0);
    expect(cells(el)[0]![0]).to.equal('Student 00');
    expect(root(el).querySelector('thead th')!.getAttribute('aria-sort')).to.equal('ascending');
    root(el).querySelector<HTMLButtonElement>('button.sort[data-field=name]')!.click();
    await waitFor(() => lastUsersQuery(provider).sort.direction === 'desc');
    await el.whenLoaded();
    expect(cells(el)[0]![0]).to.equal('u7');
    expect(root(el).querySelector('thead th')!.getAttribute('aria-sort')).to.equal('descending');
    root(el).querySelector<HTMLButtonElement>('button.sort[data-field=totalCompletionRate]')!.click();
    await waitFor(() => lastUsersQuery(provider).sort.field === 'totalCompletionRate');
    expect(lastUsersQuery(provider).sort.direction).to.equal('desc');
  });

  it('filters users by name or id in the provider, starting again at the first page', async () => {
    const { el, provider } = await mount();
    root(el).querySelector<HTMLButtonElement>('[data-page=next]')!.click();
    await waitFor(() => lastUsersQuery(provider).page.offset === 10);
    await el.whenLoaded();
    const input = root(el).querySelector<HTMLInputElement>('input[type=search]')!;
    input.focus();
    await sendKeys({ type: 'student 1' });
    await waitFor(() => lastUsersQuery(provider).search === 'student 1');
    await el.whenLoaded();
    expect(lastUsersQuery(provider).page.offset).to.equal(0);
    expect(cells(el).map((r) => r[0])).to.deep.equal(['Student 19', 'Student 18', 'Student 17', 'Student 16', 'Student 15', 'Student 14', 'Student 13', 'Student 12', 'Student 11', 'Student 10']);
    expect(root(el).querySelector('.count')!.textContent).to.contain('10 users match “student 1”');
    input.value = 'nobody';
    input.dispatchEvent(new Event('input'));
    await waitFor(() => lastUsersQuery(provider).search === 'nobody');
    await el.whenLoaded();
    expect(root(el).textContent).to.contain('No user matches “nobody”.');
    await expect(el).to.be.accessible();
  });

  it('pages through the users and renders only one page of rows', async () => {
    const { el, provider } = await mount();
    const status = () => root(el).querySelector('.pager .status')!.textContent!.trim();
    expect(status()).to.equal('1–10 of 60');
    expect(root(el).querySelector<HTMLButtonElement>('[data-page=previous]')!.disabled).to.equal(true);
    root(el).querySelector<HTMLButtonElement>('[data-page=last]')!.click();
    await waitFor(() => lastUsersQuery(provider).page.offset === 50);
    await el.whenLoaded();
    expect(status()).to.equal('51–60 of 60');
    expect(root(el).querySelector<HTMLButtonElement>('[data-page=next]')!.disabled).to.equal(true);
    expect(root(el).querySelectorAll('tbody tr')).to.have.length(10);
    const select = root(el).querySelector<HTMLSelectElement>('.pager select')!;
    select.value = '50';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => lastUsersQuery(provider).page.limit === 50);
    expect(lastUsersQuery(provider).page.offset).to.equal(0);
  });

  it('expands a row to that user’s heatmap and collapses it again', async () => {
    const { el, provider } = await mount();
    const toggle = root(el).querySelector<HTMLButtonElement>('tbody tr .disclosure')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Show the heatmap of Student 59');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const hm = root(el).querySelector<EngagementHeatmap>('tr.detail engagement-heatmap')!;
    expect(hm).to.exist;
    expect(root(el).querySelector('tr.detail')!.id).to.equal(toggle.getAttribute('aria-controls'));
    await hm.whenLoaded();
    const q = provider.calls.find((c) => c.kind === 'heatmap') as HeatmapQuery;
    expect(q.userIds).to.deep.equal(['u59']);
    expect(q.range).to.deep.equal({ from: '2026-01-01', to: '2026-01-31' });
    expect(root(hm).querySelector('h2')!.textContent).to.equal('Heatmap of Student 59');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(root(el).querySelector('tr.detail')).to.equal(null);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('fires user-select when a name is activated, by click or keyboard, and never on programmatic sets', async () => {
    const { el } = await mount();
    const seen: unknown[] = [];
    el.addEventListener('user-select', (e) => seen.push(e.detail));
    el.sort = { field: 'name', direction: 'asc' };
    el.search = 'stud';
    el.filters = { countries: ['FR'] };
    el.pageSize = 20;
    await el.whenLoaded();
    expect(seen).to.deep.equal([]);
    const name = root(el).querySelector<HTMLButtonElement>('tbody tr button.name')!;
    setTimeout(() => name.click());
    const ev = await oneEvent(el, 'user-select');
    expect(ev.detail).to.deep.equal({ userId: 'u0', name: 'Student 00' });
    expect(ev.bubbles && ev.composed).to.equal(true);
    root(el).querySelectorAll<HTMLButtonElement>('tbody tr button.name')[1]!.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const ev2 = await oneEvent(el, 'user-select');
    expect(ev2.detail).to.deep.equal({ userId: 'u1', name: 'Student 01' });
  });

  it('exports the page, and every matching user through the provider', async () => {
    const { el, provider } = await mount();
    const page = el.toCsv()!.split('\r\n');
    expect(page[0]).to.equal('User id,User,Player impressions,Plays,Avg. completion rate,Total completion rate');
    // Rates rounded as shown (59.3 %); field names on request.
    expect(page[1]).to.equal('u59,Student 59,1059,177,59.3,100');
    expect(el.toCsv('fields')!.split('\r\n')[0]).to.equal('userId,name,impressions,plays,avgCompletionRate,totalCompletionRate');
    expect(page).to.have.length(12);
    const all = (await el.csvAll())!.split('\r\n');
    expect(all).to.have.length(62);
    expect(lastUsersQuery(provider).page).to.deep.equal({ offset: 0, limit: 60 });
    expect(all[60]).to.equal('u0,Student 00,1000,0,0.3,0');
  });

  it('shows the class view of the filtered users on demand', async () => {
    const { el, provider } = await mount();
    el.search = 'student 0';
    await el.whenLoaded();
    const btn = root(el).querySelector<HTMLButtonElement>('.class-toggle')!;
    expect(btn.getAttribute('aria-pressed')).to.equal('false');
    btn.click();
    await el.updateComplete;
    const cls = root(el).querySelector<ClassEngagement>('class-engagement')!;
    expect(cls).to.exist;
    expect(cls.search).to.equal('student 0');
    await cls.whenLoaded();
    const q = provider.calls.find((c) => c.kind === 'heatmap') as HeatmapQuery;
    expect(q.search).to.equal('student 0');
    expect(q.userIds).to.equal(undefined);
    // Student 00 … 09 but u7, whose directory has no name
    expect(root(cls).querySelector('.muted')!.textContent).to.contain('9 users');
  });

  it('shows the empty and error states', async () => {
    const empty = await fixture<UserEngagement>(
      html`<user-engagement .provider=${fakeProvider({ users: () => ({ rows: [], total: 0 }) })} entry-id="e1"></user-engagement>`,
    );
    await empty.whenLoaded();
    expect(root(empty).textContent).to.contain('No data for this period');
    await expect(empty).to.be.accessible();
    const bad = await fixture<UserEngagement>(html`<user-engagement .provider=${failingProvider('users down')} entry-id="e1"></user-engagement>`);
    await bad.whenLoaded();
    expect(root(bad).querySelector('[role=alert]')!.textContent).to.contain('users down');
    await expect(bad).to.be.accessible();
  });
});
