/**
 * The IndexedDB layout of Upward and its versioned upgrades. The typed `DBSchema` is derived
 * from `collections.ts`, so the table there stays the single source of truth; `migrations` is
 * the ordered list of upgrades, and the database version is the last migration's version.
 *
 * To change the layout, edit `collections.ts` and append a migration — e.g.
 *   { version: 2, migrate: syncSchema }                       // new or changed index
 *   { version: 3, migrate: async (db, tx) => { …cursor over tx.objectStore('people')… } }
 * Never edit or remove a released migration: browsers out there are at every version.
 */
import { openDB } from 'idb';
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { StorageError } from '../errors.ts';
import { collectionNames, collections } from './collections.ts';
import type { CollectionName, IndexDefinition, IndexName, StoredRecord } from './collections.ts';
import { KIND, toStorageError } from './indexeddb-errors.ts';

/** One object store per collection, keyed by `id`, with the indexes of `collections.ts`. */
export type UpwardSchema = {
  [C in CollectionName]: {
    key: string;
    value: StoredRecord;
    indexes: { [I in IndexName<C>]: IDBValidKey };
  };
};

export type UpwardDatabase = IDBPDatabase<UpwardSchema>;
export type UpgradeTransaction = IDBPTransaction<UpwardSchema, StoreNames<UpwardSchema>[], 'versionchange'>;

export interface Migration {
  /** The version this step brings the database to; the list is strictly increasing from 1. */
  version: number;
  /**
   * Runs inside the upgrade transaction. It may await only that transaction's requests (awaiting
   * anything else lets IndexedDB commit a half-done upgrade). Throwing aborts the whole upgrade.
   */
  migrate(db: UpwardDatabase, tx: UpgradeTransaction, fromVersion: number): Promise<void> | void;
}

/**
 * Brings object stores and indexes in line with `collections.ts`: creates missing ones,
 * recreates an index whose definition changed, drops indexes no longer declared. Object stores
 * that are no longer declared are kept: dropping one would lose data, so that takes an explicit
 * migration.
 */
export function syncSchema(db: UpwardDatabase, tx: UpgradeTransaction): void {
  // The generic loop below speaks to idb untyped: per-collection index names do not survive a
  // union over all collections.
  const rawDb = db as unknown as IDBPDatabase;
  const rawTx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
  for (const name of collectionNames) {
    if (!rawDb.objectStoreNames.contains(name)) rawDb.createObjectStore(name, { keyPath: 'id' });
    const store = rawTx.objectStore(name);
    const declared: Record<string, IndexDefinition> = collections[name].indexes;
    for (const existing of [...store.indexNames]) {
      const wanted = Object.hasOwn(declared, existing) ? declared[existing] : undefined;
      const index = store.index(existing);
      if (!wanted || !sameIndex(wanted, index.keyPath, index.multiEntry)) store.deleteIndex(existing);
    }
    for (const [indexName, definition] of Object.entries(declared)) {
      if (store.indexNames.contains(indexName)) continue;
      store.createIndex(indexName, definition.keyPath as string | string[], { multiEntry: definition.multiEntry ?? false });
    }
  }
}

function sameIndex(wanted: IndexDefinition, keyPath: string | string[], multiEntry: boolean): boolean {
  const a = typeof wanted.keyPath === 'string' ? wanted.keyPath : [...wanted.keyPath].join('\u0000');
  const b = typeof keyPath === 'string' ? keyPath : [...keyPath].join('\u0000');
  return a === b && typeof wanted.keyPath === typeof keyPath && (wanted.multiEntry ?? false) === multiEntry;
}

/** Upward's upgrades, oldest first. */
export const migrations: readonly Migration[] = [
  { version: 1, migrate: syncSchema },
  // sessions.matchStatus
  { version: 2, migrate: syncSchema },
];

export interface OpenCallbacks {
  /** Another connection holds an older version open; the open waits until it closes. */
  blocked?: () => void;
  /** Another connection wants to upgrade; ours should close so it can. */
  blocking?: () => void;
  /** The browser closed our connection (storage cleared, disk failure). */
  terminated?: () => void;
}

/**
 * Opens (creating or upgrading) the database `name` at the last migration's version, running
 * every migration newer than the stored version inside the one upgrade transaction. Internal:
 * exported for the store and for migration tests. Rejects only with `StorageError`.
 */
export async function openUpwardDatabase(
  name: string,
  steps: readonly Migration[] = migrations,
  callbacks: OpenCallbacks = {},
): Promise<UpwardDatabase> {
  checkMigrations(steps);
  if (typeof indexedDB === 'undefined') {
    throw new StorageError(KIND, 'unavailable', 'This environment has no IndexedDB (browser storage is unavailable).');
  }
  const version = steps[steps.length - 1]!.version;
  let failure: { error: unknown } | undefined;
  try {
    return await openDB<UpwardSchema>(name, version, {
      upgrade(db, oldVersion, _newVersion, tx) {
        // The open request reports an abort as a bare AbortError; the cause is kept in `failure`.
        tx.done.catch(() => undefined);
        const pending = steps.filter((step) => step.version > oldVersion);
        void (async () => {
          for (const step of pending) await step.migrate(db, tx, oldVersion);
        })().catch((error: unknown) => {
          failure ??= { error };
          try {
            tx.abort();
          } catch {
            // Already finished: nothing left to undo.
          }
        });
      },
      blocked: callbacks.blocked && (() => callbacks.blocked?.()),
      blocking: callbacks.blocking && (() => callbacks.blocking?.()),
      terminated: callbacks.terminated && (() => callbacks.terminated?.()),
    });
  } catch (error) {
    if (failure) {
      const cause = failure.error;
      throw new StorageError(
        KIND,
        'corrupt',
        `Upgrading the saved data of "${name}" to version ${version} failed, so nothing was changed: ${
          cause instanceof Error ? cause.message : String(cause)
        }`,
        { cause },
      );
    }
    throw toStorageError(error, { action: `opening the database "${name}"` });
  }
}

function checkMigrations(steps: readonly Migration[]): void {
  if (steps.length === 0) throw new StorageError(KIND, 'unknown', 'The migration list is empty.');
  steps.forEach((step, i) => {
    const previous = i === 0 ? 0 : steps[i - 1]!.version;
    if (!Number.isSafeInteger(step.version) || step.version <= previous) {
      throw new StorageError(KIND, 'unknown', `Migration versions must be increasing integers from 1 (got ${step.version} after ${previous}).`);
    }
  });
}
