/**
 * The server's own tables, next to the Store's in the same schema but versioned separately
 * (`server_migrations`), so the Store's migrations stay the Store's. Same discipline: append
 * only, run under a transaction-scoped advisory lock so processes starting together take turns.
 */
import type { PostgresDriver } from '../storage/postgres-driver.ts';
import { ident, migrate, type Migration } from '../storage/postgres-schema.ts';

export const serverMigrations: readonly Migration[] = [
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

export function migrateServerTables(driver: PostgresDriver, schema: string): Promise<void> {
  return migrate(driver, schema, serverMigrations, { table: 'server_migrations', describes: 'server-table schema' });
}
