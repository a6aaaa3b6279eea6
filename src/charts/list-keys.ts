/**
 * Keyboard stepping through a list of marks that has one focusable mark at a time (the devices' bars, the map's
 * countries and circles): arrows step by one (Down and Right forward, Up and Left back, without wrapping), Home and
 * End go to the ends. Pure: the element moves focus.
 */

/**
 * The index `key` moves to from `index` in a list of `count` marks, or undefined when the key does not move (another
 * key, or an empty list). A negative `index` (nothing active yet) counts as the first mark.
 */
export function listStep(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  const from = index < 0 ? 0 : index;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(count - 1, from + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(0, from - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
