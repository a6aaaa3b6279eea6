/**
 * Colours for drawing that CSS cannot reach (canvas): token values and system colours resolved to `rgb()` strings
 * through a probe element in the element's own tree, so they follow the theme the element inherits.
 */

/** Whether the user agent forces its own palette (Windows high contrast and the like). */
export function forcedColorsActive(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(forced-colors: active)').matches;
}

/**
 * Resolves CSS colour values (`var(--_tier-1)`, `CanvasText`, …) as computed in `root`: each becomes the `rgb()` or
 * `rgba()` string the browser computes for it. The probe opts out of forced colours so tokens keep their value; system
 * colour keywords resolve to the user's palette either way.
 */
export function resolveColors(root: ShadowRoot | HTMLElement, values: readonly string[]): string[] {
  const probe = document.createElement('span');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.setProperty('forced-color-adjust', 'none');
  probe.style.setProperty('position', 'absolute');
  probe.style.setProperty('visibility', 'hidden');
  root.appendChild(probe);
  try {
    return values.map((v) => {
      probe.style.setProperty('color', v);
      return getComputedStyle(probe).color;
    });
  } finally {
    probe.remove();
  }
}
