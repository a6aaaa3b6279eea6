/**
 * Chart images: a panel's chart as a stand-alone SVG file (and a PNG drawn from it), with the panel's title, the date
 * range and the legend, in the page's language and theme.
 *
 * The image is made from what is on screen, so it is what the reader sees: inline SVG is cloned with every computed
 * style written as a presentation attribute (tokens, themes and forced colours resolved), canvases (the heatmap) are
 * embedded as PNG images, and HTML marks (the devices' bars, the funnel's steps, legends) become rectangles and text at
 * their laid-out positions. Nothing is added to the host document: no style element, no inline style, no script. The
 * PNG is drawn by loading the SVG as an image from a `blob:` URL, which a page with a Content-Security-Policy must allow
 * in `img-src` (`img-src 'self' blob:`); the SVG download needs nothing.
 */

/** One generated legend entry (for charts whose legend is not an element): a line swatch and its label. */
export interface LegendItem {
  label: string;
  /** A CSS colour, e.g. a computed `stroke`. */
  color: string;
  dashed?: boolean;
}

/** What a chart image is made of. */
export interface ChartImageInput {
  /** The panel's title. */
  title: string;
  /** The line under the title: the date range (and compare range). */
  subtitle: string;
  /** The element holding the chart. */
  chart: Element;
  /** Legend elements, drawn under the chart as laid out on screen. */
  legends?: readonly Element[];
  /** Legend entries drawn as line swatches, for charts without a legend element. */
  legendItems?: readonly LegendItem[];
  /** The element whose background, text colour and font the image takes (the panel frame). */
  frame: Element;
  /** `lang` of the text. */
  lang: string;
  /** Writing direction. */
  dir: 'ltr' | 'rtl';
}

/** A chart image: SVG text and its size in CSS pixels. */
export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

const PAD = 16;
/** Longest chart part kept, in CSS pixels (a heatmap of thousands of users). */
const MAX_CHART_HEIGHT = 4000;

/** SVG properties copied from computed styles, with the value that can be left out. */
const SVG_PROPS: readonly (readonly [string, string | undefined])[] = [
  ['fill', undefined],
  ['fill-opacity', '1'],
  ['fill-rule', 'nonzero'],
  ['stroke', 'none'],
  ['stroke-width', undefined],
  ['stroke-opacity', '1'],
  ['stroke-dasharray', 'none'],
  ['stroke-linecap', 'butt'],
  ['stroke-linejoin', 'miter'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['vector-effect', 'none'],
  ['shape-rendering', 'auto'],
  ['paint-order', 'normal'],
];
const TEXT_PROPS: readonly (readonly [string, string | undefined])[] = [
  ['font-family', undefined],
  ['font-size', undefined],
  ['font-weight', '400'],
  ['font-style', 'normal'],
  ['text-anchor', 'start'],
  ['dominant-baseline', 'auto'],
  ['direction', 'ltr'],
];
const TEXT_TAGS = new Set(['text', 'tspan', 'textPath']);

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => String(Math.round(n * 100) / 100);
const transparent = (c: string) => !c || c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);

/** Copies computed styles of `original`'s SVG subtree onto `copy` as attributes; drops what is not drawn. */
function inlineSvg(original: Element, copy: Element): void {
  const from = [original, ...original.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  const drop: Element[] = [];
  from.forEach((o, i) => {
    const c = to[i]!;
    const cs = getComputedStyle(o);
    if (cs.display === 'none' || o.localName === 'foreignObject') {
      drop.push(c);
      return;
    }
    const props = TEXT_TAGS.has(o.localName) ? [...SVG_PROPS, ...TEXT_PROPS] : SVG_PROPS;
    for (const [prop, initial] of props) {
      const value = cs.getPropertyValue(prop);
      if (value && value !== initial) c.setAttribute(prop, value);
    }
    for (const attr of [...c.attributes])
      if (/^(class|part|style|tabindex|role|focusable|aria-|data-|on)/.test(attr.name)) c.removeAttribute(attr.name);
  });
  for (const d of drop) d.remove();
}

/** Whether an element is visually hidden (the `sr-only` pattern) or not rendered. */
function hidden(el: Element, cs: CSSStyleDeclaration, rect: DOMRect): boolean {
  if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return true;
  if (rect.width <= 1 && rect.height <= 1 && cs.position === 'absolute') return true;
  return cs.clip === 'rect(0px, 0px, 0px, 0px)' || (el as HTMLElement).hidden === true;
}

function textAttrs(cs: CSSStyleDeclaration): string {
  return [
    `fill="${escape(cs.color)}"`,
    `font-family="${escape(cs.fontFamily)}"`,
    `font-size="${escape(cs.fontSize)}"`,
    cs.fontWeight !== '400' ? `font-weight="${escape(cs.fontWeight)}"` : '',
    cs.fontStyle !== 'normal' ? `font-style="${escape(cs.fontStyle)}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Text runs of a text node, one per line it occupies on screen. */
function textRuns(node: Text): { text: string; rect: DOMRect }[] {
  const raw = node.data.replace(/\s+/g, ' ');
  if (!raw.trim()) return [];
  const range = document.createRange();
  range.selectNodeContents(node);
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  if (rects.length <= 1) return rects.length ? [{ text: raw.trim(), rect: rects[0]! }] : [];
  // Wrapped text: one run per line, grouping words by the line they sit on.
  const lines: { text: string; rect: DOMRect }[] = [];
  for (const m of node.data.matchAll(/\S+/g)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getBoundingClientRect();
    const line = lines.at(-1);
    if (line && Math.abs(line.rect.top - r.top) < r.height / 2) {
      line.text += ` ${m[0]}`;
      line.rect = new DOMRect(
        Math.min(line.rect.left, r.left),
        line.rect.top,
        Math.max(line.rect.right, r.right) - Math.min(line.rect.left, r.left),
        line.rect.height,
      );
    } else lines.push({ text: m[0], rect: r });
  }
  return lines;
}

/**
 * Draws `root` and what it holds as SVG markup, at positions relative to `origin` (the top-left corner of the area
 * being drawn, in viewport coordinates).
 */
function drawNode(node: Node, origin: { x: number; y: number }, out: string[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    if (!parent) return;
    const cs = getComputedStyle(parent);
    const rtl = cs.direction === 'rtl';
    for (const run of textRuns(node as Text)) {
      const x = (rtl ? run.rect.right : run.rect.left) - origin.x;
      const y = run.rect.top + run.rect.height / 2 - origin.y;
      const text = cs.textTransform === 'uppercase' ? run.text.toLocaleUpperCase() : run.text;
      out.push(
        `<text x="${num(x)}" y="${num(y)}" dominant-baseline="central"${rtl ? ' direction="rtl"' : ''} ${textAttrs(cs)}>${escape(text)}</text>`,
      );
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const el = node as Element;
  const tag = el.localName;
  if (tag === 'style' || tag === 'script' || tag === 'template' || tag === 'select' || tag === 'input' || tag === 'textarea')
    return;
  const cs = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  if (hidden(el, cs, rect)) return;
  const x = rect.left - origin.x;
  const y = rect.top - origin.y;
  const opacity = Number(cs.opacity);
  if (opacity === 0) return;
  if (opacity < 1) out.push(`<g opacity="${num(opacity)}">`);
  if (tag === 'svg') {
    const copy = el.cloneNode(true) as SVGSVGElement;
    inlineSvg(el, copy);
    copy.setAttribute('x', num(x));
    copy.setAttribute('y', num(y));
    copy.setAttribute('width', num(rect.width));
    copy.setAttribute('height', num(rect.height));
    copy.removeAttribute('xmlns');
    out.push(new XMLSerializer().serializeToString(copy).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, ''));
  } else if (tag === 'canvas') {
    let href = '';
    try {
      href = (el as HTMLCanvasElement).toDataURL('image/png');
    } catch {
      href = '';
    }
    if (href)
      out.push(
        `<image x="${num(x)}" y="${num(y)}" width="${num(rect.width)}" height="${num(rect.height)}" preserveAspectRatio="none" href="${href}"/>`,
      );
  } else if (tag !== 'img' && !(tag === 'button' && !el.hasAttribute('aria-pressed'))) {
    // Controls are left out (a "Filter" button means nothing on paper); toggles stay, as they are legend entries.
    drawBox(cs, x, y, rect, out);
    // A scrolling or clipping box clips what it holds: a nested viewport in the same coordinates.
    const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
    if (clips)
      out.push(
        `<svg x="${num(x)}" y="${num(y)}" width="${num(rect.width)}" height="${num(rect.height)}" viewBox="${num(x)} ${num(y)} ${num(rect.width)} ${num(rect.height)}" overflow="hidden">`,
      );
    for (const child of (el.shadowRoot ?? el).childNodes) drawNode(child, origin, out);
    if (clips) out.push('</svg>');
  }
  if (opacity < 1) out.push('</g>');
}

/** An HTML element's background and borders. */
function drawBox(cs: CSSStyleDeclaration, x: number, y: number, rect: DOMRect, out: string[]): void {
  if (rect.width <= 0 || rect.height <= 0) return;
  const radius = parseFloat(cs.borderTopLeftRadius) || 0;
  const r = radius ? ` rx="${num(Math.min(radius, rect.width / 2, rect.height / 2))}"` : '';
  if (!transparent(cs.backgroundColor))
    out.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(rect.width)}" height="${num(rect.height)}"${r} fill="${escape(cs.backgroundColor)}"/>`);
  const sides = (['Top', 'Right', 'Bottom', 'Left'] as const).map((s) => ({
    side: s,
    width: parseFloat(cs.getPropertyValue(`border-${s.toLowerCase()}-width`)) || 0,
    color: cs.getPropertyValue(`border-${s.toLowerCase()}-color`),
    style: cs.getPropertyValue(`border-${s.toLowerCase()}-style`),
  }));
  const drawn = sides.filter((s) => s.width > 0 && s.style !== 'none' && s.style !== 'hidden' && !transparent(s.color));
  if (drawn.length === 4 && drawn.every((s) => s.width === drawn[0]!.width && s.color === drawn[0]!.color)) {
    const w = drawn[0]!.width;
    out.push(
      `<rect x="${num(x + w / 2)}" y="${num(y + w / 2)}" width="${num(rect.width - w)}" height="${num(rect.height - w)}"${r} fill="none" stroke="${escape(drawn[0]!.color)}" stroke-width="${num(w)}"/>`,
    );
    return;
  }
  for (const s of drawn) {
    const h = s.width / 2;
    const [x1, y1, x2, y2] =
      s.side === 'Top'
        ? [x, y + h, x + rect.width, y + h]
        : s.side === 'Bottom'
          ? [x, y + rect.height - h, x + rect.width, y + rect.height - h]
          : s.side === 'Left'
            ? [x + h, y, x + h, y + rect.height]
            : [x + rect.width - h, y, x + rect.width - h, y + rect.height];
    out.push(
      `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${escape(s.color)}" stroke-width="${num(s.width)}"${s.style === 'dashed' ? ' stroke-dasharray="4 3"' : ''}/>`,
    );
  }
}

let measure: CanvasRenderingContext2D | null | undefined;
/** Width of `text` in `font` (canvas metrics; a rough estimate when no canvas is available). */
function textWidth(text: string, font: string, size: number): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * size * 0.6;
  measure.font = font;
  return measure.measureText(text).width;
}

/** The chart image of a panel, as SVG text. */
export function chartSvg(input: ChartImageInput): ChartImage {
  const frame = getComputedStyle(input.frame);
  const color = frame.color;
  const font = frame.fontFamily;
  const background = transparent(frame.backgroundColor) ? 'rgb(255, 255, 255)' : frame.backgroundColor;
  const rtl = input.dir === 'rtl';

  const chartRect = input.chart.getBoundingClientRect();
  const chartWidth = Math.max(chartRect.width, input.chart.scrollWidth);
  const chartHeight = Math.min(MAX_CHART_HEIGHT, Math.max(chartRect.height, input.chart.scrollHeight));
  const body: string[] = [];
  const titleY = PAD;
  const subtitleY = titleY + 26;
  let y = subtitleY + 28;

  // The chart, clipped to its own area (scrolled-out rows included, up to the maximum height).
  const chartOrigin = { x: chartRect.left - input.chart.scrollLeft, y: chartRect.top - input.chart.scrollTop };
  const chartParts: string[] = [];
  const box: string[] = [];
  if (input.chart.localName === 'svg') drawNode(input.chart, chartOrigin, chartParts);
  else {
    drawBox(getComputedStyle(input.chart), 0, 0, chartRect, box);
    for (const child of (input.chart.shadowRoot ?? input.chart).childNodes) drawNode(child, chartOrigin, chartParts);
  }
  body.push(
    `<svg x="${PAD}" y="${num(y)}" width="${num(chartWidth)}" height="${num(chartHeight)}" viewBox="0 0 ${num(chartWidth)} ${num(chartHeight)}" overflow="hidden">${box.join('')}${chartParts.join('')}</svg>`,
  );
  y += chartHeight + 12;
  let width = chartWidth;

  // Legends: the panel's own elements as laid out on screen, then any generated entries.
  for (const legend of input.legends ?? []) {
    const rect = legend.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) continue;
    const parts: string[] = [];
    drawNode(legend, { x: rect.left, y: rect.top }, parts);
    const lx = rtl ? PAD + Math.max(chartWidth, rect.width) - rect.width : PAD;
    body.push(`<g transform="translate(${num(lx)} ${num(y)})">${parts.join('')}</g>`);
    width = Math.max(width, rect.width);
    y += rect.height + 8;
  }
  const items = input.legendItems ?? [];
  if (items.length) {
    const size = 13;
    let x = 0;
    const row: string[] = [];
    for (const item of items) {
      const w = 22 + textWidth(item.label, `${size}px ${font}`, size) + 16;
      const ix = rtl ? -x : x;
      row.push(
        `<line x1="${num(ix)}" y1="9" x2="${num(ix + (rtl ? -16 : 16))}" y2="9" stroke="${escape(item.color)}" stroke-width="2.5"${item.dashed ? ' stroke-dasharray="4 3"' : ''}/>`,
        `<text x="${num(ix + (rtl ? -22 : 22))}" y="9" dominant-baseline="central"${rtl ? ' direction="rtl"' : ''} fill="${escape(color)}" font-family="${escape(font)}" font-size="${size}">${escape(item.label)}</text>`,
      );
      x += w;
    }
    width = Math.max(width, x);
    const lx = rtl ? PAD + width : PAD;
    body.push(`<g transform="translate(${num(lx)} ${num(y)})">${row.join('')}</g>`);
    y += 26;
  }

  const titleFont = `600 17px ${font}`;
  width = Math.ceil(
    Math.max(width, textWidth(input.title, titleFont, 17), textWidth(input.subtitle, `13px ${font}`, 13)) + 2 * PAD,
  );
  const height = Math.ceil(y + PAD - 8);
  const tx = rtl ? width - PAD : PAD;
  const dir = rtl ? ' direction="rtl"' : '';
  const header = [
    `<text x="${tx}" y="${titleY}" dominant-baseline="hanging"${dir} fill="${escape(color)}" font-family="${escape(font)}" font-size="17" font-weight="600">${escape(input.title)}</text>`,
    `<text x="${tx}" y="${subtitleY}" dominant-baseline="hanging"${dir} fill="${escape(color)}" fill-opacity="0.8" font-family="${escape(font)}" font-size="13">${escape(input.subtitle)}</text>`,
  ];
  // A right-to-left chart keeps its own layout: only the header and legends are anchored on the right.
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xml:lang="${escape(input.lang)}">` +
    `<title>${escape(input.title)} — ${escape(input.subtitle)}</title>` +
    `<rect width="100%" height="100%" fill="${escape(background)}"/>` +
    header.join('') +
    body.join('') +
    `</svg>`;
  return { svg, width, height };
}

/** Draws SVG text onto a canvas and returns the PNG, at `scale` device pixels per CSS pixel. */
export async function svgToPng(image: ChartImage, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.width * scale);
    canvas.height = Math.ceil(image.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, image.width, image.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
