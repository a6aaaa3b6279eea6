import { css } from 'lit';

/** The error box, the loading skeleton and the dimmed content kept while the next load runs. */
export const stateStyles = css`
  .stale {
    opacity: 0.55;
  }
  .error {
    background: var(--_error-bg);
    border-radius: calc(var(--_radius) / 2);
    padding: 12px;
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    justify-content: space-between;
  }
  .error p {
    margin: 0;
  }
  .error .detail {
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .skeleton {
    height: 120px;
    border-radius: calc(var(--_radius) / 2);
    background: linear-gradient(90deg, var(--_bg-alt), var(--_bg), var(--_bg-alt));
    background-size: 200% 100%;
    animation: shimmer 1.2s linear infinite;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
