/**
 * Public surface of `@upward/server`: the reference server (`createServer`, its configuration),
 * the pluggable authenticators, the PostgreSQL idempotency store, the seeders, and the
 * PostgreSQL store with its two drivers. Hand-picked; everything else in `src/` is internal.
 */
export { postgresStore, NOTIFY_CHANNEL, type PostgresStore, type PostgresStoreOptions } from './storage/postgres-store.ts';
export type { PostgresDriver, SqlExecutor, DriverTransactionOptions } from './storage/postgres-driver.ts';
export { pgliteDriver, type PGliteLike } from './storage/pglite-driver.ts';
export { nodePgDriver, type NodePgDriverOptions } from './storage/node-pg-driver.ts';
export { migrate, migrations, dropSchema, type Migration } from './storage/postgres-schema.ts';
export { createServer, API_BASE_PATH, type UpwardServer, type ServerDependencies } from './server.ts';
export {
  configFromEnv,
  defineConfig,
  ConfigError,
  type ServerConfig,
  type AuthConfig,
  type JwtAuthConfig,
  type ProxyAuthConfig,
  type DemoAuthConfig,
  type DatabaseConfig,
} from './config.ts';
export { openDatabase, type Database } from './database/open-database.ts';
export { postgresIdempotencyStore, type PostgresIdempotencyStore, type PostgresIdempotencyOptions } from './database/idempotency-store.ts';
export { createAuthenticator, type Authenticator, type IncomingCredentials } from './auth/authenticator.ts';
export { seedSampleOrg, sampleOrgPath } from './seed/sample-org.ts';
