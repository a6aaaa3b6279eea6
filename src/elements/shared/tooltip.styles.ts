import { css } from 'lit';

/**
 * The one tooltip card every chart uses: a surface-coloured box with a border and a soft shadow, never taking pointer
 * events. Each element adds only where its tooltip sits (offsets, transform, width); the look lives here.
 */
export const tooltipStyles = css`
  .tooltip {
    position: absolute;
    z-index: 2;
    pointer-events: none;
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    box-shadow: 0 2px 8px var(--_shadow);
    padding: 6px 8px;
    font-size: 0.9em;
    max-width: 280px;
    white-space: normal;
  }
  .tooltip p {
    margin: 0 0 2px;
  }
  .tooltip .head {
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
  }
`;
