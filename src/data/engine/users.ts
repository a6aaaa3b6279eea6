/**
 * The users table's orders: rows of a users aggregate sorted by a field (names by locale collation), ties by user id,
 * with row objects made only for the page asked. Orders over the whole user dictionary (id order, name ranks, search
 * text) are computed once per dictionary size and shared by every aggregate.
 * @internal
 */
import type { Sort, UserSortField } from '../types.js';
import { codeUnitOrder, collationKeys, collationTable, type CollationTable } from './order.js';
import type { Dict } from './store.js';

/**
 * The per-user figures of one (entry, range, zone, filters), as typed arrays over the active users (those with an
 * impression or a play), in user-dictionary order; row objects are only made for the page asked.
 */
export interface UsersAggregate {
  key: string;
  /** User index (in the store's user dictionary) of each row. */
  user: Int32Array;
  impressions: Float64Array;
  plays: Float64Array;
  avgCompletionRate: Float64Array;
  totalCompletionRate: Float64Array;
  /** Row order per sort key (`field:direction`). */
  orders: Map<string, UsersOrder>;
  /** Row of each user (-1: none), made when a large tie group is put in id order. */
  rowOfUser?: Int32Array;
}

/**
 * Rows of a users aggregate by one sort key: grouped by the key's rank, each group in row order until it is *settled*
 * (put in user-id order, the tie-breaker), which is done only for the groups a page reaches.
 */
export interface UsersOrder {
  order: Int32Array;
  /** Group g holds positions [bounds[g], bounds[g + 1]) of `order`. */
  bounds: Int32Array;
  /** Per group: how many of its leading positions are in their final order (the whole group once settled). */
  ready: Int32Array;
}

/**
 * Orders over the whole user dictionary, computed once per dictionary size (it only grows) and shared by every users
 * aggregate: the tie-breaker (user id, code-unit order), the name order (locale collation) and the search text.
 */
interface UserIndex {
  size: number;
  /** The users in ascending code-unit order of their ids; made on demand (large tie groups only). */
  byIdRank?: Int32Array;
  /** Position of each user in {@link UserIndex.byIdRank}. */
  idRank?: Int32Array;
  /** Dense rank of each user's display name by the engine's collator (equal names share a rank); made on demand. */
  nameRank?: Int32Array;
  /** Lower-cased name and id of each user, for search; made on demand. */
  haystack?: string[];
}


/** Sorting, settling and searching the rows of users aggregates. */
export class UserOrdering {
  private index: UserIndex | undefined;
  private collation?: CollationTable;

  /**
   * @param dict the store's user dictionary (it only grows)
   * @param name a user's display name
   * @param collator the name collation
   */
  constructor(
    private readonly dict: Dict,
    private readonly name: (userId: string) => string,
    private readonly collator: Intl.Collator,
  ) {}

  /** The dictionary-wide user orders, recomputed when new users arrived. */
  private userIndex(): UserIndex {
    const dict = this.dict;
    const n = dict.size;
    if (this.index?.size === n) return this.index;
    this.index = { size: n };
    return this.index;
  }

  /** The position of every user in ascending code-unit order of the ids (one radix sort per dictionary). */
  private idRank(ix: UserIndex): Int32Array {
    if (!ix.idRank) {
      const byIdRank = codeUnitOrder(this.dict.values);
      const idRank = new Int32Array(ix.size);
      for (let i = 0; i < ix.size; i++) idRank[byIdRank[i]!] = i;
      ix.byIdRank = byIdRank;
      ix.idRank = idRank;
    }
    return ix.idRank;
  }

  /**
   * Puts (at least) the first `need` positions of group `g` of a users order in user-id order (ids are distinct, so
   * this is the order's last tie-breaker; `need` defaults to the whole group). Small groups compare their ids; when a
   * page needs only the head of a large group, the smallest ids are selected (a bounded heap) and only they are
   * sorted; a whole large group uses the dictionary-wide id order, a middling one sorts its own ids.
   */
  settle(agg: UsersAggregate, o: UsersOrder, g: number, need = Infinity): void {
    const a = o.bounds[g]!;
    const b = o.bounds[g + 1]!;
    const n = b - a;
    const ready = o.ready[g]!;
    if (ready >= n || ready >= need) return;
    const ids = this.dict.values;
    const order = o.order;
    const user = agg.user;
    const head = Math.max(64, need);
    if (n > 32 && head * 8 <= n) {
      o.ready[g] = head;
      this.selectHead(agg, order, a, b, head);
      return;
    }
    o.ready[g] = n;
    if (n < 2) return;
    if (n <= 32) {
      for (let i = a + 1; i < b; i++) {
        const k = order[i]!;
        const id = ids[user[k]!]!;
        let j = i - 1;
        while (j >= a && ids[user[order[j]!]!]! > id) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = k;
      }
      return;
    }
    const ix = this.userIndex();
    if (ix.idRank || n > 4096) {
      const idRank = this.idRank(ix);
      const byIdRank = ix.byIdRank!;
      if (!agg.rowOfUser) {
        const rowOfUser = new Int32Array(ix.size).fill(-1);
        for (let k = 0; k < user.length; k++) rowOfUser[user[k]!] = k;
        agg.rowOfUser = rowOfUser;
      }
      const rowOfUser = agg.rowOfUser;
      const keys = new Int32Array(n);
      for (let i = 0; i < n; i++) keys[i] = idRank[user[order[a + i]!]!]!;
      keys.sort();
      for (let i = 0; i < n; i++) order[a + i] = rowOfUser[byIdRank[keys[i]!]!]!;
      return;
    }
    const rows = order.slice(a, b);
    const perm = codeUnitOrder(Array.from(rows, (k) => ids[user[k]!]!));
    for (let i = 0; i < n; i++) order[a + i] = rows[perm[i]!]!;
  }

  /**
   * Moves the `m` rows of `order[a … b)` with the smallest user ids to its front, in id order (the others follow in
   * their previous order): a max-heap of the m smallest seen so far, which most rows leave after one comparison.
   */
  private selectHead(agg: UsersAggregate, order: Int32Array, a: number, b: number, m: number): void {
    const ids = this.dict.values;
    const user = agg.user;
    const heap = new Int32Array(m); // positions in `order`, max id at the root
    const idAt = (k: number) => ids[user[order[k]!]!]!;
    let size = 0;
    for (let k = a; k < b; k++) {
      const id = idAt(k);
      if (size < m) {
        // Sift up.
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (idAt(heap[parent]!) >= id) break;
          heap[i] = heap[parent]!;
          i = parent;
        }
        heap[i] = k;
      } else if (id < idAt(heap[0]!)) {
        // Replace the root and sift down.
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= m) break;
          let c = l;
          if (l + 1 < m && idAt(heap[l + 1]!) > idAt(heap[l]!)) c = l + 1;
          if (idAt(heap[c]!) <= id) break;
          heap[i] = heap[c]!;
          i = c;
        }
        heap[i] = k;
      }
    }
    const chosen = new Uint8Array(b - a);
    const head = Array.from(heap.subarray(0, size), (k) => {
      chosen[k - a] = 1;
      return order[k]!;
    });
    head.sort((x, y) => (ids[user[x]!]! < ids[user[y]!]! ? -1 : 1));
    const rest: number[] = [];
    for (let k = a; k < b; k++) if (chosen[k - a] === 0) rest.push(order[k]!);
    order.set(head, a);
    order.set(rest, a + head.length);
  }

  /** Settles every group of `o` that holds a position in [from, to) (up to `to`). */
  settleRange(agg: UsersAggregate, o: UsersOrder, from: number, to: number): void {
    const bounds = o.bounds;
    // The first group that ends after `from` (bounds ascend).
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bounds[mid + 1]! <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let g = lo; g < bounds.length - 1 && bounds[g]! < to; g++) this.settle(agg, o, g, to - bounds[g]!);
  }

  /** Dense rank of every user's display name by the collator: one sort of the distinct names per dictionary. */
  private nameRank(ix: UserIndex): Int32Array {
    if (ix.nameRank) return ix.nameRank;
    const ids = this.dict.values;
    // One pass over the users: each user keeps the index of its distinct name (an open-addressing table of a hash
    // of the code units: cheaper than a Map of ~100,000 strings), so the ranks reach the users through typed arrays.
    const distinct: string[] = [];
    const userName = new Int32Array(ix.size);
    const slots = new Int32Array(1 << Math.max(4, 32 - Math.clz32(2 * ix.size)));
    const mask = slots.length - 1;
    for (let u = 0; u < ix.size; u++) {
      const name = this.name(ids[u]!);
      let h = 0x811c9dc5;
      for (let c = 0; c < name.length; c++) h = Math.imul(h ^ name.charCodeAt(c), 0x01000193);
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      let s = (h ^ (h >>> 16)) & mask;
      let d: number;
      for (;;) {
        const at = slots[s]!;
        if (at === 0) {
          d = distinct.length;
          distinct.push(name);
          slots[s] = d + 1;
          break;
        }
        if (distinct[at - 1] === name) {
          d = at - 1;
          break;
        }
        s = (s + 1) & mask;
      }
      userName[u] = d;
    }
    // Sorting by the collator alone costs ~n log n ICU comparisons. The names are first put in the order of a cheap
    // key (collationKeys: each character's primary class, case and accents folded; ties by the name with ASCII case
    // swapped, lower case first), which is almost always the collator's order. One pass of n − 1 collator comparisons
    // of neighbours then checks that order and gives the dense ranks; only when a pair is out of order are the names
    // sorted by the collator (from that nearly sorted order, a merge sort needs about one comparison per name). The
    // collator decides every order and every tie.
    const compare = this.collator.compare;
    const order = codeUnitOrder(collationKeys(distinct, this.collationTable()));
    const rankOfDistinct = new Int32Array(distinct.length);
    let r = 0;
    let sorted = true;
    for (let k = 1; k < order.length; k++) {
      const c = compare(distinct[order[k - 1]!]!, distinct[order[k]!]!);
      if (c > 0) {
        sorted = false;
        break;
      }
      if (c < 0) r++;
      rankOfDistinct[order[k]!] = r;
    }
    if (!sorted) {
      const byCollator = Array.from(order).sort((a, b) => compare(distinct[a]!, distinct[b]!));
      r = 0;
      rankOfDistinct[byCollator[0]!] = 0;
      for (let k = 1; k < byCollator.length; k++) {
        if (compare(distinct[byCollator[k - 1]!]!, distinct[byCollator[k]!]!) !== 0) r++;
        rankOfDistinct[byCollator[k]!] = r;
      }
    }
    const nameRank = new Int32Array(ix.size);
    for (let u = 0; u < ix.size; u++) nameRank[u] = rankOfDistinct[userName[u]!]!;
    ix.nameRank = nameRank;
    return nameRank;
  }

  /** The engine collator's primary classes of the ASCII characters (made once), for {@link collationKeys}. */
  private collationTable(): CollationTable {
    if (!this.collation) this.collation = collationTable(this.collator);
    return this.collation;
  }

  haystack(): string[] {
    const ix = this.userIndex();
    if (!ix.haystack) {
      ix.haystack = this.dict.values.map((id) => `${this.name(id).toLowerCase()}\u0000${id.toLowerCase()}`);
    }
    return ix.haystack;
  }

  /**
   * Rows of the aggregate in the order of a sort: by the field (names by collation), ties by user id ascending.
   * Each row's value becomes a dense rank (integers are their own rank; other numbers are ranked by a native sort);
   * a counting sort by rank groups the rows, with no comparison sort. Ties (a group) are put in user-id order only
   * when a page reaches them ({@link UserOrdering.settle}).
   */
  order(agg: UsersAggregate, sort: Sort<UserSortField>): UsersOrder {
    const okey = `${sort.field}:${sort.direction}`;
    const hit = agg.orders.get(okey);
    if (hit) return hit;
    const ix = this.userIndex();
    const n = agg.user.length;
    const rank = new Int32Array(n);
    let ranks = 0;
    if (sort.field === 'name') {
      const nameRank = this.nameRank(ix);
      for (let k = 0; k < n; k++) {
        const r = nameRank[agg.user[k]!]!;
        rank[k] = r;
        if (r >= ranks) ranks = r + 1;
      }
    } else {
      const values = agg[sort.field];
      let integers = true;
      let max = 0;
      for (let k = 0; k < n; k++) {
        const v = values[k]!;
        if (!Number.isInteger(v) || v < 0) integers = false;
        else if (v > max) max = v;
      }
      if (integers && max <= 4 * n + 1024) {
        for (let k = 0; k < n; k++) rank[k] = values[k]!;
        ranks = max + 1;
      } else {
        // Dense rank of each value among the distinct values.
        const sorted = Float64Array.from(values).sort();
        let m = 0;
        for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[m - 1]) sorted[m++] = sorted[k]!;
        for (let k = 0; k < n; k++) {
          const v = values[k]!;
          let lo = 0;
          let hi = m - 1;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (sorted[mid]! < v) lo = mid + 1;
            else hi = mid;
          }
          rank[k] = lo;
        }
        ranks = m;
      }
    }
    if (sort.direction === 'desc') for (let k = 0; k < n; k++) rank[k] = ranks - 1 - rank[k]!;
    const start = new Int32Array(ranks + 1);
    for (let k = 0; k < n; k++) start[rank[k]! + 1]!++;
    for (let r = 0; r < ranks; r++) start[r + 1]! += start[r]!;
    const bounds = start.slice();
    const order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[start[rank[k]!]!++] = k;
    const o: UsersOrder = { order, bounds, ready: new Int32Array(ranks) };
    agg.orders.set(okey, o);
    return o;
  }
}
