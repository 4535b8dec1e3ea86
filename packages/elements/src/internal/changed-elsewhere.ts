/**
 * For forms that keep a person's unsaved edits when the record changes elsewhere (program setup,
 * the agreement editor): the notice that says so, and the way out, the same in every element.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** Drops the person's edits and starts again from the newest version. */
export function renderLoadLatest(loadLatest: () => void): TemplateResult {
  return html`<button type="button" @click=${loadLatest}>${msg('Discard my edits and load the latest version', { id: 'common.load-latest' })}</button>`;
}

/** The notice above the form (`text` says what changed), with `renderLoadLatest`. */
export function renderChangedElsewhere(text: string, loadLatest: () => void): TemplateResult {
  return html`<div class="card notice" part="changed-elsewhere">
    <p>${text}</p>
    ${renderLoadLatest(loadLatest)}
  </div>`;
}
