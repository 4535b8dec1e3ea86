/**
 * `@upward/elements/lazy`: the autoloader. Registers `<upward-provider>` at once and every other
 * Upward element when its tag first appears in the page, so a page downloads only the elements
 * it uses (each one a chunk of its own in a bundle). It watches the document and the open shadow
 * roots of Upward elements (one element may render another, e.g. my-mentoring shows a session
 * log). Safe to load twice, also from two bundles: the first copy does the work.
 */
import './define/upward-provider.ts';

/** One loader per tag: static `import()`s, so every bundler can split and find them. */
const loaders: Record<string, () => Promise<unknown>> = {
  'upward-program-setup': () => import('./define/program-setup.ts'),
  'upward-enrolment': () => import('./define/enrolment.ts'),
  'upward-session-log': () => import('./define/session-log.ts'),
  'upward-agreement': () => import('./define/agreement.ts'),
  'upward-my-mentoring': () => import('./define/my-mentoring.ts'),
  'upward-mentor-finder': () => import('./define/mentor-finder.ts'),
  'upward-pairing-board': () => import('./define/pairing-board.ts'),
};

/** The tags the autoloader registers on first appearance (`upward-provider` is registered at once). */
export const autoloadedTags: readonly string[] = Object.keys(loaders);

const everyTag = ['upward-provider', ...autoloadedTags].join(',');
const RUNNING = Symbol.for('upward.elements.autoloader');
type Registry = typeof globalThis & { [RUNNING]?: true };

/**
 * Resolves once every Upward element now in `root` (its light DOM) is defined: for a host page
 * that wants to wait before it measures or moves focus into one.
 */
export async function upwardElementsReady(root: ParentNode = document): Promise<void> {
  const tags = new Set([...root.querySelectorAll(everyTag)].map((el) => el.localName));
  await Promise.all([...tags].map((tag) => customElements.whenDefined(tag)));
}

function start(): void {
  const pending = new Map(Object.entries(loaders));
  const watched = new WeakSet<Element>();

  const load = (tag: string) => {
    const loader = pending.get(tag);
    if (!loader) return;
    pending.delete(tag);
    loader().catch((error: unknown) => {
      // A chunk that did not arrive (offline, a deploy in between): try again on the next change.
      pending.set(tag, loader);
      console.error(`[upward] could not load <${tag}>`, error);
    });
  };

  /** Loads the tags found in `root` and watches the shadow roots of the Upward elements there. */
  const scan = (root: ParentNode) => {
    for (const el of root.querySelectorAll(everyTag)) visit(el);
  };

  const visit = (el: Element) => {
    load(el.localName);
    if (watched.has(el)) return;
    watched.add(el);
    // The shadow root exists once the element is defined (Lit attaches it on connect).
    void customElements.whenDefined(el.localName).then(() => {
      const shadow = el.shadowRoot;
      if (!shadow) return;
      observer.observe(shadow, { childList: true, subtree: true });
      scan(shadow);
    });
  };

  const observer = new MutationObserver((records) => {
    if (!pending.size) return; // every element is loaded (or loading): nothing left to find
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const el = node as Element;
        if (el.matches(everyTag)) visit(el);
        scan(el);
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  scan(document);
}

const registry = globalThis as Registry;
if (typeof document !== 'undefined' && globalThis.customElements && !registry[RUNNING]) {
  registry[RUNNING] = true;
  start();
}
