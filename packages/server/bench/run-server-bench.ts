/**
 * `pnpm bench:server`: load-tests the reference server on loopback with wrk (autocannon where wrk
 * cannot be had; see load-generator.ts), against
 * embedded PGlite (data on disk) and against PostgreSQL, with 10,000 people and 50,000 sessions
 * stored. Two workloads: a participant loading their home (GET /api/v1/me/home, each request as
 * another person) and logging a session (POST /api/v1/sessions/{id}/log with If-Match and a
 * unique Idempotency-Key, each request a different planned session). The server runs in its own
 * process (`src/main.ts`) with real JWT sign-in against a local JWKS, as in production.
 * Reads are measured twice: a sign-in pass, each participant's first request (the token's
 * signature checked, caches cold), then the steady state of people already signed in.
 *
 *   pnpm bench:server [--only pglite|postgres] [--people 10000] [--sessions 50000]
 *                     [--duration 10] [--connections 10] [--workers 1,2] [--tool wrk|autocannon]
 * PostgreSQL: DATABASE_URL, else the local Debian cluster (test/ensure-postgres.mjs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { repositoryRoot } from '../src/config.ts';
import { attachDatabase } from '../src/database/open-database.ts';
import { dropSchema, nodePgDriver, pgliteDriver } from '../src/index.ts';
import { seedBenchData, type BenchData } from './seed-bench.ts';
import { chooseLoadTool, runLoad, type LoadOptions, type LoadRequest, type LoadResult } from './load-generator.ts';
import { AUDIENCE, ISSUER, benchRequests, cpuMs, postgresUrl, serverPids, startIdentityProvider, vacuumAnalyze } from './bench-support.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const PEOPLE = Number(args.get('people') ?? 10_000);
const SESSIONS = Number(args.get('sessions') ?? 50_000);
const DURATION = Number(args.get('duration') ?? 10);
const CONNECTIONS = Number(args.get('connections') ?? 10);
const ONLY = args.get('only');
/**
 * Server processes for the PostgreSQL runs, one run per number (PGlite is always one). Both by
 * default: on two cores shared with PostgreSQL and the load generator, a second process helps
 * reads and hurts writes.
 */
const WORKERS = (args.get('workers') ?? '1,2').split(',').map(Number);
const SCHEMA = 'bench_server';
/** Upper bound for the sign-in pass (every participant once; PGlite needs about a minute). */
const SIGN_IN_BOUND_SECONDS = 300;
const TOOL = chooseLoadTool(args.get('tool'), (message) => console.log(`[bench:server] ${message}`));
const serverDir = `${repositoryRoot}packages/server/`;
const log = (message: string) => console.log(`[bench:server] ${message}`);

interface Row {
  backend: string;
  workload: string;
  result: LoadResult;
  /** CPU time of the server process(es) per request, in ms: comparable even on a busy machine. */
  cpuPerRequest: number;
}

/** User + system CPU so far of the server: the process and its workers, in ms. */
const serverCpuMs = (child: ChildProcess): number => cpuMs(serverPids(child));

const loadAverage = () => (existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a');

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', UPWARD_RATE_LIMIT_MAX: '0', UPWARD_SCHEMA: SCHEMA },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Listening on (http:\/\/[^\s]+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code} before listening:\n${out}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The requests of both workloads for one data set; each write is sent once, over all runs. */
async function workloadsFor(data: BenchData, sign: (sub: string) => Promise<string>) {
  return { ...(await benchRequests(data, sign)), logged: 0 };
}

type Workloads = Awaited<ReturnType<typeof workloadsFor>>;

async function runWorkloads(backend: string, child: ChildProcess, url: string, workloads: Workloads): Promise<Row[]> {
  const measure = async (requests: LoadRequest[], order: LoadOptions['order'], durationSeconds = DURATION) => {
    log(`load average before the run: ${loadAverage()}`);
    const before = serverCpuMs(child);
    const result = await runLoad(TOOL, { url, connections: CONNECTIONS, durationSeconds, requests, order });
    return { result, cpuPerRequest: (serverCpuMs(child) - before) / Math.max(1, result.requests) };
  };
  const { homes, logs } = workloads;
  // Sign-in: every participant loads their home once, as each does first thing in the morning.
  // Their token's signature is checked here (later requests with it skip that), and the server's
  // JIT, pool and PostgreSQL's caches start cold: the figure for a rush of people signing in.
  const signIn = await measure(homes, 'pass', SIGN_IN_BOUND_SECONDS);
  // The day after that: the same people, signed in, loading their home again and again.
  const reads = await measure(homes, 'cycle');
  // The write path warms up first (its code, statements and pages are not the reads'); requests
  // still in flight when a run ends may have been applied as well, so they are skipped after it.
  const writeWarmUp = await runLoad(TOOL, { url, connections: CONNECTIONS, durationSeconds: 2, requests: logs.slice(workloads.logged), order: 'once' });
  workloads.logged += writeWarmUp.requests + CONNECTIONS;
  const writes = await measure(logs.slice(workloads.logged), 'once');
  workloads.logged += writes.result.requests + CONNECTIONS;
  return [
    { backend, workload: `GET  /me/home, sign-in pass (${homes.length} people)`, ...signIn },
    { backend, workload: 'GET  /me/home (participant home)', ...reads },
    { backend, workload: 'POST /sessions/{id}/log (log a session)', ...writes },
  ];
}

async function benchPglite(sign: (sub: string) => Promise<string>, env: Record<string, string>): Promise<Row[]> {
  const dataDir = `${repositoryRoot}.bench-out/server-pglite`;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  log(`PGlite: seeding ${PEOPLE} people and ${SESSIONS} sessions into ${dataDir} …`);
  const pglite = await PGlite.create(dataDir);
  const database = await attachDatabase(pgliteDriver(pglite), SCHEMA, 'bench PGlite', () => pglite.close());
  const data = await seedBenchData(database.store, { people: PEOPLE, sessions: SESSIONS, plannedPerPair: 4, log });
  await database.close();
  const { child, url } = await startServer({ ...env, UPWARD_DATA_DIR: dataDir });
  try {
    return await runWorkloads('PGlite', child, url, await workloadsFor(data, sign));
  } finally {
    await stopServer(child);
  }
}

async function benchPostgres(sign: (sub: string) => Promise<string>, env: Record<string, string>): Promise<Row[]> {
  const url = postgresUrl(serverDir);
  const pool = new pg.Pool({ connectionString: url, max: 10, pipeline: true });
  const driver = nodePgDriver(pool);
  await dropSchema(driver, SCHEMA);
  log(`PostgreSQL: seeding ${PEOPLE} people and ${SESSIONS} sessions into schema ${SCHEMA} …`);
  const database = await attachDatabase(driver, SCHEMA, 'bench PostgreSQL', () => pool.end());
  const data = await seedBenchData(database.store, { people: PEOPLE, sessions: SESSIONS, plannedPerPair: 4, log });
  await vacuumAnalyze(driver, SCHEMA);
  await database.close();
  const workloads = await workloadsFor(data, sign);
  const rows: Row[] = [];
  for (const workers of WORKERS) {
    const { child, url: serverUrl } = await startServer({ ...env, DATABASE_URL: url, UPWARD_WORKERS: String(workers) });
    try {
      rows.push(...(await runWorkloads(`PostgreSQL ×${workers}`, child, serverUrl, workloads)));
    } finally {
      await stopServer(child);
    }
  }
  return rows;
}

const idp = await startIdentityProvider();
const env = { UPWARD_AUTH: 'jwt', UPWARD_JWKS_URL: idp.jwksUrl, UPWARD_JWT_ISSUER: ISSUER, UPWARD_JWT_AUDIENCE: AUDIENCE };
const rows: Row[] = [];
try {
  if (ONLY !== 'postgres') rows.push(...(await benchPglite(idp.sign, env)));
  if (ONLY !== 'pglite') rows.push(...(await benchPostgres(idp.sign, env)));
} finally {
  idp.close();
}

console.log(
  `\n${PEOPLE} people, ${SESSIONS} sessions; ${CONNECTIONS} connections, ${DURATION} s per workload, loopback, load from ${TOOL}; the server in its own process(es), ×N = workers\n`,
);
console.log(
  `${'backend'.padEnd(14)} ${'workload'.padEnd(42)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)} ${'server CPU ms/req'.padStart(18)}`,
);
for (const { backend, workload, result, cpuPerRequest } of rows) {
  console.log(
    `${backend.padEnd(14)} ${workload.padEnd(42)} ${result.perSecond.toFixed(0).padStart(8)} ${result.p50Ms.toFixed(1).padStart(7)} ${result.p99Ms.toFixed(1).padStart(7)} ${String(result.errors).padStart(7)} ${cpuPerRequest.toFixed(2).padStart(18)}`,
  );
}
console.log(`Load average at the end: ${loadAverage()} (2 cores here; ${TOOL} shares them with the server).`);
console.log('\nTargets (PostgreSQL, 2 cores): reads >= 1000 req/s, writes >= 300 req/s, p99 <= 50 ms, 0 errors.');
