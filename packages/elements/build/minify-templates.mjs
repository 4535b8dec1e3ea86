// Vite plugin: minifies the static text of Lit `html`, `svg` and `css` tagged templates in our own
// TypeScript sources at build time (Lit's docs recommend it for production; Vite's minifier keeps
// template literals verbatim). Templates are found with the TypeScript parser, not a regular
// expression, so strings, comments and nested templates are never mistaken for one. Used by the
// demo build, the library build and the size benchmark, so the measured bundle is the shipped one.
//
// Line breaks inside templates are kept (only indentation goes), so every source line stays on
// its line and the build's sourcemaps stay line-exact; columns inside a minified template shift.
import ts from 'typescript';
import { minifyCssParts, minifyHtmlParts } from './template-minifier.mjs';

const TAGS = { html: minifyHtmlParts, svg: minifyHtmlParts, css: minifyCssParts };

/** The raw text ranges [start, end) of a template literal's static parts. */
function partRanges(template, source) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart(source) + 1, template.end - 1]];
  const ranges = [[template.head.getStart(source) + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const literal = span.literal;
    const isTail = ts.isTemplateTail(literal);
    ranges.push([literal.getStart(source) + 1, literal.end - (isTail ? 1 : 2)]);
  }
  return ranges;
}

/** Minifies every `html`/`svg`/`css` template in one TypeScript or JavaScript module's text. */
export function minifyTemplatesInModule(code, fileName = 'module.ts') {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && Object.hasOwn(TAGS, node.tag.text)) {
      const ranges = partRanges(node.template, source);
      const parts = ranges.map(([start, end]) => code.slice(start, end));
      const minified = TAGS[node.tag.text](parts);
      ranges.forEach(([start, end], i) => {
        if (minified[i] !== parts[i]) edits.push({ start, end, text: minified[i] });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!edits.length) return null;
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * @param {{ include?: RegExp }} [options] which module ids to transform (default: our own
 *   TypeScript sources; Lit's packages ship no templates worth it).
 * @returns {import('vite').Plugin}
 */
export function minifyTemplates({ include = /\/packages\/[^/]+\/src\/.*\.ts$/ } = {}) {
  return {
    name: 'upward-minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      const path = id.replace(/\\/g, '/').replace(/\?.*$/, '');
      if (!include.test(path) || !/\b(html|svg|css)`/.test(code)) return null;
      const minified = minifyTemplatesInModule(code, path);
      // Line breaks are kept, so the previous sourcemap's lines still hold.
      return minified === null ? null : { code: minified, map: null };
    },
  };
}
