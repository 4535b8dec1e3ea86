/**
 * "Sessions and notes" in my-mentoring shows the match in the hub's own session log further down
 * the page. Scrolling there is not enough for a keyboard or screen-reader user: focus would stay
 * on the button, and the next Tab would continue in my-mentoring. So focus moves to the log's
 * heading ("Sessions", focusable from script only: tabindex -1, no extra Tab stop), inside its
 * shadow root, and the next Tab continues into the log.
 */

/** Waits for `log` to render its (new) match, scrolls it into view and focuses its heading. */
export async function focusSessionLog(log: HTMLElement & { updateComplete?: Promise<unknown> }): Promise<void> {
  await log.updateComplete;
  const heading = log.shadowRoot?.querySelector<HTMLElement>('h2[tabindex="-1"]');
  log.scrollIntoView({ block: 'start' });
  // Without a heading (a log that renders none) the element itself is the best place to be.
  if (heading) heading.focus({ preventScroll: true });
  else {
    if (!log.hasAttribute('tabindex')) log.tabIndex = -1;
    log.focus({ preventScroll: true });
  }
}
