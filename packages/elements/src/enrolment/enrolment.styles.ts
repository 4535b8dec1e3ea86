/** Styles of `<upward-enrolment>`: the form's repeated rows and the "what happens next" panel. */
import { css } from 'lit';

export const styles = css`
  section[part='base'] > * + * {
    margin-top: var(--_gap);
  }
  fieldset {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  legend {
    font-weight: 700;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.5rem;
    align-items: center;
  }
  .choice .hint {
    grid-column: 2;
  }
  .check {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  input[type='radio'],
  input[type='checkbox'] {
    /* 24 px: the WCAG 2.2 minimum target size. */
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
    margin: 0;
  }
  .row-fields {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: end;
  }
  .row-fields .field:first-child {
    flex: 1 1 12rem;
  }
  .next {
    border-left: 0.4rem solid var(--upward-enrolment-status-color, var(--_accent));
  }
  .next p:last-child {
    margin-bottom: 0;
  }
  @media (forced-colors: active) {
    .next {
      border-color: CanvasText;
    }
  }
`;
