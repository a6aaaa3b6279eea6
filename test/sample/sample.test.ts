import { expect } from '@open-wc/testing';
import {
  generateSample,
  generateSampleEvents,
  SAMPLE_IMAGE_ID,
  SAMPLE_VIDEO_ID,
  type RawEvent,
  type SampleData,
} from '../../src/data/sample/index.js';
import { DEVICES, PLAYBACK_TYPES } from '../../src/data/types.js';

const END = '2026-03-31';
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const isNumeric = (v: unknown): boolean =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));

/** A cheap fingerprint of a whole sample (FNV-1a over its JSON). */
function fingerprint(events: RawEvent[]): string {
  let h = 0x811c9dc5;
  for (const e of events) {
    const s = JSON.stringify(e);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return `${events.length}:${(h >>> 0).toString(16)}`;
}

function decodeReferrer(r: string): string {
  return /^https?:\/\//.test(r) ? r : atob(r);
}

function bySession(events: RawEvent[]): Map<string, RawEvent[]> {
  const map = new Map<string, RawEvent[]>();
  for (const e of events) {
    const id = e['sessionId'] as string;
    let list = map.get(id);
    if (!list) map.set(id, (list = []));
    list.push(e);
  }
  return map;
}

let sample: SampleData;
// A root hook: in the Node half every file shares one mocha run, and a root hook that fails skips every test of every
// file. Generating 120,000 events takes a second on a quiet machine and far longer on a busy one: give it room.
before(function () {
  this.timeout(120_000);
  sample = generateSample({ seed: 1, end: END, events: 120_000 });
});

describe('generateSample: determinism and size', () => {
  it('gives exactly the same events for the same seed and end date', () => {
    const a = generateSample({ seed: 7, end: END, events: 30_000 });
    const b = generateSample({ seed: 7, end: END, events: 30_000 });
    expect(fingerprint(a.events)).to.equal(fingerprint(b.events));
    expect(a.users).to.deep.equal(b.users);
    expect(a.entries).to.deep.equal(b.entries);
  });

  it('gives different events for a different seed', () => {
    const a = generateSample({ seed: 7, end: END, events: 30_000 });
    const b = generateSample({ seed: 8, end: END, events: 30_000 });
    expect(fingerprint(a.events)).not.to.equal(fingerprint(b.events));
    expect(a.events[0]!['sessionId']).not.to.equal(b.events[0]!['sessionId']);
    expect(Object.keys(a.users)).not.to.deep.equal(Object.keys(b.users));
  });

  it('streams the same events as it returns', () => {
    const a = generateSample({ seed: 3, end: END, events: 20_000 });
    const streamed: RawEvent[] = [];
    const rest = generateSampleEvents({ seed: 3, end: END, events: 20_000 }, (e) => streamed.push(e));
    expect(fingerprint(streamed)).to.equal(fingerprint(a.events));
    expect(rest.users).to.deep.equal(a.users);
  });

  it('produces about the target number of events (default 300,000)', () => {
    let n = 0;
    generateSampleEvents({ end: END }, () => n++);
    expect(n).to.be.within(297_000, 303_000);
    expect(sample.events.length).to.be.within(118_800, 121_200);
  });

  it('covers 120 days ending on `end`, in UTC by default', () => {
    const first = Date.UTC(2025, 11, 2); // 2026-03-31 minus 119 days
    const last = Date.UTC(2026, 2, 31) + 86_400_000;
    const days = new Set<string>();
    for (const e of sample.events) {
      const t = e['time'] as number;
      expect(t).to.be.a('number');
      expect(t >= first && t < last, `time ${t}`).to.equal(true);
      days.add(new Date(t).toISOString().slice(0, 10));
    }
    expect(days.size).to.equal(120);
    expect(days.has('2025-12-02')).to.equal(true);
    expect(days.has('2026-03-31')).to.equal(true);
  });

  it('honours days and timeZone: days are calendar days of that zone', () => {
    const { events } = generateSample({ seed: 2, end: '2026-03-31', days: 30, events: 20_000, timeZone: 'Asia/Tokyo' });
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });
    const days = new Set(events.map((e) => fmt.format(e['time'] as number)));
    expect(days.size).to.equal(30);
    expect([...days].sort()[0]).to.equal('2026-03-02');
    expect([...days].sort().at(-1)).to.equal('2026-03-31');
  });

  it('follows a daily rhythm: days busier than nights', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const e of sample.events) byHour[new Date(e['time'] as number).getUTCHours()]!++;
    const sum = (from: number, to: number) => byHour.slice(from, to).reduce((a, b) => a + b, 0);
    expect(sum(9, 22) / 13).to.be.greaterThan((sum(0, 6) / 6) * 3);
  });

  it('has busier weekdays than weekends and a gentle upward trend', () => {
    const perDay = new Map<string, number>();
    for (const e of sample.events) {
      const d = new Date(e['time'] as number).toISOString().slice(0, 10);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    let weekday = 0, weekdays = 0, weekend = 0, weekends = 0;
    for (const [d, n] of perDay) {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (dow === 0 || dow === 6) (weekend += n), weekends++;
      else (weekday += n), weekdays++;
    }
    expect(weekday / weekdays).to.be.greaterThan((weekend / weekends) * 1.3);
    const sorted = [...perDay.keys()].sort();
    const sum = (keys: string[]) => keys.reduce((a, k) => a + perDay.get(k)!, 0);
    // Days 15–45 vs the last 30 days (skipping the launch bump of the first days).
    expect(sum(sorted.slice(-30))).to.be.greaterThan(sum(sorted.slice(15, 45)));
  });
});

describe('generateSample: content', () => {
  it('has a ~14-minute lecture video with 5–7 chapters and a quiz, then an image', () => {
    const [video, image] = sample.entries;
    expect(sample.entries).to.have.length(2);
    expect(video!.id).to.equal(SAMPLE_VIDEO_ID);
    expect(video!.type).to.equal('video');
    expect(video!.duration).to.be.within(800, 880);
    const chapters = video!.markers!.filter((m) => m.kind === 'chapter');
    expect(chapters.length).to.be.within(5, 7);
    expect(video!.markers!.some((m) => m.kind === 'quiz')).to.equal(true);
    const times = video!.markers!.map((m) => m.time);
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    expect(image!.id).to.equal(SAMPLE_IMAGE_ID);
    expect(image!.type).to.equal('image');
    expect(image!.duration).to.equal(0);
    const firstEvent = Math.min(...sample.events.slice(0, 50).map((e) => e['time'] as number));
    expect(Date.parse(video!.created)).to.be.lessThan(firstEvent);
  });

  it('has about 2,000 named users with unique ids, most of whom watch, and anonymous sessions', () => {
    const ids = Object.keys(sample.users);
    expect(ids.length).to.equal(2000);
    expect(new Set(Object.values(sample.users)).size).to.be.greaterThan(1500);
    const seen = new Set<string>();
    let anonymous = 0;
    for (const e of sample.events) {
      const u = e['userId'];
      if (u === undefined) anonymous++;
      else {
        expect(sample.users[u as string], `unknown user ${String(u)}`).to.be.a('string');
        seen.add(u as string);
      }
    }
    expect(seen.size).to.be.greaterThan(1500);
    expect(anonymous / sample.events.length).to.be.within(0.1, 0.6);
    expect(ids.some((id) => id.includes('@'))).to.equal(true);
    expect(ids.some((id) => /^[a-z]+\d+$/.test(id))).to.equal(true);
  });

  it('spans 40+ countries with regions and cities that carry coordinates', () => {
    const countries = new Map<string, Set<string>>();
    for (const e of sample.events) {
      const c = e['country'] as string;
      expect(c).to.match(/^[A-Z]{2}$/);
      let regions = countries.get(c);
      if (!regions) countries.set(c, (regions = new Set()));
      regions.add(e['region'] as string);
      const lat = num(e['latitude']);
      const lon = num(e['longitude']);
      expect(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180).to.equal(true);
    }
    expect(countries.size).to.be.at.least(40);
    expect([...countries.values()].filter((r) => r.size >= 2).length).to.be.at.least(30);
  });

  it('comes from 10+ referring domains with several pages each, base64 and plain', () => {
    const pages = new Map<string, Set<string>>();
    let encoded = 0;
    let plain = 0;
    for (const e of sample.events) {
      const raw = e['referrer'] as string;
      if (/^https?:\/\//.test(raw)) plain++;
      else encoded++;
      const url = new URL(decodeReferrer(raw));
      let set = pages.get(url.hostname);
      if (!set) pages.set(url.hostname, (set = new Set()));
      set.add(url.href);
    }
    expect(pages.size).to.be.at.least(10);
    expect([...pages.values()].filter((s) => s.size >= 2).length).to.be.at.least(10);
    expect(encoded).to.be.greaterThan(0);
    expect(plain).to.be.greaterThan(0);
  });

  it('has 3+ playback contexts, every device class, a few percent live/dvr', () => {
    const contexts = new Set(sample.events.map((e) => e['playbackContext']));
    expect(contexts.size).to.be.at.least(3);
    const devices = new Set(sample.events.map((e) => e['device']));
    expect([...devices].sort()).to.deep.equal([...DEVICES].sort());
    const sessions = bySession(sample.events);
    let nonVod = 0;
    for (const list of sessions.values()) if (list[0]!['playbackType'] !== 'vod') nonVod++;
    expect(nonVod / sessions.size).to.be.within(0.01, 0.1);
  });

  it('plays some sessions at 1.5× and 2×', () => {
    const speeds = new Set(sample.events.filter((e) => num(e['eventType']) === 99).map((e) => num(e['playbackSpeed'])));
    expect(speeds.has(1)).to.equal(true);
    expect(speeds.has(1.5)).to.equal(true);
    expect(speeds.has(2)).to.equal(true);
  });

  it('carries numbers as numbers, and numeric strings in a small share of events', () => {
    const strings = sample.events.filter((e) => typeof e['eventType'] === 'string').length;
    expect(strings / sample.events.length).to.be.within(0.005, 0.08);
  });
});

const COMMON = ['eventType', 'entryId', 'partnerId', 'sessionId', 'eventIndex', 'time', 'position', 'playbackType', 'referrer', 'playbackContext', 'country', 'region', 'city', 'latitude', 'longitude', 'device', 'os', 'browser'];
const TYPES = new Set([1, 2, 3, 4, 11, 12, 13, 14, 33, 34, 35, 99]);

describe('generateSample: events and sessions', () => {
  it('every event is valid', () => {
    // Plain checks, one assertion at the end: chai per field is too slow for 100k events.
    const problems: string[] = [];
    const bad = (why: string, e: RawEvent) => problems.length < 5 && problems.push(`${why}: ${JSON.stringify(e)}`);
    for (const e of sample.events) {
      for (const k of COMMON) if (e[k] === undefined || e[k] === '') bad(`missing ${k}`, e);
      for (const k of ['eventType', 'partnerId', 'eventIndex', 'position', 'latitude', 'longitude']) {
        if (!isNumeric(e[k])) bad(`${k} not numeric`, e);
      }
      if (typeof e['time'] !== 'number' || !Number.isInteger(e['time'])) bad('time not epoch ms', e);
      if (!TYPES.has(num(e['eventType']))) bad('unknown eventType', e);
      if (!(num(e['eventIndex']) >= 1)) bad('eventIndex < 1', e);
      if (!(PLAYBACK_TYPES as readonly unknown[]).includes(e['playbackType'])) bad('playbackType', e);
      if (!(DEVICES as readonly unknown[]).includes(e['device'])) bad('device', e);
      if (e['entryId'] !== SAMPLE_VIDEO_ID && e['entryId'] !== SAMPLE_IMAGE_ID) bad('entryId', e);
      if ('userId' in e && (typeof e['userId'] !== 'string' || e['userId'] === '')) bad('userId', e);
      const pos = num(e['position']);
      if (!(pos >= 0 && pos <= 842)) bad('position out of [0, duration]', e);
      if (num(e['eventType']) === 99 && (!isNumeric(e['playTimeSum']) || !isNumeric(e['playbackSpeed']))) bad('view fields', e);
      if (num(e['eventType']) === 35 && !isNumeric(e['targetPosition'])) bad('seek target', e);
    }
    expect(problems).to.deep.equal([]);
  });

  it('sessions are well formed, like the real player’s', () => {
    const sessions = bySession(sample.events);
    let resets = 0, seeksBack = 0, seeksAhead = 0, replays = 0, impressionsOnly = 0;
    for (const [id, list] of sessions) {
      const types = list.map((e) => num(e['eventType']));
      expect(types[0], id).to.equal(1);
      expect(num(list[0]!['eventIndex'])).to.equal(1);
      if (list.length === 1) impressionsOnly++;
      // Shared attributes stay the same over the session.
      for (const e of list) {
        expect(e['userId']).to.equal(list[0]!['userId']);
        expect(e['country']).to.equal(list[0]!['country']);
        expect(e['referrer']).to.equal(list[0]!['referrer']);
      }
      const play = types.indexOf(3);
      const firstView = types.indexOf(99);
      if (firstView >= 0) {
        expect(play, id).to.be.within(0, firstView - 1);
        expect(num(list[firstView]!['playTimeSum'])).to.equal(0);
      }
      expect(types.filter((t) => t === 1 || t === 2 || t === 3).length).to.be.at.most(3);
      let lastPts = -1;
      let lastPos = 0;
      const quartiles: number[] = [];
      for (let i = 1; i < list.length; i++) {
        const e = list[i]!;
        const t = types[i]!;
        expect(num(e['time'])).to.be.at.least(num(list[i - 1]!['time']));
        const idx = num(e['eventIndex']);
        if (idx === 1) {
          // A counter reset: only after a pause of 30 s or more, on the resume.
          expect(t, id).to.equal(4);
          expect(types[i - 1]).to.equal(33);
          expect(num(e['time']) - num(list[i - 1]!['time'])).to.be.at.least(30_000);
          lastPts = -1;
          resets++;
        } else {
          expect(idx, id).to.equal(num(list[i - 1]!['eventIndex']) + 1);
        }
        if (t === 99) {
          const pts = num(e['playTimeSum']);
          expect(pts, id).to.be.at.least(lastPts);
          lastPts = pts;
        }
        if (t >= 11 && t <= 14) quartiles.push(t);
        if (t === 35) {
          const target = num(e['position']);
          expect(num(e['targetPosition'])).to.equal(target);
          if (target < lastPos) seeksBack++;
          else seeksAhead++;
        }
        if (t === 34) replays++;
        lastPos = num(e['position']);
      }
      // Each quartile once, in order.
      expect(quartiles).to.deep.equal([11, 12, 13, 14].slice(0, quartiles.length));
    }
    expect(resets).to.be.greaterThan(0);
    expect(seeksBack).to.be.greaterThan(0);
    expect(seeksAhead).to.be.greaterThan(0);
    expect(replays).to.be.greaterThan(0);
    expect(impressionsOnly).to.be.greaterThan(0);
  });

  it('the video loses viewers along the way: more reach 25 % than 100 %', () => {
    const count = (t: number) => sample.events.filter((e) => e['entryId'] === SAMPLE_VIDEO_ID && num(e['eventType']) === t).length;
    const plays = count(3);
    expect(count(11)).to.be.lessThan(plays);
    expect(count(12)).to.be.lessThan(count(11));
    expect(count(14)).to.be.lessThan(count(13));
    expect(count(14)).to.be.greaterThan(0);
  });

  it('the image entry only has impressions, play requests and plays', () => {
    const image = sample.events.filter((e) => e['entryId'] === SAMPLE_IMAGE_ID);
    expect(image.length).to.be.greaterThan(0);
    const types = new Set(image.map((e) => num(e['eventType'])));
    for (const t of types) expect([1, 2, 3]).to.include(t);
    expect(types.has(99)).to.equal(false);
  });
});
