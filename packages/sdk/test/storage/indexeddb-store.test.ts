// The IndexedDB store against the Store conformance suite, plus its own regressions: upgrades,
// blocked/blocking connections, error mapping (quota above all) and durability.
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { ConflictError, StorageError } from '../../src/errors.ts';
import { testStore } from '../../src/storage/conformance.ts';
import { isQuotaError, toStorageError } from '../../src/storage/indexeddb-errors.ts';
import { migrations, openUpwardDatabase, syncSchema } from '../../src/storage/indexeddb-schema.ts';
import type { Migration } from '../../src/storage/indexeddb-schema.ts';
import { indexedDbStore } from '../../src/storage/indexeddb-store.ts';
import { collectionNames, collections } from '../../src/storage/collections.ts';
import type { StoredRecord } from '../../src/storage/collections.ts';
import type { Store } from '../../src/storage/store.ts';

testStore({
  name: 'indexedDbStore',
  create: async (name) => indexedDbStore({ name }),
  destroy: (name) => deleteDB(name),
  capabilities: { persistent: true, crossContext: true },
  expect,
});

let dbNo = 0;
const uniqueName = () => `upward-idb-test-${Date.now().toString(36)}-${++dbNo}-${Math.random().toString(36).slice(2, 7)}`;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

async function waitFor(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A release after today's: it marks every person as migrated. */
const markPeople: Migration = {
  version: migrations[migrations.length - 1]!.version + 1,
  async migrate(_db, tx) {
    let cursor = await tx.objectStore('people').openCursor();
    while (cursor) {
      await cursor.update({ ...cursor.value, migrated: true });
      cursor = await cursor.continue();
    }
  },
};
const nextRelease = [...migrations, markPeople];

describe('indexedDbStore', () => {
  let name = '';
  let cleanup: Array<{ close(): unknown }> = [];

  beforeEach(() => {
    name = uniqueName();
    cleanup = [];
  });

  afterEach(async () => {
    for (const c of cleanup) await c.close();
    await deleteDB(name);
  });

  const track = <T extends { close(): unknown }>(thing: T): T => {
    cleanup.push(thing);
    return thing;
  };
  const put = (store: Store, record: StoredRecord) => store.transaction(['people'], 'readwrite', (tx) => tx.put('people', record));
  const get = (store: Store, id: string) => store.transaction(['people'], 'readonly', (tx) => tx.get('people', id));

  describe('schema and migrations', () => {
    it('creates one object store per collection, keyed by id, with every index', async () => {
      const db = track(await openUpwardDatabase(name));
      const raw = db as unknown as IDBPDatabase;
      expect(db.version).to.equal(migrations[migrations.length - 1]!.version);
      expect([...raw.objectStoreNames].sort()).to.deep.equal([...collectionNames].sort());
      const tx = raw.transaction([...collectionNames], 'readonly');
      for (const c of collectionNames) {
        const store = tx.objectStore(c);
        expect(store.keyPath).to.equal('id');
        const declared = collections[c].indexes as Record<string, { keyPath: string | readonly string[]; multiEntry?: boolean }>;
        expect([...store.indexNames].sort()).to.deep.equal(Object.keys(declared).sort());
        for (const [indexName, def] of Object.entries(declared)) {
          const index = store.index(indexName);
          expect(index.keyPath).to.deep.equal(def.keyPath);
          expect(index.multiEntry).to.equal(def.multiEntry ?? false);
        }
      }
      await tx.done;
    });

    it('upgrades a database created by an older release and keeps its data', async () => {
      const v1 = indexedDbStore({ name });
      await put(v1, { id: 'p1', version: 0, email: 'a@example.com' });
      await put(v1, { id: 'p2', version: 0, email: 'b@example.com' });
      await v1.close();

      const v2 = track(indexedDbStore({ name, migrations: nextRelease }));
      expect(await get(v2, 'p1')).to.deep.equal({ id: 'p1', version: 1, email: 'a@example.com', migrated: true });
      const byEmail = await v2.transaction(['people'], 'readonly', (tx) => tx.query('people', { index: 'email', key: 'b@example.com' }));
      expect(byEmail).to.deep.equal([{ id: 'p2', version: 1, email: 'b@example.com', migrated: true }]);
      const db = track(await openUpwardDatabase(name, nextRelease));
      expect(db.version).to.equal(markPeople.version);
    });

    it('adds the sessions.matchStatus index to a database of the first release, keeping its sessions', async () => {
      const first = await openDB(name, 1, {
        // The first release's sessions store, without the index (the other indexes do not matter here).
        upgrade(db) {
          for (const c of collectionNames) db.createObjectStore(c, { keyPath: 'id' });
        },
      });
      const tx = first.transaction('sessions', 'readwrite');
      await tx.store.put({ id: 's1', version: 1, matchId: 'm1', status: 'planned' });
      await tx.store.put({ id: 's2', version: 1, matchId: 'm1', status: 'held' });
      await tx.done;
      first.close();

      const store = track(indexedDbStore({ name }));
      const planned = await store.transaction(['sessions'], 'readonly', (tx) => tx.query('sessions', { index: 'matchStatus', key: ['m1', 'planned'] }));
      expect(planned.map((r) => r.id)).to.deep.equal(['s1']);
    });

    it('brings an older layout in line with collections.ts (missing stores, stale indexes)', async () => {
      const old = await openDB(name, 1, {
        upgrade(db) {
          const people = db.createObjectStore('people', { keyPath: 'id' });
          people.createIndex('email', 'email');
          people.createIndex('legacy', 'legacy');
          people.createIndex('managerId', 'boss'); // same name, different key path
        },
      });
      await old.put('people', { id: 'p1', version: 1, email: 'a@example.com', managerId: 'm1' });
      old.close();

      const store = track(indexedDbStore({ name, migrations: [{ version: 1, migrate: () => undefined }, { version: 2, migrate: syncSchema }] }));
      const found = await store.transaction(['people', 'matches'], 'readonly', async (tx) => ({
        byManager: await tx.query('people', { index: 'managerId', key: 'm1' }),
        matches: await tx.query('matches', { index: 'memberIds', key: 'p1' }),
      }));
      expect(found.byManager.map((r) => r.id)).to.deep.equal(['p1']);
      expect(found.matches).to.deep.equal([]);
      const db = track(await openUpwardDatabase(name, [{ version: 1, migrate: () => undefined }, { version: 2, migrate: syncSchema }]));
      const raw = db as unknown as IDBPDatabase;
      expect([...raw.transaction('people').objectStore('people').indexNames].sort()).to.deep.equal(['email', 'managerId']);
    });

    it('rolls back a failing migration as a whole and reports it as a StorageError', async () => {
      const v1 = indexedDbStore({ name });
      await put(v1, { id: 'p1', version: 0 });
      await v1.close();
      const broken: Migration = {
        version: markPeople.version,
        async migrate(_db, tx) {
          await tx.objectStore('people').put({ id: 'p1', version: 99 });
          throw new Error('bad data in people');
        },
      };
      const error = await rejection(openUpwardDatabase(name, [...migrations, broken]));
      expect(error).to.be.instanceOf(StorageError);
      expect((error as StorageError).reason).to.equal('corrupt');
      expect((error as Error).message).to.contain('bad data in people');
      const again = track(indexedDbStore({ name }));
      expect(await get(again, 'p1')).to.deep.equal({ id: 'p1', version: 1 });
    });

    it('refuses a list of migrations that is not strictly increasing', async () => {
      const error = await rejection(openUpwardDatabase(name, [{ version: 2, migrate: () => undefined }, { version: 2, migrate: () => undefined }]));
      expect(error).to.be.instanceOf(StorageError);
    });

    it('fails with reason "outdated" when the database is newer than this code', async () => {
      (await openUpwardDatabase(name, nextRelease)).close();
      const store = track(indexedDbStore({ name }));
      const error = await rejection(get(store, 'p1'));
      expect(error).to.be.instanceOf(StorageError);
      expect((error as StorageError).reason).to.equal('outdated');
    });
  });

  describe('connections', () => {
    it('gives way to a newer release in another tab (blocking), then reports itself outdated', async () => {
      let versionChanges = 0;
      let blocked = 0;
      const older = track(indexedDbStore({ name, onVersionChange: () => versionChanges++ }));
      await put(older, { id: 'p1', version: 0 });

      const newer = track(indexedDbStore({ name, migrations: nextRelease, onBlocked: () => blocked++ }));
      expect((await get(newer, 'p1'))?.migrated).to.equal(true);
      expect(versionChanges).to.equal(1);
      expect(blocked).to.equal(0);

      const error = await rejection(get(older, 'p1'));
      expect(error).to.be.instanceOf(StorageError);
      expect((error as StorageError).reason).to.equal('outdated');
    });

    it('waits while an old connection that ignores versionchange is open (blocked), then upgrades', async () => {
      const stubborn = await openUpwardDatabase(name); // no `blocking` handler: it never lets go
      let blocked = 0;
      const newer = track(indexedDbStore({ name, migrations: nextRelease, onBlocked: () => blocked++ }));
      let settled = false;
      const pending = put(newer, { id: 'p1', version: 0 }).finally(() => (settled = true));
      await waitFor(() => blocked > 0, 'onBlocked');
      await new Promise((r) => setTimeout(r, 50));
      expect(settled).to.equal(false);
      stubborn.close();
      expect((await pending).version).to.equal(1);
      expect(blocked).to.equal(1);
    });

    it('lets go for a deleteDatabase elsewhere and reopens on the next transaction', async () => {
      let versionChanges = 0;
      const store = track(indexedDbStore({ name, onVersionChange: () => versionChanges++ }));
      await put(store, { id: 'p1', version: 0 });
      await deleteDB(name);
      expect(versionChanges).to.equal(1);
      expect(await get(store, 'p1')).to.equal(undefined);
      expect((await put(store, { id: 'p1', version: 0 })).version).to.equal(1);
    });

    it('uses strict durability for writes unless relaxed is asked for', async () => {
      const seen: Array<{ mode: unknown; durability: unknown }> = [];
      const original = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof original>) {
        seen.push({ mode: args[1], durability: args[2]?.durability });
        return original.apply(this, args);
      } as typeof original;
      try {
        const store = track(indexedDbStore({ name }));
        await put(store, { id: 'p1', version: 0 });
        await store.transaction(['people'], 'readwrite', (tx) => tx.delete('people', 'p1'), { durability: 'relaxed' });
        await get(store, 'p1');
      } finally {
        IDBDatabase.prototype.transaction = original;
      }
      expect(seen).to.deep.equal([
        { mode: 'readwrite', durability: 'strict' },
        { mode: 'readwrite', durability: 'relaxed' },
        { mode: 'readonly', durability: undefined },
      ]);
    });
  });

  describe('errors', () => {
    it('maps QuotaExceededError to StorageError reason "quota" with a readable message', () => {
      const raw = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const error = toStorageError(raw);
      expect(error).to.be.instanceOf(StorageError);
      expect((error as StorageError).reason).to.equal('quota');
      expect((error as StorageError).code).to.equal('storage');
      expect(error.message).to.contain('[upward] [store:indexeddb]').and.contain('no room left');
      expect(error.cause).to.equal(raw);
    });

    it('recognises quota behind an AbortError (transaction error, message or cause)', () => {
      const abort = new DOMException('The transaction was aborted.', 'AbortError');
      const quota = new DOMException('Quota exceeded.', 'QuotaExceededError');
      expect((toStorageError(abort, { transactionError: quota }) as StorageError).reason).to.equal('quota');
      expect(isQuotaError(new DOMException('Transaction aborted: storage quota reached', 'AbortError'))).to.equal(true);
      expect(isQuotaError(new Error('commit failed', { cause: quota }))).to.equal(true);
      expect(isQuotaError(abort)).to.equal(false);
      expect((toStorageError(abort) as StorageError).reason).to.equal('unknown');
    });

    it('maps other DOMExceptions to a fitting reason and passes Upward errors through', () => {
      const reasonOf = (name: string) => (toStorageError(new DOMException('x', name)) as StorageError).reason;
      expect(reasonOf('VersionError')).to.equal('outdated');
      expect(reasonOf('InvalidStateError')).to.equal('closed');
      expect(reasonOf('UnknownError')).to.equal('unavailable');
      expect(reasonOf('SecurityError')).to.equal('unavailable');
      expect(reasonOf('NotFoundError')).to.equal('corrupt');
      expect(reasonOf('DataCloneError')).to.equal('unknown');
      expect(toStorageError(new DOMException('x', 'SomethingNew'))).to.be.instanceOf(StorageError);
      const conflict = new ConflictError('people', 'p1', 'stale');
      expect(toStorageError(conflict)).to.equal(conflict);
    });

    it('never lets a raw DOMException out of a transaction', async () => {
      const store = track(indexedDbStore({ name }));
      const unclonable = await rejection(put(store, { id: 'p1', version: 0, fn: () => 1 }));
      expect(unclonable).to.be.instanceOf(StorageError);
      const badKey = await rejection(store.transaction(['people'], 'readonly', (tx) => tx.query('people', { index: 'email', key: { not: 'a key' } })));
      expect(badKey).to.be.instanceOf(StorageError);
      // Awaiting something other than the transaction's own requests lets IndexedDB end it.
      const inactive = await rejection(
        store.transaction(['people'], 'readwrite', async (tx) => {
          await new Promise((r) => setTimeout(r, 20));
          await tx.put('people', { id: 'late', version: 0 });
        }),
      );
      expect(inactive).to.be.instanceOf(StorageError);
      expect(inactive).not.to.be.instanceOf(DOMException);
      expect(await get(store, 'late')).to.equal(undefined);
    });
  });
});
