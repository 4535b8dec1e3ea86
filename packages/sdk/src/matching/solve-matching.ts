// The engine's main call: candidates + rules -> optimal assignment, with the reasons behind every
// pair and, for every mentee left out, why.
import { solveAssignment } from './assignment.ts';
import type { MatchingProblem } from './build-problem.ts';
import { buildProblem } from './build-problem.ts';
import { scorePair } from './scoring.ts';
import { unmatchedText } from './wording.ts';
import type { Candidate, MatchedPair, MatchingResult, MatchingRules, UnmatchedDetails, UnmatchedMentee } from './types.ts';

export interface SolveMatchingOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export function solveMatching(candidates: readonly Candidate[], rules: MatchingRules, options: SolveMatchingOptions = {}): MatchingResult {
  return solveBuilt(buildProblem(candidates, rules), options);
}

/** Same as solveMatching for a problem already built (e.g. to inspect it first). */
export function solveBuilt(mp: MatchingProblem, options: SolveMatchingOptions = {}): MatchingResult {
  const { ctx, mentees, mentors, problem } = mp;
  const res = solveAssignment(problem, {
    objective: ctx.rules.objective,
    locks: mp.locks,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const lockedRows = new Set(mp.locks.map(([i]) => i));
  const pairs: MatchedPair[] = [];
  const unmatched: UnmatchedMentee[] = [];
  let total = 0;
  for (let i = 0; i < mentees.length; i++) {
    const mentee = mentees[i]!;
    const j = res.mentorOf[i]!;
    if (j >= 0) {
      const mentor = mentors[j]!;
      const scored = scorePair(mentee, mentor, ctx);
      const pair: MatchedPair = { menteeId: mentee.personId, mentorId: mentor.personId, locked: lockedRows.has(i), ...scored };
      const v = mp.lockViolations.get(i);
      if (v) pair.violations = v;
      pairs.push(pair);
      total += scored.score;
      continue;
    }
    const allowed: string[] = [];
    for (let k = problem.edgeStart[i]!; k < problem.edgeStart[i + 1]!; k++) allowed.push(mentors[problem.edgeMentor[k]!]!.personId);
    unmatched.push(allowed.length === 0
      ? unmatchedMentee(mentee.personId, 'no-allowed-mentor', { mentee: mentee.name, mentors: mentors.length, blockedBy: mp.blockedBy.get(i) ?? {} }, [])
      : unmatchedMentee(mentee.personId, 'capacity-taken', { mentee: mentee.name, allowed: allowed.length, decidedBy: ctx.rules.objective }, allowed));
  }
  return { objective: ctx.rules.objective, pairs, unmatched, total };
}

/** An unmatched mentee with its reason as data and in English. */
export function unmatchedMentee<W extends keyof UnmatchedDetails>(menteeId: string, why: W, details: UnmatchedDetails[W], allowedMentorIds: string[]): UnmatchedMentee {
  return { menteeId, why, details, message: unmatchedText(why, details), allowedMentorIds } as UnmatchedMentee;
}
