/**
 * Match: one mentoring relationship (a pair, or a group of 1–2 mentors and several mentees).
 */
import * as z from 'zod/mini';
import { Id, Role, Timestamp, recordFields, text } from './fields.ts';

export const MatchStatus = z.enum(['proposed', 'accepted', 'trial', 'active', 'completed', 'ended']);
export type MatchStatus = z.infer<typeof MatchStatus>;

export const MatchMember = z.object({
  personId: Id,
  role: Role,
  response: z.enum(['pending', 'accepted', 'declined']),
  /** After the trial meeting each member says "continue"; a single "exit" ends the match. */
  trialDecision: z._default(z.nullable(z.literal('continue')), null),
});
export type MatchMember = z.infer<typeof MatchMember>;

/** One factor's contribution to a pairing score, in numbers and in words. */
export const ScoreReason = z.object({
  factor: text(1, 40),
  points: z.number(),
  /** Most points this factor could give under the program's weights. */
  max: z.optional(z.number()),
  text: text(1, 500),
});
export type ScoreReason = z.infer<typeof ScoreReason>;

/**
 * Why a match ended. A trial exit is blameless on purpose: it records that the pair did not go
 * on, never which member chose to leave.
 */
export const EndReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('declined') }),
  z.object({ kind: z.literal('trial-exit') }),
  z.object({ kind: z.literal('request-expired') }),
  z.object({ kind: z.literal('program-closed') }),
  /** `note`: why, in the words of whoever ended it; left out for champions (`matches.get`/`list`). */
  z.object({ kind: z.literal('ended-early'), note: z.optional(text(1, 1000)) }),
]);
export type EndReason = z.infer<typeof EndReason>;

export const Match = z.object({
  ...recordFields,
  programId: Id,
  members: z.array(MatchMember).check(z.minLength(2), z.maxLength(10)),
  /** Member person ids, kept beside `members` so stores can index "matches of a person". */
  memberIds: z.array(Id),
  origin: z.enum(['requested', 'admin', 'suggested']),
  status: MatchStatus,
  score: z.nullable(z.number()),
  reasons: z.array(ScoreReason),
  /** Self mode: when an unanswered request lapses. */
  expiresAt: z.nullable(Timestamp),
  endReason: z.nullable(EndReason),
  /** Set when this match replaces an ended one. */
  previousMatchId: z.nullable(Id),
});
export type Match = z.infer<typeof Match>;

/**
 * A self-mode request nobody answered before `expiresAt`. It has lapsed the moment its time is up,
 * whether or not `matching.expireRequests` has swept it yet: it can no longer be answered, and it
 * holds nobody's place.
 */
export function hasLapsed(match: Pick<Match, 'status' | 'expiresAt'>, at: number): boolean {
  return match.status === 'proposed' && match.expiresAt !== null && Date.parse(match.expiresAt) <= at;
}
