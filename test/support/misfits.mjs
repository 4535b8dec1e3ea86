/**
 * What does not fit at the current width, for WCAG 1.4.10 (reflow at 320 CSS px): boxes past the
 * right edge of the window or of their container, text wider than its box (a long German word
 * running into the next column, or cut off), and a page that scrolls sideways. Shadow roots are
 * searched too; whatever sits in a region that scrolls sideways on its own is fine, as is what is
 * positioned out of the flow (visually hidden text). Only the innermost culprit is named, not every
 * box around it.
 *
 * Self-contained (no imports, no outer names), so the end-to-end test can hand it to
 * `page.evaluate` and the element tests can call it directly.
 *
 * @param {ParentNode} [root] where to look (default: the whole document)
 * @returns {string[]} one line per misfit, empty when everything fits
 */
export function misfits(root = document) {
  const width = document.documentElement.clientWidth;
  // Content in a region that scrolls sideways can still be reached; content cut off cannot, so a
  // hidden or clipped overflow is not an excuse.
  const scrolls = (style) => ['auto', 'scroll'].includes(style.overflowX);
  // A form control holding a long value scrolls inside itself, as it should.
  const controls = new Set(['input', 'textarea', 'select']);
  const parentOf = (el) => el.parentElement ?? el.getRootNode().host ?? null;
  const inScroller = (el) => {
    for (let p = parentOf(el); p; p = parentOf(p)) if (scrolls(getComputedStyle(p))) return true;
    return false;
  };
  const name = (el) =>
    `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
  const path = (el) => {
    const names = [];
    for (let p = el; p && names.length < 4; p = parentOf(p)) names.unshift(name(p));
    return names.join(' > ');
  };
  /** [element, what is wrong with it] */
  const found = [];
  const visit = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || ['absolute', 'fixed'].includes(style.position) || inScroller(el)) continue;
      const container = parentOf(el)?.getBoundingClientRect();
      if (r.right > width + 1) found.push([el, `${path(el)} reaches ${Math.round(r.right)} px`]);
      else if (container && container.width > 0 && r.right > container.right + 1) found.push([el, `${path(el)} sticks out of its container by ${Math.round(r.right - container.right)} px`]);
      else if (!controls.has(el.localName) && !scrolls(style) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) found.push([el, `${path(el)} holds text ${el.scrollWidth - el.clientWidth} px wider than itself`]);
    }
  };
  visit(root);
  const holds = (outer, inner) => {
    for (let p = parentOf(inner); p; p = parentOf(p)) if (p === outer) return true;
    return false;
  };
  const innermost = found.filter(([el]) => !found.some(([other]) => other !== el && holds(el, other))).map(([, what]) => what);
  if (root === document && document.documentElement.scrollWidth > width) innermost.unshift(`the page is ${document.documentElement.scrollWidth} px wide`);
  return innermost;
}
