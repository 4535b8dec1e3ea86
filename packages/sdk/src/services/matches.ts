/**
 * Matches: made by an admin or the engine (`propose`, `proposeMany`, `rematch`) or requested by a
 * mentee (self mode); accepted or declined by each member; then a trial meeting with a blameless
 * way out, an active relationship, and completion or an early end with a reason.
 */
import * as z from 'zod/mini';
import { ConflictError, ForbiddenError } from '../errors.ts';
import {
  Id,
  ScoreReason,
  assertStatus,
  assertTransition,
  expectedVersion,
  hasLapsed,
  text,
  type Match,
  type Program,
} from '../domain/index.ts';
import { draftFirstAgreement } from './first-agreement.ts';
import { authorize, relationsOf } from './authorization.ts';
import { command, query, type ServiceContext } from './context.ts';
import { MatchList, loadMatch, matchQueries, type MatchPermission } from './match-queries.ts';
import { assertSelfMatching, createMatch, createRequest, requestNextChoice } from './new-match.ts';
import { proposalPaths } from './pairing-guard.ts';
import { assertVersion, type Repository } from './repository.ts';
import { settleMatch } from './match-settling.ts';

export const Proposal = z.object({
  mentorIds: z.array(Id).check(z.minLength(1), z.maxLength(2)),
  menteeIds: z.array(Id).check(z.minLength(1), z.maxLength(8)),
  /** From the matching engine: the pair's score and the reasons that add up to it. */
  score: z._default(z.nullable(z.number()), null),
  reasons: z._default(z.array(ScoreReason).check(z.maxLength(20)), []),
});
const ProposeInput = z.object({ programId: Id, origin: z._default(z.enum(['admin', 'suggested']), 'admin'), ...Proposal.shape });
const ProposeManyInput = z.object({
  programId: Id,
  origin: z._default(z.enum(['admin', 'suggested']), 'suggested'),
  proposals: z.array(Proposal).check(z.minLength(1), z.maxLength(10_000)),
});
const RequestInput = z.object({ programId: Id, mentorId: Id });
const MatchRef = z.object({ matchId: Id, expectedVersion });
const RespondInput = z.object({ matchId: Id, accept: z.boolean() });
const TrialInput = z.object({ matchId: Id, decision: z.enum(['continue', 'exit']) });
const EndInput = z.object({ matchId: Id, expectedVersion, note: text(1, 1000) });
const RematchInput = z.object({ matchId: Id, ...Proposal.shape });

/** The input schemas of `MatchesApi`, by method: the REST contract is generated from them. */
export const matchesInputs = {
  propose: ProposeInput,
  proposeMany: ProposeManyInput,
  request: RequestInput,
  respond: RespondInput,
  decideTrial: TrialInput,
  end: EndInput,
  complete: MatchRef,
  rematch: RematchInput,
  get: Id,
  list: MatchList,
} as const;

export interface MatchesApi {
  propose(input: z.input<typeof ProposeInput>): Promise<Match>;
  /** The hook where the engine's proposals enter: all land in one transaction, or none. */
  proposeMany(input: z.input<typeof ProposeManyInput>): Promise<Match[]>;
  /** Self mode: a mentee asks a mentor; the request lapses after the program's limit. */
  request(input: z.input<typeof RequestInput>): Promise<Match>;
  respond(input: z.input<typeof RespondInput>): Promise<Match>;
  /** After the trial meeting: "continue", or the blameless way out. */
  decideTrial(input: z.input<typeof TrialInput>): Promise<Match>;
  end(input: z.input<typeof EndInput>): Promise<Match>;
  complete(input: z.input<typeof MatchRef>): Promise<Match>;
  /** A new match for the members of an ended one, with a different partner. */
  rematch(input: z.input<typeof RematchInput>): Promise<Match>;
  get(id: string): Promise<Match>;
  /** Admins see every match; champions their programs'; participants their own. */
  list(filter?: z.input<typeof MatchList>): Promise<Match[]>;
}

export function matchesService(ctx: ServiceContext): MatchesApi {
  const load = (repo: Repository, matchId: string, permission: MatchPermission) => loadMatch(ctx, repo, matchId, permission);

  const end = (match: Match, endReason: NonNullable<Match['endReason']>, repo: Repository) => {
    assertTransition('match', match.id, match.status, 'ended');
    return settleMatch(repo, match, { status: 'ended', endReason });
  };

  return {
    propose: (input) =>
      command(ctx, ProposeInput, input, async ({ programId, origin, ...proposal }, repo) => {
        authorize('matches.propose', relationsOf(ctx.actor, {}));
        const program = await repo.get('programs', programId);
        return createMatch(ctx, repo, program, proposal, { origin, expiresAt: null, previousMatchId: null, acceptedBy: null });
      }),

    proposeMany: (input) =>
      command(ctx, ProposeManyInput, input, async ({ programId, origin, proposals }, repo) => {
        authorize('matches.propose', relationsOf(ctx.actor, {}));
        const program = await repo.get('programs', programId);
        const created: Match[] = [];
        for (const [i, proposal] of proposals.entries()) {
          created.push(await createMatch(ctx, repo, program, proposal, { origin, expiresAt: null, previousMatchId: null, acceptedBy: null }, proposalPaths(`proposals.${i}.`)));
        }
        return created;
      }),

    request: (input) =>
      command(ctx, RequestInput, input, async ({ programId, mentorId }, repo, now) => {
        const program = await repo.get('programs', programId);
        assertSelfMatching(program);
        // The requester is always the acting mentee; loading the parties checks their enrolment.
        return createRequest(ctx, repo, program, ctx.actor.personId, mentorId, now);
      }),

    respond: (input) =>
      command(ctx, RespondInput, input, async ({ matchId, accept }, repo, now) => {
        const { match, program } = await load(repo, matchId, 'matches.respond');
        // Answers are for proposals only: a match under way ends through `end` (with its note)
        // or the trial's way out, never as a late "no".
        assertStatus('match', matchId, match.status, 'proposed', accept ? 'accepted' : 'ended');
        // A lapsed request is over even before `expireRequests` sweeps it: a late yes would make
        // a match (and draft an agreement) out of a request the mentee has moved on from.
        if (hasLapsed(match, Date.parse(now))) {
          throw new ConflictError('match', matchId, `This request lapsed on ${match.expiresAt!.slice(0, 10)} without an answer; it can no longer be accepted or declined.`);
        }
        const members = match.members.map((m) =>
          m.personId === ctx.actor.personId ? { ...m, response: accept ? ('accepted' as const) : ('declined' as const) } : m,
        );
        if (!accept) {
          const ended = await repo.update('matches', match, { members, status: 'ended', endReason: { kind: 'declined' } });
          // A mentor who says no to a request passes the mentee on to their next choice.
          const mentee = match.members.find((m) => m.role === 'mentee');
          if (match.origin === 'requested' && mentee && mentee.personId !== ctx.actor.personId) {
            await requestNextChoice(ctx, repo, program, mentee.personId, now);
          }
          return ended;
        }
        if (!members.every((m) => m.response === 'accepted')) return repo.update('matches', match, { members });
        const accepted = await repo.update('matches', match, { members, status: 'accepted', expiresAt: null });
        await draftFirstAgreement(repo, ctx.ids, accepted, program);
        return accepted;
      }),

    decideTrial: (input) =>
      command(ctx, TrialInput, input, async ({ matchId, decision }, repo) => {
        const { match } = await load(repo, matchId, 'matches.decide-trial');
        // Only during the trial: before it there is nothing to decide (a proposal is declined),
        // and after it a match ends through `end`, with its note and version check.
        assertStatus('match', matchId, match.status, 'trial', decision === 'exit' ? 'ended' : 'active');
        // The blameless way out: the match records that the pair stopped, not who chose to. It is
        // open all through the trial, meeting or not.
        if (decision === 'exit') return end({ ...match, members: match.members.map((m) => ({ ...m, trialDecision: null })) }, { kind: 'trial-exit' }, repo);
        // "Continue" is a verdict on having met: a planned, cancelled or missed meeting is none.
        const held = await repo.query('sessions', 'matchStatus', [match.id, 'held']);
        if (held.length === 0) {
          throw new ConflictError('match', matchId, 'Decide whether to continue after your first meeting: log it as held first. Stopping is possible at any time.');
        }
        const members = match.members.map((m) => (m.personId === ctx.actor.personId ? { ...m, trialDecision: 'continue' as const } : m));
        const everyone = members.every((m) => m.trialDecision === 'continue');
        return repo.update('matches', match, everyone ? { members, status: 'active' } : { members });
      }),

    end: (input) =>
      command(ctx, EndInput, input, async ({ matchId, expectedVersion, note }, repo) => {
        const { match } = await load(repo, matchId, 'matches.end');
        assertVersion('match', match, expectedVersion);
        return end(match, { kind: 'ended-early', note }, repo);
      }),

    complete: (input) =>
      command(ctx, MatchRef, input, async ({ matchId, expectedVersion }, repo) => {
        const { match } = await load(repo, matchId, 'matches.end');
        assertVersion('match', match, expectedVersion);
        assertTransition('match', matchId, match.status, 'completed');
        return settleMatch(repo, match, { status: 'completed' });
      }),

    rematch: (input) =>
      command(ctx, RematchInput, input, async ({ matchId, ...proposal }, repo) => {
        authorize('matches.propose', relationsOf(ctx.actor, {}));
        const previous = await repo.get('matches', matchId);
        if (previous.status !== 'ended') {
          throw new ConflictError('match', matchId, 'Only an ended match can be rematched; end it first.');
        }
        const keeps = [...proposal.mentorIds, ...proposal.menteeIds].some((id) => previous.memberIds.includes(id));
        if (!keeps) throw new ForbiddenError('matches.rematch', 'a rematch must keep at least one member of the ended match.');
        const program = await repo.get('programs', previous.programId);
        return createMatch(ctx, repo, program, proposal, { origin: 'admin', expiresAt: null, previousMatchId: previous.id, acceptedBy: null });
      }),

    ...matchQueries(ctx),
  };
}
