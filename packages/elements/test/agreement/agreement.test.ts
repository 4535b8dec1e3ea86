import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Agreement } from '@upward/sdk';
import '../../src/define/agreement.ts';
import type { UpwardAgreement } from '../../src/agreement/agreement.ts';
import { setUpwardLocale } from '../../src/internal/localization.ts';
import { settled, until } from '../support/world.ts';
import { matchWorld, recordEvents, shadow, textOf, type MatchWorld } from '../session-log/match-world.ts';

async function mount(world: MatchWorld, client = world.anna): Promise<UpwardAgreement> {
  const el = await fixture<UpwardAgreement>(html`<upward-agreement match-id=${world.matchId} .client=${client}></upward-agreement>`);
  await until(() => settled(el), 'the agreement');
  return el;
}

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const button = (el: Element, text: string) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes(text));

async function draftOf(world: MatchWorld): Promise<Agreement> {
  return (await world.anna.agreements.list({ matchId: world.matchId }))[0]!;
}

/** Sends the first draft and has both members sign it: version 1 in force. */
async function inForce(world: MatchWorld): Promise<Agreement> {
  const sent = await world.anna.agreements.send({ agreementId: (await draftOf(world)).id });
  await world.anna.agreements.sign({ agreementId: sent.id, contentHash: sent.contentHash! });
  return world.sam.agreements.sign({ agreementId: sent.id, contentHash: sent.contentHash! });
}

describe('<upward-agreement>', () => {
  afterEach(() => setUpwardLocale('en'));

  it('is accessible as a draft, in force with versions, and with errors', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    expect(textOf(el)).to.contain('Draft');
    await expect(el).to.be.accessible();

    const v1 = await inForce(world);
    await world.anna.agreements.amend({ agreementId: v1.id });
    await until(() => textOf(el).includes('Version 2'), 'the amendment');
    await expect(el).to.be.accessible();

    button(el, 'Edit the draft')!.click();
    await until(() => $(el, '#field-content-meetingTerms'), 'the edit form');
    $<HTMLTextAreaElement>(el, '#field-content-meetingTerms').value = '';
    button(el, 'Save the draft')!.click();
    await until(() => $(el, '.error-summary'), 'the error summary');
    await expect(el).to.be.accessible();
  });

  it('explains that there is no agreement before the match is accepted', async () => {
    const world = await matchWorld('proposed');
    const el = await mount(world);
    expect(textOf(el)).to.contain('There is no agreement yet');
    await expect(el).to.be.accessible();
  });

  it('marks the agreement’s text with the language it is written in, which need not be the page’s', async () => {
    const world = await matchWorld('proposed');
    await world.hr.programs.update({ id: world.programId, changes: { language: 'de' } });
    for (const member of [world.anna, world.sam]) await member.matches.respond({ matchId: world.matchId, accept: true });
    const el = await mount(world);
    const meetingTerms = [...shadow(el).querySelectorAll<HTMLElement>('[part="content"] section')].find((s) => s.textContent!.includes('When and where we meet'))!;
    expect(meetingTerms.querySelector('p')!.textContent).to.match(/^Wir treffen uns alle 2 Wochen/);
    expect(meetingTerms.querySelector('p')!.lang).to.equal('de');
    expect(meetingTerms.querySelector('h4')!.lang).to.equal('', 'the heading is the page’s own words');
    await expect(el).to.be.accessible();
    button(el, 'Edit the draft')!.click();
    await until(() => $(el, '#field-content-meetingTerms'), 'the edit form');
    expect($(el, '#field-content-meetingTerms').lang).to.equal('de', 'typing is spell-checked in German');
  });

  it('edits the draft by keyboard and saves it through the SDK', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    const changed = recordEvents<{ agreement: Agreement; change: string }>(el, 'upward-agreement-changed');
    button(el, 'Edit the draft')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).activeElement?.id === 'field-content-goals', 'focus on the goals');
    await sendKeys({ press: 'ControlOrMeta+End' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Launch a team TikTok' });
    button(el, 'Add a clause')!.click();
    await until(() => shadow(el).activeElement?.id === 'field-content-clauses-0-title', 'the new clause');
    await sendKeys({ type: 'Phones' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Phones away during sessions.' });
    button(el, 'Save the draft')!.click();
    await until(() => changed.length === 1, 'the changed event');
    const saved = await draftOf(world);
    expect(saved.content.goals).to.include('Launch a team TikTok');
    expect(saved.content.clauses).to.deep.equal([{ title: 'Phones', text: 'Phones away during sessions.' }]);
    expect(changed[0]).to.include({ change: 'edited' });
    await until(() => textOf(el).includes('Draft saved.'), 'the announcement');
    expect(textOf(el)).to.contain('Phones away during sessions.');
  });

  it('shows a validation error at its field and stores nothing', async () => {
    const world = await matchWorld();
    const before = await draftOf(world);
    const el = await mount(world);
    button(el, 'Edit the draft')!.click();
    await until(() => $(el, '#field-content-confidentialityStatement'), 'the edit form');
    $<HTMLTextAreaElement>(el, '#field-content-confidentialityStatement').value = '   ';
    button(el, 'Save the draft')!.click();
    await until(() => $(el, '#field-content-confidentialityStatement').getAttribute('aria-invalid') === 'true', 'the field error');
    expect($(el, '#field-content-confidentialityStatement-error').textContent).to.contain('must not be empty');
    const link = [...shadow(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')].find((a) => a.textContent!.includes('Confidentiality'))!;
    link.click();
    expect(shadow(el).activeElement?.id).to.equal('field-content-confidentialityStatement');
    expect((await draftOf(world)).version).to.equal(before.version);
  });

  it('sends the draft, lets each member sign only for themselves and shows who is pending', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    const signed = recordEvents<{ agreement: Agreement }>(el, 'upward-agreement-signed');
    button(el, 'Send for signatures')!.click();
    await until(() => textOf(el).includes('Awaiting signatures'), 'the sent state');
    await until(() => shadow(el).activeElement?.id === 'version-title', 'focus on the version');
    expect(textOf(el)).to.contain('Anna Schmidt: not signed yet');
    expect(textOf(el)).to.contain('Sam Lindqvist: not signed yet');
    const sign = button(el, 'Sign version 1')!;
    sign.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => signed.length === 1, 'the signed event');
    const half = await draftOf(world);
    expect(half.signatures.map((s) => s.personId)).to.deep.equal(['anna']);
    await until(() => textOf(el).includes('Anna Schmidt: signed on'), 'Anna’s signature');
    expect(textOf(el)).to.contain('Sam Lindqvist: not signed yet');
    expect(button(el, 'Sign version 1')).to.equal(undefined);
    expect(textOf(el)).to.contain(half.contentHash!);

    const samView = await mount(world, world.sam);
    button(samView, 'Sign version 1')!.click();
    await until(() => textOf(samView).includes('the agreement is in force'), 'in force');
    await until(() => textOf(el).includes('In force'), 'Anna’s view refreshed');
    expect((await draftOf(world)).status).to.equal('in-force');
  });

  it('takes a sent agreement back to draft, dropping the signatures so far', async () => {
    const world = await matchWorld();
    const sent = await world.anna.agreements.send({ agreementId: (await draftOf(world)).id });
    await world.sam.agreements.sign({ agreementId: sent.id, contentHash: sent.contentHash! });
    const el = await mount(world);
    const changed = recordEvents<{ agreement: Agreement; change: string }>(el, 'upward-agreement-changed');
    button(el, 'Back to draft')!.click();
    await until(() => changed.length === 1, 'the changed event');
    expect(changed[0]!.change).to.equal('returned-to-draft');
    expect(await draftOf(world)).to.deep.include({ status: 'draft', signatures: [], contentHash: null });
    await until(() => textOf(el).includes('Signatures collected so far were removed'), 'the announcement');
    expect(button(el, 'Edit the draft')).not.to.equal(undefined);
  });

  it('amends the agreement in force as a new version and keeps the old one read-only', async () => {
    const world = await matchWorld();
    const v1 = await inForce(world);
    const el = await mount(world);
    const changed = recordEvents<{ agreement: Agreement; change: string }>(el, 'upward-agreement-changed');
    button(el, 'Propose an amendment')!.click();
    await until(() => changed.length === 1, 'the amended event');
    expect(changed[0]!.change).to.equal('amended');
    expect(changed[0]!.agreement).to.include({ number: 2, status: 'draft' });
    await until(() => textOf(el).includes('Version 2'), 'version 2');
    const v2 = changed[0]!.agreement;
    const sent = await world.anna.agreements.send({ agreementId: v2.id });
    for (const who of [world.anna, world.sam]) await who.agreements.sign({ agreementId: v2.id, contentHash: sent.contentHash! });
    await until(() => textOf(el).includes('Superseded'), 'the superseded version');
    const old = [...shadow(el).querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent!.includes('Version 1'))!;
    old.click();
    await until(() => textOf(el).includes('This version was replaced by version 2'), 'the old version');
    expect(old.getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(el).activeElement?.id).to.equal('version-title');
    expect(textOf(el)).to.contain(v1.contentHash!);
    expect(shadow(el).querySelector('[part="actions"]')).to.equal(null);
  });

  it('shows the champion the agreement without edit or sign buttons', async () => {
    const world = await matchWorld();
    const sent = await world.anna.agreements.send({ agreementId: (await draftOf(world)).id });
    const el = await mount(world, world.champion);
    await until(() => textOf(el).includes('Awaiting signatures'), 'the agreement');
    expect(textOf(el)).to.contain(sent.content.confidentialityStatement);
    expect(shadow(el).querySelector('[part="actions"] button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('starts over when another person signs in: no draft being edited by the previous one', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    button(el, 'Edit the draft')!.click();
    await until(() => shadow(el).activeElement?.id === 'field-content-goals', 'the edit form');
    await sendKeys({ type: 'Anna’s unsaved words' });
    el.client = world.sam;
    await el.updateComplete;
    await until(() => button(el, 'Edit the draft') && !textOf(el).includes('Loading'), 'Sam’s view of the draft');
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(textOf(el)).to.not.contain('Anna’s unsaved words');
  });

  it('keeps what a member typed and the version it started from when the partner saves, says so, and the save conflicts', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    const before = await draftOf(world);
    button(el, 'Edit the draft')!.click();
    await until(() => shadow(el).activeElement?.id === 'field-content-goals', 'the edit form');
    const area = (path: string) => $<HTMLTextAreaElement>(el, `#field-content-${path}`);
    area('meetingTerms').focus();
    area('meetingTerms').select();
    await sendKeys({ type: 'Anna: Mondays at 9' });
    await world.sam.agreements.update({
      agreementId: before.id,
      expectedVersion: before.version,
      content: { ...before.content, goals: ['Sam’s goal'], communicationStatement: 'Sam’s words' },
    });
    await until(() => $(el, '[part~="changed-elsewhere"]'), 'the notice that the draft changed elsewhere');
    expect($(el, '[part~="changed-elsewhere"]').closest('[role="status"], [role="alert"]')).to.not.equal(null, 'the notice is announced');
    expect(area('meetingTerms').value).to.equal('Anna: Mondays at 9', 'the typing stays');
    expect(area('goals').value).to.equal(before.content.goals.join('\n'), 'fields stay as the member started them');
    expect(area('communicationStatement').value).to.equal(before.content.communicationStatement);
    await expect(el).to.be.accessible();

    button(el, 'Save the draft')!.click();
    await until(() => $(el, '.error-summary'), 'the conflict');
    expect($(el, '.error-summary').textContent).to.contain('changed this draft');
    expect(shadow(el).activeElement?.matches('.error-summary, .error-summary *')).to.equal(true, 'focus moves to the conflict');
    expect((await draftOf(world)).content).to.deep.include({ goals: ['Sam’s goal'], communicationStatement: 'Sam’s words', meetingTerms: before.content.meetingTerms });
    expect(area('meetingTerms').value).to.equal('Anna: Mondays at 9', 'the typing is still there to copy');
    await expect(el).to.be.accessible();

    button(el, 'Discard my edits and load the latest version')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => area('communicationStatement')?.value === 'Sam’s words', 'the latest version in the form');
    expect(area('meetingTerms').value).to.equal(before.content.meetingTerms);
    expect(area('goals').value).to.equal('Sam’s goal');
    expect(shadow(el).querySelector('.error-summary, [part~="changed-elsewhere"]')).to.equal(null);
    expect(shadow(el).activeElement?.id).to.equal('field-content-goals');
    area('meetingTerms').select();
    await sendKeys({ type: 'Anna: Tuesdays at 10' });
    button(el, 'Save the draft')!.click();
    await until(() => textOf(el).includes('Draft saved.'), 'the save on the latest version');
    expect((await draftOf(world)).content).to.deep.include({ goals: ['Sam’s goal'], meetingTerms: 'Anna: Tuesdays at 10' });
  });

  it('keeps focus in the form when clauses are removed: on “Remove” while clauses remain, then on “Add a clause”', async () => {
    const world = await matchWorld();
    const el = await mount(world);
    button(el, 'Edit the draft')!.click();
    await until(() => shadow(el).activeElement?.id === 'field-content-goals', 'the edit form');
    button(el, 'Add a clause')!.click();
    await until(() => shadow(el).activeElement?.id === 'field-content-clauses-0-title', 'the first clause');
    button(el, 'Add a clause')!.click();
    await until(() => shadow(el).activeElement?.id === 'field-content-clauses-1-title', 'the second clause');
    button(el, 'Remove the last clause')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#field-content-clauses-1-title')).to.equal(null);
    expect(shadow(el).activeElement?.textContent?.trim()).to.equal('Remove the last clause');
    await until(() => textOf(el).includes('Clause 2 removed.'), 'the announcement');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#field-content-clauses-0-title')).to.equal(null);
    expect(button(el, 'Remove the last clause')).to.equal(undefined);
    expect(shadow(el).activeElement?.textContent?.trim()).to.equal('Add a clause', 'focus does not drop to the page');
    await until(() => textOf(el).includes('Clause 1 removed.'), 'the announcement');
    await expect(el).to.be.accessible();
  });

  it('refreshes when a member changes it elsewhere, and renders in German', async () => {
    const world = await matchWorld();
    await setUpwardLocale('de');
    const el = await mount(world);
    await until(() => textOf(el).includes('Entwurf'), 'German text');
    await world.sam.agreements.send({ agreementId: (await draftOf(world)).id });
    await until(() => textOf(el).includes('Wartet auf Unterschriften'), 'the refresh');
    expect(textOf(el)).to.contain('Fassung 1 unterschreiben');
    expect(textOf(el)).to.contain('noch nicht unterschrieben');
  });
});
