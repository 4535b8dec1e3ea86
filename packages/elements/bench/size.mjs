// Size benchmark of @upward/elements (`pnpm bench:size`): production builds with Vite (minified,
// es2022, Lit templates minified by the same plugin the demo build uses), measured with gzip -9.
//
// Two views, both reported:
// 1. Bundle graph, for every entry: "initial" (the entry chunk and every chunk it imports
//    statically: what a page downloads before it can run) and "all chunks" (initial plus every
//    chunk it can load later: services on first call, German messages, the matching Worker).
// 2. Real pages in Chromium (playwright-core, Debian's /usr/bin/chromium) for the target pages:
//    each page is built, served, opened against an IndexedDB store seeded beforehand (by a
//    separate page, so seeding loads nothing into the measured one) and left to render its
//    elements with real data; "loaded" is the gzip size of every JS file the page actually
//    requested until every Upward element showed its content and the network was idle.
// Then it names the biggest contributors to the all-in-one page, so it is clear where bytes go.
//
//   node packages/elements/bench/size.mjs [--json] [--check] [--no-browser] [--no-minify-templates]
//   --json                 machine-readable report on stdout
//   --check                exit 1 when a target is missed (measured: loaded in the browser)
//   --no-browser           bundle graph only (no Chromium)
//   --no-minify-templates  measure without the Lit template minifier (for before/after figures)
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundle as buildPage, serve } from './bench-page.mjs';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const sdk = fileURLToPath(new URL('../../sdk/src/', import.meta.url));
const sdkTest = fileURLToPath(new URL('../../sdk/test/', import.meta.url));
const KB = 1024;
const json = process.argv.includes('--json');
const check = process.argv.includes('--check');
const browser = !process.argv.includes('--no-browser');
const minifyLitTemplates = !process.argv.includes('--no-minify-templates');
const bundle = (code, outDir) => buildPage(code, outDir, { minifyLitTemplates });
const DB = 'upward-size-bench';

/** The SDK's local engine on IndexedDB. Kept alive through a global so nothing is tree-shaken away. */
const sdkLocal = `import { createUpward } from '${sdk}index.ts';
import { indexedDbStore } from '${sdk}storage/indexeddb-store.ts';
globalThis.upwardBench = createUpward({ store: indexedDbStore({ name: 'bench' }), actor: { personId: 'p1' } });`;

const defines = readdirSync(`${src}define`)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

// The autoloader must know every element: a define module it does not list would never load.
const lazySource = readFileSync(`${src}lazy.ts`, 'utf8');
const unlisted = defines.filter((d) => d !== 'upward-provider' && !lazySource.includes(`./define/${d}.ts`));
if (unlisted.length) console.error(`Warning: src/lazy.ts does not load ${unlisted.join(', ')}.`);

const staticEntries = [
  ...defines.map((name) => ({ name: `define/${name}`, code: `import '${src}define/${name}.ts';` })),
  { name: 'all (every element)', code: `import '${src}all.ts';` },
  { name: 'lazy (autoloader)', code: `import '${src}lazy.ts';` },
  { name: 'SDK alone: createUpward + IndexedDB store', code: sdkLocal },
  // For comparison: a page whose data lives on a server needs no local engine.
  { name: 'SDK remote client alone: connectUpward', code: `import { connectUpward } from '${sdk}remote/client.ts';\nglobalThis.upwardBench = connectUpward;` },
];

/**
 * A page the browser measures: `imports` registers elements, then the page creates one client
 * per provider on the seeded IndexedDB store and shows `markup` (ids from the seeding page).
 */
function pageCode(imports, markup) {
  return `${imports}
import { createUpward } from '${sdk}index.ts';
import { indexedDbStore } from '${sdk}storage/indexeddb-store.ts';
const ids = JSON.parse(localStorage.getItem('${DB}') ?? '{}');
const store = indexedDbStore({ name: '${DB}' });
document.body.innerHTML = ${JSON.stringify(markup)}.replaceAll('PROGRAM', ids.programId).replaceAll('MATCH', ids.matchId);
for (const p of document.querySelectorAll('upward-provider[data-actor]')) {
  p.client = createUpward({ store, actor: { personId: p.dataset.actor, isAdmin: p.hasAttribute('data-admin') } });
}`;
}

/** Anna mentors Sam (VP Sales); the match is accepted and one session is planned. */
const sessionLogMarkup = `<upward-provider data-actor="anna"><upward-session-log match-id="MATCH"></upward-session-log></upward-provider>`;
/** Every element, each seen by a person it is made for. */
const everyElementMarkup = [
  `<upward-provider data-actor="admin" data-admin><upward-program-setup program-id="PROGRAM"></upward-program-setup><upward-pairing-board program-id="PROGRAM"></upward-pairing-board></upward-provider>`,
  `<upward-provider data-actor="anna"><upward-my-mentoring></upward-my-mentoring><upward-agreement match-id="MATCH"></upward-agreement><upward-session-log match-id="MATCH"></upward-session-log></upward-provider>`,
  `<upward-provider data-actor="vp-eng"><upward-mentor-finder program-id="PROGRAM"></upward-mentor-finder></upward-provider>`,
  `<upward-provider data-actor="ceo"><upward-enrolment program-id="PROGRAM"></upward-enrolment></upward-provider>`,
].join('');

const pages = [
  { name: 'every element (all.ts) + createUpward + IndexedDB', code: pageCode(`import '${src}all.ts';`, everyElementMarkup), target: 45 * KB },
  { name: 'session-log + provider + createUpward + IndexedDB', code: pageCode(`import '${src}define/upward-provider.ts';\nimport '${src}define/session-log.ts';`, sessionLogMarkup), target: 25 * KB },
  { name: 'every element via lazy.ts + createUpward + IndexedDB', code: pageCode(`import '${src}lazy.ts';`, everyElementMarkup), target: 45 * KB },
  { name: 'session-log via lazy.ts + createUpward + IndexedDB', code: pageCode(`import '${src}lazy.ts';`, sessionLogMarkup), target: 25 * KB },
];

/** Seeds the bench database through the public API (the SDK behaviour suite's small world). */
const seedCode = `import { createUpward } from '${sdk}index.ts';
import { indexedDbStore } from '${sdk}storage/indexeddb-store.ts';
import { seedWorld } from '${sdkTest}upward/world.ts';
await new Promise((resolve) => { const r = indexedDB.deleteDatabase('${DB}'); r.onsuccess = r.onerror = r.onblocked = resolve; });
const store = indexedDbStore({ name: '${DB}' });
const as = (actor) => createUpward({ store, actor });
const { programId, hr } = await seedWorld(as);
const match = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
await as({ personId: 'anna' }).matches.respond({ matchId: match.id, accept: true });
await as({ personId: 'vp-sales' }).matches.respond({ matchId: match.id, accept: true });
await as({ personId: 'anna' }).sessions.plan({ matchId: match.id, scheduledAt: '2027-01-20T10:00:00Z' });
localStorage.setItem('${DB}', JSON.stringify({ programId, matchId: match.id }));
document.title = 'seeded';`;

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

/** Which package or folder a module belongs to, for the "where do the bytes go" table. */
function owner(id) {
  const path = id.replace(/\\/g, '/').replace(/\?.*$/, '');
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1] === 'zod' ? `zod (${/zod\/v4\/(mini|classic|core|locales)/.exec(path)?.[1] ?? 'other'})` : pkg[1];
  const local = /packages\/(sdk|elements)\/src\/([^/]+)/.exec(path);
  if (local) return `@upward/${local[1]}/${local[2]}`;
  return path;
}

/** The bundle-graph view of one build: initial, all chunks, and who owns the initial bytes. */
function graph(outputs) {
  const chunks = new Map(outputs.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const start = [...chunks.values()].find((c) => c.isEntry);
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const next of chunks.get(name)?.imports ?? []) visit(next);
  };
  visit(start.fileName);
  const sizeOf = (o) => (o.type === 'chunk' ? o.code : o.source);
  const js = outputs.filter((o) => /\.(js|mjs)$/.test(o.fileName));
  const initialGzip = [...initial].reduce((sum, name) => sum + gzip(chunks.get(name).code), 0);
  const initialMinified = [...initial].reduce((sum, name) => sum + Buffer.byteLength(chunks.get(name).code), 0);
  const lazy = js.filter((o) => !initial.has(o.fileName)).map((o) => ({ file: o.fileName, gzip: gzip(sizeOf(o)) }));
  const allGzip = initialGzip + lazy.reduce((s, l) => s + l.gzip, 0);
  // Attribution: rendered (tree-shaken, pre-minification) length per owner, scaled to the gzip total.
  const byOwner = new Map();
  for (const name of initial) {
    for (const [moduleId, info] of Object.entries(chunks.get(name).modules ?? {})) {
      const key = owner(moduleId);
      byOwner.set(key, (byOwner.get(key) ?? 0) + (info.renderedLength ?? 0));
    }
  }
  const rendered = [...byOwner.values()].reduce((a, b) => a + b, 0) || 1;
  const contributors = [...byOwner]
    .map(([key, length]) => ({ owner: key, share: length / rendered, gzipEstimate: Math.round((initialGzip * length) / rendered) }))
    .sort((a, b) => b.share - a.share);
  /** The same attribution over any set of chunks (e.g. the ones a page really loaded), each scaled to its own gzip size. */
  const ownersOf = (fileNames) => {
    const owners = new Map();
    for (const name of fileNames) {
      const chunk = chunks.get(name);
      if (!chunk) continue; // the Worker is an asset, not a chunk
      const entries = Object.entries(chunk.modules ?? {});
      const total = entries.reduce((s, [, info]) => s + (info.renderedLength ?? 0), 0) || 1;
      const size = gzip(chunk.code);
      for (const [moduleId, info] of entries) {
        const key = owner(moduleId);
        owners.set(key, (owners.get(key) ?? 0) + (size * (info.renderedLength ?? 0)) / total);
      }
    }
    return [...owners].map(([key, gzipEstimate]) => ({ owner: key, gzipEstimate: Math.round(gzipEstimate) })).sort((a, b) => b.gzipEstimate - a.gzipEstimate);
  };
  return { initialGzip, initialMinified, allGzip, chunkCount: js.length, lazy, contributors, ownersOf };
}

/** Opens every page in Chromium and sums the gzip size of the JS files it requested. */
async function measurePages(built, root) {
  const { chromium } = await import('playwright-core');
  const { args, executablePath } = await import('../../../test/chromium.mjs');
  const { url, close } = await serve(root);
  const chromiumBrowser = await chromium.launch({ executablePath, args, headless: true });
  try {
    const context = await chromiumBrowser.newContext();
    const seedPage = await context.newPage();
    const seedErrors = [];
    seedPage.on('pageerror', (e) => seedErrors.push(e));
    await seedPage.goto(`${url}seed/`);
    await seedPage.waitForFunction(() => document.title === 'seeded', null, { timeout: 60_000 }).catch((error) => {
      throw new Error(`seeding failed: ${seedErrors.join('; ') || error.message}`);
    });
    await seedPage.close();
    const results = [];
    for (const page of built) {
      const tab = await context.newPage();
      const requested = new Set();
      const errors = [];
      tab.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.endsWith('.js')) requested.add(path.slice(1));
      });
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(`${url}${page.dir}/`);
      // Rendered: every Upward element (nested ones too) is defined and shows something that is
      // not its loading state; then the network is idle (lazy chunks have arrived).
      await tab.waitForFunction(
        () => {
          const pending = [];
          const walk = (root) => {
            for (const el of root.querySelectorAll('*')) {
              if (!el.localName.startsWith('upward-')) continue;
              if (el.localName === 'upward-provider') continue;
              const shadow = el.shadowRoot;
              if (!customElements.get(el.localName) || !shadow || !shadow.childElementCount || shadow.querySelector('[part="loading"]')) pending.push(el.localName);
              else walk(shadow);
            }
          };
          walk(document);
          return pending.length === 0;
        },
        null,
        { timeout: 60_000, polling: 100 },
      );
      await tab.waitForLoadState('networkidle');
      const problems = await tab.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('upward-') && el.shadowRoot?.querySelector('[part="error"], [part="empty"]'))
          .map((el) => `${el.localName}: ${el.shadowRoot.textContent.replace(/\s+/g, ' ').trim().slice(0, 120)}`),
      );
      await tab.close();
      const files = [...requested].sort();
      const loadedGzip = files.reduce((sum, f) => sum + gzip(readFileSync(join(root, f))), 0);
      results.push({ name: page.name, loadedGzip, files: files.map((f) => ({ file: f, gzip: gzip(readFileSync(join(root, f))) })), errors, notes: problems });
    }
    return results;
  } finally {
    await chromiumBrowser.close();
    close();
  }
}

// 1. The bundle graph of every entry and page.
const reports = [];
for (const entry of staticEntries) reports.push({ name: entry.name, ...graph(await bundle(entry.code)) });
const root = mkdtempSync(join(tmpdir(), 'upward-size-'));
const built = [];
try {
  for (const [i, page] of pages.entries()) {
    const dir = `page-${i}`;
    const report = { name: page.name, target: page.target, ...graph(await bundle(page.code, join(root, dir))) };
    writeFileSync(join(root, dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./entry.js"></script>');
    reports.push(report);
    built.push({ ...page, dir, report });
  }
  // 2. The same pages in Chromium.
  if (browser) {
    await bundle(seedCode, join(root, 'seed'));
    writeFileSync(join(root, 'seed', 'index.html'), '<!doctype html><meta charset="utf-8"><title>seeding</title><script type="module" src="./entry.js"></script>');
    for (const measured of await measurePages(built, root)) {
      const report = reports.find((r) => r.name === measured.name);
      measured.owners = report.ownersOf(measured.files.map((f) => f.file.replace(/^page-\d+\//, '')));
      Object.assign(report, { measured });
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

const targetOf = (r) => (r.target ? (r.measured?.loadedGzip ?? r.allGzip) : 0);
if (json) {
  console.log(JSON.stringify(reports, (key, value) => (key === 'ownersOf' ? undefined : value), 2));
} else {
  console.log('Upward elements: production size (Vite, minified, Lit templates minified, gzip -9)\n');
  console.log(`${'entry'.padEnd(54)} ${'initial'.padStart(9)} ${'minified'.padStart(9)} ${'all chunks'.padStart(15)} ${'loaded (Chromium)'.padStart(19)}  target`);
  for (const r of reports) {
    const all = `${kb(r.allGzip)} /${String(r.chunkCount).padStart(2)}`;
    const loaded = r.measured ? `${kb(r.measured.loadedGzip)} /${String(r.measured.files.length).padStart(2)}` : '';
    const target = r.target ? `${targetOf(r) <= r.target ? 'ok' : 'OVER'} (<= ${kb(r.target)})` : '';
    console.log(`${r.name.padEnd(54)} ${kb(r.initialGzip).padStart(9)} ${kb(r.initialMinified).padStart(9)} ${all.padStart(15)} ${loaded.padStart(19)}  ${target}`);
  }
  console.log('\n(initial: entry + static imports; all chunks: everything the entry can ever load, with the file count;');
  console.log(' loaded: the JS files Chromium requested until every element rendered its seeded data)');
  for (const r of reports.filter((x) => x.measured)) {
    console.log(`\n"${r.name}" in Chromium: ${r.measured.files.map((f) => `${f.file.replace(/^page-\d+\//, '')} ${kb(f.gzip)}`).join(', ')}`);
    for (const note of r.measured.notes) console.log(`  note: ${note}`);
    console.log(`  by owner (estimated gzip): ${r.measured.owners.filter((o) => o.gzipEstimate >= 100).map((o) => `${o.owner} ${kb(o.gzipEstimate)}`).join(', ')}`);
    for (const error of r.measured.errors) console.log(`  PAGE ERROR: ${error}`);
  }
  for (const name of ['every element (all.ts) + createUpward + IndexedDB', 'session-log + provider + createUpward + IndexedDB']) {
    const r = reports.find((x) => x.name === name);
    console.log(`\nWhere the initial bytes of "${name}" go (estimated gzip share):`);
    for (const c of r.contributors.slice(0, 14)) console.log(`  ${c.owner.padEnd(46)} ${kb(c.gzipEstimate).padStart(9)}  ${(c.share * 100).toFixed(1).padStart(5)} %`);
    for (const l of r.lazy) console.log(`  lazy: ${l.file.padEnd(40)} ${kb(l.gzip).padStart(9)}`);
  }
}

const missed = reports.filter((r) => r.target && targetOf(r) > r.target);
if (check && missed.length) {
  console.error(`\nOver target: ${missed.map((r) => `${r.name} (${kb(targetOf(r))} > ${kb(r.target)})`).join('; ')}`);
  process.exit(1);
}
