/**
 * `createServer(config)`: the reference server. Fastify in front of the SDK's REST handler
 * (`@upward/sdk/remote/handler`, mounted at `/api/v1`, not re-implemented here) over ONE shared
 * PostgreSQL store; each request acts as the person its credentials name. Around the handler:
 * authentication (JWT, SSO proxy or demo), CORS, CSRF defence, security headers, body limit,
 * rate limits, problem+json for every error, and optionally the demo page at `/`.
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { createUpward } from '@upward/sdk';
import { createPlainRequestHandler } from '@upward/sdk/remote/handler';
import type { ServerConfig } from './config.ts';
import { openDatabase, type Database } from './database/open-database.ts';
import { postgresIdempotencyStore, type PostgresIdempotencyStore } from './database/idempotency-store.ts';
import { createAuthenticator, type Authenticator } from './auth/authenticator.ts';
import { addressList, isTrustedPeer } from './auth/proxy.ts';
import { singleHeader } from './auth/credentials.ts';
import { mountFetchHandler, type NodeHandlerRequest } from './http/fetch-bridge.ts';
import { problem, problemFromError, sendProblem } from './http/problem.ts';
import { CSRF_HEADER, registerSecurity, unreadableRequestAnswer } from './http/security.ts';
import { registerStaticFiles } from './http/static-files.ts';
import { ACTING_AS_HEADER } from './auth/demo.ts';
import { seedSampleOrg } from './seed/sample-org.ts';
import { threadSolver } from './matching/thread-solver.ts';

export const API_BASE_PATH = '/api/v1';

export interface ServerDependencies {
  /** An already open database (tests share one PGlite between two servers); the server will not close it. */
  database?: Database;
  /** Replaces the authenticator chosen by `config.auth` (tests, embedding hosts). */
  authenticate?: Authenticator;
}

export interface UpwardServer {
  app: FastifyInstance;
  database: Database;
  idempotency: PostgresIdempotencyStore;
  /** Startup warnings (demo mode), also logged. */
  warnings: string[];
  /** Starts listening on `config.host:config.port`; resolves to the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** How often expired idempotency records are deleted. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

export async function createServer(config: ServerConfig, dependencies: ServerDependencies = {}): Promise<UpwardServer> {
  const ownsDatabase = !dependencies.database;
  const database = dependencies.database ?? (await openDatabase(config.database, config.schema));
  const { store } = database;
  const auth = createAuthenticator(config.auth, store);
  const authenticate = dependencies.authenticate ?? auth.authenticate;
  const idempotency = postgresIdempotencyStore(database.driver, database.schema);
  // Matching solves in a worker thread: a big program takes seconds, which must not stall the rest.
  const solver = threadSolver();
  const warnings: string[] = [];

  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    // Peer addresses are the TCP peer's: forwarded headers are never trusted for identity.
    trustProxy: false,
    // On close, idle keep-alive connections go at once; requests in flight are answered first
    // (event streams are ended by mountFetchHandler, or they would keep close() waiting forever).
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // What Node's HTTP parser refuses never reaches Fastify: answered in the same format here.
    clientErrorHandler: (error, socket) => {
      if (socket.writable) socket.end(unreadableRequestAnswer(error, config.frameAncestors));
      else socket.destroy();
    },
    // Fastify's own early refusals (a malformed URL, a bad header) get the problem format too.
    frameworkErrors: (error, _request, reply) => {
      sendProblem(reply, problemFromError(error as { statusCode?: unknown; code?: unknown; message?: unknown }));
    },
  });

  app.setErrorHandler((error, request, reply) => {
    const body = problemFromError(error as { statusCode?: unknown; code?: unknown; message?: unknown });
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    if (body.status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'not-found', 'Not found', `There is nothing at ${request.method} ${request.url.split('?')[0]}.`)),
  );

  // The API handler reads bodies itself (and answers malformed JSON with its own problem), so
  // Fastify only collects the bytes, enforcing the body limit (413).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  registerSecurity(app, { frameAncestors: config.frameAncestors, corsOrigins: config.corsOrigins, cookieAuth: config.auth.mode === 'proxy' });

  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key', CSRF_HEADER, ACTING_AS_HEADER],
    exposedHeaders: ['etag', 'location', 'idempotent-replayed', 'retry-after'],
    maxAge: 600,
  });

  if (config.rateLimit) {
    const proxies = config.auth.mode === 'proxy' ? addressList(config.auth.trustedProxies) : null;
    const userHeader = config.auth.mode === 'proxy' ? config.auth.userHeader : '';
    await app.register(rateLimit, {
      global: true,
      max: config.rateLimit.max,
      timeWindow: config.rateLimit.windowMs,
      // Behind the SSO proxy every request has the proxy's address: count per signed-in user
      // there, per address everywhere else.
      keyGenerator: (request: FastifyRequest) => {
        const user = proxies && isTrustedPeer(proxies, request.socket.remoteAddress) ? singleHeader(request.headers[userHeader]) : undefined;
        return user ? `user:${user}` : `ip:${request.socket.remoteAddress ?? 'unknown'}`;
      },
    });
  }

  const handler = createPlainRequestHandler<NodeHandlerRequest>({
    basePath: API_BASE_PATH,
    authenticate: ({ node }) => authenticate({ headers: node.headers, peerAddress: node.socket.remoteAddress }),
    upwardFor: (actor) => createUpward({ store, actor, solver: solver.solve }),
    idempotency,
    // GET /events streams the caller's own `Upward.subscribe`: one store, one LISTEN, every process
    // hears every change (its own directly, others' via NOTIFY), and each reader only the changes
    // to records they may read (worked out once per change, not once per reader).
    onError: (error) => app.log.error({ err: error }, 'API request failed'),
  });
  mountFetchHandler(app, API_BASE_PATH, handler);

  if (config.staticDir) registerStaticFiles(app, config.staticDir, config.frameAncestors);

  if (auth.warning && !dependencies.authenticate) {
    warnings.push(auth.warning);
    app.log.warn(auth.warning);
    if (config.logLevel === 'silent') console.warn(`[upward] [server] ${auth.warning}`);
  }

  if (config.seedSampleOrg) {
    const report = await seedSampleOrg(store);
    if (report) app.log.info(`Imported the sample org: ${report.created} people.`);
  }

  const purge = setInterval(() => {
    idempotency.purgeExpired().catch((error: unknown) => app.log.warn({ err: error }, 'purging idempotency keys failed'));
  }, PURGE_INTERVAL_MS);
  purge.unref();

  let closed = false;
  return {
    app,
    database,
    idempotency,
    warnings,
    async listen() {
      const address = await app.listen({ port: config.port, host: config.host });
      app.log.info(`Upward API at ${address}${API_BASE_PATH} (${database.description}; sign-in: ${auth.describe})`);
      return address;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(purge);
      await app.close();
      await solver.close();
      if (ownsDatabase) await database.close();
    },
  };
}
