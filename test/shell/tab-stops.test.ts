import { expect } from '@open-wc/testing';
import { deepAll, sampleDashboard } from '../support/dashboard.js';
import { tabStops } from '../support/tab-stops.js';
import { setDefaultGeometryUrl } from '../../src/elements/top-countries/atlas.js';

describe('Tab stops of the default dashboard', function () {
  this.timeout(90_000);
  after(() => setDefaultGeometryUrl(undefined));

  it('every table and every download toolbar is one stop; one pass of Tab takes fewer than 60 stops', async () => {
    const el = await sampleDashboard();
    const root = el.shadowRoot!;
    // The users, countries and domains tables: column titles, rows and their buttons are one stop together.
    for (const tag of ['user-engagement', 'top-countries', 'top-domains-table']) {
      const panel = deepAll(root, tag)[0]!;
      const wraps = [...panel.shadowRoot!.querySelectorAll('.table-wrap')];
      expect(wraps, tag).to.have.length(1);
      const controls = wraps[0]!.querySelectorAll('button, a[href]');
      expect(controls.length, tag).to.be.greaterThan(5);
      expect(tabStops(wraps[0]!), tag).to.have.length(1);
      expect(wraps[0]!.hasAttribute('tabindex'), `${tag}: the region is not a stop of its own`).to.equal(false);
    }
    for (const toolbar of deepAll(root, '[role=toolbar]')) {
      expect(toolbar.querySelectorAll('button').length).to.equal(3);
      expect(tabStops(toolbar)).to.have.length(1);
    }
    expect(deepAll(root, '[role=toolbar]').length, 'chart panels with PNG and SVG downloads').to.be.at.least(5);
    const stops = tabStops(root);
    // Measured on this page before: 161 with two stops a users row, 111 once the users rows were one stop.
    console.log(`Tab stops, default dashboard on the sample data: ${stops.length} (111 before tables and toolbars took one stop each, 161 before the users table did)`);
    expect(stops.length).to.be.lessThan(60);
  });
});
