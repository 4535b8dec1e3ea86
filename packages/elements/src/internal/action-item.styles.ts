/** Styles of an action-item line (a 24 px checkbox, its text, who and when, an "overdue" badge), in the session log and on the mentoring home. */
import { css } from 'lit';

export const actionItemStyles = css`
  .item-line {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .item-line input[type='checkbox'] {
    width: 24px;
    height: 24px;
    min-height: 24px;
    margin: 0;
  }
  .item-line label {
    font-weight: normal;
  }
  .badge.overdue {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  @media (forced-colors: active) {
    .badge.overdue {
      color: CanvasText;
      border-color: CanvasText;
    }
  }
`;
