/** Registers `<upward-pairing-board>` (safe to import more than once). */
import { UpwardPairingBoard } from '../pairing-board/pairing-board.ts';
import { defineElement } from '../internal/define.ts';

defineElement('upward-pairing-board', UpwardPairingBoard);

declare global {
  interface HTMLElementTagNameMap {
    'upward-pairing-board': UpwardPairingBoard;
  }
}
