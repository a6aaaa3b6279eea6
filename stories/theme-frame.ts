/**
 * `<ea-story-theme>`: the frame Storybook's theme switch puts around every story. It carries the library's token
 * sheet, so its `theme` attribute themes every element inside it the way a themed dashboard themes its panels, and
 * it paints the page behind them in the theme's surface colour.
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { tokens } from '../src/theme/tokens.js';
import type { ThemeSetting } from '../src/theme/tokens.js';

export class StoryTheme extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        padding: 16px;
        background: var(--_bg-alt);
        color: var(--_text);
      }
    `,
  ];

  /** The theme the elements inside take. */
  @property({ reflect: true }) theme: ThemeSetting = 'light';

  override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('ea-story-theme')) customElements.define('ea-story-theme', StoryTheme);
