/**
 * The checks every new match must pass, whoever makes it (admin, engine, a mentee's request):
 * approved enrolments in the right roles, the program's hard pairing rules, and free places.
 * All reads happen inside the command's transaction, so two requests can't both take the last place.
 */
import { ConflictError, ValidationError, type FieldIssue } from '../errors.ts';
import { OPEN_MATCH_STATUSES, type Enrolment, type Match, type Person, type Program } from '../domain/index.ts';
import type { Repository } from './repository.ts';

export interface Party {
  person: Person;
  enrolment: Enrolment;
}

async function ancestorsOf(repo: Repository, person: Person): Promise<Set<string>> {
  const ancestors = new Set<string>();
  for (let id = person.managerId; id && !ancestors.has(id); ) {
    ancestors.add(id);
    id = (await repo.find('people', id))?.managerId ?? null;
  }
  return ancestors;
}

/** The hard rules between one mentor and one mentee, each broken rule as a sentence. */
export async function pairRuleViolations(repo: Repository, program: Program, mentor: Person, mentee: Person): Promise<string[]> {
  const rules = program.rules;
  const broken: string[] = [];
  const gap = mentee.level - mentor.level;
  if (gap < rules.minLevelGap || gap > rules.maxLevelGap) {
    broken.push(
      `${mentor.name} (level ${mentor.level}) and ${mentee.name} (level ${mentee.level}) are ${gap} levels apart; ` +
        `this program pairs mentors ${rules.minLevelGap}–${rules.maxLevelGap} levels junior to their mentee`,
    );
  }
  if (rules.forbidSameReportingLine) {
    const [mentorUp, menteeUp] = await Promise.all([ancestorsOf(repo, mentor), ancestorsOf(repo, mentee)]);
    if (mentorUp.has(mentee.id) || menteeUp.has(mentor.id)) {
      broken.push(`${mentor.name} and ${mentee.name} are in the same reporting line`);
    }
  }
  if (rules.crossDepartment === 'required' && mentor.department === mentee.department) {
    broken.push(`${mentor.name} and ${mentee.name} are both in ${mentor.department}; this program pairs across departments`);
  }
  if (rules.requireSharedLanguage && !mentor.languages.some((l) => mentee.languages.includes(l))) {
    broken.push(`${mentor.name} and ${mentee.name} share no language`);
  }
  const history = await repo.query('matches', 'memberIds', mentee.id);
  const before = history.find((m) => m.programId === program.id && m.memberIds.includes(mentor.id));
  if (before) broken.push(`${mentor.name} and ${mentee.name} were already matched in this program`);
  return broken;
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

  for (const [j, mentee] of mentees.parties.entries()) {
    for (const mentor of mentors.parties) {
      for (const message of await pairRuleViolations(repo, program, mentor.person, mentee.person)) {
        issues.push({ path: `${pathPrefix}menteeIds.${j}`, message });
      }
    }
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
