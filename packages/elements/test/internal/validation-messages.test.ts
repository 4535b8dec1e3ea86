// The SDK's validation issues said in the reader's language: each field message and the error
// summary come from the issue's code (through msg()), never show an enum's raw option codes, fall
// back to the SDK's English only where no translation exists, and follow a language switch.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import '../../src/define/program-setup.ts';
import type { UpwardProgramSetup } from '../../src/program-setup/program-setup.ts';
import { describeError, fieldError, fieldId, renderErrorSummary, type DescribedError } from '../../src/internal/errors.ts';
import { scopeError, unwrapChanges } from '../../src/internal/fields.ts';
import { currentLocale, setUpwardLocale } from '../../src/internal/localization.ts';
import { sayViolation } from '../../src/internal/rule-words.ts';
import { sayBrokenRulesWith } from '../../src/internal/validation-messages.ts';
import { RateLimitedError, ServerError } from '@upward/sdk/remote';
import { seededWorld, until } from '../support/world.ts';

// As the elements that make matches do (enrolment, mentor finder, pairing board).
sayBrokenRulesWith(sayViolation);

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const summaryHeading = (el: Element) => squash($(el, '.error-summary h3')?.textContent);
const summaryLines = (el: Element) => [...el.shadowRoot!.querySelectorAll('.error-summary li')].map((li) => squash(li.textContent));
const inline = (el: Element, path: string) => squash($(el, `#${fieldId(path)}-error`)?.textContent);

/** A ValidationError as the SDK throws it (and as the remote client rebuilds it). */
function validation(issues: Record<string, unknown>[]) {
  return { code: 'validation', message: '[upward] Invalid input: …', issues };
}

const issues = [
  { path: 'name', message: 'must not be empty', code: 'too_small', origin: 'string', minimum: 1, inclusive: true },
  { path: 'description', message: 'must be at most 2000 characters', code: 'too_big', origin: 'string', maximum: 2000, inclusive: true },
  { path: 'purpose', message: 'must be one of: generational-divide, empower-younger-employees, custom', code: 'invalid_value' },
  { path: 'goals', message: 'must have at least 3 entries', code: 'too_small', origin: 'array', minimum: 3, inclusive: true },
  { path: 'sessionMinutes', message: 'must be more than 0', code: 'too_small', origin: 'number', minimum: 0, inclusive: false },
  { path: 'email', message: 'must be an email address like name@example.com', code: 'invalid_format', format: 'email' },
  { path: 'kickoffDate', message: 'is required', code: 'required' },
  { path: 'endDate', message: 'must be after the kickoff date', code: 'end_before_start' },
  { path: 'role', message: 'Anna is level 2; mentees in this program are at least level 5', code: 'custom' },
  { path: 'managerId', message: 'no person with id "x"' },
];

/** A minimal element that renders a stored error the way the Upward elements do. */
class SummaryHost extends LitElement {
  error?: DescribedError;
  labels: Record<string, string> = {};
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }
  protected override render(): TemplateResult {
    const summary = renderErrorSummary(this.error, this.labels, this.shadowRoot);
    // Like <upward-program-setup>: the labels are collected while the form renders, after the summary.
    this.labels['name'] = currentLocale() === 'de' ? 'Titel' : 'Title';
    return html`${summary}<input id=${fieldId('name')} /><span id="${fieldId('name')}-error">${fieldError(this.error, 'name')}</span>`;
  }
}
customElements.define('validation-summary-host', SummaryHost);

describe('validation messages', () => {
  afterEach(() => setUpwardLocale('en'));

  it('tells a person who was rate-limited to wait, in English and German, and other server failures apart', async () => {
    const limited = new RateLimitedError('Too many requests: the server turned "home" away.', 60_000);
    expect(describeError(limited).message).to.equal('Too many requests at once. Please wait a minute, then try again.');
    expect(describeError(new ServerError(503, 'busy')).message).to.equal('The server could not answer this. Please try again later.');
    await setUpwardLocale('de');
    expect(describeError(limited).message).to.equal('Zu viele Anfragen auf einmal. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.');
    await setUpwardLocale('en');
  });

  it('says every coded issue in German, never lists raw option codes, and keeps English only where no translation exists', async () => {
    await setUpwardLocale('de');
    const d = describeError(validation(issues));
    expect(d.message).to.equal('Bitte korrigieren Sie die unten markierten Felder.');
    expect(fieldError(d, 'name')).to.equal('darf nicht leer sein');
    expect(fieldError(d, 'description')).to.equal('darf höchstens 2.000 Zeichen lang sein');
    expect(fieldError(d, 'purpose')).to.equal('Wählen Sie eine der Optionen');
    expect(fieldError(d, 'goals')).to.equal('muss mindestens 3 Einträge haben');
    expect(fieldError(d, 'sessionMinutes')).to.equal('muss größer als 0 sein');
    expect(fieldError(d, 'email')).to.equal('muss eine E-Mail-Adresse wie name@example.com sein');
    expect(fieldError(d, 'kickoffDate')).to.equal('ist erforderlich');
    expect(fieldError(d, 'endDate')).to.equal('muss nach dem Beginn liegen');
    // Rules the SDK words itself (no translation): its English, rather than nothing.
    expect(fieldError(d, 'role')).to.equal('Anna is level 2; mentees in this program are at least level 5');
    expect(fieldError(d, 'managerId')).to.equal('no person with id "x"');

    await setUpwardLocale('en');
    const en = describeError(validation(issues));
    expect(fieldError(en, 'name')).to.equal('must not be empty');
    expect(fieldError(en, 'endDate')).to.equal('must be after the kickoff date', 'the SDK’s own English wording stays');
    expect(fieldError(en, 'purpose')).to.equal('choose one of the options');
  });

  it('says the pairing and directory issues in German, a broken pairing rule from its details, and keeps the SDK’s English in English', async () => {
    const chain = { rule: 'reporting-chain', details: { above: 'Dana Okafor', below: 'Anna Schmidt', distance: 1 } };
    const english = 'Dana Okafor is the direct manager of Anna Schmidt; mentors and mentees must not share a reporting chain';
    const coded = [
      { path: 'managerId', message: 'no person with id "x"', code: 'not_found' },
      { path: 'ownerId', message: 'must be a member of this match', code: 'not_in_match' },
      { path: 'preferences.0', message: 'cannot rank yourself', code: 'self_reference' },
      { path: 'boss', message: 'would make a reporting loop', code: 'cycle' },
      { path: 'email', message: 'already belongs to Anna Schmidt (anna)', code: 'taken' },
      { path: 'menteeIds.0', message: english, code: 'broken_rule', violation: chain },
      // A rule this version does not know, a violation left out, one of another shape: the English.
      { path: 'menteeIds.1', message: 'Dana and Ben are in the same team', code: 'broken_rule', violation: { rule: 'same-team', details: {} } },
      { path: 'menteeIds.2', message: 'Dana and Ben were matched before', code: 'broken_rule' },
      { path: 'menteeIds.3', message: 'Ben has no places', code: 'broken_rule', violation: 'capacity-full' },
      { path: 'menteeIds.4', message: 'Ben Carter has no free place', code: 'broken_rule', violation: { rule: 'capacity-full', details: { mentor: 'Ben Carter' } } },
      { path: 'mentorIds', message: 'this program allows at most 1 mentor per match', code: 'too_big', origin: 'array', maximum: 1, inclusive: true },
      { path: 'menteeIds', message: 'a person can appear only once in a match', code: 'duplicate' },
      { path: 'colour', message: 'not a program field you can change', code: 'unrecognized_keys' },
    ];
    await setUpwardLocale('de');
    const d = describeError(validation(coded));
    expect(fieldError(d, 'managerId')).to.equal('verweist auf einen Eintrag, den es nicht gibt');
    expect(fieldError(d, 'ownerId')).to.equal('muss zu diesem Tandem gehören');
    expect(fieldError(d, 'preferences.0')).to.equal('kann nicht die Person selbst sein');
    expect(fieldError(d, 'boss')).to.equal('würde eine Schleife in der Berichtslinie erzeugen');
    expect(fieldError(d, 'email')).to.equal('wird bereits von einer anderen Person verwendet');
    expect(fieldError(d, 'menteeIds.0')).to.equal(
      'Dana Okafor ist die direkte Führungskraft von Anna Schmidt; das Programm bringt keine Personen aus derselben Berichtslinie zusammen',
      'the rule’s sentence without its full stop, like every field message',
    );
    expect(fieldError(d, 'menteeIds.1')).to.equal('Dana and Ben are in the same team');
    expect(fieldError(d, 'menteeIds.2')).to.equal('Dana and Ben were matched before');
    expect(fieldError(d, 'menteeIds.3')).to.equal('Ben has no places');
    expect(fieldError(d, 'menteeIds.4')).to.equal('Ben Carter has no free place');
    expect(fieldError(d, 'mentorIds')).to.equal('darf höchstens 1 Eintrag haben');
    expect(fieldError(d, 'menteeIds')).to.equal('darf keinen Eintrag wiederholen');
    expect(fieldError(d, 'colour')).to.equal('enthält unbekannte Einträge');

    await setUpwardLocale('en');
    const en = describeError(validation(coded));
    for (const issue of coded) expect(fieldError(en, issue.path)).to.equal(issue.message, issue.path);
  });

  it('says a broken rule from the real SDK in German: proposing a pair across a reporting line', async () => {
    const world = await seededWorld();
    await setUpwardLocale('de');
    const error = await world.hr.matches.propose({ programId: world.programId, mentorIds: ['anna'], menteeIds: ['vp-eng'] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const d = describeError(error);
    expect(d.code).to.equal('validation');
    expect(fieldError(d, 'menteeIds.0')).to.equal(
      'Dana Okafor ist die direkte Führungskraft von Anna Schmidt; das Programm bringt keine Personen aus derselben Berichtslinie zusammen',
    );
    await setUpwardLocale('en');
    expect(fieldError(d, 'menteeIds.0')).to.equal('Dana Okafor is the direct manager of Anna Schmidt; mentors and mentees must not share a reporting chain');
  });

  it('says a stored error again in the language switched to, through scoped and unwrapped paths too', async () => {
    await setUpwardLocale('de');
    const stored = unwrapChanges(describeError(validation(issues.map((i) => ({ ...i, path: `changes.${i.path}` })))));
    const scoped = scopeError(describeError(validation(issues)), 'edit.');
    expect(fieldError(stored, 'name')).to.equal('darf nicht leer sein');
    expect(fieldError(scoped, 'edit.purpose')).to.equal('Wählen Sie eine der Optionen');
    await setUpwardLocale('en');
    expect(fieldError(stored, 'name')).to.equal('must not be empty');
    expect(fieldError(stored, 'purpose')).to.equal('choose one of the options');
    expect(fieldError(scoped, 'edit.endDate')).to.equal('must be after the kickoff date');
    await setUpwardLocale('de');
    expect(fieldError(scoped, 'edit.kickoffDate')).to.equal('ist erforderlich');
  });

  it('renders the summary’s heading, labels and messages when it renders, not when the error happened', async () => {
    const el = await fixture<SummaryHost>(html`<validation-summary-host></validation-summary-host>`);
    el.error = describeError(validation([issues[0]!]));
    el.requestUpdate();
    await el.updateComplete;
    expect(summaryHeading(el)).to.equal('Please correct the fields marked below.');
    expect(summaryLines(el)).to.deep.equal(['Title: must not be empty']);
    await setUpwardLocale('de');
    await until(() => summaryHeading(el).startsWith('Bitte'), 'the German summary');
    expect(summaryLines(el)).to.deep.equal(['Titel: darf nicht leer sein'], 'the labels collected in this render');
    expect(inline(el, 'name')).to.equal('darf nicht leer sein');
  });

  it('shows <upward-program-setup>’s validation errors in German, and re-renders its summary after a language switch', async () => {
    const world = await seededWorld();
    await setUpwardLocale('de');
    const el = await fixture<UpwardProgramSetup>(html`<upward-program-setup .client=${world.hr}></upward-program-setup>`);
    await until(() => $(el, 'button[type="submit"]'), 'the form');
    $(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '.error-summary'), 'the error summary');

    expect(summaryHeading(el)).to.equal('Bitte korrigieren Sie die unten markierten Felder.');
    const german = summaryLines(el);
    expect(german).to.include('Name: darf nicht leer sein');
    expect(german).to.include('Ziel des Programms: Wählen Sie eine der Optionen');
    expect(inline(el, 'name')).to.equal('darf nicht leer sein');
    expect(inline(el, 'purpose')).to.equal('Wählen Sie eine der Optionen');
    const summary = squash($(el, '.error-summary')!.textContent);
    expect(summary).not.to.contain('generational-divide', 'no raw option codes');
    expect(summary).not.to.match(/\bmust\b/, 'no English');

    await setUpwardLocale('en');
    await until(() => summaryHeading(el) === 'Please correct the fields marked below.', 'the English summary');
    expect(summaryLines(el)).to.include('Name: must not be empty');
    expect(summaryLines(el)).to.include('Purpose: choose one of the options');
    expect(inline(el, 'name')).to.equal('must not be empty');
    expect(squash($(el, '.error-summary')!.textContent)).not.to.contain('generational-divide');

    await setUpwardLocale('de');
    await until(() => summaryHeading(el).startsWith('Bitte'), 'the German summary again');
    expect(summaryLines(el)).to.include('Name: darf nicht leer sein');
  });
});
