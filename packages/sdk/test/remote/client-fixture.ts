// The HTTP boundary for the remote client's tests: msw in the page forwards `/api/v1/*` to the
// REAL request handler over the in-memory engine (no mocks of our own code), and records what
// reached the server, so a test can prove a write landed exactly once. Faults are added per test
// with `worker.use(...)` in front of it.
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createUpward } from '../../src/index.ts';
import { createRequestHandler, memoryIdempotencyStore, type AuthenticatedActor } from '../../src/remote/handler.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';
import type { Store } from '../../src/storage/store.ts';

export const BASE = '/api/v1';

/** What reached the handler: one line per request. `replayed` when the idempotency store answered. */
export interface Arrival {
  method: string;
  path: string;
  key: string | null;
  status: number;
  replayed: boolean;
}

export interface TestServer {
  store: Store;
  arrivals: Arrival[];
  /** Headers that make the test authenticator act as `actor` (and, optionally, run on `clock`). */
  headersFor(actor: { personId: string; isAdmin?: boolean }, clock?: () => Date): Record<string, string>;
  /** Runs a request through the real handler (a fault handler that lets the server act, then drops the answer). */
  handle(request: Request): Promise<Response>;
  /** Writes the engine really applied (not replays) with this idempotency key. */
  applied(key: string): number;
  dispose(): Promise<void>;
}

let current: ((request: Request) => Promise<Response>) | null = null;

export const worker = setupWorker(
  http.all(`${BASE}/*`, ({ request }) => (current ? current(request) : HttpResponse.error())),
);

let started: Promise<unknown> | undefined;

export function startMsw(): Promise<unknown> {
  started ??= worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
  return started;
}

let clockIds = 0;

/** A fresh server (empty memory store, empty idempotency store) behind msw. */
export async function startTestServer(): Promise<TestServer> {
  await startMsw();
  worker.resetHandlers();
  const store = memoryStore();
  const clocks = new Map<string, () => Date>();
  const clockOf = new WeakMap<AuthenticatedActor, () => Date>();
  const arrivals: Arrival[] = [];
  const handler = createRequestHandler({
    // The test's stand-in for a session: headers name the acting person (never do this for real).
    authenticate: async (request) => {
      const personId = request.headers.get('x-test-person');
      if (!personId) return null;
      const actor: AuthenticatedActor = { personId, isAdmin: request.headers.get('x-test-admin') === 'true' };
      const clock = clocks.get(request.headers.get('x-test-clock') ?? '');
      if (clock) clockOf.set(actor, clock);
      return actor;
    },
    upwardFor: (actor) => {
      const clock = clockOf.get(actor);
      return createUpward({ store, actor, ...(clock ? { clock } : {}) });
    },
    idempotency: memoryIdempotencyStore(),
    heartbeatMs: 60_000,
  });
  const handle = async (request: Request) => {
    const url = new URL(request.url);
    const response = await handler(request);
    arrivals.push({
      method: request.method,
      path: url.pathname.slice(BASE.length),
      key: request.headers.get('idempotency-key'),
      status: response.status,
      replayed: response.headers.get('idempotent-replayed') === 'true',
    });
    return response;
  };
  current = handle;
  return {
    store,
    handle,
    arrivals,
    headersFor(actor, clock) {
      const headers: Record<string, string> = { 'x-test-person': actor.personId };
      if (actor.isAdmin) headers['x-test-admin'] = 'true';
      if (clock) {
        const id = `clock-${++clockIds}`;
        clocks.set(id, clock);
        headers['x-test-clock'] = id;
      }
      return headers;
    },
    applied: (key) => arrivals.filter((a) => a.key === key && !a.replayed && a.status < 300).length,
    async dispose() {
      current = null;
      worker.resetHandlers();
      await store.close();
    },
  };
}
