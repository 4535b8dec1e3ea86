/**
 * `<upward-my-mentoring>`: a participant's home. Their matches and where each one stands, the
 * answer to a proposed match, the decision after the trial meeting (continue, once a meeting was
 * held; or a kind, blameless way out, at any time during the trial), the agreement waiting for
 * their signature, the next session and their open action items. The agreement and the session
 * log open inline (or, for the session log, a host page can navigate on `upward-open-match`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { ActionItem, Home, HomeMatch, Match, Upward } from '@upward/sdk';
import { CommandElement } from '../internal/command-element.ts';
import { baseStyles } from '../internal/styles.ts';
import { actionItemStyles } from '../internal/action-item.styles.ts';
import { emit } from '../internal/events.ts';
import { renderErrorSummary } from '../internal/errors.ts';
import { formatDate, formatDateTime, formatList, localToday } from '../internal/format.ts';
import { DataTask } from '../internal/task.ts';
import { focusAfterRender } from '../internal/focus.ts';
import { agreementStatusLabel, meetingModeLabel } from '../internal/labels.ts';
import { renderAnnouncement } from '../internal/announce.ts';
import { myMentoringStyles } from './my-mentoring.styles.ts';

declare global {
  interface UpwardEventDetails {
    'upward-match-responded': { match: Match; accept: boolean };
    'upward-trial-decided': { match: Match; decision: 'continue' | 'exit' };
    'upward-action-item-done': { actionItem: ActionItem };
    /** The reader asked for a match's session log; a host may navigate to its own page for it. */
    'upward-open-match': { matchId: string };
  }
}

/** Which panel of a match is open inline. */
type Panel = 'agreement' | 'sessions';

/** The home, and which of its matches in their trial have held a meeting (so "continue" is possible). */
interface Loaded {
  home: Home;
  met: ReadonlySet<string>;
}

async function loadHome(upward: Upward): Promise<Loaded> {
  const home = await upward.home();
  // The SDK takes "continue" only after a held meeting. The home does not say whether one was
  // held, so the (few) matches in their trial ask their session list.
  const trials = home.matches.filter((m) => m.match.status === 'trial');
  const held = await Promise.all(trials.map(async (m) => (await upward.sessions.list({ matchId: m.match.id })).some((s) => s.status === 'held')));
  return { home, met: new Set(trials.filter((_, i) => held[i]).map((m) => m.match.id)) };
}

function roleOf(m: HomeMatch, personId: string) {
  return m.match.members.find((x) => x.personId === personId);
}

/**
 * @summary A participant's home: their matches, decisions to make, agreement to sign, next session and open action items.
 *
 * @fires upward-match-responded - The reader accepted or declined a proposed match. Detail: `{ match, accept }`.
 * @fires upward-trial-decided - The reader decided during the trial: `continue` (offered once a meeting was held) or `exit` (at any time). Detail: `{ match, decision }`.
 * @fires upward-action-item-done - The reader ticked off an action item. Detail: `{ actionItem }`.
 * @fires upward-open-match - The reader asked for a match's session log. Detail: `{ matchId }`.
 * @fires upward-error - A command failed; the message is shown in place. Detail: `{ error, operation }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart list - The list of matches and the list of action items.
 * @csspart item - One match or action item.
 * @csspart actions - The buttons of a match.
 * @csspart decision - The panel asking for an answer (proposal or trial).
 * @csspart empty - The text shown to someone with no matches.
 * @csspart status - The live region announcing successful commands.
 *
 * @cssproperty --upward-my-mentoring-attention-color - Edge colour of matches that wait for the reader.
 */
export class UpwardMyMentoring extends CommandElement {
  static override styles = [baseStyles, actionItemStyles, myMentoringStyles];

  /** Show the session log inline under a match as well as firing `upward-open-match`. */
  @property({ type: Boolean, attribute: 'inline-session-log', reflect: true })
  inlineSessionLog = false;

  @state() private open = new Map<string, Panel>();
  /** The match whose decline or trial exit waits for confirmation. */
  @state() private confirming = '';

  protected readonly data = new DataTask(this, {
    task: ([upward]) => (upward ? loadHome(upward) : Promise.resolve(undefined)),
    args: () => [this.upward, this.revision] as const,
  });

  /** Open panels, confirmations and messages belong to the person who opened them. */
  protected override clientChanged(): void {
    this.open = new Map();
    this.confirming = '';
    super.clientChanged();
  }

  protected override render(): TemplateResult {
    if (!this.upward) return this.renderNoClient();
    // The heading stays while loading or failing, so "Try again" is never without its context.
    return html`<section class="stack" part="base" aria-labelledby="title">
      <h2 id="title" tabindex="-1">${msg('My mentoring', { id: 'my-mentoring.title' })}</h2>
      ${this.renderLoaded(this.data, ({ home, met }) => this.renderHome(home, met))}
    </section>`;
  }

  private renderHome(home: Home, met: ReadonlySet<string>): TemplateResult {
    const current = home.matches.filter((m) => m.match.status !== 'ended' && m.match.status !== 'completed');
    const past = home.matches.filter((m) => !current.includes(m));
    return html`${renderAnnouncement(this.announcement)}
      ${home.matches.length
        ? html`<ul class="stack plain" part="list">${current.map((m) => this.renderMatch(m, met.has(m.match.id)))}</ul>`
        : html`<p class="muted" part="empty">
            ${msg('You have no mentoring matches yet. Once you are paired with someone, you will find them here, along with your sessions and agreement.', { id: 'my-mentoring.empty' })}
          </p>`}
      ${home.matches.length && !current.length
        ? html`<p class="muted">${msg('You have no current matches.', { id: 'my-mentoring.no-current' })}</p>`
        : nothing}
      ${this.renderActionItems(home)}
      ${past.length
        ? html`<details class="past">
            <summary>${msg(str`Earlier matches (${past.length})`, { id: 'my-mentoring.past' })}</summary>
            <ul class="stack plain" part="list">${past.map((m) => this.renderMatch(m, false))}</ul>
          </details>`
        : nothing}`;
  }

  /** `met`: the match is in its trial and a meeting of it was held. */
  private renderMatch(m: HomeMatch, met: boolean): TemplateResult {
    const me = this.upward!.actor.personId;
    const mine = roleOf(m, me);
    const names = formatList(m.partners.map((p) => p.name));
    const waits = this.waitsForMe(m, met);
    const id = m.match.id;
    return html`<li class="card stack ${waits ? 'attention' : ''}" part="item">
      <h3 id="match-${id}" tabindex="-1">
        ${msg(str`With ${names}`, { id: 'my-mentoring.with' })}
        <span class="badge">${this.statusLabel(m.match.status)}</span>
      </h3>
      <p class="muted">
        ${m.program.name} ·
        ${mine?.role === 'mentor'
          ? msg('You are the mentor', { id: 'my-mentoring.you-mentor' })
          : msg('You are the mentee', { id: 'my-mentoring.you-mentee' })}
        · ${m.partners.map((p, i) => html`${i ? ', ' : ''}${p.name}${p.title ? ` (${p.title})` : ''}`)}
      </p>
      ${this.renderState(m, met)}
      ${this.failure?.op.endsWith(`:${id}`) ? renderErrorSummary(this.failure.error, {}, this.shadowRoot) : nothing}
      ${['accepted', 'trial', 'active'].includes(m.match.status) ? this.renderOngoing(m) : nothing}
    </li>`;
  }

  private waitsForMe(m: HomeMatch, met: boolean): boolean {
    const mine = roleOf(m, this.upward!.actor.personId);
    return (
      (m.match.status === 'proposed' && mine?.response === 'pending') ||
      // Before the first meeting the trial waits for the meeting, not for the reader's decision.
      (m.match.status === 'trial' && met && mine?.trialDecision !== 'continue') ||
      !!m.agreement?.awaitingMySignature
    );
  }

  private statusLabel(status: Match['status']): string {
    switch (status) {
      case 'proposed':
        return msg('Proposed', { id: 'my-mentoring.status.proposed' });
      case 'accepted':
        return msg('Accepted', { id: 'my-mentoring.status.accepted' });
      case 'trial':
        return msg('Trial', { id: 'my-mentoring.status.trial' });
      case 'active':
        return msg('Active', { id: 'my-mentoring.status.active' });
      case 'completed':
        return msg('Completed', { id: 'my-mentoring.status.completed' });
      case 'ended':
        return msg('Ended', { id: 'my-mentoring.status.ended' });
    }
  }

  /** What the match needs from the reader now, or what it is waiting for. */
  private renderState(m: HomeMatch, met: boolean): TemplateResult {
    const me = this.upward!.actor.personId;
    const mine = roleOf(m, me);
    const others = m.match.members.filter((x) => x.personId !== me);
    const nameOf = (personId: string) => m.partners.find((p) => p.personId === personId)?.name ?? personId;
    const id = m.match.id;
    switch (m.match.status) {
      case 'proposed': {
        // A self-mode request the mentor did not answer in time can no longer be answered (the
        // SDK's hasLapsed, restated: importing it would bring zod into this element's bundle).
        if (m.match.expiresAt !== null && Date.parse(m.match.expiresAt) <= Date.now()) {
          return html`<p>${msg(str`This request lapsed on ${formatDate(m.match.expiresAt!)} without an answer.`, { id: 'my-mentoring.lapsed' })}</p>`;
        }
        if (mine?.response === 'accepted') {
          const waiting = formatList(others.filter((o) => o.response !== 'accepted').map((o) => nameOf(o.personId)));
          return html`<p>${msg(str`You said yes. Waiting for ${waiting} to answer.`, { id: 'my-mentoring.waiting-answer' })}</p>`;
        }
        if (this.confirming === id) {
          return html`<div class="decision" part="decision" role="group" aria-labelledby="decline-${id}">
            <p id="decline-${id}" tabindex="-1">
              ${msg('Declining is fine, and you do not need to give a reason. The match will not go ahead, and the program team can pair you with someone else.', { id: 'my-mentoring.decline-confirm' })}
            </p>
            <div class="row" part="actions">
              <button class="danger" type="button" ?disabled=${!!this.busy} @click=${() => this.respond(m, false)}>${msg('Decline this match', { id: 'my-mentoring.decline-yes' })}</button>
              <button type="button" @click=${() => this.cancelConfirm(id, 'accept')}>${msg('Go back', { id: 'my-mentoring.go-back' })}</button>
            </div>
          </div>`;
        }
        return html`<div class="decision" part="decision">
          <p>${msg('You have been proposed as a pair. Would you like to go ahead?', { id: 'my-mentoring.proposed' })}</p>
          <div class="row" part="actions">
            <button class="primary" id="accept-${id}" type="button" ?disabled=${!!this.busy} @click=${() => this.respond(m, true)}>${msg('Accept', { id: 'my-mentoring.accept' })}</button>
            <button type="button" @click=${() => this.askConfirm(id, 'decline')}>${msg('Decline…', { id: 'my-mentoring.decline' })}</button>
          </div>
        </div>`;
      }
      case 'accepted':
        return html`<p>${msg('You both said yes. Plan your first meeting: it is a trial run to see whether you work well together.', { id: 'my-mentoring.accepted' })}</p>`;
      case 'trial':
        return this.renderTrial(m, met, mine?.trialDecision === 'continue', formatList(others.filter((o) => o.trialDecision !== 'continue').map((o) => nameOf(o.personId))));
      case 'active':
        return html`<p>${msg('Your mentoring is under way.', { id: 'my-mentoring.active' })}</p>`;
      case 'completed':
        return html`<p>${msg('Completed. Thank you for learning together.', { id: 'my-mentoring.completed' })}</p>`;
      case 'ended':
        return html`<p>${this.endedText(m.match)}</p>`;
    }
  }

  private endedText(match: Match): string {
    switch (match.endReason?.kind) {
      case 'trial-exit':
        return msg('After the trial you decided not to continue. That is perfectly fine, and no one is blamed.', { id: 'my-mentoring.ended.trial-exit' });
      case 'declined':
        return msg('This match did not go ahead.', { id: 'my-mentoring.ended.declined' });
      case 'request-expired':
        return msg('The request was not answered in time.', { id: 'my-mentoring.ended.expired' });
      case 'program-closed':
        return msg('The program has closed.', { id: 'my-mentoring.ended.program-closed' });
      default:
        return msg('This match has ended.', { id: 'my-mentoring.ended' });
    }
  }

  private renderTrial(m: HomeMatch, met: boolean, decided: boolean, waiting: string): TemplateResult {
    const id = m.match.id;
    if (decided) {
      return html`<p>${msg(str`You chose to continue. Waiting for ${waiting}.`, { id: 'my-mentoring.trial-waiting' })}</p>`;
    }
    if (this.confirming === id) {
      return html`<div class="decision" part="decision" role="group" aria-labelledby="exit-${id}">
        <p id="exit-${id}" tabindex="-1">
          ${msg('Not every pair clicks, and that is fine. Stopping now ends the match kindly: it records only that you did not continue, never who decided. The program team can find you a new partner.', { id: 'my-mentoring.exit-confirm' })}
        </p>
        <div class="row" part="actions">
          <button class="danger" type="button" ?disabled=${!!this.busy} @click=${() => this.decide(m, 'exit')}>${msg('Yes, stop here', { id: 'my-mentoring.exit-yes' })}</button>
          <button type="button" @click=${() => this.cancelConfirm(id, 'continue')}>${msg('Go back', { id: 'my-mentoring.go-back' })}</button>
        </div>
      </div>`;
    }
    // "Continue" is a verdict on having met, so it is offered only once a meeting was held; the
    // way out stays open all through the trial.
    return html`<div class="decision" part="decision">
      <p>
        ${met
          ? msg('How did your first meeting go? Decide whether you want to keep meeting.', { id: 'my-mentoring.trial' })
          : msg('Your first meeting is a trial run. Once it has taken place and is logged, you decide here whether to keep meeting.', { id: 'my-mentoring.trial-before-meeting' })}
      </p>
      <div class="row" part="actions">
        ${met
          ? html`<button class="primary" id="continue-${id}" type="button" ?disabled=${!!this.busy} @click=${() => this.decide(m, 'continue')}>
              ${msg('Continue together', { id: 'my-mentoring.continue' })}
            </button>`
          : nothing}
        <button type="button" id="stop-${id}" @click=${() => this.askConfirm(id, 'exit')}>${msg('Stop after the trial…', { id: 'my-mentoring.exit' })}</button>
      </div>
    </div>`;
  }

  private async askConfirm(matchId: string, kind: 'decline' | 'exit'): Promise<void> {
    this.confirming = matchId;
    this.failure = undefined;
    // The explanation gets focus, not the button: it is what the reader should hear before confirming.
    await focusAfterRender(this, `#${kind}-${matchId}`);
  }

  private async cancelConfirm(matchId: string, back: 'accept' | 'continue'): Promise<void> {
    this.confirming = '';
    // Before a meeting was held there is no "continue" button: back to "stop" instead.
    await focusAfterRender(this, back === 'continue' ? `#continue-${matchId}, #stop-${matchId}` : `#${back}-${matchId}`);
  }

  private renderOngoing(m: HomeMatch): TemplateResult {
    const id = m.match.id;
    const panel = this.open.get(id);
    const next = m.nextSession;
    const agreement = m.agreement;
    return html`<dl class="terms">
        <dt>${msg('Next session', { id: 'my-mentoring.next' })}</dt>
        <dd>${next ? html`${formatDateTime(next.scheduledAt)} · ${meetingModeLabel(next.mode)}${next.location ? ` · ${next.location}` : ''}` : msg('None planned yet', { id: 'my-mentoring.next.none' })}</dd>
        <dt>${msg('Agreement', { id: 'agreement.title' })}</dt>
        <dd>
          ${agreement
            ? html`${msg(str`Version ${agreement.number}`, { id: 'agreement.version' })}: ${agreementStatusLabel(agreement.status)}${agreement.awaitingMySignature
                ? html` · <strong>${msg('waiting for your signature', { id: 'my-mentoring.sign-needed' })}</strong>`
                : nothing}`
            : msg('Not drafted yet', { id: 'my-mentoring.no-agreement' })}
        </dd>
      </dl>
      <div class="row" part="actions">
        ${agreement
          ? html`<button type="button" class=${agreement.awaitingMySignature ? 'primary' : ''} aria-expanded=${panel === 'agreement' ? 'true' : 'false'}
              aria-controls="panel-${id}" @click=${() => this.toggle(id, 'agreement')}>
              ${agreement.awaitingMySignature ? msg('Read and sign the agreement', { id: 'my-mentoring.open-sign' }) : msg('Agreement', { id: 'agreement.title' })}
            </button>`
          : nothing}
        <button type="button" aria-expanded=${this.inlineSessionLog ? (panel === 'sessions' ? 'true' : 'false') : nothing}
          aria-controls=${this.inlineSessionLog ? `panel-${id}` : nothing} @click=${() => this.openSessions(id)}>
          ${msg('Sessions and notes', { id: 'my-mentoring.open-sessions' })}
        </button>
      </div>
      <div id="panel-${id}" class="panel">
        ${panel === 'agreement' ? html`<upward-agreement match-id=${id} .client=${this.upward}></upward-agreement>` : nothing}
        ${panel === 'sessions' ? html`<upward-session-log match-id=${id} .client=${this.upward}></upward-session-log>` : nothing}
      </div>`;
  }

  private toggle(matchId: string, panel: Panel): void {
    const open = new Map(this.open);
    if (open.get(matchId) === panel) open.delete(matchId);
    else open.set(matchId, panel);
    this.open = open;
  }

  private openSessions(matchId: string): void {
    emit(this, 'upward-open-match', { matchId });
    if (this.inlineSessionLog) this.toggle(matchId, 'sessions');
  }

  private renderActionItems(home: Home): TemplateResult | typeof nothing {
    if (!home.matches.length) return nothing;
    const today = localToday();
    const partnerOf = (matchId: string) => formatList(home.matches.find((m) => m.match.id === matchId)?.partners.map((p) => p.name) ?? []);
    return html`<section class="stack" aria-labelledby="items-title">
      <h3 id="items-title" tabindex="-1">${msg('My open action items', { id: 'my-mentoring.items' })}</h3>
      ${home.openActionItems.length
        ? html`<ul class="stack plain" part="list">
            ${home.openActionItems.map(
              (item) => html`<li class="item-line" part="item">
                <input type="checkbox" id="done-${item.id}" @change=${(e: Event) => this.markDone(item, e.target as HTMLInputElement)} />
                <label for="done-${item.id}">${item.text}</label>
                <span class="muted">
                  ${msg(str`with ${partnerOf(item.matchId)}`, { id: 'my-mentoring.items.with' })}${item.due
                    ? html` · ${msg(str`due ${formatDate(item.due)}`, { id: 'session-log.items.due-on' })}${item.due < today
                        ? html` <span class="badge overdue">${msg('overdue', { id: 'session-log.items.overdue' })}</span>`
                        : nothing}`
                    : nothing}
                </span>
                ${renderErrorSummary(this.errorFor(`done:${item.id}`), {}, this.shadowRoot)}
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${msg('Nothing open. Well done!', { id: 'my-mentoring.items.none' })}</p>`}
    </section>`;
  }

  private async respond(m: HomeMatch, accept: boolean): Promise<void> {
    const upward = this.upward!;
    await this.run(
      `respond:${m.match.id}`,
      () => upward.matches.respond({ matchId: m.match.id, accept }),
      async (match) => {
        this.confirming = '';
        emit(this, 'upward-match-responded', { match, accept });
        // A declined match moves to "earlier matches"; the heading is the next sensible place.
        await focusAfterRender(this, `#${accept ? `match-${match.id}` : 'title'}`);
        if (!accept) return msg('You declined the match.', { id: 'my-mentoring.declined' });
        return match.status === 'accepted'
          ? msg('Accepted. You are now a pair: plan your first meeting.', { id: 'my-mentoring.accepted-both' })
          : msg('Accepted. Waiting for the others to answer.', { id: 'my-mentoring.accepted-one' });
      },
    );
  }

  private async decide(m: HomeMatch, decision: 'continue' | 'exit'): Promise<void> {
    const upward = this.upward!;
    await this.run(
      `trial:${m.match.id}`,
      () => upward.matches.decideTrial({ matchId: m.match.id, decision }),
      async (match) => {
        this.confirming = '';
        emit(this, 'upward-trial-decided', { match, decision });
        await focusAfterRender(this, `#${decision === 'exit' ? 'title' : `match-${match.id}`}`);
        if (decision === 'exit') return msg('The match has ended. Thank you for giving it a try.', { id: 'my-mentoring.exited' });
        return match.status === 'active'
          ? msg('You are both continuing. Enjoy learning together!', { id: 'my-mentoring.continued-both' })
          : msg('Noted: you want to continue.', { id: 'my-mentoring.continued-one' });
      },
    );
  }

  private async markDone(item: ActionItem, box: HTMLInputElement): Promise<void> {
    const upward = this.upward!;
    const stored = await this.run(
      `done:${item.id}`,
      () => upward.actionItems.setDone({ id: item.id, expectedVersion: item.version, done: true }),
      async (actionItem) => {
        emit(this, 'upward-action-item-done', { actionItem });
        await focusAfterRender(this, '#items-title');
        return msg(str`Marked as done: ${actionItem.text}`, { id: 'session-log.items.done' });
      },
    );
    // The box stays in the list only when the SDK refused: show it unticked again.
    if (!stored) box.checked = false;
  }
}
