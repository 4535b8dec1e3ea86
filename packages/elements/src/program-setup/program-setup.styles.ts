/** Styles of `<upward-program-setup>`: sections of fields laid out in a responsive grid. */
import { css } from 'lit';

export const styles = css`
  fieldset.plain {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  form,
  fieldset.plain {
    display: flex;
    flex-direction: column;
    gap: var(--upward-program-setup-section-gap, 1.25rem);
  }
  section[part='base'] > * + * {
    margin-top: var(--_gap);
  }
  .section {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    margin: 0;
    min-width: 0;
  }
  legend,
  summary {
    font-weight: 700;
    padding: 0 0.25rem;
  }
  summary {
    cursor: pointer;
    min-height: 1.5rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--upward-program-setup-columns, 14rem)), 1fr));
    gap: var(--_gap);
    align-items: start;
  }
  .wide {
    grid-column: 1 / -1;
  }
  /* A full row for a select's long hint; the select itself stays as wide as a column. */
  .wide > select {
    align-self: start;
    min-width: min(100%, var(--upward-program-setup-columns, 14rem));
  }
  /* A fieldset is as wide as its content by default: a clause's title field would push it out of a phone's width. */
  fieldset.clause {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    min-width: 0;
  }
  fieldset.clause input {
    width: 100%;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 1.75rem;
  }
  .check label {
    font-weight: normal;
  }
  input[type='checkbox'] {
    /* 24 px: the WCAG 2.2 minimum target size. */
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
    margin: 0;
  }
  @media (forced-colors: active) {
    .section {
      border-color: CanvasText;
    }
  }
`;
