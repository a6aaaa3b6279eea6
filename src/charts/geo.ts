/**
 * Geo layout for the countries map: the atlas (a world-atlas TopoJSON topology) turned into country features keyed
 * by ISO alpha-2, a world projection, a projection zoomed on one country, choropleth classes and circle radii. Pure:
 * numbers and path strings out, no DOM, no fetching.
 */
import { geoArea, geoAzimuthalEqualArea, geoCentroid, geoCircle, geoEqualEarth, geoPath, scaleSqrt, type GeoPermissibleObjects, type GeoProjection } from 'd3';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ATLAS_NAME_BY_ALPHA2, numericToAlpha2 } from './iso-numeric.js';

/** One country of the atlas. */
export interface AtlasCountry {
  /** ISO alpha-2 (or `XK`), or undefined for features no code names (N. Cyprus, Somaliland). */
  code?: string;
  /** The atlas's English name. */
  name: string;
  feature: Feature<Geometry>;
}

/** The atlas could not be read: not a world-atlas countries topology. */
export class AtlasFormatError extends Error {
  override name = 'AtlasFormatError';
}

/**
 * The countries of a world-atlas topology (`countries-110m.json` or `-50m`), with their alpha-2 codes. Throws
 * {@link AtlasFormatError} when `topology` is not such a file.
 */
export function atlasCountries(topology: unknown): AtlasCountry[] {
  const t = topology as Partial<Topology> | null;
  const object = t && typeof t === 'object' && t.type === 'Topology' && t.objects ? t.objects['countries'] : undefined;
  if (!object || object.type !== 'GeometryCollection' || !Array.isArray(t!.arcs))
    throw new AtlasFormatError('not a world-atlas topology with a "countries" object');
  const byName = new Map(Object.entries(ATLAS_NAME_BY_ALPHA2).map(([code, name]) => [name, code]));
  const collection = feature(t as Topology, object as GeometryCollection) as FeatureCollection<Geometry>;
  return collection.features.map((f) => {
    const name = String((f.properties as { name?: unknown } | null)?.name ?? '');
    const code = f.id !== undefined && f.id !== null && f.id !== '' ? numericToAlpha2(f.id) : byName.get(name);
    return { code, name, feature: f };
  });
}

/** A country's outline projected on the map. */
export interface CountryShape {
  code?: string;
  name: string;
  /** SVG path data; empty when the country is outside the view. */
  d: string;
  /** Where a tooltip points: the projected centroid, or undefined when outside the view. */
  anchor?: [number, number];
}

/** A place drawn as a circle. */
export interface PlacePoint<T> {
  item: T;
  x: number;
  y: number;
  r: number;
}

/** A map's layout. */
export interface MapLayout {
  width: number;
  height: number;
  /** The sphere's outline (the world's edge), for the background. */
  sphere: string;
  shapes: CountryShape[];
  /** Projects a point (degrees) onto the map; undefined when it falls outside it. */
  project?(p: LonLat): [number, number] | undefined;
}

const PATH_DIGITS = 1;

function shapesFor(countries: readonly AtlasCountry[], projection: GeoProjection): CountryShape[] {
  const path = geoPath(projection).digits(PATH_DIGITS);
  return countries.map((c) => {
    const d = path(c.feature) ?? '';
    const centroid = d ? path.centroid(c.feature) : undefined;
    return {
      code: c.code,
      name: c.name,
      d,
      anchor: centroid && Number.isFinite(centroid[0]) && Number.isFinite(centroid[1]) ? [centroid[0], centroid[1]] : undefined,
    };
  });
}

/** Height of the world map for a width (Equal Earth is about 2.05 : 1; the rest is margin). */
export function worldHeight(width: number): number {
  return Math.round(width / 2);
}

/** The whole world in the Equal Earth projection, fitted into `width` × `height` with `pad` pixels of margin. */
export function worldLayout(countries: readonly AtlasCountry[], width: number, height: number, pad = 4): MapLayout {
  const projection = geoEqualEarth().fitExtent(
    [
      [pad, pad],
      [Math.max(pad + 1, width - pad), Math.max(pad + 1, height - pad)],
    ],
    { type: 'Sphere' },
  );
  return {
    width,
    height,
    sphere: geoPath(projection).digits(PATH_DIGITS)({ type: 'Sphere' }) ?? '',
    shapes: shapesFor(countries, projection),
    project: (p) => {
      const xy = projection([p.lon, p.lat]);
      return xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? [xy[0], xy[1]] : undefined;
    },
  };
}

/** A point in degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** A projection, its layout and a function that places points. */
export interface ZoomedLayout extends MapLayout {
  /** Projects a point; undefined when it falls on the hidden side of the globe. */
  project(p: LonLat): [number, number] | undefined;
}

/**
 * A map zoomed on one country: an azimuthal equal-area projection centred on the country (so no country is cut by
 * the antimeridian), fitted to the country's outline, or to `points` when the atlas has no outline for it (small
 * countries are absent at 110m), or to the world when there is neither. Neighbours are drawn too, clipped to the view.
 */
export function countryLayout(
  countries: readonly AtlasCountry[],
  code: string,
  points: readonly LonLat[],
  width: number,
  height: number,
  pad = 12,
): ZoomedLayout {
  const target = countries.find((c) => c.code === code.toUpperCase());
  const parts: Feature<Geometry>[] = [];
  if (target) parts.push(mainland(target.feature));
  if (points.length > 1 || (target && points.length))
    parts.push({ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: points.map((p) => [p.lon, p.lat]) } });
  else if (points.length === 1)
    parts.push({ type: 'Feature', properties: {}, geometry: geoCircle().center([points[0]!.lon, points[0]!.lat]).radius(2)() });
  const geo: GeoPermissibleObjects = parts.length ? { type: 'FeatureCollection', features: parts } : { type: 'Sphere' };
  const [lon, lat] = parts.length ? geoCentroid(parts[0]!) : [0, 0];
  const projection = geoAzimuthalEqualArea()
    .rotate([-lon, -lat])
    .clipAngle(90)
    .fitExtent(
      [
        [pad, pad],
        [Math.max(pad + 1, width - pad), Math.max(pad + 1, height - pad)],
      ],
      geo,
    );
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const sphere = geoPath(projection).digits(PATH_DIGITS)({ type: 'Sphere' }) ?? '';
  return {
    width,
    height,
    sphere,
    shapes: shapesFor(countries, projection),
    project: (p) => {
      // Points farther than 90° from the centre are on the hidden hemisphere.
      const centre: [number, number] = [lon, lat];
      if (angularDistance(centre, [p.lon, p.lat]) > 90) return undefined;
      const xy = projection([p.lon, p.lat]);
      return xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? [xy[0], xy[1]] : undefined;
    },
  };
}

/**
 * The part of a country to zoom on: for a multi-polygon, its largest polygon and the others within 25° of it (so
 * France is zoomed on Europe, not stretched to French Guiana; the data's own points are fitted as well).
 */
export function mainland(f: Feature<Geometry>): Feature<Geometry> {
  if (f.geometry.type !== 'MultiPolygon' || f.geometry.coordinates.length < 2) return f;
  const polygons = f.geometry.coordinates.map((coordinates) => {
    const g: Polygon = { type: 'Polygon', coordinates };
    return { coordinates, area: geoArea(g), centre: geoCentroid(g) };
  });
  const largest = polygons.reduce((a, b) => (b.area > a.area ? b : a));
  const kept = polygons.filter((p) => angularDistance(p.centre, largest.centre) <= 25).map((p) => p.coordinates);
  return { ...f, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

const RAD = Math.PI / 180;
/** Great-circle distance between two points, degrees. */
export function angularDistance(a: [number, number], b: [number, number]): number {
  const [l1, p1] = [a[0] * RAD, a[1] * RAD];
  const [l2, p2] = [b[0] * RAD, b[1] * RAD];
  const c = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(l2 - l1);
  return Math.acos(Math.min(1, Math.max(-1, c))) / RAD;
}

/**
 * Class boundaries of a choropleth with `classes` classes over (0, max]: a square-root spacing (so that a few large
 * countries do not leave every other one in the first class), each bound rounded to two significant digits and, for
 * counts, to an integer. Returns the `classes - 1` inner thresholds, increasing and distinct (fewer when `max` is
 * small).
 */
export function choroplethThresholds(max: number, classes = 5, integer = true): number[] {
  if (!(max > 0) || classes < 2) return [];
  const scale = scaleSqrt().domain([0, max]).range([0, classes]);
  const out: number[] = [];
  for (let i = 1; i < classes; i++) {
    let v = scale.invert(i);
    const magnitude = 10 ** (Math.floor(Math.log10(v)) - 1);
    v = Math.round(v / magnitude) * magnitude;
    if (integer) v = Math.max(1, Math.round(v));
    v = Number(v.toPrecision(12));
    if (v > 0 && v < max && (out.length === 0 || v > out[out.length - 1]!)) out.push(v);
  }
  return out;
}

/**
 * The class of a value: 0 for no data (value ≤ 0), else 1 … thresholds.length + 1. A value equal to a threshold
 * belongs to the class above it.
 */
export function choroplethClass(value: number, thresholds: readonly number[]): number {
  if (!(value > 0)) return 0;
  let k = 0;
  while (k < thresholds.length && value >= thresholds[k]!) k++;
  return k + 1;
}

/** The legend's entries: each class with its value range [from, to) (`to` undefined for the last). */
export function choroplethLegend(thresholds: readonly number[]): { cls: number; from: number; to?: number }[] {
  const bounds = [0, ...thresholds];
  return bounds.map((from, i) => ({ cls: i + 1, from, to: thresholds[i] }));
}

/**
 * Circles for places with coordinates: radius by the square root of the value (area ∝ value), `maxRadius` for the
 * largest, at least `minRadius` for any value > 0. Places without coordinates, or on the hidden side, are left out.
 * The largest circles come first so smaller ones are drawn on top.
 */
export function placePoints<T>(
  items: readonly T[],
  value: (item: T) => number,
  coords: (item: T) => LonLat | undefined,
  project: (p: LonLat) => [number, number] | undefined,
  maxRadius = 18,
  minRadius = 3,
): PlacePoint<T>[] {
  const max = Math.max(0, ...items.map(value));
  const r = scaleSqrt()
    .domain([0, max || 1])
    .range([0, maxRadius]);
  const out: PlacePoint<T>[] = [];
  for (const item of items) {
    const c = coords(item);
    if (!c) continue;
    const xy = project(c);
    if (!xy) continue;
    const v = value(item);
    out.push({ item, x: xy[0], y: xy[1], r: v > 0 ? Math.max(minRadius, r(v)) : minRadius / 2 });
  }
  return out.sort((a, b) => b.r - a.r);
}
