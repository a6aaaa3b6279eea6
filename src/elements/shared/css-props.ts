/**
 * `cssProps`: inline style values that survive a strict Content Security Policy.
 *
 * Why not Lit's `styleMap`: on an element's first render it commits its values as one `style="…"` attribute string
 * (only later updates go through `element.style`), and a policy without `'unsafe-inline'` in `style-src` refuses
 * that attribute: every bar is then drawn at its stylesheet width (full), silently. Writing through the CSSOM
 * (`style.setProperty`) is not subject to the policy, so this directive does that on every render, the first one too,
 * and never writes the attribute. Use it as `style=${cssProps({ 'inline-size': '40%', '--_n': '3' })}`; names are CSS
 * property names (kebab-case or custom properties), values strings or numbers; `undefined`/`null` removes a
 * property set earlier.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/** CSS property name → value; `undefined` or `null` leaves the property unset. */
export type CssProps = Readonly<Record<string, string | number | undefined | null>>;

class CssPropsDirective extends Directive {
  private names = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    const whole = part.type === PartType.ATTRIBUTE && (part.strings ?? ['', '']).every((s) => s === '');
    if (!whole || part.type !== PartType.ATTRIBUTE || part.name !== 'style' || (part.strings?.length ?? 2) > 2) {
      throw new Error('cssProps() must be the whole value of a style attribute: style=${cssProps({…})}');
    }
  }

  render(_props: CssProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [CssProps]): typeof noChange {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.names) {
      if (props[name] == null) {
        style.removeProperty(name);
        this.names.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, String(value));
      this.names.add(name);
    }
    return noChange;
  }
}

/** Sets inline style properties through the CSSOM (never a `style` attribute), so a strict CSP allows them. */
export const cssProps = directive(CssPropsDirective);
