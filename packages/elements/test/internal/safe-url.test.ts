// safeHref decides which user-written links (a session's meeting link) become clickable. What it
// lets through must resolve, in this browser's own URL parser, to http(s), mailto or a relative
// link of this page: browsers drop tabs and newlines anywhere in a URL and control characters or
// spaces at its ends, so "java\tscript:" is a javascript: URL to them.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { safeHref } from '../../src/internal/safe-url.ts';

const SAFE = new Set(['http:', 'https:', 'mailto:']);
/**
 * The scheme a browser gives `href` on this page (an <a>'s own resolution, not a regex), or null
 * when it cannot parse it at all ("//", "//[": no host): such a link goes nowhere.
 */
function protocolOf(href: string): string | null {
  if (!URL.canParse(href, location.href)) return null;
  const a = document.createElement('a');
  a.href = href;
  return a.protocol;
}

describe('safeHref', () => {
  it('keeps http(s), mailto and relative links', () => {
    for (const link of ['https://meet.example.com/abc', 'http://intranet/room-4', 'HTTPS://EXAMPLE.COM', 'mailto:sam@example.com', '/rooms/4', 'rooms/4?x=1#y', '//meet.example.com/x', '#notes']) {
      expect(safeHref(link), link).to.equal(link);
    }
    expect(safeHref('  https://meet.example.com/abc  ')).to.equal('https://meet.example.com/abc');
    expect(safeHref('')).to.equal(undefined);
    expect(safeHref(null)).to.equal(undefined);
    expect(safeHref(undefined)).to.equal(undefined);
  });

  it('refuses script and data links, also when control characters or spaces hide the scheme', () => {
    for (const link of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      '\u0001javascript:alert(1)',
      'javascript\u0000:alert(1)',
      '\u007fjavascript:alert(1)',
      'java script:alert(1)',
      'java\u00a0script:alert(1)',
      'https://example.com/\nx', // a control character anywhere: no link
    ]) {
      expect(safeHref(link), JSON.stringify(link)).to.equal(undefined);
    }
  });

  it('never lets through a link that the browser resolves to another scheme', () => {
    const noise = fc.constantFrom('\t', '\n', '\r', '\u0000', '\u0001', '\u001f', '\u007f', ' ', '\u00a0', '\u2028', '\ufeff');
    const scheme = fc.constantFrom('javascript', 'data', 'vbscript', 'file', 'blob');
    // A dangerous scheme with characters slipped in before, inside and after it.
    const disguised = fc
      .tuple(scheme, fc.array(fc.tuple(fc.nat(20), noise), { maxLength: 4 }), fc.string({ maxLength: 3, unit: noise }))
      .map(([s, inserts, prefix]) => {
        let text = `${s}:alert(1)`;
        for (const [at, ch] of inserts) {
          const i = at % (s.length + 1); // within or right after the scheme
          text = text.slice(0, i) + ch + text.slice(i);
        }
        return prefix + text;
      });
    fc.assert(
      fc.property(fc.oneof(disguised, fc.string({ maxLength: 30 })), (link) => {
        const href = safeHref(link);
        if (href === undefined) return;
        const protocol = protocolOf(href);
        if (protocol === null) return;
        expect(SAFE.has(protocol) || protocol === location.protocol, `${JSON.stringify(link)} became ${protocol}`).to.equal(true);
      }),
      // Unparseable relative links ("//", "//[") are harmless and must not fail the property.
      { numRuns: 2000, examples: [['//'], ['//['], ['/ok']] },
    );
  });
});
