/**
 * Sorting strings without a comparator call per comparison.
 * @internal
 */

/**
 * Indices of `values` in ascending code-unit order of the strings (what `<` compares), ties by index. Each string's
 * first 7 code units make a number (7 bits each, up to the first unit ≥ 127) that never orders two strings against
 * their order, so one native numeric sort and a counting sort do most of the work; only strings sharing a number are
 * compared as strings.
 */
export function codeUnitOrder(values: readonly string[]): Int32Array {
  const n = values.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let k = 0;
    let open = true;
    for (let c = 0; c < 7; c++) {
      // A code unit ≥ 127 maps to 127 and ends the key: the strings it groups are then compared in full.
      const u = open && c < v.length ? Math.min(v.charCodeAt(c), 127) : 0;
      if (u === 127) open = false;
      k = k * 128 + u;
    }
    keys[i] = k;
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
  const order = new Int32Array(n);
  const next = start.slice(0, m);
  for (let i = 0; i < n; i++) order[next[rank[i]!]!++] = i;
  // Groups sharing a key: by the whole string (insertion sort for small groups, a comparator sort otherwise).
  for (let r = 0; r < m; r++) {
    const from = start[r]!;
    const to = start[r + 1]!;
    if (to - from < 2) continue;
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
    } else {
      const group = Array.from(order.subarray(from, to)).sort((a, b) =>
        values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : a - b,
      );
      order.set(group, from);
    }
  }
  return order;
}
