/** What framework hosts rely on: the tag list matches what define.js registers; typed event details. */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { TAGS, isCustomElement, detailOf } from '../../src/frameworks.js';
import { emit } from '../../src/events.js';

describe('framework hosts', () => {
  it('TAGS lists exactly the tags define.js registers', () => {
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
    expect(isCustomElement('top-countries')).to.equal(true);
    expect(isCustomElement('div')).to.equal(false);
    expect(isCustomElement('entry-analytics-x')).to.equal(false);
  });

  it('detailOf types a detail by event name and refuses another event', () => {
    const target = document.createElement('div');
    let time = -1;
    target.addEventListener('seek', (e) => (time = detailOf('seek', e).time));
    emit(target, 'seek', { time: 12.5 });
    expect(time).to.equal(12.5);
    expect(() => detailOf('seek', new Event('click'))).to.throw(/seek/);
  });
});
