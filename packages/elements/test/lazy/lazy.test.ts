// The autoloader (`@upward/elements/lazy`): the provider at once, every other element only when
// its tag appears — in the document, in a subtree added later, or in the shadow root of another
// Upward element — and loading it twice does no harm. Each test file runs in a fresh page, so
// the registry starts empty here.
import { expect } from '@open-wc/testing';
import { matchWorld, shadow, textOf } from '../session-log/match-world.ts';
import { settled, until } from '../support/world.ts';

type LazyModule = typeof import('../../src/lazy.ts');

const defined = (tag: string) => customElements.get(tag) !== undefined;
const added: Element[] = [];
function add<T extends Element>(el: T, parent: ParentNode = document.body): T {
  parent.append(el);
  added.push(el);
  return el;
}

describe('@upward/elements/lazy', () => {
  let lazy: LazyModule;
  const early = document.createElement('upward-enrolment');

  before(async () => {
    // On the page before the autoloader runs: the first scan must find it.
    document.body.append(early);
    expect(defined('upward-provider')).to.equal(false);
    lazy = await import('../../src/lazy.ts');
  });

  afterEach(() => {
    for (const el of added.splice(0)) el.remove();
  });

  after(() => early.remove());

  it('registers the provider at once and nothing else until its tag appears', () => {
    expect(defined('upward-provider')).to.equal(true);
    for (const tag of ['upward-session-log', 'upward-pairing-board', 'upward-mentor-finder']) expect(defined(tag), tag).to.equal(false);
    expect(lazy.autoloadedTags).to.include.members([
      'upward-program-setup',
      'upward-enrolment',
      'upward-session-log',
      'upward-agreement',
      'upward-my-mentoring',
      'upward-mentor-finder',
      'upward-pairing-board',
    ]);
  });

  it('defines an element that was in the page before it loaded', async () => {
    await customElements.whenDefined('upward-enrolment');
    expect(early.shadowRoot, 'upgraded').to.not.equal(null);
  });

  it('loads only the element that appears, also deep in an added subtree, and it renders real data', async () => {
    const world = await matchWorld();
    const provider = document.createElement('upward-provider');
    provider.client = world.anna;
    const section = document.createElement('section');
    const log = document.createElement('upward-session-log');
    log.setAttribute('match-id', world.matchId);
    section.append(log);
    provider.append(section);
    add(provider);

    await customElements.whenDefined('upward-session-log');
    expect(defined('upward-pairing-board')).to.equal(false);
    expect(defined('upward-program-setup')).to.equal(false);
    await until(() => settled(log), 'the session log');
    expect(textOf(log)).to.contain('No session planned yet');
    await expect(log).to.be.accessible();
  });

  it('finds an element rendered inside the shadow root of another Upward element', async () => {
    const world = await matchWorld();
    const log = document.createElement('upward-session-log');
    log.setAttribute('match-id', world.matchId);
    log.client = world.anna;
    add(log);
    await customElements.whenDefined('upward-session-log');
    await until(() => settled(log), 'the session log');
    expect(defined('upward-agreement')).to.equal(false);

    // What my-mentoring does when a member opens the agreement: an Upward element in its shadow root.
    const agreement = document.createElement('upward-agreement');
    agreement.setAttribute('match-id', world.matchId);
    agreement.client = world.anna;
    shadow(log).append(agreement);
    await customElements.whenDefined('upward-agreement');
    await until(() => agreement.shadowRoot?.querySelector('h2, [part="empty"], [part="base"]'), 'the agreement');
  });

  it('is safe to load twice: a second copy neither throws nor registers anything again', async () => {
    const errors: unknown[] = [];
    const originalError = console.error;
    const originalWarn = console.warn;
    console.error = (...args: unknown[]) => errors.push(args);
    console.warn = (...args: unknown[]) => errors.push(args);
    try {
      // A different URL is a second module instance, as a second bundle on the page would be.
      const copy = (await import(/* @vite-ignore */ `../../src/lazy.ts?copy=${Date.now()}`)) as LazyModule;
      expect(copy, 'a second module instance').to.not.equal(lazy);
      expect(copy.autoloadedTags).to.deep.equal(lazy.autoloadedTags);
      const finder = add(document.createElement('upward-mentor-finder'));
      await customElements.whenDefined('upward-mentor-finder');
      expect(finder.shadowRoot).to.not.equal(null);
    } finally {
      console.error = originalError;
      console.warn = originalWarn;
    }
    expect(errors).to.deep.equal([]);
  });

  it('tells when every Upward element in a subtree is defined', async () => {
    const box = add(document.createElement('div'));
    box.innerHTML = '<upward-provider><upward-my-mentoring></upward-my-mentoring></upward-provider>';
    await lazy.upwardElementsReady(box);
    expect(defined('upward-my-mentoring')).to.equal(true);
  });
});
