/**
 * People: the directory Upward pairs from. Admins keep it in sync with the HR system, one person
 * at a time or by importing an HRIS export (CSV or JSON) where good rows land together and each
 * bad row is reported with its line and field.
 */
import * as z from 'zod/mini';
import { ConflictError, ValidationError, type FieldIssue } from '../errors.ts';
import { Id, PersonInput, expectedVersion, toFieldIssues, type Person } from '../domain/index.ts';
import { CsvSyntaxError, parseCsv, splitList } from '../people/csv.ts';
import { authorize, relationsOf } from './authorization.ts';
import { command, query, type ServiceContext } from './context.ts';
import { assertVersion, type Repository } from './repository.ts';

const PersonUpsert = z.intersection(PersonInput, z.object({ expectedVersion }));
const PeopleList = z._default(z.object({ department: z.optional(z.string()), managerId: z.optional(Id) }), {});
const ImportInput = z.discriminatedUnion('format', [
  z.object({ format: z.literal('csv'), data: z.string().check(z.maxLength(20_000_000)) }),
  z.object({ format: z.literal('json'), data: z.array(z.unknown()).check(z.maxLength(100_000)) }),
]);

/** The input schemas of `PeopleApi`, by method (`me` takes none): the REST contract is generated from them. */
export const peopleInputs = { upsert: PersonUpsert, get: Id, list: PeopleList, import: ImportInput } as const;

/** Columns an HRIS export may carry that Upward refuses to store, by design. */
const AGE_LIKE = /^(age|dob|birth.?date|date.?of.?birth|birthday|year.?of.?birth|birth.?year)$/i;

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

const knownColumns = new Set(['id', 'name', 'email', 'title', 'department', 'level', 'managerId', 'location', 'timeZone', 'languages', 'skills']);

function csvRowsToObjects(text: string): { rows: { row: number; value: Record<string, unknown> }[]; ignored: string[] } {
  const { header, rows } = parseCsv(text);
  const ignored = header.filter((h) => !knownColumns.has(h));
  return {
    ignored,
    rows: rows.map(({ line, cells }) => {
      const value: Record<string, unknown> = {};
      header.forEach((column, i) => {
        if (!knownColumns.has(column)) return;
        const cell = (cells[i] ?? '').trim();
        if (cell === '') return; // empty cell = not given, so defaults apply
        if (column === 'level') value.level = /^-?\d+$/.test(cell) ? Number(cell) : cell;
        else if (column === 'languages' || column === 'skills') value[column] = splitList(cell);
        else value[column] = cell;
      });
      return { row: line, value };
    }),
  };
}

async function assertEmailFree(repo: Repository, email: string, id: string | undefined): Promise<void> {
  const owners = await repo.query('people', 'email', email);
  const other = owners.find((p) => p.id !== id);
  if (other) throw new ConflictError('person', other.id, `The email ${email} already belongs to ${other.name}.`);
}

export function peopleService(ctx: ServiceContext): PeopleApi {
  return {
    upsert: (input) =>
      command(ctx, PersonUpsert, input, async ({ expectedVersion, ...fields }, repo) => {
        authorize('people.write', relationsOf(ctx.actor, {}));
        await assertEmailFree(repo, fields.email, fields.id);
        if (fields.managerId && fields.id && (await managerChainReaches(repo, fields.managerId, fields.id))) {
          throw new ValidationError([{ path: 'managerId', message: 'would make a reporting loop' }]);
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

    import: (input) =>
      command(ctx, ImportInput, input, async (source, repo) => {
        authorize('people.write', relationsOf(ctx.actor, {}));
        let rows: { row: number; value: unknown }[];
        let ignoredColumns: string[] = [];
        if (source.format === 'csv') {
          try {
            const parsed = csvRowsToObjects(source.data);
            rows = parsed.rows;
            ignoredColumns = parsed.ignored;
          } catch (error) {
            if (error instanceof CsvSyntaxError) throw new ValidationError([{ path: 'data', message: `line ${error.line}: ${error.message}` }]);
            throw error;
          }
        } else {
          const keys = new Set(source.data.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])));
          ignoredColumns = [...keys].filter((k) => !knownColumns.has(k));
          rows = source.data.map((value, i) => ({ row: i + 1, value }));
        }
        ignoredColumns.sort((a, b) => Number(AGE_LIKE.test(b)) - Number(AGE_LIKE.test(a)));
        return importRows(ctx, repo, rows, ignoredColumns);
      }),
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

async function importRows(
  ctx: ServiceContext,
  repo: Repository,
  rows: { row: number; value: unknown }[],
  ignoredColumns: string[],
): Promise<ImportReport> {
  const errors: ImportRowError[] = [];
  const valid = new Map<string, { row: number; person: z.output<typeof PersonInput> & { id: string } }>();
  const seenEmails = new Map<string, number>();

  for (const { row, value } of rows) {
    const result = z.safeParse(PersonInput, value);
    if (!result.success) {
      errors.push({ row, issues: toFieldIssues(result.error, value) });
      continue;
    }
    const person = { ...result.data, id: result.data.id ?? ctx.ids() };
    const email = person.email.toLowerCase();
    const issues: FieldIssue[] = [];
    const sameId = valid.get(person.id);
    if (sameId) issues.push({ path: 'id', message: `repeats the id of row ${sameId.row}` });
    if (seenEmails.has(email)) issues.push({ path: 'email', message: `repeats the email of row ${seenEmails.get(email)}` });
    if (issues.length) {
      errors.push({ row, issues });
      continue;
    }
    seenEmails.set(email, row);
    valid.set(person.id, { row, person });
  }

  // The directory is read once: 10,000 rows must not cost 10,000 look-ups each.
  const directory = new Map((await repo.query('people')).map((p) => [p.id, p]));
  const ownerOfEmail = new Map([...directory.values()].map((p) => [p.email.toLowerCase(), p]));
  const managerOf = (id: string): string | null | undefined =>
    valid.has(id) ? valid.get(id)!.person.managerId : directory.get(id)?.managerId;

  const reject = (id: string, issue: FieldIssue) => {
    errors.push({ row: valid.get(id)!.row, issues: [issue] });
    valid.delete(id);
  };
  // Judge every row before rejecting any, so each member of a loop is reported as such.
  const verdicts = [...valid.values()].map(({ person }) => {
    const other = ownerOfEmail.get(person.email.toLowerCase());
    if (other && other.id !== person.id && !valid.has(other.id)) {
      return { id: person.id, issue: { path: 'email', message: `already belongs to ${other.name} (${other.id})` } };
    }
    if (person.managerId && reachesItself(person.id, managerOf)) {
      return { id: person.id, issue: { path: 'managerId', message: 'would make a reporting loop' } };
    }
    return null;
  });
  for (const verdict of verdicts) if (verdict) reject(verdict.id, verdict.issue);
  // A row whose manager is nowhere (or was itself rejected) is reported instead of stored, until
  // no dangling manager is left.
  for (let changed = true; changed; ) {
    changed = false;
    for (const { person } of [...valid.values()]) {
      if (person.managerId && !valid.has(person.managerId) && !directory.has(person.managerId)) {
        reject(person.id, { path: 'managerId', message: `no person with id "${person.managerId}" in this file or the directory` });
        changed = true;
      }
    }
  }

  let created = 0;
  let updated = 0;
  // All writes are issued at once and awaited together: one transaction either way, but
  // IndexedDB pipelines the requests instead of paying a round trip per row.
  await Promise.all(
    [...valid.values()].map(({ person: { id, ...fields } }) => {
      const existing = directory.get(id);
      if (existing) {
        updated++;
        return repo.update('people', existing, fields);
      }
      created++;
      return repo.insert('people', { ...fields, id });
    }),
  );
  errors.sort((a, b) => a.row - b.row);
  return { created, updated, errors, ignoredColumns };
}

function reachesItself(id: string, managerOf: (id: string) => string | null | undefined): boolean {
  const seen = new Set<string>();
  for (let current = managerOf(id); current; current = managerOf(current)) {
    if (current === id || seen.has(current)) return true;
    seen.add(current);
  }
  return false;
}
