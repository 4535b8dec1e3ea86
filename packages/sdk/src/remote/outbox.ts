/**
 * The offline outbox: writes the server has not confirmed yet, kept in IndexedDB so they survive
 * a reload, in the order they were made, each with the `Idempotency-Key` it will be sent with
 * (so a replay after a lost answer cannot apply twice). Writes the server refused on replay move
 * to a `failed` list the UI shows until the person discards them — nothing is dropped silently.
 *
 * This module only stores; sending is the client's (`client-outbox.ts`). Every tab of the origin
 * shares one database; a BroadcastChannel tells the other tabs' UIs that it changed.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import { StorageError } from '../errors.ts';
import { toStorageError } from '../storage/indexeddb-errors.ts';
import { WireFieldIssue } from './explanations.ts';

/** One write waiting to be sent. `input` is the method's argument exactly as the caller gave it. */
export const OutboxEntry = z.object({
  id: z.string(),
  /** Insertion order, assigned by IndexedDB: the replay order. */
  seq: z.number(),
  /** The operation's name in the contract, e.g. `sessions.log`. */
  operation: z.string(),
  input: z.unknown(),
  idempotencyKey: z.string(),
  /** Whose write it is: only that person's client sends it. */
  personId: z.string(),
  createdAt: z.string(),
  /** Replays that ended without an answer (network, timeout, 5xx). */
  attempts: z.number(),
  lastError: z.nullable(z.object({ code: z.string(), message: z.string() })),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** A write the server refused on replay (a 4xx): the UI shows why, then the person discards it. */
export const FailedEntry = z.object({
  ...OutboxEntry.shape,
  failedAt: z.string(),
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(WireFieldIssue)),
  }),
});
export type FailedEntry = z.infer<typeof FailedEntry>;

export type NewOutboxEntry = Omit<OutboxEntry, 'seq' | 'attempts' | 'lastError'>;

interface OutboxSchema extends DBSchema {
  pending: { key: number; value: OutboxEntry; indexes: { byId: string } };
  failed: { key: string; value: FailedEntry };
}

export interface OutboxOptions {
  /** Database name (default `upward-outbox`); also names the BroadcastChannel between tabs. */
  name?: string;
  /** Another tab keeps an older version of the outbox open, so an upgrade waits. */
  onBlocked?: () => void;
}

export interface Outbox {
  readonly name: string;
  add(entry: NewOutboxEntry): Promise<OutboxEntry>;
  /** Waiting writes of `personId` (all when omitted), oldest first. */
  pending(personId?: string): Promise<OutboxEntry[]>;
  failed(personId?: string): Promise<FailedEntry[]>;
  /** The server confirmed it: gone from the outbox. */
  complete(id: string): Promise<void>;
  /** A replay got no answer: counted, kept in place. */
  noteAttempt(id: string, error: { code: string; message: string }): Promise<void>;
  /** The server refused it: moved to `failed` in one transaction, so it is never in neither list. */
  fail(id: string, error: FailedEntry['error']): Promise<void>;
  /** Removes a pending or failed entry the person gave up on. */
  discard(id: string): Promise<void>;
  /** Removes `personId`'s entries, pending and failed (everyone's when omitted), in one transaction: sign-out. */
  clear(personId?: string): Promise<void>;
  /** Called after any change, here or in another tab. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  close(): void;
}

const VERSION = 1;
const KIND = 'outbox';

export function openOutbox(options: OutboxOptions = {}): Outbox {
  const name = options.name ?? 'upward-outbox';
  const listeners = new Set<() => void>();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`upward-outbox:${name}`) : undefined;
  let db: IDBPDatabase<OutboxSchema> | undefined;
  let opening: Promise<IDBPDatabase<OutboxSchema>> | undefined;
  let closed = false;

  const emit = () => {
    for (const listener of [...listeners]) listener();
  };
  if (channel) channel.onmessage = (event: MessageEvent) => {
    if (event.data === 'upward:outbox-changed') emit();
  };
  const changed = () => {
    channel?.postMessage('upward:outbox-changed');
    emit();
  };

  function connect(): Promise<IDBPDatabase<OutboxSchema>> {
    if (closed) return Promise.reject(new StorageError(KIND, 'closed', `The outbox "${name}" is closed.`));
    if (db) return Promise.resolve(db);
    let self: IDBPDatabase<OutboxSchema> | undefined;
    const forget = () => {
      if (db === self) db = undefined;
    };
    opening ??= openDB<OutboxSchema>(name, VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('pending', { keyPath: 'seq', autoIncrement: true }).createIndex('byId', 'id', { unique: true });
          database.createObjectStore('failed', { keyPath: 'id' });
        }
      },
      blocked: () => options.onBlocked?.(),
      // Another tab upgrades: let go now; the next call reopens (and fails as outdated if it must).
      blocking: () => {
        forget();
        self?.close();
      },
      terminated: forget,
    }).then(
      (opened) => {
        opening = undefined;
        self = opened;
        db = opened;
        return opened;
      },
      (error: unknown) => {
        opening = undefined;
        throw toStorageError(error, { action: `opening the outbox "${name}"` });
      },
    );
    return opening;
  }

  /** Runs one IndexedDB step, mapping its failures onto `StorageError` (quota, closed, …). */
  async function run<T>(action: string, step: (database: IDBPDatabase<OutboxSchema>) => Promise<T>): Promise<T> {
    const database = await connect();
    try {
      return await step(database);
    } catch (error) {
      throw toStorageError(error, { action });
    }
  }

  const readPending = (values: unknown[]) => values.map((v) => OutboxEntry.parse(v));
  const readFailed = (values: unknown[]) => values.map((v) => FailedEntry.parse(v));

  return {
    name,
    async add(entry) {
      const stored = await run('queueing a write', async (database) => {
        const tx = database.transaction('pending', 'readwrite', { durability: 'strict' });
        const value = { ...entry, attempts: 0, lastError: null } as OutboxEntry;
        // `seq` comes from the key generator; the record is stored without it, then read back.
        delete (value as Partial<OutboxEntry>).seq;
        const seq = await tx.store.add(value);
        await tx.done;
        return { ...value, seq };
      });
      changed();
      return stored;
    },
    pending: (personId) =>
      run('reading the outbox', async (database) => readPending(await database.getAll('pending'))).then((all) =>
        personId === undefined ? all : all.filter((e) => e.personId === personId),
      ),
    failed: (personId) =>
      run('reading the outbox', async (database) => readFailed(await database.getAll('failed'))).then((all) =>
        (personId === undefined ? all : all.filter((e) => e.personId === personId)).sort((a, b) => a.seq - b.seq),
      ),
    async complete(id) {
      await run('removing a sent write', async (database) => {
        const tx = database.transaction('pending', 'readwrite', { durability: 'strict' });
        const seq = await tx.store.index('byId').getKey(id);
        if (seq !== undefined) await tx.store.delete(seq);
        await tx.done;
      });
      changed();
    },
    async noteAttempt(id, error) {
      await run('counting a replay', async (database) => {
        const tx = database.transaction('pending', 'readwrite', { durability: 'strict' });
        const current = await tx.store.index('byId').get(id);
        if (current) await tx.store.put({ ...current, attempts: current.attempts + 1, lastError: error });
        await tx.done;
      });
      changed();
    },
    async fail(id, error) {
      await run('moving a refused write to the failed list', async (database) => {
        const tx = database.transaction(['pending', 'failed'], 'readwrite', { durability: 'strict' });
        const pending = tx.objectStore('pending');
        const current = await pending.index('byId').get(id);
        if (current) {
          await tx.objectStore('failed').put({ ...current, attempts: current.attempts + 1, failedAt: new Date().toISOString(), error });
          await pending.delete(current.seq);
        }
        await tx.done;
      });
      changed();
    },
    async discard(id) {
      await run('discarding a write', async (database) => {
        const tx = database.transaction(['pending', 'failed'], 'readwrite', { durability: 'strict' });
        const pending = tx.objectStore('pending');
        const seq = await pending.index('byId').getKey(id);
        if (seq !== undefined) await pending.delete(seq);
        await tx.objectStore('failed').delete(id);
        await tx.done;
      });
      changed();
    },
    async clear(personId) {
      await run('clearing the outbox', async (database) => {
        const tx = database.transaction(['pending', 'failed'], 'readwrite', { durability: 'strict' });
        for (const name of ['pending', 'failed'] as const) {
          const store = tx.objectStore(name);
          if (personId === undefined) await store.clear();
          else {
            for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
              if ((cursor.value as { personId?: unknown }).personId === personId) await cursor.delete();
            }
          }
        }
        await tx.done;
      });
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
      channel?.close();
      db?.close();
      db = undefined;
    },
  };
}
