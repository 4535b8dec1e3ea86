/** Registers `<upward-mentor-finder>` (safe to import more than once). */
import { UpwardMentorFinder } from '../mentor-finder/mentor-finder.ts';
import { defineElement } from '../internal/define.ts';

defineElement('upward-mentor-finder', UpwardMentorFinder);

declare global {
  interface HTMLElementTagNameMap {
    'upward-mentor-finder': UpwardMentorFinder;
  }
}
