/**
 * Serves a directory (the demo intranet page) at `/`: GET and HEAD only, never outside the
 * directory, `index.html` for folders. HTML pages get a Content-Security-Policy that allows this
 * origin's scripts and exactly the inline scripts the page holds (by hash), so a page works
 * as written while injected script does not run.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { problem, sendProblem } from './problem.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** sha256 sources of every inline `<script>` (no `src`) in a page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(m[1] ?? '')) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2] ?? '', 'utf8').digest('base64')}'`);
  }
  return hashes;
}

export function pageCsp(html: string, frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(html).join(' ')}`.trim(),
    // Lit falls back to <style> elements where adoptedStyleSheets is missing.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

export function registerStaticFiles(app: FastifyInstance, directory: string, frameAncestors: readonly string[]): void {
  const root = resolve(directory);
  const notFound = () => problem(404, 'not-found', 'Not found', 'There is no file at this address.');
  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    handler: async (request, reply) => {
      let path: string;
      try {
        path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      } catch {
        return sendProblem(reply, notFound());
      }
      if (path.includes('\0')) return sendProblem(reply, notFound());
      let file = resolve(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) return sendProblem(reply, notFound());
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => undefined);
      if (!body) return sendProblem(reply, notFound());
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) reply.header('content-security-policy', pageCsp(body.toString('utf8'), frameAncestors));
      return reply.type(type).header('cache-control', 'no-cache').send(body);
    },
  });
}
