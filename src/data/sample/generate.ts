/**
 * The sample generator: deterministic KAVA-like player beacons for one lecture video and one image.
 *
 * Everything random comes from {@link Rng} seeded by `options.seed`; the only clock read is the default `end` date.
 * Shape of the work: build the user directory, weigh the days (trend, weekday, noise), then walk the days in order and
 * simulate sessions until the day's share of the event budget is spent. Each day's events are sorted by time before
 * they are handed over, so the stream is in time order overall (a session crossing midnight is the only exception
 * and cannot happen: sessions start before 23:00 and last under an hour).
 */
import { isoDayOf, parseIsoDate, utcDayStart } from '../dates.js';
import { checkTimeZone, startOfDate } from '../time-zone.js';
import type { Device, EntryResult, PlaybackType } from '../types.js';
import { Rng, WeightedPicker } from './prng.js';
import { COUNTRIES, type City, type Country, type Region } from './geo-data.js';
import { CULTURES, namesFor } from './names.js';
import { DEVICE_PROFILES, SITES, type DeviceProfile, type Site } from './web-data.js';
import {
  CHAPTER_STARTS,
  REWATCH,
  SAMPLE_IMAGE_ID,
  SAMPLE_PARTNER_ID,
  SAMPLE_VIDEO_ID,
  SKIP,
  VIDEO_DURATION,
  sampleEntries,
} from './content.js';

/** A raw player event: the engine's input. */
export type RawEvent = Record<string, unknown>;

export interface SampleOptions {
  /** PRNG seed; default 1. */
  seed?: number;
  /** Last day, `YYYY-MM-DD` in `timeZone`; default today in UTC. */
  end?: string;
  /** Number of days, ending on `end`; default 120. */
  days?: number;
  /** Approximate number of events; default 300,000. */
  events?: number;
  /** IANA zone the days are calendar days of (and whose clock the daily rhythm follows); default 'UTC'. */
  timeZone?: string;
  /** Number of users in the directory; default 2,000. */
  users?: number;
}

export interface SampleData {
  /** [video, image] */
  entries: EntryResult[];
  /** User directory: id → display name. */
  users: Record<string, string>;
  events: RawEvent[];
}

export const DEFAULT_EVENTS = 300_000;
export const DEFAULT_DAYS = 120;
export const DEFAULT_USERS = 2_000;

// ---------------------------------------------------------------------------------------------------------------
// Users and places

interface Place {
  country: Country;
  region: Region;
  city: City;
}

interface User {
  id: string;
  name: string;
  place: Place;
  activity: number;
  /** Multiplies the chance of leaving: < 1 keen, > 1 impatient. */
  patience: number;
  device: DeviceProfile;
  os: string;
  browser: string;
  /** Day index from which the user watches. */
  debut: number;
}

const MAIL_DOMAINS = ['northfield.edu', 'student.northfield.edu', 'student.northfield.edu', 'alumni.northfield.edu'];

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

class Places {
  private readonly countries = new WeightedPicker(COUNTRIES, (c) => c.weight);
  private readonly cities = new Map<Country, WeightedPicker<Place>>();

  constructor() {
    for (const country of COUNTRIES) {
      const places: Place[] = [];
      const weights: number[] = [];
      country.regions.forEach((region, ri) => {
        region.cities.forEach((city, ci) => {
          places.push({ country, region, city });
          weights.push((ri === 0 ? 3 : 2 / ri) * (ci === 0 ? 3 : 1.5 / ci));
        });
      });
      this.cities.set(country, new WeightedPicker(places, (_, i) => weights[i]!));
    }
  }

  pick(rng: Rng): Place {
    return this.cities.get(this.countries.pick(rng))!.pick(rng);
  }
}

function pickWeighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = rng.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

function buildUsers(rng: Rng, count: number, days: number, places: Places, devices: WeightedPicker<DeviceProfile>): User[] {
  const users: User[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    const place = places.pick(rng);
    const culture = rng.chance(0.82) ? place.country.culture : rng.pick(CULTURES);
    const list = namesFor(culture);
    const given = rng.pick(list.given);
    const family = rng.pick(list.family);
    const name = list.familyFirst ? `${family} ${given}` : `${given} ${family}`;
    let id: string;
    if (rng.chance(0.55)) {
      const base = `${ascii(given)}.${ascii(family)}`;
      const domain = rng.pick(MAIL_DOMAINS);
      id = `${base}@${domain}`;
      for (let n = 2; taken.has(id); n++) id = `${base}${n}@${domain}`;
    } else {
      const base = `${ascii(given).slice(0, 1)}${ascii(family).slice(0, 7)}`;
      id = `${base}${rng.int(1, 99)}`;
      while (taken.has(id)) id = `${base}${rng.int(100, 999)}`;
    }
    taken.add(id);
    const device = devices.pick(rng);
    // Most users start with the course (the first month), the rest trickle in.
    const debut = rng.chance(0.6) ? rng.int(0, Math.min(days - 1, 29)) : rng.int(0, days - 1);
    users.push({
      id,
      name,
      place,
      activity: Math.exp(0.9 * rng.normal()),
      patience: Math.exp(0.35 * rng.normal()),
      device,
      os: pickWeighted(rng, device.os),
      browser: pickWeighted(rng, device.browsers),
      debut,
    });
  }
  return users;
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar

/** Viewers' local-hour rhythm (0–23): quiet nights, a morning rise, an evening peak of students at home. */
const HOUR_WEIGHTS = [2, 1.2, 0.8, 0.6, 0.6, 0.9, 1.8, 3.2, 5, 6.2, 6.8, 7, 6.6, 6.9, 7.2, 7.1, 6.8, 6.4, 6.6, 7.4, 7.9, 7.2, 5.2];
/** Monday-first weekday factors: weekdays busier. */
const WEEKDAY = [1.15, 1.2, 1.16, 1.1, 0.92, 0.55, 0.66];

// ---------------------------------------------------------------------------------------------------------------
// Sessions

const NUMERIC_FIELDS = [
  'eventType',
  'partnerId',
  'eventIndex',
  'position',
  'playTimeSum',
  'playbackSpeed',
  'targetPosition',
  'latitude',
  'longitude',
] as const;

interface Session {
  sessionId: string;
  userId: string | undefined;
  entryId: string;
  playbackType: PlaybackType;
  referrer: string;
  playbackContext: string;
  country: string;
  region: string;
  city: string;
  latitude: number;
  longitude: number;
  device: Device;
  os: string;
  browser: string;
  /** Send every number as a string, as a collector storing the query string does. */
  strings: boolean;
  idx: number;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function hex(rng: Rng, digits: number): string {
  let s = '';
  while (s.length < digits) s += rng.uint32().toString(16).padStart(8, '0');
  return s.slice(0, digits);
}

function uuid(rng: Rng): string {
  const h = hex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function event(s: Session, type: number, time: number, position: number): RawEvent {
  const e: RawEvent = {
    eventType: type,
    partnerId: SAMPLE_PARTNER_ID,
    entryId: s.entryId,
    sessionId: s.sessionId,
    eventIndex: ++s.idx,
    time: Math.round(time),
    position: round3(position),
    playbackType: s.playbackType,
    referrer: s.referrer,
    playbackContext: s.playbackContext,
    country: s.country,
    region: s.region,
    city: s.city,
    latitude: s.latitude,
    longitude: s.longitude,
    device: s.device,
    os: s.os,
    browser: s.browser,
  };
  // Anonymous viewers send no userId at all (not an empty or undefined one), as the real player does.
  if (s.userId !== undefined) e.userId = s.userId;
  return e;
}

function stringify(e: RawEvent): RawEvent {
  for (const k of NUMERIC_FIELDS) {
    const v = e[k];
    if (typeof v === 'number') e[k] = String(v);
  }
  return e;
}

/** Where a viewer will leave (position, s), or `Infinity` for watching to the end. */
function leavingPoint(rng: Rng, patience: number): number {
  const D = VIDEO_DURATION;
  for (let p = 0; p < D; p += 10) {
    let h = 0.011;
    if (p < 30) h += 0.075; // "not what I wanted"
    for (const c of CHAPTER_STARTS) if (p >= c && p < c + 10) h += 0.035;
    if (p >= 700) h += 0.012; // the summary loses some
    if (rng.next() < h * patience) return p + rng.next() * 10;
  }
  return Infinity;
}

function pickSpeed(rng: Rng): number {
  const x = rng.next();
  return x < 0.855 ? 1 : x < 0.885 ? 1.25 : x < 0.955 ? 1.5 : x < 0.99 ? 2 : 0.75;
}

/**
 * One video session: impression, play request, play, the first view at 0, then playback with views every 10 s of
 * playing, pauses (a long one resets the counters), skips, re-watches, quartiles, maybe a replay.
 */
function videoSession(rng: Rng, s: Session, start: number, patience: number, out: RawEvent[]): void {
  const D = VIDEO_DURATION;
  const push = s.strings ? (e: RawEvent) => out.push(stringify(e)) : (e: RawEvent) => out.push(e);
  let t = start;
  push(event(s, 1, t, 0));
  if (rng.chance(0.2)) return; // an impression without a play
  t += rng.range(300, 2500);
  push(event(s, 2, t, 0));
  if (rng.chance(0.025)) return; // asked to play, never started (blocked autoplay, closed the tab)
  t += rng.range(40, 1600);
  push(event(s, 3, t, 0));

  const speed = pickSpeed(rng);
  let pos = 0;
  let pts = 0; // media seconds since the last counter reset
  let sinceView = 0; // seconds of playing since the last view
  const view = () => {
    const e = event(s, 99, t, pos);
    e['playTimeSum'] = round3(pts);
    e['playbackSpeed'] = speed;
    push(e);
    sinceView = 0;
  };
  t += rng.range(15, 60);
  view();

  let leaveAt = leavingPoint(rng, patience);
  let quartile = 0; // next quartile to report: 0 → 25 %, … 3 → 100 %
  const marks = [D * 0.25, D * 0.5, D * 0.75, D];
  // Position-triggered actions, each at most once.
  const skipFrom = rng.chance(SKIP.p) ? rng.range(SKIP.fromMin, SKIP.fromMax) : Infinity;
  const rewatchAt = REWATCH.map((r) => (rng.chance(r.p) ? r.at + rng.range(-3, 3) : Infinity));
  const randomSeekAt = rng.chance(0.06) ? rng.range(20, D - 60) : Infinity;
  const actions: number[] = [skipFrom, ...rewatchAt, randomSeekAt];
  let untilPause = rng.exponential(260); // seconds of playing until the next pause
  let longPauses = 0;
  let replays = 0;

  const reportQuartiles = () => {
    while (quartile < 4 && pos >= marks[quartile]! - 1e-9) {
      t += rng.range(1, 40);
      push(event(s, 11 + quartile, t, pos));
      quartile++;
    }
  };
  const seek = (target: number) => {
    t += rng.range(150, 900);
    pos = target;
    const e = event(s, 35, t, target);
    e['targetPosition'] = round3(target);
    push(e);
    t += rng.range(200, 1200); // buffering after the seek: not playing
  };

  for (let guard = 0; guard < 2000; guard++) {
    // Wall seconds until the next thing happens.
    let nextPos = Math.min(leaveAt, D, quartile < 4 ? marks[quartile]! : Infinity);
    for (const a of actions) if (a > pos && a < nextPos) nextPos = a;
    const dPos = (nextPos - pos) / speed;
    const dView = 10 - sinceView;
    const dt = Math.max(0, Math.min(dPos, dView, untilPause));
    const what = dt === dView ? 'view' : dt === untilPause ? 'pause' : 'position';
    t += dt * 1000;
    pos += dt * speed;
    pts += dt * speed;
    sinceView += dt;
    untilPause -= dt;

    if (what === 'view') {
      view();
      continue;
    }
    if (what === 'pause') {
      push(event(s, 33, t, pos));
      const long = longPauses < 2 && rng.chance(0.16);
      t += long ? rng.range(30, 420) * 1000 : rng.range(1.5, 28) * 1000;
      if (long) {
        // The player resets its counters after a pause of 30 s or more; the sessionId stays.
        longPauses++;
        s.idx = 0;
        pts = 0;
        sinceView = 0;
      }
      push(event(s, 4, t, pos));
      untilPause = rng.exponential(260);
      continue;
    }
    // A position was reached.
    pos = nextPos;
    if (quartile < 4 && pos >= marks[quartile]! - 1e-9) reportQuartiles();
    if (pos >= leaveAt) {
      if (rng.chance(0.4)) {
        t += rng.range(100, 900);
        push(event(s, 33, t, pos));
      }
      return;
    }
    if (pos >= D) {
      if (replays === 0 && speed >= 1 && rng.chance(0.05)) {
        replays++;
        t += rng.range(2000, 15000);
        pos = 0;
        push(event(s, 34, t, 0));
        leaveAt = rng.chance(0.5) ? rng.range(30, D) : Infinity;
        actions.fill(Infinity);
        continue;
      }
      return;
    }
    const i = actions.indexOf(pos);
    if (i < 0) continue;
    actions[i] = Infinity;
    if (i === 0) {
      // Skip ahead: the part many viewers do not watch.
      const target = rng.range(SKIP.toMin, SKIP.toMax);
      if (leaveAt < target) leaveAt += target - pos;
      seek(target);
      reportQuartiles();
    } else if (i <= REWATCH.length) {
      seek(Math.max(0, REWATCH[i - 1]!.back + rng.range(-4, 4)));
    } else {
      // A scrub somewhere: mostly ahead.
      const target = rng.chance(0.7) ? Math.min(D - 5, pos + rng.range(20, 120)) : Math.max(0, pos - rng.range(10, 60));
      if (target > pos && leaveAt < target) leaveAt += target - pos;
      seek(target);
      reportQuartiles();
    }
  }
}

function imageSession(rng: Rng, s: Session, start: number, out: RawEvent[]): void {
  const push = s.strings ? (e: RawEvent) => out.push(stringify(e)) : (e: RawEvent) => out.push(e);
  let t = start;
  push(event(s, 1, t, 0));
  if (rng.chance(0.3)) return;
  t += rng.range(200, 3000);
  push(event(s, 2, t, 0));
  t += rng.range(30, 400);
  push(event(s, 3, t, 0));
}

function base64(s: string): string {
  // btoa takes Latin-1; URLs here are ASCII (paths are percent-encoded).
  return btoa(s);
}

// ---------------------------------------------------------------------------------------------------------------
// The generator

/** Today in UTC, `YYYY-MM-DD`. The only clock read in this module. */
function todayUtc(): string {
  return new Date(Date.now()).toISOString().slice(0, 10);
}

/**
 * Generates the sample and hands each event to `sink`: per day, in time order. Returns the entries and the user
 * directory. Use this for large samples; {@link generateSample} collects the events into an array.
 */
export function generateSampleEvents(options: SampleOptions, sink: (e: RawEvent) => void): Omit<SampleData, 'events'> {
  const seed = options.seed ?? 1;
  const days = Math.max(1, Math.floor(options.days ?? DEFAULT_DAYS));
  const target = Math.max(0, options.events ?? DEFAULT_EVENTS);
  const timeZone = options.timeZone ?? 'UTC';
  const endMs = utcDayStart(...parseIsoDate(options.end ?? todayUtc(), 'end'));
  checkTimeZone(timeZone);

  const root = new Rng(seed);
  const userRng = root.fork(1);
  const dayRng = root.fork(2);
  const rng = root.fork(3);

  const places = new Places();
  const deviceMix = new WeightedPicker(DEVICE_PROFILES, (d) => d.weight);
  const users = buildUsers(userRng, Math.max(0, Math.floor(options.users ?? DEFAULT_USERS)), days, places, deviceMix);
  const activity = users.length ? new WeightedPicker(users, (u) => u.activity) : undefined;
  const debutsByDay: User[][] = Array.from({ length: days }, () => []);
  for (const u of users) debutsByDay[u.debut]!.push(u);
  const pendingDebuts: User[] = [];

  const sites = new WeightedPicker(SITES, (s) => s.weight);
  const hours = new WeightedPicker(HOUR_WEIGHTS.map((_, h) => h), (h) => HOUR_WEIGHTS[h]!);

  // Day weights: a launch bump, a gentle upward trend, weekly rhythm, noise.
  const dayMs: number[] = [];
  const weights: number[] = [];
  for (let d = 0; d < days; d++) {
    const date = endMs - (days - 1 - d) * 86_400_000;
    dayMs.push(date);
    const weekday = (new Date(date).getUTCDay() + 6) % 7;
    const trend = 0.8 + (0.4 * d) / Math.max(1, days - 1);
    const launch = 1 + 0.9 * Math.exp(-d / 5);
    weights.push(trend * launch * WEEKDAY[weekday]! * Math.exp(0.13 * dayRng.normal()));
  }
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  const created = startOfDate(isoDayOf(dayMs[0]!), timeZone) - 3 * 86_400_000 + 9 * 3_600_000 + 17 * 60_000;
  const entries = sampleEntries(created);
  const directory: Record<string, string> = {};
  for (const u of users) directory[u.id] = u.name;

  const buffer: RawEvent[] = [];
  const byTime = (a: RawEvent, b: RawEvent) => (a['time'] as number) - (b['time'] as number);
  let emitted = 0;
  let cumulative = 0;

  for (let d = 0; d < days; d++) {
    cumulative += weights[d]!;
    const budget = (target * cumulative) / totalWeight;
    const midnight = startOfDate(isoDayOf(dayMs[d]!), timeZone);
    for (const u of debutsByDay[d]!) pendingDebuts.push(u);
    buffer.length = 0;

    while (emitted + buffer.length < budget) {
      const start = midnight + (hours.pick(rng) + rng.next()) * 3_600_000;
      const isImage = rng.chance(0.11);
      const site: Site = sites.pick(rng);
      let user: User | undefined;
      if (activity && rng.chance(site.signedIn)) {
        if (pendingDebuts.length && rng.chance(0.5)) {
          user = pendingDebuts.splice(rng.int(0, pendingDebuts.length - 1), 1)[0]!;
        } else {
          user = activity.pick(rng);
          if (user.debut > d) user = pendingDebuts.length ? pendingDebuts.pop()! : user;
        }
      }
      const ownDevice = user !== undefined && rng.chance(0.75);
      const profile = ownDevice ? user!.device : deviceMix.pick(rng);
      const place = user !== undefined && rng.chance(0.93) ? user.place : places.pick(rng);
      const url = `https://${site.host}${rng.pick(site.pages)}`;
      const newerPlayer = rng.chance(0.62);
      const pt = rng.next();
      const session: Session = {
        sessionId: `${uuid(rng)}:${uuid(rng)}`,
        userId: user?.id,
        entryId: isImage ? SAMPLE_IMAGE_ID : SAMPLE_VIDEO_ID,
        playbackType: isImage || pt < 0.955 ? 'vod' : pt < 0.98 ? 'live' : 'dvr',
        referrer: newerPlayer ? base64(url) : url,
        playbackContext: site.context,
        country: place.country.code,
        region: place.region.name,
        city: place.city.name,
        latitude: place.city.lat,
        longitude: place.city.lon,
        device: profile.device,
        os: ownDevice ? user!.os : pickWeighted(rng, profile.os),
        browser: ownDevice ? user!.browser : pickWeighted(rng, profile.browsers),
        strings: rng.chance(0.03),
        idx: 0,
      };
      const patience = (user?.patience ?? Math.exp(0.35 * rng.normal())) * (profile.device === 'Mobile' ? 1.3 : 1);
      if (isImage) imageSession(rng, session, start, buffer);
      else videoSession(rng, session, start, patience, buffer);
    }
    buffer.sort(byTime);
    for (const e of buffer) sink(e);
    emitted += buffer.length;
  }
  buffer.length = 0;
  return { entries, users: directory };
}

/** Generates the whole sample in memory. */
export function generateSample(options: SampleOptions = {}): SampleData {
  const events: RawEvent[] = [];
  const rest = generateSampleEvents(options, (e) => events.push(e));
  return { ...rest, events };
}
