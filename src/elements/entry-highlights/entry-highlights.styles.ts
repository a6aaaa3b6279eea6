import { css } from 'lit';

/** Styles of `<entry-highlights>` (on top of the panel frame and the shared parts it lists). */
export const entryHighlightsStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    /* Two tiles or more per row from 320 px screens up (one only in a panel narrower than two tiles). */
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 120px), 1fr));
    gap: 12px;
  }
  li {
    background: var(--_bg-alt);
    border-radius: calc(var(--_radius) / 2);
    padding: 12px;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .label {
    color: var(--_muted);
    font-size: 0.92em;
  }
  .value {
    font-size: 1.7em;
    overflow-wrap: anywhere;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .trend {
    font-size: 0.9em;
    color: var(--_muted);
  }
  .trend.up {
    color: var(--_positive);
  }
  .trend.down {
    color: var(--_negative);
  }
  .previous {
    color: var(--_muted);
    font-size: 0.85em;
  }
`;
