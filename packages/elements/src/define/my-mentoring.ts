/**
 * Registers `<upward-my-mentoring>` (safe to import more than once), with the agreement and
 * session log it opens inline.
 */
import { UpwardMyMentoring } from '../my-mentoring/my-mentoring.ts';
import { defineElement } from '../internal/define.ts';
import './agreement.ts';
import './session-log.ts';

defineElement('upward-my-mentoring', UpwardMyMentoring);

declare global {
  interface HTMLElementTagNameMap {
    'upward-my-mentoring': UpwardMyMentoring;
  }
}
