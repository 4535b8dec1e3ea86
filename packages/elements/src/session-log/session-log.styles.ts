/** Styles of `<upward-session-log>` beyond the shared base: the form grid, agenda markers, the private note. */
import { css } from 'lit';

export const sessionLogStyles = css`
  :host {
    --_private: var(--upward-session-log-private-color, light-dark(#6d28d9, #c4b5fd));
    --_carried: var(--upward-session-log-carried-color, light-dark(#92400e, #fcd34d));
  }
  /* <details> hands its content through a UA shadow root whose slot does not inherit our box-sizing. */
  details :is(input, select, textarea) {
    box-sizing: border-box;
  }
  /* The live region stays in the page for screen readers but takes no room while silent. */
  .status:empty {
    position: absolute;
  }
  .plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .grid {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  summary {
    cursor: pointer;
    min-height: 24px;
    padding: 0.25rem 0;
    font-weight: 600;
  }
  .agenda {
    margin: 0;
    padding-left: 1.25rem;
  }
  .agenda .carried-over::marker {
    color: var(--_carried);
  }
  .badge.carried {
    border-color: var(--_carried);
    color: var(--_carried);
  }
  .details {
    margin-top: var(--_gap);
  }
  .notes {
    white-space: pre-wrap;
  }
  .done {
    text-decoration: line-through;
  }
  .private {
    border-left: 4px solid var(--_private);
    padding-left: var(--_gap);
  }
  .icon {
    vertical-align: -0.125em;
  }
  .private .hint {
    color: var(--_private);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .private {
      border-left-color: CanvasText;
    }
    .private .hint,
    .badge.carried {
      color: CanvasText;
      border-color: CanvasText;
    }
  }
`;
