// The People Hub's own behaviour, in Chromium (web-test-runner), with real Upward clients over the
// in-memory store: the page at 320 px, HR's application list keeping keyboard focus through its
// re-renders, the champion overview's loading and failure states, and "Sessions and notes"
// taking focus to the session log.
//   UPWARD_TEST_FILES='examples/intranet/test/*.test.ts' pnpm exec web-test-runner --config test/web-test-runner.config.mjs
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createUpward, type Upward } from '@upward/sdk';
import { memoryStore } from '@upward/sdk/storage/memory';
import '@upward/elements/define/session-log';
import { people, programInput, seedWorld } from '../../../packages/sdk/test/upward/world.ts';
import { matchWorld } from '../../../packages/elements/test/session-log/match-world.ts';
import { until } from '../../../packages/elements/test/support/world.ts';
import { renderApplications } from '../src/applications.ts';
import { renderChampionOverview } from '../src/champion-overview.ts';
import { focusSessionLog } from '../src/session-log-focus.ts';
import { cast } from '../src/cast.ts';
import { setPageLanguage, t, type PageLanguage, type TextKey } from '../src/page-text.ts';

const settle = (ms = 250) => new Promise((r) => setTimeout(r, ms));
/** Describes an element for a message. Assertions compare booleans: a failing `expect(element)` diff freezes the browser. */
const labelOf = (el: Element | null | undefined) =>
  el ? `${el.localName}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"` : 'nothing';

function world() {
  const store = memoryStore();
  return (actor: { personId: string; isAdmin?: boolean }) => createUpward({ store, actor });
}

describe('People Hub at 320 px (WCAG 1.4.10)', () => {
  afterEach(() => setPageLanguage('en'));

  /** index.html without its script, in a frame `width` wide, filled in as main.ts fills it. */
  async function hubPage(width: number, language: PageLanguage): Promise<Document> {
    const page = await (await fetch('/examples/intranet/index.html')).text();
    const frame = document.createElement('iframe');
    frame.style.cssText = `width: ${width}px; height: 900px; border: 0`;
    frame.srcdoc = page.replace(/<script[\s\S]*?<\/script>/g, '').replace('href="./src/hub.css"', `href="${new URL('/examples/intranet/src/hub.css', location.href).href}"`);
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    expect(getComputedStyle(doc.body).display, 'hub.css is applied').to.equal('flex');
    setPageLanguage(language);
    for (const el of doc.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = t(el.dataset.text as TextKey);
    const options = (select: string, labels: string[]) =>
      doc.querySelector(select)!.replaceChildren(
        ...labels.map((label) => Object.assign(doc.createElement('option'), { textContent: label })),
      );
    // The longest labels the demo shows: every person of the cast, a long program name, a match
    // with two partners.
    options('#acting-as', cast.map((m) => `${m.name} (${t(`role.${m.key}` as TextKey)}, ${m.title})`));
    options('#program-picker', ['Digital Leaders 2027: reverse mentoring for the leadership team']);
    options('#match-picker', ['Rahul Mehta, Ngozi Ogunleye · Digital Leaders 2027: reverse mentoring for the leadership team']);
    // Every route at once, with the program bar and the relationship picker shown.
    for (const section of doc.querySelectorAll<HTMLElement>('[data-route]')) section.hidden = false;
    doc.querySelector<HTMLElement>('#program-context')!.hidden = false;
    return doc;
  }

  for (const language of ['en', 'de'] as const) {
    it(`does not scroll sideways, and no control sticks out (${language})`, async () => {
      const doc = await hubPage(320, language);
      const scroller = doc.scrollingElement!;
      const sticking = [...doc.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > scroller.clientWidth + 0.5)
        .map((el) => `${el.localName}${el.id ? `#${el.id}` : ''} right=${Math.round(el.getBoundingClientRect().right)}`);
      expect(sticking).to.deep.equal([]);
      expect(scroller.scrollWidth, 'the page scrolls sideways').to.be.at.most(scroller.clientWidth);
      // The pickers narrowed to the page; they did not collapse.
      for (const id of ['#acting-as', '#match-picker', '#program-picker']) expect(doc.querySelector(id)!.getBoundingClientRect().width, id).to.be.greaterThan(150);
    });
  }
});

describe('HR applications keep keyboard focus', () => {
  async function applicationsWorld() {
    const as = world();
    const hr = as({ personId: 'admin', isAdmin: true });
    for (const person of Object.values(people)) await hr.people.upsert(person);
    const program = await hr.programs.create(programInput());
    await hr.programs.openEnrolment({ id: program.id });
    for (const [personId, role] of [['anna', 'mentor'], ['ben', 'mentor'], ['vp-sales', 'mentee']] as const) {
      await as({ personId }).enrolments.enrol({ programId: program.id, personId, role, skills: [{ skill: 'TikTok' }], consent: true });
    }
    const container = await fixture<HTMLElement>(html`<div class="hub-card" aria-live="polite"></div>`);
    const render = () => renderApplications(hr, program.id, container, () => {});
    // As main.ts does: every change notification re-renders the list.
    hr.subscribe(() => void render());
    await render();
    return { container, render };
  }

  /** The applicants' names, in list order. */
  const rows = (container: HTMLElement) => [...container.querySelectorAll('li')].map((li) => li.querySelector('strong')!.textContent!);
  const row = (container: HTMLElement, name: string) => [...container.querySelectorAll('li')].find((li) => li.querySelector('strong')!.textContent === name);
  const button = (container: HTMLElement, name: string, label = 'Approve') =>
    [...(row(container, name)?.querySelectorAll<HTMLElement>('button') ?? [])].find((b) => b.textContent === label) ?? null;
  const focused = () => document.activeElement as HTMLElement | null;
  const where = () => {
    const a = focused();
    return a ? `${a.localName} "${a.getAttribute('aria-label') ?? a.textContent}"` : 'nothing';
  };

  async function decide(container: HTMLElement, name: string, label: string) {
    button(container, name, label)!.focus();
    await sendKeys({ press: 'Enter' });
  }

  /** Waits for focus to land on `expected`, then for the notification's re-render, and checks it stayed. */
  async function expectFocus(expected: () => HTMLElement | null | undefined, what: string) {
    await until(() => expected() && focused() === expected(), `focus on ${what} (it is on ${where()})`);
    await settle();
    expect(focused() === expected(), `focus stays on ${what} after the re-renders, not ${where()}`).to.equal(true);
  }

  it('moves focus to the next application after a decision, never to <body>', async () => {
    const { container } = await applicationsWorld();
    const [first, second, third] = rows(container) as [string, string, string];

    await decide(container, first, 'Approve');
    await expectFocus(() => button(container, second), 'the next application');
    expect(rows(container)).to.deep.equal([second, third]);

    // Put on the waiting list: still listed, focus goes on to the next one.
    await decide(container, second, 'Waiting list');
    await expectFocus(() => button(container, third), 'the application after the waitlisted one');

    // The last one declined: back to the one before it.
    await decide(container, third, 'Decline');
    await expectFocus(() => button(container, second), 'the previous application');

    // None left: the list's heading.
    await decide(container, second, 'Approve');
    await expectFocus(() => container.querySelector<HTMLElement>('#applications-title'), 'the heading');
    expect(focused()!.textContent).to.equal('Applications to review (0)');
  });

  it('keeps focus on the same button when another change re-renders the list', async () => {
    const { container, render } = await applicationsWorld();
    const [, second] = rows(container) as [string, string];
    const before = button(container, second, 'Decline')!;
    before.focus();
    // A change made elsewhere re-renders the list under the reader: every button is new.
    await render();
    expect(button(container, second, 'Decline') !== before, 'the list was re-rendered').to.equal(true);
    expect(focused() === button(container, second, 'Decline'), `focus is on ${where()}`).to.equal(true);
  });
});

describe('Champion overview: loading, failure and "Try again"', () => {
  afterEach(() => setPageLanguage('en'));

  async function championWorld() {
    const as = world();
    const { programId } = await seedWorld(as); // Chris Young champions the program
    const chris = as({ personId: 'chris' });
    const container = await fixture<HTMLElement>(html`<div id="champion-overview"></div>`);
    return { chris, container, programId };
  }

  /** Makes `client.programs.list` fail until `heal()` is called. */
  function breakList(client: Upward) {
    const list = client.programs.list.bind(client.programs);
    let broken = true;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    client.programs.list = async (...args: Parameters<typeof list>) => {
      await gate;
      if (broken) throw Object.assign(new Error('[upward] No connection'), { code: 'network' });
      return list(...args);
    };
    return {
      /** Lets calls waiting at the gate go on (and fail while broken). */
      release: () => release(),
      heal: () => (broken = false),
    };
  }

  it('says it is loading, then shows the figures and clears aria-busy', async () => {
    const { chris, container } = await championWorld();
    const gate = breakList(chris);
    gate.heal();
    const done = renderChampionOverview(chris, container);
    expect(container.getAttribute('aria-busy')).to.equal('true');
    expect(container.textContent).to.contain('Loading the overview…');
    gate.release();
    await done;
    expect(container.getAttribute('aria-busy')).to.equal('false');
    expect(container.querySelector('h2')!.textContent).to.equal('Digital Leaders 2027');
  });

  it('shows a failure with "Try again" instead of staying empty and busy, and recovers', async () => {
    const { chris, container } = await championWorld();
    const gate = breakList(chris);
    gate.release();
    // It must not reject: main.ts calls it as `void refreshChampion()`.
    await renderChampionOverview(chris, container);
    expect(container.getAttribute('aria-busy')).to.equal('false');
    const alert = container.querySelector<HTMLElement>('[role="alert"]')!;
    expect(alert.textContent).to.contain('The overview could not be loaded.');
    const retry = alert.querySelector('button')!;
    expect(retry.textContent).to.equal('Try again');
    await expect(container).to.be.accessible();

    // "Try again" while still offline: a new failure, focus stays on "Try again".
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => container.querySelector('button') && container.querySelector('button') !== retry, 'the second failure');
    expect(document.activeElement === container.querySelector('button'), `focus is on ${labelOf(document.activeElement)}`).to.equal(true);

    gate.heal();
    await sendKeys({ press: 'Enter' });
    await until(() => container.querySelector('h2'), 'the figures');
    await until(() => container.getAttribute('aria-busy') === 'false', 'aria-busy cleared');
    expect(container.textContent).to.contain('0 in all'); // no pair yet
    expect(document.activeElement === container.querySelector('h2'), `focus lands on the first program, not ${labelOf(document.activeElement)}`).to.equal(true);
  });

  it('says it in German', async () => {
    const { chris, container } = await championWorld();
    setPageLanguage('de');
    breakList(chris).release();
    await renderChampionOverview(chris, container);
    expect(container.textContent).to.contain('Die Übersicht konnte nicht geladen werden.');
    expect(container.querySelector('button')!.textContent).to.equal('Erneut versuchen');
  });
});

describe('"Sessions and notes" takes focus to the session log', () => {
  it('focuses the log\'s heading, and the next Tab continues in the log', async () => {
    const { sam, matchId } = await matchWorld('accepted');
    const wrapper = await fixture<HTMLElement>(html`<div>
      <button id="open">Sessions and notes</button>
      <p>Between the two: the rest of the page.</p>
      <upward-session-log id="session-log" .client=${sam}></upward-session-log>
    </div>`);
    const log = wrapper.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('#session-log')!;
    wrapper.querySelector<HTMLElement>('#open')!.focus();
    // As the context bar does, then main.ts's handler.
    log.setAttribute('match-id', matchId);
    await focusSessionLog(log);
    const heading = log.shadowRoot!.querySelector('h2')!;
    expect(document.activeElement === log, `focus is on ${labelOf(document.activeElement)}`).to.equal(true);
    expect(log.shadowRoot!.activeElement === heading, `focus in the log is on ${labelOf(log.shadowRoot!.activeElement)}`).to.equal(true);
    expect(heading.textContent).to.equal('Sessions');
    // Only focusable from script: not an extra Tab stop.
    expect(heading.getAttribute('tabindex')).to.equal('-1');

    await until(() => log.shadowRoot!.querySelector('input, select, textarea, button, summary'), 'the log to load');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement === log, `the next Tab stays in the log, not ${labelOf(document.activeElement)}`).to.equal(true);
    const next = log.shadowRoot!.activeElement;
    expect(Boolean(next) && next !== heading, `the next Tab reaches a control of the log, not ${labelOf(next)}`).to.equal(true);
  });
});
