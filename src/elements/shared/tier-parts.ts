/**
 * What `<engagement-heatmap>` and `<class-engagement>` share: the list attribute of user ids, the styles of the tier
 * legend and of the dark cell tooltip, the tier legend, the media-time axis with chapter markers, and the CSV of the
 * users × buckets matrix.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { cssProps } from './css-props.js';
import { BUCKETS, type HeatmapRow, type Marker } from '../../data/types.js';
import type { CsvColumn, CsvTable } from '../../data/csv.js';
import type { Formatters } from '../../i18n/index.js';
import { bucketTime, timeTicks, timeX, TIERS, type Tier } from '../../charts/heatmap.js';
export { tierStyles } from './tier-parts.styles.js';

/** Reads a list attribute: ids separated by spaces or commas. */
export const idListConverter = {
  fromAttribute: (value: string | null): string[] | undefined =>
    value === null ? undefined : value.split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: string[] | undefined): string | null => (value ? value.join(' ') : null),
};

/** One legend entry beyond the tiers: its swatch colour and its text. */
export interface LegendItem {
  color: string;
  label: string;
}

/** The legend of the four tiers (and any `extra` entries), labelled by `label`. */
export function tierLegend(label: string, tierLabel: (t: Tier) => string, extra: LegendItem[] = []): TemplateResult {
  const item = (color: string, text: string) =>
    html`<li><span class="swatch" style=${cssProps({ background: color })} aria-hidden="true"></span>${text}</li>`;
  return html`<ul class="legend" part="legend" aria-label=${label}>
    ${TIERS.map((t) => item(`var(--_tier-${t})`, tierLabel(t)))} ${extra.map((x) => item(x.color, x.label))}
  </ul>`;
}

/**
 * Ticks in media time and a triangle per marker (its label as the SVG title), for an axis `width` px wide whose
 * markers stand on `baseline`; the caller wraps them in its `<svg>` or `<g>`.
 */
export function timeAxisMarks(
  duration: number,
  markers: readonly Marker[],
  geometry: { width: number; rtl: boolean; baseline: number },
  fmt: Formatters,
): SVGTemplateResult {
  const { width: w, baseline } = geometry;
  const ticks = timeTicks(duration, Math.max(1, Math.floor(w / 70)));
  return svg`${ticks.map((t) => {
    const x = timeX(t, duration, geometry);
    const anchor = x < 12 ? 'start' : x > w - 12 ? 'end' : 'middle';
    return svg`<line x1=${x} x2=${x} y1="0" y2="4"></line><text x=${x} y="16" text-anchor=${anchor}>${fmt.mediaTime(t)}</text>`;
  })}
  ${markers
    .filter((m) => m.time >= 0 && m.time <= duration)
    .map((m) => {
      const x = timeX(m.time, duration, geometry);
      return svg`<path class="marker" d="M${x - 4},${baseline} L${x + 4},${baseline} L${x},${baseline - 6} Z"><title>${m.label}</title></path>`;
    })}`;
}

/** The users × buckets matrix as a CSV table: id, name, then one column per 1 % (with its media time). */
export function matrixCsv(
  name: string,
  users: readonly HeatmapRow[],
  duration: number,
  labels: { userId: string; name: string },
  fmt: Formatters,
): CsvTable {
  const columns: CsvColumn[] = [
    { field: 'userId', label: labels.userId },
    { field: 'name', label: labels.name },
  ];
  for (let i = 0; i < BUCKETS; i++)
    columns.push({ field: `bucket${i}`, label: `${fmt.percent(i, 0)} (${fmt.mediaTime(bucketTime(i, duration))})` });
  return { name, columns, rows: users.map((u) => [u.userId, u.name, ...u.counts]) };
}
