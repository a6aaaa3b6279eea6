import { expect } from '@open-wc/testing';
import {
  KalturaApiError,
  KalturaResponseError,
  parseGraphs,
  parseTable,
  parseTotal,
} from '../../src/data/kaltura/index.js';

// Literal payloads in Kaltura's wire format (KalturaReportTable / KalturaReportTotal / KalturaReportGraph).
const T = '\t';

describe('Kaltura parser: tables', () => {
  it('reads an empty table (no header, no data) as no rows', () => {
    const t = parseTable({ header: '', data: '', totalCount: 0, objectType: 'KalturaReportTable' });
    expect(t.rows).to.have.length(0);
    expect(t.totalCount).to.equal(0);
    const t2 = parseTable({ header: null, data: null, objectType: 'KalturaReportTable' });
    expect(t2.rows).to.have.length(0);
  });

  it('reads one row by header name, not by position', () => {
    const t = parseTable({
      header: `count_plays${T}domain_name${T}count_loads`,
      data: `12${T}moodle.example.edu${T}30;`,
      totalCount: 1,
    });
    expect(t.rows).to.have.length(1);
    expect(t.rows[0]!.str('domain_name')).to.equal('moodle.example.edu');
    expect(t.rows[0]!.num('count_plays')).to.equal(12);
    expect(t.rows[0]!.num('count_loads')).to.equal(30);
    expect(t.totalCount).to.equal(1);
  });

  it('keeps values with spaces, commas and non-ASCII names intact', () => {
    const t = parseTable({
      header: `user_id${T}name${T}count_plays`,
      data: `u1${T}Zoë Ångström-Łukasz${T}3;u2${T}李 小龙, Jr.${T}4;u3${T}${T}0;`,
      totalCount: 3,
    });
    expect(t.rows.map((r) => r.str('name'))).to.deep.equal(['Zoë Ångström-Łukasz', '李 小龙, Jr.', '']);
    expect(t.rows[2]!.num('count_plays')).to.equal(0);
  });

  it('parses with another delimiter (Kaltura default ",")', () => {
    const t = parseTable({ header: 'device,count_plays', data: 'Computer,5;Mobile,2;', totalCount: 2 }, ',');
    expect(t.rows.map((r) => [r.str('device'), r.num('count_plays')])).to.deep.equal([
      ['Computer', 5],
      ['Mobile', 2],
    ]);
  });

  it('rejects a missing column, naming it', () => {
    const t = parseTable({ header: `count_plays`, data: `1;`, totalCount: 1 });
    expect(() => t.rows[0]!.num('count_loads')).to.throw(KalturaResponseError, /missing column "count_loads"/);
    expect(t.rows[0]!.optNum('count_loads')).to.equal(undefined);
    expect(() => t.rows[0]!.strOf('user_id', 'name')).to.throw(KalturaResponseError, /"user_id" or "name"/);
  });

  it('rejects a row whose cell count does not match the header, and non-numbers', () => {
    expect(() => parseTable({ header: `a${T}b`, data: `1;`, totalCount: 1 })).to.throw(KalturaResponseError, /1 cells/);
    const t = parseTable({ header: `a`, data: `x;`, totalCount: 1 });
    expect(() => t.rows[0]!.num('a')).to.throw(KalturaResponseError, /expected a decimal number/);
  });

  it('rejects a KalturaAPIException with its message and code', () => {
    const ex = { code: 'INVALID_KS', message: 'Invalid KS "abc" Error: -1,INVALID_STR', objectType: 'KalturaAPIException', args: [] };
    try {
      parseTable(ex);
      expect.fail('should throw');
    } catch (e) {
      expect(e).to.be.instanceOf(KalturaApiError);
      expect((e as KalturaApiError).message).to.equal('Invalid KS "abc" Error: -1,INVALID_STR');
      expect((e as KalturaApiError).code).to.equal('INVALID_KS');
    }
  });

  it('rejects something that is not a table', () => {
    expect(() => parseTable([])).to.throw(KalturaResponseError);
    expect(() => parseTable('x')).to.throw(KalturaResponseError);
  });
});

describe('Kaltura parser: totals', () => {
  it('reads one row, with or without the trailing ";"', () => {
    const a = parseTotal({ header: `count_plays${T}avg_view_drop_off`, data: `10${T}0.25` })!;
    expect(a.num('count_plays')).to.equal(10);
    expect(a.num('avg_view_drop_off')).to.equal(0.25);
    const b = parseTotal({ header: `count_plays`, data: `7;` })!;
    expect(b.num('count_plays')).to.equal(7);
  });
  it('is undefined for an empty total', () => {
    expect(parseTotal({ header: '', data: '' })).to.equal(undefined);
  });
  it('rejects an exception', () => {
    expect(() => parseTotal({ objectType: 'KalturaAPIException', code: 'X', message: 'boom' })).to.throw(KalturaApiError, 'boom');
  });
});

describe('Kaltura parser: graphs', () => {
  it('reads "YYYYMMDD|value;" per metric id', () => {
    const g = parseGraphs([
      { id: 'count_plays', data: '20260101|5;20260102|0;20260103|7;', objectType: 'KalturaReportGraph' },
      { id: 'sum_time_viewed', data: '20260101|1.5;', objectType: 'KalturaReportGraph' },
    ]);
    expect([...g.get('count_plays')!]).to.deep.equal([
      ['20260101', 5],
      ['20260102', 0],
      ['20260103', 7],
    ]);
    expect(g.get('sum_time_viewed')!.get('20260101')).to.equal(1.5);
  });
  it('accepts the older "key,value;" form and empty graphs', () => {
    const g = parseGraphs([
      { id: 'count_plays', data: '202601,3;202602,4;' },
      { id: 'count_loads', data: '' },
    ]);
    expect(g.get('count_plays')!.get('202602')).to.equal(4);
    expect(g.get('count_loads')!.size).to.equal(0);
  });
  it('rejects exceptions and malformed items', () => {
    expect(() => parseGraphs({ objectType: 'KalturaAPIException', code: 'E', message: 'no graphs' })).to.throw(KalturaApiError, 'no graphs');
    expect(() => parseGraphs([{ id: 'x', data: '20260101;' }])).to.throw(KalturaResponseError);
    expect(() => parseGraphs([{ id: 'x', data: '20260101|abc;' }])).to.throw(KalturaResponseError);
  });
});

// Break 7 of the hostile-input campaign: the parser was lenient where it claimed to be strict.
describe('Kaltura parser: strict where it claims to be', () => {
  const PLATFORMS = { report: 'report PLATFORMS (21)' };
  const cell = (value: string) => parseTable({ header: `device${T}count_plays`, data: `Computer${T}${value};`, totalCount: 1 }, PLATFORMS).rows[0]!;

  it('refuses a header that names a column twice, naming the report and the column', () => {
    const raw = { header: `count_plays${T}device${T}count_plays`, data: `1${T}Computer${T}999999;`, totalCount: 1 };
    expect(() => parseTable(raw, PLATFORMS)).to.throw(KalturaResponseError, /PLATFORMS \(21\): column "count_plays" appears twice/);
    expect(() => parseTotal({ header: `count_loads${T}count_loads`, data: `1${T}2` }, { report: 'report X' })).to.throw(
      KalturaResponseError,
      /report X: column "count_loads" appears twice/,
    );
  });

  it('refuses negative numbers, naming the report and the column', () => {
    expect(() => cell('-3').num('count_plays')).to.throw(KalturaResponseError, /PLATFORMS \(21\), column "count_plays": expected a non-negative number, got "-3"/);
    expect(() => cell('-0.5').optNum('count_plays')).to.throw(KalturaResponseError, /non-negative/);
    expect(cell('-0').num('count_plays')).to.equal(0);
    expect(Object.is(cell('-0').num('count_plays'), -0)).to.equal(false);
  });

  it('reads only decimal notation', () => {
    for (const bad of ['0x10', '0X1f', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '+5', '1_000', '1,000', '.5', '5.', '1 2', '1e', 'e3', '١٢', '1e999'])
      expect(() => cell(bad).num('count_plays'), bad).to.throw(KalturaResponseError, /PLATFORMS \(21\), column "count_plays": expected a (decimal|finite) number/);
    // Decimal notation, as PHP prints numbers (small floats with an exponent); spaces around a cell are trimmed.
    for (const [good, n] of [['16', 16], ['0.25', 0.25], ['1e3', 1000], ['1.0E-5', 1e-5], ['2E+2', 200], [' 7 ', 7], ['', 0]] as const)
      expect(cell(good).num('count_plays'), good).to.equal(n);
  });

  it('applies the same rules to graphs and names the report and graph', () => {
    const report = { report: 'report USER_TOP_CONTENT (13)' };
    expect(() => parseGraphs([{ id: 'count_plays', data: '20260101|0x10;' }], report)).to.throw(KalturaResponseError, /USER_TOP_CONTENT \(13\), column "count_plays": expected a decimal number/);
    expect(() => parseGraphs([{ id: 'count_plays', data: '20260101|-1;' }], report)).to.throw(KalturaResponseError, /non-negative/);
    expect(() => parseGraphs([{ id: 'count_plays', data: '20260101|1;20260101|999999;' }], report)).to.throw(KalturaResponseError, /bucket "20260101" appears twice/);
    expect(() => parseGraphs([{ id: 'count_plays', data: '' }, { id: 'count_plays', data: '' }], report)).to.throw(KalturaResponseError, /graph "count_plays" appears twice/);
  });

  it('names the report in every other refusal too', () => {
    expect(() => parseTable({ header: `a${T}b`, data: `1;`, totalCount: 1 }, PLATFORMS)).to.throw(/PLATFORMS \(21\): row 1 has 1 cells/);
    expect(() => parseTable({ header: `a`, data: `1;`, totalCount: -1 }, PLATFORMS)).to.throw(/PLATFORMS \(21\): expected totalCount/);
    expect(() => parseTable({ header: `a`, data: `1;`, totalCount: 1.5 }, PLATFORMS)).to.throw(/totalCount/);
    expect(() => parseTable({ header: `a`, data: `1;`, totalCount: 1 }, PLATFORMS).rows[0]!.num('b')).to.throw(/PLATFORMS \(21\): missing column "b"/);
    expect(() => parseTable({ header: 5, data: `1;` }, PLATFORMS)).to.throw(/PLATFORMS \(21\): the header is not a string/);
  });
});
