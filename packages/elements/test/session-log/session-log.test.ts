import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { NetworkError, type ActionItem, type SessionView, type Upward } from '@upward/sdk';
import '../../src/define/session-log.ts';
import type { UpwardSessionLog } from '../../src/session-log/session-log.ts';
import { setUpwardLocale } from '../../src/internal/localization.ts';
import { settled, until } from '../support/world.ts';
import { matchWorld, recordEvents, shadow, textOf, type MatchWorld } from './match-world.ts';

async function mount(world: MatchWorld, client = world.anna): Promise<UpwardSessionLog> {
  const el = await fixture<UpwardSessionLog>(html`<upward-session-log match-id=${world.matchId} .client=${client}></upward-session-log>`);
  await until(() => settled(el), 'the session log');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T & HTMLElement>(selector)!;

/** Plans a session for the pair through the SDK (as Anna), the way another tab would. */
async function planned(world: MatchWorld, at = '2027-01-20T10:00:00Z') {
  return world.anna.sessions.plan({ matchId: world.matchId, scheduledAt: at });
}

describe('<upward-session-log>', () => {
  afterEach(() => setUpwardLocale('en'));

  it('is accessible when empty, loaded and showing errors', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    expect(textOf(el)).to.contain('No session planned yet');
    await expect(el).to.be.accessible();

    const s = await planned(world);
    await until(() => $(el, `#session-${s.id}`), 'the planned session');
    await expect(el).to.be.accessible();

    $<HTMLFormElement>(el, 'form').requestSubmit(); // the plan form with no date
    await until(() => $(el, '.error-summary'), 'the error summary');
    await expect(el).to.be.accessible();
  });

  it('keeps what it showed when a reload fails, says it may be out of date, and tries again', async () => {
    const world = await matchWorld();
    const first = await planned(world);
    // Anna's client, whose session list fails while `offline` is set (a dropped connection).
    let offline = false;
    const sessions = new Proxy(world.anna.sessions, {
      get: (target, key, receiver) =>
        key === 'list' && offline
          ? () => Promise.reject(new NetworkError('offline', 'No connection.'))
          : (Reflect.get(target, key, receiver) as unknown),
    });
    const client: Upward = { ...world.anna, sessions, subscribe: world.anna.subscribe.bind(world.anna) };
    const el = await mount(world, client);
    await until(() => $(el, `#session-${first.id}`), 'the first session');
    expect($(el, '[part~="stale"]')).to.equal(null);

    offline = true;
    const second = await planned(world, '2027-02-20T10:00:00Z'); // a change elsewhere: the log reloads
    await until(() => $(el, '[part~="stale"]'), 'the out-of-date notice');
    expect($(el, '[part~="stale"]').getAttribute('role')).to.equal('alert');
    expect(textOf(el)).to.contain('Could not refresh; what you see may be out of date.');
    expect($(el, `#session-${first.id}`), 'the session loaded before is still shown').to.not.equal(null);
    expect($(el, `#session-${second.id}`)).to.equal(null);
    await expect(el).to.be.accessible();

    offline = false;
    [...$(el, '[part~="stale"]').querySelectorAll('button')].find((b) => b.textContent!.includes('Try again'))!.click();
    await until(() => $(el, `#session-${second.id}`), 'the reloaded sessions');
    expect($(el, '[part~="stale"]')).to.equal(null);
  });

  it('shows a failed first load with a way to try again, and nothing of the data', async () => {
    const world = await matchWorld();
    let offline = true;
    const matches = new Proxy(world.anna.matches, {
      get: (target, key, receiver) =>
        key === 'get' && offline ? () => Promise.reject(new NetworkError('offline', 'No connection.')) : (Reflect.get(target, key, receiver) as unknown),
    });
    const client: Upward = { ...world.anna, matches, subscribe: world.anna.subscribe.bind(world.anna) };
    const el = await fixture<UpwardSessionLog>(html`<upward-session-log match-id=${world.matchId} .client=${client}></upward-session-log>`);
    await until(() => $(el, '[part~="error"]'), 'the load error');
    expect($(el, '[part~="stale"]')).to.equal(null);
    expect($(el, 'form')).to.equal(null);
    // The failure sits under the element's heading, so its "Try again" says what it retries.
    const section = $(el, 'section[part="base"]');
    expect(section.querySelector('h2')!.textContent).to.contain('Sessions');
    expect(section.querySelector('[part~="error"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    offline = false;
    [...$(el, '[part~="error"]').querySelectorAll('button')].find((b) => b.textContent!.includes('Try again'))!.click();
    await until(() => textOf(el).includes('No session planned yet'), 'the loaded log');
  });

  it('plans a session by keyboard and announces it only once stored', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    const events = recordEvents<{ session: SessionView }>(el, 'upward-session-planned');
    $<HTMLInputElement>(el, '#field-scheduledAt').value = '2027-02-03T15:30';
    $(el, '#field-location').focus();
    await sendKeys({ type: 'Room Ada' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'https://meet.example.com/anna-sam' });
    await sendKeys({ press: 'Enter' });
    await until(() => events.length === 1, 'the planned event');
    const [stored] = await world.hr.sessions.list({ matchId: world.matchId });
    expect(stored).to.include({ location: 'Room Ada', meetingLink: 'https://meet.example.com/anna-sam', status: 'planned', isTrial: true });
    expect(new Date(stored!.scheduledAt).getTime()).to.equal(new Date('2027-02-03T15:30').getTime());
    expect(events[0]!.session.id).to.equal(stored!.id);
    await until(() => textOf(el).includes('Session planned for'), 'the announcement');
    expect(shadow(el).activeElement?.id).to.equal(`session-${stored!.id}`);
    const link = $<HTMLAnchorElement>(el, `a[href="https://meet.example.com/anna-sam"]`);
    expect(link.rel).to.contain('noopener');
    // The agenda starts from the program's talking points.
    expect(textOf(el)).to.contain('Social media habits');
  });

  it('shows validation errors at the field, links them from the summary and stores nothing', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    $<HTMLInputElement>(el, '#field-meetingLink').value = 'javascript:alert(1)';
    $<HTMLInputElement>(el, '#field-durationMinutes').value = '2';
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => $(el, '.error-summary'), 'the error summary');
    for (const path of ['scheduledAt', 'meetingLink', 'durationMinutes']) {
      const input = $(el, `#field-${path}`);
      expect(input.getAttribute('aria-invalid'), path).to.equal('true');
      const describedBy = input.getAttribute('aria-describedby')!;
      expect($(el, `#${describedBy}`).textContent, path).to.match(/\w/);
    }
    expect($(el, '#field-meetingLink-error').textContent).to.contain('http');
    const summaryLink = [...shadow(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')].find((a) => a.textContent!.includes('Video link'))!;
    summaryLink.click();
    expect(shadow(el).activeElement?.id).to.equal('field-meetingLink');
    expect(await world.hr.sessions.list({ matchId: world.matchId })).to.have.length(0);
  });

  it('logs a held session with notes, topics, a reflection and action items that carry over', async () => {
    const world = await matchWorld();
    const s = await planned(world);
    const el = await mount(world);
    const logged = recordEvents<{ session: SessionView }>(el, 'upward-session-logged');
    const logButton = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Log this session'))!;
    logButton.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).activeElement?.id === 'field-sharedNotes', 'focus in the log form');
    await sendKeys({ type: 'Walked through TikTok analytics.' });
    $(el, '#field-learned').focus();
    await sendKeys({ type: 'How a sales leader reads a pipeline.' });
    const addRow = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Add an action item'))!;
    addRow.click();
    await until(() => shadow(el).activeElement?.id === 'field-actionItems-0-text', 'the new action item row');
    await sendKeys({ type: 'Post a first video' });
    $<HTMLSelectElement>(el, '#field-actionItems-0-ownerId').value = 'vp-sales';
    $<HTMLInputElement>(el, '#field-actionItems-0-due').value = '2027-02-01';
    await sendKeys({ press: 'Tab' });
    const submit = [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Save the log'))!;
    submit.click();
    await until(() => logged.length === 1, 'the logged event');
    const held = await world.anna.sessions.get(s.id);
    if (held.visibility !== 'full') throw new Error('a member sees the full session');
    expect(held.status).to.equal('held');
    expect(held.sharedNotes).to.equal('Walked through TikTok analytics.');
    expect(held.topics).to.deep.equal(['Social media habits', 'Generative AI at work']);
    expect(held.reflections.map((r) => [r.personId, r.learned])).to.deep.equal([['anna', 'How a sales leader reads a pipeline.']]);
    const items = await world.anna.actionItems.list({ matchId: world.matchId });
    expect(items.map((i) => [i.text, i.ownerId, i.due])).to.deep.equal([['Post a first video', 'vp-sales', '2027-02-01']]);
    await until(() => textOf(el).includes('Session logged.'), 'the announcement');

    // The history entry opens to show what was shared; the next session carries the item over.
    const entry = $(el, `#history-${s.id}`);
    entry.click();
    await until(() => textOf(el).includes('How a sales leader reads a pipeline.'), 'the reflection');
    const next = await planned(world, '2027-02-03T10:00:00Z');
    await until(() => $(el, `#session-${next.id}`), 'the next session');
    const agenda = $(el, `#session-${next.id}`).closest('li')!.querySelector('.agenda')!;
    const carried = agenda.querySelector('li.carried-over')!;
    expect(carried.textContent).to.contain('Carried over');
    expect(carried.textContent).to.contain('Post a first video');
  });

  it('rejects an action item without text at its field and writes nothing', async () => {
    const world = await matchWorld();
    const s = await planned(world);
    const el = await mount(world);
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Log this session'))!.click();
    await until(() => $(el, '#field-sharedNotes'), 'the log form');
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Add an action item'))!.click();
    await until(() => $(el, '#field-actionItems-0-text'), 'the row');
    [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Save the log'))!.click();
    await until(() => $(el, '#field-actionItems-0-text').getAttribute('aria-invalid') === 'true', 'the field error');
    await expect(el).to.be.accessible();
    expect((await world.anna.sessions.get(s.id)).status).to.equal('planned');
    expect(await world.anna.actionItems.list({ matchId: world.matchId })).to.have.length(0);
  });

  it('keeps focus in the form when action item rows are removed, down to the last one', async () => {
    const world = await matchWorld();
    await planned(world);
    const el = await mount(world);
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Log this session'))!.click();
    await until(() => $(el, '#field-sharedNotes'), 'the log form');
    for (let i = 0; i < 2; i++) {
      $(el, '[data-action="add-row"]').click();
      await until(() => $(el, `#field-actionItems-${i}-text`), 'the new row');
    }
    $(el, '[data-action="remove-row"]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !$(el, '#field-actionItems-1-text'), 'one row fewer');
    expect(shadow(el).activeElement?.getAttribute('data-action')).to.equal('remove-row');
    await sendKeys({ press: 'Enter' });
    await until(() => !$(el, '#field-actionItems-0-text'), 'no rows left');
    await until(() => shadow(el).activeElement?.getAttribute('data-action') === 'add-row', 'focus on "Add an action item"');
  });

  it('keeps a private note to its author, marked as visible only to them', async () => {
    const world = await matchWorld();
    const s = await planned(world);
    const el = await mount(world);
    const saved = recordEvents<{ sessionId: string }>(el, 'upward-private-note-saved');
    const note = $<HTMLTextAreaElement>(el, `#field-note-${s.id}-text`);
    const label = $(el, `label[for="field-note-${s.id}-text"]`);
    expect(label.textContent).to.contain('Visible only to you');
    note.focus();
    await sendKeys({ type: 'Ask about the Q3 numbers' });
    note.form!.requestSubmit();
    await until(() => saved.length === 1, 'the saved event');
    expect(saved[0]).to.deep.equal({ sessionId: s.id });
    expect((await world.anna.sessions.readPrivateNote(s.id))!.text).to.equal('Ask about the Q3 numbers');
    await until(() => textOf(el).includes('Only you can read it'), 'the announcement');

    // Sam's log of the same match never shows Anna's note.
    const samView = await mount(world, world.sam);
    expect($<HTMLTextAreaElement>(samView, `#field-note-${s.id}-text`).value).to.equal('');
    expect(JSON.stringify(shadow(samView).innerHTML)).not.to.contain('Q3 numbers');
  });

  it('shows champions and admins the schedule only, never notes', async () => {
    const world = await matchWorld();
    const s = await planned(world);
    await world.anna.sessions.log({ sessionId: s.id, sharedNotes: 'Secret shared notes', learned: 'Secret learning' });
    await world.anna.sessions.writePrivateNote({ sessionId: s.id, text: 'Secret private' });
    for (const client of [world.champion, world.hr]) {
      const el = await mount(world, client);
      await until(() => textOf(el).includes('Held'), 'the schedule');
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.contain('What they discuss stays between them');
      expect(shadow(el).innerHTML).not.to.match(/Secret/);
      expect(shadow(el).querySelector('form, textarea')).to.equal(null);
    }
  });

  it('cancels and marks sessions missed, moving them to the history', async () => {
    const world = await matchWorld();
    const first = await planned(world);
    const second = await planned(world, '2027-01-27T10:00:00Z');
    const el = await mount(world);
    const cancelled = recordEvents<{ session: SessionView }>(el, 'upward-session-cancelled');
    const card = (id: string) => $(el, `#session-${id}`).closest('li')!;
    [...card(first.id).querySelectorAll('button')].find((b) => b.textContent!.includes('Cancel session'))!.click();
    await until(() => shadow(el).activeElement?.id === 'field-cancel-reason', 'the reason field');
    await sendKeys({ type: 'Travelling' });
    await sendKeys({ press: 'Enter' });
    await until(() => cancelled.length === 1, 'the cancel event');
    expect(await world.anna.sessions.get(first.id)).to.include({ status: 'cancelled', cancelReason: 'Travelling' });
    await until(() => shadow(el).activeElement?.id === 'history-title', 'focus on the history');
    [...card(second.id).querySelectorAll('button')].find((b) => b.textContent!.includes('Mark as missed'))!.click();
    await until(() => cancelled.length === 2, 'the missed event');
    expect((await world.anna.sessions.get(second.id)).status).to.equal('missed');
    await until(() => textOf(el).includes('No session planned yet'), 'an empty upcoming list');
    expect([...shadow(el).querySelectorAll('summary[id^="history-"]')].map((s) => s.id)).to.deep.equal([`history-${second.id}`, `history-${first.id}`]);
  });

  it('adds action items and ticks them off', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    const added = recordEvents<{ actionItem: ActionItem }>(el, 'upward-action-item-added');
    const done = recordEvents<{ actionItem: ActionItem }>(el, 'upward-action-item-done');
    $(el, '#field-item-text').focus();
    await sendKeys({ type: 'Share a reading list' });
    await sendKeys({ press: 'Enter' });
    await until(() => added.length === 1, 'the added event');
    const [item] = await world.anna.actionItems.list({ matchId: world.matchId });
    expect(item).to.include({ text: 'Share a reading list', ownerId: 'anna', done: false });
    await until(() => shadow(el).activeElement?.id === `done-${item!.id}`, 'focus on the new item');
    await sendKeys({ press: 'Space' });
    await until(() => done.length === 1, 'the done event');
    expect((await world.anna.actionItems.list({ matchId: world.matchId }))[0]!.done).to.equal(true);
    expect(done[0]!.actionItem.id).to.equal(item!.id);
    await until(() => shadow(el).activeElement?.id === `done-${item!.id}`, 'focus kept on the ticked box');
    expect(shadow(el).querySelector<HTMLInputElement>(`#done-${item!.id}`)!.checked).to.equal(true);
  });

  it('refreshes when the pair changes something elsewhere, without flashing a loading state', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    let flashed = false;
    const observer = new MutationObserver(() => {
      if (shadow(el).querySelector('[part="loading"]')) flashed = true;
    });
    observer.observe(shadow(el), { childList: true, subtree: true });
    const s = await world.sam.sessions.plan({ matchId: world.matchId, scheduledAt: '2027-03-01T09:00:00Z', agenda: ['Sam’s question'] });
    await until(() => $(el, `#session-${s.id}`), 'the session planned by Sam');
    observer.disconnect();
    expect(textOf(el)).to.contain('Sam’s question');
    expect(flashed).to.equal(false);
  });

  it('offers no planning before everyone accepted the match', async () => {
    const world = await matchWorld('proposed');
    const el = await mount(world);
    expect(textOf(el)).to.contain('You can plan sessions once everyone has accepted the match.');
    expect($(el, '#field-scheduledAt')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('never shows another match’s plan form while a proposed match loads, and explains why planning waits', async () => {
    const world = await matchWorld();
    const proposed = await world.hr.matches.propose({ programId: world.programId, mentorIds: ['ben'], menteeIds: ['vp-eng'] });
    const dana = world.as({ personId: 'vp-eng' });
    const el = await mount(world);
    expect($(el, '#field-scheduledAt')).to.not.equal(null, 'Anna plans her accepted match');
    let formOnProposed = false;
    const observer = new MutationObserver(() => {
      if ($(el, '#field-scheduledAt')) formOnProposed = true;
    });
    // Dana signs in on the same page and opens her proposed match.
    observer.observe(shadow(el), { childList: true, subtree: true });
    el.client = dana;
    await el.updateComplete;
    el.matchId = proposed.id;
    await until(() => textOf(el).includes('You can plan sessions once everyone has accepted the match.'), 'the explanation');
    observer.disconnect();
    expect(formOnProposed).to.equal(false);
  });

  it('explains that an ended match takes no new sessions', async () => {
    const world = await matchWorld();
    const match = await world.hr.matches.get(world.matchId);
    await world.hr.matches.end({ matchId: world.matchId, expectedVersion: match.version, note: 'Moved abroad' });
    const el = await mount(world);
    await until(() => textOf(el).includes('This match has ended, so no new sessions can be planned.'), 'the explanation');
    expect($(el, '#field-scheduledAt')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('starts over when another person signs in: no error, open form or message of the previous one', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    $<HTMLFormElement>(el, 'form').requestSubmit(); // the plan form with no date
    await until(() => $(el, '.error-summary'), 'the error summary');
    el.client = world.sam;
    await el.updateComplete;
    await until(() => $(el, '#field-scheduledAt') && !textOf(el).includes('Loading'), 'Sam’s log');
    expect($(el, '.error-summary')).to.equal(null);
  });

  it('renders in German', async () => {
    const world = await matchWorld();
    await planned(world);
    await setUpwardLocale('de');
    const el = await mount(world);
    await until(() => textOf(el).includes('Demnächst'), 'German text');
    expect(textOf(el)).to.contain('Nur für Sie sichtbar');
    expect(textOf(el)).to.contain('Treffen protokollieren');
    expect(textOf(el)).to.contain('45 Minuten');
  });
});
