/**
 * The checks every new match must pass, whoever makes it (admin, engine, a mentee's request):
 * approved enrolments in the right roles, the program's eligibility and hard pairing rules, and
 * free places. All reads happen inside the command's transaction, so two requests can't both take
 * the last place.
 */
import { ConflictError, ValidationError, type FieldIssue } from '../errors.ts';
import type { RuleViolation } from '../matching/types.ts';
import { plural } from '../matching/text.ts';
import { violationOf } from '../matching/wording.ts';
import { OPEN_MATCH_STATUSES, hasLapsed, type Enrolment, type Match, type Person, type Program, type Role } from '../domain/index.ts';
import { createContext } from '../matching/context.ts';
import { checkHardRules } from '../matching/rules.ts';
import { candidateOf, rulesOf } from './matching-candidates.ts';
import type { Repository } from './repository.ts';

export interface Party {
  person: Person;
  enrolment: Enrolment;
}

/**
 * Where each issue points: the caller's own field, whatever shape their input has (a proposal's
 * `mentorIds`/`menteeIds`, a published `pairs[]`, a request's `mentorId`).
 */
export interface MatchPaths {
  /** The field naming the match's i-th mentor (or mentee). */
  member(role: Role, i: number): string;
  /** The field for the match's mentors (or mentees) as a whole: too many, or someone twice. */
  members(role: Role): string;
  /** A hard rule broken between the match's i-th mentee and j-th mentor. */
  pair(mentee: number, mentor: number): string;
}

/** Paths into a proposal (`{ mentorIds, menteeIds }`), under `prefix` (`proposals.3.`) if it is one of many. */
export function proposalPaths(prefix = ''): MatchPaths {
  return {
    member: (role, i) => `${prefix}${role}Ids.${i}`,
    members: (role) => `${prefix}${role}Ids`,
    pair: (mentee) => `${prefix}menteeIds.${mentee}`,
  };
}

/**
 * The program's level limits for a role. Enrolment checks them when someone joins; they are
 * checked again whenever a match is made, because people are promoted (or re-graded) after they
 * enrolled (enrolment states the same problem as a field error).
 */
export function eligibilityProblem(program: Program, person: Person, role: Role): RuleViolation | null {
  const limit = role === 'mentor' ? program.rules.mentorMaxLevel : program.rules.menteeMinLevel;
  if (limit === undefined || (role === 'mentor' ? person.level <= limit : person.level >= limit)) return null;
  return violationOf('level-limit', { person: person.name, role, level: person.level, limit });
}

/**
 * A broken pairing rule as the issue of the field that names the person (or pair): the English
 * sentence (as a field message, without its full stop) and the rule itself, for other languages.
 */
export function ruleIssue(path: string, { message, ...violation }: RuleViolation): FieldIssue {
  return { path, message: message.replace(/\.$/, ''), code: 'broken_rule', violation };
}

/** The manager chain above each person, as a map the engine's reporting-chain rule reads. */
async function managersAbove(repo: Repository, people: readonly Person[]): Promise<Map<string, string | null>> {
  const managers = new Map<string, string | null>();
  for (const person of people) {
    let current: Person | undefined = person;
    while (current && !managers.has(current.id)) {
      managers.set(current.id, current.managerId);
      current = current.managerId ? await repo.find('people', current.managerId) : undefined;
    }
  }
  return managers;
}

/**
 * The hard rules between the mentors and mentees of one proposed match, each broken rule as a
 * sentence. The engine's own rule check is used, so a match made by hand obeys exactly the rules
 * the solver obeys. Capacity is not checked here: taken places are a conflict, not bad input.
 */
async function ruleViolations(repo: Repository, program: Program, mentors: Party[], mentees: Party[], at: number) {
  const parties = [...mentors, ...mentees];
  const history = (await repo.query('matches', 'programId', program.id)).filter((m) => parties.some((p) => m.memberIds.includes(p.person.id)));
  const rules = rulesOf(program, { matches: history, managers: await managersAbove(repo, parties.map((p) => p.person)), at });
  const candidates = parties.map(({ person, enrolment }) => candidateOf(program, person, enrolment, at, Number.MAX_SAFE_INTEGER));
  const context = createContext(candidates, rules);
  const byId = new Map(candidates.map((c) => [c.personId, c]));
  return mentees.flatMap((mentee, j) =>
    mentors.flatMap((mentor, k) =>
      checkHardRules(byId.get(mentee.person.id)!, byId.get(mentor.person.id)!, context).map((violation) => ({ mentee: j, mentor: k, violation })),
    ),
  );
}

/**
 * Loads each person with their approved enrolment in `role`, still eligible for it, or reports
 * the field that fails.
 */
export async function loadParties(
  repo: Repository,
  program: Program,
  ids: readonly string[],
  role: Role,
  pathOf: (i: number) => string,
): Promise<{ parties: Party[]; issues: FieldIssue[] }> {
  const parties: Party[] = [];
  const issues: FieldIssue[] = [];
  for (const [i, id] of ids.entries()) {
    const person = await repo.find('people', id);
    const [enrolment] = await repo.query('enrolments', 'programPerson', [program.id, id]);
    const ineligible = person && eligibilityProblem(program, person, role);
    if (!person) issues.push({ path: pathOf(i), message: `no person with id "${id}"`, code: 'not_found' });
    else if (!enrolment || enrolment.status !== 'approved' || enrolment.role !== role)
      issues.push(ruleIssue(pathOf(i), violationOf('role', { person: person.name, role })));
    else if (ineligible) issues.push(ruleIssue(pathOf(i), ineligible));
    else parties.push({ person, enrolment });
  }
  return { parties, issues };
}

/** Checks a whole proposed match (format, rules, places) and throws the first kind of failure. */
export async function assertMatchAllowed(
  repo: Repository,
  program: Program,
  mentorIds: readonly string[],
  menteeIds: readonly string[],
  at: number,
  paths: MatchPaths = proposalPaths(),
): Promise<{ mentors: Party[]; mentees: Party[] }> {
  if (program.phase !== 'matching' && program.phase !== 'running') {
    throw new ConflictError('program', program.id, `"${program.name}" is not matching people (it is ${program.phase}).`);
  }
  const issues: FieldIssue[] = [];
  const format = program.format;
  const maxMentors = format.kind === 'group' ? format.mentorsPerGroup : 1;
  const maxMentees = format.kind === 'group' ? format.menteesPerGroup : 1;
  const tooMany = (max: number) => ({ code: 'too_big', origin: 'array', maximum: max, inclusive: true }) as const;
  if (mentorIds.length > maxMentors) issues.push({ path: paths.members('mentor'), message: `this program allows at most ${plural(maxMentors, 'mentor')} per match`, ...tooMany(maxMentors) });
  if (menteeIds.length > maxMentees) issues.push({ path: paths.members('mentee'), message: `this program allows at most ${plural(maxMentees, 'mentee')} per match`, ...tooMany(maxMentees) });
  const all = [...mentorIds, ...menteeIds];
  if (new Set(all).size !== all.length) issues.push({ path: paths.members('mentee'), message: 'a person can appear only once in a match', code: 'duplicate' });
  const mentors = await loadParties(repo, program, mentorIds, 'mentor', (i) => paths.member('mentor', i));
  const mentees = await loadParties(repo, program, menteeIds, 'mentee', (i) => paths.member('mentee', i));
  issues.push(...mentors.issues, ...mentees.issues);
  if (issues.length) throw new ValidationError(issues, 'match');

  for (const issue of await ruleViolations(repo, program, mentors.parties, mentees.parties, at)) {
    issues.push(ruleIssue(paths.pair(issue.mentee, issue.mentor), issue.violation));
  }
  if (issues.length) throw new ValidationError(issues, 'match');

  for (const party of [...mentors.parties, ...mentees.parties]) await assertFreePlace(repo, program, party, at);
  return { mentors: mentors.parties, mentees: mentees.parties };
}

/** A person's matches in the program that are not over yet (lapsed, unswept requests included). */
export async function openMatchesOf(repo: Repository, programId: string, personId: string): Promise<Match[]> {
  const matches = await repo.query('matches', 'memberIds', personId);
  return matches.filter((m) => m.programId === programId && OPEN_MATCH_STATUSES.includes(m.status));
}

/**
 * The open matches that take up a person's places at `at`. A request that has lapsed takes none,
 * even before `matching.expireRequests` ends it: nobody can answer it any more.
 */
export async function placesTakenBy(repo: Repository, programId: string, personId: string, at: number): Promise<Match[]> {
  return (await openMatchesOf(repo, programId, personId)).filter((m) => !hasLapsed(m, at));
}

/** A mentee holds one open match; a mentor up to their capacity of pairs, or one group. */
async function assertFreePlace(repo: Repository, program: Program, { person, enrolment }: Party, at: number): Promise<void> {
  const open = await placesTakenBy(repo, program.id, person.id, at);
  const places = enrolment.role === 'mentor' && program.format.kind === 'one-to-one' ? enrolment.capacity : 1;
  if (open.length >= places) {
    throw new ConflictError(
      'match',
      open[0]!.id,
      places === 1
        ? `${person.name} already has an open match in this program.`
        : `${person.name} already has ${open.length} open matches, their capacity in this program.`,
    );
  }
}
