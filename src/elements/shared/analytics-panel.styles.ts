import { css } from 'lit';

/** The frame every panel shares: host display, the card, its title row, body and export button. */
export const panelStyles = css`
  :host {
    display: block;
    position: relative;
  }
  :host([hidden]) {
    display: none;
  }
  .panel {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    box-sizing: border-box;
    height: 100%;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 12px;
  }
  h2 {
    font-size: 1.1em;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .body {
    position: relative;
    transition: opacity 0.15s;
  }
  .message {
    color: var(--_muted);
    padding: 24px 0;
    text-align: center;
  }
  @media (prefers-reduced-motion: reduce) {
    .body {
      transition: none;
    }
  }
`;
