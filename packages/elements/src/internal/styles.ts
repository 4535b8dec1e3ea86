/**
 * Styles every element shares. Elements inherit the host page's font and text colour; the few
 * colours of their own come from `--upward-*` custom properties with light and dark defaults
 * (`light-dark()` follows the page's `color-scheme`), and a `forced-colors` block hands control to
 * the system palette in Windows High Contrast.
 *
 * Theme tokens (set them on any ancestor):
 * --upward-accent-color, --upward-accent-text-color, --upward-surface-color, --upward-border-color,
 * --upward-muted-text-color, --upward-danger-color, --upward-success-color, --upward-radius, --upward-gap.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
    box-sizing: border-box;
    --_accent: var(--upward-accent-color, light-dark(#1d4ed8, #93b4ff));
    --_on-accent: var(--upward-accent-text-color, light-dark(#ffffff, #0b1020));
    --_surface: var(--upward-surface-color, light-dark(#ffffff, #1b1e24));
    --_border: var(--upward-border-color, light-dark(#6b7280, #9aa3b2));
    --_muted: var(--upward-muted-text-color, light-dark(#4b5563, #c2c8d2));
    --_danger: var(--upward-danger-color, light-dark(#b91c1c, #ff9b9b));
    --_success: var(--upward-success-color, light-dark(#166534, #86efac));
    --_radius: var(--upward-radius, 6px);
    --_gap: var(--upward-gap, 0.75rem);
  }
  :host([hidden]) {
    display: none;
  }
  /* Layout classes (.row, .stack) set display, which would otherwise show a hidden element. */
  [hidden] {
    display: none !important;
  }
  /* A live region stays in the page for screen readers but takes no room while silent. */
  .live:empty {
    position: absolute;
  }
  /* "This changed elsewhere" above a form with unsaved edits. */
  .notice {
    border-width: 2px;
    border-color: var(--_accent);
  }
  .notice p {
    margin: 0 0 var(--_gap);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 var(--_gap);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  h4 {
    font-size: 1em;
  }
  p {
    margin: 0 0 var(--_gap);
  }
  .muted {
    color: var(--_muted);
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: center;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    min-height: 2.25rem; /* WCAG 2.5.8: targets of at least 24 x 24 CSS px */
    min-width: 2.25rem;
    padding: 0.35rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input,
  select,
  textarea {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4rem 0.5rem;
    min-height: 2.25rem;
    max-width: 100%;
  }
  textarea {
    width: 100%;
    min-height: 5rem;
    resize: vertical;
  }
  label {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    margin: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  /*
   * Terms and their values side by side (a <dl>). The terms take at most 40 % of the width and
   * break inside a word when they must, so on a phone a long German term ("Programmbedingungen")
   * never runs into its value or pushes the list out of its card (WCAG 1.4.10).
   */
  .terms {
    display: grid;
    grid-template-columns: fit-content(40%) minmax(0, 1fr);
    gap: 0.35rem var(--_gap);
    margin: 0;
  }
  .terms dt {
    font-weight: 600;
  }
  .terms dd {
    margin: 0;
  }
  .terms dt,
  .terms dd {
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
    font-weight: normal;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  /* Also headings and summaries that focusAfterRender focuses: a ring for keyboard users only. */
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .error-summary {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  .error-summary h3 {
    color: var(--_danger);
  }
  .status {
    color: var(--_success);
  }
  .badge {
    display: inline-block;
    padding: 0.05rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.85em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button.primary {
      background: ButtonText;
      color: ButtonFace;
      forced-color-adjust: none;
    }
    .card,
    fieldset,
    .error-summary,
    .badge,
    input,
    select,
    textarea,
    button {
      border-color: CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
    .field-error,
    .error-summary h3 {
      color: CanvasText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
