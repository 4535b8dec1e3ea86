/**
 * Programs: create and edit, and move through draft → enrolling → matching → running → closed.
 * Closing a program settles every open match in the same transaction.
 */
import * as z from 'zod/mini';
import { NotFoundError, ValidationError } from '../errors.ts';
import {
  Id,
  ProgramInput,
  ProgramPhase,
  assertTransition,
  expectedVersion,
  programFields,
  toFieldIssues,
  type Program,
} from '../domain/index.ts';
import { authorize, relationsOf, seesProgram } from './authorization.ts';
import { command, query, type ServiceContext } from './context.ts';
import { assertVersion, type Repository } from './repository.ts';
import { settleMatch } from './match-settling.ts';

// `changes` is checked field by field only after merging with the stored program: parsing it on
// its own would fill the defaults of fields the caller did not send and wipe them.
const editable = Object.keys(programFields) as (keyof typeof programFields)[];
const ProgramChangesSchema = z.looseObject({}).check(
  z.superRefine((changes, ctx) => {
    // A misspelt or non-editable key (the phase moves by its own commands) would otherwise be
    // dropped silently while the update still "succeeds".
    for (const key of Object.keys(changes)) {
      if (changes[key] === undefined || (editable as string[]).includes(key)) continue;
      ctx.addIssue({ code: 'custom', message: 'not a program field you can change', path: [key], input: changes[key], params: { code: 'unrecognized_keys' } });
    }
    for (const key of editable) {
      if (changes[key] === undefined) continue;
      const result = z.safeParse(programFields[key], changes[key]);
      if (result.success) continue;
      for (const issue of toFieldIssues(result.error, changes[key])) {
        // `params` keeps the issue's code, so an element can still say it in the reader's language.
        ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...(issue.path ? issue.path.split('.') : [])], input: changes[key], params: issue });
      }
    }
  }),
);
const ProgramUpdate = z.object({ id: Id, expectedVersion, changes: ProgramChangesSchema });
type ProgramChanges = { [K in keyof typeof programFields]?: z.input<(typeof programFields)[K]> };
const PhaseChange = z.object({ id: Id, expectedVersion });
const ProgramList = z._default(z.object({ phase: z.optional(ProgramPhase) }), {});

/** The input schemas of `ProgramsApi`, by method: the REST contract is generated from them. */
export const programsInputs = {
  create: ProgramInput,
  update: ProgramUpdate,
  get: Id,
  list: ProgramList,
  openEnrolment: PhaseChange,
  startMatching: PhaseChange,
  reopenEnrolment: PhaseChange,
  launch: PhaseChange,
  close: PhaseChange,
} as const;

export interface ProgramsApi {
  create(input: ProgramInput): Promise<Program>;
  update(input: { id: string; expectedVersion?: number; changes: ProgramChanges }): Promise<Program>;
  get(id: string): Promise<Program>;
  list(filter?: z.input<typeof ProgramList>): Promise<Program[]>;
  /** draft → enrolling */
  openEnrolment(input: z.input<typeof PhaseChange>): Promise<Program>;
  /** enrolling → matching */
  startMatching(input: z.input<typeof PhaseChange>): Promise<Program>;
  /** matching → enrolling, when too few people signed up */
  reopenEnrolment(input: z.input<typeof PhaseChange>): Promise<Program>;
  /** matching → running */
  launch(input: z.input<typeof PhaseChange>): Promise<Program>;
  /** any phase → closed; active matches complete, the others end. */
  close(input: z.input<typeof PhaseChange>): Promise<Program>;
}

export async function readableProgram(ctx: ServiceContext, repo: Repository, id: string): Promise<Program> {
  const program = await repo.get('programs', id);
  const relations = relationsOf(ctx.actor, { program });
  authorize('programs.read', relations);
  if (!seesProgram(program, relations)) throw new NotFoundError('program', id);
  return program;
}

export function programsService(ctx: ServiceContext): ProgramsApi {
  const changePhase = (to: Program['phase']) => (input: unknown) =>
    command(ctx, PhaseChange, input, async ({ id, expectedVersion }, repo) => {
      authorize('programs.change-phase', relationsOf(ctx.actor, {}));
      const program = await repo.get('programs', id);
      assertVersion('program', program, expectedVersion);
      assertTransition('program', id, program.phase, to);
      if (to === 'closed') await settleMatches(repo, id);
      return repo.update('programs', program, { phase: to });
    });

  return {
    create: (input) =>
      command(ctx, ProgramInput, input, async (fields, repo) => {
        authorize('programs.create', relationsOf(ctx.actor, {}));
        return repo.insert('programs', { ...fields, id: ctx.ids(), phase: 'draft' });
      }),

    update: (input) =>
      command(ctx, ProgramUpdate, input, async ({ id, expectedVersion, changes }, repo) => {
        authorize('programs.update', relationsOf(ctx.actor, {}));
        const program = await repo.get('programs', id);
        assertVersion('program', program, expectedVersion);
        if (program.phase === 'closed') assertTransition('program', id, 'closed', 'closed');
        const { id: _id, version: _v, createdAt: _c, updatedAt: _u, phase: _p, ...current } = program;
        // Cross-field rules (end after kickoff, …) are checked on the merged program.
        const known = Object.fromEntries(editable.filter((k) => Object.hasOwn(changes, k)).map((k) => [k, changes[k]]));
        const candidate = { ...current, ...known };
        const merged = z.safeParse(ProgramInput, candidate);
        if (!merged.success) {
          const issues = toFieldIssues(merged.error, candidate);
          throw new ValidationError(issues.map((i) => ({ ...i, path: `changes.${i.path}` })));
        }
        return repo.update('programs', program, merged.data);
      }),

    get: (id) => query(ctx, Id, id, (programId, repo) => readableProgram(ctx, repo, programId)),

    list: (filter) =>
      query(ctx, ProgramList, filter ?? {}, async ({ phase }, repo) => {
        const programs = phase ? await repo.query('programs', 'phase', phase) : await repo.query('programs');
        return programs
          .filter((p) => seesProgram(p, relationsOf(ctx.actor, { program: p })))
          .sort((a, b) => a.kickoffDate.localeCompare(b.kickoffDate) || a.name.localeCompare(b.name));
      }),

    openEnrolment: changePhase('enrolling'),
    startMatching: changePhase('matching'),
    reopenEnrolment: changePhase('enrolling'),
    launch: changePhase('running'),
    close: changePhase('closed'),
  };
}

/** On close: running pairs complete, pairs that never got going end. */
async function settleMatches(repo: Repository, programId: string): Promise<void> {
  for (const match of await repo.query('matches', 'programId', programId)) {
    if (match.status === 'active') await settleMatch(repo, match, { status: 'completed' });
    else if (match.status === 'proposed' || match.status === 'accepted' || match.status === 'trial')
      await settleMatch(repo, match, { status: 'ended', endReason: { kind: 'program-closed' } });
  }
}
