// The engine's main call: candidates + rules -> optimal assignment, with the reasons behind every
// pair and, for every mentee left out, why.
import { solveAssignment } from './assignment.ts';
import type { MatchingProblem } from './build-problem.ts';
import { buildProblem } from './build-problem.ts';
import { scorePair } from './scoring.ts';
import { listText, plural } from './text.ts';
import type { Candidate, MatchedPair, MatchingResult, MatchingRules, RuleId, UnmatchedMentee } from './types.ts';

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
      ? { menteeId: mentee.personId, why: 'no-allowed-mentor', message: noMentorMessage(mentee, mp.blockedBy.get(i) ?? {}, mentors.length), allowedMentorIds: [] }
      : { menteeId: mentee.personId, why: 'capacity-taken', message: capacityMessage(mentee, allowed.length, ctx.rules.objective), allowedMentorIds: allowed });
  }
  return { objective: ctx.rules.objective, pairs, unmatched, total };
}

const RULE_WORDS: Record<RuleId, string> = {
  'same-person': 'are the same person',
  role: 'have the wrong role',
  'level-gap': 'fall outside the level gap',
  'reporting-chain': 'share a reporting chain',
  'previous-pair': 'were matched before',
  excluded: 'were excluded by an admin',
  'shared-language': 'share no language',
  'cross-department': 'work in the same department',
  'capacity-full': 'have no places',
};

function noMentorMessage(mentee: Candidate, blocked: Partial<Record<RuleId, number>>, mentorCount: number): string {
  if (mentorCount === 0) return `There are no mentors in this program for ${mentee.name}.`;
  const parts = (Object.entries(blocked) as [RuleId, number][])
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${n} ${RULE_WORDS[rule]}`);
  return `No mentor passes the program's rules for ${mentee.name}: ${listText(parts)}.`;
}

function capacityMessage(mentee: Candidate, allowed: number, objective: 'maxweight' | 'maxcard'): string {
  const goal = objective === 'maxcard' ? 'matching as many mentees as possible with the best total' : 'the highest total score';
  return `${mentee.name} has ${plural(allowed, 'allowed mentor')}, but their places went to other mentees: ${goal} leaves ${mentee.name} out.`;
}
