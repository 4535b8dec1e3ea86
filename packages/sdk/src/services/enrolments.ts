/**
 * Enrolments: a person joins a program as mentor or mentee (with consent to its terms); an admin
 * approves, waitlists or declines; either side may withdraw. Eligibility is the program's.
 */
import * as z from 'zod/mini';
import { ConflictError, ValidationError, type FieldIssue } from '../errors.ts';
import {
  EnrolInput,
  EnrolmentStatus,
  enrolmentFields,
  Id,
  Role,
  assertTransition,
  expectedVersion,
  text,
  type Enrolment,
  type Match,
  type Person,
  type Program,
} from '../domain/index.ts';
import { authorize, relationsOf } from './authorization.ts';
import { command, query, type ServiceContext } from './context.ts';
import { requestNextChoice } from './new-match.ts';
import { eligibilityProblem, openMatchesOf, ruleIssue } from './pairing-guard.ts';
import { preferenceIssues } from './preferences.ts';
import { assertVersion, type Repository } from './repository.ts';

const Decision = z.object({ id: Id, expectedVersion, note: z._default(text(0, 500), '') });
const { skills, goals, availability, capacity, preferences, motivation } = enrolmentFields;
/** What a participant may change after enrolling: not the program, the person or the role. */
const EnrolmentUpdate = z.object({
  id: Id,
  expectedVersion,
  changes: z.object({
    skills: z.optional(skills),
    goals: z.optional(goals.def.innerType),
    availability: z.optional(availability.def.innerType),
    capacity: z.optional(capacity.def.innerType),
    preferences: z.optional(preferences.def.innerType),
    motivation: z.optional(motivation.def.innerType),
  }),
});
const EnrolmentList = z.object({ programId: Id, status: z.optional(EnrolmentStatus), role: z.optional(Role) });

/** The input schemas of `EnrolmentsApi`, by method (`mine` takes none): the REST contract is generated from them. */
export const enrolmentsInputs = {
  enrol: EnrolInput,
  update: EnrolmentUpdate,
  approve: Decision,
  waitlist: Decision,
  decline: Decision,
  withdraw: Decision,
  get: Id,
  list: EnrolmentList,
} as const;

export interface EnrolmentsApi {
  enrol(input: EnrolInput): Promise<Enrolment>;
  /** The participant (or an admin) edits skills, goals, availability, capacity or ranking. */
  update(input: z.input<typeof EnrolmentUpdate>): Promise<Enrolment>;
  approve(input: z.input<typeof Decision>): Promise<Enrolment>;
  waitlist(input: z.input<typeof Decision>): Promise<Enrolment>;
  decline(input: z.input<typeof Decision>): Promise<Enrolment>;
  withdraw(input: z.input<typeof Decision>): Promise<Enrolment>;
  get(id: string): Promise<Enrolment>;
  /** Admins and champions see a program's enrolments; anyone else only their own. */
  list(filter: z.input<typeof EnrolmentList>): Promise<Enrolment[]>;
  /** The acting person's enrolments in every program. */
  mine(): Promise<Enrolment[]>;
}

const ENROLLABLE_PHASES: readonly Program['phase'][] = ['enrolling', 'matching', 'running'];

/** The program's eligibility rules for this person in this role, as field errors. */
function eligibilityIssues(program: Program, person: Person, input: { role: Role }): FieldIssue[] {
  const problem = eligibilityProblem(program, person, input.role);
  return problem ? [ruleIssue('role', problem)] : [];
}

/**
 * Someone who withdraws leaves the program's pairing with them. A match that has not started is
 * declined on their behalf (the others learn it did not go ahead); one under way (accepted, in
 * its trial, active) is a relationship with a partner, so it is never ended as a side effect:
 * the withdrawal is refused until it is ended, with its reason, through `matches.end`.
 */
async function assertNothingUnderWay(repo: Repository, enrolment: Enrolment, open: readonly Match[]): Promise<void> {
  const underWay = open.find((m) => m.status !== 'proposed');
  if (!underWay) return;
  const nameOf = async (id: string) => (await repo.find('people', id))?.name ?? id;
  const person = await nameOf(enrolment.personId);
  const partners = await Promise.all(underWay.memberIds.filter((id) => id !== enrolment.personId).map(nameOf));
  throw new ConflictError(
    'match',
    underWay.id,
    `${person} has a match with ${partners.join(' and ')} under way (${underWay.status}); end that match first, with its reason, then withdraw.`,
  );
}

export function enrolmentsService(ctx: ServiceContext): EnrolmentsApi {
  /** A decision on an enrolment; `consequences` runs in the same transaction once it is written. */
  const decide =
    (to: Enrolment['status'], permission: 'enrolments.decide' | 'enrolments.withdraw', consequences?: (enrolment: Enrolment, repo: Repository, now: string) => Promise<void>) =>
    (input: unknown) =>
      command(ctx, Decision, input, async ({ id, expectedVersion, note }, repo, now) => {
        const enrolment = await repo.get('enrolments', id);
        authorize(permission, relationsOf(ctx.actor, { ownerId: enrolment.personId }));
        assertVersion('enrolment', enrolment, expectedVersion);
        assertTransition('enrolment', id, enrolment.status, to);
        const decided = await repo.update('enrolments', enrolment, { status: to, decisionNote: note });
        await consequences?.(enrolment, repo, now);
        return decided;
      });

  /** A withdrawal takes the leaver's matches that have not started with it (see assertNothingUnderWay). */
  const leaveMatches = async (enrolment: Enrolment, repo: Repository, now: string): Promise<void> => {
    const open = await openMatchesOf(repo, enrolment.programId, enrolment.personId);
    await assertNothingUnderWay(repo, enrolment, open);
    const program = await repo.get('programs', enrolment.programId);
    const passOn: string[] = [];
    for (const match of open) {
      assertTransition('match', match.id, match.status, 'ended');
      const members = match.members.map((m) => (m.personId === enrolment.personId ? { ...m, response: 'declined' as const } : m));
      await repo.update('matches', match, { members, status: 'ended', endReason: { kind: 'declined' } });
      // As when a mentor says no: a mentee whose request the leaver held moves on to their next choice.
      const mentee = match.members.find((m) => m.role === 'mentee');
      if (match.origin === 'requested' && mentee && mentee.personId !== enrolment.personId) passOn.push(mentee.personId);
    }
    // Only once every match of the leaver has ended (and their enrolment with it), so no next
    // choice can fall on them again.
    for (const menteeId of passOn) await requestNextChoice(ctx, repo, program, menteeId, now);
  };

  return {
    enrol: (input) =>
      command(ctx, EnrolInput, input, async ({ consent: _consent, ...fields }, repo, now) => {
        authorize('enrolments.enrol', relationsOf(ctx.actor, { ownerId: fields.personId }));
        const program = await repo.get('programs', fields.programId);
        if (!ENROLLABLE_PHASES.includes(program.phase)) {
          throw new ConflictError('program', program.id, `"${program.name}" is not taking enrolments (it is ${program.phase}).`);
        }
        const person = await repo.get('people', fields.personId);
        const issues = [...eligibilityIssues(program, person, fields), ...(await preferenceIssues(repo, fields.personId, fields.preferences, 'preferences'))];
        if (issues.length) throw new ValidationError(issues, 'enrolment');

        const [existing] = await repo.query('enrolments', 'programPerson', [fields.programId, fields.personId]);
        if (existing) {
          if (existing.status !== 'withdrawn') {
            throw new ConflictError('enrolment', existing.id, `${person.name} is already enrolled in "${program.name}" (${existing.status}).`);
          }
          assertTransition('enrolment', existing.id, existing.status, 'applied');
          return repo.update('enrolments', existing, { ...fields, status: 'applied', consentedAt: now, decisionNote: '' });
        }
        return repo.insert('enrolments', { ...fields, id: ctx.ids(), status: 'applied', consentedAt: now, decisionNote: '' });
      }),

    update: (input) =>
      command(ctx, EnrolmentUpdate, input, async ({ id, expectedVersion, changes }, repo) => {
        const enrolment = await repo.get('enrolments', id);
        authorize('enrolments.enrol', relationsOf(ctx.actor, { ownerId: enrolment.personId }));
        assertVersion('enrolment', enrolment, expectedVersion);
        if (enrolment.status === 'declined' || enrolment.status === 'withdrawn') {
          throw new ConflictError('enrolment', id, `This enrolment is ${enrolment.status}; enrol again to take part.`);
        }
        const edits = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        const issues = await preferenceIssues(repo, enrolment.personId, changes.preferences ?? [], 'changes.preferences');
        if (issues.length) throw new ValidationError(issues, 'enrolment');
        return repo.update('enrolments', enrolment, edits);
      }),

    approve: decide('approved', 'enrolments.decide'),
    waitlist: decide('waitlisted', 'enrolments.decide'),
    decline: decide('declined', 'enrolments.decide'),
    withdraw: decide('withdrawn', 'enrolments.withdraw', leaveMatches),

    get: (id) =>
      query(ctx, Id, id, async (enrolmentId, repo) => {
        const enrolment = await repo.get('enrolments', enrolmentId);
        const program = await repo.get('programs', enrolment.programId);
        authorize('enrolments.read', relationsOf(ctx.actor, { program, ownerId: enrolment.personId }));
        return enrolment;
      }),

    list: (filter) =>
      query(ctx, EnrolmentList, filter, async ({ programId, status, role }, repo) => {
        const program = await repo.get('programs', programId);
        const relations = relationsOf(ctx.actor, { program });
        const seesAll = relations.has('admin') || relations.has('champion');
        const rows = seesAll
          ? await repo.query('enrolments', 'programId', programId)
          : await repo.query('enrolments', 'programPerson', [programId, ctx.actor.personId]);
        return rows.filter((e) => (!status || e.status === status) && (!role || e.role === role));
      }),

    mine: () => query(ctx, z.undefined(), undefined, (_, repo) => repo.query('enrolments', 'personId', ctx.actor.personId)),
  };
}
