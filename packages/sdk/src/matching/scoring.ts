// Scores one mentee-mentor pair from weighted factors. Every factor yields integer points and a
// sentence, and the score is their sum, so "reasons add up to the score" holds exactly.
// Each factor has a fast `points` (used for every allowed pair of a program) and an `explain` that
// builds the sentence from the same numbers (used for the pairs someone looks at).
import { intervalOverlap } from './availability.ts';
import type { MatchingContext, PersonView } from './context.ts';
import { sameDepartment } from './rules.ts';
import { listText, minutesText, plural } from './text.ts';
import { offsetDistanceHours } from './time-zones.ts';
import type { Candidate, FactorName, Reason, ScoredPair } from './types.ts';

interface Factor {
  name: FactorName;
  /** Points in 0..max (an integer). */
  points(mentee: Candidate, mentor: Candidate, ctx: MatchingContext, max: number): number;
  text(mentee: Candidate, mentor: Candidate, ctx: MatchingContext): string;
  /** Largest possible points (0 when the factor is switched off by the rules). */
  max?(ctx: MatchingContext, weight: number): number;
}

const pts = (max: number, credit: number): number => Math.round(max * Math.min(1, Math.max(0, credit)));

// A sought skill counts when the mentor offers it above the mentee's current level; a proficiency
// 5 mentor gives full credit, a 3 gives 60 %.
function taughtSkills(a: PersonView, b: PersonView): { credit: number; taught: string[] } {
  let credit = 0;
  const taught: string[] = [];
  for (const [key, want] of a.skills) {
    const has = b.skills.get(key);
    if (!has || has.proficiency <= want.proficiency) continue;
    credit += Math.min(5, has.proficiency) / 5;
    taught.push(want.skill);
  }
  return { credit: a.skills.size ? credit / a.skills.size : 0, taught };
}

function sharedLabels(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, label] of a) if (b.has(k)) out.push(label);
  return out;
}

function countShared(a: Map<string, string>, b: Map<string, string>): number {
  let n = 0;
  for (const k of a.keys()) if (b.has(k)) n++;
  return n;
}

const skills: Factor = {
  name: 'skills',
  points: (e, r, ctx, max) => pts(max, taughtSkills(ctx.view(e), ctx.view(r)).credit),
  text(e, r, ctx) {
    const n = ctx.view(e).skills.size;
    if (n === 0) return `${e.name} listed no skills to learn.`;
    const { taught } = taughtSkills(ctx.view(e), ctx.view(r));
    return taught.length === 0
      ? `Teaches none of the ${plural(n, 'skill')} ${e.name} wants.`
      : `Teaches ${taught.length} of the ${plural(n, 'skill')} ${e.name} wants: ${listText(taught)}.`;
  },
};

const topics: Factor = {
  name: 'topics',
  points(e, r, ctx, max) {
    const a = ctx.view(e).topics;
    return a.size ? pts(max, countShared(a, ctx.view(r).topics) / a.size) : 0;
  },
  text(e, r, ctx) {
    const a = ctx.view(e).topics;
    if (a.size === 0) return `${e.name} listed no goals.`;
    const shared = sharedLabels(a, ctx.view(r).topics);
    return shared.length === 0
      ? `Covers none of ${e.name}'s ${plural(a.size, 'goal')}.`
      : `Covers ${shared.length} of ${e.name}'s ${plural(a.size, 'goal')}: ${listText(shared)}.`;
  },
};

const overlap = (e: Candidate, r: Candidate, ctx: MatchingContext): number => intervalOverlap(ctx.view(e).intervals, ctx.view(r).intervals);
const availability: Factor = {
  name: 'availability',
  points: (e, r, ctx, max) => pts(max, ctx.targetOverlap > 0 ? overlap(e, r, ctx) / ctx.targetOverlap : 1),
  text(e, r, ctx) {
    const o = overlap(e, r, ctx);
    return o === 0 ? 'No common free time in the week.' : `${minutesText(o)} a week when both are free.`;
  },
};

const hoursApart = (e: Candidate, r: Candidate, ctx: MatchingContext): number => offsetDistanceHours(ctx.view(e).utcOffset, ctx.view(r).utcOffset);
const timeZone: Factor = {
  name: 'timeZone',
  points: (e, r, ctx, max) => pts(max, 1 - hoursApart(e, r, ctx) / 12),
  text(e, r, ctx) {
    const h = hoursApart(e, r, ctx);
    if (h === 0) return `Same time of day (${e.timeZone === r.timeZone ? e.timeZone : `${e.timeZone} and ${r.timeZone}`}).`;
    return `Time zones ${minutesText(h * 60)} apart (${e.timeZone} and ${r.timeZone}).`;
  },
};

const language: Factor = {
  name: 'language',
  points: (e, r, ctx, max) => (countShared(ctx.view(e).languages, ctx.view(r).languages) > 0 ? max : 0),
  text(e, r, ctx) {
    const shared = sharedLabels(ctx.view(e).languages, ctx.view(r).languages);
    return shared.length > 0 ? `Both speak ${listText(shared)}.` : 'No common language.';
  },
};

// Points only when the program prefers mixing; 'required' is a hard rule, 'ignore' is off.
const crossDepartment: Factor = {
  name: 'crossDepartment',
  max: (ctx, w) => (ctx.rules.crossDepartment === 'preferred' ? w : 0),
  points: (e, r, ctx, max) => (ctx.rules.crossDepartment === 'preferred' && !sameDepartment(e, r) ? max : 0),
  text(e, r, ctx) {
    const mode = ctx.rules.crossDepartment;
    if (mode === 'ignore') return 'Departments are not considered in this program.';
    if (mode === 'required') return `Different departments (${e.department} and ${r.department}), as the program requires.`;
    return sameDepartment(e, r)
      ? `Same department (${e.department}); the program prefers mixing departments.`
      : `Different departments (${e.department} and ${r.department}).`;
  },
};

// Best at the middle of the allowed band: far enough apart to be "reverse", not so far that the
// gap gets in the way. Every gap inside the band earns something.
const levelGap: Factor = {
  name: 'levelGap',
  points(e, r, ctx, max) {
    const { minLevelGap: lo, maxLevelGap: hi } = ctx.rules;
    const gap = e.level - r.level;
    if (gap < lo || gap > hi) return 0;
    const half = (hi - lo) / 2;
    return pts(max, half <= 0 ? 1 : 1 - Math.abs(gap - (lo + hi) / 2) / (half + 1));
  },
  text(e, r, ctx) {
    const { minLevelGap: lo, maxLevelGap: hi } = ctx.rules;
    const gap = e.level - r.level;
    const rel = gap >= 0 ? `${plural(gap, 'level')} junior to` : `${plural(-gap, 'level')} senior to`;
    return `${r.name} is ${rel} ${e.name} (program band ${lo === hi ? `${lo}` : `${lo}–${hi}`}).`;
  },
};

// Half the points for the mentee's ranking of the mentor, half for the mentor's of the mentee;
// first choice earns the full half, the last listed 1/length of it.
function rankPoints(who: Candidate, of: Candidate, ctx: MatchingContext, m: number): number {
  const len = who.preferences?.length ?? 0;
  const r = ctx.view(who).preferenceRank.get(of.personId);
  return r === undefined || len === 0 ? 0 : Math.round((m * (len - r)) / len);
}
const preference: Factor = {
  name: 'preference',
  points(e, r, ctx, max) {
    const half = Math.floor(max / 2);
    return rankPoints(e, r, ctx, max - half) + rankPoints(r, e, ctx, half);
  },
  text(e, r, ctx) {
    const part = (who: Candidate, of: Candidate): string | null => {
      const rank = ctx.view(who).preferenceRank.get(of.personId);
      return rank === undefined ? null : `${who.name} ranked ${of.name} #${rank + 1} of ${who.preferences!.length}`;
    };
    const texts = [part(e, r), part(r, e)].filter((t): t is string => t !== null);
    return texts.length ? texts.join('; ') + '.' : 'Neither listed the other as a preference.';
  },
};

const FACTORS: readonly Factor[] = [skills, topics, availability, timeZone, language, crossDepartment, levelGap, preference];

/** Score and reasons for a pair (hard rules are not checked here; see rules.ts / explain.ts). */
export function scorePair(mentee: Candidate, mentor: Candidate, ctx: MatchingContext): ScoredPair {
  const reasons: Reason[] = [];
  let score = 0;
  for (const f of FACTORS) {
    const w = ctx.weights[f.name];
    const max = f.max ? f.max(ctx, w) : w;
    const points = f.points(mentee, mentor, ctx, max);
    reasons.push({ factor: f.name, points, max, text: f.text(mentee, mentor, ctx) });
    score += points;
  }
  return { score, reasons };
}

/** The score alone (same value as scorePair(...).score, without building sentences). */
export function scoreOnly(mentee: Candidate, mentor: Candidate, ctx: MatchingContext): number {
  let score = 0;
  for (const f of FACTORS) {
    const w = ctx.weights[f.name];
    score += f.points(mentee, mentor, ctx, f.max ? f.max(ctx, w) : w);
  }
  return score;
}
