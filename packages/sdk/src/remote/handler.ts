/**
 * The REST contract as a plain Fetch API function: `createRequestHandler(options)` returns
 * `(request: Request) => Promise<Response>`, which runs in Node 20, a browser, a Service Worker
 * or msw alike. It reads only a few members of the request (`HandlerRequest`), so a server may
 * pass something lighter than a full `Request`; `createPlainRequestHandler` answers with a plain
 * object (`PlainResponse`) a server writes straight to its socket. A server mounts it (the
 * reference server does, in Fastify, over PostgreSQL); tests and demos call it over the
 * in-memory store. Business rules stay in the services: this only routes, authenticates,
 * parses, makes mutations idempotent and writes problems.
 */
import { canonicalJson, sha256Hex } from '../internal/sha256.ts';
import type { Upward } from '../upward.ts';
import {
  IDEMPOTENCY_KEY,
  IF_MATCH,
  callOperation,
  etagOf,
  operationList,
  parseRequest,
  validateInput,
  type Operation,
} from './contract.ts';
import type { IdempotencyStore, StoredResponse } from './idempotency.ts';
import { openApiDocument } from './openapi.ts';
import { MalformedRequestError, PROBLEM_CONTENT_TYPE, problem, problemFromError, type Problem } from './problems.ts';
import { matchRoute } from './routes.ts';
import { acceptsProgress, answerWithProgress } from './progress-stream.ts';

export { memoryIdempotencyStore, type IdempotencyStore, type IdempotencyBegin, type IdempotencyScope, type StoredResponse } from './idempotency.ts';
export { problemFromError, errorFromProblem, Problem, ProblemCode, PROBLEM_CONTENT_TYPE } from './problems.ts';

/** Who is calling, as the host decided from the request (a session cookie, a bearer token …). */
export interface AuthenticatedActor {
  personId: string;
  isAdmin?: boolean;
}

/**
 * What the handler reads of a request. A Fetch `Request` is one. A Node server can hand over a
 * plain object instead: building a full `Request` (URL, Headers, signal) cost the reference
 * server about 30 µs a call, a few per cent of a participant's home.
 */
export interface HandlerRequest {
  readonly method: string;
  /** Absolute; only its path and query matter. */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** Aborts when the client goes away (it ends an event stream). */
  readonly signal: AbortSignal;
  /** The body as text (UTF-8, a leading BOM dropped, as `Request.text()` does). */
  text(): Promise<string>;
}

export interface RequestHandlerOptions<R extends HandlerRequest = Request> {
  /** Where the contract is mounted. Default `/api/v1`. */
  basePath?: string;
  /** The caller, or null when the request carries no valid credentials (401). */
  authenticate(request: R): Promise<AuthenticatedActor | null>;
  /** The `Upward` that acts for this caller (usually `createUpward({ store, actor })`). */
  upwardFor(actor: AuthenticatedActor): Upward;
  idempotency: IdempotencyStore;
  /** Sees every unexpected error (the 500s), for the host's logs. */
  onError?(error: unknown): void;
  /** Milliseconds between SSE heartbeat comments. Default 15,000. */
  heartbeatMs?: number;
}

export type RequestHandler<R extends HandlerRequest = Request> = (request: R) => Promise<Response>;

/**
 * An answer before it becomes a Fetch `Response`. Building a `Response` and reading it back (its
 * body is a stream) cost the reference server about 20 µs a request, so it writes this instead.
 */
export interface PlainResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** JSON text, an event stream (`text/event-stream`), or nothing. */
  body: string | ReadableStream<Uint8Array> | null;
}

export type PlainRequestHandler<R extends HandlerRequest = Request> = (request: R) => Promise<PlainResponse>;

const JSON_TYPE = 'application/json; charset=utf-8';
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): PlainResponse {
  return { status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers }, body: JSON.stringify(body) };
}

function problemResponse(p: Problem, headers: Record<string, string> = {}): PlainResponse {
  return { status: p.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...headers }, body: JSON.stringify(p) };
}

/** Reads the body as JSON: undefined when empty; a 400 problem when it is not JSON. */
async function readJson(request: HandlerRequest): Promise<{ text: string; value: unknown }> {
  const text = await request.text();
  if (text.trim() === '') return { text, value: undefined };
  const type = request.headers.get('content-type');
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type.trim())) {
    throw new MalformedRequestError('content-type', 'must be application/json');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedRequestError('', 'the request body is not valid JSON');
  }
  // No input nests anywhere near this deep; thousands of levels would overflow the stack of
  // whatever walks the value next (the idempotency fingerprint, the schemas) and answer 500.
  if (nestedDeeperThan(value, MAX_JSON_DEPTH)) throw new MalformedRequestError('', `the request body nests more than ${MAX_JSON_DEPTH} levels deep`);
  return { text, value };
}

const MAX_JSON_DEPTH = 64;

/** Whether arrays and objects in `value` nest deeper than `limit` (iterative: no stack to overflow). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

/** What makes two requests "the same" for idempotency: route, query, If-Match and body. */
function fingerprintOf(request: HandlerRequest, url: URL, op: Operation, body: { text: string; value: unknown }): string {
  const query = [...url.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalBody = body.value === undefined ? '' : canonicalJson(body.value);
  return sha256Hex([op.name, url.pathname, JSON.stringify(query), request.headers.get(IF_MATCH) ?? '', canonicalBody].join('\n'));
}

/** What the idempotency store keeps of an answer (a mutation's answer is JSON, never a stream). */
function toStored(response: PlainResponse): StoredResponse {
  return { status: response.status, headers: Object.entries(response.headers), body: typeof response.body === 'string' ? response.body : '' };
}

function fromStored(stored: StoredResponse, extra: Record<string, string> = {}): PlainResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of stored.headers) headers[name.toLowerCase()] = value;
  return { status: stored.status, headers: { ...headers, ...extra }, body: stored.body };
}

/** A Fetch `Response` of a plain answer. */
export function toFetchResponse({ status, headers, body }: PlainResponse): Response {
  return new Response(body, { status, headers });
}

function decodeSegments(path: string): string[] | null {
  try {
    return path.split('/').slice(1).map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

export function createRequestHandler<R extends HandlerRequest = Request>(options: RequestHandlerOptions<R>): RequestHandler<R> {
  const handle = createPlainRequestHandler(options);
  return async (request) => toFetchResponse(await handle(request));
}

/** The same handler, answering with a `PlainResponse` instead of a Fetch `Response`. */
export function createPlainRequestHandler<R extends HandlerRequest = Request>(options: RequestHandlerOptions<R>): PlainRequestHandler<R> {
  const basePath = (options.basePath ?? '/api/v1').replace(/\/+$/, '');
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  let document: object | null = null;

  /** A problem answer; unexpected failures are reported, unless the caller has gone (its own abort, not ours). */
  const fail = (error: unknown, callerGone = false): PlainResponse => {
    const p = problemFromError(error);
    if (p.status >= 500 && p.code === 'server' && !callerGone) options.onError?.(error);
    return problemResponse(p, p.status === 503 ? { 'retry-after': '5' } : {});
  };

  async function run(op: Operation, upward: Upward, request: HandlerRequest, params: Record<string, string>, url: URL, body: unknown): Promise<PlainResponse> {
    const input = parseRequest(op, { pathParams: params, query: url.searchParams, headers: request.headers, body });
    // Validated here so a bad request never reaches a transaction; the service checks again.
    validateInput(op, input);
    const answer = (result: unknown) => {
      const tag = etagOf(result);
      return jsonResponse(op.status, result === undefined ? null : result, tag ? { etag: tag } : {});
    };
    if (op.name === 'matching.suggest' && acceptsProgress(request.headers.get('accept'))) {
      return answerWithProgress((onProgress) => callOperation(upward, op, input, { signal: request.signal, onProgress }), answer, (error) => fail(error, request.signal.aborted));
    }
    return answer(await callOperation(upward, op, input, { signal: request.signal }));
  }

  async function mutate(op: Operation, upward: Upward, actorId: string, request: HandlerRequest, params: Record<string, string>, url: URL): Promise<PlainResponse> {
    const key = request.headers.get(IDEMPOTENCY_KEY);
    if (key === null) return fail(new MalformedRequestError(IDEMPOTENCY_KEY, 'is required for this request (a unique key per intended change)'));
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) return fail(new MalformedRequestError(IDEMPOTENCY_KEY, 'must be 1 to 255 visible ASCII characters'));
    const body = await readJson(request);
    // Length-prefixed, so no actor id and key can spell another pair's (and no NUL for PostgreSQL text).
    const storeKey = `${actorId.length}:${actorId}:${key}`;
    const begun = await options.idempotency.begin(storeKey, { actorId, fingerprint: fingerprintOf(request, url, op, body) });
    switch (begun.state) {
      case 'replay':
        return fromStored(begun.response, { 'idempotent-replayed': 'true' });
      case 'in-progress':
        return problemResponse(
          problem(409, 'conflict', 'A request with this Idempotency-Key is still being processed. Retry shortly.', { reason: 'in-progress' }),
          { 'retry-after': '1' },
        );
      case 'mismatch':
        return problemResponse(
          problem(422, 'validation', 'This Idempotency-Key was already used for a different request.', {
            issues: [{ path: IDEMPOTENCY_KEY, message: 'was already used for a different request; use a new key per change' }],
          }),
        );
      case 'new':
        break;
    }
    let response: PlainResponse;
    try {
      response = await run(op, upward, request, params, url, body.value);
    } catch (error) {
      response = fail(error);
    }
    if (response.status >= 500) {
      await options.idempotency.abandon(storeKey);
      return response;
    }
    const stored = toStored(response);
    await options.idempotency.complete(storeKey, stored);
    return fromStored(stored);
  }

  function events(upward: Upward, request: HandlerRequest): PlainResponse {
    const encoder = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        const send = (text: string) => {
          if (!open) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        // The caller's own feed: only changes to records they may read.
        const unsubscribe = upward.subscribe((changes) => {
          const events = changes.map(({ entity, id, kind }) => ({ entity, id, kind }));
          if (events.length) send(`data: ${JSON.stringify(events)}\n\n`);
        });
        const timer = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
        cleanup = () => {
          if (!open) return;
          open = false;
          clearInterval(timer);
          unsubscribe();
          request.signal.removeEventListener('abort', onAbort);
          try {
            controller.close();
          } catch {
            // Already closed by the consumer.
          }
        };
        const onAbort = () => cleanup();
        request.signal.addEventListener('abort', onAbort);
        // A reconnecting EventSource waits 3 s; the comment flushes the headers at once.
        send('retry: 3000\n: connected\n\n');
        if (request.signal.aborted) cleanup();
      },
      cancel() {
        cleanup();
      },
    });
    return {
      status: 200,
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
      body: stream,
    };
  }

  /** The answer to `request` as if its method were `method` (HEAD is answered as GET). */
  async function answer(request: R, method: string): Promise<PlainResponse> {
    try {
      const url = new URL(request.url);
      const notFound = () => problemResponse(problem(404, 'not-found', `There is nothing at ${method} ${url.pathname}.`));
      if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return notFound();
      const path = url.pathname.slice(basePath.length).replace(/(.)\/$/, '$1');
      const segments = decodeSegments(path);
      if (!segments) return fail(new MalformedRequestError('path', 'is not validly percent-encoded'));

      if (path === '/openapi.json') {
        if (method !== 'GET') {
          return problemResponse(problem(405, 'method-not-allowed', `${method} is not allowed here.`), { allow: 'GET' });
        }
        document ??= openApiDocument({ basePath });
        return jsonResponse(200, document, { 'cache-control': 'public, max-age=300' });
      }

      if (method === 'OPTIONS') {
        // Answered before authentication: a CORS preflight carries no credentials (the host adds the CORS headers).
        const allow = path === '/events' || path === '/session' ? ['GET'] : (() => {
          const route = matchRoute(operationList, 'OPTIONS', segments);
          return route.kind === 'method-not-allowed' ? route.allow : null;
        })();
        return allow ? { status: 204, headers: { allow: [...allow, 'OPTIONS'].join(', ') }, body: null } : notFound();
      }

      const actor = await options.authenticate(request);
      if (!actor) {
        return problemResponse(problem(401, 'unauthenticated', 'Sign in to use this API.'), { 'www-authenticate': 'Bearer' });
      }
      const upward = options.upwardFor(actor);

      if (path === '/session') {
        // The acting person as the server decided it, admin flag included: a remote client
        // learns here what `Upward.actor` is (a profile has no admin flag).
        if (method !== 'GET') return problemResponse(problem(405, 'method-not-allowed', `${method} is not allowed here.`), { allow: 'GET' });
        return jsonResponse(200, { personId: upward.actor.personId, isAdmin: upward.actor.isAdmin ?? false }, { 'cache-control': 'no-store' });
      }

      if (path === '/events') {
        if (method !== 'GET') return problemResponse(problem(405, 'method-not-allowed', `${method} is not allowed here.`), { allow: 'GET' });
        return events(upward, request);
      }

      const route = matchRoute(operationList, method, segments);
      if (route.kind === 'not-found') return notFound();
      if (route.kind === 'method-not-allowed') {
        return problemResponse(problem(405, 'method-not-allowed', `${method} is not allowed on ${url.pathname}; use ${route.allow.join(', ')}.`), {
          allow: route.allow.join(', '),
        });
      }
      const { op, params } = route;
      if (op.mutation) return await mutate(op, upward, upward.actor.personId, request, params, url);
      const body = op.http === 'GET' ? undefined : (await readJson(request)).value;
      return await run(op, upward, request, params, url, body);
    } catch (error) {
      return fail(error, request.signal.aborted);
    }
  }

  return async (request) => {
    if (request.method !== 'HEAD') return answer(request, request.method);
    // HEAD is GET without the body (RFC 9110): same status and headers; an event stream closes at once.
    const head = await answer(request, 'GET');
    if (head.body instanceof ReadableStream) await head.body.cancel();
    return { ...head, body: null };
  };
}
