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

/**
 * PostgreSQL cannot store U+0000 in text or JSON, so a NUL anywhere in the path, query or body
 * would fail deep in the store as a "storage unavailable" 503. It is bad input: refused here,
 * at the door, with a 400 that says why.
 */
export function containsNul(request: FastifyRequest): boolean {
  if (/%00/.test(request.url)) return true;
  const body = request.body;
  if (!Buffer.isBuffer(body)) return false;
  // A raw NUL byte, or the JSON escape \u0000 (not preceded by an escaping backslash).
  return body.includes(0) || /(^|[^\\])(\\\\)*\\u0000/.test(body.toString('latin1'));
}

export function mountFetchHandler(app: FastifyInstance, prefix: string, handler: NodeRequestHandler): void {
  const route = async (request: FastifyRequest, reply: FastifyReply) => {
    if (containsNul(request)) {
      return sendProblem(
        reply,
        problem(400, 'validation', 'Bad request', 'NUL characters (U+0000) are not accepted anywhere in a request.', [
          { path: '', message: 'must not contain NUL characters' },
        ]),
      );
    }
    const abort = new AbortController();
    // The client disconnected (or the server is closing) before the response was complete: stop
    // work tied to the request (an SSE subscription above all). After a complete response there
    // is nothing left to stop, and aborting would only cost an AbortError per request.
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) abort.abort();
    });
    return sendResponse(reply, await handler(toHandlerRequest(request, abort.signal)), abort);
  };
  app.all(prefix, route);
  app.all(`${prefix}/*`, route);
}
