// What the element benchmarks share: a production build of one entry (Vite, minified, es2022,
// Lit templates minified as in the demo build) and a static server for the built pages, so
// Chromium measures what a real page would load and run.
import { build } from 'vite';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyTemplates } from '../build/minify-templates.mjs';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Builds `code` as the entry of a page; with `outDir`, writes it there (entry.js plus chunks
 * under assets/). `minifyLitTemplates: false` keeps Lit's templates as written (for before/after figures).
 */
export async function bundle(code, outDir, { minifyLitTemplates = true } = {}) {
  const id = 'virtual:upward-bench-entry';
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: src,
    base: './',
    plugins: [
      ...(minifyLitTemplates ? [minifyTemplates()] : []),
      {
        name: 'upward-bench-entry',
        resolveId: (source) => (source === id ? `\0${id}` : null),
        load: (resolved) => (resolved === `\0${id}` ? code : null),
      },
    ],
    build: {
      write: Boolean(outDir),
      outDir: outDir ?? 'dist',
      emptyOutDir: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: { input: id, output: { entryFileNames: 'entry.js' } },
    },
    worker: { format: 'es' },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
}

/** A static server over `root` (every page under one origin, so they share the IndexedDB). */
export async function serve(root) {
  const types = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^[/\\]+/, '');
    const file = join(root, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
    try {
      if (!file.startsWith(root + sep)) throw new Error('outside');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
