// Whitespace and comment minification of the static parts of Lit's `html` and `css` tagged
// templates. Vite's minifier never touches template literals, so without this every indentation
// run of every template ships to the browser. Pure string functions (no dependencies) so the build
// plugin and a browser test share them.
//
// Conservative by design, like Lit's recommended html-minifier setup (`conservativeCollapse`):
// - a whitespace run is never removed where it could be rendered, only shortened; a run holding
//   line breaks keeps them (so source lines stay where they were and build sourcemaps stay
//   line-exact) and loses its indentation;
// - quoted attribute values, CSS strings and the content of <pre>, <textarea>, <script> and
//   <style> are copied as they are;
// - comments go only when they hold no binding (a `${}` inside a comment is a Lit part).
// Every part is scanned with the state the previous part ended in, as Lit's own parser does.

/** A whitespace run shortened: its line breaks, or one space if it had none. */
function shrink(run) {
  const breaks = run.replace(/[^\n]/g, '');
  return breaks || ' ';
}

const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style']);

/**
 * Minifies the static parts of one `html` template (the raw source text between `\``/`}` and
 * `${`/`\``). Returns the parts in the same number and order.
 */
export function minifyHtmlParts(parts) {
  let state = 'text'; // text | tag | dq | sq | raw
  let tagName = '';
  let rawTag = '';
  return parts.map((part) => {
    let out = '';
    let i = 0;
    while (i < part.length) {
      const c = part[i];
      if (c === '\\') {
        out += part.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (state === 'raw') {
        const close = `</${rawTag}`;
        if (part.startsWith(close, i) || part.slice(i, i + close.length).toLowerCase() === close) {
          state = 'tag';
          tagName = '';
          out += close;
          i += close.length;
        } else {
          out += c;
          i += 1;
        }
        continue;
      }
      if (state === 'dq' || state === 'sq') {
        if (c === (state === 'dq' ? '"' : "'")) state = 'tag';
        out += c;
        i += 1;
        continue;
      }
      if (/\s/.test(c)) {
        let end = i;
        while (end < part.length && /\s/.test(part[end])) end += 1;
        const run = part.slice(i, end);
        // In a tag, the space before `>` or `/>` is noise; elsewhere keep one separator.
        if (state === 'tag' && (part[end] === '>' || part.startsWith('/>', end))) out += run.includes('\n') ? shrink(run) : '';
        else out += shrink(run);
        i = end;
        continue;
      }
      if (state === 'text') {
        if (part.startsWith('<!--', i)) {
          const end = part.indexOf('-->', i + 4);
          if (end === -1) {
            // The comment continues past a binding: keep it whole, Lit handles it.
            out += part.slice(i);
            i = part.length;
          } else {
            out += part.slice(i, end + 3).replace(/[^\n]/g, '');
            i = end + 3;
          }
          continue;
        }
        if (c === '<' && /[a-zA-Z/]/.test(part[i + 1] ?? '')) {
          const name = /^<\/?([a-zA-Z][\w-]*)/.exec(part.slice(i));
          tagName = name && part[i + 1] !== '/' ? name[1].toLowerCase() : '';
          state = 'tag';
        }
        out += c;
        i += 1;
        continue;
      }
      // state === 'tag'
      if (c === '"') state = 'dq';
      else if (c === "'") state = 'sq';
      else if (c === '>') {
        if (RAW_TEXT.has(tagName) && part[i - 1] !== '/') {
          state = 'raw';
          rawTag = tagName;
        } else state = 'text';
      }
      out += c;
      i += 1;
    }
    return out;
  });
}

/** Characters next to which CSS whitespace carries no meaning. */
const CSS_PUNCTUATION = new Set(['{', '}', ';', ',']);

/**
 * Whether `out` (minified so far) ends in a declaration's `name:` (a lone identifier right after
 * `{`, `;`, `}` or a line break), e.g. `color:`. Only there is the space after a colon meaningless;
 * in a selector the colon starts a pseudo-class and a space next to it is a combinator.
 */
function isPropertyName(out) {
  return /(?:^|[{;}\n])\s*-{0,2}[a-zA-Z_][\w-]*:$/.test(out);
}

/**
 * Minifies the static parts of one `css` template: comments out, whitespace runs shortened,
 * the whitespace next to `{ } ; ,` dropped, and `;` before `}` dropped. Strings stay intact.
 */
export function minifyCssParts(parts) {
  let quote = '';
  let inComment = false;
  const minified = parts.map((part, index) => {
    let out = '';
    let i = 0;
    while (i < part.length) {
      const c = part[i];
      if (inComment) {
        const end = part.indexOf('*/', i);
        const stop = end === -1 ? part.length : end + 2;
        out += part.slice(i, stop).replace(/[^\n]/g, '');
        if (end !== -1) inComment = false;
        i = stop;
        continue;
      }
      if (c === '\\') {
        out += part.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (quote) {
        if (c === quote) quote = '';
        out += c;
        i += 1;
        continue;
      }
      if (c === '"' || c === "'") {
        quote = c;
        out += c;
        i += 1;
        continue;
      }
      if (part.startsWith('/*', i)) {
        inComment = true;
        i += 2;
        continue;
      }
      if (/\s/.test(c)) {
        let end = i;
        while (end < part.length && /\s/.test(part[end])) end += 1;
        const run = part.slice(i, end);
        const before = out.trimEnd().at(-1);
        const after = part[end];
        const atEdge = (i === 0 && index === 0) || (end === part.length && index === parts.length - 1);
        const bare = atEdge || CSS_PUNCTUATION.has(before) || CSS_PUNCTUATION.has(after) || (before === ':' && isPropertyName(out));
        out += bare ? run.replace(/[^\n]/g, '') : shrink(run);
        i = end;
        continue;
      }
      if (c === '}') {
        // `a;}` → `a}` (keeps any line breaks that sat between them).
        const tail = /;(\n*)$/.exec(out);
        if (tail) out = out.slice(0, tail.index) + tail[1];
      }
      out += c;
      i += 1;
    }
    return out;
  });
  return minified;
}
