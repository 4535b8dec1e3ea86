// Hard rules: a pair that breaks any of them is never proposed. Each check says which rule and why,
// in words an admin can read ("why not Sam?").
import type { MatchingContext } from './context.ts';
import { pairKey } from './context.ts';
import { violationOf } from './wording.ts';
import type { Candidate, RuleDetails, RuleId, RuleViolation } from './types.ts';

export interface RuleCheckOptions {
  /** Mentor places already taken (e.g. by locks or an existing assignment). */
  placesTaken?: number;
}

/** Every hard rule the pair breaks, each with its English sentence ("why not Sam?"); `firstBrokenRule` for "allowed or not". */
export function checkHardRules(mentee: Candidate, mentor: Candidate, ctx: MatchingContext, opts: RuleCheckOptions = {}): RuleViolation[] {
  const out: RuleViolation[] = [];
  scanRules(mentee, mentor, ctx, opts.placesTaken ?? 0, (rule, details) => {
    out.push(violationOf(rule, details()));
    return false;
  });
  return out;
}

/**
 * The first hard rule the pair breaks, or null when the pair is allowed: for the checks that run
 * on every pair of a program (thousands of mentors per left-out mentee), so neither details nor
 * a sentence are made.
 */
export function firstBrokenRule(mentee: Candidate, mentor: Candidate, ctx: MatchingContext): RuleId | null {
  let first: RuleId | null = null;
  scanRules(mentee, mentor, ctx, 0, (rule) => {
    first = rule;
    return true;
  });
  return first;
}

/** Called per broken rule with a way to make its details; returns whether to stop there. */
type Found = <R extends RuleId>(rule: R, details: () => RuleDetails[R]) => boolean;

function scanRules(mentee: Candidate, mentor: Candidate, ctx: MatchingContext, placesTaken: number, found: Found): void {
  const { rules } = ctx;
  const pair = () => ({ mentee: mentee.name, mentor: mentor.name });

  if (mentee.personId === mentor.personId && found('same-person', () => ({ person: mentee.name }))) return;
  if (mentee.role !== 'mentee' || mentor.role !== 'mentor') {
    const stop =
      (mentee.role !== 'mentee' && found('role', () => ({ person: mentee.name, role: 'mentee' as const }))) ||
      (mentor.role !== 'mentor' && found('role', () => ({ person: mentor.name, role: 'mentor' as const })));
    if (stop) return;
  }
  const gap = mentee.level - mentor.level;
  if ((gap < rules.minLevelGap || gap > rules.maxLevelGap) && found('level-gap', () => ({ ...pair(), gap, min: rules.minLevelGap, max: rules.maxLevelGap }))) return;
  const rel = ctx.chains.relation(mentor.personId, mentee.personId);
  if (rel) {
    const [above, below] = rel === 'a-above-b' ? [mentor, mentee] : [mentee, mentor];
    if (found('reporting-chain', () => ({ above: above.name, below: below.name, distance: ctx.chains.distance(above.personId, below.personId) }))) return;
  }
  const key = ctx.previous.size || ctx.excluded.size ? pairKey(mentee.personId, mentor.personId) : '';
  if (ctx.previous.size && ctx.previous.has(key) && found('previous-pair', pair)) return;
  if (ctx.excluded.size && ctx.excluded.has(key) && found('excluded', pair)) return;
  if (rules.requiredSharedLanguage) {
    const a = ctx.view(mentee).languages;
    const b = ctx.view(mentor).languages;
    let shared = false;
    for (const k of a.keys()) if (b.has(k)) { shared = true; break; }
    if (!shared && found('shared-language', () => ({ ...pair(), menteeLanguages: [...mentee.languages], mentorLanguages: [...mentor.languages] }))) return;
  }
  if (rules.crossDepartment === 'required' && sameDepartment(mentee, mentor) && found('cross-department', () => ({ ...pair(), department: mentee.department }))) return;
  const cap = mentor.capacity ?? 1;
  if (cap - placesTaken <= 0) found('capacity-full', () => ({ mentor: mentor.name, capacity: cap }));
}

export function sameDepartment(a: Candidate, b: Candidate): boolean {
  return a.department.trim().toLowerCase() === b.department.trim().toLowerCase();
}
