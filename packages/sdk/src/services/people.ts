/**
 * People: the directory Upward pairs from. Admins keep it in sync with the HR system, one person
 * at a time or by importing an HRIS export (CSV or JSON) where good rows land together and each
 * bad row is reported with its line and field.
 */
import * as z from 'zod/mini';
import { ConflictError, ValidationError, type FieldIssue } from '../errors.ts';
import { Id, PersonUpsert, type Person } from '../domain/index.ts';
import { once } from '../internal/lazy.ts';
import { authorize, relationsOf } from './authorization.ts';
import { command, query, type ServiceContext } from './context.ts';
import { assertVersion, type Repository } from './repository.ts';

const loadImport = once(() => import('./people-import.ts'));

const PeopleList = z._default(z.object({ department: z.optional(z.string()), managerId: z.optional(Id) }), {});
const ImportInput = z.discriminatedUnion('format', [
  z.object({ format: z.literal('csv'), data: z.string().check(z.maxLength(20_000_000)) }),
  z.object({ format: z.literal('json'), data: z.array(z.unknown()).check(z.maxLength(100_000)) }),
]);

/** The input schemas of `PeopleApi`, by method (`me` takes none): the REST contract is generated from them. */
export const peopleInputs = { upsert: PersonUpsert, get: Id, list: PeopleList, import: ImportInput } as const;

export interface ImportRowError {
  /** CSV: the line in the file; JSON: the array index + 1. */
  row: number;
  issues: FieldIssue[];
}

export interface ImportReport {
  created: number;
  updated: number;
  errors: ImportRowError[];
  /** Columns that were present but not stored (age and birth date are never stored). */
  ignoredColumns: string[];
}

export interface PeopleApi {
  upsert(input: z.input<typeof PersonUpsert>): Promise<Person>;
  get(id: string): Promise<Person>;
  list(filter?: z.input<typeof PeopleList>): Promise<Person[]>;
  /** The acting person's own profile. */
  me(): Promise<Person>;
  import(input: z.input<typeof ImportInput>): Promise<ImportReport>;
}

/**
 * Emails compare case-insensitively, as the import compares them: `Anna@Example.com` is the same
 * mailbox as `anna@example.com`. The store's email index is exact, so the directory is scanned.
 */
async function assertEmailFree(repo: Repository, email: string, id: string | undefined): Promise<void> {
  const wanted = email.toLowerCase();
  const other = (await repo.query('people')).find((p) => p.id !== id && p.email.toLowerCase() === wanted);
  if (other) throw new ConflictError('person', other.id, `The email ${email} already belongs to ${other.name}.`);
}

export function peopleService(ctx: ServiceContext): PeopleApi {
  return {
    upsert: (input) =>
      command(ctx, PersonUpsert, input, async ({ expectedVersion, ...fields }, repo) => {
        authorize('people.write', relationsOf(ctx.actor, {}));
        await assertEmailFree(repo, fields.email, fields.id);
        if (fields.managerId && fields.id && (await managerChainReaches(repo, fields.managerId, fields.id))) {
          throw new ValidationError([{ path: 'managerId', message: 'would make a reporting loop', code: 'cycle' }]);
        }
        const { id = ctx.ids(), ...rest } = fields;
        const existing = await repo.find('people', id);
        if (!existing) return repo.insert('people', { ...rest, id });
        assertVersion('person', existing, expectedVersion);
        return repo.update('people', existing, rest);
      }),

    get: (id) =>
      query(ctx, Id, id, async (personId, repo) => {
        authorize('people.read', relationsOf(ctx.actor, {}));
        return repo.get('people', personId);
      }),

    me: () => query(ctx, z.undefined(), undefined, (_, repo) => repo.get('people', ctx.actor.personId)),

    list: (filter) =>
      query(ctx, PeopleList, filter ?? {}, async ({ department, managerId }, repo) => {
        const programs = await repo.query('programs');
        const isChampion = programs.some((p) => p.championIds.includes(ctx.actor.personId));
        authorize('people.list', new Set([...relationsOf(ctx.actor, {}), ...(isChampion ? (['champion'] as const) : [])]));
        const people = managerId ? await repo.query('people', 'managerId', managerId) : await repo.query('people');
        return people.filter((p) => !department || p.department === department).sort((a, b) => a.name.localeCompare(b.name));
      }),

    // The import code (CSV parsing, row checks) loads on first use, before the transaction opens:
    // an IndexedDB transaction must never wait for a network fetch.
    import: async (input) => {
      const { importPeople } = await loadImport();
      return command(ctx, ImportInput, input, async (source, repo) => {
        authorize('people.write', relationsOf(ctx.actor, {}));
        return importPeople(ctx, repo, source);
      });
    },
  };
}

/** Walks up from `fromId`; true if the chain reaches `targetId` (or loops). */
async function managerChainReaches(repo: Repository, fromId: string, targetId: string): Promise<boolean> {
  const seen = new Set<string>();
  for (let current: string | null = fromId; current; current = (await repo.find('people', current))?.managerId ?? null) {
    if (current === targetId || seen.has(current)) return true;
    seen.add(current);
  }
  return false;
}
