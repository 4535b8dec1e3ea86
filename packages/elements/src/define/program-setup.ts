/** Registers `<upward-program-setup>` (safe to import more than once). */
import { UpwardProgramSetup } from '../program-setup/program-setup.ts';
import { defineElement } from '../internal/define.ts';

defineElement('upward-program-setup', UpwardProgramSetup);

declare global {
  interface HTMLElementTagNameMap {
    'upward-program-setup': UpwardProgramSetup;
  }
}
