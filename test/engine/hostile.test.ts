/**
 * The engine under hostile input (issue #14, item 8): names of any length, values that would overflow a metric,
 * non-decimal numeric strings, and years 0000–9999 in date arithmetic.
 */
import { expect } from '@open-wc/testing';
import { addDays, addMonths, toDayNumber, fromDayNumber, isIsoDate } from '../../src/data/dates.js';
import { validateResult } from '../../src/data/validate.js';
import { codeUnitOrder } from '../../src/data/engine/order.js';
import { readNumber, BAD } from '../../src/data/engine/parse.js';
import { engineWith, q, watched, session, all } from './helpers.js';

const DAY = '2026-03-10T10:00:00Z';

describe('engine: hostile input', () => {
  it('a userId of 200,000 characters: users by name and heatmap answer (no stack overflow)', () => {
    const long = 'x'.repeat(200_000);
    const longer = `${long}y`;
    const e = engineWith(all(watched('s1', DAY, 30, { userId: long }), watched('s2', DAY, 20, { userId: longer }), watched('s3', DAY, 10, { userId: 'ada' })));
    const users = validateResult('users', e.query(q('users', { sort: { field: 'name', direction: 'asc' }, page: { offset: 0, limit: 10 } })));
    expect(users.rows.map((r) => r.userId.length)).to.deep.equal([3, 200_000, 200_001]);
    const heat = validateResult('heatmap', e.query(q('heatmap', {})));
    expect(heat.users).to.have.length(3);
  });

  it('code-unit order of strings sharing a prefix of 300,000 units, without recursion', () => {
    const p = 'a'.repeat(300_000);
    const values = Array.from({ length: 40 }, (_, i) => p + String.fromCharCode(122 - i));
    const order = Array.from(codeUnitOrder(values));
    const expected = values.map((_, i) => i).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : a - b));
    expect(order).to.deep.equal(expected);
  });

  it('values that would overflow minutesViewed are skipped as out-of-range, and answers stay valid', () => {
    const s = session('big', DAY).impression().play();
    s.event(99, { position: 10, playTimeSum: 1.7e308 }).event(99, { position: 20, playTimeSum: 1.7e308 });
    const e = engineWith(all(s, watched('ok', DAY, 30)));
    expect(e.stats.skipped['out-of-range']).to.equal(2);
    const totals = validateResult('totals', e.query(q('totals')));
    expect(Number.isFinite(totals.minutesViewed)).to.equal(true);
    validateResult('timeline', e.query(q('timeline', { granularity: 'day' })));
  });

  it('non-decimal numeric strings are invalid: eventType "0x3" is no play, position "0x10" is not 16', () => {
    expect(readNumber('0x10')).to.equal(BAD);
    expect(readNumber('0b1')).to.equal(BAD);
    expect(readNumber('0o7')).to.equal(BAD);
    expect(readNumber('Infinity')).to.equal(BAD);
    expect(readNumber('1_000')).to.equal(BAD);
    for (const ok of ['3', '-2', '30.53', '.5', '5.', '1e3', ' 7 ']) expect(readNumber(ok)).to.equal(Number(ok));
    const s = session('hex', DAY).impression();
    s.event('0x3' as unknown as number);
    s.event(99, { position: '0x10', playTimeSum: '10' });
    const e = engineWith(s.events);
    expect(e.query(q('totals')).plays).to.equal(0);
    expect(e.stats.skipped['invalid-type']).to.equal(1);
    expect(e.stats.skipped['invalid-number']).to.equal(1);
  });

  it('dates: every year 0000–9999 is read as written', () => {
    expect(addDays('0050-06-01', 1)).to.equal('0050-06-02');
    expect(addDays('0000-02-28', 1)).to.equal('0000-02-29'); // year 0 is a leap year (divisible by 400)
    expect(addDays('0099-12-31', 1)).to.equal('0100-01-01');
    expect(addDays('9999-12-30', 1)).to.equal('9999-12-31');
    expect(addMonths('0000-01-31', 1)).to.equal('0000-02-29');
    expect(addMonths('0100-01-31', 1)).to.equal('0100-02-28');
    for (let y = 0; y <= 9999; y += 37) {
      const iso = `${String(y).padStart(4, '0')}-03-01`;
      expect(isIsoDate(iso)).to.equal(true);
      expect(fromDayNumber(toDayNumber(iso))).to.equal(iso);
      expect(toDayNumber(addDays(iso, -1))).to.equal(toDayNumber(iso) - 1);
    }
  });
});
