// Scores one mentee-mentor pair from weighted factors. Every factor yields integer points and a
// reason, and the score is their sum, so "reasons add up to the score" holds exactly.
// Each factor has a fast `points` (used for every allowed pair of a program) and `details` that
// say what it found with the same numbers (used for the pairs someone looks at); wording.ts turns
// those into the English sentence.
import { intervalOverlap } from './availability.ts';
import type { MatchingContext, PersonView } from './context.ts';
import { sameDepartment } from './rules.ts';
import { offsetDistanceHours } from './time-zones.ts';
import { reasonText } from './wording.ts';
import type { Candidate, FactorName, Reason, ReasonDetails, ScoredPair } from './types.ts';

interface Factor<F extends FactorName = FactorName> {
  name: F;
  /** Points in 0..max (an integer). */
  points(mentee: Candidate, mentor: Candidate, ctx: MatchingContext, max: number): number;
  details(mentee: Candidate, mentor: Candidate, ctx: MatchingContext): ReasonDetails[F];
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

const skills: Factor<'skills'> = {
  name: 'skills',
  points: (e, r, ctx, max) => pts(max, taughtSkills(ctx.view(e), ctx.view(r)).credit),
  details: (e, r, ctx) => ({ mentee: e.name, sought: ctx.view(e).skills.size, taught: taughtSkills(ctx.view(e), ctx.view(r)).taught }),
};

const topics: Factor<'topics'> = {
  name: 'topics',
  points(e, r, ctx, max) {
    const a = ctx.view(e).topics;
    return a.size ? pts(max, countShared(a, ctx.view(r).topics) / a.size) : 0;
  },
  details: (e, r, ctx) => ({ mentee: e.name, goals: ctx.view(e).topics.size, shared: sharedLabels(ctx.view(e).topics, ctx.view(r).topics) }),
};

const overlap = (e: Candidate, r: Candidate, ctx: MatchingContext): number => intervalOverlap(ctx.view(e).intervals, ctx.view(r).intervals);
const availability: Factor<'availability'> = {
  name: 'availability',
  points: (e, r, ctx, max) => pts(max, ctx.targetOverlap > 0 ? overlap(e, r, ctx) / ctx.targetOverlap : 1),
  details: (e, r, ctx) => ({ minutes: overlap(e, r, ctx) }),
};

const hoursApart = (e: Candidate, r: Candidate, ctx: MatchingContext): number => offsetDistanceHours(ctx.view(e).utcOffset, ctx.view(r).utcOffset);
const timeZone: Factor<'timeZone'> = {
  name: 'timeZone',
  points: (e, r, ctx, max) => pts(max, 1 - hoursApart(e, r, ctx) / 12),
  details: (e, r, ctx) => ({ hours: hoursApart(e, r, ctx), zones: e.timeZone === r.timeZone ? [e.timeZone] : [e.timeZone, r.timeZone] }),
};

const language: Factor<'language'> = {
  name: 'language',
  points: (e, r, ctx, max) => (countShared(ctx.view(e).languages, ctx.view(r).languages) > 0 ? max : 0),
  details: (e, r, ctx) => ({ shared: sharedLabels(ctx.view(e).languages, ctx.view(r).languages) }),
};

// Points only when the program prefers mixing; 'required' is a hard rule, 'ignore' is off.
const crossDepartment: Factor<'crossDepartment'> = {
  name: 'crossDepartment',
  max: (ctx, w) => (ctx.rules.crossDepartment === 'preferred' ? w : 0),
  points: (e, r, ctx, max) => (ctx.rules.crossDepartment === 'preferred' && !sameDepartment(e, r) ? max : 0),
  details: (e, r, ctx) => ({ mode: ctx.rules.crossDepartment, same: sameDepartment(e, r), departments: [e.department, r.department] }),
};

// Best at the middle of the allowed band: far enough apart to be "reverse", not so far that the
// gap gets in the way. Every gap inside the band earns something.
const levelGap: Factor<'levelGap'> = {
  name: 'levelGap',
  points(e, r, ctx, max) {
    const { minLevelGap: lo, maxLevelGap: hi } = ctx.rules;
    const gap = e.level - r.level;
    if (gap < lo || gap > hi) return 0;
    const half = (hi - lo) / 2;
    return pts(max, half <= 0 ? 1 : 1 - Math.abs(gap - (lo + hi) / 2) / (half + 1));
  },
  details: (e, r, ctx) => ({ mentee: e.name, mentor: r.name, gap: e.level - r.level, min: ctx.rules.minLevelGap, max: ctx.rules.maxLevelGap }),
};

// Half the points for the mentee's ranking of the mentor, half for the mentor's of the mentee;
// first choice earns the full half, the last listed 1/length of it.
function rankPoints(who: Candidate, of: Candidate, ctx: MatchingContext, m: number): number {
  const len = who.preferences?.length ?? 0;
  const r = ctx.view(who).preferenceRank.get(of.personId);
  return r === undefined || len === 0 ? 0 : Math.round((m * (len - r)) / len);
}
const preference: Factor<'preference'> = {
  name: 'preference',
  points(e, r, ctx, max) {
    const half = Math.floor(max / 2);
    return rankPoints(e, r, ctx, max - half) + rankPoints(r, e, ctx, half);
  },
  details(e, r, ctx) {
    const ranking = (who: Candidate, of: Candidate) => {
      const rank = ctx.view(who).preferenceRank.get(of.personId);
      return rank === undefined ? [] : [{ by: who.name, of: of.name, rank: rank + 1, listed: who.preferences!.length }];
    };
    return { rankings: [...ranking(e, r), ...ranking(r, e)] };
  },
};

const FACTORS: readonly Factor<FactorName>[] = [skills, topics, availability, timeZone, language, crossDepartment, levelGap, preference];

/** Score and reasons for a pair (hard rules are not checked here; see rules.ts / explain.ts). */
export function scorePair(mentee: Candidate, mentor: Candidate, ctx: MatchingContext): ScoredPair {
  const reasons: Reason[] = [];
  let score = 0;
  for (const f of FACTORS) {
    const w = ctx.weights[f.name];
    const max = f.max ? f.max(ctx, w) : w;
    const points = f.points(mentee, mentor, ctx, max);
    const details = f.details(mentee, mentor, ctx);
    reasons.push({ factor: f.name, points, max, details, text: reasonText(f.name, details) } as Reason);
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
