/**
 * The command line (`src/main.ts`) as a newcomer runs it: a bad configuration stops it with the
 * variable's name; demo mode on PGlite with its data directory on disk imports the sample org,
 * serves the API, shuts down on SIGTERM, and finds its data again on the next start.
 */
import { describe, it } from 'node:test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

function start(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url)
        resolve({
          url,
          stop: () => {
            const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
            child.kill('SIGTERM');
            return exited;
          },
        });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${out}`)));
  });
}

describe('The command line', () => {
  it('refuses a bad configuration, naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, UPWARD_AUTH: 'demo', UPWARD_DEMO: '', PORT: 'not-a-port' },
      encoding: 'utf8',
    });
    expect(result.status).to.equal(2);
    expect(result.stderr).to.include('PORT: must be a whole number');
  });

  it('with several workers, stops when they keep failing (no database) instead of restarting them forever', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', UPWARD_DEMO: '1', UPWARD_WORKERS: '2', DATABASE_URL: 'postgres://nobody:none@127.0.0.1:1/nothing' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.signal, result.stderr).to.equal(null);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include('starting another in 250 ms');
    expect(result.stderr).to.include('stopping');
  });

  it('runs the demo on PGlite on disk: seeds once, serves, stops on SIGTERM, keeps its data', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'upward-cli-'));
    try {
      const env = { UPWARD_DEMO: '1', UPWARD_DATA_DIR: dataDir };
      const first = await start(env);
      const me = await fetch(`${first.url}/api/v1/people/me`, { headers: { 'x-upward-acting-as': 'E0025' } });
      expect(me.status).to.equal(200);
      const update = await fetch(`${first.url}/api/v1/people`, {
        method: 'POST',
        headers: { 'x-upward-acting-as': 'E0025', 'content-type': 'application/json', 'idempotency-key': 'cli-1' },
        body: JSON.stringify({ ...(await me.json()), id: 'E0025', title: 'Chief People Officer', version: undefined, createdAt: undefined, updatedAt: undefined }),
      });
      expect(update.status, await update.clone().text()).to.equal(200);
      expect(await first.stop()).to.equal(0);

      const second = await start(env);
      const again = await fetch(`${second.url}/api/v1/people/me`, { headers: { 'x-upward-acting-as': 'E0025' } });
      expect(await again.json()).to.include({ title: 'Chief People Officer', version: 2 });
      expect(await second.stop()).to.equal(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
