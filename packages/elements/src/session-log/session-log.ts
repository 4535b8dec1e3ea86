/**
 * `<upward-session-log>`: the sessions of one match. Members plan meetings, see the agenda (with
 * action items carried over from earlier sessions), log what happened, keep a private note only
 * they can read, tick off action items and browse the history. Admins and champions get the
 * schedule-only view the SDK hands them: when and how the pair met, never what was said.
 *
 * This element must stay small (a page with only it is budgeted at 25 KB gzip with the SDK), so
 * it imports nothing beyond lit, the shared internals and its own modules.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { ActionItem, ChangeEvent, MatchStatus, SessionView, Upward } from '@upward/sdk';
import { CommandElement } from '../internal/command-element.ts';
import { baseStyles } from '../internal/styles.ts';
import { actionItemStyles } from '../internal/action-item.styles.ts';
import { emit } from '../internal/events.ts';
import { errorMessage, fieldId, renderErrorSummary, type DescribedError } from '../internal/errors.ts';
import { formatDate, formatDateTime, formatNumber, localToday } from '../internal/format.ts';
import { safeHref } from '../internal/safe-url.ts';
import { DataTask } from '../internal/task.ts';
import { renderField } from '../internal/fields.ts';
import { focusAfterRender } from '../internal/focus.ts';
import { linesOf, optionalText } from '../internal/form-values.ts';
import { meetingModeLabel as modeLabel } from '../internal/labels.ts';
import { namesOf } from '../internal/people.ts';
import { renderAnnouncement } from '../internal/announce.ts';
import { lockIcon, sessionStatusLabel } from './session-text.ts';
import { sessionLogStyles } from './session-log.styles.ts';

declare global {
  interface UpwardEventDetails {
    'upward-session-planned': { session: SessionView };
    'upward-session-logged': { session: SessionView };
    'upward-session-cancelled': { session: SessionView };
    /** Carries no text on purpose: a private note never leaves the element. */
    'upward-private-note-saved': { sessionId: string };
    'upward-action-item-added': { actionItem: ActionItem };
    'upward-action-item-done': { actionItem: ActionItem };
  }
}

interface LogData {
  isMember: boolean;
  /** The match's status: sessions can be planned only while the pair meets (accepted, trial, active). */
  status: MatchStatus;
  memberIds: readonly string[];
  names: ReadonlyMap<string, string>;
  sessions: SessionView[];
  /** Empty for readers who are not members (the SDK refuses them anyway). */
  items: ActionItem[];
  /** The actor's own private note per session id. */
  notes: ReadonlyMap<string, { version: number; text: string } | null>;
}

type Full = Extract<SessionView, { visibility: 'full' }>;

const RELEVANT = new Set(['session', 'action item', 'private note', 'match']);
/**
 * The statuses in which the SDK lets members plan and log sessions and add action items (see
 * `sessions.plan`, `sessions.log`, `actionItems.add`).
 */
const MEETING: ReadonlySet<MatchStatus> = new Set(['accepted', 'trial', 'active']);

async function load(upward: Upward, matchId: string): Promise<LogData> {
  const [match, sessions] = await Promise.all([upward.matches.get(matchId), upward.sessions.list({ matchId })]);
  const isMember = match.memberIds.includes(upward.actor.personId);
  const state = { isMember, status: match.status, memberIds: match.memberIds };
  if (!isMember) return { ...state, names: new Map(), sessions, items: [], notes: new Map() };
  const [names, items, notes] = await Promise.all([
    namesOf(upward, match.memberIds),
    upward.actionItems.list({ matchId }),
    Promise.all(sessions.map(async (s) => [s.id, await upward.sessions.readPrivateNote(s.id)] as const)),
  ]);
  return { ...state, names, sessions, items, notes: new Map(notes) };
}

/** Why a member cannot plan a session in this state of the match (the SDK would refuse it). */
function whyNoPlanning(status: MatchStatus): string {
  return status === 'proposed'
    ? msg('You can plan sessions once everyone has accepted the match.', { id: 'session-log.not-yet' })
    : status === 'completed'
      ? msg('This match is completed, so no new sessions can be planned. The history stays here.', { id: 'session-log.completed' })
      : msg('This match has ended, so no new sessions can be planned.', { id: 'session-log.ended' });
}

/** `2027-01-20T10:00` from a datetime-local input → an ISO timestamp in UTC (empty stays empty). */
function toTimestamp(local: FormDataEntryValue | null): string {
  const value = String(local ?? '');
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : value;
}

/**
 * @summary Plans, logs and looks back on the sessions of one mentoring match.
 *
 * @fires upward-session-planned - A session was planned. Detail: `{ session }`.
 * @fires upward-session-logged - A session was logged as held. Detail: `{ session }`.
 * @fires upward-session-cancelled - A session was cancelled or marked missed. Detail: `{ session }`.
 * @fires upward-private-note-saved - The reader saved their private note. Detail: `{ sessionId }` (never the text).
 * @fires upward-action-item-added - An action item was added. Detail: `{ actionItem }`.
 * @fires upward-action-item-done - An action item was ticked off or reopened. Detail: `{ actionItem }`.
 * @fires upward-error - A command failed; the message is shown in place. Detail: `{ error, operation }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart form - Each form (plan, log, add action item, private note, cancel).
 * @csspart list - The lists of upcoming sessions, history and action items.
 * @csspart item - One session or action item.
 * @csspart agenda - A session's agenda.
 * @csspart private-note - The private note block (visible only to its author).
 * @csspart actions - The buttons of a session.
 * @csspart status - The live region announcing successful saves.
 * @csspart no-planning - Why sessions cannot be planned in the match's current state.
 * @csspart error-summary - The error summary above a form.
 * @csspart empty - The text shown when no match is chosen.
 *
 * @cssproperty --upward-session-log-private-color - Accent of the private note block.
 * @cssproperty --upward-session-log-carried-color - Marker colour of carried-over agenda items.
 */
export class UpwardSessionLog extends CommandElement {
  static override styles = [baseStyles, actionItemStyles, sessionLogStyles];

  /** The match whose sessions are shown. */
  @property({ attribute: 'match-id', reflect: true })
  matchId = '';

  /** The planned session whose log form is open. */
  @state() private loggingId = '';
  /** The session whose cancel form is open. */
  @state() private cancellingId = '';
  /** How many action-item rows the open log form has. */
  @state() private logItemRows = 0;

  protected readonly data = new DataTask(this, {
    task: ([upward, matchId]) => (upward && matchId ? load(upward, matchId) : Promise.resolve(undefined)),
    args: () => [this.upward, this.matchId, this.revision] as const,
  });

  protected override isRelevant(changes: readonly ChangeEvent[]): boolean {
    return changes.some((c) => RELEVANT.has(c.entity));
  }

  /** Open forms, errors and messages belong to one person and one match. */
  protected override clientChanged(): void {
    super.clientChanged();
    this.loggingId = '';
    this.cancellingId = '';
    this.logItemRows = 0;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('matchId') && changed.get('matchId') !== undefined) this.clientChanged();
  }

  protected override render(): TemplateResult {
    if (!this.upward) return this.renderNoClient();
    if (!this.matchId) return this.renderNoMatch();
    // The heading stays while loading or failing, so "Try again" is never without its context.
    return html`<section class="stack" part="base" aria-labelledby="title">
      <h2 id="title" tabindex="-1">${msg('Sessions', { id: 'session-log.title' })}</h2>
      ${this.renderLoaded(this.data, (data) => this.renderLog(data))}
    </section>`;
  }

  private renderLog(data: LogData): TemplateResult {
    const planned = data.sessions.filter((s) => s.status === 'planned');
    const history = data.sessions.filter((s) => s.status !== 'planned').reverse();
    return html`${renderAnnouncement(this.announcement)}
      ${data.isMember
        ? html`${MEETING.has(data.status) ? this.renderPlanForm(data) : html`<p class="muted" part="no-planning">${whyNoPlanning(data.status)}</p>`}
            <section class="stack" aria-labelledby="upcoming-title">
              <h3 id="upcoming-title">${msg('Coming up', { id: 'session-log.upcoming' })}</h3>
              ${planned.length
                ? html`<ol class="stack plain" part="list">${planned.map((s) => this.renderPlanned(s as Full, data))}</ol>`
                : html`<p class="muted">${msg('No session planned yet.', { id: 'session-log.no-upcoming' })}</p>`}
            </section>
            ${this.renderActionItems(data)}
            <section class="stack" aria-labelledby="history-title">
              <h3 id="history-title" tabindex="-1">${msg('History', { id: 'session-log.history' })}</h3>
              ${history.length
                ? html`<ol class="stack plain" part="list">${history.map((s) => this.renderHistoryItem(s as Full, data))}</ol>`
                : html`<p class="muted">${msg('No past sessions yet.', { id: 'session-log.no-history' })}</p>`}
            </section>`
        : this.renderSchedule(data.sessions)}`;
  }

  // ---- schedule-only view (admins, champions) -------------------------------------------------

  private renderSchedule(sessions: readonly SessionView[]): TemplateResult {
    return html`<p class="muted">
        ${msg('You see when and how this pair meets. What they discuss stays between them.', { id: 'session-log.schedule-only' })}
      </p>
      ${sessions.length
        ? html`<ol class="stack plain" part="list">
            ${[...sessions].reverse().map(
              (s) => html`<li class="card" part="item">
                <strong>${formatDateTime(s.scheduledAt)}</strong> · ${this.renderFacts(s)}
                <span class="badge">${sessionStatusLabel(s.status)}</span>
              </li>`,
            )}
          </ol>`
        : html`<p class="muted">${msg('No sessions yet.', { id: 'session-log.none' })}</p>`}`;
  }

  /**
   * "45 minutes · Video call · Café", and for members' upcoming sessions the meeting link (only
   * if it is a safe one): admins and champions follow a pair's schedule, they do not join it.
   */
  private renderFacts(s: SessionView, withLink = s.status === 'planned' && s.visibility === 'full'): TemplateResult {
    const href = withLink ? safeHref(s.meetingLink) : undefined;
    return html`${msg(str`${formatNumber(s.durationMinutes)} minutes`, { id: 'session-log.minutes' })} · ${modeLabel(s.mode)}${s.location
        ? html` · ${s.location}`
        : nothing}${href ? html` · <a href=${href} target="_blank" rel="noopener noreferrer">${msg('Join the meeting', { id: 'session-log.join' })}</a>` : nothing}`;
  }

  // ---- planning ------------------------------------------------------------------------------

  private renderPlanForm(data: LogData): TemplateResult {
    const error = this.errorFor('plan');
    const labels = {
      scheduledAt: msg('Date and time', { id: 'session-log.plan.when' }),
      durationMinutes: msg('Length in minutes', { id: 'session-log.plan.length' }),
      mode: msg('How you meet', { id: 'session-log.plan.mode' }),
      location: msg('Where', { id: 'session-log.plan.where' }),
      meetingLink: msg('Video link', { id: 'session-log.plan.link' }),
      agenda: msg('Extra agenda points', { id: 'session-log.plan.agenda' }),
    };
    return html`<details class="card" ?open=${!data.sessions.length || !!error}>
      <summary>${msg('Plan a session', { id: 'session-log.plan.title' })}</summary>
      <form class="stack" part="form" novalidate @submit=${this.onPlan}>
        ${renderErrorSummary(error, labels, this.shadowRoot)}
        <div class="grid">
          ${renderField('scheduledAt', labels.scheduledAt, error, (f) => html`<input id=${f.id} name="scheduledAt" type="datetime-local" required aria-invalid=${f.invalid} aria-describedby=${f.describedBy} />`)}
          ${renderField(
            'durationMinutes',
            labels.durationMinutes,
            error,
            (f) => html`<input id=${f.id} name="durationMinutes" type="number" min="5" max="480" step="5" aria-invalid=${f.invalid} aria-describedby=${f.describedBy} />`,
            msg('(empty: the program’s usual length)', { id: 'session-log.plan.length-hint' }),
          )}
          ${renderField(
            'mode',
            labels.mode,
            error,
            (f) => html`<select id=${f.id} name="mode" aria-invalid=${f.invalid} aria-describedby=${f.describedBy}>
              <option value="">${msg('As the program suggests', { id: 'session-log.plan.mode-default' })}</option>
              ${(['in-person', 'video', 'phone'] as const).map((m) => html`<option value=${m}>${modeLabel(m)}</option>`)}
            </select>`,
          )}
          ${renderField('location', labels.location, error, (f) => html`<input id=${f.id} name="location" aria-invalid=${f.invalid} aria-describedby=${f.describedBy} />`)}
          ${renderField('meetingLink', labels.meetingLink, error, (f) => html`<input id=${f.id} name="meetingLink" type="url" placeholder="https://" aria-invalid=${f.invalid} aria-describedby=${f.describedBy} />`)}
        </div>
        ${renderField(
          'agenda',
          labels.agenda,
          error,
          (f) => html`<textarea id=${f.id} name="agenda" rows="2" aria-invalid=${f.invalid} aria-describedby=${f.describedBy}></textarea>`,
          msg('(one per line; open action items and talking points are added for you)', { id: 'session-log.plan.agenda-hint' }),
        )}
        <div class="row" part="actions">
          <button class="primary" type="submit" ?disabled=${this.busy === 'plan'}>
            ${this.busy === 'plan' ? msg('Saving…', { id: 'common.saving' }) : msg('Plan session', { id: 'session-log.plan.submit' })}
          </button>
        </div>
      </form>
    </details>`;
  }

  private onPlan = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const f = new FormData(form);
    const duration = optionalText(f.get('durationMinutes'));
    const upward = this.upward!;
    await this.run(
      'plan',
      () =>
        upward.sessions.plan({
          matchId: this.matchId,
          scheduledAt: toTimestamp(f.get('scheduledAt')),
          durationMinutes: duration === undefined ? undefined : Number(duration),
          mode: (optionalText(f.get('mode')) as SessionView['mode'] | undefined),
          location: optionalText(f.get('location')),
          meetingLink: optionalText(f.get('meetingLink')) ?? null,
          agenda: linesOf(f.get('agenda')),
        }),
      async (session) => {
        form.reset();
        emit(this, 'upward-session-planned', { session });
        await focusAfterRender(this, `#session-${session.id}`);
        return msg(str`Session planned for ${formatDateTime(session.scheduledAt)}.`, { id: 'session-log.planned' });
      },
    );
  };

  // ---- upcoming sessions ----------------------------------------------------------------------

  private renderAgenda(s: Full, data: LogData): TemplateResult {
    if (!s.agenda.length) return html`<p class="muted">${msg('No agenda points.', { id: 'session-log.agenda.empty' })}</p>`;
    const done = new Set(data.items.filter((i) => i.done).map((i) => i.id));
    return html`<h4>${msg('Agenda', { id: 'session-log.agenda' })}</h4>
      <ul class="agenda" part="agenda">
        ${s.agenda.map(
          (a) => html`<li class=${a.source}>
            ${a.source === 'carried-over'
              ? html`<span class="badge carried">${msg('Carried over', { id: 'session-log.agenda.carried' })}</span> `
              : nothing}${a.text}${a.actionItemId && done.has(a.actionItemId)
              ? html` <span class="badge">${msg('done since', { id: 'session-log.agenda.done-since' })}</span>`
              : nothing}
          </li>`,
        )}
      </ul>`;
  }

  private renderPlanned(s: Full, data: LogData): TemplateResult {
    const cancelling = this.cancellingId === s.id;
    return html`<li class="card stack" part="item">
      <h4 id="session-${s.id}" tabindex="-1">
        ${formatDateTime(s.scheduledAt)}
        ${s.isTrial ? html`<span class="badge">${msg('Trial meeting', { id: 'session-log.trial' })}</span>` : nothing}
      </h4>
      <p>${this.renderFacts(s)}</p>
      ${this.renderAgenda(s, data)}
      ${this.loggingId === s.id
        ? this.renderLogForm(s, data)
        : cancelling
          ? this.renderCancelForm(s)
          : html`<div class="row" part="actions">
              ${MEETING.has(data.status)
                ? html`<button class="primary" type="button" @click=${() => this.openLog(s.id)}>${msg('Log this session', { id: 'session-log.log.open' })}</button>`
                : nothing}
              <button type="button" @click=${() => this.openCancel(s.id)}>${msg('Cancel session', { id: 'session-log.cancel.open' })}</button>
              <button type="button" ?disabled=${this.busy === `missed:${s.id}`} @click=${() => this.markMissed(s)}>
                ${msg('Mark as missed', { id: 'session-log.missed' })}
              </button>
            </div>`}
      ${renderErrorSummary(this.errorFor(`missed:${s.id}`), {}, this.shadowRoot)}
      ${this.renderPrivateNote(s, data)}
    </li>`;
  }

  private async openLog(id: string): Promise<void> {
    this.loggingId = id;
    this.cancellingId = '';
    this.logItemRows = 0;
    this.failure = undefined;
    await focusAfterRender(this, `#${fieldId('sharedNotes')}`);
  }

  private async openCancel(id: string): Promise<void> {
    this.cancellingId = id;
    this.loggingId = '';
    this.failure = undefined;
    await focusAfterRender(this, `#${fieldId(`cancel.reason`)}`);
  }

  private async closeForms(sessionId: string): Promise<void> {
    this.loggingId = '';
    this.cancellingId = '';
    this.failure = undefined;
    await focusAfterRender(this, `#session-${sessionId}`);
  }

  private renderCancelForm(s: Full): TemplateResult {
    const error = this.errorFor('cancel');
    const label = msg('Reason (optional)', { id: 'session-log.cancel.reason' });
    return html`<form class="stack" part="form" novalidate @submit=${(e: SubmitEvent) => this.onCancel(e, s)}>
      ${renderErrorSummary(error, { 'cancel.reason': label }, this.shadowRoot)}
      ${renderField('cancel.reason', label, error, (f) => html`<input id=${f.id} name="reason" aria-invalid=${f.invalid} aria-describedby=${f.describedBy} />`)}
      <div class="row" part="actions">
        <button class="danger" type="submit" ?disabled=${this.busy === 'cancel'}>${msg('Cancel the session', { id: 'session-log.cancel.submit' })}</button>
        <button type="button" @click=${() => this.closeForms(s.id)}>${msg('Keep it', { id: 'session-log.cancel.keep' })}</button>
      </div>
    </form>`;
  }

  private onCancel = async (event: SubmitEvent, s: Full): Promise<void> => {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '');
    const upward = this.upward!;
    await this.run(
      'cancel',
      () => upward.sessions.cancel({ sessionId: s.id, expectedVersion: s.version, reason }),
      async (session) => {
        this.cancellingId = '';
        emit(this, 'upward-session-cancelled', { session });
        await focusAfterRender(this, '#history-title');
        return msg('Session cancelled.', { id: 'session-log.cancelled' });
      },
      'cancel.',
    );
  };

  private async markMissed(s: Full): Promise<void> {
    const upward = this.upward!;
    await this.run(
      `missed:${s.id}`,
      () => upward.sessions.markMissed({ sessionId: s.id, expectedVersion: s.version }),
      async (session) => {
        emit(this, 'upward-session-cancelled', { session });
        await focusAfterRender(this, '#history-title');
        return msg('Session marked as missed.', { id: 'session-log.missed.done' });
      },
    );
  }

  // ---- logging a held session -----------------------------------------------------------------

  private renderLogForm(s: Full, data: LogData): TemplateResult {
    const error = this.errorFor('log');
    const labels = {
      sharedNotes: msg('Shared notes', { id: 'session-log.log.notes' }),
      topics: msg('Topics covered', { id: 'session-log.log.topics' }),
      learned: msg('What I learned', { id: 'session-log.log.learned' }),
      actionItems: msg('Action items', { id: 'session-log.items' }),
    };
    const area = (path: keyof typeof labels, hint: string, rows: number, value = '') =>
      renderField(path, labels[path], error, (f) => html`<textarea id=${f.id} name=${path} rows=${rows} .value=${value} aria-invalid=${f.invalid} aria-describedby=${f.describedBy}></textarea>`, hint);
    // The form sends notes and topics whole, so it starts from what is stored (written before or
    // during the meeting): saving then keeps them, and emptying a box clears it on purpose.
    // Without stored topics, they start as the agenda's own points: usually what was covered, easy to trim.
    const topics = (s.topics.length ? s.topics : s.agenda.filter((a) => a.source !== 'carried-over').map((a) => a.text)).join('\n');
    return html`<form class="stack" part="form" novalidate @submit=${(e: SubmitEvent) => this.onLog(e, s)}>
      <h4>${msg('Log this session', { id: 'session-log.log.open' })}</h4>
      ${renderErrorSummary(error, labels, this.shadowRoot)}
      ${area('sharedNotes', msg('(both of you can read these)', { id: 'session-log.log.notes-hint' }), 4, s.sharedNotes)}
      ${area('topics', msg('(one per line)', { id: 'session-log.one-per-line' }), 2, topics)}
      ${area('learned', msg('(learning runs both ways: your partner adds their own)', { id: 'session-log.log.learned-hint' }), 3)}
      <fieldset class="stack">
        <legend>${labels.actionItems}</legend>
        ${Array.from({ length: this.logItemRows }, (_, i) => this.renderItemRow(`actionItems.${i}.`, data, error, i))}
        <div class="row">
          <button type="button" data-action="add-row" @click=${() => this.addLogRow()}>${msg('Add an action item', { id: 'session-log.items.add-row' })}</button>
          ${this.logItemRows
            ? html`<button type="button" data-action="remove-row" @click=${() => this.removeLogRow()}>${msg('Remove the last one', { id: 'session-log.items.remove-row' })}</button>`
            : nothing}
        </div>
      </fieldset>
      <div class="row" part="actions">
        <button class="primary" type="submit" ?disabled=${this.busy === 'log'}>
          ${this.busy === 'log' ? msg('Saving…', { id: 'common.saving' }) : msg('Save the log', { id: 'session-log.log.submit' })}
        </button>
        <button type="button" @click=${() => this.closeForms(s.id)}>${msg('Close without saving', { id: 'session-log.log.close' })}</button>
      </div>
    </form>`;
  }

  private async addLogRow(): Promise<void> {
    this.logItemRows += 1;
    await focusAfterRender(this, `#${fieldId(`actionItems.${this.logItemRows - 1}.text`)}`);
  }

  /** With the last row gone the button goes too: focus moves to "Add an action item", not to the page. */
  private async removeLogRow(): Promise<void> {
    this.logItemRows -= 1;
    await focusAfterRender(this, this.logItemRows ? '[data-action="remove-row"]' : '[data-action="add-row"]');
  }

  /** One action item's controls: what, who, by when. `prefix` is its field path (`actionItems.0.`). */
  private renderItemRow(prefix: string, data: LogData, error: DescribedError | undefined, index?: number): TemplateResult {
    const n = index === undefined ? '' : ` ${index + 1}`;
    return html`<div class="grid item-row">
      ${renderField(`${prefix}text`, msg(str`Action item${n}`, { id: 'session-log.items.text' }), error, (f) => html`<input id=${f.id} name="${prefix}text" aria-invalid=${f.invalid} aria-describedby=${f.describedBy} />`)}
      ${renderField(
        `${prefix}ownerId`,
        msg('Who', { id: 'session-log.items.owner' }),
        error,
        (f) => html`<select id=${f.id} name="${prefix}ownerId" aria-invalid=${f.invalid} aria-describedby=${f.describedBy}>
          ${data.memberIds.map((m) => html`<option value=${m} ?selected=${m === this.upward?.actor.personId}>${data.names.get(m) ?? m}</option>`)}
        </select>`,
      )}
      ${renderField(`${prefix}due`, msg('Due (optional)', { id: 'session-log.items.due' }), error, (f) => html`<input id=${f.id} name="${prefix}due" type="date" aria-invalid=${f.invalid} aria-describedby=${f.describedBy} />`)}
    </div>`;
  }

  private onLog = async (event: SubmitEvent, s: Full): Promise<void> => {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    const actionItems = Array.from({ length: this.logItemRows }, (_, i) => ({
      text: String(f.get(`actionItems.${i}.text`) ?? ''),
      ownerId: String(f.get(`actionItems.${i}.ownerId`) ?? ''),
      due: optionalText(f.get(`actionItems.${i}.due`)) ?? null,
    }));
    const upward = this.upward!;
    await this.run(
      'log',
      () =>
        upward.sessions.log({
          sessionId: s.id,
          expectedVersion: s.version,
          sharedNotes: String(f.get('sharedNotes') ?? ''),
          topics: linesOf(f.get('topics')),
          learned: optionalText(f.get('learned')),
          actionItems,
        }),
      async (session) => {
        this.loggingId = '';
        this.logItemRows = 0;
        emit(this, 'upward-session-logged', { session });
        await focusAfterRender(this, `#history-${session.id}`);
        return msg('Session logged.', { id: 'session-log.logged' });
      },
    );
  };

  // ---- private notes --------------------------------------------------------------------------

  private renderPrivateNote(s: SessionView, data: LogData): TemplateResult {
    const note = data.notes.get(s.id) ?? null;
    const op = `note:${s.id}`;
    const path = `note-${s.id}.text`;
    const error = this.errorFor(op);
    const label = msg('My private note', { id: 'session-log.note.label' });
    return html`<form class="private stack" part="private-note form" novalidate @submit=${(e: SubmitEvent) => this.onSaveNote(e, s, note)}>
      ${renderErrorSummary(error, { [path]: label }, this.shadowRoot)}
      ${renderField(
        path,
        html`${lockIcon} ${label}`,
        error,
        (f) => html`<textarea id=${f.id} name="text" rows="2" .value=${note?.text ?? ''} aria-invalid=${f.invalid} aria-describedby=${f.describedBy}></textarea>`,
        msg('Visible only to you', { id: 'session-log.note.only-you' }),
      )}
      <div class="row">
        <button type="submit" ?disabled=${this.busy === op}>${msg('Save private note', { id: 'session-log.note.save' })}</button>
      </div>
    </form>`;
  }

  private onSaveNote = async (event: SubmitEvent, s: SessionView, note: { version: number } | null): Promise<void> => {
    event.preventDefault();
    const text = String(new FormData(event.target as HTMLFormElement).get('text') ?? '');
    const upward = this.upward!;
    await this.run(
      `note:${s.id}`,
      () =>
        upward.sessions
          .writePrivateNote({ sessionId: s.id, expectedVersion: note?.version, text }),
      () => {
        emit(this, 'upward-private-note-saved', { sessionId: s.id });
        return msg('Private note saved. Only you can read it.', { id: 'session-log.note.saved' });
      },
      `note-${s.id}.`,
    );
  };

  // ---- action items ---------------------------------------------------------------------------

  private renderActionItems(data: LogData): TemplateResult {
    const error = this.errorFor('item');
    const labels = {
      'item.text': msg(str`Action item${''}`, { id: 'session-log.items.text' }),
      'item.ownerId': msg('Who', { id: 'session-log.items.owner' }),
      'item.due': msg('Due (optional)', { id: 'session-log.items.due' }),
    };
    const today = localToday();
    return html`<section class="stack" aria-labelledby="items-title">
      <h3 id="items-title">${msg('Action items', { id: 'session-log.items' })}</h3>
      ${data.items.length
        ? html`<ul class="stack plain" part="list">
            ${data.items.map(
              (item) => html`<li class="item-line" part="item">
                <input type="checkbox" id="done-${item.id}" .checked=${item.done}
                  @change=${(e: Event) => this.toggleDone(item, e.target as HTMLInputElement)} />
                <label for="done-${item.id}" class=${item.done ? 'done' : ''}>${item.text}</label>
                <span class="muted">
                  ${data.names.get(item.ownerId) ?? item.ownerId}${item.due
                    ? html` · ${msg(str`due ${formatDate(item.due)}`, { id: 'session-log.items.due-on' })}${!item.done && item.due < today
                        ? html` <span class="badge overdue">${msg('overdue', { id: 'session-log.items.overdue' })}</span>`
                        : nothing}`
                    : nothing}
                </span>
                ${this.failure?.op === `done:${item.id}` ? html`<span class="field-error" role="alert">${errorMessage(this.failure.error)}</span>` : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${msg('No action items yet.', { id: 'session-log.items.none' })}</p>`}
      ${MEETING.has(data.status)
        ? html`<form class="stack" part="form" novalidate @submit=${this.onAddItem}>
            ${renderErrorSummary(error, labels, this.shadowRoot)}
            ${this.renderItemRow('item.', data, error)}
            <div class="row">
              <button type="submit" ?disabled=${this.busy === 'item'}>${msg('Add action item', { id: 'session-log.items.add' })}</button>
            </div>
          </form>`
        : nothing}
    </section>`;
  }

  private async toggleDone(item: ActionItem, box: HTMLInputElement): Promise<void> {
    const upward = this.upward!;
    const done = box.checked;
    // Lit only writes `.checked` when the bound value changes, so a refused change is undone here.
    const stored = await this.run(
      `done:${item.id}`,
      () => upward.actionItems.setDone({ id: item.id, expectedVersion: item.version, done }),
      async (actionItem) => {
        emit(this, 'upward-action-item-done', { actionItem });
        // The list re-sorts (open items first); keep the reader on the box they just ticked.
        await focusAfterRender(this, `#done-${actionItem.id}`);
        return done
          ? msg(str`Marked as done: ${actionItem.text}`, { id: 'session-log.items.done' })
          : msg(str`Reopened: ${actionItem.text}`, { id: 'session-log.items.reopened' });
      },
    );
    if (!stored) box.checked = item.done;
  }

  private onAddItem = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const f = new FormData(form);
    const upward = this.upward!;
    await this.run(
      'item',
      () =>
        upward.actionItems
          .add({
            matchId: this.matchId,
            text: String(f.get('item.text') ?? ''),
            ownerId: String(f.get('item.ownerId') ?? ''),
            due: optionalText(f.get('item.due')) ?? null,
          }),
      async (actionItem) => {
        form.reset();
        emit(this, 'upward-action-item-added', { actionItem });
        await focusAfterRender(this, `#done-${actionItem.id}`);
        return msg(str`Action item added: ${actionItem.text}`, { id: 'session-log.items.added' });
      },
      'item.',
    );
  };

  // ---- history --------------------------------------------------------------------------------

  private renderHistoryItem(s: Full, data: LogData): TemplateResult {
    const me = this.upward?.actor.personId;
    const items = data.items.filter((i) => i.sessionId === s.id);
    const mine = s.reflections.some((r) => r.personId === me);
    return html`<li class="card" part="item">
      <details>
        <summary id="history-${s.id}">
          <strong>${formatDateTime(s.scheduledAt)}</strong> <span class="badge">${sessionStatusLabel(s.status)}</span>
          ${s.isTrial ? html`<span class="badge">${msg('Trial meeting', { id: 'session-log.trial' })}</span>` : nothing}
        </summary>
        <div class="stack details">
          <p>${this.renderFacts(s)}</p>
          ${s.status === 'cancelled' && s.cancelReason ? html`<p>${msg(str`Reason: ${s.cancelReason}`, { id: 'session-log.cancel.reason-shown' })}</p>` : nothing}
          ${s.status === 'held' ? this.renderHeld(s, data, items) : this.renderAgenda(s, data)}
          ${s.status === 'held' && !mine ? this.renderReflectForm(s) : nothing}
          ${this.renderPrivateNote(s, data)}
        </div>
      </details>
    </li>`;
  }

  private renderHeld(s: Full, data: LogData, items: readonly ActionItem[]): TemplateResult {
    return html`<h4>${msg('Shared notes', { id: 'session-log.log.notes' })}</h4>
      <p class="notes">${s.sharedNotes || html`<span class="muted">${msg('No notes.', { id: 'session-log.no-notes' })}</span>`}</p>
      ${s.topics.length
        ? html`<h4>${msg('Topics covered', { id: 'session-log.log.topics' })}</h4>
            <ul>${s.topics.map((t) => html`<li>${t}</li>`)}</ul>`
        : nothing}
      <h4>${msg('What we learned', { id: 'session-log.reflections' })}</h4>
      ${s.reflections.length
        ? html`<ul>
            ${s.reflections.map((r) => html`<li><strong>${data.names.get(r.personId) ?? r.personId}:</strong> ${r.learned}</li>`)}
          </ul>`
        : html`<p class="muted">${msg('No reflections yet.', { id: 'session-log.no-reflections' })}</p>`}
      ${items.length
        ? html`<h4>${msg('Action items from this session', { id: 'session-log.items.from-session' })}</h4>
            <ul>${items.map((i) => html`<li>${i.text} (${data.names.get(i.ownerId) ?? i.ownerId})</li>`)}</ul>`
        : nothing}`;
  }

  private renderReflectForm(s: Full): TemplateResult {
    const op = `reflect:${s.id}`;
    const path = `reflect-${s.id}.learned`;
    const error = this.errorFor(op);
    const label = msg('What I learned', { id: 'session-log.log.learned' });
    return html`<form class="stack" part="form" novalidate @submit=${(e: SubmitEvent) => this.onReflect(e, s)}>
      ${renderErrorSummary(error, { [path]: label }, this.shadowRoot)}
      ${renderField(path, label, error, (f) => html`<textarea id=${f.id} name="learned" rows="2" aria-invalid=${f.invalid} aria-describedby=${f.describedBy}></textarea>`)}
      <div class="row"><button type="submit" ?disabled=${this.busy === op}>${msg('Add my reflection', { id: 'session-log.reflect' })}</button></div>
    </form>`;
  }

  private onReflect = async (event: SubmitEvent, s: Full): Promise<void> => {
    event.preventDefault();
    const learned = String(new FormData(event.target as HTMLFormElement).get('learned') ?? '');
    const upward = this.upward!;
    await this.run(
      `reflect:${s.id}`,
      () => upward.sessions.reflect({ sessionId: s.id, learned }),
      (session) => {
        emit(this, 'upward-session-logged', { session });
        return msg('Reflection saved.', { id: 'session-log.reflected' });
      },
      `reflect-${s.id}.`,
    );
  };
}
