// The entry's details on Kaltura: chapters and quiz questions from cue points become markers (slides are left out),
// links back to KMC and KMS come from the options, and an entry still loads when cue points cannot be read.
import { expect } from '@open-wc/testing';
import { createKalturaProvider } from '../../src/data/kaltura/index.js';
import { cuePointMarkers } from '../../src/data/kaltura/provider.js';
import { validateResult } from '../../src/data/validate.js';
import type { EntryQuery } from '../../src/data/types.js';
import { fakeKaltura } from './fake-kaltura.js';

const query: EntryQuery = { kind: 'entry', entryId: '1_abc', range: { from: '2026-03-01', to: '2026-03-31' }, timeZone: 'UTC', filters: {} };
const signal = () => new AbortController().signal;
const CUE_POINTS = [
  { objectType: 'KalturaThumbCuePoint', cuePointType: 'thumbCuePoint.Thumb', subType: 2, title: 'Reservoirs', startTime: 210_000, status: 1 },
  { objectType: 'KalturaThumbCuePoint', cuePointType: 'thumbCuePoint.Thumb', subType: 1, title: 'Slide 4', startTime: 100_000, status: 1 },
  { objectType: 'KalturaQuestionCuePoint', cuePointType: 'quiz.QUIZ_QUESTION', question: 'Which flux is largest?', startTime: 655_000 },
  { objectType: 'KalturaThumbCuePoint', cuePointType: 'thumbCuePoint.Thumb', subType: 2, title: '', description: 'Introduction', startTime: 0 },
  { objectType: 'KalturaThumbCuePoint', cuePointType: 'thumbCuePoint.Thumb', subType: 2, title: 'Deleted', startTime: 5000, status: 2 },
  { objectType: 'KalturaThumbCuePoint', cuePointType: 'thumbCuePoint.Thumb', subType: 2, title: 'Past the end', startTime: 9_999_000 },
];

describe('Kaltura entry: cue points and links', () => {
  it('turns chapter thumb cue points and quiz questions into markers, leaving slides and deleted ones out', () => {
    expect(cuePointMarkers({ objects: CUE_POINTS }, 600)).to.deep.equal([
      { time: 0, label: 'Introduction', kind: 'chapter' },
      { time: 210, label: 'Reservoirs', kind: 'chapter' },
      { time: 600, label: 'Which flux is largest?', kind: 'quiz' }, // 655 s, past the 600 s media: at its end
      { time: 600, label: 'Past the end', kind: 'chapter' },
    ]);
    expect(cuePointMarkers(null, 600)).to.deep.equal([]);
    expect(cuePointMarkers({ objects: [{ cuePointType: 'thumbCuePoint.Thumb', subType: 2, startTime: 'x' }] }, 600)).to.deep.equal([]);
  });

  it('asks for the cue points in the entry\'s multirequest and fills markers and links', async () => {
    const fake = fakeKaltura({ cuePoints: CUE_POINTS.slice(0, 3) });
    const provider = createKalturaProvider({
      serviceUrl: 'https://k',
      ks: 'k',
      fetch: fake.fetch,
      kmcUrl: 'https://kmc.kaltura.com/',
      kmsUrl: 'https://media.example.edu',
    });
    const entry = validateResult('entry', await provider(query, { signal: signal() }));
    expect(fake.requests).to.have.length(1);
    const list = fake.requests[0]!.calls.find((c) => c.service === 'cuepoint_cuepoint')!;
    expect(list.action).to.equal('list');
    expect(list.filter).to.include({ entryIdEqual: '1_abc', cuePointTypeIn: 'thumbCuePoint.Thumb,quiz.QUIZ_QUESTION' });
    expect(entry.markers).to.deep.equal([
      { time: 210, label: 'Reservoirs', kind: 'chapter' },
      { time: 600, label: 'Which flux is largest?', kind: 'quiz' },
    ]);
    expect(entry.links).to.deep.equal([
      { label: 'KMC', href: 'https://kmc.kaltura.com/index.php/kmcng/content/entries/entry/1_abc/metadata' },
      { label: 'MediaSpace', href: 'https://media.example.edu/media/t/1_abc' },
    ]);
  });

  it('has no links without the options (or with a non-http one), and loads without markers when cue points fail', async () => {
    const fake = fakeKaltura();
    const fetchWithoutCuePoints = (async (url: string, init: RequestInit) => {
      const r = await fake.fetch(url, init);
      const body = await r.json();
      const calls = fake.requests.at(-1)!.calls;
      return new Response(
        JSON.stringify(
          body.map((v: unknown, i: number) =>
            calls[i]!.service === 'cuepoint_cuepoint' ? { objectType: 'KalturaAPIException', code: 'SERVICE_FORBIDDEN', message: 'forbidden' } : v,
          ),
        ),
      );
    }) as unknown as typeof fetch;
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fetchWithoutCuePoints, kmcUrl: 'javascript:alert(1)' });
    const entry = validateResult('entry', await provider(query, { signal: signal() }));
    expect(entry.name).to.equal('Lecture');
    expect(entry).to.not.have.property('markers');
    expect(entry).to.not.have.property('links');
  });
});
