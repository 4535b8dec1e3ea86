// Everything scoring and rule checks need besides the two people, prepared once per run: resolved
// weights, reporting chains, pair sets (excluded / previous / locked) and normalised per-person data.
import { weeklyIntervals } from './availability.ts';
import { ReportingChains } from './reporting-chain.ts';
import { labelKey } from './text.ts';
import { utcOffsetMinutes } from './time-zones.ts';
import type { Candidate, FactorWeights, MatchingRules, PairRef, PersonId, SkillLevel } from './types.ts';
import { resolveWeights } from './weights.ts';

export interface PersonView {
  /** labelKey -> skill as written + proficiency. */
  skills: Map<string, SkillLevel>;
  topics: Map<string, string>;
  languages: Map<string, string>;
  /** personId -> rank (0 = first choice). */
  preferenceRank: Map<PersonId, number>;
  /** UTC offset in minutes at the run's reference instant (unknown zone = 0). */
  utcOffset: number;
  /** Availability as merged minute-of-week intervals. */
  intervals: [number, number][];
}

export interface MatchingContext {
  rules: MatchingRules;
  weights: FactorWeights;
  chains: ReportingChains;
  excluded: Set<string>;
  previous: Set<string>;
  /** menteeId -> mentorId fixed by the admin. */
  locks: Map<PersonId, PersonId>;
  at: number;
  targetOverlap: number;
  view(c: Candidate): PersonView;
}

export const pairKey = (menteeId: PersonId, mentorId: PersonId): string => menteeId + '\u0000' + mentorId;

function pairSet(pairs: readonly PairRef[] | undefined): Set<string> {
  const s = new Set<string>();
  for (const p of pairs ?? []) s.add(pairKey(p.menteeId, p.mentorId));
  return s;
}

export function createContext(candidates: readonly Candidate[], rules: MatchingRules): MatchingContext {
  const views = new WeakMap<Candidate, PersonView>();
  const locks = new Map<PersonId, PersonId>();
  for (const l of rules.locks ?? []) {
    if (locks.has(l.menteeId)) throw new RangeError(`mentee ${l.menteeId} is locked twice`);
    locks.set(l.menteeId, l.mentorId);
  }
  const ref = rules.referenceDate;
  const at = ref === undefined ? Date.now() : typeof ref === 'number' ? ref : ref.getTime();
  return {
    rules,
    weights: resolveWeights(rules.weights),
    chains: new ReportingChains(candidates, rules.managers),
    excluded: pairSet(rules.excludedPairs),
    previous: pairSet(rules.previousPairs),
    locks,
    at,
    targetOverlap: rules.targetOverlapMinutes ?? 120,
    view(c) {
      let v = views.get(c);
      if (!v) {
        v = {
          skills: new Map(c.skills.map((s) => [labelKey(s.skill), s])),
          topics: new Map(c.topics.map((t) => [labelKey(t), t])),
          languages: new Map(c.languages.map((l) => [labelKey(l), l])),
          preferenceRank: firstRanks(c.preferences ?? []),
          utcOffset: utcOffsetMinutes(c.timeZone, at) ?? 0,
          intervals: weeklyIntervals(c.availability),
        };
        views.set(c, v);
      }
      return v;
    },
  };
}

// A person listing someone twice keeps the better (first) rank.
function firstRanks(list: readonly PersonId[]): Map<PersonId, number> {
  const m = new Map<PersonId, number>();
  list.forEach((p, r) => { if (!m.has(p)) m.set(p, r); });
  return m;
}
