// Hard rules: a pair that breaks any of them is never proposed. Each check says which rule and why,
// in words an admin can read ("why not Sam?").
import type { MatchingContext } from './context.ts';
import { pairKey } from './context.ts';
import { listText } from './text.ts';
import type { Candidate, RuleViolation } from './types.ts';

export interface RuleCheckOptions {
  /** Mentor places already taken (e.g. by locks or an existing assignment). */
  placesTaken?: number;
  /** Stop at the first violation (faster when only "allowed or not" matters). */
  firstOnly?: boolean;
}

export function checkHardRules(mentee: Candidate, mentor: Candidate, ctx: MatchingContext, opts: RuleCheckOptions = {}): RuleViolation[] {
  const out: RuleViolation[] = [];
  const { rules } = ctx;
  const firstOnly = opts.firstOnly === true;

  if (mentee.personId === mentor.personId) {
    out.push({ rule: 'same-person', message: `${mentee.name} cannot mentor themselves.` });
    if (firstOnly) return out;
  }
  if (mentee.role !== 'mentee' || mentor.role !== 'mentor') {
    out.push({ rule: 'role', message: `${mentor.name} is not a mentor or ${mentee.name} is not a mentee in this program.` });
    if (firstOnly) return out;
  }
  const gap = mentee.level - mentor.level;
  if (gap < rules.minLevelGap || gap > rules.maxLevelGap) {
    const band = rules.minLevelGap === rules.maxLevelGap ? `exactly ${rules.minLevelGap}` : `${rules.minLevelGap} to ${rules.maxLevelGap}`;
    const actual = gap >= 0 ? `${gap} level${gap === 1 ? '' : 's'} below` : `${-gap} level${gap === -1 ? '' : 's'} above`;
    out.push({ rule: 'level-gap', message: `${mentor.name} is ${actual} ${mentee.name}; the mentor must be ${band} levels junior.` });
    if (firstOnly) return out;
  }
  const rel = ctx.chains.relation(mentor.personId, mentee.personId);
  if (rel) {
    const [above, below] = rel === 'a-above-b' ? [mentor, mentee] : [mentee, mentor];
    const d = ctx.chains.distance(above.personId, below.personId);
    const how = d === 1 ? 'the direct manager of' : d === 2 ? 'the skip-level manager of' : 'in the management line above';
    out.push({ rule: 'reporting-chain', message: `${above.name} is ${how} ${below.name}; mentors and mentees must not share a reporting chain.` });
    if (firstOnly) return out;
  }
  const key = ctx.previous.size || ctx.excluded.size ? pairKey(mentee.personId, mentor.personId) : '';
  if (ctx.previous.size && ctx.previous.has(key)) {
    out.push({ rule: 'previous-pair', message: `${mentee.name} and ${mentor.name} were already matched in this program.` });
    if (firstOnly) return out;
  }
  if (ctx.excluded.size && ctx.excluded.has(key)) {
    out.push({ rule: 'excluded', message: `An admin excluded the pair ${mentee.name} and ${mentor.name}.` });
    if (firstOnly) return out;
  }
  if (rules.requiredSharedLanguage) {
    const a = ctx.view(mentee).languages;
    const b = ctx.view(mentor).languages;
    let shared = false;
    for (const k of a.keys()) if (b.has(k)) { shared = true; break; }
    if (!shared) {
      out.push({ rule: 'shared-language', message: `${mentee.name} (${listText(mentee.languages) || 'no language given'}) and ${mentor.name} (${listText(mentor.languages) || 'no language given'}) share no language.` });
      if (firstOnly) return out;
    }
  }
  if (rules.crossDepartment === 'required' && sameDepartment(mentee, mentor)) {
    out.push({ rule: 'cross-department', message: `${mentee.name} and ${mentor.name} both work in ${mentee.department}; this program pairs people across departments.` });
    if (firstOnly) return out;
  }
  const cap = mentor.capacity ?? 1;
  if (cap - (opts.placesTaken ?? 0) <= 0) {
    out.push({ rule: 'capacity-full', message: cap <= 0 ? `${mentor.name} has no mentoring places.` : `All ${cap} of ${mentor.name}'s places are taken.` });
  }
  return out;
}

export function sameDepartment(a: Candidate, b: Candidate): boolean {
  return a.department.trim().toLowerCase() === b.department.trim().toLowerCase();
}
