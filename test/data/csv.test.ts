import { expect } from '@open-wc/testing';
import { csvFileName, csvText, toCsv } from '../../src/data/csv.js';
import { safeHttpUrl } from '../../src/data/urls.js';
import { addMonths, previousPeriod, sameRangeLastYear, todayIn, isIsoDate } from '../../src/data/dates.js';
import { trend } from '../../src/data/compare.js';

describe('toCsv', () => {
  it('quotes separators, quotes and line breaks, and writes numbers plainly', () => {
    const csv = toCsv({ columns: ['name', 'plays'], rows: [['a, "b"', 3], ['line\nbreak', 0.125], [null, undefined]] });
    expect(csv).to.equal('name,plays\r\n"a, ""b""",3\r\n"line\nbreak",0.125\r\n,\r\n');
  });
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(toCsv({ columns: ['x'], rows: [['=HYPERLINK("http://x")'], ['@cmd'], [-5]] })).to.equal(
      'x\r\n"\'=HYPERLINK(""http://x"")"\r\n\'@cmd\r\n-5\r\n',
    );
  });
  it('titles columns in the page\'s language, or by field names for programs', () => {
    const table = {
      columns: [{ field: 'device', label: 'Gerät' }, { field: 'plays', label: 'Wiedergaben, gesamt' }, 'x'],
      rows: [[{ field: 'Computer', label: 'Computer' }, 3, 1], [{ field: 'Game console', label: '=Spielkonsole' }, 0.5, 2]],
    };
    expect(toCsv(table)).to.equal('Gerät,"Wiedergaben, gesamt",x\r\nComputer,3,1\r\n\'=Spielkonsole,0.5,2\r\n');
    expect(toCsv(table, { headers: 'labels' })).to.equal(toCsv(table));
    expect(toCsv(table, { headers: 'fields' })).to.equal('device,plays,x\r\nComputer,3,1\r\nGame console,0.5,2\r\n');
    expect(csvText({ field: 'a', label: 'b' })).to.equal('b');
    expect(csvText({ field: 'a', label: 'b' }, 'fields')).to.equal('a');
  });
  it('makes safe file names', () => {
    expect(csvFileName('Top domains: URLs', '2026-01-01', '2026-01-31')).to.equal('top-domains-urls_2026-01-01_2026-01-31.csv');
  });
});

describe('safeHttpUrl', () => {
  it('keeps http and https only', () => {
    expect(safeHttpUrl('https://a.example/x?y=1')).to.equal('https://a.example/x?y=1');
    expect(safeHttpUrl('HTTP://a.example')).to.equal('http://a.example/');
    expect(safeHttpUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeHttpUrl(' data:text/html,x')).to.equal(undefined);
    expect(safeHttpUrl('//a.example/x')).to.equal(undefined);
    expect(safeHttpUrl('ftp://a.example')).to.equal(undefined);
    expect(safeHttpUrl('')).to.equal(undefined);
  });
});

describe('dates', () => {
  it('computes compare periods', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).to.deep.equal({ from: '2026-01-29', to: '2026-02-28' });
    expect(sameRangeLastYear({ from: '2028-02-29', to: '2028-03-31' })).to.deep.equal({ from: '2027-02-28', to: '2027-03-31' });
    expect(addMonths('2026-03-31', -1)).to.equal('2026-02-28');
  });
  it('knows today in a time zone', () => {
    const t = Date.UTC(2026, 0, 1, 3, 0); // 03:00 UTC is still Dec 31 in New York
    expect(todayIn('America/New_York', t)).to.equal('2025-12-31');
    expect(todayIn('Asia/Tokyo', t)).to.equal('2026-01-01');
  });
  it('validates calendar dates', () => {
    expect(isIsoDate('2026-02-29')).to.equal(false);
    expect(isIsoDate('2028-02-29')).to.equal(true);
    expect(isIsoDate('2026-2-1')).to.equal(false);
  });
});

describe('trend', () => {
  it('is relative for counts and in points for rates', () => {
    expect(trend('plays', 150, 100)).to.deep.equal({ kind: 'relative', change: 50 });
    expect(trend('avgCompletionRate', 46, 40)).to.deep.equal({ kind: 'points', change: 6 });
    expect(trend('plays', 3, 0)).to.deep.equal({ kind: 'new' });
    expect(trend('plays', 0, 0)).to.deep.equal({ kind: 'none' });
  });
});
