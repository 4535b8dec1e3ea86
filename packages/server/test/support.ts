/**
 * Shared by the PGlite and PostgreSQL test files: node:test's hooks in the shape the SDK's
 * conformance suite expects, and the regressions every PostgreSQL driver must pass (migrations
 * under concurrency, no lost update across "processes", retries, cross-instance notifications,
 * error mapping). A "process" here is a store on its own driver — its own connection pool on a
 * server — which is what PostgreSQL sees of a process.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import { expect } from 'chai';
import { ConflictError, StorageError, collections } from '@upward/sdk';
import type { StoreChange } from '@upward/sdk';
import { dropSchema, migrations, postgresStore } from '../src/index.ts';
import type { PostgresDriver, PostgresStore, PostgresStoreOptions } from '../src/index.ts';
import type { StoreSuiteOptions } from '@upward/sdk/storage/conformance';

export { testStore } from '@upward/sdk/storage/conformance';

/** node:test's describe/it/hooks accept mocha-style calls; only their types differ. */
export const nodeTestMocha = { describe, it, beforeEach, afterEach } as unknown as NonNullable<StoreSuiteOptions['mocha']>;

/** Conformance data-set names become schema names; keep them short and lower-case. */
export function schemaFor(name: string): string {
  return `t_${name.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`.slice(0, 63);
}

export interface RegressionOptions {
  name: string;
  /** Opens a driver that behaves as another process would (PGlite: the one shared instance). */
  openDriver: () => Promise<{ driver: PostgresDriver; close: () => Promise<void> }>;
  /** A server has real concurrency, so conflicts must show up and be retried. */
  expectRetries: boolean;
}

let schemaNo = 0;

export function testPostgresRegressions(options: RegressionOptions): void {
  describe(`${options.name} (PostgreSQL regressions)`, () => {
    let cleanups: (() => Promise<void>)[] = [];
    let schema = '';
    let admin: PostgresDriver;

    async function driver(): Promise<PostgresDriver> {
      const opened = await options.openDriver();
      cleanups.push(opened.close);
      return opened.driver;
    }
    async function store(d: PostgresDriver, extra: Partial<PostgresStoreOptions> = {}): Promise<PostgresStore> {
      const s = postgresStore({ client: d, schema, ...extra });
      cleanups.unshift(() => s.close());
      return s;
    }

    beforeEach(async () => {
      schema = `reg_${process.pid}_${Date.now().toString(36)}_${++schemaNo}`;
      cleanups = [];
      admin = await driver();
    });
    afterEach(async () => {
      await dropSchema(admin, schema).catch(() => undefined);
      for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    });

    const migrationRows = async () =>
      (await admin.query<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`)).rows.map((r) => r.version);

    it('migrates once, however many stores start at once, and again is a no-op', async () => {
      const stores = await Promise.all([driver(), driver(), driver()].map(async (d) => store(await d)));
      await Promise.all(stores.map((s) => s.ready()));
      const all = migrations.map((m) => m.version);
      expect(await migrationRows()).to.deep.equal(all);
      const later = await store(await driver());
      await later.ready();
      await later.transaction(['people'], 'readwrite', (tx) => tx.put('people', { id: 'p1', version: 0 }));
      expect(await migrationRows()).to.deep.equal(all);
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE '%\\_%' ESCAPE '\\' AND indexname NOT LIKE '%pkey'`,
        [schema],
      );
      // One index per entry of collections.ts, none created twice.
      const declared = Object.values(collections).reduce((n, c) => n + Object.keys(c.indexes).length, 0);
      expect(rows[0]!.n).to.equal(declared);
    });

    it('adds sessions.matchStatus to a database of the first release, keeping its sessions', async () => {
      const s = await store(admin);
      await s.ready();
      await s.transaction(['sessions'], 'readwrite', async (tx) => {
        await tx.put('sessions', { id: 's1', version: 0, matchId: 'm1', status: 'planned' });
        await tx.put('sessions', { id: 's2', version: 0, matchId: 'm1', status: 'held' });
      });
      // Back to the first release's layout: no index, only version 1 logged.
      await admin.query(`DROP INDEX "${schema}"."sessions_matchStatus"`);
      await admin.query(`DELETE FROM "${schema}".schema_migrations WHERE version > 1`);
      const upgraded = await store(await driver());
      const planned = await upgraded.transaction(['sessions'], 'readonly', (tx) => tx.query('sessions', { index: 'matchStatus', key: ['m1', 'planned'] }));
      expect(planned.map((r) => r.id)).to.deep.equal(['s1']);
      const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = $1 AND indexname = 'sessions_matchStatus'`, [schema]);
      expect(rows[0]!.n).to.equal(1);
      expect(await migrationRows()).to.deep.equal(migrations.map((m) => m.version));
    });

    it('refuses a database migrated by a newer release with reason "outdated"', async () => {
      const s = await store(admin);
      await s.ready();
      await admin.query(`INSERT INTO "${schema}".schema_migrations (version) VALUES (99)`);
      const other = await store(await driver());
      const error = await other.transaction(['people'], 'readonly', (tx) => tx.get('people', 'x')).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(StorageError);
      expect((error as StorageError).reason).to.equal('outdated');
    });

    it('loses no update when two processes run 20 parallel read-increment-write transactions', async () => {
      let retries = 0;
      const onRetry = () => void retries++;
      const a = await store(await driver(), { retry: { attempts: 60, maxDelayMs: 100 }, onRetry });
      const b = await store(await driver(), { retry: { attempts: 60, maxDelayMs: 100 }, onRetry });
      await Promise.all([a.ready(), b.ready()]);
      await a.transaction(['programs'], 'readwrite', (tx) => tx.put('programs', { id: 'counter', version: 0, count: 0 }));
      const increment = (s: PostgresStore) =>
        s.transaction(['programs'], 'readwrite', async (tx) => {
          const current = await tx.get('programs', 'counter');
          await tx.put('programs', { ...current!, count: (current!.count as number) + 1 });
        });
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => increment(i % 2 ? a : b)));
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(rejected.map((r) => String((r as PromiseRejectedResult).reason))).to.deep.equal([]);
      const final = await b.transaction(['programs'], 'readonly', (tx) => tx.get('programs', 'counter'));
      expect(final).to.deep.include({ count: 20, version: 21 });
      if (options.expectRetries) expect(retries).to.be.greaterThan(0);
    });

    it('turns a race it cannot win within its attempts into a ConflictError, never a lost update', async () => {
      const a = await store(await driver(), { retry: { attempts: 1 } });
      const b = await store(await driver(), { retry: { attempts: 1 } });
      await Promise.all([a.ready(), b.ready()]);
      await a.transaction(['programs'], 'readwrite', (tx) => tx.put('programs', { id: 'counter', version: 0, count: 0 }));
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? a : b).transaction(['programs'], 'readwrite', async (tx) => {
            const current = await tx.get('programs', 'counter');
            await tx.put('programs', { ...current!, count: (current!.count as number) + 1 });
          }),
        ),
      );
      const done = results.filter((r) => r.status === 'fulfilled').length;
      for (const r of results) {
        if (r.status === 'rejected') {
          expect(r.reason).to.be.instanceOf(ConflictError);
          expect(r.reason).to.include({ entity: 'programs', id: 'counter' });
        }
      }
      if (options.expectRetries) expect(done).to.be.lessThan(20);
      const final = await a.transaction(['programs'], 'readonly', (tx) => tx.get('programs', 'counter'));
      expect(final).to.deep.include({ count: done, version: done + 1 });
    });

    it('tells a store in another process about committed changes, once, and not its own echo', async () => {
      const writer = await store(await driver());
      const reader = await store(await driver());
      await Promise.all([writer.ready(), reader.ready()]);
      const heard: StoreChange[][] = [];
      const own: StoreChange[][] = [];
      reader.subscribe((c) => heard.push([...c]));
      writer.subscribe((c) => own.push([...c]));
      await writer.transaction(['people', 'matches'], 'readwrite', async (tx) => {
        await tx.put('people', { id: 'p1', version: 0 });
        await tx.put('matches', { id: 'm1', version: 0, memberIds: ['p1'] });
      });
      const until = Date.now() + 3000;
      while (heard.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 150));
      const expected = [[{ collection: 'people', id: 'p1', kind: 'put' }, { collection: 'matches', id: 'm1', kind: 'put' }]];
      expect(heard).to.deep.equal(expected);
      expect(own).to.deep.equal(expected);
    });

    it('splits a large transaction into several notifications that together name every change', async () => {
      const writer = await store(await driver());
      const reader = await store(await driver());
      await Promise.all([writer.ready(), reader.ready()]);
      const heard: StoreChange[] = [];
      reader.subscribe((c) => heard.push(...c));
      await writer.transaction(['people'], 'readwrite', async (tx) => {
        for (let i = 0; i < 400; i++) await tx.put('people', { id: `person-with-a-longish-id-${i}`, version: 0 });
      });
      const until = Date.now() + 5000;
      while (heard.length < 400 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(heard).to.have.length(400);
    });

    it('reports values PostgreSQL cannot hold as a StorageError and keeps the transaction from committing', async () => {
      const s = await store(admin);
      const error = await s
        .transaction(['people'], 'readwrite', async (tx) => {
          await tx.put('people', { id: 'ok', version: 0 });
          // A caught failure must not turn into a silent rollback reported as success.
          await tx.put('people', { id: 'nul', version: 0, name: 'a\u0000b' }).catch(() => undefined);
          return 'done';
        })
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(StorageError);
      expect(await s.transaction(['people'], 'readonly', (tx) => tx.get('people', 'ok'))).to.equal(undefined);
    });

    it('orders ids by UTF-16 code unit, as IndexedDB does', async () => {
      const s = await store(admin);
      const idsIn = ['b', 'B', 'a', 'é', '\uFF21', '\u{1F600}', 'a\u0301', '10', '9'];
      await s.transaction(['people'], 'readwrite', async (tx) => {
        for (const id of idsIn) await tx.put('people', { id, version: 0 });
      });
      const out = (await s.transaction(['people'], 'readonly', (tx) => tx.query('people'))).map((r) => r.id);
      expect(out).to.deep.equal([...idsIn].sort());
    });

    it('finds multiEntry scalars and number keys like IndexedDB', async () => {
      const s = await store(admin);
      await s.transaction(['matches'], 'readwrite', async (tx) => {
        await tx.put('matches', { id: 'scalar', version: 0, memberIds: 'p1' });
        await tx.put('matches', { id: 'numbers', version: 0, memberIds: [1, 2] });
        await tx.put('matches', { id: 'object', version: 0, memberIds: { p1: true } });
        await tx.put('matches', { id: 'nested', version: 0, memberIds: [['p1', 'p2'], 'p3'] });
      });
      const q = (key: unknown, limit?: number) =>
        s.transaction(['matches'], 'readonly', (tx) => tx.query('matches', { index: 'memberIds', key, limit })).then((r) => r.map((m) => m.id));
      expect(await q('p1')).to.deep.equal(['scalar']);
      expect(await q(2)).to.deep.equal(['numbers']);
      expect(await q('2')).to.deep.equal([]);
      expect(await q(['p1'])).to.deep.equal([]);
      expect(await q(['p1', 'p2'], 1)).to.deep.equal(['nested']);
    });
  });
}
