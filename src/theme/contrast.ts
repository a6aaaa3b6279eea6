/** WCAG 2 contrast arithmetic on `#rrggbb` colours (the token table's notation), for tests and tooling. */

/** Relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The same for two `rgb(r, g, b)` strings as `getComputedStyle` returns them (alpha ignored). */
export function rgbContrast(a: string, b: string): number {
  const hex = (s: string) => {
    const n = s.match(/[\d.]+/g);
    if (!n || n.length < 3) throw new Error(`Not an rgb() colour: ${s}`);
    return `#${n.slice(0, 3).map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('')}`;
  };
  return contrastRatio(hex(a), hex(b));
}
