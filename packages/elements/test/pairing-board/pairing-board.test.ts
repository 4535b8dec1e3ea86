// <upward-pairing-board> against a real in-memory Upward (the SDK's seed world, admin matching):
// the engine proposes Dana (vp-eng) with Ben, Sam (vp-sales) and Priya (dir-mkt) with Anna, who
// takes two mentees. Anna reports to Dana, and Cara shares no language with anyone.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createUpward, type ProgramInput, type Upward } from '@upward/sdk';
import { memoryStore } from '@upward/sdk/storage/memory';
import '../../src/define/pairing-board.ts';
import '../../src/define/upward-provider.ts';
import type { UpwardPairingBoard } from '../../src/pairing-board/pairing-board.ts';
import { setUpwardLocale } from '../../src/internal/localization.ts';
import { people, seedWorld } from '../../../sdk/test/upward/world.ts';
import { until } from '../support/world.ts';
import { misfits } from '../../../../test/support/misfits.mjs';

async function world(overrides: Partial<ProgramInput> = {}) {
  const store = memoryStore();
  const as = (actor: { personId: string; isAdmin?: boolean }) => createUpward({ store, actor });
  const { programId, hr } = await seedWorld(as, overrides);
  return { programId, hr, as };
}

async function board(client: Upward, programId: string, ready = '[part~="summary"]') {
  const el = await fixture<UpwardPairingBoard>(html`<upward-pairing-board program-id=${programId} .client=${client}></upward-pairing-board>`);
  await until(() => el.shadowRoot!.querySelector(ready), 'the board to load');
  return el;
}

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const status = (el: Element) => $(el, '[part~="status"]')!.textContent!.trim();
/** "mentee<-mentor" for every pair on the board. */
const pairsOn = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')].map((li) => `${li.dataset.mentee}<-${li.querySelector('.mentor')!.textContent!.trim()}`).sort();

async function press(target: HTMLElement, key = 'Enter') {
  target.focus();
  await sendKeys({ press: key });
}

describe('<upward-pairing-board>', () => {
  afterEach(() => setUpwardLocale('en'));

  it('is accessible with a proposal, with rule warnings and exclusions, and with an answer to "why not?"', async () => {
    const { programId, hr } = await world();
    const el = await board(hr, programId);
    await expect(el).to.be.accessible();
    await press($(el, '[data-mentee="vp-sales"] [data-action="exclude"]')!);
    await until(() => $(el, '[part~="exclusions"]'), 'the exclusions');
    await expect(el).to.be.accessible();
    $<HTMLSelectElement>(el, '#explain-mentee')!.value = 'dir-mkt';
    $<HTMLSelectElement>(el, '#explain-mentor')!.value = 'cara';
    await press($(el, '[data-action="explain"]')!);
    await until(() => $(el, '#explain-answer'), 'the answer');
    await expect(el).to.be.accessible();
    // With a swap list open, then the list of mentors for an unmatched mentee.
    await press($(el, '[part~="item"] [data-action="open-swap"]')!);
    await until(() => $(el, '[part~="item"] select'), 'a swap list');
    await expect(el).to.be.accessible();
    await press($(el, '[part~="unmatched"] [data-action="open-assign"]')!);
    await until(() => $(el, '[part~="unmatched"] select'), 'the list of mentors');
    await expect(el).to.be.accessible();
  });

  it('shows the engine\'s pairs with scores and reasons, the objective and the totals', async () => {
    const { programId, hr } = await world();
    const expected = await hr.matching.suggest({ programId });
    const el = await board(hr, programId);
    expect(pairsOn(el)).to.deep.equal(['dir-mkt<-Anna Schmidt', 'vp-eng<-Ben Carter', 'vp-sales<-Anna Schmidt']);
    expect(text(el)).to.contain('Objective: the highest total score.');
    const totals = [...el.shadowRoot!.querySelectorAll('.totals div')].map((d) => `${d.querySelector('dt')!.textContent}: ${d.querySelector('dd')!.textContent}`);
    expect(totals).to.deep.equal(['Pairs: 3', `Total score: ${expected.total.toLocaleString('en')}`, 'Unmatched: 0', 'Locked: 0', 'Excluded: 0']);
    const dana = expected.pairs.find((p) => p.menteeId === 'vp-eng')!;
    const card = $(el, '[data-mentee="vp-eng"]')!;
    expect(card.textContent).to.contain('Dana Okafor');
    expect(card.textContent).to.contain(`${dana.score} of 1,000 points`);
    for (const reason of dana.reasons) expect(card.textContent).to.contain(reason.text);
    expect(status(el)).to.equal(`Proposal ready: 3 pairs, total score ${expected.total.toLocaleString('en')}, 0 unmatched.`);
  });

  it('locks and excludes pairs by keyboard and re-solves at once with them', async () => {
    const { programId, hr } = await world();
    const el = await board(hr, programId);
    const lock = $(el, '[data-mentee="vp-sales"] [data-action="lock"]')!;
    expect(lock.getAttribute('aria-label')).to.equal('Lock pair: Sam Lindqvist with Anna Schmidt');
    const changed = oneEvent(el, 'upward-proposal-changed');
    await press(lock);
    const { detail } = await changed;
    expect(detail.locks).to.deep.equal([{ menteeId: 'vp-sales', mentorId: 'anna' }]);
    expect(detail.proposal.pairs.find((p: { menteeId: string }) => p.menteeId === 'vp-sales')!.locked).to.equal(true);
    await until(() => status(el).startsWith('Locked Sam Lindqvist with Anna Schmidt. Re-solved: 3 pairs'), 'the announcement');
    expect(lock.getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(lock);

    // Excluding Priya and Anna leaves Priya without an allowed mentor: Ben is in her reporting line.
    const reference = await hr.matching.suggest({ programId, locks: detail.locks, exclusions: [{ menteeId: 'dir-mkt', mentorId: 'anna' }] });
    await press($(el, '[data-mentee="dir-mkt"] [data-action="exclude"]')!);
    await until(() => $(el, '[part~="unmatched"]'), 'the unmatched mentee');
    expect(pairsOn(el)).to.have.length(reference.pairs.length);
    const unmatched = $(el, '[part~="unmatched"] [data-mentee="dir-mkt"]')!;
    expect(unmatched.textContent).to.contain(reference.unmatched[0]!.message);
    // her card disappeared, so focus moved to where she is now
    expect(el.shadowRoot!.activeElement).to.equal(unmatched.querySelector('h4'));
    expect(status(el)).to.contain('Excluded Priya Nair with Anna Schmidt. Re-solved:');

    await press($(el, '[part~="exclusions"] [data-action="allow"]')!);
    await until(() => !$(el, '[part~="unmatched"]'), 'Priya paired again');
    expect(pairsOn(el)).to.include('dir-mkt<-Anna Schmidt');
  });

  it('swaps mentors from the keyboard, locking both pairs and warning about the broken rule', async () => {
    const { programId, hr } = await world();
    const el = await board(hr, programId);
    expect($(el, '[data-mentee="vp-eng"] select'), 'the list opens on demand').to.equal(null);
    const toggle = $(el, '[data-mentee="vp-eng"] [data-action="open-swap"]')!;
    await press(toggle);
    await until(() => el.shadowRoot!.activeElement?.localName === 'select', 'focus on the list');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const select = $<HTMLSelectElement>(el, '[data-mentee="vp-eng"] select')!;
    expect(el.shadowRoot!.querySelector(`label[for="${select.id}"]`)!.textContent).to.contain('Swap mentor with');
    expect([...select.options].map((o) => o.value).sort()).to.deep.equal(['dir-mkt', 'vp-sales'], 'every other pair');
    // Opening another card's list closes this one: one list at a time.
    await press($(el, '[data-mentee="vp-sales"] [data-action="open-swap"]')!);
    await until(() => $(el, '[data-mentee="vp-sales"] select'), 'the other list');
    expect($(el, '[data-mentee="vp-eng"] select')).to.equal(null);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelectorAll('select:not(#explain-mentee):not(#explain-mentor)')).to.have.length(1);
    await press(toggle);
    await until(() => el.shadowRoot!.activeElement?.localName === 'select', 'focus on the first list again');
    await sendKeys({ press: 'Escape' });
    await until(() => el.shadowRoot!.activeElement === toggle, 'Escape closes it, focus back on its toggle');
    expect($(el, '[data-mentee="vp-eng"] select')).to.equal(null);
    await press(toggle);
    await until(() => $(el, '[data-mentee="vp-eng"] select'), 'the list again');
    $<HTMLSelectElement>(el, '[data-mentee="vp-eng"] select')!.value = 'vp-sales';
    // A change elsewhere re-solves the board while the list is open: it stays open, with the choice made.
    const resolved = oneEvent(el, 'upward-proposal-changed');
    await hr.people.upsert({ ...people.ceo, title: 'Chief Executive' });
    await resolved;
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '[data-mentee="vp-eng"] select')!.value).to.equal('vp-sales');
    const changed = oneEvent(el, 'upward-proposal-changed');
    await press($(el, '[data-mentee="vp-eng"] [data-action="swap"]')!);
    const { detail } = await changed;
    expect(detail.locks).to.deep.equal([
      { menteeId: 'vp-eng', mentorId: 'anna' },
      { menteeId: 'vp-sales', mentorId: 'ben' },
    ]);
    await until(() => pairsOn(el).includes('vp-eng<-Anna Schmidt'), 'the swap');
    expect(pairsOn(el)).to.include('vp-sales<-Ben Carter');
    expect(el.shadowRoot!.activeElement, 'focus on the swapped pair').to.equal($(el, '[data-mentee="vp-eng"] h4'));
    expect($(el, '[data-mentee="vp-eng"] .warnings')!.textContent).to.contain('Dana Okafor is the direct manager of Anna Schmidt');
    expect(status(el)).to.contain(
      'Swapped: Dana Okafor now with Anna Schmidt, Sam Lindqvist with Ben Carter. Breaks a rule: Dana Okafor is the direct manager of Anna Schmidt; mentors and mentees must not share a reporting chain. Re-solved: 3 pairs',
    );
  });

  it('swaps mentors by drag and drop, and gives an unmatched mentee a dragged mentor', async () => {
    const { programId, hr } = await world();
    const el = await board(hr, programId);
    const drag = (from: string, to: string) => {
      const data = new DataTransfer();
      $(el, `[data-mentee="${from}"] .mentor`)!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true, composed: true }));
      $(el, `[data-mentee="${to}"]`)!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    };
    drag('vp-sales', 'vp-eng');
    await until(() => pairsOn(el).includes('vp-eng<-Anna Schmidt'), 'the dragged swap');
    expect(pairsOn(el)).to.include('vp-sales<-Ben Carter');

    await press($(el, '[data-mentee="dir-mkt"] [data-action="exclude"]')!);
    await until(() => $(el, '[part~="unmatched"] [data-mentee="dir-mkt"]'), 'Priya unmatched');
    drag('vp-eng', 'dir-mkt');
    await until(() => pairsOn(el).includes('dir-mkt<-Anna Schmidt'), 'Priya paired by drag');
    expect($(el, '[data-mentee="dir-mkt"] [data-action="lock"]')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('answers "why not?" with the rules that rule a pair out, or the score when allowed', async () => {
    const { programId, hr } = await world();
    const el = await board(hr, programId);
    $<HTMLSelectElement>(el, '#explain-mentee')!.value = 'dir-mkt';
    $<HTMLSelectElement>(el, '#explain-mentor')!.value = 'cara';
    await press($(el, '[data-action="explain"]')!);
    await until(() => $(el, '#explain-answer'), 'the answer');
    const expected = await hr.matching.explain({ programId, menteeId: 'dir-mkt', mentorId: 'cara' });
    if (expected.allowed) throw new Error('Priya and Cara should be ruled out');
    expect($(el, '#explain-answer')!.textContent).to.contain(expected.violations[0]!.message);
    expect(status(el)).to.contain('The rules rule this pair out');
    $<HTMLSelectElement>(el, '#explain-mentee')!.value = 'vp-sales';
    $<HTMLSelectElement>(el, '#explain-mentor')!.value = 'ben';
    await press($(el, '[data-action="explain"]')!);
    await until(() => $(el, '#explain-answer')!.textContent!.includes('The rules allow this pair.'), 'the allowed answer');
    expect($(el, '#explain-answer')!.textContent).to.contain('of 1,000 points');
  });

  it('says reasons, rule warnings, unmatched mentees and "why not?" answers in German, from the engine\'s details', async () => {
    const { programId, hr } = await world();
    await setUpwardLocale('de');
    const el = await board(hr, programId);
    await until(() => text(el).includes('Ziel: die höchste Gesamtpunktzahl.'), 'German text');
    const dana = $(el, '[data-mentee="vp-eng"]')!;
    const reasons = [...dana.querySelectorAll('.reasons li')].map((li) => li.textContent!.trim());
    expect(reasons).to.include('Ben Carter steht 5 Stufen unter Dana Okafor (im Programm erlaubt: 3 bis 7 Stufen).');
    expect(reasons).to.include('1 Stunde Zeitunterschied (Europe/Berlin und Europe/London).');
    expect(reasons).to.include('Beide sprechen Englisch.');
    expect(reasons).to.include('Deckt das einzige Ziel von Dana Okafor nicht ab.');
    expect(reasons.join(' ')).to.not.match(/\b(Teaches|Covers|Both|apart|junior)\b/, 'no English reason');

    // A locked pair that breaks a rule: the warning says the rule, not "[object Object]".
    await press($(el, '[data-mentee="vp-eng"] [data-action="open-swap"]')!);
    await until(() => $(el, '[data-mentee="vp-eng"] select'), 'the swap list');
    $<HTMLSelectElement>(el, '[data-mentee="vp-eng"] select')!.value = 'vp-sales';
    await press($(el, '[data-mentee="vp-eng"] [data-action="swap"]')!);
    await until(() => $(el, '[data-mentee="vp-eng"] .warnings'), 'the warning');
    expect($(el, '[data-mentee="vp-eng"] .warnings')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Verstößt gegen eine Regel: Dana Okafor ist die direkte Führungskraft von Anna Schmidt; das Programm bringt keine Personen aus derselben Berichtslinie zusammen.',
    );

    // Priya without Anna: Ben is in her reporting line and Cara shares no language with her.
    await press($(el, '[data-mentee="dir-mkt"] [data-action="exclude"]')!);
    await until(() => $(el, '[part~="unmatched"] [data-mentee="dir-mkt"]'), 'Priya unmatched');
    const why = $(el, '[part~="unmatched"] [data-mentee="dir-mkt"] p')!.textContent!.trim();
    expect(why).to.match(/^Nach den Regeln des Programms kommt für Priya Nair keine Mentorin und kein Mentor infrage: /);
    for (const part of ['1 in derselben Berichtslinie', '1 von der HR-Administration ausgeschlossen', '1 ohne gemeinsame Sprache']) expect(why).to.contain(part);

    $<HTMLSelectElement>(el, '#explain-mentee')!.value = 'dir-mkt';
    $<HTMLSelectElement>(el, '#explain-mentor')!.value = 'cara';
    await press($(el, '[data-action="explain"]')!);
    await until(() => $(el, '#explain-answer'), 'the answer');
    const ruledOut = 'Priya Nair (Englisch und Hindi) und Cara Silva (Portugiesisch) haben keine gemeinsame Sprache.';
    expect([...$(el, '#explain-answer')!.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal([ruledOut]);
    expect(status(el)).to.equal(`Die Regeln schließen dieses Paar aus: ${ruledOut}`);
  });

  it('lets go of a lock on a mentor whose place went meanwhile, and says why', async () => {
    const { programId, hr } = await world();
    const el = await board(hr, programId);
    await press($(el, '[data-mentee="dir-mkt"] [data-action="exclude"]')!);
    await until(() => $(el, '[part~="unmatched"] [data-mentee="dir-mkt"]'), 'Priya unmatched');
    // Elsewhere, Ben's only place goes to Dana; the board re-solves, but still offers Ben.
    await hr.matches.propose({ programId, mentorIds: ['ben'], menteeIds: ['vp-eng'] });
    await until(() => !pairsOn(el).some((p) => p.startsWith('vp-eng')), 'Dana matched elsewhere');
    await press($(el, '[part~="unmatched"] [data-mentee="dir-mkt"] [data-action="open-assign"]')!);
    await until(() => $(el, '[part~="unmatched"] [data-mentee="dir-mkt"] select'), 'the list of mentors');
    const select = $<HTMLSelectElement>(el, '[part~="unmatched"] [data-mentee="dir-mkt"] select')!;
    select.value = 'ben';
    await press($(el, '[part~="unmatched"] [data-mentee="dir-mkt"] [data-action="assign"]')!);
    await until(() => $(el, '[part~="refused-locks"]'), 'the refused lock');
    expect($(el, '[part~="refused-locks"]')!.textContent!.trim()).to.equal("Could not lock Priya Nair with Ben Carter: Ben Carter's only place is taken.");
    await until(() => status(el).includes('Could not lock'), 'the re-solve without it');
    expect(status(el)).to.match(/^Could not lock Priya Nair with Ben Carter: Ben Carter's only place is taken\. Re-solved: /);
    expect($(el, '[part~="unmatched"] [data-mentee="dir-mkt"]'), 'Priya is still unmatched').to.not.equal(null);
    expect(text(el)).to.not.contain('lock:');
    await expect(el).to.be.accessible();
  });

  it('names the pair a publishing error is about, links it to its card and focuses the summary', async () => {
    const { programId, hr } = await world();
    const el = await board(hr, programId);
    // The swap locks Dana with Anna, who reports to her: the board warns, publishing refuses.
    await press($(el, '[data-mentee="vp-eng"] [data-action="open-swap"]')!);
    await until(() => $(el, '[data-mentee="vp-eng"] select'), 'the swap list');
    $<HTMLSelectElement>(el, '[data-mentee="vp-eng"] select')!.value = 'vp-sales';
    await press($(el, '[data-mentee="vp-eng"] [data-action="swap"]')!);
    await until(() => pairsOn(el).includes('vp-eng<-Anna Schmidt'), 'the swap');
    await press($(el, '[data-action="publish"]')!);
    await until(() => $(el, '[data-action="confirm-publish"]'), 'the confirmation');
    await press($(el, '[data-action="confirm-publish"]')!);
    await until(() => $(el, '.error-summary a'), 'the error summary');
    const link = $(el, '.error-summary a')!;
    expect(link.textContent).to.equal('Dana Okafor with Anna Schmidt: Dana Okafor is the direct manager of Anna Schmidt; mentors and mentees must not share a reporting chain');
    await until(() => el.shadowRoot!.activeElement === $(el, '.error-summary'), 'focus on the summary');
    link.click();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-mentee="vp-eng"] h4'));
    expect(await hr.matches.list({ programId })).to.have.length(0);
  });

  it('publishes after a confirmation and shows the created matches', async () => {
    const { programId, hr } = await world();
    const el = await board(hr, programId);
    await press($(el, '[data-action="publish"]')!);
    await until(() => $(el, '[data-action="confirm-publish"]'), 'the confirmation');
    expect(text(el)).to.contain('Publish 3 pairs as proposed matches?');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-action="confirm-publish"]'));
    // cancelling stores nothing and returns to the publish button
    await press($(el, '[data-action="cancel-publish"]')!);
    await until(() => el.shadowRoot!.activeElement === $(el, '[data-action="publish"]'), 'focus back on publish');
    expect(await hr.matches.list({ programId })).to.have.length(0);

    await press($(el, '[data-action="publish"]')!);
    await until(() => $(el, '[data-action="confirm-publish"]'), 'the confirmation');
    const published = oneEvent(el, 'upward-matches-published');
    await press($(el, '[data-action="confirm-publish"]')!);
    const { detail } = await published;
    const stored = await hr.matches.list({ programId });
    expect(stored.map((m) => m.id).sort()).to.deep.equal(detail.matches.map((m: { id: string }) => m.id).sort());
    expect(stored.every((m) => m.origin === 'suggested' && m.status === 'proposed')).to.equal(true);
    await until(() => $(el, '[part~="published"]'), 'the published matches');
    expect($(el, '[part~="published"]')!.textContent).to.contain('Dana Okafor with Ben Carter');
    expect(el.shadowRoot!.activeElement?.id).to.equal('published-title');
    // everyone is matched now: the board re-solved to an empty proposal
    await until(() => text(el).includes('Nobody can be paired right now'), 'the empty proposal');
    expect(status(el)).to.contain('Published 3 matches. Re-solved: 0 pairs');
    await expect(el).to.be.accessible();
  });

  it('re-solves when matches change elsewhere, and can cancel a solve', async () => {
    const { programId, hr } = await world();
    const el = await board(hr, programId);
    await hr.matches.propose({ programId, mentorIds: ['ben'], menteeIds: ['vp-sales'] });
    // Sam is matched now and Ben is full, so Dana (who may not have Anna) is left over.
    await until(() => pairsOn(el).length === 1, 'the refreshed proposal');
    expect(pairsOn(el)).to.deep.equal(['dir-mkt<-Anna Schmidt']);
    expect($(el, '[part~="unmatched"] [data-mentee="vp-eng"]')).to.not.equal(null);

    // Cancel a solve while the worker is still starting.
    $(el, '[data-mentee="dir-mkt"] [data-action="lock"]')!.click();
    await until(() => $(el, '[data-action="cancel"]'), 'the progress');
    expect($(el, '[part~="progress"] progress')).to.not.equal(null);
    $(el, '[data-action="cancel"]')!.click();
    await until(() => text(el).includes('Solving was cancelled.'), 'the cancelled state');
    expect(pairsOn(el)).to.have.length(1); // the last proposal stays on screen
    await press($(el, '[data-action="solve"]')!);
    await until(() => !text(el).includes('Solving was cancelled.') && $(el, '[data-mentee="dir-mkt"] [aria-pressed="true"]'), 'solved again');
  });

  it('starts over when the client changes: no locks or messages of the previous session', async () => {
    const { programId, hr, as } = await world();
    const el = await board(hr, programId);
    await press($(el, '[data-mentee="vp-sales"] [data-action="lock"]')!);
    await until(() => status(el).startsWith('Locked'), 'the lock');
    el.client = as({ personId: 'admin', isAdmin: true });
    await el.updateComplete;
    await until(() => $(el, '[data-mentee="vp-sales"] [data-action="lock"]')?.getAttribute('aria-pressed') === 'false', 'a fresh board');
    expect(status(el)).to.not.contain('Locked');
  });

  it('shows a champion aggregates only: no "why not this pair?", no names, no useless retry', async () => {
    const { programId, as } = await world(); // Chris Young champions the program
    const el = await board(as({ personId: 'chris' }), programId, '[part~="forbidden"]');
    // give any stray load or solve time to fail and render
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    expect(text(el)).to.contain('Only HR admins can arrange pairs, so the pairing board is not open to you.');
    expect(text(el)).to.contain('Champions follow their programs in numbers');
    // (booleans: a failing assertion on an element would try to print the whole element)
    expect($(el, '[part~="explain"]') === null, 'the "why not?" form is gone').to.equal(true);
    expect($(el, '[data-action="explain"]') === null, 'no "Explain" button').to.equal(true);
    expect($(el, '[part~="error"]') === null, 'no error with "Try again"').to.equal(true);
    expect($(el, 'button') === null, 'no button at all').to.equal(true);
    expect(text(el)).to.not.contain('You are not allowed to do this.');
    for (const person of ['Anna Schmidt', 'Ben Carter', 'Cara Silva', 'Dana Okafor', 'Sam Lindqvist', 'Priya Nair']) expect(text(el)).to.not.contain(person);
    await expect(el).to.be.accessible();

    setUpwardLocale('de');
    await until(() => text(el).includes('Nur die HR-Administration kann Paare bilden'), 'German text');
  });

  it('shows the groups of a group program, co-led by two mentors, as publishing will create them', async () => {
    const { programId, hr } = await world({ format: { kind: 'group', mentorsPerGroup: 2, menteesPerGroup: 4 } });
    const expected = await hr.matching.suggest({ programId });
    expect(expected.groups?.length).to.be.greaterThan(0);
    const el = await board(hr, programId);
    await until(() => $(el, '[part~="groups"]'), 'the groups');
    const names = new Map(Object.values(people).map((p) => [p.id, p.name]));
    const shown = [...el.shadowRoot!.querySelectorAll('[part~="groups"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(shown).to.deep.equal(
      expected.groups!.map((g) => {
        const mentees = g.menteeIds.map((id) => names.get(id)!);
        const count = mentees.length === 1 ? '1 mentee' : `${mentees.length} mentees`;
        return `${new Intl.ListFormat('en', { type: 'conjunction' }).format(g.mentorIds.map((id) => names.get(id)!))}: ${count}, ${new Intl.ListFormat('en', { type: 'conjunction' }).format(mentees)}`;
      }),
    );
    await expect(el).to.be.accessible();
    // A one-to-one program has no groups to show.
    const single = await world();
    const other = await board(single.hr, single.programId);
    expect($(other, '[part~="groups"]')).to.equal(null);
  });

  it('fits a 320 px screen in German: every card keeps its lists and forms inside (WCAG 1.4.10)', async () => {
    const { programId, hr } = await world();
    await setUpwardLocale('de');
    // A 320 px page less the intranet's margins and the card's padding around the board.
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: 240px"><upward-pairing-board program-id=${programId} .client=${hr}></upward-pairing-board></div>`,
    );
    const el = wrapper.querySelector<UpwardPairingBoard>('upward-pairing-board')!;
    await until(() => $(el, '[part~="summary"]'), 'the board to load');
    // Exclude one pair so an unmatched mentee shows too.
    await press($(el, '[data-mentee="dir-mkt"] [data-action="exclude"]')!);
    await until(() => $(el, '[part~="unmatched"]'), 'the unmatched mentee');
    for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
    await press($(el, '[part~="item"] [data-action="open-swap"]')!);
    await until(() => $(el, '[part~="item"] select'), 'a swap list');
    expect(misfits(wrapper)).to.deep.equal([]);
    // The lists shrink without losing what they are for.
    expect($<HTMLSelectElement>(el, '[part~="item"] select')!.getBoundingClientRect().width).to.be.greaterThan(100);
    await press($(el, '[part~="unmatched"] [data-action="open-assign"]')!);
    await until(() => $(el, '[part~="unmatched"] select'), 'the list of mentors');
    expect(misfits(wrapper)).to.deep.equal([]);
  });

  it('explains the wrong mode, tells non-admins why the board is closed to them, and renders in German', async () => {
    const self = await world({ matching: { mode: 'self' } });
    const wrong = await board(self.hr, self.programId, '[part~="empty"]');
    expect(text(wrong)).to.contain('mentees choose their mentors themselves');
    const admin = await world();
    const mentee = await board(admin.as({ personId: 'vp-sales' }), admin.programId, '[part~="forbidden"]');
    expect(text(mentee)).to.contain('Only HR admins can arrange pairs');
    expect($(mentee, 'button') === null, 'a retry that cannot help').to.equal(true);
    await expect(mentee).to.be.accessible();

    const el = await fixture<HTMLElement>(
      html`<div lang="de"><upward-provider .client=${admin.hr}><upward-pairing-board program-id=${admin.programId}></upward-pairing-board></upward-provider></div>`,
    );
    const inner = el.querySelector('upward-pairing-board')!;
    await until(() => text(inner).includes('Ziel: die höchste Gesamtpunktzahl.'), 'German text');
    expect($(inner, '[data-mentee="vp-sales"] [data-action="lock"]')!.getAttribute('aria-label')).to.equal('Paar fixieren: Sam Lindqvist mit Anna Schmidt');
    expect(text(inner)).to.contain('von 1.000 Punkten');
  });
});
