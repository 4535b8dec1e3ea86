// Serves the People Hub demo: builds it when dist/ is missing or older than its sources (the
// page, the elements, the SDK), then serves dist/ on PORT (default 5173) with node:http and
// prints the URL. `node examples/intranet/serve.mjs` from anywhere; `--rebuild` forces a build.
// Also imported by the end-to-end test (`serveDemo({ port: 0 })`).
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, 'dist');
const sources = [join(here, 'index.html'), join(here, 'src'), join(here, '../../packages/elements/src'), join(here, '../../packages/sdk/src')];

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

async function newestMtime(path) {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

/** Builds with Vite when the output is missing or older than any source; returns whether it built. */
export async function buildIfNeeded({ force = false } = {}) {
  const built = (await stat(join(dist, 'index.html')).catch(() => null))?.mtimeMs ?? 0;
  if (!force && built > 0) {
    const newest = Math.max(...(await Promise.all(sources.map(newestMtime))));
    if (newest <= built) return false;
  }
  const { build } = await import('vite');
  await build({ root: here, configFile: join(here, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

/**
 * Starts the static server on `port` (0 = any free port) over `root` (the demo's dist/ unless
 * told otherwise: the end-to-end test serves the React example's build with it too); resolves
 * to its URL and a `close`.
 */
export async function serveDemo({ port = 5173, host = '127.0.0.1', root = dist } = {}) {
  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
      const file = join(root, relative === '' || relative.endsWith(sep) ? join(relative, 'index.html') : relative);
      if (!file.startsWith(root + sep) && file !== root) throw Object.assign(new Error('outside'), { status: 404 });
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'x-content-type-options': 'nosniff',
        // Hashed assets never change; the page itself is always checked again.
        'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      response.end('Not found\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${typeof address === 'object' && address ? address.port : port}/`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rebuilt = await buildIfNeeded({ force: process.argv.includes('--rebuild') });
  if (rebuilt) console.log('Built the People Hub demo into examples/intranet/dist.');
  const { url } = await serveDemo({ port: Number(process.env.PORT ?? 5173), host: process.env.HOST ?? '127.0.0.1' });
  console.log(`Northwind People Hub (Upward demo): ${url}`);
}
