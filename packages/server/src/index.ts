/**
 * Public surface of `@upward/server`: the PostgreSQL store and its two drivers. Hand-picked;
 * everything else in `src/` is internal.
 */
export { postgresStore, NOTIFY_CHANNEL, type PostgresStore, type PostgresStoreOptions } from './storage/postgres-store.ts';
export type { PostgresDriver, SqlExecutor, DriverTransactionOptions } from './storage/postgres-driver.ts';
export { pgliteDriver, type PGliteLike } from './storage/pglite-driver.ts';
export { nodePgDriver, type NodePgDriverOptions } from './storage/node-pg-driver.ts';
export { migrate, migrations, dropSchema, type Migration } from './storage/postgres-schema.ts';
