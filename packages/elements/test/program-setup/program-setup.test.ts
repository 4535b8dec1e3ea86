// <upward-program-setup> against a real in-memory Upward: the seed world (a program in its
// matching phase, champion Chris), an admin creating from a playbook, editing with conflicts,
// phase actions, and the SDK's refusal for non-admins.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Upward } from '@upward/sdk';
import '../../src/define/program-setup.ts';
import '../../src/define/upward-provider.ts';
import type { UpwardProgramSetup } from '../../src/program-setup/program-setup.ts';
import { fieldId } from '../../src/internal/errors.ts';
import { setUpwardLocale } from '../../src/internal/localization.ts';
import { admin, programInput, seededWorld, until } from '../support/world.ts';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const field = <T extends HTMLElement = HTMLInputElement>(el: Element, path: string) => $<T>(el, `#${fieldId(path)}`);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const button = (el: Element, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);

/** What a person does with a control that sendKeys cannot reach directly (a date, a select). */
function set(el: Element, path: string, value: string) {
  const control = field<HTMLInputElement>(el, path);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function typeInto(control: HTMLElement, value: string) {
  control.focus();
  await sendKeys({ type: value });
}

async function setup(client: Upward, programId?: string) {
  const el = await fixture<UpwardProgramSetup>(
    programId
      ? html`<upward-program-setup program-id=${programId} .client=${client}></upward-program-setup>`
      : html`<upward-program-setup .client=${client}></upward-program-setup>`,
  );
  await until(() => el.shadowRoot!.querySelector('form, [part~="forbidden"], [part~="error"]'), 'the form to load');
  return el;
}

/**
 * Holds `client.programs[method]` until the returned `release` is called: a slow answer, so the
 * admin can act (switch programs) while it is pending.
 */
function holdPrograms(client: Upward, method: 'update' | 'create' | 'openEnrolment') {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const programs = client.programs as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const original = programs[method]!.bind(programs);
  programs[method] = async (input) => {
    await held;
    return original(input);
  };
  return release;
}

/** Some frames for late answers to land and render. */
async function frames(n = 10) {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

describe('<upward-program-setup>', () => {
  afterEach(() => setUpwardLocale('en'));

  it('is accessible when new, when editing, with errors and for non-admins', async () => {
    const world = await seededWorld();
    const create = await setup(world.hr);
    await expect(create).to.be.accessible();
    $(create, 'button[type="submit"]').click();
    await until(() => create.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    await expect(create).to.be.accessible();
    const edit = await setup(world.hr, world.programId);
    await expect(edit).to.be.accessible();
    const refused = await setup(world.as({ personId: 'anna' }));
    await expect(refused).to.be.accessible();
  });

  it('creates a program from the ready playbook of its purpose, by keyboard, and stores it', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr);
    await typeInto(field(el, 'name'), 'Digital Leaders 2028');
    set(el, 'purpose', 'digital-strategy');
    await el.updateComplete;
    expect(text(el)).to.contain('Ready playbook: Digital leaders');
    button(el, 'Start from this playbook')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'goals'), 'focus moves to the first filled field');
    expect(field<HTMLTextAreaElement>(el, 'playbook.talkingPoints').value).to.contain('Generative AI in everyday work');
    expect(field(el, 'name').value).to.equal('Digital Leaders 2028', 'the name typed stays');
    set(el, 'kickoffDate', '2028-01-10');
    set(el, 'endDate', '2028-06-30');
    // Pick Chris as champion by keyboard: filter, then tick with Space.
    await typeInto($(el, '#people-filter'), 'Chris');
    await el.updateComplete;
    const chris = $<HTMLInputElement>(el, 'input[name="championIds"][value="chris"]');
    chris.focus();
    await sendKeys({ press: 'Space' });
    const saved = oneEvent(el, 'upward-program-saved');
    $(el, 'button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    const [stored] = (await world.hr.programs.list({ phase: 'draft' })).filter((p) => p.name === 'Digital Leaders 2028');
    expect(stored).to.deep.include({ id: detail.program.id, purpose: 'digital-strategy', championIds: ['chris'], kickoffDate: '2028-01-10' });
    expect(stored!.playbook.talkingPoints).to.include('Generative AI in everyday work');
    expect(stored!.matching.mode).to.equal('admin');
    await until(() => text(el).includes('created as a draft'), 'the announcement');
    expect(el.programId).to.equal(stored!.id);
    await until(() => button(el, 'Open enrolment'), 'the phase actions of the new draft');
  });

  it('writes a program in the language the admin picks: its ready playbook in that language, its texts marked with it, and stored with it', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr);
    expect(field<HTMLSelectElement>(el, 'language').value).to.equal('en', 'a new program starts in the page’s language');
    await typeInto(field(el, 'name'), 'Inklusion 2028');
    set(el, 'language', 'de');
    set(el, 'purpose', 'inclusion');
    await until(() => text(el).includes('Ready playbook: Inklusiv führen'), 'the German playbook on offer');
    expect($(el, '#offer-title span').lang).to.equal('de', 'German words inside the English page are marked German');
    await expect(el).to.be.accessible();
    button(el, 'Start from this playbook')!.click();
    await el.updateComplete;
    expect(field<HTMLTextAreaElement>(el, 'goals').value).to.contain('Erfahrungen hören, die sich von den eigenen unterscheiden');
    for (const path of ['name', 'goals', 'description', 'playbook.where', 'agreementTemplate.confidentialityStatement']) {
      expect(field(el, path).lang, path).to.equal('de', 'the admin types German there: spell checking and screen readers follow');
    }
    expect(field(el, 'kickoffDate').lang).to.equal('', 'a date is not program text');
    set(el, 'kickoffDate', '2028-01-10');
    set(el, 'endDate', '2028-06-30');
    const saved = oneEvent(el, 'upward-program-saved');
    $(el, 'button[type="submit"]').click();
    const { detail } = await saved;
    const stored = await world.hr.programs.get(detail.program.id);
    expect(stored).to.deep.include({ name: 'Inklusion 2028', language: 'de', purpose: 'inclusion' });
    expect(stored.agreementTemplate.communicationStatement).to.match(/^Wir sprechen offen miteinander/);
  });

  it('in German, starts a new program in German and offers the English playbook when the program is written in English', async () => {
    const world = await seededWorld();
    await setUpwardLocale('de');
    const el = await setup(world.hr);
    expect(field<HTMLSelectElement>(el, 'language').value).to.equal('de');
    set(el, 'purpose', 'digital-strategy');
    await until(() => text(el).includes('Fertiges Playbook: Digital führen'), 'the German playbook on offer');
    set(el, 'language', 'en');
    await until(() => text(el).includes('Fertiges Playbook: Digital leaders'), 'the English playbook on offer');
    expect($(el, '#offer-title span').lang).to.equal('en');
    expect(field(el, 'description').lang).to.equal('en');
  });

  it('shows each validation error at its field, lists them in a summary that focuses the field, and stores nothing', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr);
    const before = (await world.hr.programs.list()).length;
    set(el, 'purpose', 'custom');
    await el.updateComplete;
    set(el, 'kickoffDate', '2028-05-01');
    set(el, 'endDate', '2028-01-01');
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    for (const path of ['name', 'customPurpose', 'endDate', 'agreementTemplate.communicationStatement']) {
      const control = field(el, path);
      expect(control.getAttribute('aria-invalid'), path).to.equal('true');
      const message = el.shadowRoot!.getElementById(control.getAttribute('aria-describedby')!.split(' ').pop()!);
      expect(message?.textContent, path).to.not.be.empty;
    }
    expect(text(el)).to.contain('must be after the kickoff date');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.error-summary'), 'focus moves to the summary');
    const link = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')].find((a) => a.textContent!.startsWith('End'))!;
    link.click();
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'endDate'));
    expect(await world.hr.programs.list()).to.have.length(before);
  });

  it('edits a program with its version: saves, and on a concurrent change says so and reloads instead of overwriting', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr, world.programId);
    expect(field(el, 'name').value).to.equal('Digital Leaders 2027');
    field(el, 'name').select();
    await sendKeys({ type: 'Digital Leaders 2027/28' });
    const saved = oneEvent(el, 'upward-program-saved');
    $(el, 'button[type="submit"]').click();
    expect((await saved).detail.program.name).to.equal('Digital Leaders 2027/28');
    expect((await world.hr.programs.get(world.programId)).name).to.equal('Digital Leaders 2027/28');

    // Someone else changes the program while this admin has unsaved edits.
    field(el, 'name').select();
    await sendKeys({ type: 'Mine' });
    const other = await world.hr.programs.get(world.programId);
    await world.as(admin).programs.update({ id: other.id, expectedVersion: other.version, changes: { description: 'Theirs' } });
    $(el, 'button[type="submit"]').click();
    await until(() => text(el).includes('Someone changed this in the meantime'), 'the conflict message');
    const stored = await world.hr.programs.get(world.programId);
    expect(stored).to.deep.include({ name: 'Digital Leaders 2027/28', description: 'Theirs' });
    await until(() => field<HTMLTextAreaElement>(el, 'description').value === 'Theirs', 'the reload');
    expect(field(el, 'name').value).to.equal('Digital Leaders 2027/28');
  });

  it('refreshes when the program changes elsewhere and the form has no edits', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr, world.programId);
    const p = await world.hr.programs.get(world.programId);
    await world.hr.programs.update({ id: p.id, expectedVersion: p.version, changes: { name: 'Renamed elsewhere' } });
    await until(() => field(el, 'name').value === 'Renamed elsewhere', 'the refresh');
    expect(text(el)).to.contain('Program: Renamed elsewhere');
  });

  it('offers only the phase actions legal from the current phase, and asks before closing', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr, world.programId);
    expect(button(el, 'Open enrolment')).to.equal(undefined);
    expect(button(el, 'Start matching')).to.equal(undefined);
    expect(button(el, 'Reopen enrolment')).to.not.equal(undefined);
    const changed = oneEvent(el, 'upward-program-phase-changed');
    button(el, 'Launch the program')!.focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect(detail.from).to.equal('matching');
    expect(detail.program.phase).to.equal('running');
    expect((await world.hr.programs.get(world.programId)).phase).to.equal('running');
    await until(() => text(el).includes('Current phase: Running'), 'the new phase');
    expect(el.shadowRoot!.activeElement?.id).to.equal('phase-status');
    expect(button(el, 'Launch the program')).to.equal(undefined);

    const dialog = $<HTMLDialogElement>(el, 'dialog');
    button(el, 'Close the program…')!.click();
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    expect((await world.hr.programs.get(world.programId)).phase).to.equal('running');
    button(el, 'Close the program…')!.click();
    button(el, 'Close the program')!.click();
    await until(() => text(el).includes('Current phase: Closed'), 'the closed phase');
    expect((await world.hr.programs.get(world.programId)).phase).to.equal('closed');
    expect(field(el, 'name').matches(':disabled')).to.equal(true, 'a closed program’s settings are final');
    expect($(el, 'button[type="submit"]').closest('[hidden]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps unsaved edits across a phase change and saves them on the new version', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr, world.programId);
    set(el, 'description', 'Edited before launch');
    button(el, 'Launch the program')!.click();
    await until(() => text(el).includes('Current phase: Running'), 'the launch');
    expect(field<HTMLTextAreaElement>(el, 'description').value).to.equal('Edited before launch');
    $(el, 'button[type="submit"]').click();
    await until(() => text(el).includes('saved'), 'the save');
    expect(await world.hr.programs.get(world.programId)).to.deep.include({ phase: 'running', description: 'Edited before launch' });
  });

  it('edits group format, pairing rules, clauses and matching weights, with errors at the right field', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr, world.programId);
    set(el, 'format.kind', 'group');
    await el.updateComplete;
    set(el, 'format.menteesPerGroup', '4');
    set(el, 'rules.maxLevelGap', '2');
    button(el, 'Add a clause')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'agreementTemplate.clauses.0.title'));
    set(el, 'matching.weights.skills', '2000');
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot!.querySelector('.error-summary'), 'the errors');
    expect(field(el, 'rules.maxLevelGap').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'agreementTemplate.clauses.0.title').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'matching.weights.skills').getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLDetailsElement>(el, 'details').open).to.equal(true, 'the advanced section opens on its errors');
    await expect(el).to.be.accessible();

    set(el, 'rules.maxLevelGap', '6');
    set(el, 'matching.weights.skills', '500');
    set(el, 'agreementTemplate.clauses.0.title', 'Phones away');
    set(el, 'agreementTemplate.clauses.0.text', 'We keep phones out of sight during sessions.');
    $(el, 'button[type="submit"]').click();
    await until(() => text(el).includes('saved'), 'the save');
    const stored = await world.hr.programs.get(world.programId);
    expect(stored.format).to.deep.equal({ kind: 'group', mentorsPerGroup: 1, menteesPerGroup: 4 });
    expect(stored.rules.maxLevelGap).to.equal(6);
    expect(stored.matching.weights).to.deep.equal({ skills: 500 });
    expect(stored.agreementTemplate.clauses).to.deep.equal([{ title: 'Phones away', text: 'We keep phones out of sight during sessions.' }]);
  });

  it('shows the playbook’s agreement clauses in the form, exactly as they will be saved', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr);
    await typeInto(field(el, 'name'), 'Clauses shown');
    set(el, 'purpose', 'digital-strategy');
    await el.updateComplete;
    button(el, 'Start from this playbook')!.click();
    await el.updateComplete;
    expect(field(el, 'agreementTemplate.clauses.0.title').value).to.equal('Time');
    expect(field<HTMLTextAreaElement>(el, 'agreementTemplate.clauses.0.text').value).to.contain('We protect the time');
    set(el, 'kickoffDate', '2028-01-10');
    set(el, 'endDate', '2028-06-30');
    const saved = oneEvent(el, 'upward-program-saved');
    $(el, 'button[type="submit"]').click();
    const { detail } = await saved;
    expect(detail.program.agreementTemplate.clauses).to.deep.equal([{ title: 'Time', text: field<HTMLTextAreaElement>(el, 'agreementTemplate.clauses.0.text').value }]);
    // A stored program's clauses show when it is edited, too.
    const edit = await setup(world.hr, detail.program.id);
    expect(field(edit, 'agreementTemplate.clauses.0.title').value).to.equal('Time');
  });

  it('starts over when another person signs in: no draft or message of the previous one', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr);
    await typeInto(field(el, 'name'), 'Half-typed by HR');
    el.client = world.as(admin);
    await el.updateComplete;
    await until(() => field(el, 'name') && field(el, 'name').value === '', 'a fresh form');
    expect(text(el)).to.not.contain('Unsaved changes');
    el.client = world.as({ personId: 'anna' });
    await el.updateComplete;
    await until(() => el.shadowRoot!.querySelector('[part~="forbidden"]'), 'the admins-only state');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('shows the SDK’s refusal as an admins-only state, and a champion’s save as a clear message', async () => {
    const world = await seededWorld();
    const anna = await setup(world.as({ personId: 'anna' }));
    expect(text(anna)).to.contain('Only admins can set up programs');
    expect(anna.shadowRoot!.querySelector('form')).to.equal(null);
    const chris = await setup(world.as({ personId: 'chris' }), world.programId);
    $(chris, 'button[type="submit"]').click();
    await until(() => chris.shadowRoot!.querySelector('.error-summary'), 'the refusal');
    expect($(chris, '.error-summary').textContent).to.contain('Only admins can set up programs.');
  });

  it('keeps unsaved edits and the version they started from when the program changes elsewhere, says so, and the save conflicts', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr, world.programId);
    const before = await world.hr.programs.get(world.programId);
    field(el, 'name').select();
    await sendKeys({ type: 'Mine' });
    await world.as(admin).programs.update({ id: before.id, expectedVersion: before.version, changes: { name: 'Their name', description: 'Theirs' } });
    await until(() => el.shadowRoot!.querySelector('[part~="changed-elsewhere"]'), 'the notice that the program changed elsewhere');
    const notice = $(el, '[part~="changed-elsewhere"]');
    expect(notice.closest('[role="status"], [role="alert"]')).to.not.equal(null, 'the notice is announced');
    expect(notice.textContent).to.contain('changed this program');
    expect(field(el, 'name').value).to.equal('Mine', 'the admin’s typing stays');
    expect(field<HTMLTextAreaElement>(el, 'description').value).to.equal(before.description, 'the form stays on the version it was loaded from');
    expect(text(el)).to.contain(`Program: ${before.name}`);
    await expect(el).to.be.accessible();

    $(el, 'button[type="submit"]').click();
    await until(() => text(el).includes('Someone changed this in the meantime'), 'the conflict');
    expect(await world.hr.programs.get(world.programId)).to.deep.include({ name: 'Their name', description: 'Theirs' }, 'the other admin’s change stays');
    await until(() => field<HTMLTextAreaElement>(el, 'description').value === 'Theirs', 'the latest version in the form');
    expect(field(el, 'name').value).to.equal('Their name');
    expect(el.shadowRoot!.querySelector('[part~="changed-elsewhere"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('discards unsaved edits and loads the latest version on request, by keyboard, and then saves on it', async () => {
    const world = await seededWorld();
    const el = await setup(world.hr, world.programId);
    const before = await world.hr.programs.get(world.programId);
    set(el, 'goals', 'My unsaved goal');
    await world.as(admin).programs.update({ id: before.id, expectedVersion: before.version, changes: { description: 'Theirs' } });
    await until(() => button(el, 'Discard my edits and load the latest version'), 'the way to load the latest');
    expect(field<HTMLTextAreaElement>(el, 'goals').value).to.equal('My unsaved goal');
    button(el, 'Discard my edits and load the latest version')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(field<HTMLTextAreaElement>(el, 'description').value).to.equal('Theirs');
    expect(field<HTMLTextAreaElement>(el, 'goals').value).to.equal(before.goals.join('\n'));
    expect(text(el)).to.not.contain('Unsaved changes');
    expect(el.shadowRoot!.querySelector('[part~="changed-elsewhere"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal('title', 'focus moves to the reloaded form’s heading');
    field(el, 'name').select();
    await sendKeys({ type: 'Renamed on the latest' });
    $(el, 'button[type="submit"]').click();
    await until(() => text(el).includes('Changes to “Renamed on the latest” saved.'), 'the save');
    expect(await world.hr.programs.get(world.programId)).to.deep.include({ name: 'Renamed on the latest', description: 'Theirs' });
  });

  it('ignores a late answer for a program no longer shown: a phase change or a save lands on its own program only', async () => {
    const world = await seededWorld();
    const second = await world.hr.programs.create(programInput({ name: 'Second program' }));
    const first = await world.hr.programs.get(world.programId);
    const el = await setup(world.hr, second.id);

    // A phase change of the second program answers after the admin switched to the first one.
    const releasePhase = holdPrograms(world.hr, 'openEnrolment');
    const phaseChanged = oneEvent(el, 'upward-program-phase-changed');
    button(el, 'Open enrolment')!.click();
    el.programId = world.programId;
    await until(() => field(el, 'name')?.value === first.name, 'the first program');
    releasePhase();
    expect((await phaseChanged).detail.program).to.include({ id: second.id, phase: 'enrolling' });
    await frames();
    expect(text(el)).to.contain(`Program: ${first.name}`);
    expect(text(el)).to.contain('Current phase: Matching');
    expect(field(el, 'name').value).to.equal(first.name);
    expect(text(el)).to.not.contain('is now in the phase');

    // A save of the second program answers after the admin switched back to the first one.
    el.programId = second.id;
    await until(() => field(el, 'name')?.value === 'Second program', 'the second program');
    set(el, 'description', 'Only for the second program');
    const releaseSave = holdPrograms(world.hr, 'update');
    const saved = oneEvent(el, 'upward-program-saved');
    $(el, 'button[type="submit"]').click();
    el.programId = world.programId;
    await until(() => field(el, 'name')?.value === first.name, 'the first program again');
    releaseSave();
    expect((await saved).detail.program).to.include({ id: second.id, description: 'Only for the second program' });
    await frames();
    expect(el.programId).to.equal(world.programId);
    expect(text(el)).to.contain(`Program: ${first.name}`);
    expect(field<HTMLTextAreaElement>(el, 'description').value).to.equal(first.description);
    expect(text(el)).to.not.contain('Changes to “Second program” saved');

    // What the admin now saves goes to the first program, and leaves the second one alone.
    set(el, 'description', 'For the first program');
    $(el, 'button[type="submit"]').click();
    await until(() => text(el).includes(`Changes to “${first.name}” saved.`), 'the save of the first program');
    expect(await world.hr.programs.get(world.programId)).to.deep.include({ description: 'For the first program', phase: 'matching' });
    expect(await world.hr.programs.get(second.id)).to.deep.include({ description: 'Only for the second program', phase: 'enrolling' });
  });

  it('shows a champion the program read-only, without edit controls, and a new program as admins-only', async () => {
    const world = await seededWorld();
    const chris = await setup(world.as({ personId: 'chris' }), world.programId);
    expect(text(chris)).to.contain('Program: Digital Leaders 2027');
    expect(text(chris)).to.contain('Only admins can change this program');
    expect(text(chris)).to.contain('Current phase: Matching');
    for (const label of ['Launch the program', 'Reopen enrolment', 'Close the program…', 'Close the program']) expect(button(chris, label), label).to.equal(undefined);
    expect(chris.shadowRoot!.querySelector('dialog')).to.equal(null);
    const visible = [...chris.shadowRoot!.querySelectorAll<HTMLElement>('input, select, textarea, button')].filter((c) => c.checkVisibility() && !c.matches(':disabled'));
    expect(visible.map((c) => c.outerHTML.slice(0, 80))).to.deep.equal([], 'no control that edits is offered');
    expect(field(chris, 'name').value).to.equal('Digital Leaders 2027');
    await expect(chris).to.be.accessible();

    const fresh = await setup(world.as({ personId: 'chris' }));
    expect(fresh.shadowRoot!.querySelector('[part~="forbidden"]')).to.not.equal(null);
    expect(fresh.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('renders in German', async () => {
    const world = await seededWorld();
    const el = await fixture<HTMLElement>(
      html`<div lang="de"><upward-provider .client=${world.hr}><upward-program-setup program-id=${world.programId}></upward-program-setup></upward-provider></div>`,
    );
    const setupEl = el.querySelector('upward-program-setup')!;
    await until(() => text(setupEl).includes('Änderungen speichern'), 'German text');
    expect(text(setupEl)).to.contain('Aktuelle Phase:');
    expect(text(setupEl)).to.contain('Programm starten');
  });
});
