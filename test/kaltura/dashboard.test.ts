// The whole dashboard on the Kaltura provider (through the local Kaltura-compatible endpoint) shows the same numbers
// as on the embedded engine: every panel's exported data is compared, column by column, except the columns that
// differ by design (docs/kaltura.md, "Differences").
import { expect, fixture, html } from '@open-wc/testing';
// @ts-expect-error virtual module served by the kaltura-mock dev-server plugin
import mockUrl, { error as mockError, sample as mockSample } from '/__kaltura-mock-url.js';
import '../../src/define.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import { createEventsProvider } from '../../src/data/engine/index.js';
import { SAMPLE_VIDEO_ID, generateSample } from '../../src/data/sample/index.js';
import { createKalturaProvider } from '../../src/data/kaltura/index.js';
import type { DataProvider } from '../../src/data/types.js';

/** CSV columns (by title) that differ by design, per panel tag. */
const DIFFERENT_COLUMNS: Record<string, RegExp[]> = {
  // Kaltura has no distinct sessions per percentile (viewers = views); chapters come from cue points, so they match.
  'playback-views': [/viewers/i],
  'top-countries': [/minutes/i, /completion/i], // geography reports lack these columns
  'devices-overview': [/completion/i], // the platforms report lacks completion
  'top-domains-table': [/unique/i], // the syndication report lacks unique viewers
};

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** The CSV without the columns that differ by design. */
function comparable(tag: string, csv: string): string[][] {
  const [head = [], ...rows] = parseCsv(csv);
  const drop = DIFFERENT_COLUMNS[tag] ?? [];
  const keep = head.map((title, i) => (drop.some((re) => re.test(title)) ? -1 : i)).filter((i) => i >= 0);
  const round = (v: string) => (/^-?\d+(\.\d+)?$/.test(v) ? String(Math.round(Number(v) * 100) / 100) : v);
  return [keep.map((i) => head[i]!), ...rows.map((r) => keep.map((i) => round(r[i] ?? '')))];
}

/**
 * The two tables hold the same text and the same figures, up to the last digit a CSV keeps: figures are rounded as
 * shown (one decimal), and the two providers' unrounded values may straddle a rounding boundary (50.249 vs 50.251).
 */
function sameFigures(tag: string, actual: string[][], expected: string[][]) {
  expect(actual.map((r) => r.length), `${tag}: shape`).to.deep.equal(expected.map((r) => r.length));
  const numeric = (v: string) => /^-?\d+(\.\d+)?$/.test(v);
  expected.forEach((row, i) =>
    row.forEach((want, j) => {
      const got = actual[i]![j]!;
      if (numeric(want) && numeric(got)) expect(Math.abs(Number(got) - Number(want)), `${tag} [${i}][${j}] ${got} vs ${want}`).to.be.at.most(0.1 + 1e-9);
      else expect(got, `${tag} [${i}][${j}]`).to.equal(want);
    }),
  );
}

async function dashboard(provider: DataProvider): Promise<EntryAnalytics> {
  const el = await fixture<EntryAnalytics>(html`<entry-analytics
    .provider=${provider}
    entry-id=${SAMPLE_VIDEO_ID}
    preset="custom"
    from="2026-02-01"
    to="2026-03-31"
    compare="previous"
    time-zone="UTC"
    lang="en"
    .timeout=${60_000}
  ></entry-analytics>`);
  await el.updateComplete;
  return el;
}

async function panels(el: EntryAnalytics): Promise<Map<string, AnalyticsPanel<unknown>>> {
  const start = performance.now();
  let found: AnalyticsPanel<unknown>[] = [];
  while (performance.now() - start < 60_000) {
    found = [...el.shadowRoot!.querySelectorAll<AnalyticsPanel<unknown>>('[data-panel] > *')];
    if (found.length > 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.all(found.map((p) => p.whenLoaded()));
  return new Map(found.map((p) => [p.localName, p]));
}

describe('the dashboard on the Kaltura provider = on the engine', function () {
  this.timeout(180_000);

  it('shows the same numbers in every panel, except the documented differences', async () => {
    if (!mockUrl) throw new Error(`the Kaltura mock did not start: ${mockError}`);
    expect(mockSample.end >= '2026-03-31', 'the mock serves data ending after the compared range').to.equal(true);
    const data = generateSample(mockSample);
    const onEngine = await panels(await dashboard(createEventsProvider({ ...data })));
    const onKaltura = await panels(
      await dashboard(createKalturaProvider({ serviceUrl: mockUrl, ks: 'test-ks', partnerId: 1, timeoutMs: 60_000 })),
    );
    expect([...onKaltura.keys()]).to.deep.equal([...onEngine.keys()]);
    expect(onEngine.size).to.be.at.least(8);
    for (const [tag, panel] of onEngine) {
      const a = panel.toCsv();
      const b = onKaltura.get(tag)!.toCsv();
      expect(a, `${tag} exports data on the engine`).to.be.a('string');
      sameFigures(tag, comparable(tag, b!), comparable(tag, a!));
    }
  });
});
