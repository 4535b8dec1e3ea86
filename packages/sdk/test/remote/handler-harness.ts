/**
 * The request handler over a real memory store and the real services, and the way a client
 * calls it: `buildRequest` → `Request` → handler → `Response`. Callers authenticate with
 * `Authorization: Bearer <personId>`; the person `admin` is the admin.
 */
import { createUpward } from '../../src/upward.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';
import { buildRequest, operations, type OperationName } from '../../src/remote/contract.ts';
import { createRequestHandler, memoryIdempotencyStore, type RequestHandler } from '../../src/remote/handler.ts';
import { fixedClock, idsWithPrefix, seedWorld, type World } from '../properties/fixture.ts';

export const BASE = 'http://upward.test/api/v1';

export interface Harness {
  world: World;
  handler: RequestHandler;
  /** Errors the handler reported as unexpected (500s). */
  unexpected: unknown[];
  /** A `Request` for calling `name` with `input`, as `as`. */
  request(name: OperationName, input: unknown, options?: CallOptions): Request;
  send(name: OperationName, input: unknown, options?: CallOptions): Promise<Response>;
  /** Sends and returns the parsed JSON body with status and headers. */
  call(name: OperationName, input: unknown, options?: CallOptions): Promise<{ status: number; headers: Headers; body: any }>;
}

export interface CallOptions {
  as?: string;
  key?: string;
  headers?: Record<string, string>;
}

let keys = 0;

export async function createHarness(): Promise<Harness> {
  const store = memoryStore();
  const world = await seedWorld(store, 'h');
  const ids = idsWithPrefix('http');
  const unexpected: unknown[] = [];
  const handler = createRequestHandler({
    authenticate: async (request) => {
      const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      return token ? { personId: token, isAdmin: token === 'admin' } : null;
    },
    upwardFor: (actor) => createUpward({ store, actor, clock: fixedClock, ids }),
    idempotency: memoryIdempotencyStore(),
    onError: (error) => unexpected.push(error),
    heartbeatMs: 50,
  });

  const request = (name: OperationName, input: unknown, options: CallOptions = {}) => {
    const parts = buildRequest(operations[name], input, { idempotencyKey: options.key ?? `key-${++keys}` });
    const url = new URL(BASE + parts.path);
    for (const [k, v] of Object.entries(parts.query)) url.searchParams.set(k, v);
    const headers = new Headers(parts.headers);
    headers.set('authorization', `Bearer ${options.as ?? 'admin'}`);
    if (parts.body !== undefined) headers.set('content-type', 'application/json');
    for (const [k, v] of Object.entries(options.headers ?? {})) headers.set(k, v);
    return new Request(url, { method: parts.method, headers, body: parts.body === undefined ? null : JSON.stringify(parts.body) });
  };
  const send = (name: OperationName, input: unknown, options?: CallOptions) => handler(request(name, input, options));
  const call = async (name: OperationName, input: unknown, options?: CallOptions) => {
    const response = await send(name, input, options);
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  return { world, handler, unexpected, request, send, call };
}
