/** Styles of `<upward-my-mentoring>` beyond the shared base: match cards, decisions, facts (action-item lines: internal/action-item.styles.ts). */
import { css } from 'lit';

export const myMentoringStyles = css`
  /* The live region stays in the page for screen readers but takes no room while silent. */
  .status:empty {
    position: absolute;
  }
  :host {
    --_attention: var(--upward-my-mentoring-attention-color, var(--_accent));
  }
  .plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .attention {
    border-left: 4px solid var(--_attention);
  }
  .decision {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  .panel:empty {
    display: none;
  }
  summary {
    cursor: pointer;
    min-height: 24px;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .attention {
      border-left-color: Highlight;
    }
  }
`;
