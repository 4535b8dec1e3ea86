// Types of the pure template-text minifiers (see template-minifier.mjs).

/** The static parts of one `html`/`svg` template, minified; same number and order. */
export function minifyHtmlParts(parts: readonly string[]): string[];

/** The static parts of one `css` template, minified; same number and order. */
export function minifyCssParts(parts: readonly string[]): string[];
