/** The elements one pass of Tab visits in `root` (shadow roots included), in tree order. */
export function tabStops(root: ParentNode): Element[] {
  const out: Element[] = [];
  const natural = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const walk = (node: ParentNode) => {
    for (const el of node.children) {
      if (el.matches(natural) && isStop(el)) out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
      walk(el);
    }
  };
  walk(root);
  return out;
}

function isStop(el: Element): boolean {
  const t = el.getAttribute('tabindex');
  if (t !== null && Number(t) < 0) return false;
  if ((el as HTMLButtonElement).disabled) return false;
  if (el.closest('[inert]')) return false;
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}
