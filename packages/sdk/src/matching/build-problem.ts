// Turns candidates + program rules into the solver's sparse problem: one edge per pair that passes
// every hard rule, weighted by its score. Also keeps what is needed to explain the outcome later.
// The pair loop runs in fast-build.ts (numbers only, per-person data prepared once); reasons are
// written later, only for the pairs that are returned (solveBuilt, explainPair).
import type { MatchingContext } from './context.ts';
import { createContext } from './context.ts';
import type { IndexPair, SparseProblem } from './problem.ts';
import { sparseFromEdges } from './problem.ts';
import { checkHardRules, firstBrokenRule } from './rules.ts';
import { scoreAllPairs } from './fast-build.ts';
import { scoreOnly } from './scoring.ts';
import type { Candidate, MatchingRules, RuleId, RuleViolation } from './types.ts';

export interface MatchingProblem {
  ctx: MatchingContext;
  /** Row i of the problem is mentees[i]; column j is mentors[j]. */
  mentees: Candidate[];
  mentors: Candidate[];
  problem: SparseProblem;
  /** Admin locks as (mentee index, mentor index). */
  locks: IndexPair[];
  /** Rules a locked pair breaks, by mentee index (the lock is kept anyway). */
  lockViolations: Map<number, RuleViolation[]>;
  /** Per mentee without any allowed mentor: how many mentors each rule blocked (first rule hit). */
  blockedBy: Map<number, Partial<Record<RuleId, number>>>;
}

export function buildProblem(candidates: readonly Candidate[], rules: MatchingRules): MatchingProblem {
  return build(candidates, rules, true);
}

/**
 * The same problem built the straightforward way: checkHardRules and scoreOnly for every pair.
 * Slower; kept as the reference the fast path is tested against (and for debugging).
 */
export function buildProblemReference(candidates: readonly Candidate[], rules: MatchingRules): MatchingProblem {
  return build(candidates, rules, false);
}

function build(candidates: readonly Candidate[], rules: MatchingRules, fast: boolean): MatchingProblem {
  const ctx = createContext(candidates, rules);
  const mentees = candidates.filter((c) => c.role === 'mentee');
  const mentors = candidates.filter((c) => c.role === 'mentor');
  const menteeIndex = indexById(mentees, 'mentee');
  const mentorIndex = indexById(mentors, 'mentor');

  const blockedBy = new Map<number, Partial<Record<RuleId, number>>>();
  const fastBuild = fast ? scoreAllPairs(ctx, mentees, mentors, menteeIndex, mentorIndex) : null;
  let edges: { ei: number[]; ej: number[]; es: number[] } | null = null;
  if (fastBuild) {
    // Rows without any allowed mentor: count, per rule, the first one each mentor breaks.
    for (const i of fastBuild.emptyRows) blockedBy.set(i, blockedCounts(mentees[i]!, mentors, ctx));
  } else {
    edges = { ei: [], ej: [], es: [] };
    const { ei, ej, es } = edges;
    mentees.forEach((mentee, i) => {
      if (ctx.locks.has(mentee.personId)) return; // placed by the admin; no edges needed
      let allowed = 0;
      const blocked: Partial<Record<RuleId, number>> = {};
      mentors.forEach((mentor, j) => {
        const r = firstBrokenRule(mentee, mentor, ctx);
        if (r) {
          blocked[r] = (blocked[r] ?? 0) + 1;
          return;
        }
        ei.push(i);
        ej.push(j);
        es.push(scoreOnly(mentee, mentor, ctx));
        allowed++;
      });
      if (allowed === 0) blockedBy.set(i, blocked);
    });
  }

  const locks: IndexPair[] = [];
  const lockViolations = new Map<number, RuleViolation[]>();
  const lockLoad = new Map<number, number>();
  for (const [menteeId, mentorId] of ctx.locks) {
    const i = menteeIndex.get(menteeId);
    const j = mentorIndex.get(mentorId);
    if (i === undefined) throw new RangeError(`lock: ${menteeId} is not a mentee of this program`);
    if (j === undefined) throw new RangeError(`lock: ${mentorId} is not a mentor of this program`);
    const load = lockLoad.get(j) ?? 0;
    const cap = mentors[j]!.capacity ?? 1;
    if (load >= cap) throw new RangeError(`lock: ${mentors[j]!.name} has only ${cap} place(s) for ${load + 1} locked mentee(s)`);
    lockLoad.set(j, load + 1);
    locks.push([i, j]);
    const v = checkHardRules(mentees[i]!, mentors[j]!, ctx).filter((x) => x.rule !== 'capacity-full');
    if (v.length) lockViolations.set(i, v);
  }

  let problem: SparseProblem;
  if (fastBuild) {
    if (fastBuild.firstBadEdge >= 0) throw new RangeError(`edge ${fastBuild.firstBadEdge} has a non-finite score`);
    problem = fastBuild.problem;
  } else {
    const capacity = mentors.map((m) => Math.max(0, Math.floor(m.capacity ?? 1)));
    problem = sparseFromEdges(mentees.length, capacity, edges!.ei, edges!.ej, edges!.es);
  }
  return { ctx, mentees, mentors, problem, locks, lockViolations, blockedBy };
}

function blockedCounts(mentee: Candidate, mentors: readonly Candidate[], ctx: MatchingContext): Partial<Record<RuleId, number>> {
  const blocked: Partial<Record<RuleId, number>> = {};
  for (const mentor of mentors) {
    const r = firstBrokenRule(mentee, mentor, ctx);
    if (!r) continue; // cannot happen for a row the fast path left empty
    blocked[r] = (blocked[r] ?? 0) + 1;
  }
  return blocked;
}

function indexById(list: readonly Candidate[], role: string): Map<string, number> {
  const m = new Map<string, number>();
  list.forEach((c, k) => {
    if (m.has(c.personId)) throw new RangeError(`${role} ${c.personId} appears twice`);
    m.set(c.personId, k);
  });
  return m;
}
