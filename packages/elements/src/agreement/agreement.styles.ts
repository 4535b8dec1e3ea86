/** Styles of `<upward-agreement>` beyond the shared base: readable text width, versions, signatures, fingerprint. */
import { css } from 'lit';

export const agreementStyles = css`
  /* The live region stays in the page for screen readers but takes no room while silent. */
  .status:empty {
    position: absolute;
  }
  .content,
  .text {
    max-width: var(--upward-agreement-text-width, 70ch);
  }
  .text {
    white-space: pre-wrap;
  }
  .content section h4 {
    margin-bottom: 0.25rem;
  }
  .versions {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .versions button[aria-pressed='true'] {
    border-width: 2px;
    border-color: var(--_accent);
    font-weight: 600;
  }
  .signatures {
    margin: 0;
    padding-left: 1.25rem;
  }
  .signed {
    color: var(--_success);
  }
  .pending {
    color: var(--_muted);
  }
  .hash code {
    overflow-wrap: anywhere;
    font-size: 0.85em;
  }
  .status-in-force {
    border-color: var(--_success);
    color: var(--_success);
  }
  @media (forced-colors: active) {
    .versions button[aria-pressed='true'] {
      border-color: Highlight;
    }
    .signed,
    .pending,
    .status-in-force {
      color: CanvasText;
    }
  }
`;
