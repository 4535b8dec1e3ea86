// Scores one mentee-mentor pair from weighted factors. Every factor yields integer points and a
// sentence, and the score is their sum, so "reasons add up to the score" holds exactly.
import { overlapMinutes } from './availability.ts';
import type { MatchingContext } from './context.ts';
import { sameDepartment } from './rules.ts';
import { listText, minutesText, plural } from './text.ts';
import { offsetDistanceHours } from './time-zones.ts';
import type { Candidate, FactorName, Reason, ScoredPair } from './types.ts';

// A factor's result; the sentence is built only when asked for, because scoring every allowed
// pair of a large program needs the points alone.
interface FactorResult {
  factor: FactorName;
  points: number;
  max: number;
  text: () => string;
}
type FactorFn = (mentee: Candidate, mentor: Candidate, ctx: MatchingContext, max: number) => FactorResult;

const reason = (factor: FactorName, max: number, credit: number, text: () => string): FactorResult => ({
  factor,
  max,
  points: Math.round(max * Math.min(1, Math.max(0, credit))),
  text,
});

// A sought skill counts when the mentor offers it above the mentee's current level; a proficiency
// 5 mentor gives full credit, a 3 gives 60 %.
const skills: FactorFn = (mentee, mentor, ctx, max) => {
  const sought = [...ctx.view(mentee).skills.entries()];
  if (sought.length === 0) return reason('skills', max, 0, () => `${mentee.name} listed no skills to learn.`);
  const offered = ctx.view(mentor).skills;
  let credit = 0;
  const taught: string[] = [];
  for (const [key, want] of sought) {
    const has = offered.get(key);
    if (!has || has.proficiency <= want.proficiency) continue;
    credit += Math.min(5, has.proficiency) / 5;
    taught.push(want.skill);
  }
  const text = (): string => taught.length === 0
    ? `Teaches none of the ${plural(sought.length, 'skill')} ${mentee.name} wants.`
    : `Teaches ${taught.length} of the ${plural(sought.length, 'skill')} ${mentee.name} wants: ${listText(taught)}.`;
  return reason('skills', max, credit / sought.length, text);
};

const topics: FactorFn = (mentee, mentor, ctx, max) => {
  const goals = [...ctx.view(mentee).topics.entries()];
  if (goals.length === 0) return reason('topics', max, 0, () => `${mentee.name} listed no goals.`);
  const theirs = ctx.view(mentor).topics;
  const shared = goals.filter(([k]) => theirs.has(k)).map(([, label]) => label);
  const text = (): string => shared.length === 0
    ? `Covers none of ${mentee.name}'s ${plural(goals.length, 'goal')}.`
    : `Covers ${shared.length} of ${mentee.name}'s ${plural(goals.length, 'goal')}: ${listText(shared)}.`;
  return reason('topics', max, shared.length / goals.length, text);
};

const availability: FactorFn = (mentee, mentor, ctx, max) => {
  const o = overlapMinutes(mentee.availability, mentor.availability);
  const text = (): string => o === 0 ? 'No common free time in the week.' : `${minutesText(o)} a week when both are free.`;
  return reason('availability', max, ctx.targetOverlap > 0 ? o / ctx.targetOverlap : 1, text);
};

const timeZone: FactorFn = (mentee, mentor, ctx, max) => {
  const h = offsetDistanceHours(ctx.view(mentee).utcOffset, ctx.view(mentor).utcOffset);
  const text = (): string => h === 0
    ? `Same time of day (${mentee.timeZone === mentor.timeZone ? mentee.timeZone : `${mentee.timeZone} and ${mentor.timeZone}`}).`
    : `Time zones ${minutesText(h * 60)} apart (${mentee.timeZone} and ${mentor.timeZone}).`;
  return reason('timeZone', max, 1 - h / 12, text);
};

const language: FactorFn = (mentee, mentor, ctx, max) => {
  const theirs = ctx.view(mentor).languages;
  const shared = [...ctx.view(mentee).languages.entries()].filter(([k]) => theirs.has(k)).map(([, l]) => l);
  return reason('language', max, shared.length > 0 ? 1 : 0, () => (shared.length > 0 ? `Both speak ${listText(shared)}.` : 'No common language.'));
};

const crossDepartment: FactorFn = (mentee, mentor, ctx, max) => {
  const mode = ctx.rules.crossDepartment;
  const same = sameDepartment(mentee, mentor);
  if (mode !== 'preferred') {
    const text = (): string => mode === 'ignore' ? 'Departments are not considered in this program.' : `Different departments (${mentee.department} and ${mentor.department}), as the program requires.`;
    return reason('crossDepartment', 0, 0, text);
  }
  return reason('crossDepartment', max, same ? 0 : 1, () => (same
    ? `Same department (${mentee.department}); the program prefers mixing departments.`
    : `Different departments (${mentee.department} and ${mentor.department}).`));
};

// Best at the middle of the allowed band: far enough apart to be "reverse", not so far the gap
// gets in the way.
const levelGap: FactorFn = (mentee, mentor, ctx, max) => {
  const { minLevelGap: lo, maxLevelGap: hi } = ctx.rules;
  const gap = mentee.level - mentor.level;
  const inBand = gap >= lo && gap <= hi;
  const half = (hi - lo) / 2;
  const credit = !inBand ? 0 : half <= 0 ? 1 : 1 - Math.abs(gap - (lo + hi) / 2) / (half + 1);
  const rel = gap >= 0 ? `${plural(gap, 'level')} junior to` : `${plural(-gap, 'level')} senior to`;
  const band = lo === hi ? `${lo}` : `${lo}–${hi}`;
  return reason('levelGap', max, credit, () => `${mentor.name} is ${rel} ${mentee.name} (program band ${band}).`);
};

// Half the points for the mentee's ranking of the mentor, half for the mentor's of the mentee.
const preference: FactorFn = (mentee, mentor, ctx, max) => {
  const half = Math.floor(max / 2);
  const part = (who: Candidate, of: Candidate, m: number): { pts: number; text: string | null } => {
    const list = who.preferences ?? [];
    const r = ctx.view(who).preferenceRank.get(of.personId);
    if (r === undefined || list.length === 0) return { pts: 0, text: null };
    return { pts: Math.round((m * (list.length - r)) / list.length), text: `${who.name} ranked ${of.name} #${r + 1} of ${list.length}` };
  };
  const a = part(mentee, mentor, max - half);
  const b = part(mentor, mentee, half);
  const texts = [a.text, b.text].filter((t): t is string => t !== null);
  return {
    factor: 'preference',
    max,
    points: a.pts + b.pts,
    text: () => (texts.length ? texts.join('; ') + '.' : 'Neither listed the other as a preference.'),
  };
};

const FACTORS: readonly [FactorName, FactorFn][] = [
  ['skills', skills], ['topics', topics], ['availability', availability], ['timeZone', timeZone],
  ['language', language], ['crossDepartment', crossDepartment], ['levelGap', levelGap], ['preference', preference],
];

/** Score and reasons for a pair (hard rules are not checked here; see rules.ts / explain.ts). */
export function scorePair(mentee: Candidate, mentor: Candidate, ctx: MatchingContext): ScoredPair {
  const reasons: Reason[] = [];
  let score = 0;
  for (const [name, fn] of FACTORS) {
    const r = fn(mentee, mentor, ctx, ctx.weights[name]);
    reasons.push({ factor: r.factor, points: r.points, max: r.max, text: r.text() });
    score += r.points;
  }
  return { score, reasons };
}

/** The score alone (same value as scorePair(...).score, without building sentences). */
export function scoreOnly(mentee: Candidate, mentor: Candidate, ctx: MatchingContext): number {
  let score = 0;
  for (const [name, fn] of FACTORS) score += fn(mentee, mentor, ctx, ctx.weights[name]).points;
  return score;
}
