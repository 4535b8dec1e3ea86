/**
 * The checks every new match must pass, whoever makes it (admin, engine, a mentee's request):
 * approved enrolments in the right roles, the program's hard pairing rules, and free places.
 * All reads happen inside the command's transaction, so two requests can't both take the last place.
 */
import { ConflictError, ValidationError, type FieldIssue } from '../errors.ts';
import { OPEN_MATCH_STATUSES, type Enrolment, type Match, type Person, type Program } from '../domain/index.ts';
import { createContext } from '../matching/context.ts';
import { checkHardRules } from '../matching/rules.ts';
import { candidateOf, rulesOf } from './matching-candidates.ts';
import type { Repository } from './repository.ts';

export interface Party {
  person: Person;
  enrolment: Enrolment;
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
    mentors.flatMap((mentor) =>
      checkHardRules(byId.get(mentee.person.id)!, byId.get(mentor.person.id)!, context).map((v) => ({ path: `menteeIds.${j}`, message: v.message })),
    ),
  );
}

/** Loads each person with their approved enrolment in `role`, or reports the field that fails. */
export async function loadParties(
  repo: Repository,
  program: Program,
  ids: readonly string[],
  role: 'mentor' | 'mentee',
  path: string,
): Promise<{ parties: Party[]; issues: FieldIssue[] }> {
  const parties: Party[] = [];
  const issues: FieldIssue[] = [];
  for (const [i, id] of ids.entries()) {
    const person = await repo.find('people', id);
    const [enrolment] = await repo.query('enrolments', 'programPerson', [program.id, id]);
    if (!person) issues.push({ path: `${path}.${i}`, message: `no person with id "${id}"` });
    else if (!enrolment || enrolment.status !== 'approved' || enrolment.role !== role)
      issues.push({ path: `${path}.${i}`, message: `${person.name} is not an approved ${role} of this program` });
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
  pathPrefix = '',
): Promise<{ mentors: Party[]; mentees: Party[] }> {
  if (program.phase !== 'matching' && program.phase !== 'running') {
    throw new ConflictError('program', program.id, `"${program.name}" is not matching people (it is ${program.phase}).`);
  }
  const issues: FieldIssue[] = [];
  const format = program.format;
  const maxMentors = format.kind === 'group' ? format.mentorsPerGroup : 1;
  const maxMentees = format.kind === 'group' ? format.menteesPerGroup : 1;
  if (mentorIds.length > maxMentors) issues.push({ path: `${pathPrefix}mentorIds`, message: `this program allows at most ${maxMentors} mentor(s) per match` });
  if (menteeIds.length > maxMentees) issues.push({ path: `${pathPrefix}menteeIds`, message: `this program allows at most ${maxMentees} mentee(s) per match` });
  const all = [...mentorIds, ...menteeIds];
  if (new Set(all).size !== all.length) issues.push({ path: `${pathPrefix}menteeIds`, message: 'a person can appear only once in a match' });
  const mentors = await loadParties(repo, program, mentorIds, 'mentor', `${pathPrefix}mentorIds`);
  const mentees = await loadParties(repo, program, menteeIds, 'mentee', `${pathPrefix}menteeIds`);
  issues.push(...mentors.issues, ...mentees.issues);
  if (issues.length) throw new ValidationError(issues, 'match');

  for (const issue of await ruleViolations(repo, program, mentors.parties, mentees.parties, at)) {
    issues.push({ path: `${pathPrefix}${issue.path}`, message: issue.message });
  }
  if (issues.length) throw new ValidationError(issues, 'match');

  for (const party of [...mentors.parties, ...mentees.parties]) await assertFreePlace(repo, program, party);
  return { mentors: mentors.parties, mentees: mentees.parties };
}

export async function openMatchesOf(repo: Repository, programId: string, personId: string): Promise<Match[]> {
  const matches = await repo.query('matches', 'memberIds', personId);
  return matches.filter((m) => m.programId === programId && OPEN_MATCH_STATUSES.includes(m.status));
}

/** A mentee holds one open match; a mentor up to their capacity of pairs, or one group. */
async function assertFreePlace(repo: Repository, program: Program, { person, enrolment }: Party): Promise<void> {
  const open = await openMatchesOf(repo, program.id, person.id);
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
