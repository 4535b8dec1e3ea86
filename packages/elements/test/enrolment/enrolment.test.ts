// <upward-enrolment> against a real in-memory Upward: the seed world's program is in its matching
// phase (admin mode); Morgan (ceo) has not enrolled, Dana (vp-eng) is an approved mentee and
// Anna an approved mentor with capacity 2.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Upward } from '@upward/sdk';
import '../../src/define/enrolment.ts';
import '../../src/define/upward-provider.ts';
import type { UpwardEnrolment } from '../../src/enrolment/enrolment.ts';
import { fieldId } from '../../src/internal/errors.ts';
import { setUpwardLocale } from '../../src/internal/localization.ts';
import { seededWorld, until, type ElementWorld } from '../support/world.ts';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const field = <T extends HTMLElement = HTMLInputElement>(el: Element, path: string) => $<T>(el, `#${fieldId(path)}`);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const button = (el: Element, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);

/** Sets a control that sendKeys cannot fill directly (a time input, a select). */
function set(control: HTMLInputElement | HTMLSelectElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function press(target: HTMLElement, key = 'Enter') {
  target.focus();
  await sendKeys({ press: key });
}

async function enrolment(client: Upward, programId: string) {
  const el = await fixture<UpwardEnrolment>(html`<upward-enrolment program-id=${programId} .client=${client}></upward-enrolment>`);
  await until(() => el.shadowRoot!.querySelector('form, [part~="status"], [part~="error"], [part~="empty"]'), 'the enrolment to load');
  return el;
}

async function mine(world: ElementWorld, personId: string) {
  return (await world.as({ personId }).enrolments.mine()).find((e) => e.programId === world.programId);
}

describe('<upward-enrolment>', () => {
  afterEach(() => setUpwardLocale('en'));

  it('is accessible as a form, with errors, and as an existing enrolment', async () => {
    const world = await seededWorld();
    const fresh = await enrolment(world.as({ personId: 'ceo' }), world.programId);
    await expect(fresh).to.be.accessible();
    $(fresh, 'button[type="submit"]').click();
    await until(() => fresh.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    await expect(fresh).to.be.accessible();
    const enrolled = await enrolment(world.as({ personId: 'vp-eng' }), world.programId);
    await expect(enrolled).to.be.accessible();
  });

  it('enrols a mentee by keyboard, with skills, availability and consent, then shows what happens next', async () => {
    const world = await seededWorld();
    const el = await enrolment(world.as({ personId: 'ceo' }), world.programId);
    expect(text(el)).to.contain('mentors are the earlier-career colleagues');
    expect(text(el)).to.contain('We speak openly and honestly', 'the program’s communication statement');
    expect(text(el)).to.contain('What we discuss stays between us', 'the confidentiality statement');
    await press(field(el, 'role-mentee'), 'Space');
    await el.updateComplete;
    expect(text(el)).to.contain('Skills you want to learn');
    field(el, 'skills.0.skill').focus();
    await sendKeys({ type: 'TikTok' });
    set(field<HTMLSelectElement>(el, 'skills.0.proficiency'), '1');
    await press(button(el, 'Add a skill')!);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'skills.1.skill'), 'focus moves to the new row');
    await sendKeys({ type: 'Generative AI' });
    await press(button(el, 'Add a time')!);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'availability.0.day'));
    set(field<HTMLSelectElement>(el, 'availability.0.day'), '3');
    set(field(el, 'availability.0.startMinute'), '08:30');
    set(field(el, 'availability.0.endMinute'), '09:15');
    field<HTMLTextAreaElement>(el, 'goals').focus();
    await sendKeys({ type: 'Post once a week' });
    await press(field(el, 'consent'), 'Space');
    const enrolled = oneEvent(el, 'upward-enrolled');
    await press($(el, 'button[type="submit"]'));
    const { detail } = await enrolled;
    const stored = await mine(world, 'ceo');
    expect(stored).to.deep.include({ id: detail.enrolment.id, role: 'mentee', status: 'applied', goals: ['Post once a week'] });
    expect(stored!.skills).to.deep.equal([
      { skill: 'TikTok', proficiency: 1 },
      { skill: 'Generative AI', proficiency: 3 },
    ]);
    expect(stored!.availability).to.deep.equal([{ day: 3, startMinute: 510, endMinute: 555 }]);
    await until(() => el.shadowRoot!.querySelector('[part~="status"]'), 'the status panel');
    expect(text(el)).to.contain('What happens next Applied');
    expect(text(el)).to.contain('The program team reviews it');
    expect(text(el)).to.contain('Wednesday 08:30–09:15');
    expect(el.shadowRoot!.activeElement?.id).to.equal('status-title');
    expect(text(el)).to.contain('You are enrolled in');
  });

  it('shows each error at its field and stores nothing', async () => {
    const world = await seededWorld();
    const el = await enrolment(world.as({ personId: 'ceo' }), world.programId);
    await press(button(el, 'Add a time')!);
    set(field(el, 'availability.0.startMinute'), '10:00');
    set(field(el, 'availability.0.endMinute'), '09:00');
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    for (const path of ['skills.0.skill', 'consent', 'availability.0.endMinute']) {
      const control = field(el, path);
      expect(control.getAttribute('aria-invalid'), path).to.equal('true');
      expect(el.shadowRoot!.getElementById(control.getAttribute('aria-describedby')!)?.textContent, path).to.not.be.empty;
    }
    expect(text(el)).to.contain('you must accept the program terms');
    expect(text(el)).to.contain('must end after it starts');
    expect($(el, 'fieldset').getAttribute('aria-describedby'), 'the role group names its error').to.equal(`${fieldId('role')}-error`);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.error-summary'));
    expect(await mine(world, 'ceo')).to.equal(undefined);
  });

  it('shows an existing enrolment, lets the participant edit it, and announces it', async () => {
    const world = await seededWorld();
    const el = await enrolment(world.as({ personId: 'vp-eng' }), world.programId);
    expect(text(el)).to.contain('What happens next Approved');
    expect(text(el)).to.contain('Pairs are being made now');
    expect(text(el)).to.contain('TikTok (Comfortable)');
    expect(el.shadowRoot!.querySelector('input[name="role"]')).to.equal(null);
    await press(button(el, 'Edit my enrolment')!);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'skills.0.skill'));
    expect(text(el)).to.contain('Role: Mentee');
    field<HTMLTextAreaElement>(el, 'goals').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '\nRead a dashboard alone' });
    const updated = oneEvent(el, 'upward-enrolment-updated');
    $(el, 'button[type="submit"]').click();
    expect((await updated).detail.enrolment.goals).to.deep.equal(['Post once a week', 'Read a dashboard alone']);
    expect((await mine(world, 'vp-eng'))!.goals).to.deep.equal(['Post once a week', 'Read a dashboard alone']);
    await until(() => text(el).includes('Your enrolment was updated.'), 'the announcement');
  });

  it('lets a mentor set capacity and reports a concurrent change instead of overwriting it', async () => {
    const world = await seededWorld();
    const el = await enrolment(world.as({ personId: 'anna' }), world.programId);
    await press(button(el, 'Edit my enrolment')!);
    await el.updateComplete;
    set(field(el, 'capacity'), '3');
    const current = (await mine(world, 'anna'))!;
    await world.hr.enrolments.update({ id: current.id, expectedVersion: current.version, changes: { motivation: 'Set by HR' } });
    $(el, 'button[type="submit"]').click();
    await until(() => text(el).includes('Someone changed this in the meantime'), 'the conflict');
    const stored = (await mine(world, 'anna'))!;
    expect(stored).to.deep.include({ capacity: 2, motivation: 'Set by HR' });
    await until(() => el.shadowRoot!.querySelector('[part~="status"]'), 'the reloaded enrolment');
    await press(button(el, 'Edit my enrolment')!);
    await el.updateComplete;
    expect(field<HTMLTextAreaElement>(el, 'motivation').value).to.equal('Set by HR');
    set(field(el, 'capacity'), '3');
    $(el, 'button[type="submit"]').click();
    await until(() => text(el).includes('Your enrolment was updated.'), 'the save');
    expect((await mine(world, 'anna'))!.capacity).to.equal(3);
  });

  it('withdraws only after confirmation, then offers to enrol again', async () => {
    const world = await seededWorld();
    const el = await enrolment(world.as({ personId: 'vp-eng' }), world.programId);
    await press(button(el, 'Withdraw…')!);
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Stay enrolled'), 'the safe choice has focus');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    expect(dialog.open).to.equal(false);
    expect((await mine(world, 'vp-eng'))!.status).to.equal('approved');
    await press(button(el, 'Withdraw…')!);
    const withdrawn = oneEvent(el, 'upward-enrolment-withdrawn');
    button(el, 'Withdraw')!.click();
    expect((await withdrawn).detail.enrolment.status).to.equal('withdrawn');
    expect((await mine(world, 'vp-eng'))!.status).to.equal('withdrawn');
    await until(() => text(el).includes('What happens next Withdrawn'), 'the withdrawn state');
    await press(button(el, 'Enrol again')!);
    await el.updateComplete;
    expect(field(el, 'skills.0.skill').value).to.equal('TikTok', 'the previous answers are kept');
    await press(field(el, 'consent'), 'Space');
    const again = oneEvent(el, 'upward-enrolled');
    $(el, 'button[type="submit"]').click();
    expect((await again).detail.enrolment.status).to.equal('applied');
  });

  it('refreshes when an admin decides elsewhere', async () => {
    const world = await seededWorld();
    const ceo = world.as({ personId: 'ceo' });
    const created = await ceo.enrolments.enrol({ programId: world.programId, personId: 'ceo', role: 'mentee', skills: [{ skill: 'TikTok' }], consent: true });
    const el = await enrolment(ceo, world.programId);
    expect(text(el)).to.contain('What happens next Applied');
    await world.hr.enrolments.waitlist({ id: created.id, note: 'Mentors are full for now.' });
    await until(() => text(el).includes('On the waiting list'), 'the refresh');
    expect(text(el)).to.contain('Mentors are full for now.');
  });

  it('says when the program is not open to the participant, or closed', async () => {
    const world = await seededWorld();
    const draft = await world.hr.programs.create({ ...(await world.hr.programs.get(world.programId)), name: 'Hidden draft' });
    const hidden = await enrolment(world.as({ personId: 'ceo' }), draft.id);
    await until(() => text(hidden).includes('not open to participants'), 'the draft message');
    await world.hr.programs.close({ id: world.programId });
    const closed = await enrolment(world.as({ personId: 'ceo' }), world.programId);
    await until(() => text(closed).includes('no longer takes enrolments'), 'the closed message');
    expect(closed.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('starts over for the next person when the client changes: no draft, message or enrolment of the previous one', async () => {
    const world = await seededWorld();
    const el = await enrolment(world.as({ personId: 'ceo' }), world.programId);
    field<HTMLTextAreaElement>(el, 'goals').focus();
    await sendKeys({ type: 'Morgan’s private goal' });
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    // Another person signs in on the same page (the host swaps the client).
    el.client = world.as({ personId: 'chris' });
    await el.updateComplete;
    await until(() => field<HTMLTextAreaElement>(el, 'goals') && !text(el).includes('Loading'), 'the form for Chris');
    expect(field<HTMLTextAreaElement>(el, 'goals').value).to.equal('');
    expect(el.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    // Someone already enrolled sees their own enrolment, never the previous person's form.
    el.client = world.as({ personId: 'vp-eng' });
    await el.updateComplete;
    await until(() => text(el).includes('What happens next'), 'Dana’s enrolment');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    // And after Dana's edit was announced, the next person does not hear it.
    await press(button(el, 'Edit my enrolment')!);
    $(el, 'button[type="submit"]').click();
    await until(() => text(el).includes('Your enrolment was updated.'), 'the announcement');
    el.client = world.as({ personId: 'anna' });
    await el.updateComplete;
    await until(() => text(el).includes('Mentees you can take on'), 'Anna’s enrolment');
    expect(text(el)).to.not.contain('Your enrolment was updated.');
  });

  it('says a level limit at the role in German, from the rule the SDK sends', async () => {
    const world = await seededWorld();
    const [program] = await world.hr.programs.list();
    await world.hr.programs.update({ id: program!.id, changes: { rules: { ...program!.rules, mentorMaxLevel: 5 } } });
    await setUpwardLocale('de');
    const el = await enrolment(world.as({ personId: 'ceo' }), world.programId);
    await press(field(el, 'role'), 'Space'); // the mentor choice (the first)
    await el.updateComplete;
    field(el, 'skills.0.skill').focus();
    await sendKeys({ type: 'Strategy' });
    await press(field(el, 'consent'), 'Space');
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    expect(el.shadowRoot!.getElementById(`${fieldId('role')}-error`)?.textContent).to.equal(
      'Morgan Reyes steht auf Stufe 10; Mentorinnen und Mentoren dürfen in diesem Programm höchstens auf Stufe 5 stehen',
    );
    expect(await mine(world, 'ceo')).to.equal(undefined);
  });

  it('renders in German', async () => {
    const world = await seededWorld();
    const el = await fixture<HTMLElement>(
      html`<div lang="de"><upward-provider .client=${world.as({ personId: 'vp-eng' })}><upward-enrolment program-id=${world.programId}></upward-enrolment></upward-provider></div>`,
    );
    const e = el.querySelector('upward-enrolment')!;
    await until(() => text(e).includes('So geht es weiter'), 'German text');
    expect(text(e)).to.contain('Bestätigt');
    expect(text(e)).to.contain('Meine Anmeldung bearbeiten');
  });
});
