/** Styles of the modal confirmation `<dialog>`s (withdrawing an enrolment, closing a program). */
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    max-width: min(32rem, 90vw);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  @media (forced-colors: active) {
    dialog {
      border-color: CanvasText;
    }
  }
`;
