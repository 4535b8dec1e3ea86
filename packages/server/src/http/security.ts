/**
 * Headers and checks every response and request get: a Content-Security-Policy whose
 * `frame-ancestors` decides which intranet pages may embed served pages, no MIME sniffing, no
 * referrer leaks, and a CSRF guard: writes from another site are refused (unless CORS allows
 * that origin), and where sign-in rides on the SSO proxy's session cookie, a cookie-carrying
 * write must also send `X-Upward-Request: 1`, which another site's form cannot.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './problem.ts';

export interface SecurityOptions {
  frameAncestors: readonly string[];
  /** Origins allowed by CORS: their cross-site requests are not CSRF. */
  corsOrigins: readonly string[];
  /**
   * Whether sign-in rides on cookies (the SSO proxy's session). Only then can a cookie make a
   * forged request count, so only then must cookie-carrying writes prove they come from a page
   * of ours (bearer tokens and the demo header cannot be sent by another site's form).
   */
  cookieAuth: boolean;
}

/** The custom header a page adds to unsafe requests; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-upward-request';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CSP for responses that are not pages (JSON, SSE, problems): nothing may load or run. */
export function apiCsp(frameAncestors: readonly string[]): string {
  return `default-src 'none'; frame-ancestors ${frameAncestors.join(' ')}`;
}

export function isCrossSiteForgery(
  request: Pick<FastifyRequest, 'method' | 'headers'>,
  allowedOrigins: ReadonlySet<string>,
  cookieAuth: boolean,
): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers['sec-fetch-site'];
  const origin = typeof request.headers.origin === 'string' ? request.headers.origin : undefined;
  if (site === 'cross-site' && !(origin && allowedOrigins.has(origin))) {
    return 'This request came from another site that is not allowed to call the API.';
  }
  if (cookieAuth && request.headers.cookie !== undefined && request.headers[CSRF_HEADER] !== '1') {
    return `A request that carries cookies must also send the header "X-Upward-Request: 1".`;
  }
  return null;
}

export function registerSecurity(app: FastifyInstance, options: SecurityOptions): void {
  const allowed = new Set(options.corsOrigins);
  const defaultCsp = apiCsp(options.frameAncestors);

  app.addHook('onRequest', async (request, reply) => {
    const reason = isCrossSiteForgery(request, allowed, options.cookieAuth);
    if (reason) return sendProblem(reply, problem(403, 'forbidden', 'Cross-site request refused', reason));
  });

  // A callback hook, not an async one: it runs on every response and has nothing to wait for.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.removeHeader('x-powered-by');
    // Pages set their own policy (with the hashes of their inline scripts); everything else gets none.
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', defaultCsp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    done(null, payload);
  });
}

/**
 * The raw answer to a request Node's own HTTP parser refused (an unknown method, a malformed
 * header, a header block too large) before Fastify saw it: the same problem format and security
 * headers as every other answer, and the connection closed.
 */
export function unreadableRequestAnswer(error: { code?: unknown }, frameAncestors: readonly string[]): string {
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify(
    tooLarge
      ? problem(431, 'validation', 'Request headers too large', 'The request headers are larger than this server accepts.')
      : problem(400, 'validation', 'Bad request', 'The request could not be read as HTTP.'),
  );
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'content-type: application/problem+json',
    `content-length: ${Buffer.byteLength(body)}`,
    `content-security-policy: ${apiCsp(frameAncestors)}`,
    'x-content-type-options: nosniff',
    'referrer-policy: no-referrer',
    'cross-origin-opener-policy: same-origin',
    'connection: close',
    '',
    body,
  ].join('\r\n');
}
