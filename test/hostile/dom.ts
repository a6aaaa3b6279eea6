/** DOM helpers of the hostile-input suite: walking through shadow roots, waiting for a panel to settle. */

/** Every element under `root`, shadow roots included (open ones: the library's are). */
export function deepAll<T extends Element = Element>(root: ParentNode, selector = '*'): T[] {
  const out: T[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el as T);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return out;
}

/** How many elements `el` renders, its shadow root and nested ones included. */
export function deepCount(el: Element): number {
  return deepAll(el).length;
}

/** Waits until `el` (a panel or the dashboard) and every element inside it have finished updating and loading. */
export async function settled(el: Element, ms = 10_000): Promise<void> {
  const start = performance.now();
  for (;;) {
    const all = [el, ...deepAll(el)] as (Element & { updateComplete?: Promise<unknown> })[];
    await Promise.all(all.map((e) => e.updateComplete).filter(Boolean));
    const busy = deepAll(el, '[aria-busy="true"]').length > 0;
    if (!busy) {
      // One more turn: a load finishing in this turn may schedule another update.
      await new Promise((r) => setTimeout(r, 0));
      const again = [el, ...deepAll(el)] as (Element & { isUpdatePending?: boolean })[];
      if (!again.some((e) => e.isUpdatePending) && deepAll(el, '[aria-busy="true"]').length === 0) return;
    }
    if (performance.now() - start > ms) throw new Error(`<${el.localName}> did not settle within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 16));
  }
}
