// `pnpm bench`: the storage benchmark of Upward, in headless Chromium on a real origin.
//
// Bundles bench/store-bench.ts with esbuild into a temp dir, serves it from a tiny node:http server
// on 127.0.0.1 (random free port; cross-origin isolated so performance.now() has fine resolution),
// opens it in Debian's Chromium through playwright-core, and prints what the page reports: a
// readable table, then one JSON line per measurement (prefixed `BENCH `) for machines.
//
// Options (all optional): --store=indexeddb|memory  --samples=200  --warmup=20  --imports=3
//   --only=log,list,home,import  --people=10000 --matches=2000 --sessions=50000
//   --profile   (also split each operation's time: store calls vs the rest, raw tx and zod costs)
//   --cpu-profile=FILE  (record a V8 CPU profile of the whole run; prints the top self-time functions)
// Exit code: 0 when the run completed (missed targets are reported, not failed), 1 on an error.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { args as chromiumArgs, executablePath } from '../../../test/chromium.mjs';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [k, ...v] = a.slice(2).split('=');
      return [k, v.length ? v.join('=') : '1'];
    }),
);
if (!existsSync(executablePath)) {
  console.error(`[bench] no Chromium at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  process.exit(1);
}
const timeoutMs = Number(args.timeout ?? 30 * 60) * 1000;

// 1. Bundle ------------------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'upward-bench-'));
const cleanup = () => rmSync(dir, { recursive: true, force: true });
await build({
  entryPoints: [join(here, 'store-bench.ts')],
  outfile: join(dir, 'store-bench.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: 'inline',
  minify: false,
  logLevel: 'warning',
  conditions: ['browser'],
  tsconfig: join(here, '..', '..', '..', 'tsconfig.base.json'),
});
writeFileSync(
  join(dir, 'index.html'),
  '<!doctype html><html><head><meta charset="utf-8"><title>Upward store bench</title></head>' +
    '<body><script type="module" src="/store-bench.js"></script></body></html>',
);

// 2. Serve on 127.0.0.1, a random free port ------------------------------------------------------
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = path === '/' ? 'index.html' : path.slice(1);
  const ext = file.slice(file.lastIndexOf('.'));
  if (file === 'favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  if (!/^[\w.-]+$/.test(file) || !(ext in types) || !existsSync(join(dir, file))) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'content-type': types[ext],
    'cache-control': 'no-store',
    // Cross-origin isolation: performance.now() at 5 µs instead of 100 µs.
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
  res.end(readFileSync(join(dir, file)));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

// 3. Run in Chromium ---------------------------------------------------------------------------
const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
const results = [];
let environment;
let failure;
let finish;
const finished = new Promise((resolve) => (finish = resolve));
const started = Date.now();
const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    failure ??= `page error: ${error.message}`;
    finish();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') console.error(`[page ${msg.type()}] ${msg.text()}`);
  });
  await page.exposeFunction('__upwardBench', (message) => {
    switch (message.type) {
      case 'log':
        console.error(`[bench ${stamp()}] ${message.message}`);
        break;
      case 'result':
        results.push(message.result);
        console.error(`[bench ${stamp()}] ${message.result.name}: median ${message.result.median} ms, p95 ${message.result.p95} ms`);
        break;
      case 'done':
        environment = message.environment;
        finish();
        break;
      case 'error':
        failure = `${message.message}\n${message.stack ?? ''}`;
        finish();
        break;
    }
  });

  let cdp;
  if (args['cpu-profile']) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }

  const query = new URLSearchParams();
  for (const key of ['store', 'samples', 'warmup', 'imports', 'only', 'people', 'matches', 'sessions']) {
    if (args[key] !== undefined) query.set(key, args[key]);
  }
  if (args.profile) query.set('profile', '1');
  const url = `http://127.0.0.1:${port}/?${query}`;
  console.error(`[bench] ${url} in ${executablePath} (${await browser.version()})`);
  await page.goto(url);
  const timer = setTimeout(() => {
    failure ??= `timed out after ${timeoutMs / 1000} s`;
    finish();
  }, timeoutMs);
  await finished;
  clearTimeout(timer);

  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(args['cpu-profile'], JSON.stringify(profile));
    printTopFunctions(profile);
  }
} finally {
  await browser.close().catch(() => undefined);
  server.close();
  cleanup();
}

// 4. Report ------------------------------------------------------------------------------------
printTable(results);
for (const r of results) console.log(`BENCH ${JSON.stringify({ ...r, store: environment?.store ?? args.store ?? 'indexeddb' })}`);
if (environment) console.error(`[bench] done in ${environment.totalSeconds} s; ${environment.userAgent}; crossOriginIsolated=${environment.crossOriginIsolated}`);
if (failure) {
  console.error(`[bench] FAILED: ${failure}`);
  process.exit(1);
}

function printTable(rows) {
  const fmt = (v) => (typeof v === 'number' && Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(2)) : '');
  const main = rows.filter((r) => r.kind !== 'profile');
  const table = main.map((r) => {
    const verdict = r.target === undefined ? '' : r.median <= r.target ? 'ok' : 'MISSED';
    return [
      r.name,
      r.kind,
      String(r.samples),
      fmt(r.median),
      fmt(r.p95),
      r.target === undefined ? '' : `<= ${r.target}`,
      verdict,
      r.values ? r.values.map(fmt).join(' / ') : r.kind === 'setup' ? r.note : '',
    ];
  });
  const head = ['operation', 'kind', 'n', 'median ms', 'p95 ms', 'target', '', 'notes'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => (i === 7 ? 0 : row[i].length))));
  const line = (cells) => cells.map((c, i) => (i === 7 ? c : i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log('');
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
  const profiles = rows.filter((r) => r.kind === 'profile');
  if (profiles.length) {
    console.log('\nprofile (where the time goes):');
    for (const r of profiles) console.log(`  ${r.name.replace(/^profile:/, '')}: median ${fmt(r.median)} ms, p95 ${fmt(r.p95)} ms${r.note ? `\n      ${r.note}` : ''}`);
  }
  console.log('');
}

function printTopFunctions(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  profile.samples?.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log('\nCPU profile, top self time:');
  for (const [key, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}
