// The matching engine's own plain input and output types. The service layer maps domain records
// onto these; nothing here depends on storage, UI or the domain model. Deliberately no age or birth
// date: seniority is expressed only as an organisational `level`.

export type PersonId = string;
export type Role = 'mentor' | 'mentee';

/** A skill with a self-assessed proficiency 1..5 (offered by mentors, sought by mentees). */
export interface SkillLevel {
  skill: string;
  proficiency: number;
}

/**
 * A weekly availability slot in UTC: `day` 0 = Sunday .. 6 = Saturday, minutes from 00:00 UTC of
 * that day, endMinute exclusive (a slot may end at 1440). The service layer converts local times
 * (the person's `timeZone`) to UTC so the engine can compare people across zones directly.
 */
export interface WeeklySlot {
  day: number;
  startMinute: number;
  endMinute: number;
}

export interface Candidate {
  personId: PersonId;
  /** Display name used in reason sentences. */
  name: string;
  /** Organisational level; higher = more senior. Reverse mentoring: the mentor is the junior one. */
  level: number;
  department: string;
  managerId: PersonId | null;
  /** IANA zone, e.g. "Europe/Paris". */
  timeZone: string;
  languages: string[];
  role: Role;
  /** Offered (mentor) or sought (mentee). For a mentee, proficiency is the current level. */
  skills: SkillLevel[];
  /** Goals (mentee) or topics the mentor is happy to cover. */
  topics: string[];
  availability: WeeklySlot[];
  /** Mentor: how many mentees (its group size). Ignored for mentees. */
  capacity?: number;
  /** Ranked personIds of the other side, best first. */
  preferences?: PersonId[];
}

export type FactorName =
  | 'skills'
  | 'topics'
  | 'availability'
  | 'timeZone'
  | 'language'
  | 'crossDepartment'
  | 'levelGap'
  | 'preference';

/** Maximum points per factor; a pair's score is the sum of the points it earns (integers). */
export type FactorWeights = Record<FactorName, number>;

export interface PairRef {
  menteeId: PersonId;
  mentorId: PersonId;
}

export interface MatchingRules {
  /** Mentor must be junior to the mentee by at least this many levels (mentee.level - mentor.level). */
  minLevelGap: number;
  /** ... and at most this many. */
  maxLevelGap: number;
  crossDepartment: 'required' | 'preferred' | 'ignore';
  requiredSharedLanguage: boolean;
  /** Pairs the admin ruled out. */
  excludedPairs?: PairRef[];
  /** Pairs already matched before in this program (never matched again). */
  previousPairs?: PairRef[];
  /** Pairs fixed by the admin; they consume the mentor's capacity. */
  locks?: PairRef[];
  objective: 'maxweight' | 'maxcard';
  /** Overrides of the default points per factor. */
  weights?: Partial<FactorWeights>;
  /** Overlap (minutes a week) that earns full availability points. Default 120. */
  targetOverlapMinutes?: number;
  /**
   * The whole organisation's reporting lines (personId -> managerId), so the reporting-chain rule
   * also sees managers who are not candidates. Candidates' own managerId is always used too.
   */
  managers?: ReadonlyMap<PersonId, PersonId | null> | Record<PersonId, PersonId | null>;
  /** Instant used to resolve time-zone offsets (daylight saving). Default: now. */
  referenceDate?: Date | number;
}

/**
 * What each factor found, as data: an interface says a reason in its reader's language from
 * these (names and labels are the people's own words), and `text` is the same in English.
 */
export interface ReasonDetails {
  /** `sought`: how many skills the mentee wants to learn; `taught`: the ones this mentor teaches. */
  skills: { mentee: string; sought: number; taught: string[] };
  /** `goals`: how many goals the mentee named; `shared`: the ones this mentor covers. */
  topics: { mentee: string; goals: number; shared: string[] };
  /** Minutes a week both are free. */
  availability: { minutes: number };
  /** Hours between their local times (5.5 for India against UTC), and their zones (one when both share it). */
  timeZone: { hours: number; zones: string[] };
  /** The languages both speak (none: no common language). */
  language: { shared: string[] };
  /** How the program treats departments, and the mentee's and the mentor's departments. */
  crossDepartment: { mode: 'required' | 'preferred' | 'ignore'; same: boolean; departments: [mentee: string, mentor: string] };
  /** `gap`: mentee level minus mentor level (how many levels junior the mentor is); the program's band. */
  levelGap: { mentee: string; mentor: string; gap: number; min: number; max: number };
  /** Each ranking one of the two gave the other: `by` ranked `of` at `rank` (1 = first) of `listed`. */
  preference: { rankings: { by: string; of: string; rank: number; listed: number }[] };
}

/** One factor's part of a score: its points, what it found, and a sentence a person understands. */
export type Reason = {
  [F in FactorName]: {
    factor: F;
    points: number;
    /** Maximum this factor could give with the current weights. */
    max: number;
    /** The reason in English. */
    text: string;
    details: ReasonDetails[F];
  };
}[FactorName];

export interface ScoredPair {
  score: number;
  /** Every factor, in a fixed order; `points` add up exactly to `score`. */
  reasons: Reason[];
}

export type RuleId =
  | 'same-person'
  | 'role'
  | 'level-limit'
  | 'level-gap'
  | 'reporting-chain'
  | 'previous-pair'
  | 'excluded'
  | 'shared-language'
  | 'cross-department'
  | 'capacity-full';

/** What broke each hard rule, as data (see `ReasonDetails`). */
export interface RuleDetails {
  'same-person': { person: string };
  /** `person` is not an approved `role` of the program (the engine: not a candidate in that role). */
  role: { person: string; role: Role };
  /** `person`'s level is outside the program's limit for `role` (mentors at most, mentees at least `limit`). */
  'level-limit': { person: string; role: Role; level: number; limit: number };
  /** `gap`: mentee level minus mentor level; the program's band is min..max. */
  'level-gap': { mentee: string; mentor: string; gap: number; min: number; max: number };
  /** `above` manages `below` directly (1), as a skip-level manager (2) or higher up. */
  'reporting-chain': { above: string; below: string; distance: number };
  'previous-pair': { mentee: string; mentor: string };
  excluded: { mentee: string; mentor: string };
  'shared-language': { mentee: string; mentor: string; menteeLanguages: string[]; mentorLanguages: string[] };
  'cross-department': { mentee: string; mentor: string; department: string };
  /**
   * `capacity`: the mentor's places, all taken (in a proposal the engine sees only the places
   * left, so there it is 0: no free place).
   */
  'capacity-full': { mentor: string; capacity: number };
}

/** A hard rule a pair breaks, as data: which, and what broke it. */
export type BrokenRule = { [R in RuleId]: { rule: R; details: RuleDetails[R] } }[RuleId];

/** A hard rule a pair breaks, with the sentence in English (`message`). */
export type RuleViolation = BrokenRule & { message: string };

export type PairExplanation =
  | ({ allowed: true } & ScoredPair)
  | { allowed: false; violations: RuleViolation[] };

export interface MatchedPair extends PairRef, ScoredPair {
  locked: boolean;
  /** Hard rules a locked pair breaks (the admin's lock wins; listed so the UI can warn). */
  violations?: RuleViolation[];
}

/** Why a mentee was left out, as data (see `ReasonDetails`). */
export interface UnmatchedDetails {
  /** `mentors`: how many mentors the program has; `blockedBy`: how many of them each rule ruled out. */
  'no-allowed-mentor': { mentee: string; mentors: number; blockedBy: Partial<Record<RuleId, number>> };
  /**
   * `allowed`: mentors the rules allowed, whose places went to others; `decidedBy`: what gave them
   * away (the best total score, as many mentees as possible, or the mentors' own rankings).
   */
  'capacity-taken': { mentee: string; allowed: number; decidedBy: 'maxweight' | 'maxcard' | 'rankings' };
}

/** Why a mentee was left out: the kind, what made it so, and the sentence in English (`message`). */
export type UnmatchedReason = {
  [W in keyof UnmatchedDetails]: { why: W; message: string; details: UnmatchedDetails[W] };
}[keyof UnmatchedDetails];

export type UnmatchedMentee = UnmatchedReason & {
  menteeId: PersonId;
  /** Mentors that were allowed for this mentee (all full). */
  allowedMentorIds: PersonId[];
};

export interface MatchingResult {
  objective: 'maxweight' | 'maxcard';
  pairs: MatchedPair[];
  unmatched: UnmatchedMentee[];
  total: number;
}
