/**
 * The PostgreSQL layout of Upward's data and its versioned migrations. One table per collection
 * (`id`, `version`, `data jsonb`), in a schema of its own so several data sets (tenants, test
 * runs) can share one database. Index keys are expressions on the JSON fields, written by the
 * same helpers the queries use, so the planner always recognises them.
 */
import { StorageError } from '@upward/sdk';
import type { CollectionName } from '@upward/sdk';
import type { PostgresDriver, SqlExecutor } from './postgres-driver.ts';
import { KIND } from './postgres-errors.ts';
import { collectionNames, collections } from '@upward/sdk/storage/adapter-kit';
import type { IndexDefinition } from '@upward/sdk/storage/adapter-kit';

/** Double-quotes an identifier (schema, table, index names are case-sensitive here). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function table(schema: string, collection: CollectionName): string {
  return `${ident(schema)}.${ident(collection)}`;
}

/**
 * A field's index key: the JSON value itself (`jsonb` equality compares type and value, so the
 * string "1" and the number 1 differ, as IndexedDB keys do). `id` and `version` live in columns.
 */
export function fieldExpression(field: string): string {
  if (field === 'id') return 'to_jsonb(id)';
  if (field === 'version') return 'to_jsonb(version)';
  return `(data -> '${field.replace(/'/g, "''")}')`;
}

/**
 * A multiEntry field as an array: `'[]' || x` is x for an array and `[x]` for a scalar, so a
 * scalar is indexed as itself (IndexedDB does the same) and `@> '[key]'` finds either. `||` is
 * immutable, which an index expression requires (jsonb_build_array is not).
 */
export function multiEntryExpression(field: string): string {
  return `('[]'::jsonb || ${fieldExpression(field)})`;
}

function keyPaths(index: IndexDefinition): readonly string[] {
  return typeof index.keyPath === 'string' ? [index.keyPath] : index.keyPath;
}

/** DDL creating one collection's table and indexes. */
function collectionDdl(schema: string, collection: CollectionName): string[] {
  // `C` collation: primary-key order is byte order (= code-point order for UTF-8), not locale order.
  return [
    `CREATE TABLE ${table(schema, collection)} (id text COLLATE "C" PRIMARY KEY, version integer NOT NULL CHECK (version > 0), data jsonb NOT NULL)`,
    ...indexDdl(schema, collection),
  ];
}

/** DDL creating each index `collections.ts` declares for a collection, unless it exists already. */
function indexDdl(schema: string, collection: CollectionName): string[] {
  const t = table(schema, collection);
  const indexes: Record<string, IndexDefinition> = collections[collection].indexes;
  return Object.entries(indexes).map(([name, index]) => {
    const indexName = ident(`${collection}_${name}`);
    if (index.multiEntry) {
      const field = keyPaths(index)[0]!;
      // jsonb_path_ops: smaller than the default GIN class and enough for `@>`, the only operator used.
      return `CREATE INDEX IF NOT EXISTS ${indexName} ON ${t} USING gin (${multiEntryExpression(field)} jsonb_path_ops)`;
    }
    return `CREATE INDEX IF NOT EXISTS ${indexName} ON ${t} (${keyPaths(index).map((f) => `(${fieldExpression(f)})`).join(', ')})`;
  });
}

export interface Migration {
  version: number;
  /** Statements run in one transaction with the migration lock held. */
  up(schema: string): string[];
}

/**
 * Append only: a released migration is never edited, a change is a new version. Version 1 builds
 * today's layout from `collections.ts`, so a new database has every index from the start; a
 * later step that adds an index creates it only where it is missing (an older database).
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    up: (schema) => collectionNames.flatMap((c) => collectionDdl(schema, c)),
  },
  {
    // sessions.matchStatus: a participant's home reads a match's planned sessions only.
    version: 2,
    up: (schema) => indexDdl(schema, 'sessions'),
  },
];

/** Which migrations a log table tracks: the Store's own, or another set sharing the schema. */
export interface MigrationLog {
  /** The table that records applied versions (also keys the advisory lock). */
  table: string;
  /** What the versions describe, for the "newer than this code" error. */
  describes: string;
}

const storeLog: MigrationLog = { table: 'schema_migrations', describes: 'database schema' };

/**
 * Brings `schema` up to the latest migration. Safe when several processes start at once: a
 * transaction-scoped advisory lock (keyed on the schema and log names) makes them take turns, and
 * each reads the log only after it holds the lock (READ COMMITTED, so it sees the turns taken
 * before it). Throws `StorageError('outdated')` when the database is newer than this code.
 * Another set of tables in the same schema (the server's) passes its own `log`, so each set is
 * versioned separately.
 */
export async function migrate(
  driver: PostgresDriver,
  schema: string,
  steps: readonly Migration[] = migrations,
  { table, describes }: MigrationLog = storeLog,
): Promise<void> {
  await driver.transaction({ isolation: 'read committed', readOnly: false }, async (sql: SqlExecutor) => {
    await sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`upward:${table}:${schema}`]);
    await sql.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    const log = `${ident(schema)}.${ident(table)}`;
    await sql.query(`CREATE TABLE IF NOT EXISTS ${log} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await sql.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${log}`);
    const current = rows[0]?.version ?? 0;
    const latest = steps.reduce((max, m) => Math.max(max, m.version), 0);
    if (current > latest) {
      throw new StorageError(
        KIND,
        'outdated',
        `The ${describes} "${schema}" is at version ${current}, newer than this code knows (${latest}). Deploy the newer release.`,
      );
    }
    for (const step of [...steps].sort((a, b) => a.version - b.version)) {
      if (step.version <= current) continue;
      for (const statement of step.up(schema)) await sql.query(statement);
      await sql.query(`INSERT INTO ${log} (version) VALUES ($1)`, [step.version]);
    }
  });
}

/** Drops a data set entirely (tests, tenant removal). */
export async function dropSchema(driver: SqlExecutor, schema: string): Promise<void> {
  await driver.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
}
