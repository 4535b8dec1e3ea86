/**
 * Importing people from an HRIS export (CSV or JSON): good rows land together in one
 * transaction and each bad row is reported with its line and field. Loaded by the people service
 * on the first import only, so pages that merely show people never download it.
 */
import * as z from 'zod/mini';
import { ValidationError, type FieldIssue } from '../errors.ts';
import { PersonInput, toFieldIssues } from '../domain/index.ts';
import { CsvSyntaxError, parseCsv, splitList } from '../people/csv.ts';
import type { ServiceContext } from './context.ts';
import type { ImportReport, ImportRowError } from './people.ts';
import type { Repository } from './repository.ts';

/** Columns an HRIS export may carry that Upward refuses to store, by design. */
const AGE_LIKE = /^(age|dob|birth.?date|date.?of.?birth|birthday|year.?of.?birth|birth.?year)$/i;

const knownColumns = new Set(['id', 'name', 'email', 'title', 'department', 'level', 'managerId', 'location', 'timeZone', 'languages', 'skills']);

/** The fields of a person a file may set (all known columns but the id). */
const personColumns = [...knownColumns].filter((c) => c !== 'id');

/**
 * One row of the file. `omitted` names the fields the file does not speak about at all (a column
 * it lacks, a key a JSON row lacks): for someone already stored they keep their stored value.
 */
interface ImportRow {
  row: number;
  value: unknown;
  omitted: readonly string[];
}

function csvRowsToObjects(text: string): { rows: ImportRow[]; ignored: string[] } {
  const { header, rows } = parseCsv(text);
  const ignored = header.filter((h) => !knownColumns.has(h));
  const omitted = personColumns.filter((c) => !header.includes(c));
  return {
    ignored,
    rows: rows.map(({ line, cells }) => {
      const value: Record<string, unknown> = {};
      header.forEach((column, i) => {
        if (!knownColumns.has(column)) return;
        const cell = (cells[i] ?? '').trim();
        // An empty cell in a column the file has means "none": the field's default applies (no
        // manager, no skills), also for someone already stored. Only a missing column keeps theirs.
        if (cell === '') return;
        if (column === 'level') value.level = /^-?\d+$/.test(cell) ? Number(cell) : cell;
        else if (column === 'languages' || column === 'skills') value[column] = splitList(cell);
        else value[column] = cell;
      });
      return { row: line, value, omitted };
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs one validated import (`people.import`) inside the caller's transaction. */
export async function importPeople(
  ctx: ServiceContext,
  repo: Repository,
  source: { format: 'csv'; data: string } | { format: 'json'; data: unknown[] },
): Promise<ImportReport> {
  let rows: ImportRow[];
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
    rows = source.data.map((value, i) => ({
      row: i + 1,
      value,
      omitted: isRecord(value) ? personColumns.filter((c) => value[c] === undefined) : [],
    }));
  }
  ignoredColumns.sort((a, b) => Number(AGE_LIKE.test(b)) - Number(AGE_LIKE.test(a)));
  return importRows(ctx, repo, rows, ignoredColumns);
}

async function importRows(
  ctx: ServiceContext,
  repo: Repository,
  rows: ImportRow[],
  ignoredColumns: string[],
): Promise<ImportReport> {
  const errors: ImportRowError[] = [];
  const valid = new Map<string, { row: number; person: z.output<typeof PersonInput> & { id: string } }>();
  const seenEmails = new Map<string, number>();

  // The directory is read once: 10,000 rows must not cost 10,000 look-ups each.
  const directory = new Map((await repo.query('people')).map((p) => [p.id, p]));

  for (const { row, value: given, omitted } of rows) {
    // A routine re-import of a slimmer export must not wipe what it does not carry (a manager
    // gone would silently switch off the reporting-line rule): someone already stored keeps the
    // fields the row does not speak about. New people get the defaults, and need every required field.
    const stored = isRecord(given) && typeof given.id === 'string' ? directory.get(given.id) : undefined;
    const value = stored && isRecord(given) ? { ...given, ...Object.fromEntries(omitted.map((c) => [c, stored[c as keyof typeof stored]])) } : given;
    const result = z.safeParse(PersonInput, value);
    if (!result.success) {
      errors.push({ row, issues: toFieldIssues(result.error, value) });
      continue;
    }
    const person = { ...result.data, id: result.data.id ?? ctx.ids() };
    const email = person.email.toLowerCase();
    const issues: FieldIssue[] = [];
    const sameId = valid.get(person.id);
    if (sameId) issues.push({ path: 'id', message: `repeats the id of row ${sameId.row}`, code: 'duplicate' });
    if (seenEmails.has(email)) issues.push({ path: 'email', message: `repeats the email of row ${seenEmails.get(email)}`, code: 'duplicate' });
    if (issues.length) {
      errors.push({ row, issues });
      continue;
    }
    seenEmails.set(email, row);
    valid.set(person.id, { row, person });
  }

  const ownerOfEmail = new Map([...directory.values()].map((p) => [p.email.toLowerCase(), p]));
  const managerOf = (id: string): string | null | undefined =>
    valid.has(id) ? valid.get(id)!.person.managerId : directory.get(id)?.managerId;

  const reject = (id: string, issue: FieldIssue) => {
    errors.push({ row: valid.get(id)!.row, issues: [issue] });
    valid.delete(id);
  };
  // Judge every row before rejecting any, so each member of a loop is reported as such.
  const verdicts = [...valid.values()].map(({ person }): { id: string; issue: FieldIssue } | null => {
    const other = ownerOfEmail.get(person.email.toLowerCase());
    if (other && other.id !== person.id && !valid.has(other.id)) {
      return { id: person.id, issue: { path: 'email', message: `already belongs to ${other.name} (${other.id})`, code: 'taken' } };
    }
    if (person.managerId && reachesItself(person.id, managerOf)) {
      return { id: person.id, issue: { path: 'managerId', message: 'would make a reporting loop', code: 'cycle' } };
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
        reject(person.id, { path: 'managerId', message: `no person with id "${person.managerId}" in this file or the directory`, code: 'not_found' });
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
