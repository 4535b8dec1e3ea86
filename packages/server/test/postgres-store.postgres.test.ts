/**
 * The PostgreSQL store on a real PostgreSQL server (Debian's 15 in CI) through node-postgres:
 * the Store conformance suite and the PostgreSQL regressions, with real concurrency between
 * "processes" (one connection pool each). Needs DATABASE_URL — get one with
 *   DATABASE_URL=$(node packages/server/test/ensure-postgres.mjs)
 * Without it this file FAILS, so CI never passes by skipping; UPWARD_SKIP_POSTGRES=1 skips on purpose.
 */
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { StorageError } from '@upward/sdk';
import pg from 'pg';
import { dropSchema, nodePgDriver, postgresStore } from '../src/index.ts';
import { nodeTestMocha, schemaFor, testPostgresRegressions, testStore } from './support.ts';

const url = process.env.DATABASE_URL;

if (!url) {
  if (process.env.UPWARD_SKIP_POSTGRES === '1') {
    it('PostgreSQL store tests', { skip: 'UPWARD_SKIP_POSTGRES=1 and no DATABASE_URL' }, () => undefined);
  } else {
    it('PostgreSQL store tests need DATABASE_URL', () => {
      throw new Error(
        'DATABASE_URL is not set. Run `DATABASE_URL=$(node packages/server/test/ensure-postgres.mjs)` first, ' +
          'or set UPWARD_SKIP_POSTGRES=1 to skip these tests on purpose.',
      );
    });
  }
} else {
  const pools: pg.Pool[] = [];
  // Pipelined, as the server opens it (`open-database.ts`); the conformance suite runs once more
  // without, the driver's other path.
  const openPool = (pipeline = true) => {
    const pool = new pg.Pool({ connectionString: url, max: 10, pipeline });
    // An idle connection dropped by the server must not crash the test process.
    pool.on('error', (error) => console.error('[test] idle PostgreSQL connection failed:', error.message));
    pools.push(pool);
    return pool;
  };
  const shared = nodePgDriver(openPool());
  const unpipelined = nodePgDriver(openPool(false));

  after(async () => {
    await Promise.all(pools.map((p) => p.end()));
  });

  testStore({
    name: 'postgresStore on PostgreSQL',
    create: async (name) => {
      const store = postgresStore({ client: shared, schema: schemaFor(name) });
      await store.ready();
      return store;
    },
    destroy: (name) => dropSchema(shared, schemaFor(name)),
    capabilities: { persistent: true, crossContext: true },
    expect,
    mocha: nodeTestMocha,
  });

  testStore({
    name: 'postgresStore on PostgreSQL without pipelining',
    create: async (name) => {
      const store = postgresStore({ client: unpipelined, schema: schemaFor(`np_${name}`) });
      await store.ready();
      return store;
    },
    destroy: (name) => dropSchema(unpipelined, schemaFor(`np_${name}`)),
    capabilities: { persistent: true, crossContext: true },
    expect,
    mocha: nodeTestMocha,
  });

  testPostgresRegressions({
    name: 'postgresStore on PostgreSQL',
    openDriver: async () => {
      const pool = openPool();
      return {
        driver: nodePgDriver(pool),
        close: async () => {
          pools.splice(pools.indexOf(pool), 1);
          await pool.end();
        },
      };
    },
    expectRetries: true,
  });

  describe('postgresStore on PostgreSQL (connection failures)', () => {
    const attempt = async (connectionString: string) => {
      const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 3000 });
      pool.on('error', () => undefined);
      const store = postgresStore({ client: nodePgDriver(pool), schema: 'never_created' });
      try {
        return await store.transaction(['people'], 'readonly', (tx) => tx.get('people', 'p1')).catch((e: unknown) => e);
      } finally {
        await store.close();
        await pool.end();
      }
    };

    it('reports an unreachable server as StorageError "unavailable", not a raw socket error', async () => {
      const error = await attempt('postgres://upward:upward@127.0.0.1:1/upward_test');
      expect(error).to.be.instanceOf(StorageError);
      expect(error).to.include({ reason: 'unavailable' });
    });

    it('reports refused credentials as StorageError "unavailable" naming DATABASE_URL', async () => {
      const wrong = new URL(url);
      wrong.password = 'not-the-password';
      const error = await attempt(wrong.toString());
      expect(error).to.be.instanceOf(StorageError);
      expect(error).to.include({ reason: 'unavailable' });
      expect((error as Error).message).to.contain('DATABASE_URL');
    });
  });

  describe('postgresStore on PostgreSQL (LISTEN connection)', () => {
    it('listens again after the server dropped its LISTEN connection', async () => {
      const application = `upward-relisten-${process.pid}`;
      const listenPool = new pg.Pool({ connectionString: url, application_name: application });
      listenPool.on('error', () => undefined);
      const writerPool = openPool();
      const schema = `relisten_${process.pid}`;
      const reader = postgresStore({ client: nodePgDriver(listenPool), schema });
      const writer = postgresStore({ client: nodePgDriver(writerPool), schema });
      try {
        await Promise.all([reader.ready(), writer.ready()]);
        const heard: string[] = [];
        reader.subscribe((changes) => heard.push(...changes.map((c) => c.id)));
        const { rows } = await writerPool.query(
          `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'`,
          [application],
        );
        expect(rows).to.have.length(1);
        // Changes committed while it reconnects are not announced: keep writing until one is heard.
        for (let i = 0; heard.length === 0 && i < 50; i++) {
          await writer.transaction(['people'], 'readwrite', (tx) => tx.put('people', { id: `p${i}`, version: 0 }));
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(heard).to.not.be.empty;
      } finally {
        await reader.close();
        await writer.close();
        await dropSchema(nodePgDriver(writerPool), schema);
        await listenPool.end();
      }
    });
  });
}
