/**
 * Rules every store adapter applies the same way: the version check, the change log a committed
 * transaction reports to `subscribe`, the checks on collection / index / key arguments, and the
 * IndexedDB key semantics (valid keys, equality, multiEntry) that non-IndexedDB stores imitate so
 * that a query answers the same on every backend. Kept here so adapters stay thin and agree.
 */
import { ConflictError, StorageError } from '../errors.ts';
import { collections, indexKeyOf } from './collections.ts';
import type { CollectionName, IndexDefinition, StoredRecord } from './collections.ts';
import type { QueryOptions, StoreChange, TransactionMode } from './store.ts';

/** Throws the `ConflictError` of the contract unless `record.version` matches what is stored. */
export function checkVersion(
  kind: string,
  collection: CollectionName,
  record: StoredRecord,
  stored: StoredRecord | undefined,
): void {
  const actual = stored?.version;
  if (record.version === 0 && actual === undefined) return;
  if (actual === record.version) return;
  const where = `[store:${kind}] ${collection} "${record.id}"`;
  if (record.version === 0) {
    throw new ConflictError(collection, record.id, `${where} already exists (expected version 0, found version ${actual}).`);
  }
  throw new ConflictError(
    collection,
    record.id,
    actual === undefined
      ? `${where} no longer exists (expected version ${record.version}, found none).`
      : `${where} was changed by someone else (expected version ${record.version}, found version ${actual}).`,
  );
}

/** The same check for a delete that names a version. */
export function checkDeleteVersion(
  kind: string,
  collection: CollectionName,
  id: string,
  expectedVersion: number,
  stored: StoredRecord | undefined,
): void {
  if (stored?.version === expectedVersion) return;
  const where = `[store:${kind}] ${collection} "${id}"`;
  throw new ConflictError(
    collection,
    id,
    stored === undefined
      ? `${where} no longer exists (expected version ${expectedVersion}, found none).`
      : `${where} was changed by someone else (expected version ${expectedVersion}, found version ${stored.version}).`,
  );
}

/** Rejects a record the contract cannot version: a bad id or version is a caller bug, not data. */
export function assertRecord(kind: string, collection: CollectionName, record: StoredRecord): void {
  if (typeof record !== 'object' || record === null) {
    throw misuse(kind, `put(${collection}) needs a record object.`);
  }
  if (typeof record.id !== 'string' || record.id === '') {
    throw misuse(kind, `put(${collection}) needs a record with a non-empty string id.`);
  }
  if (!Number.isSafeInteger(record.version) || record.version < 0) {
    throw misuse(kind, `put(${collection}, "${record.id}") needs a version that is an integer >= 0 (0 for a new record).`);
  }
}

/**
 * Checks that `collection` exists, is in the transaction's scope and, for writes, that the
 * transaction is readwrite. IndexedDB enforces all three; the other stores check them too so a
 * bug that would break in the browser also breaks in the memory store's tests.
 */
export function assertAccess(
  kind: string,
  scope: ReadonlySet<CollectionName>,
  mode: TransactionMode,
  collection: CollectionName,
  write: boolean,
): void {
  if (!scope.has(collection)) {
    throw misuse(kind, `"${collection}" is not among the collections this transaction was opened on (${[...scope].join(', ')}).`);
  }
  if (write && mode !== 'readwrite') {
    throw misuse(kind, `Cannot write to "${collection}" in a readonly transaction.`);
  }
}

/** Validates a transaction's collection list before anything is opened. */
export function assertScope(kind: string, names: readonly CollectionName[]): Set<CollectionName> {
  if (names.length === 0) throw misuse(kind, 'A transaction needs at least one collection.');
  for (const name of names) {
    if (!Object.hasOwn(collections, name)) throw misuse(kind, `Unknown collection "${String(name)}".`);
  }
  return new Set(names);
}

/** The index a query names (undefined for a whole-collection query), with its key checked. */
export function resolveQuery(
  kind: string,
  collection: CollectionName,
  options: QueryOptions | undefined,
): { index: { name: string; definition: IndexDefinition } | undefined; key: unknown; limit: number } {
  const limit = options?.limit ?? Number.POSITIVE_INFINITY;
  if (typeof limit !== 'number' || Number.isNaN(limit) || limit < 0) {
    throw misuse(kind, `query(${collection}) limit must be a number >= 0.`);
  }
  if (options?.index === undefined) return { index: undefined, key: undefined, limit };
  const indexes: Record<string, IndexDefinition> = collections[collection].indexes;
  const definition = Object.hasOwn(indexes, options.index) ? indexes[options.index] : undefined;
  if (!definition) throw misuse(kind, `Collection "${collection}" has no index "${options.index}".`);
  if (!isValidKey(options.key)) {
    throw misuse(
      kind,
      `query(${collection}, index "${options.index}") needs a key that is a string, number, date${
        typeof definition.keyPath === 'string' ? '' : ' or, for this compound index, an array of those'
      }.`,
    );
  }
  return { index: { name: options.index, definition }, key: options.key, limit };
}

/**
 * Does `record` appear under `key` in the index? IndexedDB semantics: values that are not valid
 * keys are not indexed; a multiEntry array is indexed once per distinct valid element.
 */
export function indexMatches(record: StoredRecord, index: IndexDefinition, key: unknown): boolean {
  const value = indexKeyOf(record, index);
  if (index.multiEntry && Array.isArray(value)) return value.some((v) => isValidKey(v) && keysEqual(v, key));
  return isValidKey(value) && keysEqual(value, key);
}

/**
 * IndexedDB's valid keys, minus binary keys (Upward's JSON records never hold them): finite or
 * infinite numbers (not NaN), strings, valid dates, and arrays of valid keys.
 */
export function isValidKey(value: unknown, seen: Set<unknown> = new Set()): boolean {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (Array.isArray(value)) {
    if (seen.has(value)) return false;
    seen.add(value);
    return value.every((v) => isValidKey(v, seen));
  }
  return false;
}

/** Key equality as IndexedDB compares keys (type first, then value; arrays element-wise). */
export function keysEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => keysEqual(v, b[i]));
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return typeof a === typeof b && a === b;
}

/** Primary-key order, as IndexedDB returns results: UTF-16 code units, not locale order. */
export function byId(a: StoredRecord, b: StoredRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The changes one transaction made, one entry per record (the last write wins: put then delete
 * reports a delete), in the order records were first touched.
 */
export class ChangeLog {
  readonly #changes = new Map<string, StoreChange>();

  add(collection: CollectionName, id: string, kind: StoreChange['kind']): void {
    const key = `${collection}\u0000${id}`;
    const existing = this.#changes.get(key);
    if (existing) existing.kind = kind;
    else this.#changes.set(key, { collection, id, kind });
  }

  get size(): number {
    return this.#changes.size;
  }

  list(): StoreChange[] {
    return [...this.#changes.values()].map((c) => ({ ...c }));
  }
}

/**
 * Calls every listener with its own copy of the changes; a throwing listener must not stop the
 * others nor turn a committed transaction into a failed one, so its error is only logged.
 */
export function notify(
  kind: string,
  listeners: Iterable<(changes: readonly StoreChange[]) => void>,
  changes: readonly StoreChange[],
): void {
  for (const listener of [...listeners]) {
    try {
      listener(Object.freeze(changes.map((c) => Object.freeze({ ...c }))));
    } catch (error) {
      console.error(`[upward] [store:${kind}] A subscribe listener threw:`, error);
    }
  }
}

/** Is `value` a well-formed list of changes (for messages from other contexts)? */
export function isChangeList(value: unknown): value is StoreChange[] {
  return (
    Array.isArray(value) &&
    value.every(
      (c: unknown) =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as StoreChange).id === 'string' &&
        Object.hasOwn(collections, (c as StoreChange).collection) &&
        ((c as StoreChange).kind === 'put' || (c as StoreChange).kind === 'delete'),
    )
  );
}

/**
 * Programming mistakes (unknown collection, write in a readonly transaction, bad query key) are
 * reported as `StorageError` so a caller never sees a backend's raw exception; `unknown` is the
 * only reason of the contract that fits them.
 */
export function misuse(kind: string, message: string): StorageError {
  return new StorageError(kind, 'unknown', message);
}
