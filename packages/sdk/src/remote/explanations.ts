/**
 * The matching engine's explanations on the wire (a score's reasons, a broken rule, why a mentee
 * was left out) and the field issue that can carry a broken rule. Each carries its details as data
 * next to the English sentence, so a client in another language can say it in its own words; the
 * drift checks in outputs.ts keep these schemas equal to the engine's types.
 */
import * as z from 'zod/mini';
import { Role } from '../domain/index.ts';
import { fieldIssueCodes, type FieldIssue } from '../errors.ts';

const name = z.string();
const names = z.array(z.string());
const count = z.int().check(z.gte(0));

const reason = <F extends string, D extends z.core.$ZodShape>(factor: F, details: D) =>
  z.object({ factor: z.literal(factor), points: z.number(), max: z.number(), text: z.string(), details: z.object(details) });

export const Reason = z.discriminatedUnion('factor', [
  reason('skills', { mentee: name, sought: count, taught: names }),
  reason('topics', { mentee: name, goals: count, shared: names }),
  reason('availability', { minutes: z.number() }),
  reason('timeZone', { hours: z.number(), zones: names }),
  reason('language', { shared: names }),
  reason('crossDepartment', { mode: z.enum(['required', 'preferred', 'ignore']), same: z.boolean(), departments: z.tuple([name, name]) }),
  reason('levelGap', { mentee: name, mentor: name, gap: z.int(), min: z.int(), max: z.int() }),
  reason('preference', { rankings: z.array(z.object({ by: name, of: name, rank: z.int(), listed: z.int() })) }),
]);

const pair = { mentee: name, mentor: name };
const ruleDetails = {
  'same-person': z.object({ person: name }),
  role: z.object({ person: name, role: Role }),
  'level-limit': z.object({ person: name, role: Role, level: z.int(), limit: z.int() }),
  'level-gap': z.object({ ...pair, gap: z.int(), min: z.int(), max: z.int() }),
  'reporting-chain': z.object({ above: name, below: name, distance: z.int() }),
  'previous-pair': z.object(pair),
  excluded: z.object(pair),
  'shared-language': z.object({ ...pair, menteeLanguages: names, mentorLanguages: names }),
  'cross-department': z.object({ ...pair, department: name }),
  'capacity-full': z.object({ mentor: name, capacity: z.int() }),
};
const RuleId = z.enum(Object.keys(ruleDetails) as [keyof typeof ruleDetails, ...(keyof typeof ruleDetails)[]]);

/** Every rule with its details, plus `extra` fields on each. */
const ruleUnion = <E extends z.core.$ZodLooseShape>(extra: E) => {
  const rule = <R extends keyof typeof ruleDetails>(id: R) => z.object({ rule: z.literal(id), details: ruleDetails[id], ...extra });
  return z.discriminatedUnion('rule', [
    rule('same-person'),
    rule('role'),
    rule('level-limit'),
    rule('level-gap'),
    rule('reporting-chain'),
    rule('previous-pair'),
    rule('excluded'),
    rule('shared-language'),
    rule('cross-department'),
    rule('capacity-full'),
  ]);
};

export const BrokenRule = ruleUnion({});
export const RuleViolation = ruleUnion({ message: z.string() });

/** Why a mentee was left out, plus `extra` fields (the proposal adds `menteeId`). */
export const unmatchedUnion = <E extends z.core.$ZodLooseShape>(extra: E) =>
  z.discriminatedUnion('why', [
    z.object({
      why: z.literal('no-allowed-mentor'),
      message: z.string(),
      details: z.object({ mentee: name, mentors: count, blockedBy: z.partialRecord(RuleId, count) }),
      ...extra,
    }),
    z.object({
      why: z.literal('capacity-taken'),
      message: z.string(),
      details: z.object({ mentee: name, allowed: count, decidedBy: z.enum(['maxweight', 'maxcard', 'rankings']) }),
      ...extra,
    }),
  ]);

/**
 * A FieldIssue on the wire, read leniently so a client keeps working with a newer server: a code
 * it does not know is `custom` (the message says it), an unknown origin or rule is dropped.
 */
export const WireFieldIssue = z.object({
  path: z.string(),
  message: z.string(),
  code: z.optional(z.catch(z.enum(fieldIssueCodes), 'custom')),
  origin: z.catch(z.optional(z.enum(['string', 'array', 'number', 'date'])), undefined),
  minimum: z.optional(z.number()),
  maximum: z.optional(z.number()),
  inclusive: z.optional(z.boolean()),
  format: z.optional(z.string()),
  expected: z.optional(z.string()),
  violation: z.catch(z.optional(BrokenRule), undefined),
});

/**
 * A wire issue as the SDK's FieldIssue: what the lenient reading dropped leaves no key behind, and
 * a broken rule this client cannot read becomes `custom`, so an interface says its message.
 */
export function fieldIssueFromWire(wire: z.output<typeof WireFieldIssue>): FieldIssue {
  const issue = Object.fromEntries(Object.entries(wire).filter(([, value]) => value !== undefined)) as unknown as FieldIssue;
  if (issue.code === 'broken_rule' && !issue.violation) issue.code = 'custom';
  return issue;
}
