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
  // Groups still to sort, as (from, to, offset) triples: a loop over a work list, not recursion, so strings sharing a
  // prefix of any length (100,000 equal units) never overflow the stack.
  const work: number[] = [0, order.length, 0];
  while (work.length) {
    const offset = work.pop()!;
    const to = work.pop()!;
    const from = work.pop()!;
    sortFrom(values, order, from, to, offset, work);
  }
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

/**
 * Sorts `order[from … to)` (ascending indices within equal strings) whose strings share their first `offset` units by
 * their next chunk; groups that chunk cannot tell apart are pushed onto `work` for the next one.
 */
function sortFrom(values: readonly string[], order: Int32Array, from: number, to: number, offset: number, work: number[]): void {
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
    if (anyMore && allMore) work.push(from + a, from + b, offset + CHUNK);
    else byString(values, order, from + a, from + b);
  }
}

/** How {@link collationKeys} maps characters: built from one collator by {@link collationTable}. */
export interface CollationTable {
  /** Per ASCII code unit: its primary class (1 … 127, in the collator's order), or 0 when the collator ignores it. */
  readonly ascii: Uint8Array;
  /** Per other code unit (filled on use): its key text (classes of the ASCII letter it shares its primary with). */
  readonly other: Map<number, string>;
  /** The same locale compared by base letters only (accents and case ignored). */
  readonly base: Intl.Collator;
}

/**
 * The ASCII characters' primary classes by `collator` (characters equal at base strength share a class; the classes
 * ascend in the collator's order). Only speed depends on it: keys made from it merely pre-order names for the collator.
 */
export function collationTable(collator: Intl.Collator): CollationTable {
  const base = new Intl.Collator(collator.resolvedOptions().locale, { sensitivity: 'base' });
  const ascii = new Uint8Array(128);
  const chars: string[] = [];
  for (let c = 0; c < 128; c++) chars.push(String.fromCharCode(c));
  const kept = chars.filter((ch) => base.compare(ch, '') !== 0).sort(base.compare);
  let cls = 0;
  for (let k = 0; k < kept.length; k++) {
    if (k === 0 || base.compare(kept[k - 1]!, kept[k]!) !== 0) cls++;
    ascii[kept[k]!.charCodeAt(0)] = Math.min(cls, 126);
  }
  return { ascii, other: new Map(), base };
}

/** The key text of one non-ASCII code unit: its base letters' classes when the collator equates them, else itself. */
function otherKey(t: CollationTable, u: number): string {
  let key = t.other.get(u);
  if (key !== undefined) return key;
  const ch = String.fromCharCode(u);
  key = ch;
  if (u < 0xd800 || u > 0xdfff) {
    let plain = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    let asciiOnly = plain.length > 0;
    for (let i = 0; i < plain.length; i++) if (plain.charCodeAt(i) >= 128) asciiOnly = false;
    if (!asciiOnly || t.base.compare(ch, plain) !== 0) {
      plain = '';
      for (let c = 0x61; c <= 0x7a && !plain; c++) if (t.base.compare(ch, String.fromCharCode(c)) === 0) plain = String.fromCharCode(c);
    }
    if (plain) {
      key = '';
      for (let i = 0; i < plain.length; i++) {
        const k = t.ascii[plain.charCodeAt(i)]!;
        if (k) key += String.fromCharCode(k);
      }
    }
  }
  t.other.set(u, key);
  return key;
}

/**
 * Presort keys for names to be ordered by a collator: each character becomes its primary class (case and accents
 * folded, ignorable characters dropped), then U+0000 and the name with ASCII case swapped (lower case first, as the
 * collator breaks such ties). Sorted by code units, the keys give the collator's order for most names; the caller
 * checks every neighbouring pair with the collator, so a key that disagrees costs time, never correctness.
 */
export function collationKeys(names: readonly string[], t: CollationTable): string[] {
  const keys = new Array<string>(names.length);
  const ascii = t.ascii;
  let buf = new Uint16Array(256);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const n = name.length;
    if (buf.length < 8 * n + 2) buf = new Uint16Array(8 * n + 2);
    // The swapped name goes after the primary classes, which take at most 4 units per unit of the name.
    let len = 0;
    let tail = 4 * n + 1;
    for (let c = 0; c < n; c++) {
      const u = name.charCodeAt(c);
      if (u < 128) {
        const k = ascii[u]!;
        if (k) buf[len++] = k;
        buf[tail++] = u >= 0x41 && u <= 0x5a ? u + 32 : u >= 0x61 && u <= 0x7a ? u - 32 : u;
      } else {
        const key = otherKey(t, u);
        for (let j = 0; j < key.length && j < 4; j++) buf[len++] = key.charCodeAt(j);
        buf[tail++] = u;
      }
    }
    buf[len++] = 0;
    buf.copyWithin(len, 4 * n + 1, tail);
    len += tail - (4 * n + 1);
    keys[i] = unitsToString(buf, len);
  }
  return keys;
}

/** Units per `String.fromCharCode` call: a bounded argument count (a name of any length never overflows the stack). */
const UNITS_PER_CALL = 4096;

/** The string of UTF-16 units `buf[0…len)`, built in bounded chunks. */
function unitsToString(buf: Uint16Array, len: number): string {
  if (len <= UNITS_PER_CALL) return String.fromCharCode.apply(null, buf.subarray(0, len) as unknown as number[]);
  let out = '';
  for (let at = 0; at < len; at += UNITS_PER_CALL)
    out += String.fromCharCode.apply(null, buf.subarray(at, Math.min(len, at + UNITS_PER_CALL)) as unknown as number[]);
  return out;
}
