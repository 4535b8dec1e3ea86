// The Lit template minifier of the production builds: what it shortens, and what it must leave
// exactly as written (attribute values, raw text, CSS strings, selectors, bindings in comments).
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { minifyCssParts, minifyHtmlParts } from '../../build/template-minifier.mjs';

const minHtml = (...parts: string[]): string[] => minifyHtmlParts(parts);
const minCss = (...parts: string[]): string[] => minifyCssParts(parts);

describe('template minifier', () => {
  it('drops indentation, keeps line breaks (so sourcemap lines hold) and one space where there was no break', () => {
    expect(minHtml('<ul>\n      <li>a</li>\n      <li>  b  </li>\n    </ul>')).to.deep.equal(['<ul>\n<li>a</li>\n<li> b </li>\n</ul>']);
  });

  it('leaves quoted attribute values, <pre> and <textarea> content as written', () => {
    const source = '<p title="a   b\n   c">x</p><pre>  1\n    2</pre><textarea>  keep  </textarea>';
    expect(minHtml(source)).to.deep.equal(['<p title="a   b\n   c">x</p><pre>  1\n    2</pre><textarea>  keep  </textarea>']);
  });

  it('shortens whitespace between attributes, also around bindings, and before > in a tag', () => {
    expect(minHtml('<input\n        id=', '\n        name="n"\n      >')).to.deep.equal(['<input\nid=', '\nname="n"\n>']);
    expect(minHtml('<b class="x"   >', '</b>')).to.deep.equal(['<b class="x">', '</b>']);
  });

  it('removes comments, but keeps one that holds a binding', () => {
    expect(minHtml('<p>a</p>\n  <!-- why -->\n  <p>b</p>')).to.deep.equal(['<p>a</p>\n\n<p>b</p>']);
    expect(minHtml('<!-- ', ' -->')).to.deep.equal(['<!-- ', ' -->']);
  });

  it('renders the same text and structure as the original template', () => {
    const a = document.createElement('div');
    const b = document.createElement('div');
    const strings = ['\n  <section part="base">\n    <h2>Title ', '</h2>\n    <p class="x">\n      Some   text\n    </p>\n  </section>\n'];
    const tag = (s: string[]) => Object.assign([...s], { raw: [...s] }) as unknown as TemplateStringsArray;
    render(html(tag(strings), 'one'), a);
    render(html(tag(minHtml(...strings)), 'one'), b);
    const visible = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(visible(b)).to.equal(visible(a));
    expect(b.querySelector('section[part="base"] > h2')?.textContent).to.equal('Title one');
  });

  it('minifies CSS: comments, spaces around { } ; , and after a property colon, the last ;', () => {
    const [out] = minCss('\n  /* tokens */\n  :host {\n    display: block;\n    font: 1em a, b;\n  }\n');
    expect(out).to.equal('\n\n:host{\ndisplay:block;\nfont:1em a,b\n}\n');
  });

  it('keeps what carries meaning in CSS: strings, descendant combinators before a pseudo-class, media features', () => {
    expect(minCss(".a :hover { content: '  x ; } '; }")).to.deep.equal([".a :hover{content:'  x ; } '}"]);
    expect(minCss('@media (forced-colors: active) { a { color: CanvasText; } }')).to.deep.equal(['@media (forced-colors: active){a{color:CanvasText}}']);
    expect(minCss('a { margin: calc(1px + 2px) }')).to.deep.equal(['a{margin:calc(1px + 2px)}']);
  });

  it('keeps the space next to a binding in CSS', () => {
    expect(minCss('a { width: ', 'px; }')).to.deep.equal(['a{width:', 'px}']);
    expect(minCss('a { margin: 0 ', ' }')).to.deep.equal(['a{margin:0 ', '}']);
  });
});
