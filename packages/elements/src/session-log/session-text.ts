/** Words and marks only the session log shows: session states and the "only you" padlock. */
import { html } from 'lit';
import { msg } from '@lit/localize';
import type { SessionStatus } from '@upward/sdk';

export function sessionStatusLabel(status: SessionStatus): string {
  switch (status) {
    case 'planned':
      return msg('Planned', { id: 'session-log.status.planned' });
    case 'held':
      return msg('Held', { id: 'session-log.status.held' });
    case 'cancelled':
      return msg('Cancelled', { id: 'session-log.status.cancelled' });
    case 'missed':
      return msg('Missed', { id: 'session-log.status.missed' });
  }
}

/** A padlock for things only the reader can see; decorative, the words beside it carry the meaning. */
export const lockIcon = html`<svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="currentColor">
  <path d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" />
</svg>`;
