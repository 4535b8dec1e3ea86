/**
 * Creating a match, whoever asks: an admin's proposal, the engine's published result, a mentee's
 * request, or the next choice after a request lapses. Every path goes through the pairing guard.
 */
import type * as z from 'zod/mini';
import { ConflictError, UpwardError } from '../errors.ts';
import type { Match, Program } from '../domain/index.ts';
import type { ServiceContext } from './context.ts';
import type { Proposal } from './matches.ts';
import { assertMatchAllowed, placesTakenBy, proposalPaths, type MatchPaths } from './pairing-guard.ts';
import type { Repository } from './repository.ts';

export interface NewMatchFields {
  origin: Match['origin'];
  expiresAt: string | null;
  previousMatchId: string | null;
  /** The member who asked for this match (a requesting mentee) has accepted it already. */
  acceptedBy: string | null;
}

export async function createMatch(
  ctx: ServiceContext,
  repo: Repository,
  program: Program,
  proposal: z.output<typeof Proposal>,
  { acceptedBy, ...fields }: NewMatchFields,
  paths: MatchPaths = proposalPaths(),
): Promise<Match> {
  await assertMatchAllowed(repo, program, proposal.mentorIds, proposal.menteeIds, ctx.clock().getTime(), paths);
  const members = [
    ...proposal.mentorIds.map((personId) => ({ personId, role: 'mentor' as const })),
    ...proposal.menteeIds.map((personId) => ({ personId, role: 'mentee' as const })),
  ].map((m) => ({ ...m, response: m.personId === acceptedBy ? ('accepted' as const) : ('pending' as const), trialDecision: null }));
  return repo.insert('matches', {
    id: ctx.ids(),
    programId: program.id,
    members,
    memberIds: members.map((m) => m.personId),
    status: 'proposed',
    score: proposal.score,
    reasons: proposal.reasons,
    endReason: null,
    ...fields,
  });
}

/**
 * Paths into a request (`{ programId, mentorId }`): the mentor is the only person the caller
 * names; the requester is the actor, so being no mentee of it is about the program they named.
 */
const requestPaths: MatchPaths = {
  member: (role) => (role === 'mentor' ? 'mentorId' : 'programId'),
  members: () => 'mentorId',
  pair: () => 'mentorId',
};

/** A mentee's request to one mentor, lapsing after the program's limit. */
export function createRequest(ctx: ServiceContext, repo: Repository, program: Program, menteeId: string, mentorId: string, now: string): Promise<Match> {
  const expiresAt = new Date(Date.parse(now) + program.matching.requestExpiryDays * 86_400_000).toISOString();
  return createMatch(
    ctx,
    repo,
    program,
    { mentorIds: [mentorId], menteeIds: [menteeId], score: null, reasons: [] },
    { origin: 'requested', expiresAt, previousMatchId: null, acceptedBy: menteeId },
    requestPaths,
  );
}

/**
 * Requests the mentee's highest-ranked mentor who can still take them (allowed by the rules,
 * with a free place, not asked before in this program). Returns null when no choice is left;
 * the mentee then picks again from their suggestions.
 */
export async function requestNextChoice(ctx: ServiceContext, repo: Repository, program: Program, menteeId: string, now: string): Promise<Match | null> {
  if ((await placesTakenBy(repo, program.id, menteeId, Date.parse(now))).length > 0) return null;
  const [enrolment] = await repo.query('enrolments', 'programPerson', [program.id, menteeId]);
  for (const mentorId of enrolment?.preferences ?? []) {
    try {
      return await createRequest(ctx, repo, program, menteeId, mentorId, now);
    } catch (error) {
      // This choice is not possible any more (rule, place taken, asked before): try the next.
      if (error instanceof UpwardError && (error.code === 'validation' || error.code === 'conflict')) continue;
      throw error;
    }
  }
  return null;
}

/** Only self-mode programs let mentees choose (and request) their own mentor. */
export function assertSelfMatching(program: Program): void {
  if (program.matching.mode !== 'self') {
    throw new ConflictError('program', program.id, `"${program.name}" does not let mentees choose their mentor (matching is ${program.matching.mode}).`);
  }
}
