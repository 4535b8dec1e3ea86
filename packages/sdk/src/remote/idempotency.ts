/**
 * Idempotency for the REST contract: a mutation sent twice with the same `Idempotency-Key` (a
 * retry after a dropped connection, an offline outbox replaying) is applied once, and the second
 * answer is the first one, byte for byte. The handler owns the policy; a store only keeps records.
 * `memoryIdempotencyStore` serves tests, msw and single-process servers; the reference server has
 * a PostgreSQL store behind the same interface.
 */

/** The handler's fingerprint of a request: which actor sent it and a hash of what it asked. */
export interface IdempotencyScope {
  actorId: string;
  fingerprint: string;
}

/** A finished answer, kept to replay: status, headers and the exact body text. */
export interface StoredResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

export type IdempotencyBegin =
  /** First time: go ahead, then `complete` (or `abandon`). */
  | { state: 'new' }
  /** Seen and finished: answer with this. */
  | { state: 'replay'; response: StoredResponse }
  /** Seen and still running (a concurrent retry): 409. */
  | { state: 'in-progress' }
  /** The key was used for a different request: 422. */
  | { state: 'mismatch' };

/**
 * The store the handler keeps idempotency records in. `key` is already namespaced by the handler
 * with the actor's id, so two people's keys never meet. `begin` must be atomic: of two concurrent
 * calls with a new key, exactly one gets `new`.
 */
export interface IdempotencyStore {
  begin(key: string, scope: IdempotencyScope): Promise<IdempotencyBegin>;
  /** Keeps the answer for replays (the handler stores 2xx–4xx; never 5xx). */
  complete(key: string, response: StoredResponse): Promise<void>;
  /** Forgets a key whose request failed on the server's side, so a retry runs again. */
  abandon(key: string): Promise<void>;
}

export interface MemoryIdempotencyOptions {
  /** How long a finished answer is kept. Default 24 hours. */
  ttlMs?: number;
  /** How long a request may hold its key before another attempt may take it over. Default 5 minutes. */
  lockMs?: number;
  /** At most this many records; the oldest go first. Default 10,000. */
  maxEntries?: number;
  now?: () => number;
}

interface MemoryRecord {
  scope: IdempotencyScope;
  startedAt: number;
  response: StoredResponse | null;
}

export function memoryIdempotencyStore(options: MemoryIdempotencyOptions = {}): IdempotencyStore {
  const { ttlMs = 24 * 60 * 60 * 1000, lockMs = 5 * 60 * 1000, maxEntries = 10_000, now = Date.now } = options;
  // A Map iterates in insertion order, so the first entries are the oldest.
  const records = new Map<string, MemoryRecord>();

  const expired = (record: MemoryRecord, at: number) =>
    record.response ? at - record.startedAt > ttlMs : at - record.startedAt > lockMs;

  function prune(at: number): void {
    for (const [key, record] of records) {
      if (records.size <= maxEntries && !expired(record, at)) break;
      if (records.size > maxEntries || expired(record, at)) records.delete(key);
    }
  }

  return {
    // Synchronous inside: two concurrent begins cannot interleave.
    async begin(key, scope) {
      const at = now();
      prune(at);
      const record = records.get(key);
      if (record && !expired(record, at)) {
        if (record.scope.actorId !== scope.actorId || record.scope.fingerprint !== scope.fingerprint) return { state: 'mismatch' };
        return record.response ? { state: 'replay', response: record.response } : { state: 'in-progress' };
      }
      records.delete(key);
      records.set(key, { scope, startedAt: at, response: null });
      return { state: 'new' };
    },
    async complete(key, response) {
      const record = records.get(key);
      if (record) record.response = { status: response.status, headers: response.headers.map(([k, v]) => [k, v]), body: response.body };
    },
    async abandon(key) {
      records.delete(key);
    },
  };
}
