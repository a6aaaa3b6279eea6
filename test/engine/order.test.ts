import { expect } from '@open-wc/testing';
import { codeUnitOrder } from '../../src/data/engine/order.js';

describe('codeUnitOrder', () => {
  it('orders like `<` on strings (ties by index), whatever the code units', () => {
    let seed = 1;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const alphabet = ['a', 'b', 'A', '\u0000', 'é', '\u00ff', '\u0100', 'ż', '😀', 'z', '1', ' ', '\u007e', '\u007f', '\u0080'];
    for (let trial = 0; trial < 200; trial++) {
      const values: string[] = [];
      const n = Math.floor(rnd() * 300) * (trial % 20 === 0 ? 10 : 1);
      for (let i = 0; i < n; i++) {
        let v = rnd() < 0.3 ? 'prefix_' : rnd() < 0.2 ? 'u1234' : rnd() < 0.3 ? 'a_long_common_prefix_' : '';
        const length = Math.floor(rnd() * 10);
        for (let j = 0; j < length; j++) v += alphabet[Math.floor(rnd() * alphabet.length)];
        values.push(v);
      }
      const want = Array.from(values.keys()).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : a - b));
      expect(Array.from(codeUnitOrder(values)), `trial ${trial}`).to.deep.equal(want);
    }
  });
  it('handles empty input and large groups sharing a prefix', () => {
    expect(Array.from(codeUnitOrder([]))).to.deep.equal([]);
    const values = Array.from({ length: 100 }, (_, i) => `prefix-${(i * 37) % 100}`);
    const got = Array.from(codeUnitOrder(values), (i) => values[i]);
    expect(got).to.deep.equal([...values].sort());
  });
});
