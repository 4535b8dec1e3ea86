/** Registers `<upward-session-log>` (safe to import more than once). */
import { UpwardSessionLog } from '../session-log/session-log.ts';
import { defineElement } from '../internal/define.ts';

defineElement('upward-session-log', UpwardSessionLog);

declare global {
  interface HTMLElementTagNameMap {
    'upward-session-log': UpwardSessionLog;
  }
}
