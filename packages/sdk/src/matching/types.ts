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

/** One factor's part of a score: its points and a sentence a person understands. */
export interface Reason {
  factor: FactorName;
  points: number;
  /** Maximum this factor could give with the current weights. */
  max: number;
  text: string;
}

export interface ScoredPair {
  score: number;
  /** Every factor, in a fixed order; `points` add up exactly to `score`. */
  reasons: Reason[];
}

export type RuleId =
  | 'same-person'
  | 'role'
  | 'level-gap'
  | 'reporting-chain'
  | 'previous-pair'
  | 'excluded'
  | 'shared-language'
  | 'cross-department'
  | 'capacity-full';

export interface RuleViolation {
  rule: RuleId;
  message: string;
}

export type PairExplanation =
  | ({ allowed: true } & ScoredPair)
  | { allowed: false; violations: RuleViolation[] };

export interface MatchedPair extends PairRef, ScoredPair {
  locked: boolean;
  /** Hard rules a locked pair breaks (the admin's lock wins; listed so the UI can warn). */
  violations?: RuleViolation[];
}

export interface UnmatchedMentee {
  menteeId: PersonId;
  why: 'no-allowed-mentor' | 'capacity-taken';
  message: string;
  /** Mentors that were allowed for this mentee (all full). */
  allowedMentorIds: PersonId[];
}

export interface MatchingResult {
  objective: 'maxweight' | 'maxcard';
  pairs: MatchedPair[];
  unmatched: UnmatchedMentee[];
  total: number;
}
