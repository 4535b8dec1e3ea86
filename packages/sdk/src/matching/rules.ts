// Hard rules: a pair that breaks any of them is never proposed. Each check says which rule and why,
// in words an admin can read ("why not Sam?").
import type { MatchingContext } from './context.ts';
import { pairKey } from './context.ts';
import { violationOf } from './wording.ts';
import type { Candidate, RuleDetails, RuleId, RuleViolation } from './types.ts';

export interface RuleCheckOptions {
  /** Mentor places already taken (e.g. by locks or an existing assignment). */
  placesTaken?: number;
  /** Stop at the first violation (faster when only "allowed or not" matters). */
  firstOnly?: boolean;
}

export function checkHardRules(mentee: Candidate, mentor: Candidate, ctx: MatchingContext, opts: RuleCheckOptions = {}): RuleViolation[] {
  const out: RuleViolation[] = [];
  const broken = <R extends RuleId>(rule: R, details: RuleDetails[R]) => out.push(violationOf(rule, details));
  const { rules } = ctx;
  const firstOnly = opts.firstOnly === true;

  if (mentee.personId === mentor.personId) {
    broken('same-person', { person: mentee.name });
    if (firstOnly) return out;
  }
  if (mentee.role !== 'mentee' || mentor.role !== 'mentor') {
    if (mentee.role !== 'mentee') broken('role', { person: mentee.name, role: 'mentee' });
    if (mentor.role !== 'mentor') broken('role', { person: mentor.name, role: 'mentor' });
    if (firstOnly) return out;
  }
  const gap = mentee.level - mentor.level;
  if (gap < rules.minLevelGap || gap > rules.maxLevelGap) {
    broken('level-gap', { mentee: mentee.name, mentor: mentor.name, gap, min: rules.minLevelGap, max: rules.maxLevelGap });
    if (firstOnly) return out;
  }
  const rel = ctx.chains.relation(mentor.personId, mentee.personId);
  if (rel) {
    const [above, below] = rel === 'a-above-b' ? [mentor, mentee] : [mentee, mentor];
    broken('reporting-chain', { above: above.name, below: below.name, distance: ctx.chains.distance(above.personId, below.personId) });
    if (firstOnly) return out;
  }
  const key = ctx.previous.size || ctx.excluded.size ? pairKey(mentee.personId, mentor.personId) : '';
  if (ctx.previous.size && ctx.previous.has(key)) {
    broken('previous-pair', { mentee: mentee.name, mentor: mentor.name });
    if (firstOnly) return out;
  }
  if (ctx.excluded.size && ctx.excluded.has(key)) {
    broken('excluded', { mentee: mentee.name, mentor: mentor.name });
    if (firstOnly) return out;
  }
  if (rules.requiredSharedLanguage) {
    const a = ctx.view(mentee).languages;
    const b = ctx.view(mentor).languages;
    let shared = false;
    for (const k of a.keys()) if (b.has(k)) { shared = true; break; }
    if (!shared) {
      broken('shared-language', { mentee: mentee.name, mentor: mentor.name, menteeLanguages: [...mentee.languages], mentorLanguages: [...mentor.languages] });
      if (firstOnly) return out;
    }
  }
  if (rules.crossDepartment === 'required' && sameDepartment(mentee, mentor)) {
    broken('cross-department', { mentee: mentee.name, mentor: mentor.name, department: mentee.department });
    if (firstOnly) return out;
  }
  const cap = mentor.capacity ?? 1;
  if (cap - (opts.placesTaken ?? 0) <= 0) {
    broken('capacity-full', { mentor: mentor.name, capacity: cap });
  }
  return out;
}

export function sameDepartment(a: Candidate, b: Candidate): boolean {
  return a.department.trim().toLowerCase() === b.department.trim().toLowerCase();
}
