/**
 * Golden snapshot: the engine's answers for the sample seed must equal the committed ones
 * (test/engine/golden/sample-seed.json). When a change of the answers is intended, regenerate the file with
 * `npm run golden` and review its diff (one line per query) before committing it.
 */
import { expect } from '@open-wc/testing';
import { goldenSnapshot } from './golden/snapshot.js';

describe('engine golden snapshot (sample seed)', () => {
  it('answers every query of the snapshot exactly as committed', async () => {
    const committed = (await (await fetch(new URL('./golden/sample-seed.json', import.meta.url))).json()) as [string, unknown][];
    const now = goldenSnapshot();
    expect(now.map(([label]) => label)).to.deep.equal(committed.map(([label]) => label));
    for (let i = 0; i < now.length; i++) {
      expect(now[i], `answer "${now[i]![0]}" (regenerate with npm run golden when intended)`).to.deep.equal(committed[i]);
    }
  });
});
