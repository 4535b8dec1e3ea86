/**
 * The one conformance suite of the `Store` contract. Every store (memory, IndexedDB, PostgreSQL)
 * runs it from its test file — `testStore({ name, create, capabilities, expect })` — so the
 * contract is asserted once and backends cannot drift apart. Only test files import this module.
 *
 * It imports nothing from a test runner: mocha's `describe/it/beforeEach/afterEach` are taken
 * from the caller or the globals, and chai's `expect` from the caller, so the same suite runs in
 * the browser (@web/test-runner) and under Node (mocha) against a PostgreSQL store.
 */
import { ConflictError, StorageError } from '../errors.ts';
import type { CollectionName, StoredRecord } from './collections.ts';
import type { Store, StoreCapabilities, StoreChange } from './store.ts';

export interface StoreSuiteOptions {
  /** Title of the `describe` block, e.g. `indexedDbStore`. */
  name: string;
  /**
   * Opens a store on the data set called `name`. The suite passes a fresh name to each test and
   * the same name again to check persistence (close, then reopen) and cross-context
   * notifications (two stores at once), so both must reach the same data for the same name.
   */
  create: (name: string) => Promise<Store>;
  /** Deletes the data set after each test (after every store on it was closed). */
  destroy?: (name: string) => Promise<void>;
  /** What the store declares; persistence and cross-context tests run only when declared. */
  capabilities: StoreCapabilities;
  expect: Chai.ExpectStatic;
  /** Defaults to mocha's globals. */
  mocha?: {
    describe: Mocha.SuiteFunction;
    it: Mocha.TestFunction;
    beforeEach: Mocha.HookFunction;
    afterEach: Mocha.HookFunction;
  };
}

let suiteRun = 0;

export function testStore(options: StoreSuiteOptions): void {
  const { create, destroy, capabilities, expect } = options;
  const { describe, it, beforeEach, afterEach } = options.mocha ?? globalThis;

  /** What a test opened, so afterEach can close and delete it even when the test failed. */
  let dataSet = '';
  let opened: Store[] = [];
  let testNo = 0;
  const runId = `${Date.now().toString(36)}-${(suiteRun++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  async function open(): Promise<Store> {
    const store = await create(dataSet);
    opened.push(store);
    return store;
  }

  async function put(store: Store, collection: CollectionName, record: StoredRecord): Promise<StoredRecord> {
    return store.transaction([collection], 'readwrite', (tx) => tx.put(collection, record));
  }

  async function get(store: Store, collection: CollectionName, id: string): Promise<StoredRecord | undefined> {
    return store.transaction([collection], 'readonly', (tx) => tx.get(collection, id));
  }

  async function rejection(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected the promise to reject, but it resolved');
  }

  function expectConflict(error: unknown, collection: string, id: string): void {
    expect(error).to.be.instanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.code).to.equal('conflict');
    expect(conflict.entity).to.equal(collection);
    expect(conflict.id).to.equal(id);
  }

  function expectStorageError(error: unknown, reason?: StorageError['reason']): void {
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).code).to.equal('storage');
    if (reason) expect((error as StorageError).reason).to.equal(reason);
  }

  async function waitFor(check: () => boolean, what: string, ms = 3000): Promise<void> {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  const ids = (records: readonly StoredRecord[]) => records.map((r) => r.id);

  describe(`${options.name} (Store conformance)`, () => {
    beforeEach(() => {
      dataSet = `conformance-${runId}-${++testNo}`;
      opened = [];
    });

    afterEach(async () => {
      for (const store of opened) await store.close().catch(() => undefined);
      if (destroy) await destroy(dataSet);
    });

    it('declares its kind and capabilities', async () => {
      const store = await open();
      expect(store.kind).to.be.a('string').and.not.equal('');
      expect(store.capabilities).to.deep.equal(capabilities);
    });

    describe('get, put, delete', () => {
      it('saves a new record at version 1 and reads it back whole', async () => {
        const store = await open();
        const record = { id: 'p1', version: 0, email: 'ada@example.com', tags: ['a', 'b'], nested: { n: 1, none: null } };
        const saved = await put(store, 'people', record);
        expect(saved).to.deep.equal({ ...record, version: 1 });
        expect(await get(store, 'people', 'p1')).to.deep.equal({ ...record, version: 1 });
      });

      it('returns undefined for a missing record', async () => {
        const store = await open();
        expect(await get(store, 'people', 'nobody')).to.equal(undefined);
      });

      it('keeps collections apart', async () => {
        const store = await open();
        await put(store, 'people', { id: 'x', version: 0, what: 'person' });
        await put(store, 'programs', { id: 'x', version: 0, what: 'program' });
        expect((await get(store, 'people', 'x'))?.what).to.equal('person');
        expect((await get(store, 'programs', 'x'))?.what).to.equal('program');
      });

      it('increments the version on every write made with the current version', async () => {
        const store = await open();
        let r = await put(store, 'people', { id: 'p1', version: 0, n: 0 });
        for (let i = 1; i <= 3; i++) r = await put(store, 'people', { ...r, n: i });
        expect(r.version).to.equal(4);
        expect(await get(store, 'people', 'p1')).to.deep.equal({ id: 'p1', version: 4, n: 3 });
      });

      it('refuses a stale write with a ConflictError and keeps the stored record', async () => {
        const store = await open();
        const v1 = await put(store, 'people', { id: 'p1', version: 0, name: 'Ada' });
        await put(store, 'people', { ...v1, name: 'Ada L.' });
        const error = await rejection(put(store, 'people', { ...v1, name: 'Stale' }));
        expectConflict(error, 'people', 'p1');
        // The message names what a person needs to understand the conflict.
        expect((error as Error).message).to.contain('people').and.contain('p1').and.contain('1').and.contain('2');
        expect(await get(store, 'people', 'p1')).to.deep.equal({ id: 'p1', version: 2, name: 'Ada L.' });
      });

      it('refuses to create a record whose id exists (version 0 on an existing id)', async () => {
        const store = await open();
        await put(store, 'people', { id: 'p1', version: 0, name: 'Ada' });
        expectConflict(await rejection(put(store, 'people', { id: 'p1', version: 0, name: 'Other' })), 'people', 'p1');
        expect((await get(store, 'people', 'p1'))?.name).to.equal('Ada');
      });

      it('refuses to update a record that does not exist (version > 0 on a missing id)', async () => {
        const store = await open();
        expectConflict(await rejection(put(store, 'people', { id: 'ghost', version: 3 })), 'people', 'ghost');
        expect(await get(store, 'people', 'ghost')).to.equal(undefined);
      });

      it('deletes, ignores a missing record without a version, and checks a given version', async () => {
        const store = await open();
        const a = await put(store, 'people', { id: 'a', version: 0 });
        const b = await put(store, 'people', { id: 'b', version: 0 });
        await store.transaction(['people'], 'readwrite', (tx) => tx.delete('people', 'a'));
        expect(await get(store, 'people', 'a')).to.equal(undefined);
        await store.transaction(['people'], 'readwrite', (tx) => tx.delete('people', 'a'));

        const b2 = await put(store, 'people', b);
        expectConflict(
          await rejection(store.transaction(['people'], 'readwrite', (tx) => tx.delete('people', 'b', b.version))),
          'people',
          'b',
        );
        expect(await get(store, 'people', 'b')).to.deep.equal(b2);
        await store.transaction(['people'], 'readwrite', (tx) => tx.delete('people', 'b', b2.version));
        expect(await get(store, 'people', 'b')).to.equal(undefined);

        expectConflict(
          await rejection(store.transaction(['people'], 'readwrite', (tx) => tx.delete('people', 'a', a.version))),
          'people',
          'a',
        );
      });

      it('can recreate a deleted record from version 0', async () => {
        const store = await open();
        await put(store, 'people', { id: 'p1', version: 0 });
        await store.transaction(['people'], 'readwrite', (tx) => tx.delete('people', 'p1'));
        expect((await put(store, 'people', { id: 'p1', version: 0, again: true })).version).to.equal(1);
      });

      it('copies records in and out, so callers cannot change stored state', async () => {
        const store = await open();
        const input = { id: 'p1', version: 0, tags: ['a'], nested: { n: 1 } };
        const saved = await put(store, 'people', input);
        input.tags.push('from-input');
        input.nested.n = 2;
        (saved.tags as string[]).push('from-result');
        const read = await get(store, 'people', 'p1');
        (read!.nested as { n: number }).n = 3;
        const [queried] = await store.transaction(['people'], 'readonly', (tx) => tx.query('people'));
        (queried!.tags as string[]).push('from-query');
        expect(await get(store, 'people', 'p1')).to.deep.equal({ id: 'p1', version: 1, tags: ['a'], nested: { n: 1 } });
      });

      it('returns what work returns', async () => {
        const store = await open();
        expect(await store.transaction(['people'], 'readonly', async () => 42)).to.equal(42);
      });
    });

    describe('transactions', () => {
      it('rolls back every write of a failing transaction, across collections, and rethrows the same error', async () => {
        const store = await open();
        const person = await put(store, 'people', { id: 'p1', version: 0, name: 'Ada' });
        const enrolment = await put(store, 'enrolments', { id: 'e1', version: 0, programId: 'g1', personId: 'p1' });
        const changes: StoreChange[][] = [];
        store.subscribe((c) => changes.push([...c]));

        const boom = new Error('boom');
        const error = await rejection(
          store.transaction(['people', 'programs', 'enrolments'], 'readwrite', async (tx) => {
            await tx.put('people', { ...person, name: 'Changed' });
            await tx.put('programs', { id: 'g1', version: 0, phase: 'draft' });
            await tx.delete('enrolments', 'e1');
            throw boom;
          }),
        );
        expect(error).to.equal(boom);
        expect(await get(store, 'people', 'p1')).to.deep.equal(person);
        expect(await get(store, 'programs', 'g1')).to.equal(undefined);
        expect(await get(store, 'enrolments', 'e1')).to.deep.equal(enrolment);
        expect(changes).to.deep.equal([]);
      });

      it('rolls back earlier writes when a conflict ends the transaction', async () => {
        const store = await open();
        await put(store, 'people', { id: 'p1', version: 0 });
        const error = await rejection(
          store.transaction(['people', 'programs'], 'readwrite', async (tx) => {
            await tx.put('programs', { id: 'g1', version: 0 });
            await tx.put('people', { id: 'p1', version: 0 });
          }),
        );
        expectConflict(error, 'people', 'p1');
        expect(await get(store, 'programs', 'g1')).to.equal(undefined);
      });

      it('lets work read its own writes (get and query)', async () => {
        const store = await open();
        await put(store, 'people', { id: 'gone', version: 0, email: 'same@example.com' });
        await store.transaction(['people'], 'readwrite', async (tx) => {
          const saved = await tx.put('people', { id: 'p1', version: 0, email: 'same@example.com' });
          expect(await tx.get('people', 'p1')).to.deep.equal(saved);
          const updated = await tx.put('people', { ...saved, email: 'new@example.com' });
          expect(updated.version).to.equal(2);
          expect((await tx.get('people', 'p1'))?.email).to.equal('new@example.com');
          await tx.delete('people', 'gone');
          expect(await tx.get('people', 'gone')).to.equal(undefined);
          expect(ids(await tx.query('people'))).to.deep.equal(['p1']);
          expect(ids(await tx.query('people', { index: 'email', key: 'new@example.com' }))).to.deep.equal(['p1']);
          expect(await tx.query('people', { index: 'email', key: 'same@example.com' })).to.deep.equal([]);
        });
        expect((await get(store, 'people', 'p1'))?.version).to.equal(2);
      });

      it('lets work catch a conflict and carry on', async () => {
        const store = await open();
        await put(store, 'people', { id: 'p1', version: 0 });
        await store.transaction(['people'], 'readwrite', async (tx) => {
          const error = await rejection(tx.put('people', { id: 'p1', version: 0 }));
          expectConflict(error, 'people', 'p1');
          await tx.put('people', { id: 'p2', version: 0 });
        });
        expect((await get(store, 'people', 'p2'))?.version).to.equal(1);
      });

      it('never loses an update when concurrent transactions read then write the same record', async () => {
        const store = await open();
        await put(store, 'programs', { id: 'counter', version: 0, count: 0 });
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, () =>
            store.transaction(['programs'], 'readwrite', async (tx) => {
              const current = await tx.get('programs', 'counter');
              await tx.put('programs', { ...current!, count: (current!.count as number) + 1 });
            }),
          ),
        );
        const done = results.filter((r) => r.status === 'fulfilled').length;
        for (const r of results) if (r.status === 'rejected') expectConflict(r.reason, 'programs', 'counter');
        const final = await get(store, 'programs', 'counter');
        expect(done).to.be.greaterThan(0);
        expect(final?.count).to.equal(done);
        expect(final?.version).to.equal(done + 1);
      });

      it('refuses writes in a readonly transaction and collections outside its scope', async () => {
        const store = await open();
        expectStorageError(
          await rejection(store.transaction(['people'], 'readonly', (tx) => tx.put('people', { id: 'p1', version: 0 }))),
        );
        expectStorageError(await rejection(store.transaction(['people'], 'readonly', (tx) => tx.get('programs', 'x'))));
        expectStorageError(
          await rejection(store.transaction(['nope' as CollectionName], 'readonly', (tx) => tx.get('people', 'x'))),
        );
        expect(await get(store, 'people', 'p1')).to.equal(undefined);
      });

      it('refuses work after close with StorageError reason "closed"', async () => {
        const store = await open();
        await store.close();
        expectStorageError(await rejection(get(store, 'people', 'p1')), 'closed');
      });
    });

    describe('query', () => {
      async function seed(store: Store): Promise<void> {
        await store.transaction(['people', 'enrolments', 'matches'], 'readwrite', async (tx) => {
          await tx.put('people', { id: 'p3', version: 0, email: 'c@example.com', managerId: 'm1' });
          await tx.put('people', { id: 'p1', version: 0, email: 'a@example.com', managerId: 'm1' });
          await tx.put('people', { id: 'p2', version: 0, email: 'b@example.com', managerId: 'm2' });
          await tx.put('people', { id: 'p4', version: 0, email: 'd@example.com', managerId: 'm1' });
          await tx.put('people', { id: 'p5', version: 0, email: 'e@example.com' });
          await tx.put('enrolments', { id: 'e1', version: 0, programId: 'g1', personId: 'p1' });
          await tx.put('enrolments', { id: 'e2', version: 0, programId: 'g1', personId: 'p2' });
          await tx.put('enrolments', { id: 'e3', version: 0, programId: 'g2', personId: 'p1' });
          await tx.put('enrolments', { id: 'e4', version: 0, programId: 'g2' });
          await tx.put('matches', { id: 'm-b', version: 0, programId: 'g1', memberIds: ['p1', 'p2'] });
          await tx.put('matches', { id: 'm-a', version: 0, programId: 'g1', memberIds: ['p3', 'p1', 'p1'] });
          await tx.put('matches', { id: 'm-c', version: 0, programId: 'g2', memberIds: ['p2', 'p3'] });
        });
      }

      const q = (store: Store, c: CollectionName, o?: { index?: string; key?: unknown; limit?: number }) =>
        store.transaction([c], 'readonly', (tx) => tx.query(c, o as never));

      it('returns the whole collection in id order without an index, honouring limit', async () => {
        const store = await open();
        await seed(store);
        expect(ids(await q(store, 'people'))).to.deep.equal(['p1', 'p2', 'p3', 'p4', 'p5']);
        expect(ids(await q(store, 'people', { limit: 2 }))).to.deep.equal(['p1', 'p2']);
        expect(await q(store, 'people', { limit: 0 })).to.deep.equal([]);
        expect(await q(store, 'programs')).to.deep.equal([]);
      });

      it('finds records by a single-field index, in id order, honouring limit', async () => {
        const store = await open();
        await seed(store);
        expect(ids(await q(store, 'people', { index: 'managerId', key: 'm1' }))).to.deep.equal(['p1', 'p3', 'p4']);
        expect(ids(await q(store, 'people', { index: 'managerId', key: 'm1', limit: 2 }))).to.deep.equal(['p1', 'p3']);
        expect(ids(await q(store, 'people', { index: 'email', key: 'b@example.com' }))).to.deep.equal(['p2']);
        expect(await q(store, 'people', { index: 'email', key: 'nobody@example.com' })).to.deep.equal([]);
        const [p2] = await q(store, 'people', { index: 'email', key: 'b@example.com' });
        expect(p2).to.deep.equal({ id: 'p2', version: 1, email: 'b@example.com', managerId: 'm2' });
      });

      it('finds records by a compound index with a tuple key, and skips records missing a part', async () => {
        const store = await open();
        await seed(store);
        expect(ids(await q(store, 'enrolments', { index: 'programPerson', key: ['g1', 'p2'] }))).to.deep.equal(['e2']);
        expect(ids(await q(store, 'enrolments', { index: 'programPerson', key: ['g2', 'p1'] }))).to.deep.equal(['e3']);
        expect(await q(store, 'enrolments', { index: 'programPerson', key: ['p1', 'g2'] })).to.deep.equal([]);
        expect(await q(store, 'enrolments', { index: 'programPerson', key: ['g2'] })).to.deep.equal([]);
        expect(ids(await q(store, 'enrolments', { index: 'programId', key: 'g2' }))).to.deep.equal(['e3', 'e4']);
      });

      it('finds records by any element of a multiEntry index, once each', async () => {
        const store = await open();
        await seed(store);
        expect(ids(await q(store, 'matches', { index: 'memberIds', key: 'p1' }))).to.deep.equal(['m-a', 'm-b']);
        expect(ids(await q(store, 'matches', { index: 'memberIds', key: 'p3' }))).to.deep.equal(['m-a', 'm-c']);
        expect(ids(await q(store, 'matches', { index: 'memberIds', key: 'p1', limit: 1 }))).to.deep.equal(['m-a']);
        expect(await q(store, 'matches', { index: 'memberIds', key: 'p9' })).to.deep.equal([]);
      });

      it('matches keys by type (the string "1" is not the number 1)', async () => {
        const store = await open();
        await put(store, 'people', { id: 'n', version: 0, managerId: 1 });
        await put(store, 'people', { id: 's', version: 0, managerId: '1' });
        expect(ids(await q(store, 'people', { index: 'managerId', key: 1 }))).to.deep.equal(['n']);
        expect(ids(await q(store, 'people', { index: 'managerId', key: '1' }))).to.deep.equal(['s']);
      });

      it('keeps indexes in step with updates and deletes', async () => {
        const store = await open();
        await seed(store);
        const [p1] = await q(store, 'people', { index: 'email', key: 'a@example.com' });
        await put(store, 'people', { ...p1!, managerId: 'm2' });
        await store.transaction(['matches'], 'readwrite', (tx) => tx.delete('matches', 'm-a'));
        expect(ids(await q(store, 'people', { index: 'managerId', key: 'm2' }))).to.deep.equal(['p1', 'p2']);
        expect(ids(await q(store, 'matches', { index: 'memberIds', key: 'p1' }))).to.deep.equal(['m-b']);
      });

      it('refuses an unknown index or a missing key with a StorageError', async () => {
        const store = await open();
        expectStorageError(await rejection(q(store, 'people', { index: 'nope', key: 'x' })));
        expectStorageError(await rejection(q(store, 'people', { index: 'email' })));
      });
    });

    describe('subscribe', () => {
      it('fires once per committed transaction with its changes, not for failed or readonly ones', async () => {
        const store = await open();
        const calls: StoreChange[][] = [];
        const unsubscribe = store.subscribe((changes) => calls.push([...changes]));

        await store.transaction(['people', 'programs'], 'readwrite', async (tx) => {
          const p = await tx.put('people', { id: 'p1', version: 0 });
          await tx.put('people', p);
          await tx.put('programs', { id: 'g1', version: 0 });
          await tx.put('people', { id: 'p2', version: 0 });
        });
        expect(calls).to.deep.equal([
          [
            { collection: 'people', id: 'p1', kind: 'put' },
            { collection: 'programs', id: 'g1', kind: 'put' },
            { collection: 'people', id: 'p2', kind: 'put' },
          ],
        ]);

        await rejection(
          store.transaction(['people'], 'readwrite', async (tx) => {
            await tx.put('people', { id: 'p3', version: 0 });
            throw new Error('rolled back');
          }),
        );
        await rejection(put(store, 'people', { id: 'p1', version: 0 }));
        await get(store, 'people', 'p1');
        await store.transaction(['people'], 'readwrite', (tx) => tx.delete('people', 'missing'));
        await store.transaction(['people'], 'readwrite', (tx) => tx.delete('people', 'p2'));
        expect(calls.slice(1)).to.deep.equal([[{ collection: 'people', id: 'p2', kind: 'delete' }]]);

        unsubscribe();
        await put(store, 'people', { id: 'p4', version: 0 });
        // Leave time for any echo (a store must not hear its own cross-context message twice).
        await new Promise((r) => setTimeout(r, 100));
        expect(calls).to.have.length(2);
      });

      it('reports the last write to a record: put then delete is a delete', async () => {
        const store = await open();
        const calls: StoreChange[][] = [];
        store.subscribe((changes) => calls.push([...changes]));
        await store.transaction(['people'], 'readwrite', async (tx) => {
          await tx.put('people', { id: 'p1', version: 0 });
          await tx.delete('people', 'p1');
        });
        expect(calls).to.deep.equal([[{ collection: 'people', id: 'p1', kind: 'delete' }]]);
      });

      it('calls every listener, and each unsubscribe removes only its own', async () => {
        const store = await open();
        let a = 0;
        let b = 0;
        const offA = store.subscribe(() => a++);
        store.subscribe(() => b++);
        await put(store, 'people', { id: 'p1', version: 0 });
        offA();
        offA();
        await put(store, 'people', { id: 'p2', version: 0 });
        expect([a, b]).to.deep.equal([1, 2]);
      });
    });

    if (capabilities.persistent) {
      describe('persistence', () => {
        it('keeps committed data across close and reopen', async () => {
          const first = await open();
          await put(first, 'people', { id: 'p1', version: 0, name: 'Ada' });
          await put(first, 'matches', { id: 'm1', version: 0, memberIds: ['p1', 'p2'] });
          await first.close();
          const second = await open();
          expect(await get(second, 'people', 'p1')).to.deep.equal({ id: 'p1', version: 1, name: 'Ada' });
          const found = await second.transaction(['matches'], 'readonly', (tx) =>
            tx.query('matches', { index: 'memberIds', key: 'p2' }),
          );
          expect(ids(found)).to.deep.equal(['m1']);
        });
      });
    }

    if (capabilities.crossContext) {
      describe('cross-context', () => {
        it('tells subscribers of another store on the same data about committed changes', async () => {
          const writer = await open();
          const reader = await open();
          const heard: StoreChange[][] = [];
          const own: StoreChange[][] = [];
          reader.subscribe((changes) => heard.push([...changes]));
          writer.subscribe((changes) => own.push([...changes]));

          await put(writer, 'people', { id: 'p1', version: 0, name: 'Ada' });
          await rejection(
            writer.transaction(['people'], 'readwrite', async (tx) => {
              await tx.put('people', { id: 'p2', version: 0 });
              throw new Error('rolled back');
            }),
          );
          await waitFor(() => heard.length > 0, 'the change to reach the other store');
          await new Promise((r) => setTimeout(r, 100));
          expect(heard).to.deep.equal([[{ collection: 'people', id: 'p1', kind: 'put' }]]);
          expect(own).to.deep.equal([[{ collection: 'people', id: 'p1', kind: 'put' }]]);
          expect((await get(reader, 'people', 'p1'))?.name).to.equal('Ada');
        });
      });
    }
  });
}
