/**
 * What both server benchmarks need: an identity provider (a key pair, its JWKS served on
 * loopback and a signer for bearer tokens, so the server checks real JWTs as behind Entra ID or
 * Okta), a PostgreSQL to measure against, and CPU accounting from /proc.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../src/index.ts';
import type { LoadRequest } from './load-generator.ts';
import type { BenchData } from './seed-bench.ts';

export const ISSUER = 'https://bench.upward.invalid';
export const AUDIENCE = 'upward-bench';

/** RS256 with a 2048-bit key: how Entra ID and Okta sign access tokens unless told otherwise. */
const ALG = 'RS256';

export async function startIdentityProvider() {
  const { publicKey, privateKey } = await generateKeyPair(ALG, { modulusLength: 2048 });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: ALG, use: 'sig' };
  const server = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  const sign = (sub: string) =>
    new SignJWT({ sub }).setProtectedHeader({ alg: ALG, kid: 'bench' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('2h').sign(privateKey);
  return { jwksUrl, sign, close: () => server.close() };
}

/** A PostgreSQL to measure against: `DATABASE_URL`, else Debian's, set up by the tests' helper. */
export function postgresUrl(serverDir: string): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const ensured = spawnSync(process.execPath, [`${serverDir}test/ensure-postgres.mjs`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const url = ensured.stdout?.trim().split('\n').pop();
  if (ensured.status !== 0 || !url) throw new Error('No PostgreSQL: set DATABASE_URL or run as root so test/ensure-postgres.mjs can set one up.');
  return url;
}

/**
 * Vacuumed as well as analysed: right after a bulk load, autovacuum would otherwise run during
 * the measurement and take CPU from it (a server in steady state has long been vacuumed).
 */
export async function vacuumAnalyze(driver: SqlExecutor, schema: string): Promise<void> {
  const { rows: tables } = await driver.query<{ name: string }>('SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = $1', [schema]);
  await driver.query(`VACUUM (ANALYZE) ${tables.map((t) => `"${schema}".${t.name}`).join(', ')}`);
}

/** User + system CPU so far of the processes still running among `pids`, in ms (Linux /proc; NaN elsewhere). */
export function cpuMs(pids: readonly number[]): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const tick = 1000 / Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100);
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // The process is gone.
    }
  }
  return total;
}

/** The server process and the workers it forked. */
export function serverPids(child: ChildProcess): number[] {
  const out = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout?.trim() ?? '';
  return [child.pid!, ...out.split('\n').filter(Boolean).map(Number)];
}

/**
 * Both workloads' requests for a seeded data set: a participant's home, each request as another
 * participant, and logging each planned session once, by its mentor and mentee in turn, with
 * If-Match and a fresh Idempotency-Key. The logs go round the pairs (every pair's first planned
 * session, then every pair's second, …): many people log sessions at once, but one pair does not
 * log four sessions in the same few milliseconds, which would only measure the store's
 * serialization retries on that one match (tested in the concurrency tests, not a load pattern).
 */
export async function benchRequests(data: BenchData, sign: (sub: string) => Promise<string>): Promise<{ homes: LoadRequest[]; logs: LoadRequest[] }> {
  const participants = data.pairs.flatMap((p) => [p.mentorId, p.menteeId]);
  const tokens = new Map<string, string>();
  for (const id of participants) tokens.set(id, `Bearer ${await sign(id)}`);
  const homes: LoadRequest[] = participants.map((id) => ({ method: 'GET', path: '/api/v1/me/home', headers: { authorization: tokens.get(id)! } }));
  const body = JSON.stringify({ sharedNotes: 'We looked at prompt writing together.', topics: ['Generative AI at work'], learned: 'How to brief a model' });
  const rounds = Math.max(0, ...data.pairs.map((p) => p.planned.length));
  const logs: LoadRequest[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const p of data.pairs) {
      const sessionId = p.planned[round];
      if (sessionId === undefined) continue;
      logs.push({
        method: 'POST',
        path: `/api/v1/sessions/${sessionId}/log`,
        headers: {
          authorization: tokens.get(round % 2 ? p.menteeId : p.mentorId)!,
          'content-type': 'application/json',
          'if-match': '"1"',
          'idempotency-key': randomUUID(),
        },
        body,
      });
    }
  }
  return { homes, logs };
}
