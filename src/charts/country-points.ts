/**
 * Where to draw the countries and territories that the 110m world atlas has no outline for (too small at that
 * scale): a point near each one's capital, in degrees. The map draws such a country as a dot there, unless its row
 * carries coordinates of its own. Pure data; coordinates rounded to 0.01°.
 */
import type { LonLat } from './geo.js';

const P = (lat: number, lon: number): LonLat => ({ lat, lon });

/** Alpha-2 code → a point (the capital, or the main town), for places absent from `countries-110m`. */
export const COUNTRY_POINTS: Readonly<Record<string, LonLat>> = {
  AD: P(42.51, 1.52),
  AG: P(17.12, -61.85),
  AI: P(18.22, -63.06),
  AS: P(-14.28, -170.7),
  AW: P(12.52, -70.03),
  AX: P(60.1, 19.94),
  BB: P(13.1, -59.62),
  BH: P(26.23, 50.59),
  BL: P(17.9, -62.85),
  BM: P(32.29, -64.78),
  BQ: P(12.15, -68.27),
  CC: P(-12.19, 96.83),
  CK: P(-21.21, -159.78),
  CV: P(14.93, -23.51),
  CW: P(12.11, -68.93),
  CX: P(-10.49, 105.62),
  DM: P(15.3, -61.39),
  FM: P(6.92, 158.16),
  FO: P(62.01, -6.77),
  GD: P(12.06, -61.75),
  GG: P(49.46, -2.54),
  GI: P(36.14, -5.35),
  GP: P(16, -61.73),
  GU: P(13.48, 144.75),
  HK: P(22.32, 114.17),
  IM: P(54.15, -4.48),
  IO: P(-7.31, 72.42),
  JE: P(49.19, -2.11),
  KI: P(1.33, 172.98),
  KM: P(-11.7, 43.26),
  KN: P(17.3, -62.72),
  KY: P(19.29, -81.37),
  LC: P(14.01, -60.99),
  LI: P(47.14, 9.52),
  MC: P(43.73, 7.42),
  MF: P(18.07, -63.08),
  MH: P(7.09, 171.38),
  MO: P(22.2, 113.54),
  MP: P(15.21, 145.75),
  MQ: P(14.6, -61.07),
  MS: P(16.79, -62.21),
  MT: P(35.9, 14.51),
  MU: P(-20.16, 57.5),
  MV: P(4.18, 73.51),
  NF: P(-29.04, 167.95),
  NR: P(-0.55, 166.92),
  NU: P(-19.05, -169.92),
  PF: P(-17.54, -149.57),
  PM: P(46.78, -56.18),
  PN: P(-25.07, -130.1),
  PW: P(7.5, 134.62),
  RE: P(-20.88, 55.45),
  SC: P(-4.62, 55.45),
  SG: P(1.35, 103.82),
  SH: P(-15.93, -5.72),
  SM: P(43.94, 12.45),
  ST: P(0.34, 6.73),
  SX: P(18.03, -63.05),
  TC: P(21.46, -71.14),
  TK: P(-9.2, -171.85),
  TO: P(-21.14, -175.2),
  TV: P(-8.52, 179.2),
  VA: P(41.9, 12.45),
  VC: P(13.16, -61.22),
  VG: P(18.43, -64.62),
  VI: P(18.34, -64.93),
  WF: P(-13.28, -176.17),
  WS: P(-13.83, -171.76),
  YT: P(-12.78, 45.23),
};

/** Where to draw a country that has no outline: the row's own coordinates, else the table's point, else nothing. */
export function countryPoint(code: string, row: { lat?: number; lon?: number }): LonLat | undefined {
  if (row.lat !== undefined && row.lon !== undefined && Number.isFinite(row.lat) && Number.isFinite(row.lon)) return { lat: row.lat, lon: row.lon };
  return COUNTRY_POINTS[code.toUpperCase()];
}
