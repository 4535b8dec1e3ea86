// Types of the Vite plugin that minifies Lit template text at build time (see minify-templates.mjs).
import type { Plugin } from 'vite';

/** Minifies every `html`/`svg`/`css` template in one module's text; null when nothing changed. */
export function minifyTemplatesInModule(code: string, fileName?: string): string | null;

/** The Vite plugin (build only). `include`: which module ids to transform (default: our own TypeScript sources). */
export function minifyTemplates(options?: { include?: RegExp }): Plugin;
