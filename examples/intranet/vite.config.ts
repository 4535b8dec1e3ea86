// Production build of the People Hub demo: index.html, the Upward elements bundle and the glue,
// written to examples/intranet/dist. Decorators are legacy (experimentalDecorators, read from
// tsconfig.json), which Vite 8's transformer handles with no plugin.
import { defineConfig } from 'vite';
import { minifyTemplates } from '../../packages/elements/build/minify-templates.mjs';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  // Lit's html`` and css`` text loses its indentation and comments (Vite's minifier keeps template
  // literals verbatim); the size benchmark measures with the same plugin.
  plugins: [minifyTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Browsers with light-dark() (2024+): an older CSS target makes Lightning CSS replace it by
    // a prefers-color-scheme polyfill that ignores the page's own appearance switch.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    sourcemap: true,
    // Plugin timing reports are noise in the demo's build output.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  worker: { format: 'es' },
});
