/**
 * Mounts the SDK's REST handler (its plain form, `request => Promise<PlainResponse>`) under a
 * path in Fastify: the Node request becomes the few members the handler reads (raw body,
 * headers, an abort signal that fires when the client goes away; see `HandlerRequest`) and the
 * answer is written back — JSON text as it is, Server-Sent Events streamed so each event leaves
 * as soon as it is written.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HandlerRequest, PlainResponse } from '@upward/sdk/remote/handler';
import { problem, sendProblem } from './problem.ts';

/** A request as the handler sees it, with the Node request behind it (for authentication). */
export interface NodeHandlerRequest extends HandlerRequest {
  readonly node: FastifyRequest;
}

export type NodeRequestHandler = (request: NodeHandlerRequest) => Promise<PlainResponse>;

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Decodes as `Request.text()` does: UTF-8, a leading BOM dropped, bad bytes replaced. */
const utf8 = new TextDecoder();

export function toHandlerRequest(request: FastifyRequest, signal: AbortSignal): NodeHandlerRequest {
  const headers = request.headers;
  const body = BODYLESS.has(request.method) || !Buffer.isBuffer(request.body) || request.body.length === 0 ? undefined : request.body;
  return {
    method: request.method,
    // The host is fixed: the handler routes on the path, and a client-chosen Host must not matter.
    url: new URL(request.url, 'http://upward.local').href,
    headers: {
      // Node has lower-cased the names and joined repeated headers (all but Set-Cookie) already.
      get(name) {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    signal,
    // The body is the buffer Fastify already collected.
    text: async () => (body ? utf8.decode(body) : ''),
    node: request,
  };
}

export function sendResponse(reply: FastifyReply, response: PlainResponse, abort: AbortController): FastifyReply {
  reply.code(response.status).headers(response.headers);
  const { body } = response;
  if (body === null) return reply.send();
  if (typeof body === 'string') return reply.send(body);
  // An event stream. No buffering anywhere on the way (also tells nginx-style proxies not to buffer).
  reply.header('cache-control', 'no-cache').header('x-accel-buffering', 'no');
  const stream = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  stream.on('error', () => abort.abort());
  return reply.send(stream);
}

// An odd run of backslashes before `u`: a JSON escape, not an escaped backslash followed by text.
const ESCAPE = String.raw`(?<!\\)(?:\\\\)*\\u`;
const NUL_ESCAPE = new RegExp(`${ESCAPE}0000`);
const HIGH = String.raw`[dD][89abAB][0-9a-fA-F]{2}`;
const LOW = String.raw`[dD][c-fC-F][0-9a-fA-F]{2}`;
/** Half of a surrogate pair on its own: a high half not followed by a low one, or a low half not after a high one. */
const LONE_SURROGATE_ESCAPE = new RegExp(String.raw`${ESCAPE}${HIGH}(?!\\u${LOW})|(?<!\\u${HIGH})${ESCAPE}${LOW}`);

/**
 * Text PostgreSQL cannot store would fail deep in the store as a "storage unavailable" 503 (and
 * hold up an offline client's queue behind it, since 503 means "try again"). It is bad input:
 * refused here, at the door, with a 400 that says why. Returns that reason, or null.
 * - U+0000 anywhere in the path, query or body: text and JSON columns cannot hold it.
 * - Half a surrogate pair in the body (a JSON escape such as \ud83d on its own, e.g. an emoji cut
 *   in two by a length limit): not a character at all, and jsonb refuses it. Raw bytes cannot
 *   carry one: UTF-8 decoding has already replaced them.
 */
export function refusedText(request: FastifyRequest): string | null {
  const nul = 'NUL characters (U+0000) are not accepted anywhere in a request.';
  if (/%00/.test(request.url)) return nul;
  const body = request.body;
  if (!Buffer.isBuffer(body)) return null;
  if (body.includes(0)) return nul;
  const text = body.toString('latin1');
  if (NUL_ESCAPE.test(text)) return nul;
  if (LONE_SURROGATE_ESCAPE.test(text)) return 'The text holds half of a character (an unpaired surrogate, such as part of an emoji): send whole characters only.';
  return null;
}

export function mountFetchHandler(app: FastifyInstance, prefix: string, handler: NodeRequestHandler): void {
  // Open event streams never finish by themselves: on close they are ended here, so the server
  // can wait for every other request in flight to be answered instead of cutting it off.
  const streams = new Set<AbortController>();
  let sweeping: ReturnType<typeof setInterval> | undefined;
  app.addHook('preClose', (done) => {
    for (const stream of streams) stream.abort();
    // A connection whose last request is answered after close() began would otherwise stay open
    // as keep-alive until its timeout (72 s in Fastify): close each one as soon as it is idle.
    sweeping = setInterval(() => app.server.closeIdleConnections(), 50);
    done();
  });
  app.addHook('onClose', (_app, done) => {
    clearInterval(sweeping);
    done();
  });
  const route = async (request: FastifyRequest, reply: FastifyReply) => {
    const refused = refusedText(request);
    if (refused) {
      return sendProblem(reply, problem(400, 'validation', 'Bad request', refused, [{ path: '', message: refused }]));
    }
    const abort = new AbortController();
    // The client disconnected (or the server is closing) before the response was complete: stop
    // work tied to the request (an SSE subscription above all). After a complete response there
    // is nothing left to stop, and aborting would only cost an AbortError per request.
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) abort.abort();
    });
    const response = await handler(toHandlerRequest(request, abort.signal));
    if (response.body !== null && typeof response.body !== 'string') {
      streams.add(abort);
      reply.raw.once('close', () => streams.delete(abort));
    }
    return sendResponse(reply, response, abort);
  };
  app.all(prefix, route);
  app.all(`${prefix}/*`, route);
}
