import { expect } from '@open-wc/testing';
import { listStep } from '../../src/charts/list-keys.js';

describe('listStep', () => {
  it('steps forward with Down and Right, back with Up and Left, without wrapping', () => {
    expect(listStep('ArrowDown', 1, 5)).to.equal(2);
    expect(listStep('ArrowRight', 1, 5)).to.equal(2);
    expect(listStep('ArrowUp', 1, 5)).to.equal(0);
    expect(listStep('ArrowLeft', 1, 5)).to.equal(0);
    expect(listStep('ArrowDown', 4, 5)).to.equal(4);
    expect(listStep('ArrowUp', 0, 5)).to.equal(0);
  });

  it('goes to the ends with Home and End', () => {
    expect(listStep('Home', 3, 5)).to.equal(0);
    expect(listStep('End', 0, 5)).to.equal(4);
  });

  it('counts nothing active as the first mark', () => {
    expect(listStep('ArrowDown', -1, 5)).to.equal(1);
    expect(listStep('ArrowUp', -1, 5)).to.equal(0);
    expect(listStep('End', -1, 3)).to.equal(2);
  });

  it('does not move for other keys or an empty list', () => {
    expect(listStep('Enter', 2, 5)).to.equal(undefined);
    expect(listStep('PageDown', 2, 5)).to.equal(undefined);
    expect(listStep('ArrowDown', -1, 0)).to.equal(undefined);
    expect(listStep('Home', 0, 0)).to.equal(undefined);
  });
});
