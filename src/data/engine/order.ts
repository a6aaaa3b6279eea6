/**
 * Sorting strings without a comparator call per comparison.
 * @internal
 */

/** Code units per key: 7 × 7 bits fit a double exactly. */
const CHUNK = 7;

/**
 * Indices of `values` in ascending code-unit order of the strings (what `<` compares), ties by index. A most
 * significant digit radix sort over chunks of 7 code units: each chunk makes a number (7 bits per unit, up to the
 * first unit ≥ 127) that never orders two strings against their order; a native numeric sort ranks the numbers and a
 * counting sort places the strings. Strings sharing a number are sorted by their next chunk, or compared as strings
 * when the number could not tell them apart (a unit ≥ 127, or nothing left).
 */
export function codeUnitOrder(values: readonly string[]): Int32Array {
  const order = new Int32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  sortFrom(values, order, 0, order.length, 0);
  return order;
}

function byString(values: readonly string[], order: Int32Array, from: number, to: number): void {
  if (to - from <= 16) {
    for (let i = from + 1; i < to; i++) {
      const x = order[i]!;
      const vx = values[x]!;
      let j = i - 1;
      while (j >= from && values[order[j]!]! > vx) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = x;
    }
    return;
  }
  const group = Array.from(order.subarray(from, to)).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : a - b));
  order.set(group, from);
}

/** Sorts `order[from … to)` (ascending indices within equal strings) whose strings share their first `offset` units. */
function sortFrom(values: readonly string[], order: Int32Array, from: number, to: number, offset: number): void {
  const n = to - from;
  if (n < 2) return;
  if (n <= 16) return byString(values, order, from, to);
  const keys = new Float64Array(n);
  // Per member: 1 when the key is exact and the string goes on after this chunk (its group may recurse).
  const more = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[order[from + i]!]!;
    let k = 0;
    let open = true;
    for (let c = offset; c < offset + CHUNK; c++) {
      // A code unit ≥ 127 maps to 127 and ends the key: the strings it groups are then compared in full.
      const u = open && c < v.length ? Math.min(v.charCodeAt(c), 127) : 0;
      if (u === 127) open = false;
      k = k * 128 + u;
    }
    keys[i] = k;
    more[i] = open && v.length > offset + CHUNK ? 1 : 0;
  }
  const sorted = keys.slice().sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  const rank = new Int32Array(n);
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
    start[lo + 1]!++;
  }
  for (let r = 0; r < m; r++) start[r + 1]! += start[r]!;
  const next = start.slice(0, m);
  const placed = new Int32Array(n);
  const placedMore = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const at = next[rank[i]!]!++;
    placed[at] = order[from + i]!;
    placedMore[at] = more[i]!;
  }
  order.set(placed, from);
  for (let r = 0; r < m; r++) {
    const a = start[r]!;
    const b = start[r + 1]!;
    if (b - a < 2) continue;
    // Equal keys: exact for every member that goes on → next chunk; otherwise compare the strings.
    let allMore = true;
    let anyMore = false;
    for (let i = a; i < b; i++) {
      if (placedMore[i]) anyMore = true;
      else allMore = false;
    }
    if (anyMore && allMore) sortFrom(values, order, from + a, from + b, offset + CHUNK);
    else byString(values, order, from + a, from + b);
  }
}
