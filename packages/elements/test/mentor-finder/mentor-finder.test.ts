// <upward-mentor-finder> against a real in-memory Upward: a self-mode and a hybrid-mode program
// from the SDK's seed world (Sam = vp-sales may choose Anna or Ben; Dana = vp-eng only Ben, as
// Anna reports to her; Priya = dir-mkt only Anna).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createUpward, type ProgramInput, type Upward } from '@upward/sdk';
import { memoryStore } from '@upward/sdk/storage/memory';
import '../../src/define/mentor-finder.ts';
import '../../src/define/upward-provider.ts';
import type { UpwardMentorFinder } from '../../src/mentor-finder/mentor-finder.ts';
import { setUpwardLocale } from '../../src/internal/localization.ts';
import { seedWorld } from '../../../sdk/test/upward/world.ts';
import { seededWorld, until } from '../support/world.ts';
import { misfits } from '../../../../test/support/misfits.mjs';

async function world(matching: ProgramInput['matching']) {
  const store = memoryStore();
  const as = (actor: { personId: string; isAdmin?: boolean }) => createUpward({ store, actor });
  const { programId, hr } = await seedWorld(as, { matching });
  return { programId, hr, as };
}

async function finder(client: Upward, programId: string, ready = '[part~="list"], [part~="empty"], [part~="pending"]') {
  const el = await fixture<UpwardMentorFinder>(html`<upward-mentor-finder program-id=${programId} .client=${client}></upward-mentor-finder>`);
  await until(() => el.shadowRoot!.querySelector(ready), 'the finder to load');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const ranked = (el: Element) => $$(el, '[data-ranked]').map((li) => li.dataset.ranked);

async function press(target: HTMLElement, key = 'Enter') {
  target.focus();
  await sendKeys({ press: key });
}

describe('<upward-mentor-finder>', () => {
  afterEach(() => setUpwardLocale('en'));

  it('is accessible with suggestions, and in the ranking and empty states', async () => {
    const { programId, hr, as } = await world({ mode: 'self' });
    const el = await finder(as({ personId: 'vp-sales' }), programId);
    await expect(el).to.be.accessible();
    await press($(el, '[data-mentor="anna"] [data-action="rank"]')!);
    await until(() => ranked(el).length === 1, 'the ranking');
    await expect(el).to.be.accessible();
    const enrolments = await hr.enrolments.list({ programId, role: 'mentor' });
    for (const e of enrolments) await hr.enrolments.withdraw({ id: e.id });
    await until(() => text(el).includes('No mentor fits you right now'), 'the empty state');
    await expect(el).to.be.accessible();
  });

  it('checks the suggestions again when the mentee comes back to the page: a mentor whose place went to someone else is gone', async () => {
    const { programId, as } = await world({ mode: 'self' });
    const el = await finder(as({ personId: 'vp-sales' }), programId);
    expect($$(el, '[part~="item"]').map((li) => li.dataset.mentor).sort()).to.deep.equal(['anna', 'ben']);
    // Dana's request takes Ben's only place; nothing tells Sam (other people's matches are private).
    await as({ personId: 'vp-eng' }).matches.request({ programId, mentorId: 'ben' });
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => $$(el, '[part~="item"]').length === 1, 'the refreshed suggestions');
    expect($$(el, '[part~="item"]').map((li) => li.dataset.mentor)).to.deep.equal(['anna']);
  });

  it('shows only the mentors the rules allow, best first, each score with its reasons in words', async () => {
    const { programId, as } = await world({ mode: 'self' });
    const sam = as({ personId: 'vp-sales' });
    const el = await finder(sam, programId);
    const expected = await sam.matching.suggestions({ programId });
    expect($$(el, '[part~="item"]').map((li) => li.dataset.mentor)).to.deep.equal(expected.map((s) => s.mentor.personId));
    expect(expected.map((s) => s.mentor.personId).sort()).to.deep.equal(['anna', 'ben']); // Cara shares no language
    const first = $(el, '[part~="item"]')!;
    expect(first.textContent).to.contain(`${expected[0]!.score} of 1,000 points`);
    for (const reason of expected[0]!.reasons) expect(first.textContent).to.contain(reason.text);
  });

  it('requests a mentor by keyboard, stores the request and shows it with its expiry', async () => {
    const { programId, as } = await world({ mode: 'self', requestExpiryDays: 5 });
    const sam = as({ personId: 'vp-sales' });
    const el = await finder(sam, programId);
    const best = (await sam.matching.suggestions({ programId }))[0]!.mentor;
    // the first stop of the Tab order is the best suggestion's request button
    await sendKeys({ press: 'Tab' });
    const button = el.shadowRoot!.activeElement as HTMLElement;
    expect(button.getAttribute('aria-label')).to.equal(`Request ${best.name}`);
    const requested = oneEvent(el, 'upward-mentor-requested');
    await sendKeys({ press: 'Enter' });
    const { detail } = await requested;
    expect(detail.match.memberIds).to.include.members(['vp-sales', best.personId]);
    const [stored] = await sam.matches.list({ programId, status: 'proposed' });
    expect(stored!.id).to.equal(detail.match.id);
    expect(stored!.origin).to.equal('requested');
    await until(() => $(el, '[part~="pending"]'), 'the open request');
    expect(text(el)).to.contain(`${best.name} has until`);
    expect(text(el)).to.contain(`Request sent to ${best.name}.`);
    expect(el.shadowRoot!.activeElement?.id).to.equal('pending-title');
    expect($(el, '[part~="list"]')).to.equal(null); // one open request at a time
    await expect(el).to.be.accessible();
  });

  it('ranks mentors with the move buttons and by dragging, then requests them in that order', async () => {
    const { programId, as } = await world({ mode: 'self' });
    const sam = as({ personId: 'vp-sales' });
    const el = await finder(sam, programId);
    await press($(el, '[data-mentor="anna"] [data-action="rank"]')!);
    await until(() => ranked(el).length === 1, 'Anna ranked');
    // focus stays on the same card, now on its "remove" button
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('unrank');
    await press($(el, '[data-mentor="ben"] [data-action="rank"]')!, ' ');
    await until(() => ranked(el).length === 2, 'Ben ranked');
    expect(ranked(el)).to.deep.equal(['anna', 'ben']);

    await press($(el, '[data-ranked="ben"] [data-action="move-up"]')!);
    await until(() => ranked(el)[0] === 'ben', 'Ben moved up');
    expect(text(el)).to.contain('Moved to position 1 of 2.');
    // Ben reached the top, so focus moved to his enabled "move down" button
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Move down: Ben Carter');

    // dragging Ben onto Anna puts him in her place again
    const data = new DataTransfer();
    $(el, '[data-ranked="ben"]')!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true }));
    $(el, '[data-ranked="anna"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await until(() => ranked(el)[0] === 'anna', 'Ben dragged down');
    expect(ranked(el)).to.deep.equal(['anna', 'ben']);

    // removing from the list keeps focus in the list; adding back restores the order
    await press($(el, '[data-ranked="anna"] [data-action="remove"]')!);
    await until(() => ranked(el).length === 1, 'Anna removed');
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Remove from ranking: Ben Carter');
    await press($(el, '[data-mentor="anna"] [data-action="rank"]')!);
    await until(() => ranked(el).length === 2, 'Anna ranked again');
    await press($(el, '[data-ranked="anna"] [data-action="move-up"]')!);
    await until(() => ranked(el)[0] === 'anna', 'Anna first again');

    const submitted = oneEvent(el, 'upward-ranking-submitted');
    await press($(el, '[data-action="submit-ranking"]')!);
    const { detail } = await submitted;
    expect(detail.mentorIds).to.deep.equal(['anna', 'ben']);
    expect(detail.match!.memberIds).to.include('anna');
    const [mine] = await sam.enrolments.list({ programId });
    expect(mine!.preferences).to.deep.equal(['anna', 'ben']);
    await until(() => text(el).includes('Ranking saved. Request sent to Anna Schmidt.'), 'the confirmation');
    expect(el.shadowRoot!.activeElement?.id).to.equal('pending-title');
  });

  it('starts over when another mentee signs in: the ranking is theirs, not the previous person’s', async () => {
    const { programId, as } = await world({ mode: 'self' });
    const el = await finder(as({ personId: 'vp-sales' }), programId);
    await press($(el, '[data-mentor="anna"] [data-action="rank"]')!);
    await until(() => ranked(el).length === 1, 'Anna ranked by Sam');
    el.client = as({ personId: 'dir-mkt' });
    await el.updateComplete;
    await until(() => text(el).includes('Anna Schmidt') && !text(el).includes('Ben Carter'), 'Priya’s suggestions');
    expect(ranked(el)).to.deep.equal([]);
  });

  it('stores the ranking on the enrolment in hybrid mode, without requests', async () => {
    const { programId, as } = await world({ mode: 'hybrid' });
    const sam = as({ personId: 'vp-sales' });
    const el = await finder(sam, programId);
    expect($(el, '[data-action="request"]')).to.equal(null);
    await press($(el, '[data-mentor="ben"] [data-action="rank"]')!);
    await press($(el, '[data-mentor="anna"] [data-action="rank"]')!);
    await until(() => ranked(el).length === 2, 'two ranked');
    const submitted = oneEvent(el, 'upward-ranking-submitted');
    await press($(el, '[data-action="submit-ranking"]')!);
    const { detail } = await submitted;
    expect(detail).to.deep.equal({ mentorIds: ['ben', 'anna'], match: null });
    const [mine] = await sam.enrolments.list({ programId });
    expect(mine!.preferences).to.deep.equal(['ben', 'anna']);
    expect(await sam.matches.list({ programId })).to.have.length(0);
    await until(() => text(el).includes('Ranking saved. The program team'), 'the confirmation');
    // a fresh finder starts from the stored ranking
    const again = await finder(sam, programId);
    await until(() => ranked(again).length === 2, 'the stored ranking');
    expect(ranked(again)).to.deep.equal(['ben', 'anna']);
  });

  it('says by name when the mentor’s place was taken meanwhile, stores nothing, refreshes and keeps focus there', async () => {
    const { programId, hr, as } = await world({ mode: 'self' });
    const dana = as({ personId: 'vp-eng' });
    const el = await finder(dana, programId);
    const errors: Event[] = [];
    el.addEventListener('upward-error', (e) => errors.push(e));
    const button = $(el, '[data-mentor="ben"] [data-action="request"]')!;
    // Ben (one place) is given to Sam by the program team just before Dana clicks.
    await hr.matches.propose({ programId, mentorIds: ['ben'], menteeIds: ['vp-sales'] });
    button.click();
    await until(() => $(el, '#place-gone'), 'the notice');
    expect(text(el)).to.contain('Ben Carter has no free place any more, so no request was sent.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#place-gone'));
    expect($(el, '[part~="error-summary"]')).to.equal(null);
    expect(errors).to.have.length(1);
    expect((await dana.matches.list({ programId })).length).to.equal(0);
    await until(() => text(el).includes('No mentor fits you right now'), 'the refreshed list');
    await expect(el).to.be.accessible();
  });

  it('explains when the person is not an approved mentee or the program pairs people itself', async () => {
    const self = await world({ mode: 'self' });
    const anna = await finder(self.as({ personId: 'anna' }), self.programId);
    expect(text(anna)).to.contain('once you are an approved mentee of Digital Leaders 2027');
    await expect(anna).to.be.accessible();
    const admin = await seededWorld();
    const wrong = await finder(admin.as({ personId: 'vp-sales' }), admin.programId);
    expect(text(wrong)).to.contain('the program team pairs mentors and mentees');
    const lonely = await fixture<UpwardMentorFinder>(html`<upward-mentor-finder program-id="x"></upward-mentor-finder>`);
    expect(text(lonely)).to.contain('needs an Upward client');
  });

  it('fits a 320 px screen in German, with suggestions, reasons and a ranking (WCAG 1.4.10)', async () => {
    const { programId, as } = await world({ mode: 'hybrid' });
    await setUpwardLocale('de');
    // A 320 px page less an intranet's margins and a card's padding.
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 240px"><upward-mentor-finder program-id=${programId} .client=${as({ personId: 'vp-sales' })}></upward-mentor-finder></div>`);
    const el = wrapper.querySelector<UpwardMentorFinder>('upward-mentor-finder')!;
    await until(() => $(el, '[part~="list"]'), 'the suggestions');
    await press($(el, '[data-mentor="anna"] [data-action="rank"]')!);
    await until(() => ranked(el).length === 1, 'the ranking');
    for (const details of $$(el, 'details')) details.setAttribute('open', '');
    await el.updateComplete;
    expect(misfits(wrapper)).to.deep.equal([]);
  });

  it('renders in German', async () => {
    const { programId, as } = await world({ mode: 'self' });
    const el = await fixture<HTMLElement>(
      html`<div lang="de"><upward-provider .client=${as({ personId: 'vp-sales' })}><upward-mentor-finder program-id=${programId}></upward-mentor-finder></upward-provider></div>`,
    );
    const inner = el.querySelector('upward-mentor-finder')!;
    await until(() => text(inner).includes('Vorgeschlagene Mentorinnen und Mentoren'), 'German text');
    expect(text(inner)).to.contain('von 1.000 Punkten');
    expect($(inner, '[data-mentor="ben"] [data-action="request"]')!.getAttribute('aria-label')).to.equal('Anfragen: Ben Carter');
  });

  it('says each reason in German to the mentee ("Sie"), and the SDK\'s English ("you") again after switching back', async () => {
    const { programId, as } = await world({ mode: 'self' });
    const sam = as({ personId: 'vp-sales' });
    await setUpwardLocale('de');
    const el = await finder(sam, programId);
    const reasons = () => $$(el, '[data-mentor="ben"] .reasons li').map((li) => li.textContent!.trim());
    await until(() => reasons().includes('Beide sprechen Englisch.'), 'German reasons');
    expect(reasons()).to.include.members([
      'Vermittelt nicht die einzige Fähigkeit, die Sie lernen möchten.',
      'Sie haben keine Ziele angegeben.',
      'In der Woche gibt es keine gemeinsame freie Zeit.',
      '5 Stunden Zeitunterschied (America/New_York und Europe/London).',
      'Verschiedene Abteilungen (Sales und Marketing).',
      'Ben Carter steht 5 Stufen unter Ihnen (im Programm erlaubt: 3 bis 7 Stufen).',
      'Keine der beiden Personen hat die andere in ihre Rangliste aufgenommen.',
    ]);

    await setUpwardLocale('en');
    const ben = (await sam.matching.suggestions({ programId })).find((s) => s.mentor.personId === 'ben')!;
    await until(() => reasons().includes('Both speak English.'), 'English reasons');
    expect([...reasons()].sort()).to.deep.equal(ben.reasons.map((r) => r.text).sort());
    expect(reasons()).to.include.members(['Does not teach the skill you want.', 'You listed no goals.', 'Ben Carter is 5 levels junior to you (program band 3–7).']);
  });
});
