/**
 * Entity names used in messages ("No match with id …") and in change events. A module of its
 * own so `createUpward` can name changes without loading the repository and every schema.
 */
import type { CollectionName } from '../storage/collections.ts';

export const entityNames: Record<CollectionName, string> = {
  people: 'person',
  programs: 'program',
  enrolments: 'enrolment',
  matches: 'match',
  agreements: 'agreement',
  sessions: 'session',
  privateNotes: 'private note',
  actionItems: 'action item',
};
