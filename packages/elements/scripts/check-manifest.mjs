// Checks what the elements promise in writing (`pnpm exec node packages/elements/scripts/check-manifest.mjs`):
//  1. custom-elements.json is up to date with the sources (regenerate with scripts/manifest.mjs);
//  2. every element registered in src/define/ is in it with its tag, and documents what its code
//     does: each event it emits (`emit(this, 'upward-…')`), each `part="…"` it renders, and
//     at least one `--upward-<element>-*` custom property (the provider, which renders only a
//     slot, is exempt from parts and properties);
//  3. every `msg(…, { id })` in src has a German translation in src/locales/de/, and every
//     module there is loaded by src/locales/de.ts.
// Prints each problem and a bare `N passed, N failed` line; exits 1 on any failure.
import { ts } from '@custom-elements-manifest/analyzer';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { generateManifest, manifestPath, packageDir, sourceFiles } from './manifest.mjs';

let passed = 0;
let failed = 0;
function check(ok, label, problems = []) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  for (const p of problems) console.log(`       - ${p}`);
}

const read = (path) => readFile(join(packageDir, path), 'utf8');
const parse = (path, text) => ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

// 1. Up to date.
const fresh = await generateManifest();
const stored = await readFile(manifestPath, 'utf8').catch(() => '');
check(fresh === stored, 'custom-elements.json is up to date', fresh === stored ? [] : ['run: node packages/elements/scripts/manifest.mjs']);
const manifest = JSON.parse(fresh);

// 2. Every registered element, documented as its code behaves.
const files = await sourceFiles();
const declarations = new Map();
for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.tagName) declarations.set(d.tagName, { ...d, path: mod.path });
const defineFiles = files.filter((f) => f.startsWith('src/define/'));
for (const file of defineFiles) {
  const tag = /defineElement\(\s*'([^']+)'/.exec(await read(file))?.[1];
  const element = tag && declarations.get(tag);
  if (!element) {
    check(false, `${file} registers an element the manifest lists`, [tag ? `<${tag}> is missing from the manifest` : 'no defineElement call found']);
    continue;
  }
  const folder = element.path.slice(0, element.path.lastIndexOf('/') + 1);
  const code = (await Promise.all(files.filter((f) => f.startsWith(folder) && !f.endsWith('.styles.ts')).map(read))).join('\n');
  const emitted = new Set([...code.matchAll(/emit\(\s*this\s*,\s*'(upward-[a-z-]+)'/g)].map((m) => m[1]));
  const rendered = new Set([...code.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => m[1].trim().split(/\s+/)));
  const events = new Set((element.events ?? []).map((e) => e.name));
  const parts = new Set((element.cssParts ?? []).map((p) => p.name));
  const properties = (element.cssProperties ?? []).map((p) => p.name);
  const problems = [
    ...[...emitted].filter((e) => !events.has(e)).map((e) => `emits ${e} without a @fires line`),
    ...[...rendered].filter((p) => !parts.has(p)).map((p) => `renders part "${p}" without a @csspart line`),
    ...(tag === 'upward-provider'
      ? []
      : [
          ...(parts.size ? [] : ['documents no @csspart']),
          ...(properties.length ? [] : ['documents no @cssproperty']),
          ...properties.filter((p) => !p.startsWith(`--${tag}-`)).map((p) => `custom property ${p} is not prefixed --${tag}-`),
        ]),
    ...(element.summary || element.description ? [] : ['has no @summary']),
  ];
  const attributes = (element.attributes ?? []).map((a) => a.name).join(', ') || 'none';
  check(problems.length === 0, `<${tag}> documented (attributes: ${attributes}; ${events.size} events, ${parts.size} parts, ${properties.length} CSS properties)`, problems);
}

// 3. German for every message id.
const ids = new Map();
const dynamic = [];
for (const file of files.filter((f) => !f.startsWith('src/locales/'))) {
  walk(parse(file, await read(file)), (node) => {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'msg') return;
    const options = node.arguments[1];
    const id = options && ts.isObjectLiteralExpression(options) ? options.properties.find((p) => p.name?.getText() === 'id') : undefined;
    const value = id && ts.isPropertyAssignment(id) ? id.initializer : undefined;
    if (value && ts.isStringLiteralLike(value)) ids.set(value.text, file);
    else dynamic.push(`${file}:${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
  });
}
const german = new Set();
const deFiles = (await readdir(join(packageDir, 'src/locales/de'))).filter((f) => f.endsWith('.ts'));
for (const file of deFiles) {
  walk(parse(file, await read(`src/locales/de/${file}`)), (node) => {
    if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent) && ts.isVariableDeclaration(node.parent.parent) && node.parent.parent.name.getText() === 'templates') {
      german.add(ts.isStringLiteralLike(node.name) || ts.isIdentifier(node.name) ? node.name.text : node.name.getText());
    }
  });
}
const missing = [...ids].filter(([id]) => !german.has(id)).map(([id, file]) => `${id} (${file})`);
check(missing.length === 0, `German translation for all ${ids.size} message ids`, missing);
check(dynamic.length === 0, 'every msg() has a literal { id }', dynamic.map((d) => `no literal id at ${d}`));
const index = await read('src/locales/de.ts');
const unloaded = deFiles.filter((f) => !index.includes(`./de/${f}'`));
check(unloaded.length === 0, 'src/locales/de.ts loads every module of src/locales/de/', unloaded);
const unused = [...german].filter((id) => !ids.has(id));
if (unused.length) console.log(`note: ${unused.length} German ids are not used in src: ${unused.slice(0, 20).join(', ')}${unused.length > 20 ? ', …' : ''}`);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
