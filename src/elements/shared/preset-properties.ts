/**
 * Properties a host set on a tag before its definition arrived (a framework rendering before a lazily imported
 * definition, a page script running before the bundle) are own properties of the element when it upgrades, and would
 * hide the class's accessors for good. Lit takes care of its reactive properties; this does the same for the plain
 * accessors an element adds (such as `<user-engagement>`'s `page`): {@link takePreset} in the constructor removes them,
 * {@link applyPreset} assigns them through their setters at the first update (after the subclass's fields are
 * initialised and Lit has put back its own properties).
 */

/** True when `key` has a setter somewhere on `proto`'s chain (below HTMLElement). */
function hasSetter(proto: object | null, key: string): boolean {
  for (let p = proto; p && p !== HTMLElement.prototype; p = Object.getPrototypeOf(p))
    if (Object.getOwnPropertyDescriptor(p, key)?.set) return true;
  return false;
}

/** Removes and returns the element's own properties that hide an accessor of its class. */
export function takePreset(el: object): Map<string, unknown> {
  const saved = new Map<string, unknown>();
  for (const key of Object.keys(el)) {
    if (!hasSetter(Object.getPrototypeOf(el), key)) continue;
    saved.set(key, (el as Record<string, unknown>)[key]);
    delete (el as Record<string, unknown>)[key];
  }
  return saved;
}

/** Assigns the saved values through the class's setters, once; empties the map. */
export function applyPreset(el: object, saved: Map<string, unknown>): void {
  for (const [key, value] of saved) (el as Record<string, unknown>)[key] = value;
  saved.clear();
}
