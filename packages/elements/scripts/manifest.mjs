// Writes packages/elements/custom-elements.json, the Custom Elements Manifest (referenced from
// package.json's `customElements`): @custom-elements-manifest/analyzer with its Lit support over
// src/**/*.ts, plus a small plugin that understands our `defineElement('upward-x', Class)` (the
// analyzer only knows `customElements.define`). The JSDoc on each class is the source.
//
//   node packages/elements/scripts/manifest.mjs          write the manifest
//   (check-manifest.mjs imports `generateManifest` to compare it with the file)
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const manifestPath = join(packageDir, 'custom-elements.json');

/** Every TypeScript source of the package, as analyzer modules with paths like `src/define/x.ts`. */
export async function sourceFiles(dir = join(packageDir, 'src')) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
    const absolute = join(entry.parentPath ?? entry.path, entry.name);
    files.push(relative(packageDir, absolute).split(sep).join('/'));
  }
  return files.sort();
}

/** Turns `defineElement('upward-x', UpwardX)` into the definition export the analyzer links to its class. */
function defineElementPlugin() {
  return {
    name: 'upward-define-element',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      const imported = context.imports?.find((i) => i.name === klass.text && !i.isBareModuleSpecifier);
      const module = imported ? posix.normalize(posix.join(posix.dirname(moduleDoc.path), imported.importPath)) : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } },
      ];
    },
    packageLinkPhase({ customElementsManifest }) {
      // The definitions name their classes; give each class its tag and mark it as an element
      // (they extend UpwardElement, which the analyzer does not know as a base class).
      const classes = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) if (d.kind === 'class') classes.set(`${mod.path}#${d.name}`, d);
      }
      for (const mod of customElementsManifest.modules) {
        for (const e of mod.exports ?? []) {
          if (e.kind !== 'custom-element-definition') continue;
          const declaration = classes.get(`${e.declaration.module}#${e.declaration.name}`);
          if (declaration) Object.assign(declaration, { tagName: e.name, customElement: true });
        }
      }
    },
  };
}

export async function generateManifest() {
  const modules = [];
  for (const path of await sourceFiles()) {
    const text = await readFile(join(packageDir, path), 'utf8');
    modules.push(ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true));
  }
  const manifest = create({ modules, plugins: [...litPlugin(), defineElementPlugin()], context: { dev: false } });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(manifestPath, await generateManifest());
  console.log(`Wrote ${relative(process.cwd(), manifestPath) || manifestPath}`);
}
