// The one test command (`pnpm test`): installs what the tests need on a fresh Debian machine
// (Chromium here; PostgreSQL in the server's runner), type-checks every package, runs the browser
// suites and the server's Node suites (PGlite and PostgreSQL), and ends with a bare
// "N passed, N failed" line that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { executablePath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts }).status ?? 1;

function aptInstall(...pkgs) {
  if (process.getuid?.() !== 0) {
    console.error(`[upward] please install: ${pkgs.join(' ')} (needs root)`);
    return false;
  }
  for (let attempt = 1; attempt <= 10; attempt++) {
    // Another apt may hold the dpkg lock on a machine that is still booting: wait and retry.
    if (run('apt-get', ['update', '-qq']) === 0 && run('apt-get', ['install', '-y', '-qq', ...pkgs]) === 0) return true;
    spawnSync('sleep', ['6']);
  }
  return false;
}

if (!existsSync(executablePath) && !aptInstall('chromium')) process.exit(1);

let passed = 0;
let failed = 0;

const projects = ['packages/sdk', 'packages/elements', 'examples/portal-sdk', 'examples/intranet', 'examples/react'];
for (const project of projects) {
  const status = run('pnpm', ['exec', 'tsc', '-p', `${project}/tsconfig.json`]);
  console.log(`typecheck ${project}: ${status === 0 ? 'ok' : 'FAILED'}`);
  status === 0 ? passed++ : failed++;
}

const summaryFile = `${root}/.test-summary.json`;
rmSync(summaryFile, { force: true });
const wtr = run('pnpm', ['exec', 'web-test-runner', '--config', 'test/web-test-runner.config.mjs'], {
  env: { ...process.env, UPWARD_SUMMARY_FILE: summaryFile },
});
if (existsSync(summaryFile)) {
  const totals = JSON.parse(readFileSync(summaryFile, 'utf8'));
  passed += totals.passed;
  failed += totals.failed;
  rmSync(summaryFile, { force: true });
}
if (wtr !== 0 && failed === 0) failed++; // the runner itself failed (e.g. a browser that did not start)

/**
 * Runs a Node script that ends with its own "N passed, N failed" line, relabels that line (so
 * CI reads only the grand total below as bare) and adds its counts; a script that crashed
 * before counting counts as one failure.
 */
function runCounted(label, script) {
  const child = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write((child.stdout ?? '').replace(/^(\d+ passed, \d+ failed)$/m, `${label} $1`));
  const counts = /^(\d+) passed, (\d+) failed$/m.exec(child.stdout ?? '');
  passed += Number(counts?.[1] ?? 0);
  failed += Number(counts?.[2] ?? 0);
  if (child.status !== 0 && !Number(counts?.[2])) failed++;
}

// Every element documented in the Custom Elements Manifest, every message translated to German.
runCounted('manifest and translations', 'packages/elements/scripts/check-manifest.mjs');
// The server's Node suites (PGlite and Debian's PostgreSQL; their type check included).
runCounted('server suites', 'packages/server/test/run-node-tests.mjs');
// The whole program flow in the demo intranet, by mouse and by keyboard, axe on every screen.
runCounted('end-to-end', 'test/e2e/intranet.e2e.mjs');

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
