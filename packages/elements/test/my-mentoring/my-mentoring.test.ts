import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createUpward, type ActionItem, type Match, type Upward } from '@upward/sdk';
import { memoryStore } from '@upward/sdk/storage/memory';
import { programInput, seedWorld } from '../../../sdk/test/upward/world.ts';
import '../../src/define/my-mentoring.ts';
import type { UpwardMyMentoring } from '../../src/my-mentoring/my-mentoring.ts';
import { setUpwardLocale } from '../../src/internal/localization.ts';
import { settled, until } from '../support/world.ts';
import { matchWorld, recordEvents, shadow, textOf } from '../session-log/match-world.ts';

async function mount(client: Upward, inline = false): Promise<UpwardMyMentoring> {
  const el = await fixture<UpwardMyMentoring>(html`<upward-my-mentoring ?inline-session-log=${inline} .client=${client}></upward-my-mentoring>`);
  await until(() => settled(el), 'the home');
  return el;
}

const button = (el: Element, text: string) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes(text));

describe('<upward-my-mentoring>', () => {
  afterEach(() => setUpwardLocale('en'));

  it('shows a request the mentor did not answer in time as lapsed, with nothing left to answer', async () => {
    const store = memoryStore();
    const monthAgo = () => new Date(Date.now() - 30 * 86_400_000);
    const as = (actor: { personId: string; isAdmin?: boolean }, clock?: () => Date) => createUpward({ store, actor, ...(clock ? { clock } : {}) });
    const { programId } = await seedWorld(as, { matching: { ...programInput().matching, mode: 'self', requestExpiryDays: 5 } });
    await as({ personId: 'vp-eng' }, monthAgo).matches.request({ programId, mentorId: 'ben' });
    const el = await mount(as({ personId: 'ben' }));
    expect(textOf(el)).to.match(/This request lapsed on .+ without an answer\./);
    expect(button(el, 'Accept')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('is accessible when empty, with a proposal, while confirming and with an error', async () => {
    const world = await matchWorld('proposed');
    const empty = await mount(world.as({ personId: 'ben' }));
    expect(textOf(empty)).to.contain('You have no mentoring matches yet');
    await expect(empty).to.be.accessible();

    // A view that is not told about changes (like a remote client without live updates) goes stale.
    const stale = { ...world.anna, subscribe: () => () => undefined };
    const el = await mount(stale);
    expect(textOf(el)).to.contain('Would you like to go ahead?');
    await expect(el).to.be.accessible();
    button(el, 'Decline…')!.click();
    await until(() => textOf(el).includes('Declining is fine'), 'the confirmation');
    await expect(el).to.be.accessible();

    await world.sam.matches.respond({ matchId: world.matchId, accept: false });
    button(el, 'Go back')!.click();
    await until(() => button(el, 'Accept'), 'the accept button');
    button(el, 'Accept')!.click();
    await until(() => shadow(el).querySelector('.error-summary'), 'the error');
    expect(textOf(el)).to.contain('This step is not possible in the current state');
    await until(() => textOf(el).includes('This match did not go ahead'), 'the refreshed state');
    await expect(el).to.be.accessible();
  });

  it('lets each member answer a proposal for themselves', async () => {
    const world = await matchWorld('proposed');
    const el = await mount(world.anna);
    const responded = recordEvents<{ match: Match; accept: boolean }>(el, 'upward-match-responded');
    button(el, 'Accept')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => responded.length === 1, 'the responded event');
    const match = await world.hr.matches.get(world.matchId);
    expect(match.status).to.equal('proposed');
    expect(match.members.map((m) => [m.personId, m.response])).to.deep.equal([
      ['anna', 'accepted'],
      ['vp-sales', 'pending'],
    ]);
    expect(responded[0]!.accept).to.equal(true);
    await until(() => textOf(el).includes('Waiting for Sam Lindqvist to answer'), 'the waiting text');
    expect(shadow(el).activeElement?.id).to.equal(`match-${world.matchId}`);

    const sam = await mount(world.sam);
    const declined = recordEvents<{ match: Match; accept: boolean }>(sam, 'upward-match-responded');
    button(sam, 'Decline…')!.click();
    await until(() => shadow(sam).activeElement?.textContent?.includes('Declining is fine'), 'focus on the explanation');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    // (`until` re-checks synchronous conditions only: wait for the event, then read the store.)
    await until(() => declined.length === 1, 'the declined event');
    expect((await world.hr.matches.get(world.matchId)).status).to.equal('ended');
    expect((await world.hr.matches.get(world.matchId)).endReason).to.deep.equal({ kind: 'declined' });
    await until(() => textOf(sam).includes('You declined the match.'), 'the announcement');
  });

  it('offers the trial decision with a kind, blameless way out that needs confirming', async () => {
    const world = await matchWorld();
    const trial = await world.anna.sessions.plan({ matchId: world.matchId, scheduledAt: '2099-01-20T10:00:00Z' });
    await world.anna.sessions.log({ sessionId: trial.id, sharedNotes: 'Met for the trial.' });
    const anna = await mount(world.anna);
    const decided = recordEvents<{ match: Match; decision: string }>(anna, 'upward-trial-decided');
    button(anna, 'Continue together')!.click();
    await until(() => decided.length === 1, 'the decided event');
    expect(decided[0]!.decision).to.equal('continue');
    await until(() => textOf(anna).includes('You chose to continue. Waiting for Sam Lindqvist.'), 'the waiting text');

    const sam = await mount(world.sam);
    const samDecided = recordEvents<{ match: Match; decision: string }>(sam, 'upward-trial-decided');
    button(sam, 'Stop after the trial…')!.click();
    await until(() => textOf(sam).includes('never who decided'), 'the kind explanation');
    expect(textOf(sam)).to.match(/that is fine/i);
    expect((await world.hr.matches.get(world.matchId)).status).to.equal('trial'); // nothing happens before confirming
    button(sam, 'Yes, stop here')!.click();
    await until(() => samDecided.length === 1, 'the exit');
    const ended = await world.hr.matches.get(world.matchId);
    expect(ended.status).to.equal('ended');
    expect(ended.endReason).to.deep.equal({ kind: 'trial-exit' });
    expect(samDecided[0]!.decision).to.equal('exit');
    await until(() => textOf(anna).includes('no one is blamed'), 'Anna’s view refreshed');
    expect(textOf(anna)).to.contain('Earlier matches (1)');
  });

  it('asks for the decision only after a meeting was held, and keeps the way out open before it', async () => {
    const world = await matchWorld();
    const trial = await world.anna.sessions.plan({ matchId: world.matchId, scheduledAt: '2099-01-20T10:00:00Z' });
    const el = await mount(world.anna);
    expect(textOf(el)).to.contain('Once it has taken place and is logged, you decide here');
    expect(button(el, 'Continue together')).to.equal(undefined);
    expect(shadow(el).querySelector('li.attention')).to.equal(null); // the trial waits for the meeting, not for Anna
    await expect(el).to.be.accessible();
    // The way out needs no meeting, and going back from it lands on it again.
    button(el, 'Stop after the trial…')!.click();
    await until(() => textOf(el).includes('never who decided'), 'the confirmation');
    button(el, 'Go back')!.click();
    await until(() => shadow(el).activeElement?.id === `stop-${world.matchId}`, 'focus back on "Stop after the trial…"');

    // Logged elsewhere (the session log, the partner): the decision appears.
    await world.sam.sessions.log({ sessionId: trial.id, sharedNotes: 'Met for the trial.' });
    await until(() => button(el, 'Continue together'), 'the "continue" button');
    expect(textOf(el)).to.contain('How did your first meeting go?');
    expect(shadow(el).querySelector('li.attention')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('starts over when another person signs in: no confirmation left open by the previous one', async () => {
    const world = await matchWorld();
    const trial = await world.anna.sessions.plan({ matchId: world.matchId, scheduledAt: '2099-01-20T10:00:00Z' });
    await world.anna.sessions.log({ sessionId: trial.id, sharedNotes: 'Met for the trial.' });
    const el = await mount(world.sam);
    button(el, 'Stop after the trial…')!.click();
    await until(() => textOf(el).includes('never who decided'), 'the confirmation');
    el.client = world.anna;
    await el.updateComplete;
    await until(() => button(el, 'Continue together') && !textOf(el).includes('Loading'), 'Anna’s home');
    expect(textOf(el)).to.not.contain('never who decided');
    expect(button(el, 'Yes, stop here')).to.equal(undefined);
  });

  it('opens the agreement inline for signing, shows the next session and ticks off action items', async () => {
    const world = await matchWorld();
    const [draft] = await world.anna.agreements.list({ matchId: world.matchId });
    const sent = await world.sam.agreements.send({ agreementId: draft!.id });
    await world.anna.sessions.plan({ matchId: world.matchId, scheduledAt: '2099-01-20T10:00:00Z', mode: 'video' });
    const item = await world.anna.actionItems.add({ matchId: world.matchId, text: 'Read the sales playbook', ownerId: 'anna', due: '2099-01-19' });
    const el = await mount(world.anna);
    expect(textOf(el)).to.contain('waiting for your signature');
    expect(textOf(el)).to.contain('Video call');
    expect(textOf(el)).to.contain('Read the sales playbook');
    expect(shadow(el).querySelector('li.attention')).not.to.equal(null);

    const open = button(el, 'Read and sign the agreement')!;
    open.click();
    await until(() => shadow(el).querySelector('upward-agreement')?.shadowRoot?.querySelector('h3'), 'the inline agreement');
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    const agreement = shadow(el).querySelector('upward-agreement')!;
    const sign = [...agreement.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Sign version 1'))!;
    sign.click();
    await until(async () => (await world.anna.agreements.get(draft!.id)).signatures.length === 1, 'Anna’s signature');
    expect((await world.anna.agreements.get(draft!.id)).signatures[0]).to.include({ personId: 'anna', contentHash: sent.contentHash });
    await until(() => !textOf(el).includes('waiting for your signature'), 'the home refreshed');

    const done = recordEvents<{ actionItem: ActionItem }>(el, 'upward-action-item-done');
    shadow(el).querySelector<HTMLInputElement>(`#done-${item.id}`)!.focus();
    await sendKeys({ press: 'Space' });
    await until(() => done.length === 1, 'the done event');
    expect((await world.anna.actionItems.list({ matchId: world.matchId }))[0]!.done).to.equal(true);
    await until(() => textOf(el).includes('Nothing open. Well done!'), 'the emptied list');
    await expect(el).to.be.accessible();
  });

  it('asks the host to open the session log, and can show it inline', async () => {
    const world = await matchWorld();
    const el = await mount(world.anna);
    const opened = recordEvents<{ matchId: string }>(el, 'upward-open-match');
    button(el, 'Sessions and notes')!.click();
    expect(opened).to.deep.equal([{ matchId: world.matchId }]);
    expect(shadow(el).querySelector('upward-session-log')).to.equal(null);

    const inline = await mount(world.anna, true);
    button(inline, 'Sessions and notes')!.click();
    await until(() => settled(shadow(inline).querySelector('upward-session-log')), 'the inline session log');
    expect(shadow(inline).querySelector('upward-session-log')!.getAttribute('match-id')).to.equal(world.matchId);
    await expect(inline).to.be.accessible();
  });

  it('shows a new match made elsewhere, and renders in German', async () => {
    const world = await matchWorld();
    await setUpwardLocale('de');
    const ben = world.as({ personId: 'ben' });
    const el = await mount(ben);
    await until(() => textOf(el).includes('noch kein Mentoring-Tandem'), 'the German empty state');
    await world.hr.matches.propose({ programId: world.programId, mentorIds: ['ben'], menteeIds: ['vp-eng'] });
    await until(() => textOf(el).includes('Mit Dana Okafor'), 'the new match');
    expect(textOf(el)).to.contain('Möchten Sie zusagen?');
    expect(textOf(el)).to.contain('Vorgeschlagen');
  });
});
