/**
 * Every event an Upward element fires, typed once. An element declares its events by augmenting
 * the global `UpwardEventDetails` interface in its own module:
 *
 *     declare global { interface UpwardEventDetails { 'upward-session-logged': { session: SessionView } } }
 *
 * and fires them with `emit`, which makes them bubble and cross shadow roots (composed) so the host
 * page can listen on any ancestor. `HTMLElementEventMap` is extended, so `addEventListener` and
 * frameworks see the detail types.
 */
import type { UpwardError } from '@upward/sdk';

declare global {
  interface UpwardEventDetails {
    /** A command failed; the element already shows the message. Hosts may log or report it. */
    'upward-error': { error: UpwardError | Error; operation: string };
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends UpwardEventMap {}
}

export type UpwardEventMap = { [K in keyof UpwardEventDetails]: CustomEvent<UpwardEventDetails[K]> };

export function emit<K extends keyof UpwardEventDetails>(target: EventTarget, type: K, detail: UpwardEventDetails[K]): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
