/** Registers `<upward-enrolment>` (safe to import more than once). */
import { UpwardEnrolment } from '../enrolment/enrolment.ts';
import { defineElement } from '../internal/define.ts';

defineElement('upward-enrolment', UpwardEnrolment);

declare global {
  interface HTMLElementTagNameMap {
    'upward-enrolment': UpwardEnrolment;
  }
}
