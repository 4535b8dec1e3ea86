// Build of the React example. Vite 8 compiles TSX itself (Oxc, automatic JSX runtime from
// tsconfig.json): no React plugin is needed for a production build.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
});
