/** Registers `<upward-agreement>` (safe to import more than once). */
import { UpwardAgreement } from '../agreement/agreement.ts';
import { defineElement } from '../internal/define.ts';

defineElement('upward-agreement', UpwardAgreement);

declare global {
  interface HTMLElementTagNameMap {
    'upward-agreement': UpwardAgreement;
  }
}
