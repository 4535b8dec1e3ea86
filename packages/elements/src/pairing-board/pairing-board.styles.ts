/** Styles of `<upward-pairing-board>` (pair cards, totals, drag feedback, the "why not?" answer). */
import { css } from 'lit';

export const pairingBoardStyles = css`
  .pairs {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--upward-pairing-board-columns, 20rem)), 1fr));
  }
  /* No dimming while re-solving: faded text would fall below the contrast minimum. */
  .pairs[aria-busy='true'] {
    cursor: progress;
  }
  .pair.locked {
    border-inline-start: 6px solid var(--upward-pairing-board-locked-color, var(--_accent));
  }
  .pair.drop-target {
    outline: 2px dashed var(--upward-pairing-board-drop-color, var(--_accent));
  }
  /*
   * On a narrow screen (320 px, WCAG 1.4.10) a form in a card shrinks to it instead of sticking
   * out: flex items never shrink below their content by default, and a list as wide as its
   * longest option ("Swap mentor with", "Pair with mentor") would push the card sideways.
   */
  .row > form,
  form.row > *,
  form.row .field > select {
    min-width: 0;
    max-width: 100%;
  }
  [part~='forbidden'] p {
    margin: 0;
  }
  .mentor {
    cursor: grab;
    text-decoration: underline dotted;
  }
  .warnings {
    margin: 0 0 var(--_gap);
    padding-inline-start: 1.2em;
  }
  .reasons {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.2em;
  }
  details {
    margin-block-end: var(--_gap);
  }
  summary {
    cursor: pointer;
    min-height: 1.5rem;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap) calc(2 * var(--_gap));
    margin: 0;
  }
  .totals dt {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .totals dd {
    margin: 0;
    font-size: 1.2em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  ul {
    padding-inline-start: 1.2em;
  }
  ul.stack {
    list-style: none;
    padding: 0;
  }
  progress {
    min-width: 10rem;
  }
  @media (forced-colors: active) {
    .pair.locked {
      border-inline-start-color: Highlight;
    }
    .pair.drop-target {
      outline-color: Highlight;
    }
  }
`;
