/**
 * RFC 9457 problem details for the errors the server itself raises before a request reaches the
 * API handler (body too large, rate limited, cross-site request, unknown path, a crash). Same
 * shape, `type` URNs and `code`s as the REST contract's problems (`@upward/sdk` remote), so a
 * client reads one error format whoever answered.
 */
import type { FastifyReply } from 'fastify';

export const PROBLEM_TYPE = 'application/problem+json';

/** The subset of the contract's problem codes the server itself uses. */
export type ServerProblemCode = 'validation' | 'not-found' | 'forbidden' | 'server';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ServerProblemCode;
  issues?: { path: string; message: string }[];
}

export function problem(status: number, code: ServerProblemCode, title: string, detail: string, issues?: Problem['issues']): Problem {
  return { type: `urn:upward:problem:${code}`, title, status, detail, code, ...(issues ? { issues } : {}) };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_TYPE).send(JSON.stringify(body));
}

/** Maps what Fastify and its plugins throw to a problem; anything unknown is a 500 without internals. */
export function problemFromError(error: { statusCode?: unknown; code?: unknown; message?: unknown }): Problem {
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  const fastifyCode = typeof error.code === 'string' ? error.code : '';
  if (status === 413 || fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return problem(413, 'validation', 'Request body too large', 'The request body is larger than this server accepts.', [
      { path: '', message: 'is too large' },
    ]);
  }
  if (status === 429) {
    // The contract has no code of its own for this; `server` tells clients "not your input, retry later",
    // and Retry-After says when.
    return problem(429, 'server', 'Too many requests', 'Too many requests from this client; retry after the time in Retry-After.');
  }
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx (malformed URL, bad Content-Length, bad media type): the message names the input, not internals.
    const detail = typeof error.message === 'string' && error.message ? error.message : 'The request is malformed.';
    return problem(status, 'validation', 'Bad request', detail, [{ path: '', message: detail }]);
  }
  return problem(500, 'server', 'Server error', 'The server could not complete the request; it has been logged.');
}
