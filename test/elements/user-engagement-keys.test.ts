import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/user-engagement/define.js';
import type { UserEngagement } from '../../src/elements/user-engagement/user-engagement.js';
import type { UserRow, UsersQuery } from '../../src/data/types.js';
import { fakeProvider } from '../support/providers.js';
import { tabStops } from '../support/tab-stops.js';

const PEOPLE: UserRow[] = Array.from({ length: 23 }, (_, k) => ({
  userId: `u${k}`,
  name: `Person ${k}`,
  impressions: 30 - k,
  plays: 25 - k,
  avgCompletionRate: 0.5,
  totalCompletionRate: 0.4,
}));

const provider = () =>
  fakeProvider({
    users: (q: UsersQuery) => ({ rows: PEOPLE.slice(q.page.offset, q.page.offset + q.page.limit), total: PEOPLE.length }),
    heatmap: () => ({ duration: 600, users: [] }),
  });

const focused = (el: UserEngagement) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<user-engagement> keyboard economy', () => {
  it('the rows are one Tab stop; arrows move between rows and between a row’s two buttons, Enter expands', async () => {
    const el = await fixture<UserEngagement>(
      html`<user-engagement .provider=${provider()} entry-id="e1" from="2026-01-01" to="2026-01-31" time-zone="UTC" page-size="10"></user-engagement>`,
    );
    await el.whenLoaded();
    const table = el.shadowRoot!.querySelector('tbody')!; // the rows (the column titles' sort buttons stay stops of their own)
    expect(tabStops(table)).to.have.length(1);
    const first = tabStops(table)[0] as HTMLElement;
    first.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused(el)!.closest('tr')!.dataset['user']).to.equal('u1');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)!.classList.contains('name')).to.equal(true);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)!.closest('tr')!.dataset['user']).to.equal('u9');
    expect(tabStops(table)).to.have.length(1);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focused(el)!.classList.contains('disclosure')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
