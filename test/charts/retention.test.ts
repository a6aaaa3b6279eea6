import { expect } from '@open-wc/testing';
import {
  bucketAt,
  bucketMid,
  bucketStart,
  mediaTimeTicks,
  percentOfPlays,
  percentTicks,
  retentionSummary,
} from '../../src/charts/retention.js';

describe('retention layout', () => {
  it('places buckets and maps times to buckets', () => {
    expect(bucketMid(0)).to.equal(0.5);
    expect(bucketStart(0, 842)).to.equal(0);
    expect(bucketStart(50, 842)).to.equal(421);
    expect(bucketStart(10, 200)).to.equal(20);
    expect(bucketAt(0, 842)).to.equal(0);
    expect(bucketAt(78, 842)).to.equal(9); // 9.26 %
    expect(bucketAt(20, 200)).to.equal(10); // exactly on the edge: the bucket it starts
    expect(bucketAt(842, 842)).to.equal(99);
    expect(bucketAt(5000, 842)).to.equal(99);
    expect(bucketAt(-3, 842)).to.equal(0);
    expect(bucketAt(10, 0)).to.equal(0);
  });

  it('picks round media-time ticks', () => {
    expect(mediaTimeTicks(842, 6)).to.deep.equal([0, 300, 600]);
    expect(mediaTimeTicks(842, 10)).to.deep.equal([0, 120, 240, 360, 480, 600, 720, 840]);
    expect(mediaTimeTicks(60, 6)).to.deep.equal([0, 10, 20, 30, 40, 50, 60]);
    expect(mediaTimeTicks(0)).to.deep.equal([0]);
    expect(mediaTimeTicks(100000, 4)).to.deep.equal([0, 25200, 50400, 75600]); // whole hours
  });

  it('picks percent ticks for the width', () => {
    expect(percentTicks(10)).to.deep.equal([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(percentTicks(6)).to.deep.equal([0, 20, 40, 60, 80, 100]);
    expect(percentTicks(3)).to.deep.equal([0, 25, 50, 75, 100]);
  });

  it('turns counts into percents of plays', () => {
    expect(percentOfPlays([0, 50, 200], 200)).to.deep.equal([0, 25, 100]);
    expect(percentOfPlays([3, 4], 0)).to.deep.equal([0, 0]);
  });

  it('summarises the peak and how many stayed to the end', () => {
    const views = [10, 30, 30, 5];
    const viewers = [20, 15, 12, 5];
    expect(retentionSummary(views, viewers)).to.deep.equal({
      peakIndex: 1,
      peakViews: 30,
      viewersAtStart: 20,
      viewersAtEnd: 5,
      stayedToEnd: 25,
    });
    expect(retentionSummary([0, 0], [0, 0])).to.deep.equal({
      peakIndex: -1,
      peakViews: 0,
      viewersAtStart: 0,
      viewersAtEnd: 0,
      stayedToEnd: null,
    });
  });
});
