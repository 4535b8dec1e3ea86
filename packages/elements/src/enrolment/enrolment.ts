/**
 * `<upward-enrolment>`: an employee joins a program as mentor or mentee, and afterwards sees
 * their own enrolment with what happens next, edits it while that is allowed, or withdraws.
 * Always the participant's own view: it reads `enrolments.mine()`, never someone else's.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { canTransition, type ChangeEvent, type Enrolment, type Program } from '@upward/sdk';
import { UpwardElement } from '../internal/upward-element.ts';
import { baseStyles } from '../internal/styles.ts';
import { dialogStyles } from '../internal/dialog.styles.ts';
import { emit } from '../internal/events.ts';
import { formatDate, formatDateTime, formatList } from '../internal/format.ts';
import { describeError, fieldError, fieldId, renderErrorSummary, type DescribedError } from '../internal/errors.ts';
import { sayViolation } from '../internal/rule-words.ts';
import { sayBrokenRulesWith } from '../internal/validation-messages.ts';
import { fieldState, renderFieldError, unwrapChanges } from '../internal/fields.ts';
import { focusAfterRender } from '../internal/focus.ts';
import { DataTask } from '../internal/task.ts';
import { editableFields, emptyForm, enrolInput, formFrom, toTime, type EnrolmentForm } from './enrolment-form.ts';
import { nextSteps, proficiencyLabel, roleLabel, statusLabel } from './enrolment-text.ts';
import { styles } from './enrolment.styles.ts';

// A person's level can break the program's limits, said in the reader's language.
sayBrokenRulesWith(sayViolation);

declare global {
  interface UpwardEventDetails {
    /** The person enrolled (or enrolled again after withdrawing). */
    'upward-enrolled': { enrolment: Enrolment };
    /** The person changed their enrolment. */
    'upward-enrolment-updated': { enrolment: Enrolment };
    /** The person withdrew from the program. */
    'upward-enrolment-withdrawn': { enrolment: Enrolment };
  }
}

interface Loaded {
  program: Program;
  enrolment?: Enrolment;
}

/** Weekdays Monday first; `day` is the SDK's (0 = Sunday). */
const week = [1, 2, 3, 4, 5, 6, 0];
/** 2024-01-07 was a Sunday: day d is 2024-01-(7 + d), named by `Intl` in the active locale. */
const dayName = (day: number): string => formatDate(`2024-01-${String(7 + day).padStart(2, '0')}`, { weekday: 'long' });

/**
 * @summary Join a reverse-mentoring program as mentor or mentee, then follow, edit or withdraw the enrolment.
 *
 * @fires upward-enrolled - After the SDK stored the enrolment; detail `{ enrolment }`.
 * @fires upward-enrolment-updated - After the SDK saved changes; detail `{ enrolment }`.
 * @fires upward-enrolment-withdrawn - After the person withdrew; detail `{ enrolment }`.
 * @fires upward-error - A command failed (the element shows the message); detail `{ error, operation }`.
 *
 * @csspart base - The whole element.
 * @csspart empty - Why there is nothing to fill in (program closed or not open).
 * @csspart status - The "what happens next" panel.
 * @csspart summary - The enrolment as stored.
 * @csspart form - The enrolment form.
 * @csspart terms - The program's agreement statements shown before consent.
 * @csspart actions - Rows of buttons.
 * @csspart error-summary - The list of problems after a failed save.
 * @csspart dialog - The confirmation before withdrawing.
 *
 * @cssproperty --upward-enrolment-status-color - Accent of the "what happens next" panel (default: the accent colour).
 */
export class UpwardEnrolment extends UpwardElement {
  static override styles = [baseStyles, dialogStyles, styles];

  /** The program to join. */
  @property({ attribute: 'program-id' })
  programId?: string;

  /** The form while enrolling or editing; undefined while showing the stored enrolment. */
  @state() private form?: EnrolmentForm;
  @state() private busy = false;
  @state() private error?: DescribedError;
  @state() private announcement = '';
  private labels: Record<string, string> = {};

  private data = new DataTask(this, {
    task: async ([upward, id]): Promise<Loaded | undefined> => {
      if (!upward || !id) return undefined;
      const [program, mine] = await Promise.all([upward.programs.get(id), upward.enrolments.mine()]);
      return { program, enrolment: mine.find((e) => e.programId === id) };
    },
    args: () => [this.upward, this.programId, this.revision] as const,
    // Someone not yet enrolled goes straight to the form while the program takes people.
    onComplete: (loaded) => {
      if (loaded && !loaded.enrolment && !this.form && loaded.program.phase !== 'closed') this.form = emptyForm();
    },
  });

  protected override isRelevant(changes: readonly ChangeEvent[]): boolean {
    return changes.some((c) => c.entity === 'enrolment' || (c.entity === 'program' && c.id === this.programId));
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('programId')) this.clientChanged();
  }

  /** A form being filled in, errors and messages belong to one person and one program. */
  protected override clientChanged(): void {
    this.form = undefined;
    this.error = undefined;
    this.announcement = '';
  }


  // ── input ──────────────────────────────────────────────────────────────

  private onInput = (event: Event): void => {
    const t = event.target as HTMLInputElement;
    if (!this.form || !t.name) return;
    const form = { ...this.form };
    const row = /^(skills|slots)\.(\d+)\.(\w+)$/.exec(t.name);
    if (row) {
      const list = row[1] as 'skills' | 'slots';
      const rows = [...form[list]] as unknown as Record<string, string>[];
      rows[Number(row[2])] = { ...rows[Number(row[2])], [row[3]!]: t.value };
      (form as unknown as Record<string, unknown>)[list] = rows;
    } else if (t.name === 'consent') {
      form.consent = t.checked;
    } else {
      (form as unknown as Record<string, string>)[t.name] = t.value;
    }
    this.form = form;
  };

  private addRow(list: 'skills' | 'slots'): void {
    const form = this.form!;
    const rows = list === 'skills' ? [...form.skills, { skill: '', proficiency: '3' }] : [...form.slots, { day: '1', start: '09:00', end: '10:00' }];
    this.form = { ...form, [list]: rows };
    void focusAfterRender(this, `#${fieldId(`${list === 'skills' ? 'skills' : 'availability'}.${rows.length - 1}.${list === 'skills' ? 'skill' : 'day'}`)}`);
  }

  private removeRow(list: 'skills' | 'slots', index: number): void {
    const form = this.form!;
    this.form = { ...form, [list]: (form[list] as unknown[]).filter((_, i) => i !== index) };
    void focusAfterRender(this, `#add-${list}`);
  }

  private startForm(enrolment?: Enrolment): void {
    this.form = enrolment ? formFrom(enrolment) : emptyForm();
    this.error = undefined;
    this.announcement = '';
    void focusAfterRender(this, enrolment?.status === 'withdrawn' || !enrolment ? 'form h3' : `#${fieldId('skills.0.skill')}`);
  }

  private cancelForm(): void {
    this.form = undefined;
    this.error = undefined;
    void focusAfterRender(this, '#status-title');
  }

  // ── commands ───────────────────────────────────────────────────────────

  private async run(operation: string, command: () => Promise<Enrolment>, done: (e: Enrolment) => void): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = undefined;
    this.announcement = '';
    try {
      const enrolment = await command();
      this.form = undefined;
      await this.data.run();
      done(enrolment);
      void focusAfterRender(this, '#status-title');
    } catch (error) {
      const d = describeError(error);
      this.error = unwrapChanges(d);
      this.reportError(operation, error);
      if (d.code === 'conflict' || d.code === 'precondition-failed') {
        // Changed elsewhere (another tab, an admin's decision): show the enrolment as it is now.
        this.form = undefined;
        await this.data.run();
      }
      void focusAfterRender(this, '.error-summary');
    } finally {
      this.busy = false;
    }
  }

  private submit(event: SubmitEvent, loaded: Loaded): void {
    event.preventDefault();
    const upward = this.upward;
    const form = this.form;
    if (!upward || !form) return;
    const current = loaded.enrolment;
    if (current && current.status !== 'withdrawn') {
      void this.run(
        'enrolments.update',
        () => upward.enrolments.update({ id: current.id, expectedVersion: current.version, changes: editableFields({ ...form, role: current.role }) }),
        (enrolment) => {
          this.announcement = msg('Your enrolment was updated.', { id: 'enrolment.updated' });
          emit(this, 'upward-enrolment-updated', { enrolment });
        },
      );
    } else {
      void this.run(
        'enrolments.enrol',
        () => upward.enrolments.enrol(enrolInput(form, loaded.program.id, upward.actor.personId)),
        (enrolment) => {
          this.announcement = msg(str`You are enrolled in “${loaded.program.name}”.`, { id: 'enrolment.enrolled' });
          emit(this, 'upward-enrolled', { enrolment });
        },
      );
    }
  }

  private withdraw(current: Enrolment): void {
    const upward = this.upward;
    this.renderRoot.querySelector('dialog')?.close();
    if (!upward) return;
    void this.run(
      'enrolments.withdraw',
      () => upward.enrolments.withdraw({ id: current.id, expectedVersion: current.version }),
      (enrolment) => {
        this.announcement = msg('You have withdrawn from the program.', { id: 'enrolment.withdrawn' });
        emit(this, 'upward-enrolment-withdrawn', { enrolment });
      },
    );
  }

  // ── rendering ──────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    if (!this.upward) return this.renderNoClient();
    const loaded = this.data.value;
    if (!loaded) {
      const error = this.data.error;
      if (error === undefined) return this.renderLoading();
      if (describeError(error).code === 'not-found') {
        return html`<p part="empty" class="muted">${msg('This program is not open to participants.', { id: 'enrolment.not-available' })}</p>`;
      }
      return this.renderLoadError(error, () => void this.data.run());
    }
    const { program, enrolment } = loaded;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${msg(str`Take part in “${program.name}”`, { id: 'enrolment.title' })}</h2>
      ${this.renderRefreshFailure(this.data)}
      ${this.form
        ? this.renderForm(loaded, this.form)
        : enrolment
          ? this.renderStatus(program, enrolment)
          : program.phase === 'closed'
            ? html`<p part="empty">${msg('This program has closed and no longer takes enrolments.', { id: 'enrolment.closed' })}</p>`
            : this.renderLoading()}
      <p class="status" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private renderStatus(program: Program, e: Enrolment): TemplateResult {
    const open = program.phase !== 'closed';
    const canEdit = open && (e.status === 'applied' || e.status === 'approved' || e.status === 'waitlisted');
    const canWithdraw = open && canTransition('enrolment', e.status, 'withdrawn');
    const canReapply = open && e.status === 'withdrawn';
    return html`${renderErrorSummary(this.error, this.labels, this.shadowRoot)}
      <div class="card next" part="status">
        <h3 id="status-title" tabindex="-1">
          ${msg('What happens next', { id: 'enrolment.next-title' })}
          <span class="badge">${statusLabel(e.status)}</span>
        </h3>
        ${nextSteps(program, e).map((line) => html`<p>${line}</p>`)}
        ${e.decisionNote ? html`<p><strong>${msg('Note from the program team:', { id: 'enrolment.decision-note' })}</strong> ${e.decisionNote}</p>` : nothing}
      </div>
      ${this.renderSummary(e)}
      <div class="row" part="actions">
        ${canEdit ? html`<button type="button" @click=${() => this.startForm(e)}>${msg('Edit my enrolment', { id: 'enrolment.edit' })}</button>` : nothing}
        ${canReapply ? html`<button type="button" class="primary" @click=${() => this.startForm(e)}>${msg('Enrol again', { id: 'enrolment.reapply' })}</button>` : nothing}
        ${canWithdraw
          ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.renderRoot.querySelector('dialog')?.showModal()}>
              ${msg('Withdraw…', { id: 'enrolment.withdraw' })}
            </button>`
          : nothing}
      </div>
      ${canWithdraw
        ? html`<dialog part="dialog" aria-labelledby="withdraw-title" aria-describedby="withdraw-body">
            <h3 id="withdraw-title">${msg(str`Withdraw from “${program.name}”?`, { id: 'enrolment.withdraw-title' })}</h3>
            <p id="withdraw-body">
              ${msg('You leave the program and will not be matched. You can enrol again while the program takes enrolments.', { id: 'enrolment.withdraw-body' })}
            </p>
            <div class="row">
              <button type="button" class="danger" @click=${() => this.withdraw(e)}>${msg('Withdraw', { id: 'enrolment.withdraw-confirm' })}</button>
              <button type="button" autofocus @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${msg('Stay enrolled', { id: 'enrolment.withdraw-cancel' })}</button>
            </div>
          </dialog>`
        : nothing}`;
  }

  private renderSummary(e: Enrolment): TemplateResult {
    const none = msg('None given', { id: 'enrolment.none' });
    return html`<dl part="summary" class="terms">
      <dt>${msg('Role', { id: 'enrolment.role' })}</dt>
      <dd>${roleLabel(e.role)}</dd>
      <dt>${e.role === 'mentor' ? msg('Skills you offer', { id: 'enrolment.skills-mentor' }) : msg('Skills you want to learn', { id: 'enrolment.skills-mentee' })}</dt>
      <dd>${formatList(e.skills.map((s) => `${s.skill} (${proficiencyLabel(s.proficiency)})`))}</dd>
      <dt>${msg('Goals', { id: 'enrolment.goals' })}</dt>
      <dd>${e.goals.length ? formatList(e.goals) : none}</dd>
      <dt>${msg('When you are free', { id: 'enrolment.availability' })}</dt>
      <dd>${e.availability.length ? formatList(e.availability.map((s) => `${dayName(s.day)} ${toTime(s.startMinute)}–${toTime(s.endMinute)}`)) : none}</dd>
      ${e.role === 'mentor'
        ? html`<dt>${msg('Mentees you can take on', { id: 'enrolment.capacity' })}</dt>
            <dd>${e.capacity}</dd>`
        : nothing}
      <dt>${msg('Agreed to the program terms', { id: 'enrolment.consented' })}</dt>
      <dd>${formatDateTime(e.consentedAt)}</dd>
    </dl>`;
  }

  /** ARIA and id of the control at the SDK path `path` (remembering its label for the error summary). */
  private control(path: string, label: string, hinted = false) {
    this.labels[path] = label;
    return fieldState(this.error, path, hinted);
  }

  private renderForm(loaded: Loaded, f: EnrolmentForm): TemplateResult {
    const editing = !!loaded.enrolment && loaded.enrolment.status !== 'withdrawn';
    const terms = loaded.program.agreementTemplate;
    // The terms are the program's words, in its language, which need not be the page's.
    const lang = loaded.program.language;
    return html`<form part="form" class="stack" novalidate @input=${this.onInput} @submit=${(e: SubmitEvent) => this.submit(e, loaded)}>
      <h3>${editing ? msg('Edit your enrolment', { id: 'enrolment.form-edit' }) : msg('Your enrolment', { id: 'enrolment.form-new' })}</h3>
      ${editing ? nothing : html`<p>${msg('Join as a mentor or a mentee. It takes a few minutes, and you can change your answers later.', { id: 'enrolment.intro' })}</p>`}
      ${renderErrorSummary(this.error, this.labels, this.shadowRoot)} ${editing ? html`<p>${msg(str`Role: ${roleLabel(f.role)}`, { id: 'enrolment.role-fixed' })}</p>` : this.renderRole(f)}
      ${this.renderSkills(f)}
      ${this.textarea('goals', msg('Your goals', { id: 'enrolment.goals-label' }), f.goals, msg('One goal per line, in your own words.', { id: 'enrolment.goals-hint' }))}
      ${this.renderSlots(f)}
      ${f.role === 'mentor' ? this.renderCapacity(f) : nothing}
      ${this.textarea('motivation', msg('Why you want to take part (optional)', { id: 'enrolment.motivation' }), f.motivation)}
      ${editing
        ? nothing
        : html`<section part="terms" class="card" aria-labelledby="terms-title">
              <h4 id="terms-title">${msg('The program’s terms', { id: 'enrolment.terms' })}</h4>
              <p><strong>${msg('Open and honest communication:', { id: 'enrolment.terms-communication' })}</strong> <span lang=${lang}>${terms.communicationStatement}</span></p>
              <p><strong>${msg('Confidentiality:', { id: 'enrolment.terms-confidentiality' })}</strong> <span lang=${lang}>${terms.confidentialityStatement}</span></p>
              ${terms.clauses.map((c) => html`<p lang=${lang}><strong>${c.title}:</strong> ${c.text}</p>`)}
            </section>
            ${this.renderConsent(f)}`}
      <div class="row" part="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? msg('Saving…', { id: 'common.saving' }) : editing ? msg('Save changes', { id: 'enrolment.save' }) : msg('Enrol', { id: 'enrolment.submit' })}
        </button>
        ${loaded.enrolment ? html`<button type="button" @click=${this.cancelForm}>${msg('Cancel', { id: 'enrolment.cancel' })}</button>` : nothing}
      </div>
    </form>`;
  }

  private renderRole(f: EnrolmentForm): TemplateResult {
    const c = this.control('role', msg('I take part as', { id: 'enrolment.role-legend' }));
    const option = (role: 'mentor' | 'mentee', description: string) =>
      html`<div class="choice">
        <input type="radio" id=${role === 'mentor' ? c.id : `${c.id}-mentee`} name="role" value=${role} .checked=${live(f.role === role)} aria-describedby="role-${role}-hint" />
        <label for=${role === 'mentor' ? c.id : `${c.id}-mentee`}>${roleLabel(role)}</label>
        <span class="hint" id="role-${role}-hint">${description}</span>
      </div>`;
    return html`<fieldset aria-describedby=${c.describedBy}>
      <legend>${msg('I take part as', { id: 'enrolment.role-legend' })}</legend>
      ${option(
        'mentor',
        msg('You teach: you share the tools, habits and view from your part of the company with a more senior colleague. In reverse mentoring, mentors are the earlier-career colleagues.', {
          id: 'enrolment.role-mentor-hint',
        }),
      )}
      ${option(
        'mentee',
        msg('You learn: a colleague earlier in their career helps you see what they see, and you share your experience in return. Mentees are usually senior staff and leaders.', {
          id: 'enrolment.role-mentee-hint',
        }),
      )}
      ${renderFieldError(c)}
    </fieldset>`;
  }

  private renderSkills(f: EnrolmentForm): TemplateResult {
    const legend = f.role === 'mentee' ? msg('Skills you want to learn', { id: 'enrolment.skills-mentee' }) : msg('Skills you offer', { id: 'enrolment.skills-mentor' });
    const group = this.control('skills', legend);
    const groupMessage = group.message && !f.skills.some((_, i) => fieldError(this.error, `skills.${i}`)) ? group.message : undefined;
    return html`<fieldset aria-describedby=${groupMessage ? group.describedBy : nothing}>
      <legend>${legend}</legend>
      ${f.skills.map((s, i) => {
        const skill = this.control(`skills.${i}.skill`, msg(str`Skill ${i + 1}`, { id: 'enrolment.skill' }));
        const level = this.control(`skills.${i}.proficiency`, msg(str`Level of skill ${i + 1}`, { id: 'enrolment.skill-level' }));
        return html`<div class="row-fields">
          <div class="field">
            <label for=${skill.id}>${msg(str`Skill ${i + 1}`, { id: 'enrolment.skill' })}</label>
            <input id=${skill.id} name="skills.${i}.skill" .value=${live(s.skill)} aria-invalid=${skill.invalid} aria-describedby=${skill.describedBy} />
            ${renderFieldError(skill)}
          </div>
          <div class="field">
            <label for=${level.id}>${f.role === 'mentee' ? msg('Your level today', { id: 'enrolment.level-mentee' }) : msg('How well you know it', { id: 'enrolment.level-mentor' })}</label>
            <select id=${level.id} name="skills.${i}.proficiency" aria-invalid=${level.invalid} aria-describedby=${level.describedBy}>
              ${[1, 2, 3, 4, 5].map((p) => html`<option value=${p} ?selected=${String(p) === s.proficiency}>${proficiencyLabel(p)}</option>`)}
            </select>
            ${renderFieldError(level)}
          </div>
          ${f.skills.length > 1
            ? html`<button type="button" class="remove" @click=${() => this.removeRow('skills', i)}>${msg(str`Remove skill ${i + 1}`, { id: 'enrolment.skill-remove' })}</button>`
            : nothing}
        </div>`;
      })}
      ${renderFieldError({ id: group.id, message: groupMessage })}
      <div><button type="button" id="add-skills" @click=${() => this.addRow('skills')}>${msg('Add a skill', { id: 'enrolment.skill-add' })}</button></div>
    </fieldset>`;
  }

  private renderSlots(f: EnrolmentForm): TemplateResult {
    const group = this.control('availability', msg('When you are free', { id: 'enrolment.availability' }));
    return html`<fieldset aria-describedby="slots-hint">
      <legend>${msg('When you are free', { id: 'enrolment.availability' })}</legend>
      <p class="hint" id="slots-hint">${msg('Weekly times that usually suit you, in your own time zone. Add as many as you like.', { id: 'enrolment.slots-hint' })}</p>
      ${f.slots.length ? nothing : html`<p class="muted">${msg('No times yet.', { id: 'enrolment.slots-empty' })}</p>`}
      ${f.slots.map((s, i) => {
        const day = this.control(`availability.${i}.day`, msg(str`Day of time ${i + 1}`, { id: 'enrolment.slot-day' }));
        const start = this.control(`availability.${i}.startMinute`, msg(str`Start of time ${i + 1}`, { id: 'enrolment.slot-start' }));
        const end = this.control(`availability.${i}.endMinute`, msg(str`End of time ${i + 1}`, { id: 'enrolment.slot-end' }));
        return html`<div class="row-fields" role="group" aria-label=${msg(str`Time ${i + 1}`, { id: 'enrolment.slot' })}>
          <div class="field">
            <label for=${day.id}>${msg('Day', { id: 'enrolment.day' })}</label>
            <select id=${day.id} name="slots.${i}.day" aria-invalid=${day.invalid} aria-describedby=${day.describedBy}>
              ${week.map((d) => html`<option value=${d} ?selected=${String(d) === s.day}>${dayName(d)}</option>`)}
            </select>
            ${renderFieldError(day)}
          </div>
          <div class="field">
            <label for=${start.id}>${msg('From', { id: 'enrolment.from' })}</label>
            <input id=${start.id} type="time" name="slots.${i}.start" .value=${live(s.start)} aria-invalid=${start.invalid} aria-describedby=${start.describedBy} />
            ${renderFieldError(start)}
          </div>
          <div class="field">
            <label for=${end.id}>${msg('Until', { id: 'enrolment.until' })}</label>
            <input id=${end.id} type="time" name="slots.${i}.end" .value=${live(s.end)} aria-invalid=${end.invalid} aria-describedby=${end.describedBy} />
            ${renderFieldError(end)}
          </div>
          <button type="button" class="remove" @click=${() => this.removeRow('slots', i)}>${msg(str`Remove time ${i + 1}`, { id: 'enrolment.slot-remove' })}</button>
        </div>`;
      })}
      ${renderFieldError({ id: group.id, message: group.message && !f.slots.some((_, i) => fieldError(this.error, `availability.${i}`)) ? group.message : undefined })}
      <div><button type="button" id="add-slots" @click=${() => this.addRow('slots')}>${msg('Add a time', { id: 'enrolment.slot-add' })}</button></div>
    </fieldset>`;
  }

  private renderCapacity(f: EnrolmentForm): TemplateResult {
    const c = this.control('capacity', msg('Mentees you can take on', { id: 'enrolment.capacity' }));
    return html`<div class="field">
      <label for=${c.id}>${msg('Mentees you can take on', { id: 'enrolment.capacity' })}</label>
      <input id=${c.id} name="capacity" type="number" min="1" max="5" .value=${live(f.capacity)} aria-invalid=${c.invalid} aria-describedby=${c.describedBy} />
      ${renderFieldError(c)}
    </div>`;
  }

  private textarea(path: string, label: string, value: string, hint?: string): TemplateResult {
    const c = this.control(path, label, !!hint);
    return html`<div class="field">
      <label for=${c.id}>${label}</label>
      ${hint ? html`<span class="hint" id="${c.id}-hint">${hint}</span>` : nothing}
      <textarea id=${c.id} name=${path} .value=${live(value)} aria-invalid=${c.invalid} aria-describedby=${c.describedBy}></textarea>
      ${renderFieldError(c)}
    </div>`;
  }

  private renderConsent(f: EnrolmentForm): TemplateResult {
    const c = this.control('consent', msg('Agreement to the terms', { id: 'enrolment.consent-short' }));
    return html`<div class="check">
      <input type="checkbox" id=${c.id} name="consent" .checked=${live(f.consent)} aria-invalid=${c.invalid} aria-describedby=${c.describedBy} />
      <label for=${c.id}>${msg('I agree to the program’s terms above.', { id: 'enrolment.consent' })}</label>
      ${renderFieldError(c)}
    </div>`;
  }
}
