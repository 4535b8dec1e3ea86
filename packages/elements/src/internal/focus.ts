/**
 * Moving focus after an action (to the new item, the error summary, the status heading), so
 * keyboard and screen-reader users land where the result is. Headings and summaries are not
 * controls: they become focusable by script only (`tabindex="-1"`), never a tab stop.
 */
import type { ReactiveElement } from 'lit';

/** Focuses the first match of `selector` in `host`'s shadow root once the host has rendered. */
export async function focusAfterRender(host: ReactiveElement, selector: string): Promise<void> {
  await host.updateComplete;
  const target = host.renderRoot.querySelector<HTMLElement>(selector);
  if (target && !target.matches('input,select,textarea,button,a[href],[tabindex]')) target.tabIndex = -1;
  target?.focus();
}

/** The error summary's first link, else the summary itself: where a failed command sends focus. */
export const ERROR_SUMMARY = '.error-summary a, .error-summary';
