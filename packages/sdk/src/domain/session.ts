/**
 * Session: one meeting of a match, with its agenda, shared notes, topics and what each member
 * learned. Private notes and action items live in their own collections (see below) so that
 * reading a session can never carry someone else's private note along with it.
 */
import * as z from 'zod/mini';
import { Id, IsoDate, MeetingMode, Timestamp, WebLink, phrases, recordFields, text } from './fields.ts';

export const SessionStatus = z.enum(['planned', 'held', 'cancelled', 'missed']);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const AgendaItem = z.object({
  text: text(1, 500),
  source: z.enum(['talking-point', 'carried-over', 'added']),
  /** For carried-over items: the open action item this agenda line follows up. */
  actionItemId: z.nullable(Id),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Reflection = z.object({
  personId: Id,
  /** What this member learned: learning runs both ways. */
  learned: text(1, 2000),
  at: Timestamp,
});
export type Reflection = z.infer<typeof Reflection>;

export const Session = z.object({
  ...recordFields,
  matchId: Id,
  programId: Id,
  memberIds: z.array(Id),
  status: SessionStatus,
  scheduledAt: Timestamp,
  durationMinutes: z.int().check(z.gte(5), z.lte(480)),
  mode: MeetingMode,
  location: text(0, 200),
  meetingLink: z.nullable(WebLink),
  /** The first meeting of a pair is a trial run with an easy way out. */
  isTrial: z.boolean(),
  agenda: z.array(AgendaItem),
  sharedNotes: text(0, 20000),
  topics: phrases(30, 120),
  reflections: z.array(Reflection),
  cancelReason: text(0, 500),
});
export type Session = z.infer<typeof Session>;

/** A note only its author can ever read. Stored apart from the session on purpose. */
export const PrivateNote = z.object({
  ...recordFields,
  sessionId: Id,
  authorId: Id,
  text: text(0, 20000),
});
export type PrivateNote = z.infer<typeof PrivateNote>;

export const ActionItem = z.object({
  ...recordFields,
  matchId: Id,
  programId: Id,
  /** The session where it was agreed, if any. */
  sessionId: z.nullable(Id),
  text: text(1, 500),
  ownerId: Id,
  due: z.nullable(IsoDate),
  done: z.boolean(),
  doneAt: z.nullable(Timestamp),
});
export type ActionItem = z.infer<typeof ActionItem>;
