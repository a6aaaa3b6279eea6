import { expect } from '@open-wc/testing';
import { deepAll, sampleDashboard } from '../support/dashboard.js';
import { tabStops } from '../support/tab-stops.js';
import { setDefaultGeometryUrl } from '../../src/elements/top-countries/atlas.js';

describe('Tab stops of the default dashboard', function () {
  this.timeout(90_000);
  after(() => setDefaultGeometryUrl(undefined));

  it('the users table rows take one stop; the count of one pass of Tab is reported', async () => {
    const el = await sampleDashboard();
    const users = deepAll(el.shadowRoot!, 'user-engagement')[0]!;
    const rows = users.shadowRoot!.querySelector('tbody')!;
    expect(tabStops(rows)).to.have.length(1);
    const stops = tabStops(el.shadowRoot!);
    // Before roving focus every row's two buttons and the scroll region were stops.
    const before = stops.length - 1 + rows.querySelectorAll('button').length + 1;
    console.log(`Tab stops, default dashboard on the sample data: ${stops.length} (the same page with the users table's former stops: ${before})`);
    expect(stops.length).to.be.lessThan(before);
  });
});
