/**
 * The bridge from stored records to the matching engine's plain inputs: a person with their
 * enrolment becomes a `Candidate`, a program with its history becomes `MatchingRules`. The
 * engine stays pure; everything it needs to know about the domain is decided here, once.
 */
import type { Enrolment, Match, Person, Program } from '../domain/index.ts';
import { utcOffsetMinutes } from '../matching/time-zones.ts';
import type { Candidate, MatchingRules, PairRef, WeeklySlot } from '../matching/types.ts';

const WEEK = 7 * 1440;

/** Local weekly slots (the person's own zone) as UTC slots, split where they cross midnight. */
export function toUtcSlots(slots: Enrolment['availability'], timeZone: string, at: number): WeeklySlot[] {
  const offset = utcOffsetMinutes(timeZone, at) ?? 0;
  const out: WeeklySlot[] = [];
  for (const slot of slots) {
    let start = (((slot.day * 1440 + slot.startMinute - offset) % WEEK) + WEEK) % WEEK;
    let length = slot.endMinute - slot.startMinute;
    while (length > 0) {
      const day = Math.floor(start / 1440);
      const from = start - day * 1440;
      const piece = Math.min(length, 1440 - from);
      out.push({ day, startMinute: from, endMinute: from + piece });
      length -= piece;
      start = (start + piece) % WEEK;
    }
  }
  return out;
}

/**
 * Places a person can still take in the program: a mentee one match, a mentor their capacity of
 * pairs (one group in the group format), less the open matches they already hold.
 */
export function placesLeft(program: Program, enrolment: Enrolment, openMatches: number): number {
  if (enrolment.role === 'mentee') return openMatches > 0 ? 0 : 1;
  if (program.format.kind === 'group') return openMatches > 0 ? 0 : program.format.menteesPerGroup;
  return Math.max(0, enrolment.capacity - openMatches);
}

export function candidateOf(program: Program, person: Person, enrolment: Enrolment, at: number, places?: number): Candidate {
  return {
    personId: person.id,
    name: person.name,
    level: person.level,
    department: person.department,
    // With the reporting-line rule off, the engine is simply not told who reports to whom.
    managerId: program.rules.forbidSameReportingLine ? person.managerId : null,
    timeZone: person.timeZone,
    languages: person.languages,
    role: enrolment.role,
    skills: enrolment.skills,
    topics: enrolment.goals,
    availability: toUtcSlots(enrolment.availability, person.timeZone, at),
    ...(enrolment.role === 'mentor' ? { capacity: places ?? enrolment.capacity } : {}),
    preferences: enrolment.preferences,
  };
}

/** Every mentee–mentor pair that has shared a match in the program: never paired again. */
export function previousPairs(matches: readonly Match[]): PairRef[] {
  const pairs: PairRef[] = [];
  for (const match of matches) {
    for (const mentee of match.members.filter((m) => m.role === 'mentee')) {
      for (const mentor of match.members.filter((m) => m.role === 'mentor')) pairs.push({ menteeId: mentee.personId, mentorId: mentor.personId });
    }
  }
  return pairs;
}

export function rulesOf(
  program: Program,
  context: { matches: readonly Match[]; managers: ReadonlyMap<string, string | null>; at: number; locks?: PairRef[]; exclusions?: PairRef[] },
): MatchingRules {
  const { rules, matching } = program;
  return {
    minLevelGap: rules.minLevelGap,
    maxLevelGap: rules.maxLevelGap,
    crossDepartment: rules.crossDepartment,
    requiredSharedLanguage: rules.requireSharedLanguage,
    objective: matching.objective,
    weights: matching.weights,
    previousPairs: previousPairs(context.matches),
    excludedPairs: context.exclusions ?? [],
    locks: context.locks ?? [],
    managers: rules.forbidSameReportingLine ? context.managers : new Map(),
    referenceDate: context.at,
  };
}
