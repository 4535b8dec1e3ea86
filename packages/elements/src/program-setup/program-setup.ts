/**
 * `<upward-program-setup>`: an admin creates a program (starting from the SDK's ready playbook
 * for its purpose) or edits one, and moves it through its phases. Saves carry the version the
 * form was loaded from, so a change made elsewhere in the meantime is reported and reloaded,
 * never silently overwritten: while the form has unsaved edits, a reload leaves them, and the
 * version they were made on, in place and says that the program changed elsewhere. Who may do
 * this is the SDK's decision; its refusal is shown as a clear "admins only" state, and people who
 * are not admins (champions) see a program's settings read-only, without controls that edit.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { canTransition, playbooks, programFromPlaybook, type ChangeEvent, type ContentLanguage, type Person, type Program, type ProgramPhase, type Purpose, type ReadyPlaybooks } from '@upward/sdk';
import { UpwardElement } from '../internal/upward-element.ts';
import { baseStyles } from '../internal/styles.ts';
import { dialogStyles } from '../internal/dialog.styles.ts';
import { emit } from '../internal/events.ts';
import { describeError, fieldError, fieldId, renderErrorSummary, type DescribedError } from '../internal/errors.ts';
import { renderChangedElsewhere } from '../internal/changed-elsewhere.ts';
import { fieldState, renderFieldError, unwrapChanges } from '../internal/fields.ts';
import { focusAfterRender } from '../internal/focus.ts';
import { currentLocale } from '../internal/localization.ts';
import { DataTask } from '../internal/task.ts';
import { blankModel, programModel, toModel, toProgramInput, weightFactors, type Clause, type ProgramModel } from './program-model.ts';
import { phaseLabel, purposeLabel, weightLabel } from './program-labels.ts';
import { meetingModeLabel } from '../internal/labels.ts';
import { styles } from './program-setup.styles.ts';

declare global {
  interface UpwardEventDetails {
    /** A program was created or its settings saved. */
    'upward-program-saved': { program: Program };
    /** A program moved to another phase (`from` is the phase it left). */
    'upward-program-phase-changed': { program: Program; from: ProgramPhase };
  }
}

type PhaseMethod = 'openEnrolment' | 'reopenEnrolment' | 'startMatching' | 'launch' | 'close';
/** Each phase action, the phase it leads to and, where two actions reach one phase, where it starts. */
const phaseActions: readonly { method: PhaseMethod; to: ProgramPhase; from?: ProgramPhase }[] = [
  { method: 'openEnrolment', to: 'enrolling', from: 'draft' },
  { method: 'reopenEnrolment', to: 'enrolling', from: 'matching' },
  { method: 'startMatching', to: 'matching' },
  { method: 'launch', to: 'running' },
  { method: 'close', to: 'closed' },
];

const purposes = ['generational-divide', 'empower-younger-employees', 'growth-mindset', 'digital-strategy', 'social-media-and-analytics', 'inclusion', 'custom'] as const;
/** A clause's title or text: kept inside the model's clause list, not under its own path. */
const CLAUSE = /^agreementTemplate\.clauses\.(\d+)\.(title|text)$/;
/** How many unselected people the champion picker lists at once; the filter narrows the rest. */
const PEOPLE_SHOWN = 12;

interface Loaded {
  program?: Program;
  people: Person[];
}

/**
 * @summary Create or edit a reverse-mentoring program and move it through its phases (admins).
 *
 * @fires upward-program-saved - After the SDK stored a new program or saved changes; detail `{ program }`.
 * @fires upward-program-phase-changed - After the program moved phase; detail `{ program, from }`.
 * @fires upward-error - A command failed (the element shows the message); detail `{ error, operation }`.
 *
 * @csspart base - The whole element.
 * @csspart phase - The phase panel with its actions (edit mode).
 * @csspart actions - Rows of buttons (phase actions, form submit).
 * @csspart form - The program form.
 * @csspart section - Each group of fields (basics, playbook, pairing, …).
 * @csspart clauses - The agreement's extra clauses with their add and remove buttons.
 * @csspart playbook-offer - The card offering the ready playbook of the chosen purpose.
 * @csspart error-summary - The list of problems after a failed save.
 * @csspart dialog - The confirmation before closing the program.
 * @csspart forbidden - What non-admins see instead of a new program's form.
 * @csspart read-only - The note above a program's settings for people who may not change them.
 * @csspart changed-elsewhere - The notice that the program changed elsewhere while the form has unsaved edits.
 *
 * @cssproperty --upward-program-setup-section-gap - Space between the groups of fields.
 * @cssproperty --upward-program-setup-columns - Minimum column width of the field grid (default 14rem).
 */
export class UpwardProgramSetup extends UpwardElement {
  static override styles = [baseStyles, dialogStyles, styles];

  /** The program to edit; leave it out to create a new one (it is set to the new program's id once created). */
  @property({ attribute: 'program-id' })
  programId?: string;

  @state() private model?: ProgramModel;
  /** The version the form was loaded from: saves and phase changes carry it as `expectedVersion`. */
  @state() private program?: Program;
  @state() private dirty = false;
  @state() private busy = false;
  @state() private error?: DescribedError;
  @state() private announcement = '';
  /** The purpose whose ready playbook is on offer (after the admin chose that purpose). */
  @state() private offer?: Exclude<Purpose, 'custom'>;
  @state() private peopleFilter = '';
  /** Ready playbooks by language: English ships with the element, German loads when a program is written in German. */
  @state() private readyPlaybooks: Partial<Record<ContentLanguage, ReadyPlaybooks>> = { en: playbooks };
  /**
   * Set while the German playbooks load, and to 'failed' if they could not (a lost connection, a
   * new deployment). Not reactive: it is set while rendering; the outcome asks for a render.
   */
  private germanPlaybooks?: 'loading' | 'failed';
  /** Visible labels by field path, collected while rendering, for the error summary's links. */
  private labels: Record<string, string> = {};
  /**
   * Counts what the form is for (a program, a person): a command's answer that arrives after the
   * admin switched to another program, or another person signed in, changes nothing on screen.
   */
  private shownFor = 0;

  private data = new DataTask(this, {
    task: async ([upward, id]): Promise<Loaded | undefined> => {
      if (!upward) return undefined;
      const [program, people] = await Promise.all([id ? upward.programs.get(id) : undefined, upward.people.list()]);
      return { program, people };
    },
    args: () => [this.upward, this.programId, this.revision] as const,
    // The form's own state follows the program (see willUpdate); a new program id, such as the one
    // just created, must not hide it while reloading.
    scope: () => [this.upward],
    onComplete: (loaded) => this.adopt(loaded?.program),
  });

  protected override isRelevant(changes: readonly ChangeEvent[]): boolean {
    return changes.some((c) => c.entity === 'person' || (c.entity === 'program' && c.id === this.programId));
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Another program (or "new") was asked for: start over, unless it is the one just created.
    if (changed.has('programId') && this.program?.id !== this.programId) this.clientChanged();
  }

  /** A draft, its errors and messages belong to the admin who typed them and to one program. */
  protected override clientChanged(): void {
    this.shownFor++;
    // A command still running belongs to what was shown before; its answer is ignored.
    this.busy = false;
    this.model = undefined;
    this.program = undefined;
    this.dirty = false;
    this.error = undefined;
    this.announcement = '';
    this.offer = undefined;
    this.peopleFilter = '';
  }

  /**
   * Takes a (re)loaded program into the form, unless the admin has unsaved edits: those stay,
   * with the version they were made on, so saving them cannot undo a change made elsewhere (the
   * SDK refuses it as a conflict). `changedElsewhere` then offers the newer version instead.
   */
  private adopt(program: Program | undefined): void {
    if (this.model && this.dirty && program?.id === this.program?.id) return;
    this.program = program;
    this.model = program ? programModel(program) : (this.model ?? blankModel(currentLocale()));
  }

  /** The language the program's texts are written in (and its playbooks are offered in). */
  private get language(): ContentLanguage {
    return (this.model?.language as ContentLanguage | undefined) ?? 'en';
  }

  /** The ready playbooks in the program's language, or undefined while they load (or if they could not). */
  private playbooksInLanguage(): ReadyPlaybooks | undefined {
    const ready = this.readyPlaybooks[this.language];
    if (!ready && this.language === 'de' && !this.germanPlaybooks) {
      this.germanPlaybooks = 'loading';
      import('@upward/sdk/playbooks/de').then(
        ({ playbooks: german }) => {
          this.readyPlaybooks = { ...this.readyPlaybooks, de: german };
          this.germanPlaybooks = undefined;
        },
        () => {
          this.germanPlaybooks = 'failed';
          this.requestUpdate();
        },
      );
    }
    return ready;
  }

  /** Whether the signed-in person may change programs (the SDK decides; this only hides controls). */
  private get mayEdit(): boolean {
    return this.upward?.actor.isAdmin === true;
  }

  /** The newer version of the program, loaded while the form has unsaved edits on an older one. */
  private get changedElsewhere(): Program | undefined {
    const latest = this.data.value?.program;
    if (!this.dirty || this.busy || !latest || !this.program || latest.id !== this.program.id) return undefined;
    return latest.version !== this.program.version ? latest : undefined;
  }

  /** Drops the unsaved edits and shows the newest version of the program. */
  private loadLatest(): void {
    const latest = this.changedElsewhere ?? this.data.value?.program;
    if (!latest) return;
    this.dirty = false;
    this.error = undefined;
    this.offer = undefined;
    this.program = latest;
    this.model = programModel(latest);
    this.announcement = msg('Your edits were discarded. The latest version of the program is shown.', { id: 'program-setup.latest-loaded' });
    void focusAfterRender(this, '#title');
  }

  /** What the control at `path` shows: exactly the model's value, which is what a save sends. */
  private valueAt(path: string): string {
    const clause = CLAUSE.exec(path);
    const value = clause ? (this.model!['agreementTemplate.clauses'] as Clause[])[Number(clause[1])]?.[clause[2] as keyof Clause] : this.model![path];
    return String(value ?? '');
  }

  // ── input ──────────────────────────────────────────────────────────────

  private onInput = (event: Event): void => {
    const t = event.target as HTMLInputElement;
    const path = t.name;
    if (!path || !this.model) return;
    const model = { ...this.model };
    const clause = CLAUSE.exec(path);
    if (clause) {
      const clauses = [...(model['agreementTemplate.clauses'] as Clause[])];
      clauses[Number(clause[1])] = { ...clauses[Number(clause[1])]!, [clause[2]!]: t.value };
      model['agreementTemplate.clauses'] = clauses;
    } else if (t.dataset.list !== undefined) {
      const list = (model[path] as string[]).filter((v) => v !== t.value);
      model[path] = t.checked ? [...list, t.value] : list;
    } else if (t.type === 'checkbox') {
      model[path] = t.checked;
    } else {
      model[path] = t.value;
    }
    if (path === 'purpose') this.offer = t.value && t.value !== 'custom' ? (t.value as Exclude<Purpose, 'custom'>) : undefined;
    // Another language: its playbook for the purpose is on offer again (the texts so far stay until it is applied).
    const purpose = model.purpose as string;
    if (path === 'language' && purpose && purpose !== 'custom') this.offer = purpose as Exclude<Purpose, 'custom'>;
    this.model = model;
    this.dirty = true;
  };

  private applyPlaybook(): void {
    const ready = this.playbooksInLanguage();
    if (!this.model || !this.offer || !ready) return;
    const m = this.model;
    const template = ready[this.offer];
    const kickoffDate = m.kickoffDate as string;
    const endDate = m.endDate as string;
    this.model = {
      ...toModel(programFromPlaybook(this.offer, { kickoffDate, endDate }, {}, ready)),
      name: (m.name as string) || template.name,
      description: (m.description as string) || (template.description ?? ''),
      championIds: m.championIds!,
      kickoffDate,
      endDate,
    };
    this.offer = undefined;
    this.dirty = true;
    this.announcement = msg(str`The “${template.name}” playbook was applied. Review the fields below and adjust what differs.`, { id: 'program-setup.playbook-applied' });
    void focusAfterRender(this, `#${fieldId('goals')}`);
  }

  private addClause(): void {
    const clauses = [...(this.model!['agreementTemplate.clauses'] as Clause[]), { title: '', text: '' }];
    this.model = { ...this.model, 'agreementTemplate.clauses': clauses };
    this.dirty = true;
    void focusAfterRender(this, `#${fieldId(`agreementTemplate.clauses.${clauses.length - 1}.title`)}`);
  }

  private removeClause(index: number): void {
    const clauses = (this.model!['agreementTemplate.clauses'] as Clause[]).filter((_, i) => i !== index);
    this.model = { ...this.model, 'agreementTemplate.clauses': clauses };
    this.dirty = true;
    void focusAfterRender(this, '#add-clause');
  }

  // ── commands ───────────────────────────────────────────────────────────

  private describe(error: unknown): DescribedError {
    const d = unwrapChanges(describeError(error));
    return d.code === 'forbidden' ? { ...d, message: msg('Only admins can set up programs.', { id: 'program-setup.forbidden' }) } : d;
  }

  private async fail(operation: string, error: unknown): Promise<void> {
    this.error = this.describe(error);
    this.reportError(operation, error);
    if (this.error.code === 'conflict' || this.error.code === 'precondition-failed') {
      // Show the program as it is now: the admin redoes the change on top of it.
      this.dirty = false;
      await this.data.run();
    }
    void focusAfterRender(this, '.error-summary');
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const upward = this.upward;
    if (!upward || !this.model || this.busy) return;
    this.busy = true;
    this.error = undefined;
    this.announcement = '';
    const input = toProgramInput(this.model);
    const shown = this.shownFor;
    const base = this.program;
    try {
      const program = base
        ? await upward.programs.update({ id: base.id, expectedVersion: base.version, changes: input })
        : await upward.programs.create(input);
      // The host hears of every save; the screen only of one for what it still shows.
      if (shown !== this.shownFor) {
        emit(this, 'upward-program-saved', { program });
        return;
      }
      const created = !base;
      this.program = program;
      this.model = programModel(program);
      this.dirty = false;
      this.programId = program.id;
      this.announcement = created
        ? msg(str`Program “${program.name}” created as a draft.`, { id: 'program-setup.created' })
        : msg(str`Changes to “${program.name}” saved.`, { id: 'program-setup.saved' });
      emit(this, 'upward-program-saved', { program });
    } catch (error) {
      if (shown === this.shownFor) await this.fail('programs.save', error);
      else this.reportError('programs.save', error);
    } finally {
      if (shown === this.shownFor) this.busy = false;
    }
  }

  private async changePhase(method: PhaseMethod): Promise<void> {
    const upward = this.upward;
    const current = this.program;
    if (!upward || !current || this.busy) return;
    this.busy = true;
    this.error = undefined;
    this.announcement = '';
    const shown = this.shownFor;
    try {
      const program = await upward.programs[method]({ id: current.id, expectedVersion: current.version });
      if (shown !== this.shownFor) {
        emit(this, 'upward-program-phase-changed', { program, from: current.phase });
        return;
      }
      // Unsaved edits stay in the form; they now apply on top of the new version (the command
      // carried the version they were made on, so nobody else's change came in between).
      this.program = program;
      this.announcement = msg(str`“${program.name}” is now in the phase: ${phaseLabel(program.phase)}.`, { id: 'program-setup.phase-changed' });
      void focusAfterRender(this, '#phase-status');
      emit(this, 'upward-program-phase-changed', { program, from: current.phase });
    } catch (error) {
      if (shown === this.shownFor) await this.fail(`programs.${method}`, error);
      else this.reportError(`programs.${method}`, error);
    } finally {
      if (shown === this.shownFor) this.busy = false;
    }
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private async confirmClose(): Promise<void> {
    this.dialog?.close();
    await this.changePhase('close');
  }

  // ── rendering ──────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    if (!this.upward) return this.renderNoClient();
    // Only admins create programs: others are not offered a form the SDK would refuse.
    if (!this.mayEdit && !this.programId) return this.renderForbidden();
    const loaded = this.data.value;
    if (!loaded || !this.model) {
      const error = this.data.error;
      if (error === undefined) return this.renderLoading();
      if (describeError(error).code === 'forbidden') return this.renderForbidden();
      return this.renderLoadError(error, () => void this.data.run());
    }
    const m = this.model;
    const closed = this.program?.phase === 'closed';
    const readOnly = closed || !this.mayEdit;
    const newer = this.changedElsewhere;
    const heading = this.program ? msg(str`Program: ${this.program.name}`, { id: 'program-setup.title-edit' }) : msg('New program', { id: 'program-setup.title-new' });
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${heading}</h2>
      ${this.renderRefreshFailure(this.data)}
      ${this.mayEdit
        ? nothing
        : html`<p class="muted" part="read-only">
            ${msg('Only admins can change this program. You see its settings as they are now.', { id: 'program-setup.read-only' })}
          </p>`}
      ${this.program ? this.renderPhase(this.program) : nothing}
      <form part="form" novalidate @input=${this.onInput} @submit=${this.save}>
        <div class="live" role="status" aria-live="polite">${newer ? this.renderChangedElsewhere() : nothing}</div>
        ${renderErrorSummary(this.error, this.labels, this.shadowRoot)}
        <!-- A closed program's settings are final (the SDK refuses edits): show them, disabled. So
             are they for people who may not change them. -->
        <fieldset class="plain" ?disabled=${readOnly}>
          ${this.renderBasics(m)} ${this.renderPlaybook(m)} ${this.renderRules()} ${this.renderMatching(m)} ${this.renderFormat(m)}
          ${this.renderChampions(m, loaded.people)} ${this.renderAgreement(m)} ${this.renderDates()} ${this.renderAdvanced()}
        </fieldset>
        <div class="row" part="actions" ?hidden=${readOnly}>
          <button class="primary" type="submit" ?disabled=${this.busy}>
            ${this.busy ? msg('Saving…', { id: 'common.saving' }) : this.program ? msg('Save changes', { id: 'program-setup.save' }) : msg('Create program', { id: 'program-setup.create' })}
          </button>
          ${this.dirty ? html`<span class="muted">${newer
                ? msg('Unsaved changes, made on an older version (see the notice above the form)', { id: 'program-setup.unsaved-stale' })
                : msg('Unsaved changes', { id: 'program-setup.unsaved' })}</span>` : nothing}
        </div>
      </form>
      <p class="status" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  /** The program changed elsewhere while the form has unsaved edits: say so, with the way out. */
  private renderChangedElsewhere(): TemplateResult {
    return renderChangedElsewhere(
      msg(
        'Someone else changed this program while you were editing. Your unsaved edits are still here, but they were made on the earlier version, so saving them will be refused rather than undo that change. Note what you want to keep, then load the latest version and make your changes again.',
        { id: 'program-setup.changed-elsewhere' },
      ),
      () => this.loadLatest(),
    );
  }

  private renderForbidden(): TemplateResult {
    return html`<div part="forbidden" class="card" role="status">
      <h2>${msg('Only admins can set up programs', { id: 'program-setup.forbidden-title' })}</h2>
      <p>${msg('Programs are created and run by your HR admins. If you would like to start one, ask them to set it up.', { id: 'program-setup.forbidden-body' })}</p>
    </div>`;
  }

  private renderPhase(program: Program): TemplateResult {
    const actions = phaseActions.filter((a) => (!a.from || a.from === program.phase) && canTransition('program', program.phase, a.to));
    const label = (method: PhaseMethod): string =>
      ({
        openEnrolment: msg('Open enrolment', { id: 'program-setup.action.openEnrolment' }),
        reopenEnrolment: msg('Reopen enrolment', { id: 'program-setup.action.reopenEnrolment' }),
        startMatching: msg('Start matching', { id: 'program-setup.action.startMatching' }),
        launch: msg('Launch the program', { id: 'program-setup.action.launch' }),
        close: msg('Close the program…', { id: 'program-setup.action.close' }),
      })[method];
    return html`<section part="phase" class="card" aria-labelledby="phase-title">
      <h3 id="phase-title">${msg('Phase', { id: 'program-setup.phase' })}</h3>
      <p id="phase-status" tabindex="-1">
        ${msg('Current phase:', { id: 'program-setup.current-phase' })} <span class="badge">${phaseLabel(program.phase)}</span>
      </p>
      ${actions.length && this.mayEdit
        ? html`<div class="row" part="actions">
            ${actions.map((a) =>
              a.method === 'close'
                ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.dialog?.showModal()}>${label(a.method)}</button>`
                : html`<button type="button" ?disabled=${this.busy} @click=${() => this.changePhase(a.method)}>${label(a.method)}</button>`,
            )}
          </div>`
        : program.phase === 'closed'
          ? html`<p class="muted">${msg('This program is closed; its settings can no longer change.', { id: 'program-setup.closed-note' })}</p>`
          : nothing}
      ${this.mayEdit ? this.renderCloseDialog(program) : nothing}
    </section>`;
  }

  /** The confirmation before closing the program. */
  private renderCloseDialog(program: Program): TemplateResult {
    return html`<dialog part="dialog" aria-labelledby="close-title" aria-describedby="close-body">
      <h3 id="close-title">${msg(str`Close “${program.name}”?`, { id: 'program-setup.close-title' })}</h3>
      <p id="close-body">
        ${msg('Pairs that are meeting regularly are marked completed; all other pairs end. A closed program cannot be reopened.', { id: 'program-setup.close-body' })}
      </p>
      <div class="row">
        <button type="button" class="danger" @click=${this.confirmClose}>${msg('Close the program', { id: 'program-setup.close-confirm' })}</button>
        <button type="button" autofocus @click=${() => this.dialog?.close()}>${msg('Keep it open', { id: 'program-setup.close-cancel' })}</button>
      </div>
    </dialog>`;
  }

  /** ARIA and id of the control at the SDK path `path` (remembering its label for the error summary). */
  private control(path: string, label: string, hinted = false) {
    this.labels[path] = label;
    return fieldState(this.error, path, hinted);
  }

  /**
   * `programText`: the value is the program's own words, in its language (not the page's), so
   * spell checking and screen readers use that language.
   */
  private input(path: string, label: string, opts: { type?: string; min?: number; max?: number; hint?: string; required?: boolean; programText?: boolean } = {}): TemplateResult {
    const c = this.control(path, label, !!opts.hint);
    return html`<div class="field">
      <label for=${c.id}>${label}</label>
      ${opts.hint ? html`<span class="hint" id="${c.id}-hint">${opts.hint}</span>` : nothing}
      <input
        id=${c.id}
        name=${path}
        lang=${opts.programText ? this.language : nothing}
        type=${opts.type ?? 'text'}
        min=${opts.min ?? nothing}
        max=${opts.max ?? nothing}
        ?required=${opts.required}
        aria-invalid=${c.invalid}
        aria-describedby=${c.describedBy}
        .value=${live(this.valueAt(path))}
      />
      ${renderFieldError(c)}
    </div>`;
  }

  /** Every text area of the form holds program text, in the program's language. */
  private area(path: string, label: string, hint?: string): TemplateResult {
    const c = this.control(path, label, !!hint);
    return html`<div class="field wide">
      <label for=${c.id}>${label}</label>
      ${hint ? html`<span class="hint" id="${c.id}-hint">${hint}</span>` : nothing}
      <textarea id=${c.id} name=${path} lang=${this.language} aria-invalid=${c.invalid} aria-describedby=${c.describedBy} .value=${live(this.valueAt(path))}></textarea>
      ${renderFieldError(c)}
    </div>`;
  }

  /** Options are [value, label, the label's language when it is not the page's]. */
  private select(path: string, label: string, options: readonly (readonly [string, string, string?])[], hint?: string, wide = false): TemplateResult {
    const c = this.control(path, label, !!hint);
    const value = String(this.model![path] ?? '');
    return html`<div class="field ${wide ? 'wide' : ''}">
      <label for=${c.id}>${label}</label>
      ${hint ? html`<span class="hint" id="${c.id}-hint">${hint}</span>` : nothing}
      <select id=${c.id} name=${path} aria-invalid=${c.invalid} aria-describedby=${c.describedBy}>
        ${options.map(([v, l, lang]) => html`<option value=${v} lang=${lang ?? nothing} ?selected=${v === value}>${l}</option>`)}
      </select>
      ${renderFieldError(c)}
    </div>`;
  }

  private check(path: string, label: string): TemplateResult {
    const c = this.control(path, label);
    return html`<div class="check">
      <input type="checkbox" id=${c.id} name=${path} .checked=${live(this.model![path] === true)} aria-invalid=${c.invalid} aria-describedby=${c.describedBy} />
      <label for=${c.id}>${label}</label>
      ${renderFieldError(c)}
    </div>`;
  }

  /** A group of checkboxes whose values form the list at `path`. */
  private checkList(path: string, legend: string, options: readonly (readonly [string, string, string?])[]): TemplateResult {
    const c = this.control(path, legend);
    const chosen = this.model![path] as string[];
    return html`<fieldset class="wide" aria-describedby=${c.describedBy}>
      <legend>${legend}</legend>
      ${options.map(
        ([value, label, hint], i) => html`<div class="check">
          <input type="checkbox" id=${i === 0 ? c.id : `${c.id}-${i}`} name=${path} data-list value=${value} .checked=${live(chosen.includes(value))} />
          <label for=${i === 0 ? c.id : `${c.id}-${i}`}>${label}${hint ? html` <span class="hint">${hint}</span>` : nothing}</label>
        </div>`,
      )}
      ${renderFieldError(c)}
    </fieldset>`;
  }

  private section(id: string, title: string, body: unknown): TemplateResult {
    return html`<fieldset part="section" class="section" aria-labelledby="s-${id}">
      <legend id="s-${id}">${title}</legend>
      <div class="grid">${body}</div>
    </fieldset>`;
  }

  private renderBasics(m: ProgramModel): TemplateResult {
    const purpose = m.purpose as string;
    return this.section(
      'basics',
      msg('Basics', { id: 'program-setup.section.basics' }),
      html`${this.input('name', msg('Name', { id: 'program-setup.name' }), { required: true, programText: true })}
      ${this.select('purpose', msg('Purpose', { id: 'program-setup.purpose' }), [
        ['', msg('Choose a purpose…', { id: 'program-setup.purpose-choose' })],
        ...purposes.map((p) => [p, purposeLabel(p)] as const),
      ])}
      ${purpose === 'custom' ? this.input('customPurpose', msg('Describe the purpose', { id: 'program-setup.custom-purpose' }), { programText: true }) : nothing}
      ${this.select(
        'language',
        msg('Language of the program’s texts', { id: 'program-setup.language' }),
        // Each language by its own name, as people look for their language.
        [['en', 'English', 'en'], ['de', 'Deutsch', 'de']],
        msg('Write the description, goals, playbook and agreement in this language. Ready playbooks are offered in it, and each pair’s first agreement is drafted in it.', { id: 'program-setup.language-hint' }),
        true,
      )}
      ${this.offer ? this.renderOffer(this.offer) : nothing}
      ${this.area('description', msg('Description', { id: 'program-setup.description' }))}
      ${this.area('goals', msg('Goals', { id: 'program-setup.goals' }), msg('One goal per line.', { id: 'program-setup.one-per-line' }))}`,
    );
  }

  private renderOffer(purpose: Exclude<Purpose, 'custom'>): TemplateResult {
    const template = this.playbooksInLanguage()?.[purpose];
    if (!template) {
      return html`<p class="wide ${this.germanPlaybooks === 'failed' ? 'field-error' : 'muted'}" part="playbook-offer" role="status">
        ${this.germanPlaybooks === 'failed'
          ? msg('The ready playbook in this language could not be loaded. Reload the page to try again.', { id: 'program-setup.offer-failed' })
          : msg('Loading the ready playbook…', { id: 'program-setup.offer-loading' })}
      </p>`;
    }
    // The playbook's words are in the program's language, which need not be the page's.
    return html`<div class="card wide" part="playbook-offer" role="group" aria-labelledby="offer-title">
      <h3 id="offer-title">${msg('Ready playbook', { id: 'program-setup.offer-title' })}: <span lang=${this.language}>${template.name}</span></h3>
      <p lang=${this.language}>${template.description}</p>
      <p class="hint">
        ${msg('Fills in goals, the playbook, pairing rules, matching, format and the agreement. The name, dates and champions you entered stay.', { id: 'program-setup.offer-hint' })}
      </p>
      <div class="row">
        <button type="button" class="primary" @click=${this.applyPlaybook}>${msg('Start from this playbook', { id: 'program-setup.offer-apply' })}</button>
        <button type="button" @click=${() => (this.offer = undefined)}>${msg('No, thanks', { id: 'program-setup.offer-dismiss' })}</button>
      </div>
    </div>`;
  }

  private renderPlaybook(_m: ProgramModel): TemplateResult {
    return this.section(
      'playbook',
      msg('Playbook', { id: 'program-setup.section.playbook' }),
      html`${this.input('playbook.cadence.every', msg('Pairs meet every', { id: 'program-setup.cadence-every' }), { type: 'number', min: 1, max: 12 })}
      ${this.select('playbook.cadence.unit', msg('Unit', { id: 'program-setup.cadence-unit' }), [
        ['week', msg('weeks', { id: 'program-setup.weeks' })],
        ['month', msg('months', { id: 'program-setup.months' })],
      ])}
      ${this.input('playbook.sessionMinutes', msg('Session length (minutes)', { id: 'program-setup.session-minutes' }), { type: 'number', min: 15, max: 240 })}
      ${this.checkList('playbook.meetingModes', msg('How pairs meet', { id: 'program-setup.meeting-modes' }), (['in-person', 'video', 'phone'] as const).map((v) => [v, meetingModeLabel(v)] as const))}
      ${this.input('playbook.where', msg('Where to meet in person', { id: 'program-setup.where' }), { programText: true })}
      ${this.area('playbook.talkingPoints', msg('Talking points', { id: 'program-setup.talking-points' }), msg('One per line.', { id: 'program-setup.one-line' }))}
      ${this.area('playbook.sessionRequirements', msg('Every session must…', { id: 'program-setup.session-requirements' }), msg('One criterion per line.', { id: 'program-setup.one-criterion' }))}
      ${this.area('playbook.trainings', msg('Trainings', { id: 'program-setup.trainings' }), msg('One per line; a web address at the end of a line becomes its link.', { id: 'program-setup.trainings-hint' }))}`,
    );
  }

  private renderRules(): TemplateResult {
    return this.section(
      'rules',
      msg('Pairing rules', { id: 'program-setup.section.rules' }),
      html`${this.input('rules.minLevelGap', msg('Smallest level gap', { id: 'program-setup.min-gap' }), {
        type: 'number',
        min: 1,
        max: 19,
        hint: msg('The mentor is at least this many levels below the mentee.', { id: 'program-setup.min-gap-hint' }),
      })}
      ${this.input('rules.maxLevelGap', msg('Largest level gap', { id: 'program-setup.max-gap' }), {
        type: 'number',
        min: 1,
        max: 19,
        hint: msg('Keeps pairs within reach: no CEO with an intern.', { id: 'program-setup.max-gap-hint' }),
      })}
      ${this.input('rules.mentorMaxLevel', msg('Highest level of mentors (optional)', { id: 'program-setup.mentor-max' }), { type: 'number', min: 1, max: 20 })}
      ${this.input('rules.menteeMinLevel', msg('Lowest level of mentees (optional)', { id: 'program-setup.mentee-min' }), { type: 'number', min: 1, max: 20 })}
      ${this.select('rules.crossDepartment', msg('Pairs across departments', { id: 'program-setup.cross-department' }), [
        ['required', msg('Required', { id: 'program-setup.cross.required' })],
        ['preferred', msg('Preferred', { id: 'program-setup.cross.preferred' })],
        ['ignore', msg('Does not matter', { id: 'program-setup.cross.ignore' })],
      ])}
      ${this.check('rules.forbidSameReportingLine', msg('Never pair people in the same reporting line', { id: 'program-setup.forbid-line' }))}
      ${this.check('rules.requireSharedLanguage', msg('Pairs must share a language', { id: 'program-setup.shared-language' }))}`,
    );
  }

  private renderMatching(m: ProgramModel): TemplateResult {
    return this.section(
      'matching',
      msg('Matching', { id: 'program-setup.section.matching' }),
      html`${this.select('matching.mode', msg('Who makes the pairs', { id: 'program-setup.matching-mode' }), [
        ['admin', msg('Admins pair people', { id: 'program-setup.mode-admin' })],
        ['self', msg('Mentees request a mentor', { id: 'program-setup.mode-self' })],
        ['hybrid', msg('Both: requests first, admins complete', { id: 'program-setup.mode-hybrid' })],
      ])}
      ${m['matching.mode'] === 'admin'
        ? nothing
        : this.input('matching.requestExpiryDays', msg('A request lapses after (days)', { id: 'program-setup.expiry' }), { type: 'number', min: 1, max: 60 })}`,
    );
  }

  private renderFormat(m: ProgramModel): TemplateResult {
    return this.section(
      'format',
      msg('Format', { id: 'program-setup.section.format' }),
      html`${this.select('format.kind', msg('Format', { id: 'program-setup.format' }), [
        ['one-to-one', msg('One-to-one', { id: 'program-setup.format-one' })],
        ['group', msg('Groups', { id: 'program-setup.format-group' })],
      ])}
      ${m['format.kind'] === 'group'
        ? html`${this.input('format.mentorsPerGroup', msg('Mentors per group', { id: 'program-setup.mentors-per-group' }), { type: 'number', min: 1, max: 2 })}
          ${this.input('format.menteesPerGroup', msg('Mentees per group', { id: 'program-setup.mentees-per-group' }), { type: 'number', min: 1, max: 8 })}`
        : nothing}`,
    );
  }

  private renderChampions(m: ProgramModel, people: readonly Person[]): TemplateResult {
    const chosen = m.championIds as string[];
    const needle = this.peopleFilter.trim().toLowerCase();
    const others = people.filter((p) => !chosen.includes(p.id) && (!needle || `${p.name} ${p.title} ${p.department}`.toLowerCase().includes(needle)));
    const shown = [...people.filter((p) => chosen.includes(p.id)), ...others.slice(0, PEOPLE_SHOWN)];
    const more = others.length - Math.min(others.length, PEOPLE_SHOWN);
    return this.section(
      'champions',
      msg('Champions', { id: 'program-setup.section.champions' }),
      html`<p class="hint wide">${msg('Champions follow up with pairs and see progress in aggregate, never what pairs discuss.', { id: 'program-setup.champions-hint' })}</p>
        <div class="field">
          <label for="people-filter">${msg('Find people', { id: 'program-setup.people-filter' })}</label>
          <input id="people-filter" type="search" .value=${live(this.peopleFilter)} @input=${(e: Event) => ((this.peopleFilter = (e.target as HTMLInputElement).value), e.stopPropagation())} />
        </div>
        ${this.checkList(
          'championIds',
          msg('Champions of this program', { id: 'program-setup.champions' }),
          shown.map((p) => [p.id, p.name, `${p.title ? `${p.title}, ` : ''}${p.department}`] as const),
        )}
        ${more > 0 ? html`<p class="hint wide">${msg(str`${more} more people match; narrow the search to see them.`, { id: 'program-setup.more-people' })}</p>` : nothing}`,
    );
  }

  private renderAgreement(m: ProgramModel): TemplateResult {
    const clauses = m['agreementTemplate.clauses'] as Clause[];
    this.labels['agreementTemplate.clauses'] = msg('Extra clauses', { id: 'program-setup.clauses' });
    return this.section(
      'agreement',
      msg('Agreement template', { id: 'program-setup.section.agreement' }),
      html`${this.area('agreementTemplate.communicationStatement', msg('Open and honest communication', { id: 'program-setup.communication' }))}
        ${this.area('agreementTemplate.confidentialityStatement', msg('Confidentiality', { id: 'program-setup.confidentiality' }))}
        <div class="wide stack" part="clauses">
          <h3>${msg('Extra clauses', { id: 'program-setup.clauses' })}</h3>
          ${clauses.map(
            (_, i) => html`<fieldset class="clause">
              <legend>${msg(str`Clause ${i + 1}`, { id: 'program-setup.clause' })}</legend>
              ${this.input(`agreementTemplate.clauses.${i}.title`, msg(str`Title of clause ${i + 1}`, { id: 'program-setup.clause-title' }), { programText: true })}
              ${this.area(`agreementTemplate.clauses.${i}.text`, msg(str`Text of clause ${i + 1}`, { id: 'program-setup.clause-text' }))}
              <button type="button" class="danger" @click=${() => this.removeClause(i)}>${msg(str`Remove clause ${i + 1}`, { id: 'program-setup.clause-remove' })}</button>
            </fieldset>`,
          )}
          <div><button type="button" id="add-clause" @click=${this.addClause}>${msg('Add a clause', { id: 'program-setup.clause-add' })}</button></div>
        </div>`,
    );
  }

  private renderDates(): TemplateResult {
    return this.section(
      'dates',
      msg('Dates', { id: 'program-setup.section.dates' }),
      html`${this.input('kickoffDate', msg('Kickoff', { id: 'program-setup.kickoff' }), { type: 'date' })}
      ${this.input('endDate', msg('End', { id: 'program-setup.end' }), { type: 'date' })}`,
    );
  }

  private renderAdvanced(): TemplateResult {
    const open = weightFactors.some((f) => fieldError(this.error, `matching.weights.${f}`)) || !!fieldError(this.error, 'matching.objective');
    return html`<details part="section" class="section" ?open=${open}>
      <summary>${msg('Advanced: how matching scores pairs', { id: 'program-setup.section.advanced' })}</summary>
      <p class="hint">${msg('Points per factor, 0 to 1000. Leave a factor empty to keep its default.', { id: 'program-setup.weights-hint' })}</p>
      <div class="grid">
        ${this.select('matching.objective', msg('Aim', { id: 'program-setup.objective' }), [
          ['maxweight', msg('Best total fit', { id: 'program-setup.objective-weight' })],
          ['maxcard', msg('As many people matched as possible', { id: 'program-setup.objective-card' })],
        ])}
        ${weightFactors.map((f) => this.input(`matching.weights.${f}`, weightLabel(f), { type: 'number', min: 0, max: 1000 }))}
      </div>
    </details>`;
  }
}
