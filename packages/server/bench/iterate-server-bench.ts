/**
 * A quicker loop for server performance work than `pnpm bench:server`: seeds the PostgreSQL
 * benchmark data set once (schema `bench_iter`, its pair list kept in `.bench-out/`), then each
 * run starts the server, loads it (wrk or autocannon, see load-generator.ts) and reports, besides req/s and latency, the
 * server's CPU time per request (from /proc), which stays comparable when other work shares
 * the machine and throughput does not. Each write run takes planned sessions not used before.
 *
 *   pnpm exec tsx packages/server/bench/iterate-server-bench.ts [--workload reads|writes|both]
 *     [--workers 1] [--duration 10] [--connections 10] [--reseed 1] [--cpu-prof 1] [--tool wrk|autocannon]
 * `--cpu-prof 1` (one worker) writes a V8 CPU profile of the server to `.bench-out/profiles/`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { repositoryRoot } from '../src/config.ts';
import { attachDatabase } from '../src/database/open-database.ts';
import { dropSchema, nodePgDriver } from '../src/index.ts';
import { seedBenchData, type BenchData } from './seed-bench.ts';
import { chooseLoadTool, runLoad, type LoadOptions, type LoadRequest, type LoadResult } from './load-generator.ts';
import { AUDIENCE, ISSUER, benchRequests, cpuMs, postgresUrl, serverPids, startIdentityProvider, vacuumAnalyze } from './bench-support.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const WORKLOAD = args.get('workload') ?? 'both';
const WORKERS = Number(args.get('workers') ?? 1);
const DURATION = Number(args.get('duration') ?? 10);
const CONNECTIONS = Number(args.get('connections') ?? 10);
const PROFILE = args.get('cpu-prof') === '1';
const SCHEMA = 'bench_iter';
const TOOL = chooseLoadTool(args.get('tool'), console.log);
const serverDir = `${repositoryRoot}packages/server/`;
const outDir = `${repositoryRoot}.bench-out/`;
const stateFile = `${outDir}iterate-state.json`;
const profileDir = `${outDir}profiles/`;

interface State {
  data: BenchData;
  /** Planned sessions already logged by earlier write runs. */
  used: number;
}

async function ensureSeeded(url: string): Promise<State> {
  if (existsSync(stateFile) && args.get('reseed') !== '1') return JSON.parse(readFileSync(stateFile, 'utf8')) as State;
  const pool = new pg.Pool({ connectionString: url, max: 10, pipeline: true });
  const driver = nodePgDriver(pool);
  await dropSchema(driver, SCHEMA);
  const database = await attachDatabase(driver, SCHEMA, 'bench', () => pool.end());
  const data = await seedBenchData(database.store, { people: 10_000, sessions: 50_000, plannedPerPair: 4, log: console.log });
  await vacuumAnalyze(driver, SCHEMA);
  await database.close();
  const state = { data, used: 0 };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(stateFile, JSON.stringify(state));
  return state;
}

/** CPU of the PostgreSQL backends (all of them: the benchmark is the only client that matters). */
function postgresCpuMs(): number {
  const out = spawnSync('pgrep', ['-f', 'postgres'], { encoding: 'utf8' }).stdout.trim();
  return cpuMs(out.split('\n').filter(Boolean).map(Number));
}

const idp = await startIdentityProvider();
const { jwksUrl, sign } = idp;

const url = postgresUrl(serverDir);
const state = await ensureSeeded(url);
mkdirSync(profileDir, { recursive: true });
const nodeArgs = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
  cwd: serverDir,
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    UPWARD_RATE_LIMIT_MAX: '0',
    UPWARD_SCHEMA: SCHEMA,
    DATABASE_URL: url,
    UPWARD_WORKERS: String(WORKERS),
    UPWARD_AUTH: 'jwt',
    UPWARD_JWKS_URL: jwksUrl,
    UPWARD_JWT_ISSUER: ISSUER,
    UPWARD_JWT_AUDIENCE: AUDIENCE,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const serverUrl = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const found = /Listening on (http:\/\/[^\s]+)/.exec(out)?.[1];
    if (found) resolve(found);
  });
  child.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${out}`)));
});

const requests = await benchRequests(state.data, sign);
const homes = requests.homes;
const logs = requests.logs.slice(state.used);

async function measure(name: string, requests: LoadRequest[], order: LoadOptions['order'], durationSeconds = DURATION): Promise<LoadResult> {
  const pids = serverPids(child);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const cpu0 = cpuMs(pids);
  const pg0 = postgresCpuMs();
  const result = await runLoad(TOOL, { url: serverUrl, connections: CONNECTIONS, durationSeconds, requests, order });
  const cpu = cpuMs(pids) - cpu0;
  const pgCpu = postgresCpuMs() - pg0;
  console.log(
    `${name.padEnd(7)} ${result.perSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms.toFixed(1).padStart(5)}  p99 ${result.p99Ms.toFixed(1).padStart(5)} ms  errors ${result.errors}  ` +
      `server ${(cpu / result.requests).toFixed(2)} ms CPU/req  postgres ${(pgCpu / result.requests).toFixed(2)} ms CPU/req  load before ${load}  (${TOOL})`,
  );
  return result;
}

try {
  // Every participant signs in first (see run-server-bench.ts); reads then measure the steady state.
  await measure('sign-in', homes, 'pass', 300);
  if (WORKLOAD !== 'writes') await measure('reads', homes, 'cycle');
  if (WORKLOAD !== 'reads') {
    if (logs.length === 0) throw new Error('out of planned sessions: run with --reseed 1');
    const result = await measure('writes', logs, 'once');
    // Requests still in flight when the run ended may have been applied too.
    state.used += result.requests + CONNECTIONS;
    writeFileSync(stateFile, JSON.stringify(state));
  }
} finally {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  idp.close();
}
if (PROFILE) console.log(`profiles: ${readdirSync(profileDir).join(', ')}`);
