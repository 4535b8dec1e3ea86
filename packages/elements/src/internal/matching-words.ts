/**
 * A score's reasons and why a mentee was left out, in the reader's language (see
 * said-from-details.ts; broken rules are in rule-words.ts).
 */
import { msg, str } from '@lit/localize';
import type { FactorName, ReasonDetails, RuleId, UnmatchedDetails } from '@upward/sdk';
import { formatList, formatMinutes } from './format.ts';
import { isNumber, isRecord, isText, isTexts, languages, n, position, say, type Fields, type Sayers } from './said-from-details.ts';

/** A score's reason as it arrives: from the engine with details, or stored on a match without. */
export interface ReasonLike {
  factor: string;
  text: string;
  details?: unknown;
}

/** Why a mentee is unmatched, as it arrives (`message` is its English). */
export interface UnmatchedLike {
  why: string;
  message: string;
  details?: unknown;
}

const levelGapFits = (d: Fields) => isText(d.mentee) && isText(d.mentor) && isNumber(d.gap) && isNumber(d.min) && isNumber(d.max);
const preferenceFits = (d: Fields) =>
  Array.isArray(d.rankings) && d.rankings.every((r) => isRecord(r) && isText(r.by) && isText(r.of) && isNumber(r.rank) && isNumber(r.listed));

/** "Ben is 5 levels below Sam (the program allows 3 to 7 levels)." */
function levelReason(where: string, min: number, max: number): string {
  if (min === max && min === 0) return msg(str`${where} (the program asks for the same level).`, { id: 'matching.reason.level-gap.same' });
  if (min === max && min === 1) return msg(str`${where} (the program asks for one level).`, { id: 'matching.reason.level-gap.exactly-one' });
  return min === max
    ? msg(str`${where} (the program asks for ${n(min)} levels).`, { id: 'matching.reason.level-gap.exactly' })
    : msg(str`${where} (the program allows ${n(min)} to ${n(max)} levels).`, { id: 'matching.reason.level-gap' });
}

const reasonSayers: Sayers<FactorName, ReasonDetails> = {
  skills: {
    fits: (d) => isText(d.mentee) && isNumber(d.sought) && isTexts(d.taught),
    say: ({ mentee, sought, taught }) => {
      if (sought === 0) return msg(str`${mentee} listed no skills to learn.`, { id: 'matching.reason.skills.unlisted' });
      if (taught.length === 0) {
        return sought === 1
          ? msg(str`Teaches none of the 1 skill ${mentee} wants.`, { id: 'matching.reason.skills.none-one' })
          : msg(str`Teaches none of the ${n(sought)} skills ${mentee} wants.`, { id: 'matching.reason.skills.none' });
      }
      const list = formatList(taught);
      return sought === 1
        ? msg(str`Teaches the 1 skill ${mentee} wants: ${list}.`, { id: 'matching.reason.skills.one' })
        : msg(str`Teaches ${n(taught.length)} of the ${n(sought)} skills ${mentee} wants: ${list}.`, { id: 'matching.reason.skills.some' });
    },
  },
  topics: {
    fits: (d) => isText(d.mentee) && isNumber(d.goals) && isTexts(d.shared),
    say: ({ mentee, goals, shared }) => {
      if (goals === 0) return msg(str`${mentee} listed no goals.`, { id: 'matching.reason.topics.unlisted' });
      if (shared.length === 0) {
        return goals === 1
          ? msg(str`Covers none of ${mentee}'s 1 goal.`, { id: 'matching.reason.topics.none-one' })
          : msg(str`Covers none of ${mentee}'s ${n(goals)} goals.`, { id: 'matching.reason.topics.none' });
      }
      const list = formatList(shared);
      return goals === 1
        ? msg(str`Covers ${mentee}'s 1 goal: ${list}.`, { id: 'matching.reason.topics.one' })
        : msg(str`Covers ${n(shared.length)} of ${mentee}'s ${n(goals)} goals: ${list}.`, { id: 'matching.reason.topics.some' });
    },
  },
  availability: {
    fits: (d) => isNumber(d.minutes),
    say: ({ minutes }) =>
      minutes <= 0
        ? msg('No common free time in the week.', { id: 'matching.reason.availability.none' })
        : msg(str`${formatMinutes(minutes)} a week when both are free.`, { id: 'matching.reason.availability.some' }),
  },
  timeZone: {
    fits: (d) => isNumber(d.hours) && isTexts(d.zones),
    say: ({ hours, zones }) =>
      hours === 0
        ? msg(str`Same time of day (${formatList(zones)}).`, { id: 'matching.reason.time-zone.same' })
        : msg(str`Time zones ${formatMinutes(Math.abs(hours) * 60)} apart (${formatList(zones)}).`, { id: 'matching.reason.time-zone.apart' }),
  },
  language: {
    fits: (d) => isTexts(d.shared),
    say: ({ shared }) =>
      shared.length
        ? msg(str`Both speak ${languages(shared)}.`, { id: 'matching.reason.language.shared' })
        : msg('No common language.', { id: 'matching.reason.language.none' }),
  },
  crossDepartment: {
    fits: (d) => ['required', 'preferred', 'ignore'].includes(d.mode as string) && typeof d.same === 'boolean' && isTexts(d.departments) && d.departments.length === 2,
    say: ({ mode, same, departments: [a, b] }) => {
      if (mode === 'ignore') return msg('Departments are not considered in this program.', { id: 'matching.reason.department.ignored' });
      if (mode === 'required') {
        return same
          ? msg(str`Same department (${a}); this program requires different departments.`, { id: 'matching.reason.department.required-same' })
          : msg(str`Different departments (${a} and ${b}), as the program requires.`, { id: 'matching.reason.department.required' });
      }
      return same
        ? msg(str`Same department (${a}); the program prefers mixing departments.`, { id: 'matching.reason.department.same' })
        : msg(str`Different departments (${a} and ${b}).`, { id: 'matching.reason.department.different' });
    },
  },
  levelGap: {
    fits: levelGapFits,
    say: ({ mentee, mentor, gap, min, max }) => levelReason(position(mentor, mentee, gap), min, max),
  },
  preference: {
    fits: preferenceFits,
    // One sentence per ranking (there are at most two: one each way), so no joining words are needed.
    say: ({ rankings }) =>
      rankings.length
        ? rankings
            .map(({ by, of, rank, listed }) => msg(str`${by} ranked ${of} #${n(rank)} of ${n(listed)}.`, { id: 'matching.reason.preference.ranked' }))
            .join(' ')
        : msg('Neither listed the other as a preference.', { id: 'matching.reason.preference.none' }),
  },
};

/**
 * How many mentors one rule ruled out, as a phrase that needs no verb ("2 in the same reporting
 * chain"), so it reads right for any count without a message per plural form.
 */
const ruledOut: { [R in RuleId]: (count: string) => string } = {
  'same-person': (c) => msg(str`${c} being the mentee themselves`, { id: 'matching.unmatched.blocked.same-person' }),
  role: (c) => msg(str`${c} not approved in that role`, { id: 'matching.unmatched.blocked.role' }),
  'level-limit': (c) => msg(str`${c} outside the level limits`, { id: 'matching.unmatched.blocked.level-limit' }),
  'level-gap': (c) => msg(str`${c} outside the level gap`, { id: 'matching.unmatched.blocked.level-gap' }),
  'reporting-chain': (c) => msg(str`${c} in the same reporting chain`, { id: 'matching.unmatched.blocked.reporting-chain' }),
  'previous-pair': (c) => msg(str`${c} matched with them before`, { id: 'matching.unmatched.blocked.previous-pair' }),
  excluded: (c) => msg(str`${c} excluded by an admin`, { id: 'matching.unmatched.blocked.excluded' }),
  'shared-language': (c) => msg(str`${c} without a common language`, { id: 'matching.unmatched.blocked.shared-language' }),
  'cross-department': (c) => msg(str`${c} in the same department`, { id: 'matching.unmatched.blocked.cross-department' }),
  'capacity-full': (c) => msg(str`${c} without free places`, { id: 'matching.unmatched.blocked.capacity-full' }),
};

const unmatchedSayers: Sayers<keyof UnmatchedDetails, UnmatchedDetails> = {
  'no-allowed-mentor': {
    fits: (d) => isText(d.mentee) && isNumber(d.mentors) && isRecord(d.blockedBy),
    say: ({ mentee, mentors, blockedBy }) => {
      if (mentors === 0) return msg(str`There are no mentors in this program for ${mentee}.`, { id: 'matching.unmatched.no-mentors' });
      const parts = Object.entries(blockedBy)
        .filter((entry): entry is [string, number] => isNumber(entry[1]) && entry[1] > 0)
        .sort((a, b) => b[1] - a[1])
        // A rule of a newer server is left out: the list stays true without it.
        .flatMap(([rule, count]) => (Object.hasOwn(ruledOut, rule) ? [ruledOut[rule as RuleId](n(count))] : []));
      return parts.length
        ? msg(str`No mentor passes the program's rules for ${mentee}: ${formatList(parts)}.`, { id: 'matching.unmatched.no-allowed-mentor.why' })
        : msg(str`No mentor passes the program's rules for ${mentee}.`, { id: 'matching.unmatched.no-allowed-mentor' });
    },
  },
  'capacity-taken': {
    fits: (d) => isText(d.mentee) && isNumber(d.allowed) && ['maxweight', 'maxcard', 'rankings'].includes(d.decidedBy as string),
    say: ({ mentee, allowed, decidedBy }) => {
      if (decidedBy === 'rankings') {
        return msg(str`Every mentor ${mentee} ranked filled their places with mentees they ranked higher.`, { id: 'matching.unmatched.taken.rankings' });
      }
      const one = allowed === 1;
      const count = n(allowed);
      if (decidedBy === 'maxcard') {
        return one
          ? msg(str`${mentee} has 1 allowed mentor, but their places went to other mentees: matching as many mentees as possible with the best total leaves ${mentee} out.`, { id: 'matching.unmatched.taken.maxcard-one' })
          : msg(str`${mentee} has ${count} allowed mentors, but their places went to other mentees: matching as many mentees as possible with the best total leaves ${mentee} out.`, { id: 'matching.unmatched.taken.maxcard' });
      }
      return one
        ? msg(str`${mentee} has 1 allowed mentor, but their places went to other mentees: the highest total score leaves ${mentee} out.`, { id: 'matching.unmatched.taken.maxweight-one' })
        : msg(str`${mentee} has ${count} allowed mentors, but their places went to other mentees: the highest total score leaves ${mentee} out.`, { id: 'matching.unmatched.taken.maxweight' });
    },
  },
};

/** One factor of a score in the current locale (its English `text` where it cannot be said from details). */
export function sayReason(reason: ReasonLike, reader?: string): string {
  const d = reason.details;
  if (reader !== undefined && isRecord(d) && TO_READER.has(reason.factor) && isAbout(d, reader)) return say(toReader(reader), reason.factor, d, reason.text);
  return say(reasonSayers, reason.factor, d, reason.text);
}

/** Whether a reason names `reader`: as the mentee, or in a ranking. */
const isAbout = (d: Fields, reader: string) =>
  d.mentee === reader || (Array.isArray(d.rankings) && d.rankings.some((r) => isRecord(r) && (r.by === reader || r.of === reader)));

type ToReader = 'skills' | 'topics' | 'levelGap' | 'preference';
const TO_READER: ReadonlySet<string> = new Set<ToReader>(['skills', 'topics', 'levelGap', 'preference']);

/**
 * The reasons that name the mentee, said to the mentee who reads them (their own mentor
 * suggestions): "Sie", never their own name in the third person.
 */
const toReader = (reader: string): Sayers<ToReader, Pick<ReasonDetails, ToReader>> => ({
  skills: {
    fits: reasonSayers.skills.fits,
    say: ({ sought, taught }) => {
      if (sought === 0) return msg('You listed no skills to learn.', { id: 'matching.reason.you.skills.unlisted' });
      if (taught.length === 0) {
        return sought === 1
          ? msg('Does not teach the skill you want.', { id: 'matching.reason.you.skills.none-one' })
          : msg(str`Teaches none of the ${n(sought)} skills you want.`, { id: 'matching.reason.you.skills.none' });
      }
      const list = formatList(taught);
      return sought === 1
        ? msg(str`Teaches the skill you want: ${list}.`, { id: 'matching.reason.you.skills.one' })
        : msg(str`Teaches ${n(taught.length)} of the ${n(sought)} skills you want: ${list}.`, { id: 'matching.reason.you.skills.some' });
    },
  },
  topics: {
    fits: reasonSayers.topics.fits,
    say: ({ goals, shared }) => {
      if (goals === 0) return msg('You listed no goals.', { id: 'matching.reason.you.topics.unlisted' });
      if (shared.length === 0) {
        return goals === 1
          ? msg('Does not cover your goal.', { id: 'matching.reason.you.topics.none-one' })
          : msg(str`Covers none of your ${n(goals)} goals.`, { id: 'matching.reason.you.topics.none' });
      }
      const list = formatList(shared);
      return goals === 1
        ? msg(str`Covers your goal: ${list}.`, { id: 'matching.reason.you.topics.one' })
        : msg(str`Covers ${n(shared.length)} of your ${n(goals)} goals: ${list}.`, { id: 'matching.reason.you.topics.some' });
    },
  },
  levelGap: {
    fits: levelGapFits,
    say: ({ mentor, gap, min, max }) => {
      const levels = n(Math.abs(gap));
      const where =
        gap === 0
          ? msg(str`${mentor} is on the same level as you`, { id: 'matching.level.you.same' })
          : gap === 1
            ? msg(str`${mentor} is one level below you`, { id: 'matching.level.you.below-one' })
            : gap === -1
              ? msg(str`${mentor} is one level above you`, { id: 'matching.level.you.above-one' })
              : gap > 0
                ? msg(str`${mentor} is ${levels} levels below you`, { id: 'matching.level.you.below' })
                : msg(str`${mentor} is ${levels} levels above you`, { id: 'matching.level.you.above' });
      return levelReason(where, min, max);
    },
  },
  preference: {
    fits: preferenceFits,
    say: ({ rankings }) =>
      rankings.length
        ? rankings.map((r) => rankingToReader(r, reader)).join(' ')
        : msg('Neither listed the other as a preference.', { id: 'matching.reason.preference.none' }),
  },
});

function rankingToReader({ by, of, rank, listed }: { by: string; of: string; rank: number; listed: number }, reader: string): string {
  if (by === reader) return msg(str`You ranked ${of} #${n(rank)} of ${n(listed)}.`, { id: 'matching.reason.you.ranked' });
  if (of === reader) return msg(str`${by} ranked you #${n(rank)} of ${n(listed)}.`, { id: 'matching.reason.ranked-you' });
  return msg(str`${by} ranked ${of} #${n(rank)} of ${n(listed)}.`, { id: 'matching.reason.preference.ranked' });
}

/** Why a mentee was left unmatched, in the current locale (its English `message` where it cannot be said from details). */
export function sayUnmatched(unmatched: UnmatchedLike): string {
  return say(unmatchedSayers, unmatched.why, unmatched.details, unmatched.message);
}
