import { expect } from '@open-wc/testing';
import { formatters, isRtl, registerCatalog, translate } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/catalog.js';

describe('translate', () => {
  it('fills parameters and keeps unknown ones visible', () => {
    expect(translate('en', 'state.timeout', { seconds: 30 })).to.equal('The data source did not answer within 30 seconds.');
    expect(translate('en', 'state.timeout')).to.contain('{seconds}');
  });
  it('picks plural cases by Intl.PluralRules and formats # for the language', () => {
    expect(translate('en', 'users.count', { count: 1 })).to.equal('1 user');
    expect(translate('en', 'users.count', { count: 0 })).to.equal('0 users');
    expect(translate('en', 'users.count', { count: 12345 })).to.equal('12,345 users');
    expect(translate('en', 'users.count', { count: '1' })).to.equal('1 user');
    expect(translate('en', 'users.count', { count: '2,001' })).to.equal('2,001 users');
    expect(translate('en', 'class.missedCount', { count: '3', total: 1 })).to.equal('3 of 1 user');
  });
  it('picks the plural case of a count already formatted in another numbering system', () => {
    registerCatalog('ar-EG', {
      'users.count': '{count, plural, zero {z #} one {o #} two {t #} few {f #} many {m #} other {x #}}',
    });
    const arab = new Intl.NumberFormat('ar-EG');
    const shown = (n: number) => translate('ar-EG', 'users.count', { count: arab.format(n) });
    expect(arab.format(943)).to.not.equal('943');
    expect(shown(0)).to.equal(`z ${arab.format(0)}`);
    expect(shown(2)).to.equal(`t ${arab.format(2)}`);
    expect(shown(5)).to.equal(`f ${arab.format(5)}`);
    expect(shown(11)).to.equal(`m ${arab.format(11)}`);
    expect(shown(1000)).to.equal(`x ${arab.format(1000)}`);
  });
  it('falls back from region to language to English, and takes registered catalogs', () => {
    registerCatalog('fr', { 'action.retry': 'Réessayer', 'users.count': '{count, plural, one {# utilisateur} other {# utilisateurs}}' });
    expect(translate('fr-CA', 'action.retry')).to.equal('Réessayer');
    expect(translate('fr', 'users.count', { count: 1000 })).to.equal('1\u202f000 utilisateurs');
    // A key a catalog leaves out falls back to English (Swedish ships no catalog: any opt-in module may be loaded here).
    registerCatalog('sv', { 'action.retry': 'Försök igen' });
    expect(translate('sv-FI', 'action.retry')).to.equal('Försök igen');
    expect(translate('sv', 'action.close')).to.equal('Close');
  });
  it('has no empty messages and balanced parameters', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(text, key).to.be.a('string').and.not.equal('');
      let depth = 0;
      for (const ch of text) {
        depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
        expect(depth, key).to.be.at.least(0);
      }
      expect(depth, key).to.equal(0);
    }
  });
});

describe('formatters', () => {
  it('formats percents given as 0–100, media times and calendar dates without zone shifts', () => {
    const f = formatters('en');
    expect(f.percent(42.5)).to.equal('42.5%');
    expect(f.signedPercent(-3)).to.equal('-3%');
    expect(f.mediaTime(842)).to.equal('14:02');
    expect(f.mediaTime(3725)).to.equal('1:02:05');
    expect(f.date('2026-03-01')).to.equal('Mar 1, 2026');
    expect(f.country('jp')).to.equal('Japan');
  });
  it('localises digits and separators', () => {
    expect(formatters('de').count(1234567)).to.equal('1.234.567');
    expect(formatters('ar-EG').count(12)).to.equal('١٢');
  });
  it('knows right-to-left languages and falls back for bad tags', () => {
    expect(isRtl('he-IL')).to.equal(true);
    expect(isRtl('en')).to.equal(false);
    expect(formatters('not a tag!').lang).to.equal('en');
  });
});
