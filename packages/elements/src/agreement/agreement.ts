/**
 * `<upward-agreement>`: the agreement of one match. Everyone allowed to read it sees the version
 * in force or in draft, who has signed and who has not, and every earlier version (read-only,
 * with the fingerprint of the text that was signed). Members edit a draft, send it out, sign it
 * for themselves and amend the one in force (a new version, signed again). The SDK decides who
 * may do what; the buttons only mirror its permission table so nobody is offered a dead end.
 * What a member types into the draft is theirs until they save or discard it: when the partner
 * changes the draft meanwhile, the typing and the version it started from stay, the member is
 * told, and a save is refused as a conflict rather than silently merging the two.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Agreement, ChangeEvent, Upward } from '@upward/sdk';
import { CommandElement } from '../internal/command-element.ts';
import { baseStyles } from '../internal/styles.ts';
import { emit } from '../internal/events.ts';
import { fieldId, renderErrorSummary } from '../internal/errors.ts';
import { renderChangedElsewhere, renderLoadLatest } from '../internal/changed-elsewhere.ts';
import { formatDateTime } from '../internal/format.ts';
import { DataTask } from '../internal/task.ts';
import { renderField } from '../internal/fields.ts';
import { focusAfterRender } from '../internal/focus.ts';
import { linesOf } from '../internal/form-values.ts';
import { namesOf } from '../internal/people.ts';
import { renderAnnouncement } from '../internal/announce.ts';
import { agreementStatusLabel } from '../internal/labels.ts';
import { agreementStyles } from './agreement.styles.ts';

export type AgreementChange = 'edited' | 'sent' | 'returned-to-draft' | 'amended';

declare global {
  interface UpwardEventDetails {
    'upward-agreement-signed': { agreement: Agreement };
    'upward-agreement-changed': { agreement: Agreement; change: AgreementChange };
  }
}

interface AgreementData {
  versions: Agreement[];
  names: ReadonlyMap<string, string>;
  /** What the actor may do, from the SDK's permission table. */
  may: { edit: boolean; sign: boolean };
}

/** The texts of the edit form, keyed as the SDK's content (goals one per line). */
const TEXTS = ['goals', 'meetingTerms', 'communicationStatement', 'confidentialityStatement'] as const;
type TextKey = (typeof TEXTS)[number];
const CLAUSE = /^content\.clauses\.(\d+)\.(title|text)$/;

/** What a member is typing into a draft, and the version it started from (saves carry it). */
type Draft = Record<TextKey, string> & {
  base: Agreement;
  clauses: { title: string; text: string }[];
  /** The member changed something: a reload no longer replaces the draft. */
  dirty: boolean;
};

function draftFrom(v: Agreement): Draft {
  const c = v.content;
  return {
    base: v,
    goals: c.goals.join('\n'),
    meetingTerms: c.meetingTerms,
    communicationStatement: c.communicationStatement,
    confidentialityStatement: c.confidentialityStatement,
    clauses: c.clauses.map((clause) => ({ title: clause.title, text: clause.text })),
    dirty: false,
  };
}

async function load(upward: Upward, matchId: string): Promise<AgreementData> {
  const [match, versions] = await Promise.all([upward.matches.get(matchId), upward.agreements.list({ matchId })]);
  // Mirrors the SDK's permission table (agreements.edit and agreements.sign: members only), which
  // enforces it on every call. Importing the table itself would pull zod into every page that uses
  // this element (+5 KB gzip), so the rule is restated here, as a hint for which buttons to offer.
  const member = match.memberIds.includes(upward.actor.personId);
  return { versions, names: await namesOf(upward, match.memberIds), may: { edit: member, sign: member } };
}

/**
 * @summary Reads, edits, signs and amends the agreement of one mentoring match, with its history.
 *
 * @fires upward-agreement-signed - The reader signed a version. Detail: `{ agreement }` (its status is `in-force` once everyone signed).
 * @fires upward-agreement-changed - A draft was edited, sent for signatures, returned to draft, or an amendment started. Detail: `{ agreement, change }`.
 * @fires upward-error - A command failed; the message is shown in place. Detail: `{ error, operation }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart versions - The list of versions.
 * @csspart content - The text of the shown version.
 * @csspart signatures - Who has signed and who is pending.
 * @csspart form - The edit form.
 * @csspart actions - The buttons of the shown version.
 * @csspart status - The live region announcing successful commands.
 * @csspart error-summary - The error summary.
 * @csspart empty - The text shown when there is nothing to show yet (no match chosen, no agreement).
 * @csspart changed-elsewhere - The notice that the draft changed elsewhere while the member edits it.
 *
 * @cssproperty --upward-agreement-text-width - Longest line of the agreement text (default 70ch).
 */
export class UpwardAgreement extends CommandElement {
  static override styles = [baseStyles, agreementStyles];

  /** The match whose agreement is shown. */
  @property({ attribute: 'match-id', reflect: true })
  matchId = '';

  /** The version number on screen; 0 shows the newest. */
  @state() private shown = 0;
  /** The draft being edited, if any. */
  @state() private draft?: Draft;

  protected readonly data = new DataTask(this, {
    task: ([upward, matchId]) => (upward && matchId ? load(upward, matchId) : Promise.resolve(undefined)),
    args: () => [this.upward, this.matchId, this.revision] as const,
    onComplete: (data) => this.follow(data),
  });

  /**
   * A reload while editing: an untouched draft follows the newest text; one the member changed
   * stays as typed, on the version it started from (`renderEditForm` says it changed elsewhere).
   */
  private follow(data: AgreementData | undefined): void {
    const draft = this.draft;
    const latest = data?.versions.find((v) => v.id === draft?.base.id);
    if (!draft || draft.dirty || !latest || latest.status !== 'draft' || latest.version === draft.base.version) return;
    this.draft = draftFrom(latest);
  }

  protected override isRelevant(changes: readonly ChangeEvent[]): boolean {
    return changes.some((c) => c.entity === 'agreement' || c.entity === 'match');
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('matchId')) this.clientChanged();
  }

  /** The version shown, an open draft and any message belong to one person and one match. */
  protected override clientChanged(): void {
    this.shown = 0;
    this.draft = undefined;
    super.clientChanged();
  }

  protected override render(): TemplateResult {
    if (!this.upward) return this.renderNoClient();
    if (!this.matchId) return this.renderNoMatch();
    // The heading stays while loading or failing, so "Try again" is never without its context.
    return html`<section class="stack" part="base" aria-labelledby="title">
      <h2 id="title">${msg('Agreement', { id: 'agreement.title' })}</h2>
      ${this.renderLoaded(this.data, (data) => this.renderAgreement(data))}
    </section>`;
  }

  private renderAgreement(data: AgreementData): TemplateResult {
    const latest = data.versions[data.versions.length - 1];
    if (!latest) {
      return html`<p class="muted" part="empty">${msg('There is no agreement yet. It is drafted from the program’s template once both of you have accepted the match.', { id: 'agreement.none' })}</p>`;
    }
    const version = data.versions.find((v) => v.number === this.shown) ?? latest;
    const draft = this.draft?.base.id === version.id ? this.draft : undefined;
    return html`${renderAnnouncement(this.announcement)}
      ${data.versions.length > 1 ? this.renderVersions(data.versions, version) : nothing}
      <article class="card stack" aria-labelledby="version-title">
        <h3 id="version-title" tabindex="-1">
          ${msg(str`Version ${version.number}`, { id: 'agreement.version' })}
          <span class="badge status-${version.status}">${agreementStatusLabel(version.status)}</span>
        </h3>
        ${this.renderStatusNote(version, latest)}
        ${draft ? this.renderEditForm(draft, version) : this.renderContent(version)}
        ${version.status !== 'draft' ? this.renderSignatures(version, data) : nothing}
        ${version.contentHash && version.status !== 'draft'
          ? html`<p class="hash">
              ${msg('Fingerprint of the signed text (SHA-256):', { id: 'agreement.hash' })}
              <code>${version.contentHash}</code>
            </p>`
          : nothing}
        ${draft ? nothing : this.renderActions(version, latest, data)}
      </article>`;
  }

  private renderVersions(versions: readonly Agreement[], shown: Agreement): TemplateResult {
    return html`<nav aria-labelledby="versions-title">
      <h3 id="versions-title">${msg('Versions', { id: 'agreement.versions' })}</h3>
      <ol class="versions row" part="versions">
        ${[...versions].reverse().map(
          (v) => html`<li>
            <button type="button" aria-pressed=${v.number === shown.number ? 'true' : 'false'} @click=${() => this.show(v.number)}>
              ${msg(str`Version ${v.number}`, { id: 'agreement.version' })} · ${agreementStatusLabel(v.status)}
            </button>
          </li>`,
        )}
      </ol>
    </nav>`;
  }

  private async show(number: number): Promise<void> {
    this.shown = number;
    this.draft = undefined;
    this.failure = undefined;
    await focusAfterRender(this, '#version-title');
  }

  private renderStatusNote(version: Agreement, latest: Agreement): TemplateResult | typeof nothing {
    switch (version.status) {
      case 'superseded':
        return html`<p class="muted">${msg(str`This version was replaced by version ${latest.number}. It is kept as it was signed and can no longer change.`, { id: 'agreement.superseded-note' })}</p>`;
      case 'draft':
        return html`<p class="muted">${msg('A draft: you can still change it together. Send it for signatures when you both agree.', { id: 'agreement.draft-note' })}</p>`;
      case 'awaiting-signatures':
        return html`<p class="muted">${msg('This text is frozen while it waits for signatures. Every member signs for themselves.', { id: 'agreement.awaiting-note' })}</p>`;
      case 'in-force':
        return nothing;
    }
  }

  /** The text is in the agreement's language, which need not be the page's: each part says so, for screen readers. */
  private renderContent(v: Agreement): TemplateResult {
    const c = v.content;
    const lang = v.language;
    return html`<div class="content stack" part="content">
      <section>
        <h4>${msg('Our goals', { id: 'agreement.goals' })}</h4>
        ${c.goals.length ? html`<ul lang=${lang}>${c.goals.map((g) => html`<li>${g}</li>`)}</ul>` : html`<p class="muted">${msg('No goals yet.', { id: 'agreement.no-goals' })}</p>`}
      </section>
      <section>
        <h4>${msg('When and where we meet', { id: 'agreement.meeting-terms' })}</h4>
        <p class="text" lang=${lang}>${c.meetingTerms}</p>
      </section>
      <section>
        <h4>${msg('Open and honest communication', { id: 'agreement.communication' })}</h4>
        <p class="text" lang=${lang}>${c.communicationStatement}</p>
      </section>
      <section>
        <h4>${msg('Confidentiality', { id: 'agreement.confidentiality' })}</h4>
        <p class="text" lang=${lang}>${c.confidentialityStatement}</p>
      </section>
      ${c.clauses.map(
        (clause) => html`<section>
          <h4 lang=${lang}>${clause.title}</h4>
          <p class="text" lang=${lang}>${clause.text}</p>
        </section>`,
      )}
    </div>`;
  }

  private renderSignatures(v: Agreement, data: AgreementData): TemplateResult {
    return html`<section part="signatures">
      <h4>${msg('Signatures', { id: 'agreement.signatures' })}</h4>
      <ul class="signatures">
        ${v.signerIds.map((id) => {
          const signature = v.signatures.find((s) => s.personId === id);
          const name = data.names.get(id) ?? id;
          return html`<li>
            <strong>${name}</strong>:
            ${signature
              ? html`<span class="signed">${msg(str`signed on ${formatDateTime(signature.signedAt)}`, { id: 'agreement.signed-on' })}</span>`
              : html`<span class="pending">${v.status === 'superseded' ? msg('did not sign', { id: 'agreement.not-signed' }) : msg('not signed yet', { id: 'agreement.pending' })}</span>`}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderActions(v: Agreement, latest: Agreement, data: AgreementData): TemplateResult | typeof nothing {
    const me = this.upward?.actor.personId ?? '';
    const error = this.failure && this.failure.op !== 'edit' ? this.failure.error : undefined;
    const buttons: TemplateResult[] = [];
    if (v.status === 'draft' && data.may.edit) {
      buttons.push(html`<button type="button" @click=${() => this.startEditing(v)}>${msg('Edit the draft', { id: 'agreement.edit' })}</button>`);
      buttons.push(html`<button class="primary" type="button" ?disabled=${!!this.busy} @click=${() => this.send(v)}>${msg('Send for signatures', { id: 'agreement.send' })}</button>`);
    }
    if (v.status === 'awaiting-signatures') {
      if (data.may.sign && v.signerIds.includes(me) && !v.signatures.some((s) => s.personId === me)) {
        buttons.push(html`<button class="primary" type="button" ?disabled=${!!this.busy} @click=${() => this.sign(v)}>
          ${msg(str`Sign version ${v.number}`, { id: 'agreement.sign' })}
        </button>`);
      }
      if (data.may.edit) {
        buttons.push(html`<button type="button" ?disabled=${!!this.busy} @click=${() => this.returnToDraft(v)}>${msg('Back to draft', { id: 'agreement.return' })}</button>`);
      }
    }
    if (v.status === 'in-force' && v === latest && data.may.edit) {
      buttons.push(html`<button type="button" ?disabled=${!!this.busy} @click=${() => this.amend(v)}>${msg('Propose an amendment', { id: 'agreement.amend' })}</button>`);
    }
    if (!buttons.length && !error) return nothing;
    return html`${renderErrorSummary(error, {}, this.shadowRoot)}
      ${v.status === 'awaiting-signatures' && buttons.length && data.may.sign
        ? html`<p class="hint">${msg('By signing you agree to exactly the text above; your signature records its fingerprint.', { id: 'agreement.sign-hint' })}</p>`
        : nothing}
      <div class="row" part="actions">${buttons}</div>`;
  }

  private async startEditing(v: Agreement): Promise<void> {
    this.draft = draftFrom(v);
    this.failure = undefined;
    await focusAfterRender(this, `#${fieldId('content.goals')}`);
  }

  /** Keeps what the member types in the draft, so a reload never replaces it. */
  private onInput = (event: Event): void => {
    const t = event.target as HTMLInputElement | HTMLTextAreaElement;
    const draft = this.draft;
    if (!draft || !t.name) return;
    const clause = CLAUSE.exec(t.name);
    const key = t.name.replace(/^content\./, '') as TextKey;
    if (clause) {
      const index = Number(clause[1]);
      const clauses = draft.clauses.map((c, i) => (i === index ? { ...c, [clause[2]!]: t.value } : c));
      this.draft = { ...draft, clauses, dirty: true };
    } else if (TEXTS.includes(key)) {
      this.draft = { ...draft, [key]: t.value, dirty: true };
    }
  };

  /**
   * The edit form. `current` is the same agreement as loaded now: when it moved past the version
   * the draft started from, someone else changed it, and the member is told.
   */
  private renderEditForm(d: Draft, current: Agreement): TemplateResult {
    const error = this.errorFor('edit');
    const conflict = error?.code === 'conflict' || error?.code === 'precondition-failed';
    // Not while a command runs: the reload after the member's own save would look like someone else's change.
    const changedElsewhere = !this.busy && current.version !== d.base.version;
    const labels: Record<string, string> = {
      'content.goals': msg('Our goals', { id: 'agreement.goals' }),
      'content.meetingTerms': msg('When and where we meet', { id: 'agreement.meeting-terms' }),
      'content.communicationStatement': msg('Open and honest communication', { id: 'agreement.communication' }),
      'content.confidentialityStatement': msg('Confidentiality', { id: 'agreement.confidentiality' }),
      'content.clauses': msg('Further clauses', { id: 'agreement.clauses' }),
    };
    // Bound to the draft, not to what was loaded: a reload leaves the member's typing alone.
    const area = (path: string, label: string, value: string, hint?: string, rows = 3) =>
      renderField(path, label, error, (f) => html`<textarea id=${f.id} name=${path} lang=${d.base.language} rows=${rows} .value=${value} aria-invalid=${f.invalid} aria-describedby=${f.describedBy}></textarea>`, hint);
    const input = (path: string, label: string, value: string) =>
      renderField(path, label, error, (f) => html`<input id=${f.id} name=${path} lang=${d.base.language} .value=${value} aria-invalid=${f.invalid} aria-describedby=${f.describedBy} />`);
    const loadLatest = () => void this.loadLatest();
    return html`<form class="stack" part="form" novalidate @input=${this.onInput} @submit=${(e: SubmitEvent) => this.save(e, d)}>
      <div class="live" role="status" aria-live="polite">${changedElsewhere && !conflict
          ? renderChangedElsewhere(
              msg(
                'Someone else changed this draft while you were editing. Your edits are still here, but they were made on the earlier version, so saving them will be refused rather than undo that change. Note what you want to keep, then load the latest version and make your changes again.',
                { id: 'agreement.changed-elsewhere' },
              ),
              loadLatest,
            )
          : nothing}</div>
      ${conflict
        ? html`<div class="error-summary" part="error-summary" role="alert">
            <h3>
              ${msg('Someone else changed this draft while you were editing, so your edits were not saved.', { id: 'agreement.conflict' })}
            </h3>
            <p>
              ${msg('They are still in the form below. Note what you want to keep, then load the latest version and make your changes again.', {
                id: 'agreement.conflict-hint',
              })}
            </p>
            ${renderLoadLatest(loadLatest)}
          </div>`
        : renderErrorSummary(error, labels, this.shadowRoot)}
      ${area('content.goals', labels['content.goals']!, d.goals, msg('(one per line)', { id: 'session-log.one-per-line' }))}
      ${area('content.meetingTerms', labels['content.meetingTerms']!, d.meetingTerms)}
      ${area('content.communicationStatement', labels['content.communicationStatement']!, d.communicationStatement)}
      ${area('content.confidentialityStatement', labels['content.confidentialityStatement']!, d.confidentialityStatement)}
      <fieldset class="stack">
        <legend>${labels['content.clauses']}</legend>
        ${d.clauses.map(
          (clause, i) => html`<div class="stack clause">
            ${input(`content.clauses.${i}.title`, msg(str`Title of clause ${i + 1}`, { id: 'agreement.clause-title' }), clause.title)}
            ${area(`content.clauses.${i}.text`, msg(str`Text of clause ${i + 1}`, { id: 'agreement.clause-text' }), clause.text, undefined, 2)}
          </div>`,
        )}
        <div class="row">
          <button type="button" id="add-clause" @click=${() => this.addClause()}>${msg('Add a clause', { id: 'agreement.add-clause' })}</button>
          ${d.clauses.length
            ? html`<button type="button" id="remove-clause" @click=${() => this.removeClause()}>${msg('Remove the last clause', { id: 'agreement.remove-clause' })}</button>`
            : nothing}
        </div>
      </fieldset>
      <div class="row" part="actions">
        <button class="primary" type="submit" ?disabled=${this.busy === 'edit'}>
          ${this.busy === 'edit' ? msg('Saving…', { id: 'common.saving' }) : msg('Save the draft', { id: 'agreement.save' })}
        </button>
        <button type="button" @click=${() => this.stopEditing()}>${msg('Discard changes', { id: 'agreement.discard' })}</button>
      </div>
    </form>`;
  }

  private async addClause(): Promise<void> {
    if (!this.draft) return;
    const clauses = [...this.draft.clauses, { title: '', text: '' }];
    this.draft = { ...this.draft, clauses, dirty: true };
    await focusAfterRender(this, `#${fieldId(`content.clauses.${clauses.length - 1}.title`)}`);
  }

  /** Focus stays on "Remove the last clause" while there is one, else moves to "Add a clause". */
  private async removeClause(): Promise<void> {
    if (!this.draft?.clauses.length) return;
    const clauses = this.draft.clauses.slice(0, -1);
    this.draft = { ...this.draft, clauses, dirty: true };
    this.announcement = msg(str`Clause ${clauses.length + 1} removed.`, { id: 'agreement.clause-removed' });
    await focusAfterRender(this, clauses.length ? '#remove-clause' : '#add-clause');
  }

  private async stopEditing(): Promise<void> {
    this.draft = undefined;
    this.failure = undefined;
    await focusAfterRender(this, '#version-title');
  }

  /** Drops the member's edits and starts again from the draft as it is now (or shows it, if sent meanwhile). */
  private async loadLatest(): Promise<void> {
    const latest = this.data.value?.versions.find((v) => v.id === this.draft?.base.id);
    this.failure = undefined;
    if (latest?.status === 'draft') {
      this.draft = draftFrom(latest);
      await focusAfterRender(this, `#${fieldId('content.goals')}`);
    } else {
      this.draft = undefined;
      await focusAfterRender(this, '#version-title');
    }
  }

  private save = async (event: SubmitEvent, d: Draft): Promise<void> => {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(f.get(name) ?? '');
    const content = {
      goals: linesOf(f.get('content.goals')),
      meetingTerms: text('content.meetingTerms'),
      communicationStatement: text('content.communicationStatement'),
      confidentialityStatement: text('content.confidentialityStatement'),
      clauses: d.clauses.map((_, i) => ({ title: text(`content.clauses.${i}.title`), text: text(`content.clauses.${i}.text`) })),
    };
    const upward = this.upward!;
    await this.run(
      'edit',
      // The version the member started from: if the draft changed meanwhile, the SDK refuses.
      () => upward.agreements.update({ agreementId: d.base.id, expectedVersion: d.base.version, content }),
      async (agreement) => {
        this.draft = undefined;
        emit(this, 'upward-agreement-changed', { agreement, change: 'edited' });
        await focusAfterRender(this, '#version-title');
        return msg('Draft saved.', { id: 'agreement.saved' });
      },
    );
  };

  private async send(v: Agreement): Promise<void> {
    const upward = this.upward!;
    await this.run(
      'send',
      () => upward.agreements.send({ agreementId: v.id, expectedVersion: v.version }),
      async (agreement) => {
        emit(this, 'upward-agreement-changed', { agreement, change: 'sent' });
        // The buttons change with the state: the version's heading is where the reader continues.
        await focusAfterRender(this, '#version-title');
        return msg('Sent for signatures. The text can no longer change.', { id: 'agreement.sent' });
      },
    );
  }

  private async returnToDraft(v: Agreement): Promise<void> {
    const upward = this.upward!;
    await this.run(
      'return',
      () => upward.agreements.returnToDraft({ agreementId: v.id, expectedVersion: v.version }),
      async (agreement) => {
        emit(this, 'upward-agreement-changed', { agreement, change: 'returned-to-draft' });
        // The buttons change with the state: the version's heading is where the reader continues.
        await focusAfterRender(this, '#version-title');
        return msg('Back to draft. Signatures collected so far were removed.', { id: 'agreement.returned' });
      },
    );
  }

  private async sign(v: Agreement): Promise<void> {
    const upward = this.upward!;
    await this.run(
      'sign',
      () => upward.agreements.sign({ agreementId: v.id, contentHash: v.contentHash ?? '' }),
      async (agreement) => {
        emit(this, 'upward-agreement-signed', { agreement });
        await focusAfterRender(this, '#version-title');
        return agreement.status === 'in-force'
          ? msg('Signed. Everyone has signed: the agreement is in force.', { id: 'agreement.signed-all' })
          : msg('Signed. Waiting for the other signatures.', { id: 'agreement.signed' });
      },
    );
  }

  private async amend(v: Agreement): Promise<void> {
    const upward = this.upward!;
    await this.run(
      'amend',
      () => upward.agreements.amend({ agreementId: v.id, expectedVersion: v.version }),
      async (agreement) => {
        this.shown = agreement.number;
        emit(this, 'upward-agreement-changed', { agreement, change: 'amended' });
        await focusAfterRender(this, '#version-title');
        return msg(str`Version ${agreement.number} started as a draft. The current version stays in force until everyone signs the new one.`, { id: 'agreement.amended' });
      },
    );
  }
}
