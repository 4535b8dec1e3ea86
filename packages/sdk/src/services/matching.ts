/**
 * Matching through the services: the engine's proposal for a program (optimal, or stable on
 * ranked preferences in hybrid mode), "why (not) this pair?", the suggestions a mentee browses in
 * self mode, publishing a reviewed proposal, and the lapse-and-cascade of self-mode requests.
 * Scores and reasons are always computed here, never taken from the caller.
 */
import * as z from 'zod/mini';
import { ConflictError, ForbiddenError, ValidationError, type FieldIssue } from '../errors.ts';
import { Id, OPEN_MATCH_STATUSES, hasLapsed, type Enrolment, type Match, type Person, type Program, type ScoreReason } from '../domain/index.ts';
import { createContext } from '../matching/context.ts';
import { explainPair } from '../matching/explain.ts';
import { formGroups, type Group } from '../matching/groups.ts';
import { firstBrokenRule } from '../matching/rules.ts';
import { scorePair } from '../matching/scoring.ts';
import { solveHere, solveInWorker } from '../matching/worker-client.ts';
import { toldTo, violationOf } from '../matching/wording.ts';
import type { Candidate, MatchingResult, MatchingRules, PairExplanation, Reason, RuleViolation, UnmatchedReason } from '../matching/types.ts';
import type { MatchingSolver, WorkerJob } from '../matching/worker-protocol.ts';
import { authorize, relationsOf } from './authorization.ts';
import { command, query, type ServiceContext } from './context.ts';
import { candidateOf, placesLeft, rulesOf } from './matching-candidates.ts';
import { assertSelfMatching, createMatch, requestNextChoice } from './new-match.ts';
import { eligibilityProblem, ruleIssue, type MatchPaths } from './pairing-guard.ts';
import { preferenceIssues } from './preferences.ts';
import type { Repository } from './repository.ts';

const PairInput = z.object({ menteeId: Id, mentorId: Id });
const SuggestInput = z.object({
  programId: Id,
  /** Pairs the admin fixed on the board; they stay whatever the engine finds. */
  locks: z._default(z.array(PairInput).check(z.maxLength(5000)), []),
  /** Pairs the admin ruled out. */
  exclusions: z._default(z.array(PairInput).check(z.maxLength(20000)), []),
});
const ExplainInput = z.object({ programId: Id, menteeId: Id, mentorId: Id });
const SuggestionsInput = z.object({ programId: Id, limit: z._default(z.int().check(z.gte(1), z.lte(100)), 20) });
const PublishInput = z.object({
  programId: Id,
  pairs: z.array(PairInput).check(z.minLength(1), z.maxLength(10_000)),
  /** Group format: which mentors co-lead (from the proposal's `groups`); one mentor per group if absent. */
  coLeads: z._default(z.array(z.array(Id).check(z.minLength(2), z.maxLength(2))).check(z.maxLength(5000)), []),
});
const RankInput = z.object({ programId: Id, mentorIds: z.array(Id).check(z.minLength(1), z.maxLength(10)) });
const ProgramRef = z.object({ programId: Id });

/** The input schemas of `MatchingApi`, by method: the REST contract is generated from them. */
export const matchingInputs = {
  suggest: SuggestInput,
  explain: ExplainInput,
  suggestions: SuggestionsInput,
  publish: PublishInput,
  requestRanked: RankInput,
  expireRequests: ProgramRef,
} as const;

export interface ProposedPair {
  menteeId: string;
  mentorId: string;
  score: number;
  /** Each factor's points, what it found (`details`) and the sentence in English. */
  reasons: Reason[];
  locked: boolean;
  /** Hard rules a locked pair breaks: the admin's lock wins, the board shows the warning. */
  warnings: RuleViolation[];
}

export interface MatchingProposal {
  strategy: 'optimal' | 'stable';
  objective: Program['matching']['objective'];
  total: number;
  pairs: ProposedPair[];
  unmatched: (UnmatchedReason & { menteeId: string })[];
  /** Group format: the groups the pairs form (one or two mentors each). */
  groups: Group[] | null;
}

export interface MentorSuggestion {
  mentor: { personId: string; name: string; title: string; department: string };
  score: number;
  reasons: Reason[];
}

export interface MatchingApi {
  /**
   * The engine's proposal for everyone approved and not yet matched. Admins only. In a browser the
   * solving runs in a Web Worker; `signal` cancels it (rejecting with the signal's reason, as
   * fetch does) and `onProgress` reports how far it got.
   */
  suggest(input: z.input<typeof SuggestInput>, options?: SuggestOptions): Promise<MatchingProposal>;
  /** Why this pair scores what it does, or which rules rule it out ("why not Sam?"). */
  explain(input: z.input<typeof ExplainInput>): Promise<PairExplanation>;
  /** Self and hybrid modes: the mentors the acting mentee may choose, best first, with reasons. */
  suggestions(input: z.input<typeof SuggestionsInput>): Promise<MentorSuggestion[]>;
  /** Creates proposed matches from a reviewed proposal; scores are recomputed, rules rechecked. */
  publish(input: z.input<typeof PublishInput>): Promise<Match[]>;
  /** Self mode: ranks mentors and requests the first who can take the mentee. */
  requestRanked(input: z.input<typeof RankInput>): Promise<Match | null>;
  /** Self mode: ends lapsed requests and moves each mentee on to their next choice. */
  expireRequests(input: z.input<typeof ProgramRef>): Promise<{ expired: number; requested: number }>;
}

export interface SuggestOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

async function solveOffThread(solver: MatchingSolver, job: Extract<WorkerJob, { candidates: Candidate[] }>, { signal, onProgress }: SuggestOptions): Promise<MatchingResult> {
  const options = { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) };
  try {
    return await solver(job, options);
  } catch (error) {
    if (signal?.aborted) throw error;
    // A page whose CSP forbids workers (or a server whose thread would not start) still gets
    // its proposal, only on this thread.
    return solveHere(job, options);
  }
}

/** The reasons a match keeps: points and the English sentence (the details are for the moment of choosing). */
function toScoreReasons(reasons: readonly Reason[]): ScoreReason[] {
  return reasons.map(({ factor, points, max, text }) => ({ factor, points, max, text }));
}

interface Pool {
  program: Program;
  people: Map<string, Person>;
  enrolments: Map<string, Enrolment>;
  matches: Match[];
  /** Open matches per person in this program. */
  open: Map<string, number>;
  managers: Map<string, string | null>;
  at: number;
}

async function loadPool(repo: Repository, program: Program, at: number): Promise<Pool> {
  const people = new Map((await repo.query('people')).map((p) => [p.id, p]));
  const enrolments = new Map(
    (await repo.query('enrolments', 'programId', program.id)).filter((e) => e.status === 'approved' && people.has(e.personId)).map((e) => [e.personId, e]),
  );
  const matches = await repo.query('matches', 'programId', program.id);
  const open = new Map<string, number>();
  // A lapsed request holds no place, swept or not (as in the pairing guard).
  for (const m of matches) {
    if (OPEN_MATCH_STATUSES.includes(m.status) && !hasLapsed(m, at)) for (const id of m.memberIds) open.set(id, (open.get(id) ?? 0) + 1);
  }
  const managers = new Map([...people.values()].map((p) => [p.id, p.managerId]));
  return { program, people, enrolments, matches, open, managers, at };
}

/**
 * The engine's candidates, each with the places they have left: for a proposal, the people still
 * eligible for their role, mentees without a match yet and every mentor (a full one has no place
 * left, so the capacity rule rules them out and "why is Sam unmatched?" counts them); for
 * explanations, everyone. The engine never proposes a pair that publishing would refuse.
 */
function candidates(pool: Pool, forProposal: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const enrolment of pool.enrolments.values()) {
    const places = placesLeft(pool.program, enrolment, pool.open.get(enrolment.personId) ?? 0);
    if (forProposal && ((enrolment.role === 'mentee' && places === 0) || eligibilityProblem(pool.program, pool.people.get(enrolment.personId)!, enrolment.role))) continue;
    out.push(candidateOf(pool.program, pool.people.get(enrolment.personId)!, enrolment, pool.at, places));
  }
  return out;
}

/**
 * The admin's locks checked against the candidates before solving: each names a mentee still to
 * be matched and a mentor with a place for them (a board can be out of date). The rest of a
 * locked pair's rules only warn: the admin's lock wins.
 */
function assertLocksHold(pool: Pool, solvable: readonly Candidate[], locks: readonly { menteeId: string; mentorId: string }[]): void {
  const byId = new Map(solvable.map((c) => [c.personId, c]));
  const nameOf = (id: string) => pool.people.get(id)?.name ?? id;
  const locked = new Map<string, number>();
  const issues: FieldIssue[] = [];
  locks.forEach(({ menteeId, mentorId }, i) => {
    const enrolment = pool.enrolments.get(menteeId);
    if (enrolment?.role === 'mentee' && !byId.has(menteeId) && (pool.open.get(menteeId) ?? 0) > 0) {
      throw new ConflictError('enrolment', enrolment.id, `${nameOf(menteeId)} already has a match in this program.`);
    }
    if (byId.get(menteeId)?.role !== 'mentee') issues.push(ruleIssue(`locks.${i}.menteeId`, violationOf('role', { person: nameOf(menteeId), role: 'mentee' })));
    const mentor = byId.get(mentorId);
    if (mentor?.role !== 'mentor') return void issues.push(ruleIssue(`locks.${i}.mentorId`, violationOf('role', { person: nameOf(mentorId), role: 'mentor' })));
    const taken = locked.get(mentorId) ?? 0;
    locked.set(mentorId, taken + 1);
    if (taken >= (mentor.capacity ?? 1)) {
      const capacity = placesLeft(pool.program, pool.enrolments.get(mentorId)!, 0);
      issues.push(ruleIssue(`locks.${i}.mentorId`, violationOf('capacity-full', { mentor: mentor.name, capacity })));
    }
  });
  if (issues.length) throw new ValidationError(issues, 'locks');
}

export function matchingService(ctx: ServiceContext): MatchingApi {
  const load = async (repo: Repository, programId: string) => loadPool(repo, await repo.get('programs', programId), ctx.clock().getTime());

  return {
    suggest: async (input, options = {}) => {
      // Read in one transaction, then solve outside it: solving is CPU work (in a Worker where
      // there is one), and an IndexedDB transaction ends as soon as it waits on anything else.
      const { pool, solvable, rules } = await query(ctx, SuggestInput, input, async ({ programId, locks, exclusions }, repo) => {
        authorize('matching.suggest', relationsOf(ctx.actor, {}));
        const pool = await load(repo, programId);
        const rules = rulesOf(pool.program, { matches: pool.matches, managers: pool.managers, at: pool.at, locks, exclusions });
        const solvable = candidates(pool, true);
        assertLocksHold(pool, solvable, locks);
        return { pool, solvable, rules };
      });
      // Hybrid programs match on what people ranked: a stable matching leaves no two people who
      // would both rather be together. Otherwise the engine maximises the program's objective.
      const strategy = pool.program.matching.mode === 'hybrid' ? 'stable' : 'optimal';
      const result = await solveOffThread(ctx.solver ?? solveInWorker, { kind: strategy === 'stable' ? 'stable' : 'matching', candidates: solvable, rules }, options);
      const format = pool.program.format;
      return {
        strategy,
        objective: result.objective,
        total: result.total,
        pairs: result.pairs.map((p) => ({
          menteeId: p.menteeId,
          mentorId: p.mentorId,
          score: p.score,
          reasons: p.reasons,
          locked: p.locked,
          warnings: p.violations ?? [],
        })),
        unmatched: result.unmatched.map(({ allowedMentorIds: _, ...unmatched }) => unmatched),
        groups:
          format.kind === 'group'
            ? formGroups(result, solvable, { pairMentors: format.mentorsPerGroup === 2, maxGroupSize: format.menteesPerGroup, at: pool.at })
            : null,
      };
    },

    explain: (input) =>
      query(ctx, ExplainInput, input, async ({ programId, menteeId, mentorId }, repo) => {
        const pool = await load(repo, programId);
        authorize('matching.explain', relationsOf(ctx.actor, { program: pool.program, ownerId: menteeId }));
        const mentee = pool.enrolments.get(menteeId);
        const mentor = pool.enrolments.get(mentorId);
        const missing = [
          ...(mentee?.role === 'mentee' ? [] : [{ id: menteeId, role: 'mentee' as const }]),
          ...(mentor?.role === 'mentor' ? [] : [{ id: mentorId, role: 'mentor' as const }]),
        ];
        if (missing.length || !mentee || !mentor) {
          return { allowed: false, violations: missing.map(({ id, role }) => violationOf('role', { person: pool.people.get(id)?.name ?? id, role })) };
        }
        const ineligible = [mentee, mentor].flatMap((e) => eligibilityProblem(pool.program, pool.people.get(e.personId)!, e.role) ?? []);
        if (ineligible.length) return { allowed: false, violations: ineligible };
        const all = candidates(pool, false);
        const rules = rulesOf(pool.program, { matches: pool.matches, managers: pool.managers, at: pool.at });
        const byId = new Map(all.map((c) => [c.personId, c]));
        const full = candidateOf(pool.program, pool.people.get(mentorId)!, mentor, pool.at, placesLeft(pool.program, mentor, 0));
        const taken = (full.capacity ?? 0) - (byId.get(mentorId)!.capacity ?? 0);
        return explainPair(byId.get(menteeId)!, full, rules, { candidates: all, placesTaken: taken });
      }),

    suggestions: (input) =>
      query(ctx, SuggestionsInput, input, async ({ programId, limit }, repo) => {
        const pool = await load(repo, programId);
        const me = pool.enrolments.get(ctx.actor.personId);
        if (!me || me.role !== 'mentee') throw new ForbiddenError('matching.suggestions', 'only an approved mentee of this program gets mentor suggestions.');
        const all = candidates(pool, true);
        const mentee = all.find((c) => c.personId === me.personId);
        if (!mentee) return []; // already has an open match
        const rules = rulesOf(pool.program, { matches: pool.matches, managers: pool.managers, at: pool.at });
        const context = createContext(all, rules);
        return all
          .filter((c) => c.role === 'mentor' && firstBrokenRule(mentee, c, context) === null)
          .map((mentor) => {
            const scored = scorePair(mentee, mentor, context);
            const person = pool.people.get(mentor.personId)!;
            return {
              mentor: { personId: person.id, name: person.name, title: person.title, department: person.department },
              score: scored.score,
              // The mentee reads these about themselves: "Teaches the skill you want".
              reasons: scored.reasons.map((reason) => toldTo(reason, mentee.name)),
            };
          })
          .sort((a, b) => b.score - a.score || a.mentor.name.localeCompare(b.mentor.name))
          .slice(0, limit);
      }),

    publish: (input) =>
      command(ctx, PublishInput, input, async ({ programId, pairs, coLeads }, repo) => {
        authorize('matching.publish', relationsOf(ctx.actor, {}));
        const pool = await load(repo, programId);
        const all = candidates(pool, false);
        const rules = rulesOf(pool.program, { matches: pool.matches, managers: pool.managers, at: pool.at });
        const context = createContext(all, rules);
        const byId = new Map(all.map((c) => [c.personId, c]));
        // One match per pair; in the group format one per mentor (or co-leading pair of mentors).
        // Each group remembers which of the caller's pairs it came from, so errors name those.
        const groups = new Map<string, { mentorIds: string[]; menteeIds: string[]; pairIndexes: number[] }>();
        const leadOf = new Map(coLeads.flatMap((lead) => lead.map((id) => [id, lead.join('+')] as const)));
        for (const [i, { menteeId, mentorId }] of pairs.entries()) {
          const key = pool.program.format.kind === 'group' ? (leadOf.get(mentorId) ?? mentorId) : `${i}`;
          const group = groups.get(key) ?? { mentorIds: key.includes('+') ? key.split('+') : [mentorId], menteeIds: [], pairIndexes: [] };
          group.menteeIds.push(menteeId);
          group.pairIndexes.push(i);
          groups.set(key, group);
        }
        const pathsOf = ({ mentorIds, pairIndexes }: { mentorIds: string[]; pairIndexes: number[] }): MatchPaths => {
          const mentorPath = (j: number) => {
            const pair = pairIndexes.find((i) => pairs[i]!.mentorId === mentorIds[j]);
            if (pair !== undefined) return `pairs.${pair}.mentorId`;
            // A co-lead no pair names directly: their place in `coLeads`.
            const lead = coLeads.findIndex((l) => l.includes(mentorIds[j]!));
            return `coLeads.${lead}.${coLeads[lead]!.indexOf(mentorIds[j]!)}`;
          };
          return {
            member: (role, j) => (role === 'mentor' ? mentorPath(j) : `pairs.${pairIndexes[j]}.menteeId`),
            // Too many mentees for one group: the first pair past the limit; otherwise the group's first pair.
            members: (role) =>
              role === 'mentee' && pool.program.format.kind === 'group' && pairIndexes.length > pool.program.format.menteesPerGroup
                ? `pairs.${pairIndexes[pool.program.format.menteesPerGroup]}`
                : `pairs.${pairIndexes[0]}`,
            pair: (mentee) => `pairs.${pairIndexes[mentee]}.menteeId`,
          };
        };
        const created: Match[] = [];
        const refused: FieldIssue[] = [];
        for (const { pairIndexes, ...group } of groups.values()) {
          const reasons: ScoreReason[] = [];
          let score = 0;
          for (const menteeId of group.menteeIds) {
            for (const mentorId of group.mentorIds) {
              const mentee = byId.get(menteeId);
              const mentor = byId.get(mentorId);
              if (!mentee || !mentor) continue; // the guard below reports who is not enrolled
              const scored = scorePair(mentee, mentor, context);
              score += scored.score;
              if (group.menteeIds.length === 1 && group.mentorIds.length === 1) reasons.push(...toScoreReasons(scored.reasons));
              else reasons.push({ factor: 'pair', points: scored.score, text: `${mentee.name} with ${mentor.name}: ${scored.reasons[0]?.text ?? ''}`.trim() });
            }
          }
          try {
            created.push(
              await createMatch(
                ctx,
                repo,
                pool.program,
                { ...group, score, reasons: reasons.slice(0, 20) },
                { origin: 'suggested', expiresAt: null, previousMatchId: null, acceptedBy: null },
                pathsOf({ mentorIds: group.mentorIds, pairIndexes }),
              ),
            );
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            refused.push(...error.issues);
          }
        }
        // Every pair that breaks a rule is named at once; the transaction stores none of them then.
        if (refused.length) throw new ValidationError(refused, 'match');
        return created;
      }),

    requestRanked: (input) =>
      command(ctx, RankInput, input, async ({ programId, mentorIds }, repo, now) => {
        const program = await repo.get('programs', programId);
        assertSelfMatching(program);
        const [enrolment] = await repo.query('enrolments', 'programPerson', [programId, ctx.actor.personId]);
        if (!enrolment || enrolment.role !== 'mentee' || enrolment.status !== 'approved') {
          throw new ForbiddenError('matching.request-ranked', 'only an approved mentee of this program can request mentors.');
        }
        // The ranking is stored as the enrolment's preferences: it obeys what enrolments.update checks.
        const issues = await preferenceIssues(repo, ctx.actor.personId, mentorIds, 'mentorIds');
        if (issues.length) throw new ValidationError(issues, 'enrolment');
        await repo.update('enrolments', enrolment, { preferences: mentorIds });
        return requestNextChoice(ctx, repo, program, ctx.actor.personId, now);
      }),

    // No permission check on purpose: there is no scheduler in an intranet page, so any signed-in
    // page may run the program's own expiry rule. It only ends requests whose time has already
    // passed and asks each mentee's next choice, exactly what the clock decided; it reveals nothing.
    expireRequests: (input) =>
      command(ctx, ProgramRef, input, async ({ programId }, repo, now) => {
        const program = await repo.get('programs', programId);
        const lapsed = (await repo.query('matches', 'programId', programId)).filter((m) => m.origin === 'requested' && hasLapsed(m, Date.parse(now)));
        let requested = 0;
        for (const match of lapsed) {
          await repo.update('matches', match, { status: 'ended', endReason: { kind: 'request-expired' } });
          const mentee = match.members.find((m) => m.role === 'mentee');
          if (mentee && (await requestNextChoice(ctx, repo, program, mentee.personId, now))) requested++;
        }
        return { expired: lapsed.length, requested };
      }),
  };
}
