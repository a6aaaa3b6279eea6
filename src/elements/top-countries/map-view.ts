/**
 * The map of `<top-countries>`: layout and template, in the chunk the element imports dynamically when its map first
 * comes on screen (with d3-geo and topojson-client, see `map-layout.ts`). The element keeps its state and passes it
 * in a {@link MapHost}; nothing here is imported statically by the element.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { cssProps } from '../shared/css-props.js';
import type { GeoLevel, GeoResult, GeoRow, MetricName } from '../../data/types.js';
import { formatMetric, metricDef } from '../../data/metrics.js';
import type { Formatters, MessageKey, MessageParams } from '../../i18n/index.js';
import {
  choroplethClass,
  choroplethLegend,
  choroplethThresholds,
  countryLayout,
  placePoints,
  worldHeight,
  worldLayout,
  type AtlasCountry,
  type CountryShape,
  type LonLat,
  type MapLayout,
  type PlacePoint,
} from '../../charts/geo.js';
import { listStep } from '../../charts/list-keys.js';
import { countryPoint } from '../../charts/country-points.js';
export { mapStyles } from './map-view.styles.js';

/** What the map needs from its element: the data and state to draw, and the element's helpers and actions. */
export interface MapHost {
  /** Identifies the element, for the layout kept between renders. */
  memo: object;
  data: GeoResult;
  countries: AtlasCountry[];
  /** Width of the map, pixels. */
  width: number;
  /** The country drilled into (alpha-2), or ''. */
  country: string;
  /** The place drilled into, by name (the region, else the country). */
  place: string;
  metric: MetricName;
  /** The mark with focus or the pointer, or -1. */
  active: number;
  /** Whether the tooltip shows. */
  tip: boolean;
  /** Id prefix unique to the element. */
  uid: string;
  fmt: Formatters;
  t(key: MessageKey, params?: MessageParams): string;
  rowName(row: GeoRow, level: GeoLevel): string;
  format(metric: MetricName, v: number): string;
  /** A mark's accessible name (with the compare period when comparing). */
  pointText(row: GeoRow): string;
  /** The compare period's lines of the tooltip. */
  tipCompare(row: GeoRow): unknown;
  canDrill(row: GeoRow, level: GeoLevel): boolean;
  drill(row: GeoRow, level: GeoLevel): void;
  show(i: number): void;
  hide(): void;
  /** Goes up one drill level (Escape). */
  up(): void;
  /** Makes mark `i` the active one and moves focus to it. */
  moveTo(i: number): void;
}

/** A focusable place on the map: a country shape (world) or a circle (regions, cities). */
interface Mark {
  row: GeoRow;
  /** Where the tooltip points, in map pixels. */
  x: number;
  y: number;
}

interface Memo {
  key: string;
  countries: AtlasCountry[];
  layout: MapLayout;
  project?: (p: LonLat) => [number, number] | undefined;
}

const CLASSES = 5;

/** The map's layout, kept per element while its inputs stay the same (hover and focus do not recompute paths). */
const memos = new WeakMap<object, Memo>();

function mapLayout(h: MapHost, data: GeoResult, width: number): Memo {
  const countries = h.countries;
  const drilled = data.level !== 'country' && h.country;
  const points: LonLat[] = drilled
    ? data.rows.filter((r) => r.lat !== undefined && r.lon !== undefined).map((r) => ({ lon: r.lon!, lat: r.lat! }))
    : [];
  const height = drilled ? Math.round(Math.min(440, Math.max(220, width * 0.62))) : worldHeight(width);
  const key = JSON.stringify([width, height, drilled ? h.country : '', points]);
  const hit = memos.get(h.memo);
  if (hit?.key === key && hit.countries === countries) return hit;
  const zoomed = drilled ? countryLayout(countries, h.country, points, width, height) : undefined;
  const memo: Memo = { key, countries, layout: zoomed ?? worldLayout(countries, width, height), project: zoomed?.project };
  memos.set(h.memo, memo);
  return memo;
}

/**
 * The map of `h.data`: the world's countries coloured by the metric with a legend, or the country drilled into with
 * its places as circles; focusable marks in the table's order (arrow keys, Home/End, Enter drills), a tooltip and a
 * live region for the mark with focus or the pointer.
 */
export function renderMap(h: MapHost): TemplateResult {
  const data = h.data;
  const { layout, project } = mapLayout(h, data, h.width);
  const metric = h.metric;
  const metricLabel = h.t(metricDef(metric).label);
  const level = data.level;
  const drilled = level !== 'country';
  const place = h.place;

  // Marks: countries with data at the world level (in the table's order), circles below it.
  const byCode = new Map(data.rows.filter((r) => r.code).map((r) => [r.code!.toUpperCase(), r]));
  let marks: Mark[] = [];
  let circles: PlacePoint<GeoRow>[] = [];
  /** Countries with data but no outline in the atlas (Singapore, Malta…): a dot at their coordinates. */
  const dots: { row: GeoRow; x: number; y: number; cls: number }[] = [];
  const shapes: { shape: CountryShape; cls: number; row?: GeoRow }[] = [];
  let thresholds: number[] = [];
  if (!drilled) {
    thresholds = choroplethThresholds(Math.max(0, ...data.rows.map((r) => r[metric])), CLASSES, metricDef(metric).bounds.integer);
    const anchors = new Map<string, CountryShape>();
    for (const shape of layout.shapes) {
      const row = shape.code ? byCode.get(shape.code) : undefined;
      shapes.push({ shape, row, cls: row ? choroplethClass(row[metric], thresholds) : 0 });
      if (row && shape.d && shape.anchor) anchors.set(shape.code!, shape);
    }
    const dotOf = new Map<GeoRow, { x: number; y: number }>();
    for (const row of data.rows) {
      const code = row.code?.toUpperCase();
      if (!code || anchors.has(code) || !layout.project) continue;
      const at = countryPoint(code, row);
      const xy = at && layout.project(at);
      if (!xy) continue;
      dotOf.set(row, { x: xy[0], y: xy[1] });
      dots.push({ row, x: xy[0], y: xy[1], cls: choroplethClass(row[metric], thresholds) });
    }
    // Keyboard order follows the table (largest first), shapes and dots alike.
    marks = data.rows
      .filter((r) => (r.code && anchors.has(r.code.toUpperCase())) || dotOf.has(r))
      .map((row) => {
        const dot = dotOf.get(row);
        if (dot) return { row, x: dot.x, y: dot.y };
        const a = anchors.get(row.code!.toUpperCase())!.anchor!;
        return { row, x: a[0], y: a[1] };
      });
  } else {
    for (const shape of layout.shapes) shapes.push({ shape, cls: 0 });
    circles = placePoints(
      data.rows,
      (r) => r[metric],
      (r) => (r.lat !== undefined && r.lon !== undefined ? { lon: r.lon, lat: r.lat } : undefined),
      project ?? (() => undefined),
      Math.max(10, Math.min(26, layout.width / 30)),
    );
    // Keyboard order follows the table (largest first), not the drawing order.
    const byRow = new Map(circles.map((c) => [c.item, c]));
    marks = data.rows.filter((r) => byRow.has(r)).map((row) => ({ row, x: byRow.get(row)!.x, y: byRow.get(row)!.y }));
  }
  const markIndex = new Map(marks.map((m, i) => [m.row, i]));
  const active = h.active >= 0 && h.active < marks.length ? h.active : -1;
  const focusIndex = active >= 0 ? active : 0;
  const leaf = level === 'city';
  const label = drilled
    ? h.t(level === 'region' ? 'geo.mapLabelRegions' : 'geo.mapLabelCities', { metric: metricLabel, place })
    : h.t('geo.mapLabelWorld', { metric: metricLabel });
  const top = marks[0]?.row ?? data.rows[0];
  const summary = top
    ? h.t('geo.mapSummary', {
        count: h.fmt.count(data.rows.length),
        top: h.rowName(top, level),
        value: h.format(metric, top[metric]),
      })
    : h.t('geo.mapSummaryNone');
  const markAttrs = (row: GeoRow) => {
    const i = markIndex.get(row)!;
    return {
      i,
      tabindex: i === focusIndex ? 0 : -1,
      label: h.pointText(row),
      cls: `mark ${leaf ? 'leaf' : ''} ${i === active ? 'active' : ''}`,
    };
  };
  const noCoords = drilled ? data.rows.length - circles.length : 0;
  const tipMark = h.tip && active >= 0 ? marks[active] : undefined;
  return html`<p class="sr-only" id="${h.uid}-map-summary">
      ${summary} ${marks.length ? h.t(leaf ? 'geo.mapKeysLeaf' : 'geo.mapKeys') : ''} ${drilled ? h.t('geo.mapKeysUp') : ''}
    </p>
    <div class="map-box">
    <svg
      class="map"
      part="map"
      role="group"
      aria-label=${label}
      aria-describedby="${h.uid}-map-summary"
      viewBox="0 0 ${layout.width} ${layout.height}"
      @keydown=${(e: KeyboardEvent) => onMapKey(h, e, marks, level)}
    >
      ${svg`<path class="sphere" d=${layout.sphere} aria-hidden="true"></path>
      <g aria-hidden="true">
        ${shapes
          .filter((s) => s.shape.d && !(s.row && markIndex.has(s.row)))
          .map(
            (s) =>
              svg`<path class="country q${s.cls} ${drilled && s.shape.code === h.country ? 'target' : ''}" part="country" d=${s.shape.d} data-code=${s.shape.code ?? ''}></path>`,
          )}
      </g>
      <g class="marks">
        ${
          drilled
            ? circles.map((c) => {
                const a = markAttrs(c.item);
                return svg`<circle
                  class="place ${a.cls}"
                  part="place"
                  cx=${c.x.toFixed(1)}
                  cy=${c.y.toFixed(1)}
                  r=${c.r.toFixed(1)}
                  role=${leaf ? 'img' : 'button'}
                  tabindex=${a.tabindex}
                  aria-label=${a.label}
                  data-name=${c.item.name}
                  data-i=${a.i}
                  @click=${() => h.drill(c.item, level)}
                  @focus=${() => h.show(a.i)}
                  @blur=${() => h.hide()}
                  @pointerenter=${() => h.show(a.i)}
                  @pointerleave=${() => h.hide()}
                ></circle>`;
              })
            : shapes
                .filter((s) => s.row && markIndex.has(s.row))
                .map((s) => {
                  const a = markAttrs(s.row!);
                  return svg`<path
                    class="country q${s.cls} ${a.cls}"
                    part="country"
                    d=${s.shape.d}
                    data-code=${s.shape.code ?? ''}
                    data-i=${a.i}
                    role="button"
                    tabindex=${a.tabindex}
                    aria-label=${a.label}
                    @click=${() => h.drill(s.row!, level)}
                    @focus=${() => h.show(a.i)}
                    @blur=${() => h.hide()}
                    @pointerenter=${() => h.show(a.i)}
                    @pointerleave=${() => h.hide()}
                  ></path>`;
                })
        }
        ${dots.map((d) => {
          const a = markAttrs(d.row);
          return svg`<circle
            class="country-point q${d.cls} ${a.cls}"
            part="country"
            cx=${d.x.toFixed(1)}
            cy=${d.y.toFixed(1)}
            r=${Math.max(3.5, layout.width / 160).toFixed(1)}
            data-code=${d.row.code!.toUpperCase()}
            data-i=${a.i}
            role="button"
            tabindex=${a.tabindex}
            aria-label=${a.label}
            @click=${() => h.drill(d.row, level)}
            @focus=${() => h.show(a.i)}
            @blur=${() => h.hide()}
            @pointerenter=${() => h.show(a.i)}
            @pointerleave=${() => h.hide()}
          ></circle>`;
        })}
      </g>`}
    </svg>
    ${tipMark
      ? html`<div
          class="tooltip"
          part="tooltip"
          aria-hidden="true"
          style=${cssProps({ left: `${(tipMark.x / layout.width) * 100}%`, top: `${(tipMark.y / layout.height) * 100}%` })}
        >
          <strong>${h.rowName(tipMark.row, level)}</strong><br />${metricLabel}: ${h.format(metric, tipMark.row[metric])}
          ${metric !== 'plays' ? html`<br />${h.t(metricDef('plays').label)}: ${h.format('plays', tipMark.row.plays)}` : nothing}
          <br />${h.t(metricDef('distribution').label)}: ${formatMetric(h.fmt, 'distribution', tipMark.row.distribution)}
          ${h.tipCompare(tipMark.row)}
        </div>`
      : nothing}
    </div>
    <div class="sr-only map-live" role="status" aria-live="polite">${tipMark ? h.pointText(tipMark.row) : ''}</div>
    ${drilled ? renderCircleLegend(h, metricLabel, noCoords) : renderLegend(h, thresholds, metric)}`;
}

function renderLegend(h: MapHost, thresholds: number[], metric: MetricName) {
  const fmt = (v: number) => h.format(metric, v);
  return html`<ul class="legend" part="legend" aria-label=${h.t('geo.legend')}>
    <li><span class="swatch q0" aria-hidden="true"></span><span class="legend-text">${h.t('geo.legendNoData')}</span></li>
    ${choroplethLegend(thresholds).map(
      (c) => html`<li>
        <span class="swatch q${c.cls}" aria-hidden="true"></span
        ><span class="legend-text"
          >${c.to === undefined
            ? h.t('geo.legendFrom', { from: fmt(c.from) })
            : h.t('geo.legendRange', { from: fmt(c.from), to: fmt(c.to) })}</span
        >
      </li>`,
    )}
  </ul>`;
}

function renderCircleLegend(h: MapHost, metricLabel: string, noCoords: number) {
  return html`<p class="note" part="legend">${h.t('geo.legendCircles', { metric: metricLabel })}</p>
    ${noCoords > 0 ? html`<p class="note">${h.t('geo.noCoordinates', { count: h.fmt.count(noCoords) })}</p>` : nothing}`;
}

function onMapKey(h: MapHost, e: KeyboardEvent, marks: Mark[], level: GeoLevel) {
  const target = e.target as Element;
  if (!target.classList.contains('mark') || marks.length === 0) return;
  if (e.key === 'Escape' && level !== 'country') {
    e.preventDefault();
    h.up();
    return;
  }
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    const row = marks[h.active < 0 ? 0 : h.active]!.row;
    if (h.canDrill(row, level)) h.drill(row, level);
    return;
  }
  const to = listStep(e.key, h.active, marks.length);
  if (to === undefined) return;
  e.preventDefault();
  h.moveTo(to);
}
