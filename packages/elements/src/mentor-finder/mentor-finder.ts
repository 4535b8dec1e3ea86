/**
 * `<upward-mentor-finder>`: in self and hybrid matching, the acting mentee browses the mentors the
 * pairing rules allow (best first, each score explained), requests one (self mode) or ranks
 * several and submits the ranking (self mode asks them in order; hybrid mode stores it for the
 * program team's stable matching), and follows open requests until they lapse.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { DataTask } from '../internal/task.ts';
import { renderAnnouncement } from '../internal/announce.ts';
import { msg, str } from '@lit/localize';
import type { ChangeEvent, Enrolment, Match, MentorSuggestion, Program } from '@upward/sdk';
import { UpwardElement } from '../internal/upward-element.ts';
import { baseStyles } from '../internal/styles.ts';
import { emit } from '../internal/events.ts';
import { describeError, fieldError, fieldId, renderErrorSummary, type DescribedError } from '../internal/errors.ts';
import { ERROR_SUMMARY, focusAfterRender } from '../internal/focus.ts';
import { sayViolation } from '../internal/rule-words.ts';
import { sayBrokenRulesWith } from '../internal/validation-messages.ts';
import { formatDateTime } from '../internal/format.ts';
import { renderScore } from './score-reasons.ts';
import { renderRankingList } from './ranking.ts';
import { mentorFinderStyles } from './mentor-finder.styles.ts';

// A request can break a pairing rule (a place just taken, a level limit), said in the reader's language.
sayBrokenRulesWith(sayViolation);

declare global {
  interface UpwardEventDetails {
    /** Self mode: the mentee asked one mentor; `match` is the open request. */
    'upward-mentor-requested': { match: Match };
    /**
     * The ranking was stored. Self mode: `match` is the request sent to the first mentor who could
     * take the mentee (null when none could); hybrid mode: always null.
     */
    'upward-ranking-submitted': { mentorIds: string[]; match: Match | null };
  }
}

/** The SDK accepts at most ten ranked mentors (`requestRanked`, `enrolment.preferences`). */
export const RANKING_LIMIT = 10;

type Mode = 'self' | 'hybrid';

interface OpenMatch {
  match: Match;
  mentorName: string;
}

type FinderData =
  | { state: 'wrong-mode'; program: Program }
  | { state: 'not-enrolled'; program: Program }
  | {
      state: 'ready';
      program: Program;
      mode: Mode;
      enrolment: Enrolment;
      /** The mentee's own name: the reasons are about them, and say "you" to them. */
      myName: string;
      suggestions: MentorSuggestion[];
      /** Requests this mentee sent that wait for an answer. */
      pending: OpenMatch[];
      /** A match that is already under way (or proposed by the program team). */
      current: OpenMatch | undefined;
    };

/**
 * @summary Lets a mentee find, request or rank mentors in self and hybrid matching programs.
 * @fires upward-mentor-requested - A request went to one mentor; detail `{ match }`.
 * @fires upward-ranking-submitted - The ranking was stored; detail `{ mentorIds, match }`.
 * @fires upward-error - A command failed (the element shows the message too); detail `{ error, operation }`.
 * @csspart base - The whole element.
 * @csspart list - The list of suggested mentors.
 * @csspart item - One suggested mentor.
 * @csspart reasons - The reasons behind a score.
 * @csspart actions - The buttons of a suggestion.
 * @csspart ranking - The ranking section.
 * @csspart rank-item - One ranked mentor.
 * @csspart pending - The open requests.
 * @csspart status - The live region that confirms what happened.
 * @csspart error-summary - What went wrong with the last command.
 * @csspart loading - Shown while the data loads.
 * @csspart error - A load that failed, with a retry button.
 * @csspart stale - Above data kept after a reload failed: says it may be out of date, with a retry button (also part `error`).
 * @csspart empty - Shown when there is nothing to choose.
 * @cssproperty --upward-mentor-finder-columns - Minimum width of a suggestion card (default 18rem).
 * @cssproperty --upward-mentor-finder-drop-color - Outline of the place a dragged mentor will land.
 */
export class UpwardMentorFinder extends UpwardElement {
  static override styles = [baseStyles, mentorFinderStyles];

  /** The program whose mentors to show. */
  @property({ attribute: 'program-id', reflect: true })
  programId = '';

  /** Mentor ids in ranked order, best first, as the mentee arranges them (not yet stored). */
  @state() private ranking: string[] = [];
  /** Whether the ranking differs from the stored one: reloads then keep the mentee's edits. */
  @state() private rankingEdited = false;
  @state() private busy = false;
  @state() private error?: DescribedError;
  @state() private announcement = '';
  /** A mentor whose last place went to someone else just as the mentee asked: said above the list. */
  @state() private placeGone?: string;
  /** The ranked mentor being dragged, if any. */
  @state() private dragging?: string;

  private readonly data = new DataTask(this, {
    args: () => [this.upward, this.programId, this.revision] as const,
    task: async ([upward, programId]): Promise<FinderData | undefined> => {
      if (!upward || !programId) return undefined;
      const program = await upward.programs.get(programId);
      const mode = program.matching.mode;
      if (mode === 'admin') return { state: 'wrong-mode', program };
      const me = upward.actor.personId;
      const enrolment = (await upward.enrolments.list({ programId, role: 'mentee', status: 'approved' })).find((e) => e.personId === me);
      if (!enrolment) return { state: 'not-enrolled', program };
      const [suggestions, matches, myself] = await Promise.all([
        upward.matching.suggestions({ programId }),
        upward.matches.list({ programId }),
        upward.people.get(me),
      ]);
      const open = matches.filter((m) => m.memberIds.includes(me) && ['proposed', 'accepted', 'trial', 'active'].includes(m.status));
      const withName = async (match: Match): Promise<OpenMatch> => {
        const mentorId = match.members.find((m) => m.role === 'mentor')?.personId ?? '';
        const fromSuggestions = suggestions.find((s) => s.mentor.personId === mentorId)?.mentor.name;
        return { match, mentorName: fromSuggestions ?? (await upward.people.get(mentorId)).name };
      };
      const isRequest = (m: Match) => m.origin === 'requested' && m.status === 'proposed';
      const pending = await Promise.all(open.filter(isRequest).map(withName));
      const currentMatch = open.find((m) => !isRequest(m));
      return { state: 'ready', program, mode, enrolment, myName: myself.name, suggestions, pending, current: currentMatch ? await withName(currentMatch) : undefined };
    },
    onComplete: (data) => {
      if (data?.state !== 'ready' || this.rankingEdited) return;
      // Start from the stored ranking, keeping only mentors who can still be chosen.
      const allowed = new Set(data.suggestions.map((s) => s.mentor.personId));
      this.ranking = data.enrolment.preferences.filter((id) => allowed.has(id));
    },
  });

  protected override isRelevant(changes: readonly ChangeEvent[]): boolean {
    return changes.some((c) => c.entity !== 'session' && c.entity !== 'private note' && c.entity !== 'action item' && c.entity !== 'agreement');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('programId') && changed.get('programId') !== undefined) this.clientChanged();
  }

  /**
   * Other mentees' requests take mentors' places, and their matches are private to them: no
   * change event says a suggested mentor is now full. So the suggestions are checked again
   * whenever the mentee comes back to the page (and after a refused request, see `fail`).
   */
  private readonly refreshWhenShown = () => {
    if (document.visibilityState === 'visible') this.revision++;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.refreshWhenShown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.refreshWhenShown);
  }

  /** A ranking being arranged, errors and messages belong to one mentee and one program. */
  protected override clientChanged(): void {
    this.ranking = [];
    this.rankingEdited = false;
    this.error = undefined;
    this.announcement = '';
    this.dragging = undefined;
    this.placeGone = undefined;
  }

  protected override render(): TemplateResult {
    if (!this.upward) return this.renderNoClient();
    const body = this.renderLoaded(this.data, (data) => this.renderData(data));
    return html`<section part="base" class="stack" aria-labelledby="title">
      <h2 id="title">${msg('Find a mentor', { id: 'mentor-finder.title' })}</h2>
      ${body}
      ${renderAnnouncement(this.announcement)}
    </section>`;
  }

  private renderData(data: FinderData): TemplateResult {
    const name = data.program.name;
    if (data.state === 'wrong-mode') {
      return html`<p part="empty">${msg(str`In ${name} the program team pairs mentors and mentees, so there is nothing to choose here.`, { id: 'mentor-finder.wrong-mode' })}</p>`;
    }
    if (data.state === 'not-enrolled') {
      return html`<p part="empty">${msg(str`You can choose a mentor once you are an approved mentee of ${name}.`, { id: 'mentor-finder.not-enrolled' })}</p>`;
    }
    return html`<p class="muted">
        ${data.mode === 'self'
          ? msg('Request the mentor you like best, or rank several: if one declines or does not answer in time, the next is asked.', { id: 'mentor-finder.intro-self' })
          : msg('Rank the mentors you would like to learn from. The program team pairs everyone on these rankings.', { id: 'mentor-finder.intro-hybrid' })}
      </p>
      ${renderErrorSummary(this.error, { mentorIds: msg('Ranking', { id: 'mentor-finder.ranking-label' }), 'changes.preferences': msg('Ranking', { id: 'mentor-finder.ranking-label' }) }, this.shadowRoot)}
      ${this.placeGone
        ? html`<p class="notice" id="place-gone" tabindex="-1">
            ${msg(str`${this.placeGone} has no free place any more, so no request was sent. The list shows the mentors you can ask now.`, { id: 'mentor-finder.place-gone' })}
          </p>`
        : nothing}
      ${this.renderCurrent(data.current)} ${this.renderPending(data.program, data.pending)}
      ${data.current || data.pending.length ? nothing : this.renderSuggestions(data.mode, data.suggestions, data.myName)}
      ${data.current || data.pending.length || !data.suggestions.length ? nothing : this.renderRanking(data.mode, data.suggestions)}`;
  }

  private renderCurrent(current: OpenMatch | undefined): TemplateResult | typeof nothing {
    if (!current) return nothing;
    return html`<p part="empty">
      ${msg(str`You are already paired with ${current.mentorName}, so there is no need to look for another mentor.`, { id: 'mentor-finder.already-paired' })}
    </p>`;
  }

  private renderPending(program: Program, pending: OpenMatch[]): TemplateResult | typeof nothing {
    if (!pending.length) return nothing;
    return html`<section part="pending" aria-labelledby="pending-title">
      <h3 id="pending-title" tabindex="-1">${msg('Your open request', { id: 'mentor-finder.pending-title' })}</h3>
      <ul>
        ${pending.map(
          ({ match, mentorName }) =>
            html`<li>
              ${match.expiresAt
                ? msg(str`${mentorName} has until ${formatDateTime(match.expiresAt)} to answer.`, { id: 'mentor-finder.pending-until' })
                : msg(str`Waiting for ${mentorName} to answer.`, { id: 'mentor-finder.pending' })}
            </li>`,
        )}
      </ul>
      <p class="muted">
        ${program.matching.requestExpiryDays === 1
          ? msg('If the request lapses after 1 day or is declined, your next ranked choice is asked; without one you can choose again here.', { id: 'mentor-finder.pending-hint-one' })
          : msg(
              str`If the request lapses after ${program.matching.requestExpiryDays} days or is declined, your next ranked choice is asked; without one you can choose again here.`,
              { id: 'mentor-finder.pending-hint' },
            )}
      </p>
    </section>`;
  }

  private renderSuggestions(mode: Mode, suggestions: MentorSuggestion[], myName: string): TemplateResult {
    if (!suggestions.length) {
      return html`<div part="empty">
        <p>${msg('No mentor fits you right now.', { id: 'mentor-finder.empty' })}</p>
        <p class="muted">
          ${msg(
            'The program pairs only people within a certain range of levels, outside the same reporting line and, where required, with a shared language; and every mentor can take only a few mentees. Mentors who are fully booked or ruled out by these rules are not shown. Please look again later or ask the program team.',
            { id: 'mentor-finder.empty-why' },
          )}
        </p>
      </div>`;
    }
    const full = this.ranking.length >= RANKING_LIMIT;
    return html`<section aria-labelledby="suggestions-title">
      <h3 id="suggestions-title">${msg('Suggested mentors', { id: 'mentor-finder.suggestions-title' })}</h3>
      <ol class="suggestions" part="list">
        ${repeat(
          suggestions,
          (s) => s.mentor.personId,
          (s) => {
            const id = s.mentor.personId;
            const ranked = this.ranking.includes(id);
            return html`<li class="card" part="item" data-mentor=${id}>
              <h4>${s.mentor.name}</h4>
              <p class="muted">${s.mentor.title} · ${s.mentor.department}</p>
              ${renderScore(s.score, s.reasons, myName)}
              <div class="row" part="actions">
                ${mode === 'self'
                  ? html`<button type="button" class="primary" ?disabled=${this.busy} data-action="request" @click=${() => this.request(s)}
                      aria-label=${msg(str`Request ${s.mentor.name}`, { id: 'mentor-finder.request-named' })}>
                      ${msg('Request', { id: 'mentor-finder.request' })}
                    </button>`
                  : nothing}
                ${ranked
                  ? html`<button type="button" data-action="unrank" @click=${() => this.unrank(id)}
                      aria-label=${msg(str`Remove from ranking: ${s.mentor.name}`, { id: 'mentor-finder.unrank-named' })}>
                      ${msg('Remove from ranking', { id: 'mentor-finder.unrank' })}
                    </button>`
                  : html`<button type="button" data-action="rank" ?disabled=${full} @click=${() => this.rank(id)}
                      aria-label=${msg(str`Add to ranking: ${s.mentor.name}`, { id: 'mentor-finder.rank-named' })}>
                      ${msg('Add to ranking', { id: 'mentor-finder.rank' })}
                    </button>`}
              </div>
            </li>`;
          },
        )}
      </ol>
    </section>`;
  }

  private renderRanking(mode: Mode, suggestions: MentorSuggestion[]): TemplateResult {
    const names = new Map(suggestions.map((s) => [s.mentor.personId, s.mentor.name]));
    const error = fieldError(this.error, 'mentorIds') ?? fieldError(this.error, 'changes.preferences');
    return html`<section part="ranking" aria-labelledby="ranking-title">
      <h3 id="ranking-title" tabindex="-1">${msg('My ranking', { id: 'mentor-finder.ranking-title' })}</h3>
      <p class="hint" id="ranking-hint">
        ${msg(str`Up to ${RANKING_LIMIT} mentors, your favourite first. Drag them into order or use the move buttons.`, { id: 'mentor-finder.ranking-hint' })}
      </p>
      ${this.ranking.length
        ? renderRankingList({
            id: fieldId('mentorIds'),
            items: this.ranking.map((id) => ({ id, name: names.get(id) ?? id })),
            describedBy: error ? 'ranking-error' : 'ranking-hint',
            invalid: !!error,
            dragging: this.dragging,
            onDrag: (id) => (this.dragging = id),
            onMove: (from, to, viaKeyboard) => this.move(from, to, viaKeyboard),
            onRemove: (id) => this.unrank(id, true),
          })
        : html`<p class="muted">${msg('Nobody ranked yet: use "Add to ranking" on the mentors above.', { id: 'mentor-finder.ranking-empty' })}</p>`}
      ${error ? html`<p class="field-error" id="ranking-error">${error}</p>` : nothing}
      <div class="row" part="actions">
        <button type="button" class="primary" data-action="submit-ranking" ?disabled=${this.busy || !this.ranking.length} @click=${() => this.submitRanking(mode, names)}>
          ${this.busy
            ? msg('Saving…', { id: 'common.saving' })
            : mode === 'self'
              ? msg('Request in this order', { id: 'mentor-finder.submit-self' })
              : msg('Save my ranking', { id: 'mentor-finder.submit-hybrid' })}
        </button>
      </div>
    </section>`;
  }

  private rank(id: string): void {
    if (this.ranking.includes(id) || this.ranking.length >= RANKING_LIMIT) return;
    this.ranking = [...this.ranking, id];
    this.rankingEdited = true;
    this.announcement = msg(str`Added at position ${this.ranking.length}.`, { id: 'mentor-finder.ranked' });
    // The button turned into "Remove from ranking"; keep focus on it.
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(`[data-mentor="${CSS.escape(id)}"] [data-action="unrank"]`)?.focus());
  }

  /** Removes a mentor from the ranking; from the ranking list, focus stays in the list. */
  private unrank(id: string, fromList = false): void {
    const index = this.ranking.indexOf(id);
    this.ranking = this.ranking.filter((x) => x !== id);
    this.rankingEdited = true;
    this.announcement = msg('Removed from the ranking.', { id: 'mentor-finder.unranked' });
    const neighbour = this.ranking[Math.min(index, this.ranking.length - 1)];
    const selector = !fromList
      ? `[data-mentor="${CSS.escape(id)}"] [data-action="rank"]`
      : neighbour
        ? `[data-ranked="${CSS.escape(neighbour)}"] [data-action="remove"]`
        : '#ranking-title';
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  private move(from: number, to: number, viaKeyboard: boolean): void {
    if (to < 0 || to >= this.ranking.length || from === to) return;
    const next = [...this.ranking];
    const [id] = next.splice(from, 1);
    next.splice(to, 0, id!);
    this.ranking = next;
    this.rankingEdited = true;
    this.announcement = msg(str`Moved to position ${to + 1} of ${next.length}.`, { id: 'mentor-finder.moved' });
    if (!viaKeyboard) return;
    // Keep focus on the moved mentor: the same button, or the other one once it reached an end.
    const direction = to < from ? 'up' : 'down';
    void this.updateComplete.then(() => {
      const item = this.shadowRoot?.querySelector(`[data-ranked="${CSS.escape(id!)}"]`);
      const same = item?.querySelector<HTMLButtonElement>(`[data-action="move-${direction}"]`);
      (same && !same.disabled ? same : item?.querySelector<HTMLButtonElement>(`[data-action="move-${direction === 'up' ? 'down' : 'up'}"]`))?.focus();
    });
  }

  private async request(suggestion: MentorSuggestion): Promise<void> {
    const upward = this.upward;
    if (!upward || this.busy) return;
    this.busy = true;
    this.error = undefined;
    this.announcement = '';
    this.placeGone = undefined;
    try {
      const match = await upward.matches.request({ programId: this.programId, mentorId: suggestion.mentor.personId });
      this.announcement = msg(str`Request sent to ${suggestion.mentor.name}.`, { id: 'mentor-finder.requested' });
      emit(this, 'upward-mentor-requested', { match });
      await this.reloadAndFocus('#pending-title');
    } catch (error) {
      const conflict = describeError(error).code === 'conflict';
      // A conflict reloads first, to see whether the mentor is still there; the error then needs no second reload.
      if (!conflict || !(await this.placeWentMeanwhile(suggestion, error))) this.fail('request', error, conflict);
    } finally {
      this.busy = false;
    }
  }

  private async submitRanking(mode: Mode, names: ReadonlyMap<string, string>): Promise<void> {
    const upward = this.upward;
    const data = this.data.value;
    if (!upward || this.busy || data?.state !== 'ready') return;
    const mentorIds = [...this.ranking];
    this.busy = true;
    this.error = undefined;
    this.announcement = '';
    this.placeGone = undefined;
    try {
      let match: Match | null = null;
      if (mode === 'self') {
        match = await upward.matching.requestRanked({ programId: this.programId, mentorIds });
        const mentorId = match?.members.find((m) => m.role === 'mentor')?.personId;
        this.announcement = match
          ? msg(str`Ranking saved. Request sent to ${names.get(mentorId ?? '') ?? mentorId}.`, { id: 'mentor-finder.ranked-requested' })
          : msg('Ranking saved, but none of these mentors can take you right now. Please choose others.', { id: 'mentor-finder.ranked-none' });
      } else {
        await upward.enrolments.update({ id: data.enrolment.id, expectedVersion: data.enrolment.version, changes: { preferences: mentorIds } });
        this.announcement = msg('Ranking saved. The program team will pair everyone on these rankings.', { id: 'mentor-finder.ranking-saved' });
      }
      this.rankingEdited = false;
      emit(this, 'upward-ranking-submitted', { mentorIds, match });
      if (match) await this.reloadAndFocus('#pending-title');
    } catch (error) {
      this.fail('ranking', error);
    } finally {
      this.busy = false;
    }
  }

  /**
   * After a conflict, reloads and checks whether the mentor is no longer suggested: their last
   * place went to someone else while the list was open (nothing tells a mentee of other people's matches). Says so by
   * name above the fresh list, instead of a general "this changed meanwhile". Returns whether it was that.
   */
  private async placeWentMeanwhile(suggestion: MentorSuggestion, error: unknown): Promise<boolean> {
    await this.data.run().catch(() => undefined);
    const data = this.data.value;
    if (data?.state !== 'ready' || data.current || data.pending.length || data.suggestions.some((s) => s.mentor.personId === suggestion.mentor.personId)) return false;
    this.reportError('request', error);
    this.placeGone = suggestion.mentor.name;
    this.announcement = '';
    await focusAfterRender(this, '#place-gone');
    return true;
  }

  private fail(operation: string, error: unknown, reloaded = false): void {
    this.error = describeError(error);
    this.reportError(operation, error);
    // A refused request mostly means the list is out of date (a mentor's last place went to
    // someone else), and a mentee is not told of other people's matches as they happen: reload.
    if (!reloaded) void this.data.run().catch(() => undefined);
    // The summary is announced (role="alert"); focus goes to its first field link, else to it.
    void focusAfterRender(this, ERROR_SUMMARY);
  }

  /**
   * Reloads now rather than waiting for the change notification, so focus can move to what the
   * command produced (the open request) as soon as it is on screen.
   */
  private async reloadAndFocus(selector: string): Promise<void> {
    await this.data.run().catch(() => undefined);
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }
}
