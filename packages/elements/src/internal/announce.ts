/** The polite live region in which an element announces a command's success, once it resolved. */
import { html, nothing, type TemplateResult } from 'lit';

export function renderAnnouncement(text: string): TemplateResult {
  return html`<p class="status" role="status" aria-live="polite" part="status">${text || nothing}</p>`;
}
