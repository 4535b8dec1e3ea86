/**
 * PostgreSQL `Store`: Upward's data in PostgreSQL, through a small driver so the same code runs
 * on PGlite (embedded) and on a server via node-postgres. Layout and migrations are in
 * `postgres-schema.ts`; the rules every adapter shares come from the SDK.
 *
 * Isolation: every `transaction()` is one SERIALIZABLE PostgreSQL transaction. Commands read
 * then write (check a version, count a program's enrolments, look for an existing email), and
 * SERIALIZABLE makes each such command behave as if it ran alone — across processes, and also
 * for what a query did NOT find (row locks such as SELECT … FOR UPDATE cannot lock a row that
 * does not exist yet, so "is this email taken?" would still race). The price is that a losing
 * transaction fails with 40001/40P01; the store then re-runs the whole `work` with backoff
 * (work only touches the transaction, so re-running it is safe) and, after the last attempt,
 * raises `ConflictError`. On PGlite (one connection) transactions simply take turns.
 *
 * Notifications: a committing transaction calls `pg_notify` (delivered only if it commits) so
 * stores in other processes hear about it; local listeners run after COMMIT, before
 * `transaction()` resolves. Each store tags its messages to ignore its own echo.
 */
import { ConflictError, StorageError, isUpwardError } from '@upward/sdk';
import type { CollectionName, Store, StoreChange, StoreTransaction, StoredRecord, TransactionMode } from '@upward/sdk';
import type { PostgresDriver, SqlExecutor } from './postgres-driver.ts';
import { KIND, isRetryable, toStorageError } from './postgres-errors.ts';
import { fieldExpression, migrate, multiEntryExpression, table } from './postgres-schema.ts';
import {
  ChangeLog,
  assertAccess,
  assertRecord,
  assertScope,
  byId,
  checkDeleteVersion,
  checkVersion,
  indexMatches,
  isChangeList,
  misuse,
  notify,
  resolveQuery,
} from '@upward/sdk/storage/adapter-kit';

export interface PostgresStoreOptions {
  /** The database: `pgliteDriver(pglite)` or `nodePgDriver(pool)`. The store does not close it. */
  client: PostgresDriver;
  /** PostgreSQL schema holding the tables; one per data set (tenant, test run). Default `upward`. */
  schema?: string;
  /** Re-runs of a transaction that lost a serialization race. */
  retry?: {
    /** Total attempts, first one included (default 8). */
    attempts?: number;
    /** First backoff in ms, doubled per attempt with jitter (default 5). */
    baseDelayMs?: number;
    /** Backoff ceiling in ms (default 250). */
    maxDelayMs?: number;
  };
  /** Called before each re-run; for metrics and tests. */
  onRetry?: (info: { attempt: number; error: unknown }) => void;
}

export interface PostgresStore extends Store {
  /**
   * Resolves once migrations ran and cross-process notifications are being received. Optional:
   * the first transaction migrates anyway; await it when changes from others must not be missed.
   */
  ready(): Promise<void>;
}

/** One channel for every schema; messages carry their schema and are filtered on arrival. */
export const NOTIFY_CHANNEL = 'upward_store_changes';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay clear of it. */
const MAX_PAYLOAD_BYTES = 7000;

interface ChangeMessage {
  v: 1;
  schema: string;
  origin: string;
  changes: [CollectionName, string, StoreChange['kind']][];
}

/** What one attempt of one transaction knows about itself. */
interface AttemptState {
  active: boolean;
  /** Set when PostgreSQL reported a serialization failure or deadlock: the attempt is dead. */
  retry: ConflictError | undefined;
  /** Set when any other statement failed: PostgreSQL has aborted the transaction. */
  failure: Error | undefined;
  /** The record last written, to name it in a conflict found at COMMIT. */
  last: { collection: CollectionName; id: string } | undefined;
}

export function postgresStore(options: PostgresStoreOptions): PostgresStore {
  const driver = options.client;
  const schema = options.schema ?? 'upward';
  const attempts = Math.max(1, options.retry?.attempts ?? 8);
  const baseDelay = options.retry?.baseDelayMs ?? 5;
  const maxDelay = options.retry?.maxDelayMs ?? 250;
  const origin = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const listeners = new Set<(changes: readonly StoreChange[]) => void>();
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  let migrated: Promise<void> | undefined;

  if (schema === '' || Buffer.byteLength(schema) > 63) {
    throw misuse(KIND, `The schema name must be 1 to 63 bytes long (got "${schema}").`);
  }

  const closedError = () => new StorageError(KIND, 'closed', `The store on schema "${schema}" is closed.`);

  function ensureMigrated(): Promise<void> {
    migrated ??= migrate(driver, schema).catch((error: unknown) => {
      // Let the next transaction try again (the server may come back).
      migrated = undefined;
      throw toStorageError(error, `migrating schema "${schema}"`);
    });
    return migrated;
  }

  // Listen from the start, not from the first subscribe(): a change committed elsewhere between
  // creation and subscribe() would otherwise be missed by a store that awaited ready().
  const listening: Promise<(() => Promise<void>) | undefined> = driver.listen
    ? driver.listen(NOTIFY_CHANNEL, receive).catch((error: unknown) => {
        console.error(`[upward] [store:${KIND}] Cannot receive changes from other processes:`, toStorageError(error));
        return undefined;
      })
    : Promise.resolve(undefined);

  function receive(payload: string): void {
    if (closed) return;
    let message: Partial<ChangeMessage>;
    try {
      message = JSON.parse(payload) as Partial<ChangeMessage>;
    } catch {
      return; // Someone else's message on the channel.
    }
    if (message.v !== 1 || message.schema !== schema || message.origin === origin || !Array.isArray(message.changes)) return;
    const changes = message.changes.map((c) => ({ collection: c?.[0], id: c?.[1], kind: c?.[2] }));
    if (isChangeList(changes)) notify(KIND, listeners, changes);
  }

  /**
   * pg_notify inside the transaction: PostgreSQL delivers it only if the transaction commits.
   * Every statement is issued at once, before this returns, so all of them precede COMMIT.
   */
  function publish(sql: SqlExecutor, changes: StoreChange[]): Promise<void> {
    const encode = (list: StoreChange[]) =>
      JSON.stringify({ v: 1, schema, origin, changes: list.map((c) => [c.collection, c.id, c.kind]) } satisfies ChangeMessage);
    const payloads: string[] = [];
    const split = (list: StoreChange[]): void => {
      const payload = encode(list);
      if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) {
        payloads.push(payload);
      } else if (list.length > 1) {
        // Large transactions (imports) reach other processes as several messages.
        const half = Math.ceil(list.length / 2);
        split(list.slice(0, half));
        split(list.slice(half));
      } else {
        console.error(`[upward] [store:${KIND}] Id too long to announce to other processes: ${list[0]?.collection}.`);
      }
    };
    split(changes);
    return Promise.all(payloads.map((payload) => sql.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, payload]))).then(() => undefined);
  }

  async function run<T>(
    scope: ReadonlySet<CollectionName>,
    mode: TransactionMode,
    work: (tx: StoreTransaction) => Promise<T>,
  ): Promise<T> {
    await ensureMigrated();
    for (let attempt = 1; ; attempt++) {
      const state: AttemptState = { active: true, retry: undefined, failure: undefined, last: undefined };
      const changes = new ChangeLog();
      let workError: { error: unknown } | undefined;
      try {
        let published: Promise<void> | undefined;
        const result = await driver.transaction({ isolation: 'serializable', readOnly: mode === 'readonly' }, async (sql) => {
          let value: T;
          try {
            value = await work(transactionHandle(sql, schema, scope, mode, changes, state));
          } catch (error) {
            workError = { error };
            throw error;
          } finally {
            state.active = false;
          }
          // Work may have caught the error of a dead attempt and returned: COMMIT would then
          // quietly roll back, so fail (or re-run) instead of reporting a success.
          if (state.retry) throw state.retry;
          if (state.failure) throw state.failure;
          // Not awaited: the driver runs it before COMMIT, and a pipelining driver sends both in
          // one round trip. Should it fail, PostgreSQL answers that COMMIT with a rollback, and
          // its error is thrown below: nothing was committed.
          if (changes.size > 0 && driver.listen) {
            published = publish(sql, changes.list());
            published.catch(() => undefined);
          }
          return value;
        });
        await published;
        if (changes.size > 0) notify(KIND, listeners, changes.list());
        return result;
      } catch (error) {
        const retryable = state.retry !== undefined || (isRetryable(error) && workError?.error !== error);
        if (!retryable) {
          // Work's own errors (and the Upward errors it saw) leave exactly as thrown.
          if (workError && workError.error === error) throw error;
          throw toStorageError(error, 'committing the transaction');
        }
        if (attempt >= attempts || closed) throw exhausted(state, scope, error);
        options.onRetry?.({ attempt, error });
        const delay = Math.min(maxDelay, baseDelay * 2 ** (attempt - 1)) * (0.5 + Math.random());
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  function exhausted(state: AttemptState, scope: ReadonlySet<CollectionName>, cause: unknown): ConflictError {
    const collection = state.last?.collection ?? [...scope][0]!;
    const id = state.last?.id ?? '';
    const error = new ConflictError(
      collection,
      id,
      `[store:${KIND}] ${collection}${id ? ` "${id}"` : ''} kept changing under concurrent transactions; gave up after ${attempts} attempts.`,
    );
    (error as { cause?: unknown }).cause = cause;
    return error;
  }

  return {
    kind: KIND,
    capabilities: { persistent: driver.persistent, crossContext: driver.listen !== undefined },

    async ready() {
      if (closed) throw closedError();
      await ensureMigrated();
      await listening;
    },

    transaction(names, mode, work) {
      if (closed) return Promise.reject(closedError());
      let scope: Set<CollectionName>;
      try {
        scope = assertScope(KIND, names);
      } catch (error) {
        return Promise.reject(error);
      }
      const promise = run(scope, mode, work);
      const tracked = promise.then(
        () => undefined,
        () => undefined,
      );
      inFlight.add(tracked);
      void tracked.then(() => inFlight.delete(tracked));
      return promise;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    async close() {
      if (closed) return;
      // Transactions already started may finish; new ones are refused.
      closed = true;
      await Promise.all(inFlight);
      const stop = await listening;
      await stop?.().catch(() => undefined);
      listeners.clear();
    },
  };
}

/** The `StoreTransaction` of one attempt; every statement goes through `statement()`. */
function transactionHandle(
  sql: SqlExecutor,
  schema: string,
  scope: ReadonlySet<CollectionName>,
  mode: TransactionMode,
  changes: ChangeLog,
  state: AttemptState,
): StoreTransaction {
  const enter = (c: CollectionName, write: boolean) => {
    if (!state.active) throw misuse(KIND, `The transaction on ${c} has already finished; await its operations inside work.`);
    assertAccess(KIND, scope, mode, c, write);
  };

  /** Runs statements of one operation; a driver error never leaves raw. */
  async function statement<T>(action: string, c: CollectionName, id: string, run: () => Promise<T>): Promise<T> {
    if (state.retry) throw state.retry;
    if (state.failure) {
      throw new StorageError(KIND, 'unknown', `An earlier statement of this transaction failed, so ${action} was refused: ${state.failure.message}`, {
        cause: state.failure,
      });
    }
    try {
      return await run();
    } catch (error) {
      if (isUpwardError(error)) throw error; // a version conflict: the transaction is still healthy
      if (isRetryable(error)) {
        // Work sees a conflict (what it would get after the last attempt); the store re-runs it.
        state.retry = new ConflictError(c, id, `[store:${KIND}] ${c} "${id}" was changed by a concurrent transaction (${action}).`);
        throw state.retry;
      }
      state.failure = toStorageError(error, action);
      throw state.failure;
    }
  }

  const readVersion = async (c: CollectionName, id: string): Promise<StoredRecord | undefined> => {
    const { rows } = await sql.query<{ version: number }>(`SELECT version FROM ${table(schema, c)} WHERE id = $1`, [id], READ);
    return rows[0] ? { id, version: rows[0].version } : undefined;
  };

  return {
    async get(c, id) {
      enter(c, false);
      return statement(`reading ${c} "${id}"`, c, id, async () => {
        const { rows } = await sql.query<Row>(`SELECT id, version, data::text AS data FROM ${table(schema, c)} WHERE id = $1`, [id], READ);
        return rows[0] && fromRow(rows[0]);
      });
    },

    async put(c, record) {
      enter(c, true);
      assertRecord(KIND, c, record);
      const { id, version, ...fields } = record;
      const json = encode(c, id, fields);
      return statement(`saving ${c} "${id}"`, c, id, async () => {
        state.last = { collection: c, id };
        const t = table(schema, c);
        const { rows } =
          version === 0
            ? await sql.query(`INSERT INTO ${t} (id, version, data) VALUES ($1, 1, $2::jsonb) ON CONFLICT (id) DO NOTHING RETURNING version`, [id, json])
            : await sql.query(`UPDATE ${t} SET version = version + 1, data = $3::jsonb WHERE id = $1 AND version = $2 RETURNING version`, [
                id,
                version,
                json,
              ]);
        if (rows.length === 0) {
          checkVersion(KIND, c, record, await readVersion(c, id));
          // Unreachable under SERIALIZABLE (the row cannot change between the two statements).
          throw new ConflictError(c, id, `[store:${KIND}] ${c} "${id}" was changed by someone else.`);
        }
        changes.add(c, id, 'put');
        // Built from the JSON actually stored: the result equals what a later get() returns.
        return { id, version: version + 1, ...(JSON.parse(json) as Record<string, unknown>) };
      });
    },

    async delete(c, id, expectedVersion) {
      enter(c, true);
      return statement(`deleting ${c} "${id}"`, c, id, async () => {
        state.last = { collection: c, id };
        const t = table(schema, c);
        const { rows } =
          expectedVersion === undefined
            ? await sql.query(`DELETE FROM ${t} WHERE id = $1 RETURNING id`, [id])
            : await sql.query(`DELETE FROM ${t} WHERE id = $1 AND version = $2 RETURNING id`, [id, expectedVersion]);
        if (rows.length > 0) {
          changes.add(c, id, 'delete');
          return;
        }
        if (expectedVersion !== undefined) {
          checkDeleteVersion(KIND, c, id, expectedVersion, await readVersion(c, id));
          throw new ConflictError(c, id, `[store:${KIND}] ${c} "${id}" was changed by someone else.`);
        }
      });
    },

    async query(c, queryOptions) {
      enter(c, false);
      const { index, key, limit } = resolveQuery(KIND, c, queryOptions);
      if (limit === 0) return [];
      let where = '';
      let params: string[] = [];
      if (index) {
        const { keyPath, multiEntry } = index.definition;
        if (typeof keyPath !== 'string') {
          // A compound index matches only a tuple of the same length.
          if (!Array.isArray(key) || key.length !== keyPath.length) return [];
          where = `WHERE ${keyPath.map((f, i) => `${fieldExpression(f)} = $${i + 1}::jsonb`).join(' AND ')}`;
          params = key.map((part) => JSON.stringify(part));
        } else if (multiEntry) {
          where = `WHERE ${multiEntryExpression(keyPath)} @> $1::jsonb`;
          params = [JSON.stringify([key])];
        } else {
          where = `WHERE ${fieldExpression(keyPath)} = $1::jsonb`;
          params = [JSON.stringify(key)];
        }
      }
      // jsonb equality is IndexedDB key equality for strings, numbers and arrays of them. Keys
      // it cannot express (dates, infinities, arrays inside a multiEntry lookup) are narrowed in
      // SQL and decided by the shared rule, so LIMIT must wait until after that filter.
      const exact = !index || exactKey(key, index.definition.multiEntry === true);
      const sqlLimit = exact && Number.isFinite(limit) ? ` LIMIT ${Math.floor(limit)}` : '';
      const found = await statement(`querying ${c}${index ? ` by ${index.name}` : ''}`, c, '', async () => {
        const { rows } = await sql.query<Row>(
          `SELECT id, version, data::text AS data FROM ${table(schema, c)} ${where} ORDER BY id${sqlLimit}`,
          params,
          READ,
        );
        return rows.map(fromRow);
      });
      const matching = exact || !index ? found : found.filter((r) => indexMatches(r, index.definition, key));
      // "C" order is code-point order; the contract's is UTF-16 code units. They differ only
      // between astral characters and U+E000–U+FFFF, so re-sorting fixes unlimited queries; a
      // LIMIT may, in that rare case, pick a different first N.
      return matching.sort(byId).slice(0, limit);
    },
  };
}

/** The store's SELECTs only read: a pipelining driver may send them along with BEGIN. */
const READ = { read: true } as const;

interface Row {
  id: string;
  version: number;
  data: string;
}

function fromRow(row: Row): StoredRecord {
  return { id: row.id, version: row.version, ...(JSON.parse(row.data) as Record<string, unknown>) };
}

/** JSON text of a record's fields; refuses what JSON cannot hold instead of losing it quietly. */
function encode(c: CollectionName, id: string, fields: Record<string, unknown>): string {
  try {
    return JSON.stringify(fields);
  } catch (error) {
    throw new StorageError(KIND, 'unknown', `${c} "${id}" holds a value that cannot be stored as JSON (a cycle or a BigInt).`, {
      cause: error,
    });
  }
}

/** Can jsonb equality / containment decide this key exactly like IndexedDB would? */
function exactKey(key: unknown, multiEntry: boolean): boolean {
  if (multiEntry && Array.isArray(key)) return false;
  const plain = (v: unknown): boolean =>
    typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || (Array.isArray(v) && v.every(plain));
  return plain(key);
}
