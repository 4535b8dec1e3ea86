// Size benchmark of @upward/elements (`pnpm bench:size`): production builds with Vite (minified,
// es2022), measured with gzip -9. For every entry it reports what a page downloads before it can
// render ("initial": the entry chunk and every chunk it imports statically) and what loads only
// when needed ("lazy": dynamic imports such as the German messages, the matching Worker). Then it
// names the biggest contributors to the all-in-one page, so it is clear where bytes go.
//
//   node packages/elements/bench/size.mjs [--json] [--check]
//   --json   machine-readable report on stdout
//   --check  exit 1 when a target is missed
import { build } from 'vite';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const sdk = fileURLToPath(new URL('../../sdk/src/', import.meta.url));
const KB = 1024;

/** A page: the code its one module script runs. Kept alive through a global so nothing is tree-shaken away. */
const sdkLocal = `import { createUpward } from '${sdk}index.ts';
import { indexedDbStore } from '${sdk}storage/indexeddb-store.ts';
globalThis.upwardBench = createUpward({ store: indexedDbStore({ name: 'bench' }), actor: { personId: 'p1' } });`;

const defines = readdirSync(`${src}define`)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const entries = [
  ...defines.map((name) => ({ name: `define/${name}`, code: `import '${src}define/${name}.ts';` })),
  { name: 'all (every element)', code: `import '${src}all.ts';` },
  { name: 'all + createUpward + IndexedDB store', code: `import '${src}all.ts';\n${sdkLocal}`, target: 45 * KB },
  { name: 'session-log + createUpward + IndexedDB store', code: `import '${src}define/session-log.ts';\n${sdkLocal}`, target: 25 * KB },
  { name: 'SDK alone: createUpward + IndexedDB store', code: sdkLocal },
  {
    // A sketch of an autoloader (not shipped): the provider at once, every other element fetched
    // when its tag first appears in the page. What it would save on the first render.
    name: 'autoloader sketch + createUpward + IndexedDB',
    code: `import '${src}define/upward-provider.ts';
const loaders = { ${defines
      .filter((d) => d !== 'upward-provider')
      .map((d) => `'upward-${d}': () => import('${src}define/${d}.ts')`)
      .join(', ')} };
const load = (root) => { for (const [tag, go] of Object.entries(loaders)) if (root.querySelector(tag)) { delete loaders[tag]; go(); } };
new MutationObserver(() => load(document)).observe(document, { subtree: true, childList: true });
load(document);
${sdkLocal}`,
  },
];

const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** Which package or folder a module belongs to, for the "where do the bytes go" table. */
function owner(id) {
  const path = id.replace(/\\/g, '/').replace(/\?.*$/, '');
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1] === 'zod' ? `zod (${/zod\/v4\/(mini|classic|core|locales)/.exec(path)?.[1] ?? 'other'})` : pkg[1];
  const local = /packages\/(sdk|elements)\/src\/([^/]+)(\/[^/]+)?/.exec(path);
  if (local) return `@upward/${local[1]}/${local[2]}${local[3] && !local[2].endsWith('.ts') ? '' : ''}`;
  return path;
}

async function measure(entry) {
  const id = 'virtual:upward-bench-entry';
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: src,
    plugins: [
      {
        name: 'upward-bench-entry',
        resolveId: (source) => (source === id ? `\0${id}` : null),
        load: (resolved) => (resolved === `\0${id}` ? entry.code : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: { input: id },
    },
    worker: { format: 'es' },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
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
  const initialBytes = [...initial].reduce((sum, name) => sum + gzip(chunks.get(name).code), 0);
  const initialRaw = [...initial].reduce((sum, name) => sum + Buffer.byteLength(chunks.get(name).code), 0);
  const lazy = outputs
    .filter((o) => !initial.has(o.fileName) && /\.(js|mjs)$/.test(o.fileName))
    .map((o) => ({ file: o.fileName, gzip: gzip(sizeOf(o)) }));
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
    .map(([key, length]) => ({ owner: key, share: length / rendered, gzipEstimate: Math.round((initialBytes * length) / rendered) }))
    .sort((a, b) => b.share - a.share);
  return { name: entry.name, initialGzip: initialBytes, initialMinified: initialRaw, lazy, contributors, target: entry.target };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const json = process.argv.includes('--json');
const check = process.argv.includes('--check');
const reports = [];
for (const entry of entries) reports.push(await measure(entry));

if (json) {
  console.log(JSON.stringify(reports, null, 2));
} else {
  console.log('Upward elements: production size (Vite, minified, gzip -9)\n');
  console.log(`${'entry'.padEnd(48)} ${'initial gzip'.padStart(12)} ${'minified'.padStart(10)}  lazy (gzip)   target`);
  for (const r of reports) {
    const lazy = r.lazy.length ? `${kb(r.lazy.reduce((s, l) => s + l.gzip, 0))} in ${r.lazy.length}` : '-';
    const target = r.target ? `${r.initialGzip <= r.target ? 'ok' : 'OVER'} (<= ${kb(r.target)})` : '';
    console.log(`${r.name.padEnd(48)} ${kb(r.initialGzip).padStart(12)} ${kb(r.initialMinified).padStart(10)}  ${lazy.padEnd(13)} ${target}`);
  }
  for (const name of ['all + createUpward + IndexedDB store', 'session-log + createUpward + IndexedDB store']) {
    const r = reports.find((x) => x.name === name);
    console.log(`\nWhere the initial bytes of "${name}" go (estimated gzip share):`);
    for (const c of r.contributors.slice(0, 14)) console.log(`  ${c.owner.padEnd(46)} ${kb(c.gzipEstimate).padStart(9)}  ${(c.share * 100).toFixed(1).padStart(5)} %`);
    for (const l of r.lazy) console.log(`  lazy: ${l.file.padEnd(40)} ${kb(l.gzip).padStart(9)}`);
  }
}

const missed = reports.filter((r) => r.target && r.initialGzip > r.target);
if (check && missed.length) {
  console.error(`\nOver target: ${missed.map((r) => `${r.name} (${kb(r.initialGzip)} > ${kb(r.target)})`).join('; ')}`);
  process.exit(1);
}
