/** Registers `<upward-provider>` (safe to import more than once). */
import { UpwardProvider } from '../provider/upward-provider.ts';
import { defineElement } from '../internal/define.ts';

defineElement('upward-provider', UpwardProvider);

declare global {
  interface HTMLElementTagNameMap {
    'upward-provider': UpwardProvider;
  }
}
