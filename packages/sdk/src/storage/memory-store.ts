/**
 * In-memory `Store`: for tests, demos and server-side runs that need no persistence. It honours
 * the whole contract (versions, rollback, indexes, subscribe) so code tested against it behaves
 * the same on IndexedDB and PostgreSQL.
 *
 * Transactions run one at a time (a promise queue): a read-then-write inside one transaction can
 * never interleave with another, which is what IndexedDB gives for overlapping readwrite scopes.
 * Do not start a transaction from inside another one's `work`: it would wait for the outer one
 * forever (IndexedDB would instead commit the outer one early; both are bugs).
 */
import { StorageError } from '../errors.ts';
import { collectionNames } from './collections.ts';
import type { CollectionName, StoredRecord } from './collections.ts';
import type { Store, StoreChange, StoreTransaction, TransactionMode } from './store.ts';
import {
  ChangeLog,
  assertAccess,
  assertRecord,
  assertScope,
  byId,
  checkDeleteVersion,
  checkVersion,
  indexMatches,
  misuse,
  notify,
  resolveQuery,
} from './store-rules.ts';

export interface MemoryStoreOptions {
  /** Shown in error messages only; two memory stores never share data. */
  name?: string;
}

const KIND = 'memory';

type Table = Map<string, StoredRecord>;
/** Pending writes of one transaction: a record, or null for a delete. */
type Overlay = Map<CollectionName, Map<string, StoredRecord | null>>;

/** A deep copy going in, so the caller keeps no handle on stored state; refuses what IndexedDB would. */
function cloneIn(c: CollectionName, record: StoredRecord): StoredRecord {
  try {
    return structuredClone(record);
  } catch (error) {
    throw new StorageError(KIND, 'unknown', `${c} "${record.id}" holds a value that cannot be stored (functions, DOM nodes, …).`, {
      cause: error,
    });
  }
}

export function memoryStore(options: MemoryStoreOptions = {}): Store {
  const label = options.name ? ` "${options.name}"` : '';
  const tables = new Map<CollectionName, Table>(collectionNames.map((c) => [c, new Map()]));
  const listeners = new Set<(changes: readonly StoreChange[]) => void>();
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const table = (c: CollectionName): Table => tables.get(c)!;

  async function run<T>(
    scope: ReadonlySet<CollectionName>,
    mode: TransactionMode,
    work: (tx: StoreTransaction) => Promise<T>,
  ): Promise<T> {
    const overlay: Overlay = new Map();
    const changes = new ChangeLog();
    let active = true;

    const pending = (c: CollectionName) => {
      let m = overlay.get(c);
      if (!m) overlay.set(c, (m = new Map()));
      return m;
    };
    /** The record as this transaction sees it (its own writes first), not copied. */
    const current = (c: CollectionName, id: string): StoredRecord | undefined => {
      const own = overlay.get(c)?.get(id);
      if (own !== undefined) return own ?? undefined;
      return table(c).get(id);
    };
    const enter = (c: CollectionName, write: boolean) => {
      // Like IndexedDB's TransactionInactiveError: an operation after the end is a bug in `work`.
      if (!active) throw misuse(KIND, `The transaction on ${c} has already finished; await its operations inside work.`);
      assertAccess(KIND, scope, mode, c, write);
    };

    const tx: StoreTransaction = {
      async get(c, id) {
        enter(c, false);
        const record = current(c, id);
        return record && structuredClone(record);
      },
      async put(c, record) {
        enter(c, true);
        assertRecord(KIND, c, record);
        checkVersion(KIND, c, record, current(c, record.id));
        const saved = cloneIn(c, { ...record, version: record.version + 1 });
        pending(c).set(saved.id, saved);
        changes.add(c, saved.id, 'put');
        return structuredClone(saved);
      },
      async delete(c, id, expectedVersion) {
        enter(c, true);
        const stored = current(c, id);
        if (expectedVersion !== undefined) checkDeleteVersion(KIND, c, id, expectedVersion, stored);
        if (stored === undefined) return;
        pending(c).set(id, null);
        changes.add(c, id, 'delete');
      },
      async query(c, queryOptions) {
        enter(c, false);
        const { index, key, limit } = resolveQuery(KIND, c, queryOptions);
        if (limit === 0) return [];
        // A scan, not a maintained index: the memory store holds test-sized data, and a scan
        // cannot drift out of step with the overlay.
        const merged = new Map(table(c));
        for (const [id, r] of overlay.get(c) ?? []) {
          if (r === null) merged.delete(id);
          else merged.set(id, r);
        }
        const found: StoredRecord[] = [];
        for (const r of merged.values()) {
          if (!index || indexMatches(r, index.definition, key)) found.push(r);
        }
        return found
          .sort(byId)
          .slice(0, limit)
          .map((r) => structuredClone(r));
      },
    };

    try {
      const result = await work(tx);
      active = false;
      for (const [c, writes] of overlay) {
        for (const [id, r] of writes) {
          if (r === null) table(c).delete(id);
          else table(c).set(id, r);
        }
      }
      if (changes.size > 0) notify(KIND, listeners, changes.list());
      return result;
    } finally {
      // On a throw the overlay is simply dropped: nothing was written, the error goes out as is.
      active = false;
    }
  }

  return {
    kind: KIND,
    capabilities: { persistent: false, crossContext: false },
    transaction(names, mode, work) {
      if (closed) return Promise.reject(new StorageError(KIND, 'closed', `The memory store${label} is closed.`));
      let scope: Set<CollectionName>;
      try {
        scope = assertScope(KIND, names);
      } catch (error) {
        return Promise.reject(error);
      }
      const result = queue.then(() => run(scope, mode, work));
      queue = result.catch(() => undefined);
      return result;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      // Transactions already started may finish; new ones are refused.
      closed = true;
      await queue;
      listeners.clear();
    },
  };
}
