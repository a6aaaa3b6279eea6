/**
 * Test helpers for the playback and time panels that hold when the test page runs in the background: the runner opens
 * test files side by side, and only one page is the focused, visible window. A background page gets no animation
 * frames, and `focus()` moves focus there without firing focus events.
 */

/** Polls with timers, not animation frames. */
export async function waitFor(predicate: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Focuses `target`, firing the focus event as a focused window would. */
export function focusOn(target: HTMLElement): void {
  target.focus();
  if (!document.hasFocus()) target.dispatchEvent(new FocusEvent('focus'));
}

/** Blurs `target`, firing the blur event as a focused window would. */
export function blurFrom(target: HTMLElement): void {
  target.blur();
  if (!document.hasFocus()) target.dispatchEvent(new FocusEvent('blur'));
}
