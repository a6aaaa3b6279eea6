/** Registers a custom element once: defining the same tag twice (two bundles on one page) is a no-op, not an error. */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
