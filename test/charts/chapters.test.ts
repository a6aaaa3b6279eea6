import { expect } from '@open-wc/testing';
import { chapterAt, chapterSpans, fitLabel, pointMarkers, viewersLost } from '../../src/charts/chapters.js';
import type { Marker } from '../../src/data/types.js';

/** Viewers falling by 1 per bucket from 100. */
const falling = Array.from({ length: 100 }, (_, i) => 100 - i);

describe('chapters', () => {
  it('fits a chapter name into its band: whole, cut with an ellipsis, or nothing when two letters do not fit', () => {
    expect(fitLabel('Intro', 60)).to.equal('Intro');
    expect(fitLabel('Introduction to the course', 60)).to.equal('Introduct…');
    expect(fitLabel('Word  break here', 42)).to.equal('Word…');
    expect(fitLabel('Long', 12)).to.equal('');
    expect(fitLabel('Ab', 12)).to.equal('Ab');
  });

  it('computes the share of viewers lost between two buckets', () => {
    expect(viewersLost([200, 150, 50], 0, 2)).to.equal(75);
    expect(viewersLost([200, 150, 50], 1, 1)).to.equal(0);
    expect(viewersLost([50, 100], 0, 1)).to.equal(-100); // viewers skipping in
    expect(viewersLost([0, 10], 0, 1)).to.equal(null);
  });

  it('lays chapters on buckets and measures the viewers each lost', () => {
    const markers: Marker[] = [
      { time: 50, label: 'Middle', kind: 'chapter' },
      { time: 0, label: 'Start', kind: 'chapter' },
      { time: 30, label: 'Quiz', kind: 'quiz' },
      { time: 90, label: 'End', kind: 'chapter' },
    ];
    const spans = chapterSpans(markers, 200, falling);
    expect(spans.map((s) => [s.label, s.start, s.end, s.firstBucket, s.lastBucket])).to.deep.equal([
      ['Start', 0, 50, 0, 24],
      ['Middle', 50, 90, 25, 44],
      ['End', 90, 200, 45, 99],
    ]);
    expect(spans[0]).to.include({ viewersAtStart: 100, viewersAtEnd: 76, lost: 24 });
    expect(spans[1]).to.include({ viewersAtStart: 75, viewersAtEnd: 56 });
    expect(spans[1]!.lost).to.be.closeTo((19 / 75) * 100, 1e-9);
    expect(spans[2]!.lost).to.be.closeTo((54 / 55) * 100, 1e-9);
  });

  it('handles boundaries inside a bucket, short chapters and bad markers', () => {
    // the sample lecture: 842 s, a chapter at 78 s (9.26 %)
    const spans = chapterSpans(
      [
        { time: 0, label: 'A', kind: 'chapter' },
        { time: 78, label: 'B', kind: 'chapter' },
        { time: 79, label: 'C', kind: 'chapter' }, // shorter than a bucket
        { time: 900, label: 'after the end', kind: 'chapter' },
        { time: 0, label: 'A twice', kind: 'chapter' },
      ],
      842,
      falling,
    );
    expect(spans.map((s) => [s.label, s.firstBucket, s.lastBucket])).to.deep.equal([
      ['A twice', 0, 9],
      ['B', 9, 9],
      ['C', 9, 99],
    ]);
    expect(spans[1]!.lost).to.equal(0);
    expect(chapterSpans([{ time: 0, label: 'x', kind: 'chapter' }], 0, falling)).to.deep.equal([]);
    expect(chapterSpans([], 100, falling)).to.deep.equal([]);
  });

  it('finds the chapter of a bucket, the later one on a shared bucket', () => {
    const spans = chapterSpans(
      [
        { time: 10, label: 'one', kind: 'chapter' },
        { time: 78, label: 'two', kind: 'chapter' },
      ],
      842,
      falling,
    );
    expect(chapterAt(spans, 0)).to.equal(undefined); // before the first chapter
    expect(chapterAt(spans, 5)!.label).to.equal('one');
    expect(chapterAt(spans, 9)!.label).to.equal('two');
    expect(chapterAt(spans, 99)!.label).to.equal('two');
  });

  it('keeps the point markers within the media, in time order', () => {
    const points = pointMarkers(
      [
        { time: 60, label: 'cta', kind: 'cta' },
        { time: 20, label: 'q', kind: 'quiz' },
        { time: 0, label: 'c', kind: 'chapter' },
        { time: 500, label: 'late', kind: 'note' },
      ],
      100,
    );
    expect(points.map((m) => m.label)).to.deep.equal(['q', 'cta']);
  });
});
