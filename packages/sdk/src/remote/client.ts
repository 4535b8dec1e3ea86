/**
 * `connectUpward`: the `Upward` interface over HTTP, generated from the contract's `operations`
 * table (no second route table), so widgets run unchanged against a server. Reads retry; writes
 * retry with one `Idempotency-Key` per call, and when there is no connection they wait in the
 * offline outbox (IndexedDB) and the call rejects with `QueuedOfflineError` — never a false
 * "saved". `subscribe` merges the server's change feed with this client's own confirmed writes.
 */
import { Actor } from '../services/authorization.ts';
import { parseInput } from '../domain/fields.ts';
import type { ChangeEvent, Upward } from '../upward.ts';
import { NetworkError, ProtocolError, QueuedOfflineError } from './client-errors.ts';
import { browserEnvironment, type ClientEnvironment } from './client-environment.ts';
import { openEventStream } from './client-events.ts';
import { outboxDrainer, type DrainReport, type OutboxDrainer } from './client-outbox.ts';
import { changesOf, EchoFilter } from './client-changes.ts';
import { buildRequest, operationList, operations, type Operation, type OperationName } from './contract.ts';
import { openOutbox, type FailedEntry, type Outbox, type OutboxEntry } from './outbox.ts';
import { createTransport, type Transport, type TransportOptions } from './transport.ts';

export interface ConnectOptions extends Omit<TransportOptions, 'environment'> {
  /**
   * Where writes wait while offline: options for the IndexedDB outbox (default name
   * `upward-outbox`), an outbox you opened, or `false` to reject offline writes with a
   * `NetworkError` instead. Defaults to on where IndexedDB exists.
   */
  outbox?: false | { name?: string; retryDelayMs?: number } | Outbox;
  /** Replace connectivity, visibility, locks, timers (tests; a Worker). */
  environment?: Partial<ClientEnvironment>;
  /** Idempotency keys (default `crypto.randomUUID`). */
  idempotencyKey?: () => string;
  /** `false` to never open the server's change feed (`subscribe` then hears this client's own writes only). */
  events?: boolean;
}

/** What the UI shows about writes that are not on the server yet. */
export interface OutboxState {
  pending: OutboxEntry[];
  failed: FailedEntry[];
}

export interface OutboxView {
  /** This person's writes waiting to be sent, oldest first. */
  pending(): Promise<OutboxEntry[]>;
  /** Writes the server refused on replay, with its reason; they stay until discarded. */
  failed(): Promise<FailedEntry[]>;
  /** Gives up on a pending or failed write. */
  discard(id: string): Promise<void>;
  /** Sends what is pending now (also happens by itself when the connection returns). */
  flush(): Promise<DrainReport>;
  /** Called with the state now and after every change (any tab). Returns the unsubscribe function. */
  subscribe(listener: (state: OutboxState) => void): () => void;
}

export interface RemoteUpward extends Upward {
  readonly outbox: OutboxView;
  /** Forgets this person's queued writes (pending and failed) on this device, then closes the client. */
  signOut(): Promise<void>;
  /** Stops the change feed, the timers and the outbox connection. */
  close(): void;
}

export interface RemoteUpwardOptions extends ConnectOptions {
  /** Who the server will say is acting; `connectUpward` asks the server instead. */
  actor: { personId: string; isAdmin?: boolean };
}

/**
 * Connects to an Upward server and resolves once the acting person is known (`GET /session`:
 * the person and admin flag the server derived from the credentials), so `client.actor` is real
 * from the first line of the host's code. When the host already knows who is signed in, pass
 * `actor` and no request is made; the server still decides every permission.
 */
export async function connectUpward(options: ConnectOptions & { actor?: RemoteUpwardOptions['actor'] }): Promise<RemoteUpward> {
  if (options.actor) return remoteUpward({ ...options, actor: options.actor });
  const environment = { ...browserEnvironment(), ...options.environment };
  const transport = createTransport({ ...options, environment });
  const answer = await transport.send({ method: 'GET', path: '/session', headers: {} }, { operation: 'session', retry: true });
  const session = Actor.safeParse(answer.body);
  if (!session.success) throw new ProtocolError('session', answer.status, '"session" answered with data that breaks the contract (expected { personId, isAdmin }).');
  return remoteUpward({ ...options, actor: session.data });
}

/** Parses a result by the operation's output schema: anything else is a protocol error. */
function parseOutput(op: Operation, body: unknown): unknown {
  const parsed = op.output['~standard'].validate(body ?? null);
  if (parsed instanceof Promise) throw new TypeError(`[upward] output schema of ${op.name} is async`);
  if (parsed.issues) {
    const where = parsed.issues
      .slice(0, 3)
      .map((i) => `${(i.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new ProtocolError(op.name, 200, `"${op.name}" answered with data that breaks the contract (${where}).`);
  }
  return parsed.value;
}

async function read(transport: Transport, op: Operation, input: unknown, { signal, onProgress }: CallOptions = {}): Promise<unknown> {
  const parts = buildRequest(op, input);
  const answer = await transport.send(
    { method: parts.method, path: parts.path, query: parts.query, headers: parts.headers, body: parts.body },
    { operation: op.name, retry: true, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) },
  );
  return parseOutput(op, answer.body);
}

/** The options a read may take (`matching.suggest`'s): cancel it, follow its progress. */
interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

function hasIndexedDb(): boolean {
  return typeof (globalThis as { indexedDB?: unknown }).indexedDB === 'object';
}

/** The client for a known actor, ready at once (the behaviour suite and hosts with their own sign-in use it). */
export function remoteUpward(options: RemoteUpwardOptions): RemoteUpward {
  const actor = parseInput(Actor, options.actor, 'actor');
  const environment: ClientEnvironment = { ...browserEnvironment(), ...options.environment };
  const transport = createTransport({ ...options, environment });
  const newKey = options.idempotencyKey ?? (() => crypto.randomUUID());
  const listeners = new Set<(changes: readonly ChangeEvent[]) => void>();
  const echoes = new EchoFilter();
  let stopEvents: (() => void) | undefined;

  const outboxOption = options.outbox ?? (hasIndexedDb() ? {} : false);
  const ownsOutbox = outboxOption !== false && !('add' in outboxOption);
  const outbox: Outbox | null = outboxOption === false ? null : 'add' in outboxOption ? outboxOption : openOutbox(outboxOption);

  const emit = (changes: readonly ChangeEvent[]) => {
    if (changes.length === 0) return;
    for (const listener of [...listeners]) listener(changes);
  };
  /** This client's confirmed write: announced now, and its echo from the feed dropped. */
  const announce = (op: Operation, result: unknown) => {
    if (listeners.size === 0) return;
    emit(echoes.fromSelf(changesOf(op, result)));
  };

  async function send(op: Operation, input: unknown, idempotencyKey: string): Promise<unknown> {
    const parts = buildRequest(op, input, { idempotencyKey });
    const answer = await transport.send(
      { method: parts.method, path: parts.path, query: parts.query, headers: parts.headers, body: parts.body },
      // Safe to repeat: the server answers a repeated key with the first answer.
      { operation: op.name, retry: true },
    );
    return parseOutput(op, answer.body);
  }

  const drainer: OutboxDrainer | null = outbox
    ? outboxDrainer({
        outbox,
        environment,
        personId: actor.personId,
        send: (entry) => send(operationFor(entry.operation), entry.input, entry.idempotencyKey),
        onSent: (entry, result) => announce(operationFor(entry.operation), result),
        ...(outboxOption && 'retryDelayMs' in outboxOption && outboxOption.retryDelayMs !== undefined ? { retryDelayMs: outboxOption.retryDelayMs } : {}),
      })
    : null;

  async function enqueue(op: Operation, input: unknown, idempotencyKey: string): Promise<OutboxEntry> {
    return outbox!.add({
      id: crypto.randomUUID(),
      operation: op.name,
      // Stored as plain data: what the caller passed may hold class instances or proxies.
      input: input === undefined ? undefined : JSON.parse(JSON.stringify(input)),
      idempotencyKey,
      personId: actor.personId,
      createdAt: new Date().toISOString(),
    });
  }

  async function mutate(op: Operation, input: unknown): Promise<unknown> {
    // Malformed calls fail now, the same on both engines, and never reach the outbox.
    buildRequest(op, input);
    const key = newKey();
    if (!outbox || !drainer) return send(op, input, key).then((result) => (announce(op, result), result));
    if (!environment.online()) {
      const entry = await enqueue(op, input, key);
      throw new QueuedOfflineError(entry.id, op.name);
    }
    // Older writes wait: this one goes behind them, so the server sees them in order.
    if ((await outbox.pending(actor.personId)).length > 0) {
      const entry = await enqueue(op, input, key);
      const result = await drainer.settle(entry);
      return result;
    }
    try {
      const result = await send(op, input, key);
      announce(op, result);
      return result;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      // No answer: the write may or may not have landed. Queued with the SAME key, the replay
      // either applies it or gets the first answer back — never twice.
      const entry = await enqueue(op, input, key).catch(() => {
        throw error;
      });
      void drainer.drain().catch(() => undefined);
      throw new QueuedOfflineError(entry.id, op.name, { cause: error });
    }
  }

  function call(op: Operation, args: unknown[]): Promise<unknown> {
    const input = op.argument === 'none' ? undefined : args[0];
    if (op.mutation) return mutate(op, input);
    const options = (args[1] ?? {}) as CallOptions;
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    return read(transport, op, input, options);
  }

  // The namespaces and methods come from the table: a new operation there is a new method here.
  const namespaces: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  let home: (() => Promise<unknown>) | undefined;
  for (const op of operationList) {
    const fn = (...args: unknown[]) => call(op, args);
    if (op.namespace) (namespaces[op.namespace] ??= {})[op.method] = fn;
    else if (op.name === 'home') home = fn;
  }

  function subscribe(listener: (changes: readonly ChangeEvent[]) => void): () => void {
    listeners.add(listener);
    if (!stopEvents && options.events !== false) {
      stopEvents = openEventStream({ transport, environment, onEvents: (changes) => emit(echoes.fromFeed(changes)) });
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        stopEvents?.();
        stopEvents = undefined;
      }
    };
  }

  const outboxView: OutboxView = {
    pending: async () => (outbox ? outbox.pending(actor.personId) : []),
    failed: async () => (outbox ? outbox.failed(actor.personId) : []),
    discard: async (id) => outbox?.discard(id),
    flush: async () => (drainer ? drainer.drain() : { sent: 0, failed: 0, remaining: 0 }),
    subscribe(listener) {
      if (!outbox) {
        listener({ pending: [], failed: [] });
        return () => {};
      }
      let active = true;
      const push = async () => {
        const [pending, failed] = await Promise.all([outbox.pending(actor.personId), outbox.failed(actor.personId)]);
        if (active) listener({ pending, failed });
      };
      void push().catch(() => undefined);
      const stop = outbox.subscribe(() => void push().catch(() => undefined));
      return () => {
        active = false;
        stop();
      };
    },
  };

  function close() {
    stopEvents?.();
    stopEvents = undefined;
    listeners.clear();
    drainer?.dispose();
    if (ownsOutbox) outbox?.close();
  }

  // Whatever an earlier page left queued goes out as soon as this client exists.
  if (drainer && environment.online()) void drainer.drain().catch(() => undefined);

  return {
    actor,
    ...(namespaces as unknown as Pick<Upward, 'programs' | 'people' | 'enrolments' | 'matches' | 'matching' | 'agreements' | 'sessions' | 'actionItems'>),
    home: home as Upward['home'],
    subscribe,
    outbox: outboxView,
    async signOut() {
      drainer?.dispose();
      if (outbox) {
        // No confidential write stays behind: this person's entries go, pending and failed.
        await outbox.clear(actor.personId);
      }
      close();
    },
    close,
  };
}

function operationFor(name: string): Operation {
  const op = (operations as Record<string, Operation>)[name];
  if (!op) throw new ProtocolError(name, 0, `The outbox holds "${name}", which this version of the contract does not know.`);
  return op;
}

export type { OperationName };
export { NetworkError, ProtocolError, QueuedOfflineError, RateLimitedError, ServerError, UnauthenticatedError, type NetworkFailure } from './client-errors.ts';
export { StaleVersionError } from '../errors.ts';
export { browserEnvironment, type ClientEnvironment } from './client-environment.ts';
export { openOutbox, type Outbox, type OutboxEntry, type FailedEntry, type OutboxOptions } from './outbox.ts';
export type { DrainReport } from './client-outbox.ts';
export type { RetryPolicy } from './transport.ts';
