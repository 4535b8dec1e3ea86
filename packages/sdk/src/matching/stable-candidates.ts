// Stable matching for a program's candidates: each side ranks only the partners the hard rules
// allow; people's own ranked preferences come first, then the other allowed partners by score, so
// nobody is left out only because they listed few names (and a mentee ranks nobody only when the
// rules allow nobody).
import type { MatchingProblem } from './build-problem.ts';
import { buildProblem } from './build-problem.ts';
import { scorePair } from './scoring.ts';
import { stableMatching } from './stable.ts';
import { unmatchedMentee } from './solve-matching.ts';
import type { Candidate, MatchedPair, MatchingResult, MatchingRules, UnmatchedMentee } from './types.ts';

export interface StableResult extends MatchingResult {
  /** The preference lists used (indices into mentees / mentors of `problem`). */
  problem: MatchingProblem;
  menteePrefs: number[][];
  mentorPrefs: number[][];
  capacity: number[];
}

export function stableMatchingForCandidates(candidates: readonly Candidate[], rules: MatchingRules): StableResult {
  const mp = buildProblem(candidates, rules);
  const { mentees, mentors, problem } = mp;
  const menteeIdx = new Map(mentees.map((c, i) => [c.personId, i]));
  const mentorIdx = new Map(mentors.map((c, j) => [c.personId, j]));
  // Allowed pairs with scores, from both sides.
  const byMentee: [number, number][][] = mentees.map(() => []);
  const byMentor: [number, number][][] = mentors.map(() => []);
  for (let i = 0; i < mentees.length; i++) {
    for (let k = problem.edgeStart[i]!; k < problem.edgeStart[i + 1]!; k++) {
      const j = problem.edgeMentor[k]!;
      const s = problem.edgeScore[k]!;
      byMentee[i]!.push([j, s]);
      byMentor[j]!.push([i, s]);
    }
  }
  const rankList = (own: readonly string[] | undefined, index: Map<string, number>, allowed: [number, number][]): number[] => {
    const ok = new Set(allowed.map(([x]) => x));
    const out: number[] = [];
    const seen = new Set<number>();
    for (const id of own ?? []) {
      const x = index.get(id);
      if (x !== undefined && ok.has(x) && !seen.has(x)) { out.push(x); seen.add(x); }
    }
    for (const [x] of [...allowed].sort((a, b) => b[1] - a[1] || a[0] - b[0])) if (!seen.has(x)) { out.push(x); seen.add(x); }
    return out;
  };
  const menteePrefs = mentees.map((c, i) => rankList(c.preferences, mentorIdx, byMentee[i]!));
  const mentorPrefs = mentors.map((c, j) => rankList(c.preferences, menteeIdx, byMentor[j]!));
  const capacity = Array.from(problem.capacity);

  // Locks: placed first; they take a place and leave the stable process.
  const lockedOf = new Map(mp.locks.map(([i, j]) => [i, j]));
  for (const [, j] of mp.locks) capacity[j] = (capacity[j] ?? 0) - 1;
  const prefsForRun = menteePrefs.map((p, i) => (lockedOf.has(i) ? [] : p));
  const mentorOf = stableMatching({ menteePrefs: prefsForRun, mentorPrefs, capacity });
  for (const [i, j] of lockedOf) mentorOf[i] = j;
  for (const [, j] of mp.locks) capacity[j] = (capacity[j] ?? 0) + 1;

  const pairs: MatchedPair[] = [];
  const unmatched: UnmatchedMentee[] = [];
  let total = 0;
  mentees.forEach((mentee, i) => {
    const j = mentorOf[i]!;
    if (j >= 0) {
      const scored = scorePair(mentee, mentors[j]!, mp.ctx);
      pairs.push({ menteeId: mentee.personId, mentorId: mentors[j]!.personId, locked: lockedOf.has(i), ...scored });
      total += scored.score;
    } else {
      const allowed = menteePrefs[i]!.map((x) => mentors[x]!.personId);
      unmatched.push(allowed.length === 0
        ? unmatchedMentee(mentee.personId, 'no-allowed-mentor', { mentee: mentee.name, mentors: mentors.length, blockedBy: mp.blockedBy.get(i) ?? {} }, [])
        : unmatchedMentee(mentee.personId, 'capacity-taken', { mentee: mentee.name, allowed: allowed.length, decidedBy: 'rankings' }, allowed));
    }
  });
  return { objective: rules.objective, pairs, unmatched, total, problem: mp, menteePrefs, mentorPrefs, capacity };
}
