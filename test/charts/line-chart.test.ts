import { expect } from '@open-wc/testing';
import {
  areaPath,
  indexTicks,
  keyStep,
  linePath,
  mirrorMargins,
  nearestIndex,
  plotBox,
  seriesMax,
  tooltipBeside,
  xScale,
  yScale,
  yTicks,
  type Frame,
} from '../../src/charts/line-chart.js';

const frame: Frame = { width: 140, height: 120, margin: { top: 10, right: 10, bottom: 10, left: 30 } };

describe('line-chart layout', () => {
  it('computes the plot box, never inverted', () => {
    expect(plotBox(frame)).to.deep.equal({ left: 30, top: 10, right: 130, bottom: 110 });
    expect(plotBox({ width: 10, height: 5, margin: frame.margin })).to.deep.equal({ left: 30, top: 10, right: 31, bottom: 11 });
  });

  it('maps the x domain to pixels, reversed for right-to-left', () => {
    const x = xScale([0, 4], frame);
    expect([x(0), x(2), x(4)]).to.deep.equal([30, 80, 130]);
    const rtl = xScale([0, 4], frame, true);
    expect([rtl(0), rtl(4)]).to.deep.equal([130, 30]);
    // a one-point domain does not collapse
    expect(xScale([0, 0], frame)(0)).to.equal(30);
    expect(mirrorMargins(frame.margin, true)).to.deep.equal({ top: 10, right: 30, bottom: 10, left: 10 });
  });

  it('makes a nice y scale from 0 and ticks with positions', () => {
    const y = yScale(87, frame);
    expect(y.domain()).to.deep.equal([0, 100]);
    expect(y(0)).to.equal(110);
    expect(y(100)).to.equal(10);
    expect(yTicks(y, 5).map((t) => t.value)).to.deep.equal([0, 20, 40, 60, 80, 100]);
    expect(yTicks(y, 5)[1]!.position).to.equal(90);
    expect(yScale(0, frame).domain()).to.deep.equal([0, 1]);
  });

  it('finds the max over several series, ignoring gaps', () => {
    expect(seriesMax([1, 5, undefined], undefined, [3, NaN])).to.equal(5);
    expect(seriesMax()).to.equal(0);
  });

  it('draws line and area paths, breaking lines at missing values', () => {
    const x = xScale([0, 2], frame);
    const y = yScale(100, frame);
    expect(linePath([0, 50, 100], x, y)).to.equal('M30,110L80,60L130,10');
    expect(linePath([0, undefined, 100], x, y)).to.equal('M30,110ZM130,10Z');
    expect(areaPath([0, 50, 100], x, y)).to.equal('M30,110L80,60L130,10L130,110L80,110L30,110Z');
    expect(linePath([], x, y)).to.equal('');
  });

  it('places points with a custom x and rounds to hundredths', () => {
    const x = xScale([0, 3], frame);
    const y = yScale(100, frame);
    expect(linePath([10, 20], x, y, (i) => i + 0.5)).to.equal('M46.67,100L80,90');
  });

  it('finds the nearest point to a pixel', () => {
    const x = xScale([0, 4], frame);
    expect(nearestIndex(30, x, 5)).to.equal(0);
    expect(nearestIndex(56, x, 5)).to.equal(1);
    expect(nearestIndex(42, x, 5)).to.equal(0);
    expect(nearestIndex(500, x, 5)).to.equal(4);
    expect(nearestIndex(-50, x, 5)).to.equal(0);
    expect(nearestIndex(80, x, 0)).to.equal(-1);
    // buckets at their midpoints on a 0-100 axis
    const pct = xScale([0, 100], { ...frame, margin: { ...frame.margin, left: 0, right: 0 }, width: 100 });
    expect(nearestIndex(0.4, pct, 100, (i) => i + 0.5)).to.equal(0);
    expect(nearestIndex(42.7, pct, 100, (i) => i + 0.5)).to.equal(42);
    expect(nearestIndex(99.9, pct, 100, (i) => i + 0.5)).to.equal(99);
  });

  it('steps with keys: arrows, pages of ten, ends, mirrored in rtl', () => {
    expect(keyStep('ArrowRight', 5, 100)).to.equal(6);
    expect(keyStep('ArrowLeft', 5, 100)).to.equal(4);
    expect(keyStep('ArrowRight', 5, 100, true)).to.equal(4);
    expect(keyStep('ArrowLeft', 5, 100, true)).to.equal(6);
    expect(keyStep('ArrowUp', 5, 100)).to.equal(6);
    expect(keyStep('ArrowDown', 5, 100)).to.equal(4);
    expect(keyStep('PageUp', 95, 100)).to.equal(99);
    expect(keyStep('PageDown', 5, 100)).to.equal(0);
    expect(keyStep('PageUp', 5, 100)).to.equal(15);
    expect(keyStep('Home', 50, 100)).to.equal(0);
    expect(keyStep('End', 50, 100)).to.equal(99);
    expect(keyStep('ArrowLeft', 0, 100)).to.equal(0);
    expect(keyStep('ArrowRight', -1, 100)).to.equal(0);
    expect(keyStep('a', 5, 100)).to.equal(undefined);
    expect(keyStep('End', 0, 0)).to.equal(undefined);
  });

  it('spaces index ticks', () => {
    expect(indexTicks(10, 5)).to.deep.equal([0, 2, 4, 6, 8]);
    expect(indexTicks(3, 10)).to.deep.equal([0, 1, 2]);
    expect(indexTicks(31, 6)).to.deep.equal([0, 6, 12, 18, 24, 30]);
    expect(indexTicks(0, 5)).to.deep.equal([]);
  });

  it('puts a tooltip beside the focus line, on the side with more room', () => {
    expect(tooltipBeside(100, 600)).to.deep.equal({ left: 112, before: false });
    expect(tooltipBeside(450, 600)).to.deep.equal({ left: 438, before: true });
    expect(tooltipBeside(300, 600, 8)).to.deep.equal({ left: 292, before: true });
  });
});
