#!/usr/bin/env -S node --import tsx
/**
 * The server's command line: configuration from the environment (see `config.ts` and the
 * README), then listen until SIGINT/SIGTERM, closing cleanly (open SSE streams end, the database
 * is released). With `UPWARD_WORKERS=N` (PostgreSQL only) the primary forks N workers that share
 * the port, so the server uses more than one core; the design needs nothing else for that
 * (idempotency keys and change events already go through PostgreSQL).
 * Run: `pnpm --filter @upward/server start` or `pnpm exec tsx packages/server/src/main.ts`.
 */
import cluster from 'node:cluster';
import { ConfigError, configFromEnv, type ServerConfig } from './config.ts';
import { createServer } from './server.ts';

function readConfig(): ServerConfig {
  try {
    return configFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

const config = readConfig();
/** Worker restarts allowed within `RESTART_WINDOW_MS` before the primary gives up. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

if (config.workers > 1 && cluster.isPrimary) {
  let stopping = false;
  let listening = 0;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('message', (_worker, message: { listening?: string }) => {
    if (message.listening && ++listening === config.workers) {
      console.log(`[upward] Listening on ${message.listening} with ${config.workers} workers (API at ${message.listening}/api/v1)`);
    }
  });
  // A worker that dies is replaced, after a pause that doubles with each recent exit; workers that
  // keep dying (a database that is not there, a bad setting) stop the server rather than spin.
  const exits: number[] = [];
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    const now = Date.now();
    exits.push(now);
    while (exits[0]! < now - RESTART_WINDOW_MS) exits.shift();
    if (exits.length > MAX_RESTARTS) {
      stopping = true;
      console.error(`[upward] Workers exited ${exits.length} times within a minute (last: ${code}); stopping. See the errors above.`);
      for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
      process.exitCode = 1;
      return;
    }
    const delay = Math.min(RESTART_WINDOW_MS / 4, 250 * 2 ** (exits.length - 1));
    console.error(`[upward] Worker ${worker.process.pid} exited (${code}); starting another in ${delay} ms.`);
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, delay);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
      cluster.disconnect(() => process.exit(0));
    });
  }
} else {
  // Only one process seeds, so two workers never import the sample org twice.
  const first = !cluster.isWorker || cluster.worker?.id === 1;
  const server = await createServer({ ...config, seedSampleOrg: config.seedSampleOrg && first });
  const address = await server.listen();
  if (cluster.isWorker) process.send?.({ listening: address });
  else console.log(`[upward] Listening on ${address} (API at ${address}/api/v1, OpenAPI at ${address}/api/v1/openapi.json)`);

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('[upward] Shutdown failed:', error);
          process.exit(1);
        },
      );
    });
  }
}
