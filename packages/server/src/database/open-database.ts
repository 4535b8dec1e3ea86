/**
 * Opens the server's database from its configuration: node-postgres for `DATABASE_URL`, else an
 * embedded PGlite (on disk, or in memory for tests). Returns the one shared Store, the driver
 * (for the server's own tables) and a `close` that releases everything it opened.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { postgresStore, type PostgresStore } from '../storage/postgres-store.ts';
import type { PostgresDriver } from '../storage/postgres-driver.ts';
import { pgliteDriver } from '../storage/pglite-driver.ts';
import { nodePgDriver } from '../storage/node-pg-driver.ts';
import type { DatabaseConfig } from '../config.ts';
import { migrateServerTables } from './server-migrations.ts';

export interface Database {
  store: PostgresStore;
  driver: PostgresDriver;
  schema: string;
  /** Where the data lives, for the startup log (never the password). */
  description: string;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig, schema: string): Promise<Database> {
  let driver: PostgresDriver;
  let release: () => Promise<void>;
  let description: string;
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize, pipeline: true });
    // An idle client that loses its connection emits 'error' on the pool; unhandled, it would
    // crash the process. The next checkout opens a fresh connection.
    pool.on('error', (error) => console.error('[upward] [server] idle PostgreSQL connection failed:', error.message));
    driver = nodePgDriver(pool);
    release = () => pool.end();
    const url = new URL(config.url);
    description = `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } else {
    if (config.dataDir) await mkdir(config.dataDir, { recursive: true });
    const pglite = await PGlite.create(config.dataDir ?? undefined);
    driver = pgliteDriver(pglite);
    release = () => pglite.close();
    description = config.dataDir ? `embedded PGlite in ${config.dataDir}` : 'embedded PGlite in memory';
  }
  return attachDatabase(driver, schema, description, release);
}

/**
 * The same over a driver the caller opened (several data sets on one PGlite, one pool shared
 * with other code): migrates `schema`, and `close` runs `release` after the store is closed.
 */
export async function attachDatabase(
  driver: PostgresDriver,
  schema: string,
  description: string,
  release: () => Promise<void> = async () => undefined,
): Promise<Database> {
  const store = postgresStore({ client: driver, schema });
  try {
    await store.ready();
    await migrateServerTables(driver, schema);
  } catch (error) {
    await store.close().catch(() => undefined);
    await release().catch(() => undefined);
    throw error;
  }
  return {
    store,
    driver,
    schema,
    description,
    async close() {
      await store.close();
      await release();
    },
  };
}
