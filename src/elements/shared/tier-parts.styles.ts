import { css } from 'lit';

/** The tier legend and the dark tooltip of a cell or bucket. */
export const tierStyles = css`
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 0 0 8px;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .swatch {
    width: 12px;
    height: 12px;
    border-radius: 2px;
    border: 1px solid var(--_border);
  }
  .tooltip {
    transform: translateX(-50%);
  }
  .marker {
    fill: var(--_text);
  }
  /* Coordinates are physical (the caller mirrors them for right-to-left), so text anchors must be too: in an
     inherited rtl direction, text-anchor start/end swap and the end ticks spill out of the axis. */
  svg {
    direction: ltr;
  }
  .table-toggle {
    margin-top: 8px;
  }
`;
