/**
 * IndexedDB `Store`: Upward's data in the browser, one object store per collection (layout and
 * upgrades in `indexeddb-schema.ts`). Changes committed in one tab reach `subscribe` listeners
 * in the others through a BroadcastChannel.
 *
 * The connection opens lazily on the first transaction and reopens after the browser closed it
 * (`terminated`) or we gave it up so another tab could upgrade (`blocking`); if that other tab
 * brought a newer version, this code is outdated and transactions fail with reason `outdated`.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { unwrap } from 'idb';
import { StorageError } from '../errors.ts';
import type { CollectionName, StoredRecord } from './collections.ts';
import { KIND, toStorageError } from './indexeddb-errors.ts';
import { migrations as upwardMigrations, openUpwardDatabase } from './indexeddb-schema.ts';
import type { Migration, UpwardDatabase } from './indexeddb-schema.ts';
import type { Store, StoreChange, StoreTransaction, TransactionMode, TransactionOptions } from './store.ts';
import {
  ChangeLog,
  assertAccess,
  assertRecord,
  assertScope,
  checkDeleteVersion,
  checkVersion,
  isChangeList,
  misuse,
  notify,
  resolveQuery,
} from './store-rules.ts';

export interface IndexedDbStoreOptions {
  /** Database name; also names the BroadcastChannel (`upward:<name>`) shared by tabs. */
  name: string;
  /** Another tab keeps an older version open, so an upgrade waits: ask the user to close it. */
  onBlocked?: () => void;
  /** Another tab is upgrading the database; this store let go of its connection. Suggest a reload. */
  onVersionChange?: () => void;
  /** @internal The upgrade list to open with (defaults to Upward's); tests play older and newer releases with it. */
  migrations?: readonly Migration[];
}

/** What goes over the BroadcastChannel: tagged, so other messages on the channel are ignored. */
interface ChangeMessage {
  type: 'upward:store-changes';
  changes: StoreChange[];
}

/** idb is driven untyped here: the generic adapter code works over every collection at once. */
type RawTransaction = IDBPTransaction<unknown, string[], IDBTransactionMode>;
type WriteTransaction = IDBPTransaction<unknown, string[], 'readwrite'>;

/** getAll's count is an unsigned long. */
const MAX_COUNT = 2 ** 32 - 1;

export function indexedDbStore(options: IndexedDbStoreOptions): Store {
  const steps = options.migrations ?? upwardMigrations;
  const listeners = new Set<(changes: readonly StoreChange[]) => void>();
  let db: UpwardDatabase | undefined;
  let opening: Promise<UpwardDatabase> | undefined;
  let channel: BroadcastChannel | undefined;
  let closed = false;

  const closedError = () => new StorageError(KIND, 'closed', `The store "${options.name}" is closed.`);

  function connect(): Promise<UpwardDatabase> {
    if (db) return Promise.resolve(db);
    if (opening) return opening;
    // Which connection the callbacks speak for: after a reopen, the old one's events must not
    // drop the new one.
    let self: UpwardDatabase | undefined;
    const forget = () => {
      if (db === self) db = undefined;
    };
    opening = openUpwardDatabase(options.name, steps, {
      blocked: () => options.onBlocked?.(),
      blocking: () => {
        // Let the other tab upgrade now; transactions in flight still finish on this connection.
        forget();
        self?.close();
        options.onVersionChange?.();
      },
      terminated: forget,
    }).then(
      (opened) => {
        opening = undefined;
        self = opened;
        if (closed) {
          opened.close();
          throw closedError();
        }
        db = opened;
        return opened;
      },
      (error: unknown) => {
        opening = undefined;
        throw error;
      },
    );
    return opening;
  }

  async function begin(scope: readonly CollectionName[], mode: TransactionMode, txOptions?: TransactionOptions): Promise<RawTransaction> {
    const open = () =>
      connect().then((database) => {
        const raw = database as unknown as IDBPDatabase;
        const tx: RawTransaction =
          mode === 'readwrite'
            ? raw.transaction([...scope], mode, { durability: txOptions?.durability ?? 'strict' })
            : raw.transaction([...scope], mode);
        return tx;
      });
    try {
      return await open();
    } catch (error) {
      // The connection can close between connect() and transaction() (another tab's upgrade,
      // the browser): one retry on a fresh connection.
      if (closed || (error as { name?: unknown } | null)?.name !== 'InvalidStateError') throw toStorageError(error, { action: 'starting a transaction' });
      db = undefined;
      try {
        return await open();
      } catch (retryError) {
        throw toStorageError(retryError, { action: 'starting a transaction' });
      }
    }
  }

  function broadcast(changes: StoreChange[]): void {
    const message: ChangeMessage = { type: 'upward:store-changes', changes };
    try {
      openChannel()?.postMessage(message);
    } catch (error) {
      // Other tabs missing one notification is not worth failing a committed transaction for.
      console.error(`[upward] [store:${KIND}] Could not tell other tabs about a change:`, error);
    }
  }

  function openChannel(): BroadcastChannel | undefined {
    if (channel || closed || typeof BroadcastChannel !== 'function') return channel;
    channel = new BroadcastChannel(`upward:${options.name}`);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data as Partial<ChangeMessage> | null;
      if (data?.type === 'upward:store-changes' && isChangeList(data.changes)) notify(KIND, listeners, data.changes);
    };
    return channel;
  }

  return {
    kind: KIND,
    capabilities: { persistent: true, crossContext: true },

    async transaction(names, mode, work, txOptions) {
      if (closed) throw closedError();
      const scope = assertScope(KIND, names);
      const tx = await begin([...scope], mode, txOptions);
      // Always observed, so an abort never surfaces as an unhandled rejection.
      const done = tx.done.then(
        () => undefined,
        (error: unknown) => error ?? new DOMException('The transaction was aborted.', 'AbortError'),
      );
      const changes = new ChangeLog();
      const state = { active: true };
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await work(transactionHandle(tx, scope, mode, changes, state));
      } catch (error) {
        state.active = false;
        try {
          tx.abort();
        } catch {
          // Already aborted (a failed request) or finished: nothing left to undo.
        }
        await done;
        throw error;
      }
      state.active = false;
      try {
        // Commit now rather than when the event loop idles; a no-op if IndexedDB already did.
        tx.commit();
      } catch {
        // Already committing or aborted: `done` tells which.
      }
      const failure = await done;
      if (failure !== undefined) throw toStorageError(failure, { action: 'saving the transaction', transactionError: tx.error });
      if (changes.size > 0) {
        const list = changes.list();
        notify(KIND, listeners, list);
        broadcast(list);
      }
      return result;
    },

    subscribe(listener) {
      listeners.add(listener);
      openChannel();
      return () => {
        listeners.delete(listener);
      };
    },

    async close() {
      closed = true;
      channel?.close();
      channel = undefined;
      listeners.clear();
      // close() lets transactions in flight finish; a pending open closes itself when it lands.
      db?.close();
      db = undefined;
      await opening?.catch(() => undefined);
    },
  };
}

function transactionHandle(
  tx: RawTransaction,
  scope: ReadonlySet<CollectionName>,
  mode: TransactionMode,
  changes: ChangeLog,
  state: { active: boolean },
): StoreTransaction {
  const enter = (c: CollectionName, write: boolean) => {
    if (!state.active) throw misuse(KIND, `The transaction on ${c} has already finished; await its operations inside work.`);
    assertAccess(KIND, scope, mode, c, write);
  };
  /** Runs one request; whatever it throws leaves as a StorageError. */
  const request = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toStorageError(error, { action, transactionError: tx.error });
    }
  };
  const writable = () => tx as unknown as WriteTransaction;

  return {
    async get(c, id) {
      enter(c, false);
      return request(`reading ${c} "${id}"`, () => tx.objectStore(c).get(id) as Promise<StoredRecord | undefined>);
    },

    async put(c, record) {
      enter(c, true);
      assertRecord(KIND, c, record);
      // Upward errors (the conflict) pass through `request` unchanged.
      return request(`saving ${c} "${record.id}"`, async () => {
        const store = writable().objectStore(c);
        const saved: StoredRecord = { ...record, version: record.version + 1 };
        if (record.version === 0) {
          // A new record is one add() instead of a read and a write: imports write thousands.
          if (!(await addIfAbsent(unwrap(store) as IDBObjectStore, saved))) {
            checkVersion(KIND, c, record, (await store.get(record.id)) as StoredRecord | undefined);
          }
        } else {
          checkVersion(KIND, c, record, (await store.get(record.id)) as StoredRecord | undefined);
          await store.put(saved);
        }
        changes.add(c, record.id, 'put');
        // A copy, so the result shares nothing with the caller's input.
        return structuredClone(saved);
      });
    },

    async delete(c, id, expectedVersion) {
      enter(c, true);
      return request(`deleting ${c} "${id}"`, async () => {
        const store = writable().objectStore(c);
        const stored = (await store.get(id)) as StoredRecord | undefined;
        if (expectedVersion !== undefined) checkDeleteVersion(KIND, c, id, expectedVersion, stored);
        if (stored === undefined) return;
        await store.delete(id);
        changes.add(c, id, 'delete');
      });
    },

    async query(c, queryOptions) {
      enter(c, false);
      const { index, key, limit } = resolveQuery(KIND, c, queryOptions);
      if (limit === 0) return [];
      const count = Number.isFinite(limit) ? Math.min(Math.floor(limit), MAX_COUNT) : undefined;
      return request(`querying ${c}${index ? ` by ${index.name}` : ''}`, () => {
        const store = tx.objectStore(c);
        return (index ? store.index(index.name).getAll(key as IDBValidKey, count) : store.getAll(undefined, count)) as Promise<StoredRecord[]>;
      });
    },
  };
}

/**
 * `add` that reports an existing key as `false` instead of failing: the error event is cancelled,
 * because an unhandled request error would abort the whole transaction, and a conflict is the
 * caller's to handle.
 */
function addIfAbsent(store: IDBObjectStore, value: StoredRecord): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = store.add(value);
    req.onsuccess = () => resolve(true);
    req.onerror = (event) => {
      if (req.error?.name !== 'ConstraintError') return reject(req.error);
      event.preventDefault();
      event.stopPropagation();
      resolve(false);
    };
  });
}
