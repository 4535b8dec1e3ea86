#!/usr/bin/env node
// Makes a local Debian PostgreSQL ready for the server tests and prints its DATABASE_URL on
// stdout (progress goes to stderr). Idempotent: installs `postgresql` with apt if missing (as
// root, waiting out a held dpkg lock), creates and starts the cluster listening on 127.0.0.1
// only, and creates the role `upward` and the database `upward_test`. Exits non-zero with a
// reason when any of that is impossible (not root, no apt, no network).
//   DATABASE_URL=$(node packages/server/test/ensure-postgres.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const ROLE = 'upward';
const PASSWORD = 'upward';
const DATABASE = 'upward_test';

const log = (message) => console.error(`[ensure-postgres] ${message}`);
function fail(message) {
  console.error(`[ensure-postgres] FAILED: ${message}`);
  process.exit(1);
}
/** Runs a command; stdout captured, stderr shown only on failure. */
function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (result.error) return { status: 127, stdout: '', stderr: String(result.error.message) };
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
const sleep = (seconds) => spawnSync('sleep', [String(seconds)]);
const isRoot = process.getuid?.() === 0;

function installed() {
  return existsSync('/usr/bin/pg_ctlcluster') && versions().length > 0;
}
function versions() {
  if (!existsSync('/usr/lib/postgresql')) return [];
  return readdirSync('/usr/lib/postgresql')
    .filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`))
    .sort((a, b) => Number(b) - Number(a));
}

function install() {
  if (!isRoot) fail('PostgreSQL is not installed and installing it needs root: run `apt-get install -y postgresql` as root, or set DATABASE_URL.');
  if (!existsSync('/usr/bin/apt-get')) fail('PostgreSQL is not installed and this machine has no apt-get (not Debian?). Set DATABASE_URL to a PostgreSQL server.');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (let attempt = 1; attempt <= 20; attempt++) {
    log(`installing postgresql with apt (attempt ${attempt})…`);
    const update = run('apt-get', ['update', '-qq'], { env });
    const result = update.status === 0 ? run('apt-get', ['install', '-y', '-qq', 'postgresql'], { env }) : update;
    if (result.status === 0 && installed()) return;
    const locked = /lock|Could not get lock|dpkg was interrupted/i.test(result.stderr);
    if (/dpkg was interrupted/i.test(result.stderr)) run('dpkg', ['--configure', '-a'], { env });
    log(locked ? 'the dpkg lock is held by another apt; waiting…' : `apt failed: ${result.stderr.trim().split('\n').slice(-2).join(' ')}`);
    sleep(locked ? 6 : 3);
  }
  fail('could not install postgresql with apt (see the messages above).');
}

/** `pg_lsclusters -h` lines: version, name, port, status, owner, data dir, log. */
function clusters() {
  return run('pg_lsclusters', ['-h'])
    .stdout.split('\n')
    .filter(Boolean)
    .map((line) => {
      const [version, name, port, status] = line.trim().split(/\s+/);
      return { version, name, port: Number(port), online: status?.startsWith('online') ?? false };
    });
}

function asPostgres(cmd, args) {
  return run('runuser', ['-u', 'postgres', '--', cmd, ...args], { cwd: '/tmp' });
}

function psql(port, sql) {
  return asPostgres('psql', ['-p', String(port), '-v', 'ON_ERROR_STOP=1', '-qtA', '-d', 'postgres', '-c', sql]);
}

function reachable(url) {
  const result = run('psql', [url, '-qtA', '-c', 'select 1'], { env: { ...process.env, PGCONNECT_TIMEOUT: '3' } });
  return result.status === 0;
}

const urlFor = (port) => `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;

// Already set up (for instance by an earlier run, or as a non-root user afterwards)?
for (const c of installed() ? clusters() : []) {
  if (c.online && reachable(urlFor(c.port))) {
    console.log(urlFor(c.port));
    process.exit(0);
  }
}

if (!installed()) install();
if (!isRoot) fail('PostgreSQL is installed but not set up for the tests, and setting it up needs root (run this script as root once).');

const version = versions()[0];
let cluster = clusters().find((c) => c.version === version) ?? clusters()[0];
if (!cluster) {
  log(`creating cluster ${version}/main…`);
  const created = run('pg_createcluster', [version, 'main']);
  if (created.status !== 0) fail(`pg_createcluster failed: ${created.stderr.trim()}`);
  cluster = clusters().find((c) => c.version === version);
  if (!cluster) fail('the cluster was created but pg_lsclusters does not list it.');
}

// Listen on the loopback address only: a test database must not be reachable from the network.
// A drop-in under conf.d (included at the end of Debian's postgresql.conf) leaves that file alone.
const dropIn = `/etc/postgresql/${cluster.version}/${cluster.name}/conf.d/upward-tests.conf`;
const wanted = "# Written by packages/server/test/ensure-postgres.mjs\nlisten_addresses = '127.0.0.1'\n";
if (!existsSync(dropIn) || readFileSync(dropIn, 'utf8') !== wanted) {
  log(`writing ${dropIn} (listen on 127.0.0.1 only)`);
  mkdirSync(dirname(dropIn), { recursive: true });
  writeFileSync(dropIn, wanted);
  if (cluster.online) run('pg_ctlcluster', [cluster.version, cluster.name, 'restart']);
}

if (!clusters().find((c) => c.version === cluster.version && c.name === cluster.name)?.online) {
  log(`starting cluster ${cluster.version}/${cluster.name}…`);
  const started = run('pg_ctlcluster', [cluster.version, cluster.name, 'start']);
  if (started.status !== 0) fail(`pg_ctlcluster start failed: ${(started.stderr || started.stdout).trim()}`);
}

const port = cluster.port;
for (let i = 0; ; i++) {
  if (run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0) break;
  if (i >= 60) fail(`PostgreSQL did not accept connections on 127.0.0.1:${port} within 30 s.`);
  sleep(0.5);
}

const role = psql(
  port,
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}';
     ELSE ALTER ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'; END IF;
   END $$`,
);
if (role.status !== 0) fail(`could not create the role: ${role.stderr.trim()}`);
const exists = psql(port, `SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`);
if (exists.status !== 0) fail(`could not list databases: ${exists.stderr.trim()}`);
if (exists.stdout.trim() !== '1') {
  const created = asPostgres('createdb', ['-p', String(port), '-O', ROLE, DATABASE]);
  if (created.status !== 0) fail(`createdb failed: ${created.stderr.trim()}`);
}

const url = urlFor(port);
if (!reachable(url)) fail(`set up, but ${url} still refuses connections (check pg_hba.conf allows password logins on 127.0.0.1).`);
log('ready');
console.log(url);
