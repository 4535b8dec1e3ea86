/**
 * The server's own tables, next to the Store's in the same schema but versioned separately
 * (`server_migrations`), so the Store's migrations stay the Store's. Same discipline: append
 * only, run under a transaction-scoped advisory lock so processes starting together take turns.
 */
import { StorageError } from '@upward/sdk';
import type { PostgresDriver } from '../storage/postgres-driver.ts';
import { ident } from '../storage/postgres-schema.ts';

interface ServerMigration {
  version: number;
  up(schema: string): string[];
}

export const serverMigrations: readonly ServerMigration[] = [
  {
    version: 1,
    up: (schema) => [
      // One row per (actor, Idempotency-Key). `in-progress` rows carry a lease, so a request whose
      // process died can be retried once the lease ends; finished rows keep the answer until expiry.
      `CREATE TABLE ${ident(schema)}.upward_idempotency (
         actor_id text NOT NULL,
         key text NOT NULL,
         fingerprint text NOT NULL,
         state text NOT NULL CHECK (state IN ('in-progress', 'done')),
         response jsonb,
         lease_until timestamptz NOT NULL,
         expires_at timestamptz NOT NULL,
         PRIMARY KEY (actor_id, key)
       )`,
      // complete/abandon get the key alone (the handler's keys already include the actor).
      `CREATE INDEX upward_idempotency_key ON ${ident(schema)}.upward_idempotency (key)`,
      `CREATE INDEX upward_idempotency_expires ON ${ident(schema)}.upward_idempotency (expires_at)`,
    ],
  },
];

export async function migrateServerTables(driver: PostgresDriver, schema: string): Promise<void> {
  await driver.transaction({ isolation: 'read committed', readOnly: false }, async (sql) => {
    await sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`upward:server-migrate:${schema}`]);
    await sql.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    const log = `${ident(schema)}.server_migrations`;
    await sql.query(`CREATE TABLE IF NOT EXISTS ${log} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await sql.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${log}`);
    const current = rows[0]?.version ?? 0;
    const latest = serverMigrations.reduce((max, m) => Math.max(max, m.version), 0);
    if (current > latest) {
      throw new StorageError('postgres', 'outdated', `The server tables in "${schema}" are at version ${current}, newer than this code (${latest}).`);
    }
    for (const step of serverMigrations) {
      if (step.version <= current) continue;
      for (const statement of step.up(schema)) await sql.query(statement);
      await sql.query(`INSERT INTO ${log} (version) VALUES ($1)`, [step.version]);
    }
  });
}
