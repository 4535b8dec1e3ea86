#!/usr/bin/env node
// Runs every node:test file of @upward/server (PGlite and PostgreSQL) plus its type check, and
// ends with a bare "N passed, N failed" line that CI reads; exits non-zero on any failure.
// Without DATABASE_URL it first sets up the local Debian PostgreSQL (ensure-postgres.mjs); if
// that is impossible the PostgreSQL file fails loudly — unless UPWARD_SKIP_POSTGRES=1.
//   node packages/server/test/run-node-tests.mjs
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const testDir = fileURLToPath(new URL('.', import.meta.url));
const env = { ...process.env };

if (!env.DATABASE_URL && env.UPWARD_SKIP_POSTGRES !== '1') {
  const ensured = spawnSync(process.execPath, [`${testDir}ensure-postgres.mjs`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const url = ensured.stdout?.trim().split('\n').pop();
  if (ensured.status === 0 && url) env.DATABASE_URL = url;
  else console.error('[run-node-tests] No PostgreSQL available: the PostgreSQL tests will fail (set UPWARD_SKIP_POSTGRES=1 to skip them).');
}

let typecheckFailed = 0;
const tsc = spawnSync('pnpm', ['exec', 'tsc', '-p', 'tsconfig.json'], { cwd: serverDir, stdio: 'inherit' });
console.log(`typecheck packages/server: ${tsc.status === 0 ? 'ok' : 'FAILED'}`);
if (tsc.status !== 0) typecheckFailed = 1;

const files = readdirSync(testDir)
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => `${testDir}${f}`);
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stderr',
    `--test-reporter=${testDir}count-reporter.mjs`,
    '--test-reporter-destination=stdout',
    ...files,
  ],
  { cwd: serverDir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
const match = /(\d+) passed, (\d+) failed/.exec(result.stdout ?? '');
const passed = Number(match?.[1] ?? 0) + (typecheckFailed ? 0 : 1);
let failed = Number(match?.[2] ?? 0) + typecheckFailed;
// The runner itself failed (crash, bad flag) without a test failing: still a failure.
if (result.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
