// Production build of the browser packages: `pnpm build` writes @upward/sdk as ES modules to
// packages/sdk/dist (one file per public entry, shared chunks, the matching Worker beside them),
// ready for an intranet page to load with one <script type="module">.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { minifyTemplates } from './packages/elements/build/minify-templates.mjs';

const sdk = (path: string) => fileURLToPath(new URL(`./packages/sdk/src/${path}`, import.meta.url));

export default defineConfig({
  // Minifies Lit html``/css`` template text in any of our sources the build includes (the SDK
  // itself has none today; the elements do), like the demo build and the size benchmark.
  plugins: [minifyTemplates()],
  build: {
    outDir: 'packages/sdk/dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: {
      entry: {
        index: sdk('index.ts'),
        'storage-memory': sdk('storage/memory-store.ts'),
        'storage-indexeddb': sdk('storage/indexeddb-store.ts'),
        matching: sdk('matching/index.ts'),
      },
      formats: ['es'],
    },
  },
  worker: { format: 'es' },
});
