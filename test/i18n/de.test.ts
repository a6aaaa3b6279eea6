import { expect } from '@open-wc/testing';
import { en, type MessageKey } from '../../src/i18n/catalog.js';
import { de } from '../../src/i18n/de.js';
import { translate } from '../../src/i18n/index.js';

/** The `{name}` parameters of a message, plural blocks' own parameters included, sorted. */
function params(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)) names.add(m[1]!);
  return [...names].sort();
}

/** The plural blocks of a message: parameter and case selectors, and whether every case keeps `#`. */
function plurals(text: string): { name: string; cases: string[]; hashes: boolean }[] {
  const blocks: { name: string; cases: string[]; hashes: boolean }[] = [];
  for (const m of text.matchAll(/\{(\w+),\s*plural,\s*/g)) {
    const cases: string[] = [];
    let hashes = true;
    let j = m.index + m[0].length;
    while (j < text.length && text[j] !== '}') {
      const sel = /^\s*(=?\w+)\s*\{/.exec(text.slice(j));
      if (!sel) break;
      let depth = 1;
      let k = j + sel[0].length;
      const start = k;
      while (k < text.length && depth > 0) {
        depth += text[k] === '{' ? 1 : text[k] === '}' ? -1 : 0;
        k++;
      }
      cases.push(sel[1]!);
      if (!text.slice(start, k - 1).includes('#')) hashes = false;
      j = k;
      while (text[j] === ' ') j++;
    }
    blocks.push({ name: m[1]!, cases, hashes });
  }
  return blocks;
}

describe('German catalog', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('translates every English key, and nothing else', () => {
    expect(keys.length).to.be.greaterThan(400);
    for (const key of keys) expect(de[key], key).to.be.a('string').and.not.equal('');
    for (const key of Object.keys(de)) expect(key in en, `${key} is not an English key`).to.equal(true);
  });

  it('keeps the parameters of every message', () => {
    for (const key of keys) expect(params(de[key]!), key).to.deep.equal(params(en[key]));
  });

  it('keeps plural blocks, each with an `other` case and `#` where English has it', () => {
    for (const key of keys) {
      const english = plurals(en[key]);
      const german = plurals(de[key]!);
      expect(german.map((b) => b.name), key).to.deep.equal(english.map((b) => b.name));
      german.forEach((block, i) => {
        expect(block.cases, key).to.include('other');
        expect(block.cases.every((c) => c === 'other' || c === 'one' || c.startsWith('=')), key).to.equal(true);
        if (english[i]!.hashes) expect(block.hashes, `${key}: every case keeps #`).to.equal(true);
      });
    }
  });

  it('has balanced braces', () => {
    for (const key of keys) {
      let depth = 0;
      for (const ch of de[key]!) {
        depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
        expect(depth, key).to.be.at.least(0);
      }
      expect(depth, key).to.equal(0);
    }
  });

  it('is what translate() gives for de and its regional variants once imported', () => {
    expect(translate('de', 'metric.plays')).to.equal('Wiedergaben');
    expect(translate('de', 'metric.uniqueViewers')).to.equal('Eindeutige Zuschauer');
    expect(translate('de-AT', 'metric.avgCompletionRate')).to.equal('Durchschn. Abschlussrate');
    expect(translate('de', 'state.timeout', { seconds: 30 })).to.equal(
      'Die Datenquelle hat nicht innerhalb von 30 Sekunden geantwortet.',
    );
    expect(translate('de', 'pager.status', { page: 2, pages: 5 })).to.equal('Seite 2 von 5');
    expect(translate('de', 'domains.count', { count: 1 })).to.equal('1 Domain');
    expect(translate('de', 'domains.count', { count: 1000 })).to.equal('1.000 Domains');
    expect(translate('de', 'geo.mapSummary', { count: 1, top: 'Deutschland', value: '12' })).to.equal(
      '1 Ort mit Daten. Höchster Wert: Deutschland mit 12.',
    );
    expect(translate('de', 'users.countFiltered', { count: 1000, search: 'anna' })).to.equal(
      '1.000 Benutzer passen zu „anna“',
    );
    expect(translate('en', 'metric.plays')).to.equal('Plays');
  });
});
