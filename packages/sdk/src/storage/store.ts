/**
 * The Store contract: the only thing services know about persistence. Deliberately small —
 * get, put, delete, query by index, inside one transaction per command — so that a new backend
 * is a day's work and every policy (validation, authorization, lifecycles) stays in the services.
 *
 * Versions: every record carries `version`. `put` writes a record whose `version` is the one the
 * caller read (0 for a new record); the store checks that it still matches what is stored and
 * saves it with `version + 1`. Any mismatch is a `ConflictError`, never a silent overwrite.
 */
import type { CollectionName, IndexName, StoredRecord } from './collections.ts';

export type TransactionMode = 'readonly' | 'readwrite';

export interface TransactionOptions {
  /**
   * `strict` (the default for readwrite) waits until the write is on disk; `relaxed` may return
   * earlier. Only stores with a durability notion (IndexedDB) honour it.
   */
  durability?: 'strict' | 'relaxed';
}

export interface QueryOptions {
  /** Index to look up; without it the whole collection is returned. */
  index?: string;
  /** Exact key to match (a tuple for compound indexes). Required with `index`. */
  key?: unknown;
  limit?: number;
}

export interface StoreTransaction {
  get(collection: CollectionName, id: string): Promise<StoredRecord | undefined>;
  /** Version-checked write; resolves to the record as stored (with its new version). */
  put(collection: CollectionName, record: StoredRecord): Promise<StoredRecord>;
  /** Version-checked delete; deleting a missing record is a no-op when no version is given. */
  delete(collection: CollectionName, id: string, expectedVersion?: number): Promise<void>;
  /** Results come in id order, compared by UTF-16 code unit (IndexedDB's key order). */
  query<C extends CollectionName>(
    collection: C,
    options?: QueryOptions & { index?: IndexName<C> },
  ): Promise<StoredRecord[]>;
}

export interface StoreChange {
  collection: CollectionName;
  id: string;
  kind: 'put' | 'delete';
}

/** Optional abilities a store may declare; the conformance suite tests only what is declared. */
export interface StoreCapabilities {
  /** Survives a reload of the page or process. */
  persistent: boolean;
  /** Another tab or process on the same data sees changes through `subscribe`. */
  crossContext: boolean;
}

export interface Store {
  /** Short name used in error messages: `[store:indexeddb]`. */
  readonly kind: string;
  readonly capabilities: StoreCapabilities;
  /**
   * Runs `work` in one transaction: all its writes land, or none do. `work` must await only the
   * transaction's own operations (IndexedDB ends a transaction that waits on anything else).
   * Throwing from `work` rolls everything back and rethrows the same error.
   */
  transaction<T>(
    collections: readonly CollectionName[],
    mode: TransactionMode,
    work: (tx: StoreTransaction) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T>;
  /**
   * Committed changes, from this context and (if `crossContext`) others. Local listeners have run
   * by the time `transaction()` resolves; rolled-back and readonly transactions report nothing;
   * one change per record (put then delete reports a delete). Returns unsubscribe.
   */
  subscribe(listener: (changes: readonly StoreChange[]) => void): () => void;
  close(): Promise<void>;
}
