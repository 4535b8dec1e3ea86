/**
 * Words for SDK values that several elements show. Functions, so `msg` runs at render time and
 * follows a locale switch.
 */
import { msg } from '@lit/localize';
import type { AgreementStatus, MeetingMode } from '@upward/sdk';

export function meetingModeLabel(mode: MeetingMode): string {
  switch (mode) {
    case 'in-person':
      return msg('In person', { id: 'common.mode.in-person' });
    case 'video':
      return msg('Video call', { id: 'common.mode.video' });
    case 'phone':
      return msg('Phone call', { id: 'common.mode.phone' });
  }
}

export function agreementStatusLabel(status: AgreementStatus): string {
  switch (status) {
    case 'draft':
      return msg('Draft', { id: 'agreement.status.draft' });
    case 'awaiting-signatures':
      return msg('Awaiting signatures', { id: 'agreement.status.awaiting-signatures' });
    case 'in-force':
      return msg('In force', { id: 'agreement.status.in-force' });
    case 'superseded':
      return msg('Superseded', { id: 'agreement.status.superseded' });
  }
}
