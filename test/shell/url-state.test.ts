import { expect } from '@open-wc/testing';
import { decodeViewValue, encodeViewValue, paramsOf, readView, urlWith, writeView } from '../../src/shell/url-state.js';

const FIELDS = ['countries', 'cities', 'devices'] as const;

describe('url-state', () => {
  it('writes a view as ea- parameters after the host’s own, and reads it back', () => {
    const params = writeView(new URLSearchParams('tab=stats&ea-preset=last7&x=1'), {
      preset: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
      compare: 'previous',
      filters: { countries: ['FR', 'DE'], cities: ['Washington, D.C.'] },
      panels: { users: { sort: 'name.asc', page: '3' }, countries: { country: 'US' } },
    });
    expect(params.get('tab')).to.equal('stats');
    expect(params.get('x')).to.equal('1');
    expect(params.getAll('ea-f-countries')).to.deep.equal(['FR', 'DE']);
    expect([...params.keys()].slice(0, 2)).to.deep.equal(['tab', 'x']);
    const view = readView(new URLSearchParams(params.toString()), FIELDS);
    expect(view).to.deep.equal({
      preset: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
      compare: 'previous',
      filters: { countries: ['FR', 'DE'], cities: ['Washington, D.C.'] },
      panels: { users: { sort: 'name.asc', page: '3' }, countries: { country: 'US' } },
    });
  });

  it('says nothing about filters unless asked, and writes “no filters” as a bare ea-f', () => {
    expect(readView(new URLSearchParams('ea-preset=last7'), FIELDS).filters).to.equal(undefined);
    const none = writeView(new URLSearchParams(), { filters: {}, panels: {} });
    expect(none.toString()).to.equal('ea-f=');
    expect(readView(none, FIELDS).filters).to.deep.equal({});
  });

  it('ignores unknown filter fields, empty values, duplicates and malformed keys', () => {
    const view = readView(
      new URLSearchParams('ea-f-bogus=1&ea-f-devices=&ea-f-devices=Mobile&ea-f-devices=Mobile&ea-nodot=1&ea-a.b.c=2'),
      FIELDS,
    );
    expect(view.filters).to.deep.equal({ devices: ['Mobile'] });
    expect(view.panels).to.deep.equal({});
  });

  it('encodes and decodes strings, numbers and sorts, refusing malformed values', () => {
    expect(encodeViewValue('sort', { field: 'plays', direction: 'desc' })).to.equal('plays.desc');
    expect(encodeViewValue('sort', { field: 'plays', direction: 'up' })).to.equal(undefined);
    expect(decodeViewValue('sort', 'name.asc')).to.deep.equal({ field: 'name', direction: 'asc' });
    expect(decodeViewValue('sort', 'name.sideways')).to.equal(undefined);
    expect(encodeViewValue('number', 2)).to.equal('2');
    expect(encodeViewValue('number', Number.NaN)).to.equal(undefined);
    expect(decodeViewValue('number', '4')).to.equal(4);
    expect(decodeViewValue('number', 'four')).to.equal(undefined);
    expect(decodeViewValue('number', '')).to.equal(undefined);
    expect(encodeViewValue('string', 3)).to.equal(undefined);
  });

  it('puts the parameters in the query or in the hash, keeping the other part', () => {
    const p = new URLSearchParams('ea-preset=last7');
    expect(urlWith('https://h.example/a?b=1#top', 'query', p)).to.equal('https://h.example/a?ea-preset=last7#top');
    expect(urlWith('https://h.example/a?b=1#top', 'hash', p)).to.equal('https://h.example/a?b=1#ea-preset=last7');
    expect(urlWith('https://h.example/a?b=1', 'query', new URLSearchParams())).to.equal('https://h.example/a');
    expect(paramsOf({ search: '?a=1', hash: '#ea-preset=last7' }, 'hash').get('ea-preset')).to.equal('last7');
    expect(paramsOf({ search: '?a=1', hash: '#ea-preset=last7' }, 'query').get('a')).to.equal('1');
  });
});
