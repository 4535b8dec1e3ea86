// The engine's sentences in English, each made from the same details an interface gets to say it
// in its own language (`@upward/elements` does so for German). One place for every sentence, so
// the English and the details can never tell different stories.
import { listText, minutesText, plural } from './text.ts';
import type { FactorName, Reason, ReasonDetails, RuleDetails, RuleId, RuleViolation, UnmatchedDetails } from './types.ts';

// Making a DisplayNames costs more than a whole pair's score: one, made on first use, and the names.
let englishNames: Intl.DisplayNames | undefined;
const languageNames = new Map<string, string>();

/**
 * A language code as its English name ("de" is "German"); a label that is not a code (the engine
 * also takes "English" as it is) or one Intl cannot name stays as given.
 */
function languageName(label: string): string {
  let name = languageNames.get(label);
  if (name === undefined) {
    name = label;
    if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(label)) {
      try {
        name = (englishNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })).of(label) ?? label;
      } catch {
        // a code Intl cannot name stays as given
      }
    }
    // Codes come from a short list (people's languages), so the cache stays small.
    if (languageNames.size < 1000) languageNames.set(label, name);
  }
  return name;
}
const languages = (labels: readonly string[]) => listText(labels.map(languageName));

/**
 * How a reason names the mentee: by name, or as "you" when the mentee is the one reading it (their
 * own mentor suggestions), so nobody reads about themselves in the third person.
 */
interface Mentee {
  /** "Sam listed", "You listed". */
  subject: string;
  /** "the skill Sam wants", "the skill you want". */
  wants: string;
  /** "Sam's goals", "your goals". */
  possessive: string;
  /** "junior to Sam", "junior to you". */
  object: string;
}
const menteeWords = (name: string, reader: string | undefined): Mentee =>
  name === reader ? { subject: 'You', wants: 'you want', possessive: 'your', object: 'you' } : { subject: name, wants: `${name} wants`, possessive: `${name}'s`, object: name };

type ReasonSayers = { [F in FactorName]: (d: ReasonDetails[F], reader: string | undefined) => string };

const reasonSayers: ReasonSayers = {
  skills: ({ mentee, sought, taught }, reader) => {
    const m = menteeWords(mentee, reader);
    if (sought === 0) return `${m.subject} listed no skills to learn.`;
    if (sought === 1) return taught.length === 0 ? `Does not teach the skill ${m.wants}.` : `Teaches the skill ${m.wants}: ${listText(taught)}.`;
    return taught.length === 0
      ? `Teaches none of the ${plural(sought, 'skill')} ${m.wants}.`
      : `Teaches ${taught.length} of the ${plural(sought, 'skill')} ${m.wants}: ${listText(taught)}.`;
  },
  topics: ({ mentee, goals, shared }, reader) => {
    const m = menteeWords(mentee, reader);
    if (goals === 0) return `${m.subject} listed no goals.`;
    if (goals === 1) return shared.length === 0 ? `Does not cover ${m.possessive} goal.` : `Covers ${m.possessive} goal: ${listText(shared)}.`;
    return shared.length === 0
      ? `Covers none of ${m.possessive} ${plural(goals, 'goal')}.`
      : `Covers ${shared.length} of ${m.possessive} ${plural(goals, 'goal')}: ${listText(shared)}.`;
  },
  availability: ({ minutes }) => (minutes === 0 ? 'No common free time in the week.' : `${minutesText(minutes)} a week when both are free.`),
  timeZone: ({ hours, zones }) =>
    hours === 0 ? `Same time of day (${listText(zones)}).` : `Time zones ${minutesText(hours * 60)} apart (${listText(zones)}).`,
  language: ({ shared }) => (shared.length > 0 ? `Both speak ${languages(shared)}.` : 'No common language.'),
  crossDepartment: ({ mode, same, departments: [a, b] }) => {
    if (mode === 'ignore') return 'Departments are not considered in this program.';
    if (mode === 'required') return same ? `Same department (${a}); this program requires different departments.` : `Different departments (${a} and ${b}), as the program requires.`;
    return same ? `Same department (${a}); the program prefers mixing departments.` : `Different departments (${a} and ${b}).`;
  },
  levelGap: ({ mentee, mentor, gap, min, max }, reader) => {
    const rel = gap === 0 ? 'at the same level as' : gap > 0 ? `${plural(gap, 'level')} junior to` : `${plural(-gap, 'level')} senior to`;
    return `${mentor} is ${rel} ${menteeWords(mentee, reader).object} (program band ${min === max ? `${min}` : `${min}–${max}`}).`;
  },
  preference: ({ rankings }, reader) =>
    rankings.length
      ? rankings.map((r) => (r.by === reader ? `You ranked ${r.of}` : `${r.by} ranked ${r.of === reader ? 'you' : r.of}`) + ` #${r.rank} of ${r.listed}`).join('; ') + '.'
      : 'Neither listed the other as a preference.',
};

/** A reason in English; with `reader` (the mentee's name, when they read it themselves), "you" for them. */
export function reasonText<F extends FactorName>(factor: F, details: ReasonDetails[F], reader?: string): string {
  return (reasonSayers[factor] as (d: ReasonDetails[F], reader: string | undefined) => string)(details, reader);
}

/** The same reason worded for `reader` (see reasonText). */
export function toldTo(reason: Reason, reader: string): Reason {
  return { ...reason, text: reasonText(reason.factor, reason.details as never, reader) };
}

type RuleSayers = { [R in RuleId]: (d: RuleDetails[R]) => string };

const ruleSayers: RuleSayers = {
  'same-person': ({ person }) => `${person} cannot mentor themselves.`,
  role: ({ person, role }) => `${person} is not an approved ${role} of this program.`,
  'level-limit': ({ person, role, level, limit }) =>
    role === 'mentor'
      ? `${person} is level ${level}; mentors in this program are at most level ${limit}.`
      : `${person} is level ${level}; mentees in this program are at least level ${limit}.`,
  'level-gap': ({ mentee, mentor, gap, min, max }) => {
    const band = min === max ? (min === 0 ? 'at the same level' : `exactly ${plural(min, 'level')} junior`) : `${min} to ${max} levels junior`;
    const actual = gap === 0 ? 'at the same level as' : gap > 0 ? `${plural(gap, 'level')} below` : `${plural(-gap, 'level')} above`;
    return `${mentor} is ${actual} ${mentee}; the mentor must be ${band}.`;
  },
  'reporting-chain': ({ above, below, distance }) => {
    const how = distance === 1 ? 'the direct manager of' : distance === 2 ? 'the skip-level manager of' : 'in the management line above';
    return `${above} is ${how} ${below}; mentors and mentees must not share a reporting chain.`;
  },
  'previous-pair': ({ mentee, mentor }) => `${mentee} and ${mentor} were already matched in this program.`,
  excluded: ({ mentee, mentor }) => `An admin excluded the pair ${mentee} and ${mentor}.`,
  'shared-language': ({ mentee, mentor, menteeLanguages, mentorLanguages }) =>
    `${mentee} (${languages(menteeLanguages) || 'no language given'}) and ${mentor} (${languages(mentorLanguages) || 'no language given'}) share no language.`,
  'cross-department': ({ mentee, mentor, department }) =>
    `${mentee} and ${mentor} both work in ${department}; this program pairs people across departments.`,
  'capacity-full': ({ mentor, capacity }) =>
    capacity <= 0 ? `${mentor} has no free place.` : capacity === 1 ? `${mentor}'s only place is taken.` : `All ${capacity} of ${mentor}'s places are taken.`,
};

export function ruleText<R extends RuleId>(rule: R, details: RuleDetails[R]): string {
  return (ruleSayers[rule] as (d: RuleDetails[R]) => string)(details);
}

/** A broken rule with its English sentence. */
export function violationOf<R extends RuleId>(rule: R, details: RuleDetails[R]): RuleViolation {
  return { rule, details, message: ruleText(rule, details) } as RuleViolation;
}

/** How many mentors a rule ruled out, with no verb so any count reads right: "3 in the same reporting chain". */
const RULE_WORDS: Record<RuleId, string> = {
  'same-person': 'the mentee themselves',
  role: 'not approved in that role',
  'level-limit': 'outside the level limits',
  'level-gap': 'outside the level gap',
  'reporting-chain': 'in the same reporting chain',
  'previous-pair': 'matched with them before',
  excluded: 'excluded by an admin',
  'shared-language': 'without a shared language',
  'cross-department': 'in the same department',
  'capacity-full': 'without places',
};

type UnmatchedSayers = { [W in keyof UnmatchedDetails]: (d: UnmatchedDetails[W]) => string };

const unmatchedSayers: UnmatchedSayers = {
  'no-allowed-mentor': ({ mentee, mentors, blockedBy }) => {
    if (mentors === 0) return `There are no mentors in this program for ${mentee}.`;
    // Most common first; ties in the rules' own order, so the sentence never depends on which rule was counted first.
    const order = Object.keys(RULE_WORDS);
    const parts = (Object.entries(blockedBy) as [RuleId, number][])
      .sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))
      .map(([rule, n]) => `${n} ${RULE_WORDS[rule]}`);
    return parts.length ? `No mentor passes the program's rules for ${mentee}: ${listText(parts)}.` : `No mentor passes the program's rules for ${mentee}.`;
  },
  'capacity-taken': ({ mentee, allowed, decidedBy }) => {
    if (decidedBy === 'rankings') return `Every mentor ${mentee} ranked filled their places with mentees they ranked higher.`;
    const goal = decidedBy === 'maxcard' ? 'matching as many mentees as possible with the best total' : 'the highest total score';
    return `${mentee} has ${plural(allowed, 'allowed mentor')}, but their places went to other mentees: ${goal} leaves ${mentee} out.`;
  },
};

export function unmatchedText<W extends keyof UnmatchedDetails>(why: W, details: UnmatchedDetails[W]): string {
  return (unmatchedSayers[why] as (d: UnmatchedDetails[W]) => string)(details);
}
