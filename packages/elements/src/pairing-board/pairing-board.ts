/**
 * `<upward-pairing-board>`: where an admin reviews the matching engine's proposal for a program
 * (admin or hybrid matching) and shapes it: lock a pair, exclude a pair, swap two mentors (by drag
 * and drop or from the keyboard). Every change re-solves at once with the locks and exclusions,
 * cancelling a solve still running. It shows who stays unmatched and why, answers "why not this
 * pair?" and publishes the result as proposed matches after a confirmation. Anyone else (a
 * champion follows a program in aggregate only) is told that pairing is HR's, and nothing about
 * the people in the program is loaded for them.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { DataTask } from '../internal/task.ts';
import { renderAnnouncement } from '../internal/announce.ts';
import { msg, str } from '@lit/localize';
import type { ChangeEvent, Match, MatchingProposal, PairExplanation, Program, ProposedPair } from '@upward/sdk';
import { UpwardElement } from '../internal/upward-element.ts';
import { baseStyles } from '../internal/styles.ts';
import { emit } from '../internal/events.ts';
import { describeError, fieldId, renderErrorSummary, type DescribedError } from '../internal/errors.ts';
import { ERROR_SUMMARY, focusAfterRender } from '../internal/focus.ts';
import { formatList, formatNumber } from '../internal/format.ts';
import { sayUnmatched } from '../internal/matching-words.ts';
import { sayViolation } from '../internal/rule-words.ts';
import { sayBrokenRulesWith, sayIssue, type IssueLike } from '../internal/validation-messages.ts';
import { renderScore } from '../mentor-finder/score-reasons.ts';
import { DRAG_TYPE, chooserIds, pairLabel, renderChooser, renderPairCard } from './pair-card.ts';
import { pairingBoardStyles } from './pairing-board.styles.ts';

// Publishing can break a pairing rule (field errors of the proposal), said in the reader's language.
sayBrokenRulesWith(sayViolation);

/** A mentee–mentor pair, as the SDK takes locks and exclusions. */
export interface PairRef {
  menteeId: string;
  mentorId: string;
}

declare global {
  interface UpwardEventDetails {
    /** A new proposal is on the board (first solve, or re-solved after a lock, exclusion or swap). */
    'upward-proposal-changed': { proposal: MatchingProposal; locks: PairRef[]; exclusions: PairRef[] };
    /** The proposal became proposed matches (participants are asked to accept). */
    'upward-matches-published': { matches: Match[] };
  }
}

interface BoardData {
  program: Program;
  names: ReadonlyMap<string, string>;
  mentees: string[];
  mentors: string[];
}

/** "1 pair", "12 pairs". */
const pairCount = (count: number): string =>
  count === 1 ? msg('1 pair', { id: 'pairing-board.pairs-one' }) : msg(str`${formatNumber(count)} pairs`, { id: 'pairing-board.pairs-many' });

const same = (a: PairRef, b: PairRef) => a.menteeId === b.menteeId && a.mentorId === b.mentorId;
const isForbidden = (error: unknown) => describeError(error).code === 'forbidden';

/**
 * @summary Lets an admin review, adjust and publish the matching engine's pairs for a program.
 * @fires upward-proposal-changed - A (re-)solved proposal is shown; detail `{ proposal, locks, exclusions }`.
 * @fires upward-matches-published - The pairs became proposed matches; detail `{ matches }`.
 * @fires upward-error - A command failed (the element shows the message too); detail `{ error, operation }`.
 * @csspart base - The whole element.
 * @csspart summary - Objective and totals.
 * @csspart progress - The solving progress with its cancel button.
 * @csspart groups - Group format: the groups the proposed pairs form (mentors and their mentees).
 * @csspart refused-locks - Locks the engine could not keep (a mentor's places went meanwhile), and why.
 * @csspart list - The proposed pairs.
 * @csspart item - One proposed pair.
 * @csspart actions - The buttons of a pair.
 * @csspart reasons - The reasons behind a score.
 * @csspart unmatched - Mentees left without a mentor, and why.
 * @csspart exclusions - The pairs ruled out, with a way to allow them again.
 * @csspart explain - The "why not this pair?" form and its answer.
 * @csspart publish - The publish button and its confirmation.
 * @csspart published - The matches created by publishing.
 * @csspart status - The live region that announces results.
 * @csspart error-summary - What went wrong with the last command.
 * @csspart loading - Shown while the data loads.
 * @csspart error - A load that failed, with a retry button.
 * @csspart stale - Above data kept after a reload failed: says it may be out of date, with a retry button (also part `error`).
 * @csspart empty - Shown when there is nothing to pair.
 * @csspart forbidden - What non-admins see instead of the board: pairing is for HR admins (no retry, no one's details).
 * @cssproperty --upward-pairing-board-columns - Minimum width of a pair card (default 20rem).
 * @cssproperty --upward-pairing-board-locked-color - Accent of a locked pair.
 * @cssproperty --upward-pairing-board-drop-color - Outline of the pair a dragged mentor will land on.
 */
export class UpwardPairingBoard extends UpwardElement {
  static override styles = [baseStyles, pairingBoardStyles];

  /** The program whose participants to pair. */
  @property({ attribute: 'program-id', reflect: true })
  programId = '';

  @state() private locks: PairRef[] = [];
  @state() private exclusions: PairRef[] = [];
  /** The last proposal solved, kept on screen while the next one is solved. */
  @state() private proposal?: MatchingProposal;
  @state() private progress?: { done: number; total: number };
  @state() private dragging?: string;
  /** The open "choose a mentor" form, if any: swapping a pair's mentor, or pairing an unmatched mentee. One at a time. */
  @state() private chooser?: { kind: 'swap' | 'assign'; menteeId: string };
  @state() private dropTarget?: string;
  @state() private confirming = false;
  @state() private busy = false;
  @state() private error?: DescribedError;
  @state() private published?: Match[];
  @state() private explanation?: { menteeId: string; mentorId: string; result: PairExplanation };
  /** Locks the engine refused (a mentor whose places went meanwhile, say), and why; they were let go. */
  @state() private refusedLocks: { lock: PairRef; issue: IssueLike }[] = [];
  /** The next proposal is the re-solve without refused locks: it keeps their notice (any later one clears it). */
  private keepRefusedNotice = false;
  @state() private announcement = '';
  /** What the last action did, said before the re-solve's result ("Swapped … Re-solved: …"). */
  private actionNote = '';
  /** The mentee whose card should keep focus after a re-solve (it may move or disappear). */
  private focusMentee?: string;

  private readonly data = new DataTask(this, {
    args: () => [this.upward, this.programId, this.revision] as const,
    task: async ([upward, programId]): Promise<BoardData | undefined> => {
      // Only admins pair people: nobody else gets the program's names (nor a solve, nor "why not?").
      if (!upward || !programId || !upward.actor.isAdmin) return undefined;
      const [program, enrolments, people] = await Promise.all([
        upward.programs.get(programId),
        upward.enrolments.list({ programId, status: 'approved' }),
        upward.people.list(),
      ]);
      const names = new Map(people.map((p) => [p.id, p.name]));
      const byName = (a: string, b: string) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b);
      const of = (role: 'mentor' | 'mentee') => enrolments.filter((e) => e.role === role).map((e) => e.personId).sort(byName);
      return { program, names, mentees: of('mentee'), mentors: of('mentor') };
    },
  });

  private readonly solve = new Task(this, {
    args: () => [this.upward, this.data.value, this.locks, this.exclusions] as const,
    task: async ([upward, data, locks, exclusions], { signal }): Promise<MatchingProposal | undefined> => {
      if (!upward || !data || data.program.matching.mode === 'self') return undefined;
      this.progress = undefined;
      try {
        return await upward.matching.suggest(
          { programId: data.program.id, locks, exclusions },
          { signal, onProgress: (done, total) => (this.progress = { done, total }) },
        );
      } catch (error) {
        if (!this.letGoOfRefusedLocks(locks, error)) throw error;
        return undefined; // the locks changed, so it solves again without them
      }
    },
    onComplete: (proposal) => {
      if (proposal) void this.showProposal(proposal);
    },
  });

  protected override isRelevant(changes: readonly ChangeEvent[]): boolean {
    return changes.some((c) => c.entity === 'program' || c.entity === 'enrolment' || c.entity === 'match' || c.entity === 'person');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('programId') && changed.get('programId') !== undefined) this.clientChanged();
  }

  /** Locks, exclusions, the proposal and messages belong to one admin's session with one program. */
  protected override clientChanged(): void {
    this.locks = [];
    this.exclusions = [];
    this.proposal = undefined;
    this.progress = undefined;
    this.published = undefined;
    this.explanation = undefined;
    this.confirming = false;
    this.error = undefined;
    this.announcement = '';
    this.actionNote = '';
    this.refusedLocks = [];
    this.keepRefusedNotice = false;
    this.chooser = undefined;
    this.dragging = undefined;
    this.dropTarget = undefined;
  }

  private name = (id: string): string => this.data.value?.names.get(id) ?? id;

  /**
   * A lock the engine refuses as a field error (`locks.3.mentorId`: the mentor's last place went
   * while the board was open) is let go, and the board says which and why; the others stay.
   * Returns whether there was any.
   */
  private letGoOfRefusedLocks(locks: readonly PairRef[], error: unknown): boolean {
    const described = describeError(error);
    if (described.code !== 'validation') return false;
    const refused = new Map<number, IssueLike>();
    for (const [path, issue] of described.fields) {
      const index = /^locks\.(\d+)(\.|$)/.exec(path)?.[1];
      if (index !== undefined && !refused.has(Number(index))) refused.set(Number(index), issue);
    }
    if (!refused.size) return false;
    this.refusedLocks = [...refused].map(([i, issue]) => ({ lock: locks[i]!, issue }));
    this.locks = locks.filter((_, i) => !refused.has(i));
    this.keepRefusedNotice = true;
    this.actionNote = this.refusedLocks.map(({ lock, issue }) => this.refusedText(lock, issue)).join(' ');
    return true;
  }

  private refusedText({ menteeId, mentorId }: PairRef, issue: IssueLike): string {
    return msg(str`Could not lock ${this.name(menteeId)} with ${this.name(mentorId)}: ${sayIssue(issue)}.`, { id: 'pairing-board.lock-refused' });
  }

  private renderRefusedLocks(): TemplateResult | typeof nothing {
    if (!this.refusedLocks.length) return nothing;
    return html`<div class="notice" part="refused-locks">
      <ul>
        ${this.refusedLocks.map(({ lock, issue }) => html`<li>${this.refusedText(lock, issue)}</li>`)}
      </ul>
    </div>`;
  }

  /** Publishing errors name a pair by its place in the proposal (`pairs.3`): the summary names its people. */
  private pairLabels(proposal: MatchingProposal | undefined): Record<string, string> {
    return Object.fromEntries(
      (proposal?.pairs ?? []).map((p, i) => [`pairs.${i}`, pairLabel(this.name(p.menteeId), this.name(p.mentorId))]),
    );
  }

  private async showProposal(proposal: MatchingProposal): Promise<void> {
    // A chooser whose mentee changed sides (now paired, or now unmatched) has no card to open on.
    const open = this.chooser;
    if (open && !(open.kind === 'swap' ? proposal.pairs : proposal.unmatched).some((x) => x.menteeId === open.menteeId)) this.chooser = undefined;
    const first = !this.proposal;
    this.proposal = proposal;
    if (this.keepRefusedNotice) this.keepRefusedNotice = false;
    else this.refusedLocks = [];
    // A pair the admin just locked that breaks a rule: the warning on its card is said too.
    const locked = proposal.pairs.find((p) => p.menteeId === this.focusMentee && p.locked);
    const warnings = (locked?.warnings ?? []).map((w) => msg(str`Breaks a rule: ${sayViolation(w)}`, { id: 'pairing-board.warning' }));
    const result = msg(str`${pairCount(proposal.pairs.length)}, total score ${formatNumber(proposal.total)}, ${formatNumber(proposal.unmatched.length)} unmatched.`, {
      id: 'pairing-board.result',
    });
    this.announcement = first
      ? msg(str`Proposal ready: ${result}`, { id: 'pairing-board.ready' })
      : [this.actionNote, ...warnings, msg(str`Re-solved: ${result}`, { id: 'pairing-board.resolved' })].filter(Boolean).join(' ');
    this.actionNote = '';
    emit(this, 'upward-proposal-changed', { proposal, locks: this.locks, exclusions: this.exclusions });
    const mentee = this.focusMentee;
    this.focusMentee = undefined;
    await this.updateComplete;
    // Focus was on a card that the re-solve removed (the mentee became unmatched, or an unmatched
    // mentee got a pair): move it to where that mentee is now, or to the summary.
    const active = this.shadowRoot?.activeElement;
    if (mentee && !active) {
      const target = this.shadowRoot?.querySelector<HTMLElement>(`[data-mentee="${CSS.escape(mentee)}"] [tabindex="-1"]`);
      (target ?? this.shadowRoot?.querySelector<HTMLElement>('#summary-title'))?.focus();
    }
  }

  protected override render(): TemplateResult {
    if (!this.upward) return this.renderNoClient();
    // A non-admin, or an admin the server does not take for one: trying again cannot help.
    const forbidden = !this.upward.actor.isAdmin || (this.data.status === TaskStatus.ERROR && isForbidden(this.data.error));
    const body = forbidden ? this.renderForbidden() : this.renderLoaded(this.data, (data) => this.renderBoard(data));
    return html`<section part="base" class="stack" aria-labelledby="title">
      <h2 id="title">${msg('Pairing board', { id: 'pairing-board.title' })}</h2>
      ${body}
      ${renderAnnouncement(this.announcement)}
    </section>`;
  }

  private renderForbidden(): TemplateResult {
    return html`<div part="forbidden" class="card stack">
      <p><strong>${msg('Only HR admins can arrange pairs, so the pairing board is not open to you.', { id: 'pairing-board.forbidden' })}</strong></p>
      <p>
        ${msg('Champions follow their programs in numbers: how many pairs there are and how they are doing, not why two people were or were not paired.', {
          id: 'pairing-board.forbidden-hint',
        })}
      </p>
    </div>`;
  }

  private renderBoard(data: BoardData): TemplateResult {
    if (data.program.matching.mode === 'self') {
      return html`<p part="empty">
        ${msg(str`In ${data.program.name} mentees choose their mentors themselves, so there is no board to arrange.`, { id: 'pairing-board.wrong-mode' })}
      </p>`;
    }
    const proposal = this.proposal;
    const solving = this.solve.status === TaskStatus.PENDING;
    const failed = this.solve.status === TaskStatus.ERROR ? this.solve.error : undefined;
    if (failed !== undefined && isForbidden(failed)) return this.renderForbidden();
    const cancelled = (failed as Error | undefined)?.name === 'AbortError';
    return html`
      ${renderErrorSummary(this.error, this.pairLabels(proposal), this.shadowRoot)} ${solving ? this.renderProgress() : nothing}
      ${this.renderRefusedLocks()}
      ${cancelled
        ? html`<p part="empty">
            ${msg('Solving was cancelled.', { id: 'pairing-board.cancelled' })}
            <button type="button" data-action="solve" @click=${() => void this.solve.run()}>${msg('Solve again', { id: 'pairing-board.solve-again' })}</button>
          </p>`
        : failed
          ? this.renderLoadError(failed, () => void this.solve.run())
          : nothing}
      ${this.renderPublished()}
      ${proposal ? this.renderProposal(data, proposal, solving) : solving || failed ? nothing : this.renderLoading()}
      ${this.renderExplain(data)}
    `;
  }

  private renderProgress(): TemplateResult {
    const p = this.progress;
    const percent = p && p.total > 0 ? Math.round((p.done / p.total) * 100) : undefined;
    return html`<div class="row" part="progress">
      <label for="progress">${msg('Solving…', { id: 'pairing-board.solving' })}</label>
      <progress id="progress" max="100" value=${percent ?? nothing}></progress>
      ${percent !== undefined ? html`<span>${formatNumber(percent / 100, { style: 'percent' })}</span>` : nothing}
      <button type="button" data-action="cancel" @click=${() => this.solve.abort()}>${msg('Cancel', { id: 'pairing-board.cancel' })}</button>
    </div>`;
  }

  private renderProposal(data: BoardData, proposal: MatchingProposal, solving: boolean): TemplateResult {
    const objective =
      proposal.strategy === 'stable'
        ? msg('Stable pairs on everyone\'s rankings: no mentee and mentor would both rather be with each other.', { id: 'pairing-board.objective-stable' })
        : proposal.objective === 'maxcard'
          ? msg('Objective: as many people matched as possible, then the highest total score.', { id: 'pairing-board.objective-maxcard' })
          : msg('Objective: the highest total score.', { id: 'pairing-board.objective-maxweight' });
    return html`<section part="summary" aria-labelledby="summary-title">
        <h3 id="summary-title" tabindex="-1">${msg('Proposal', { id: 'pairing-board.proposal' })}</h3>
        <p>${objective}</p>
        <dl class="totals">
          <div><dt>${msg('Pairs', { id: 'pairing-board.pairs' })}</dt><dd>${formatNumber(proposal.pairs.length)}</dd></div>
          <div><dt>${msg('Total score', { id: 'pairing-board.total' })}</dt><dd>${formatNumber(proposal.total)}</dd></div>
          <div><dt>${msg('Unmatched', { id: 'pairing-board.unmatched-count' })}</dt><dd>${formatNumber(proposal.unmatched.length)}</dd></div>
          <div><dt>${msg('Locked', { id: 'pairing-board.locked' })}</dt><dd>${formatNumber(this.locks.length)}</dd></div>
          <div><dt>${msg('Excluded', { id: 'pairing-board.excluded-count' })}</dt><dd>${formatNumber(this.exclusions.length)}</dd></div>
        </dl>
      </section>
      ${this.renderGroups(proposal)}
      ${proposal.pairs.length
        ? html`<ol class="pairs" part="list" aria-labelledby="summary-title" aria-busy=${solving ? 'true' : 'false'}>
            ${repeat(
              proposal.pairs,
              (p) => p.menteeId,
              (pair, index) =>
                renderPairCard({
                  pair,
                  headingId: fieldId(`pairs.${index}`),
                  name: this.name,
                  pairs: proposal.pairs,
                  choosing: this.isChoosing('swap', pair.menteeId),
                  onChoose: (open) => this.choose('swap', pair.menteeId, open),
                  busy: this.busy,
                  dropTarget: this.dropTarget === pair.menteeId,
                  onLock: (p) => this.toggleLock(p),
                  onExclude: (p) => this.exclude(p),
                  onSwap: (a, b) => this.swap(a, b),
                  onDrag: (id) => {
                    this.dragging = id;
                    if (!id) this.dropTarget = undefined;
                  },
                  onDragOver: (id) => (this.dropTarget = this.dragging && this.dragging !== id ? id : undefined),
                  onDrop: (target, event) => this.drop(target, event),
                }),
            )}
          </ol>`
        : html`<p part="empty">
            ${data.mentees.length
              ? msg('Nobody can be paired right now: everyone is matched already, or no pair fits the rules.', { id: 'pairing-board.no-pairs' })
              : msg('No approved mentees yet.', { id: 'pairing-board.no-mentees' })}
          </p>`}
      ${this.renderUnmatched(data, proposal)} ${this.renderExclusions()} ${this.renderPublish(proposal)}`;
  }

  /**
   * Group format: the groups the pairs below form (a mentor's mentees, two mentors co-leading when
   * the program says so), which is what publishing creates. Shaped by the pairs, so it follows
   * every lock, exclusion and swap.
   */
  private renderGroups(proposal: MatchingProposal): TemplateResult | typeof nothing {
    if (!proposal.groups?.length) return nothing;
    return html`<section part="groups" aria-labelledby="groups-title">
      <h3 id="groups-title">${msg('Groups', { id: 'pairing-board.groups' })}</h3>
      <ol class="groups">
        ${proposal.groups.map((g) => {
          const mentors = formatList(g.mentorIds.map(this.name));
          const mentees = formatList(g.menteeIds.map(this.name));
          return html`<li>
            <strong>${mentors}</strong>:
            ${g.menteeIds.length === 1
              ? msg(str`1 mentee, ${mentees}`, { id: 'pairing-board.group-one' })
              : msg(str`${formatNumber(g.menteeIds.length)} mentees, ${mentees}`, { id: 'pairing-board.group' })}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  private renderUnmatched(data: BoardData, proposal: MatchingProposal): TemplateResult | typeof nothing {
    if (!proposal.unmatched.length) return nothing;
    return html`<section part="unmatched" aria-labelledby="unmatched-title">
      <h3 id="unmatched-title">${msg('Still unmatched', { id: 'pairing-board.unmatched' })}</h3>
      <ul class="stack">
        ${repeat(
          proposal.unmatched,
          (u) => u.menteeId,
          (u) => {
            const ids = chooserIds(u.menteeId);
            const choosing = this.isChoosing('assign', u.menteeId);
            const name = this.name(u.menteeId);
            return html`<li class="card" data-mentee=${u.menteeId}
              @dragover=${(event: DragEvent) => event.preventDefault()}
              @drop=${(event: DragEvent) => this.drop(u.menteeId, event)}>
              <h4 tabindex="-1">${name}</h4>
              <p>${sayUnmatched(u)}</p>
              <div class="row" part="actions">
                <button type="button" id=${ids.toggle} data-action="open-assign" aria-expanded=${choosing ? 'true' : 'false'}
                  aria-controls=${choosing ? ids.form : nothing} ?disabled=${this.busy} @click=${() => this.choose('assign', u.menteeId, !choosing)}
                  aria-label=${msg(str`Choose a mentor: ${name}`, { id: 'pairing-board.open-assign-named' })}>
                  ${msg('Choose a mentor…', { id: 'pairing-board.open-assign' })}
                </button>
              </div>
              ${choosing
                ? renderChooser({
                    menteeId: u.menteeId,
                    label: msg('Pair with mentor', { id: 'pairing-board.assign-label' }),
                    options: repeat(data.mentors, (m) => m, (m) => html`<option value=${m}>${this.name(m)}</option>`),
                    action: 'assign',
                    submit: msg('Pair', { id: 'pairing-board.assign' }),
                    submitName: msg(str`Pair: ${name}`, { id: 'pairing-board.assign-named' }),
                    busy: this.busy,
                    onChoose: (mentorId) => this.assign(u.menteeId, mentorId),
                    onClose: () => this.choose('assign', u.menteeId, false),
                  })
                : nothing}
            </li>`;
          },
        )}
      </ul>
    </section>`;
  }

  private renderExclusions(): TemplateResult | typeof nothing {
    if (!this.exclusions.length) return nothing;
    return html`<section part="exclusions" aria-labelledby="exclusions-title">
      <h3 id="exclusions-title" tabindex="-1">${msg('Excluded pairs', { id: 'pairing-board.exclusions' })}</h3>
      <ul>
        ${this.exclusions.map((x) => {
          const label = pairLabel(this.name(x.menteeId), this.name(x.mentorId));
          return html`<li class="row">
            <span>${label}</span>
            <button type="button" data-action="allow" @click=${() => this.allow(x)}
              aria-label=${msg(str`Allow again: ${label}`, { id: 'pairing-board.allow-named' })}>
              ${msg('Allow again', { id: 'pairing-board.allow' })}
            </button>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderPublish(proposal: MatchingProposal): TemplateResult | typeof nothing {
    if (!proposal.pairs.length) return nothing;
    const count = proposal.pairs.length;
    return html`<section part="publish" class="stack" aria-labelledby="publish-title">
      <h3 id="publish-title" class="visually-hidden">${msg('Publish', { id: 'pairing-board.publish-title' })}</h3>
      ${this.confirming
        ? html`<div class="card stack confirm" role="group" aria-labelledby="confirm-text">
            <p id="confirm-text">
              ${count === 1
                ? msg('Publish 1 pair as a proposed match? Each person is asked to accept.', { id: 'pairing-board.confirm-one' })
                : msg(str`Publish ${formatNumber(count)} pairs as proposed matches? Each person is asked to accept.`, { id: 'pairing-board.confirm' })}
            </p>
            <div class="row">
              <button type="button" class="primary" data-action="confirm-publish" ?disabled=${this.busy} @click=${() => void this.publish(proposal)}>
                ${this.busy ? msg('Saving…', { id: 'common.saving' }) : msg('Publish', { id: 'pairing-board.publish-confirm' })}
              </button>
              <button type="button" data-action="cancel-publish" ?disabled=${this.busy} @click=${() => this.setConfirming(false)}>
                ${msg('Cancel', { id: 'pairing-board.cancel' })}
              </button>
            </div>
          </div>`
        : html`<div class="row">
            <button type="button" class="primary" data-action="publish" @click=${() => this.setConfirming(true)}>
              ${count === 1 ? msg('Publish 1 pair…', { id: 'pairing-board.publish-one' }) : msg(str`Publish ${formatNumber(count)} pairs…`, { id: 'pairing-board.publish' })}
            </button>
          </div>`}
    </section>`;
  }

  private renderPublished(): TemplateResult | typeof nothing {
    if (!this.published) return nothing;
    return html`<section part="published" aria-labelledby="published-title">
      <h3 id="published-title" tabindex="-1">${msg('Published matches', { id: 'pairing-board.published' })}</h3>
      <ul>
        ${this.published.map((m) => {
          const mentors = m.members.filter((x) => x.role === 'mentor').map((x) => this.name(x.personId)).join(', ');
          const mentees = m.members.filter((x) => x.role === 'mentee').map((x) => this.name(x.personId)).join(', ');
          return html`<li>
            ${pairLabel(mentees, mentors)}
            ${m.score !== null ? html`<span class="badge">${msg(str`Score ${formatNumber(m.score)}`, { id: 'pairing-board.score' })}</span>` : nothing}
          </li>`;
        })}
      </ul>
      <p class="muted">${msg('Everyone is asked to accept; the matches start once all members said yes.', { id: 'pairing-board.published-hint' })}</p>
    </section>`;
  }

  private renderExplain(data: BoardData): TemplateResult {
    const e = this.explanation;
    return html`<section part="explain" aria-labelledby="explain-title">
      <h3 id="explain-title">${msg('Why not this pair?', { id: 'pairing-board.explain-title' })}</h3>
      <form class="row" @submit=${(event: Event) => this.onExplain(event)}>
        <div class="field">
          <label for="explain-mentee">${msg('Mentee', { id: 'pairing-board.mentee' })}</label>
          <select id="explain-mentee" name="mentee">${data.mentees.map((id) => html`<option value=${id}>${this.name(id)}</option>`)}</select>
        </div>
        <div class="field">
          <label for="explain-mentor">${msg('Mentor', { id: 'pairing-board.mentor' })}</label>
          <select id="explain-mentor" name="mentor">${data.mentors.map((id) => html`<option value=${id}>${this.name(id)}</option>`)}</select>
        </div>
        <button type="submit" data-action="explain">${msg('Explain', { id: 'pairing-board.explain' })}</button>
      </form>
      ${e
        ? html`<div class="card answer" id="explain-answer" tabindex="-1">
            <h4>${pairLabel(this.name(e.menteeId), this.name(e.mentorId))}</h4>
            ${e.result.allowed
              ? html`<p>${msg('The rules allow this pair.', { id: 'pairing-board.allowed' })}</p>
                  ${renderScore(e.result.score, e.result.reasons)}`
              : html`<p>${msg('The rules rule this pair out:', { id: 'pairing-board.not-allowed' })}</p>
                  <ul>
                    ${e.result.violations.map((v) => html`<li>${sayViolation(v)}</li>`)}
                  </ul>`}
          </div>`
        : nothing}
    </section>`;
  }

  private setConfirming(on: boolean): void {
    this.confirming = on;
    void this.updateComplete.then(() =>
      this.shadowRoot?.querySelector<HTMLElement>(on ? '[data-action="confirm-publish"]' : '[data-action="publish"]')?.focus(),
    );
  }

  private toggleLock(pair: ProposedPair): void {
    this.chooser = undefined;
    const ref = { menteeId: pair.menteeId, mentorId: pair.mentorId };
    const locked = this.locks.some((l) => same(l, ref));
    this.locks = locked ? this.locks.filter((l) => !same(l, ref)) : [...this.locks.filter((l) => l.menteeId !== ref.menteeId), ref];
    this.actionNote = locked
      ? msg(str`Unlocked ${this.name(ref.menteeId)} with ${this.name(ref.mentorId)}.`, { id: 'pairing-board.unlocked-note' })
      : msg(str`Locked ${this.name(ref.menteeId)} with ${this.name(ref.mentorId)}.`, { id: 'pairing-board.locked-note' });
    this.focusMentee = ref.menteeId;
  }

  private exclude(pair: ProposedPair): void {
    this.chooser = undefined;
    const ref = { menteeId: pair.menteeId, mentorId: pair.mentorId };
    this.locks = this.locks.filter((l) => !same(l, ref));
    this.exclusions = [...this.exclusions, ref];
    this.actionNote = msg(str`Excluded ${this.name(ref.menteeId)} with ${this.name(ref.mentorId)}.`, { id: 'pairing-board.excluded-note' });
    this.focusMentee = ref.menteeId;
  }

  private allow(ref: PairRef): void {
    this.exclusions = this.exclusions.filter((x) => !same(x, ref));
    this.actionNote = msg(str`Allowed ${this.name(ref.menteeId)} with ${this.name(ref.mentorId)} again.`, { id: 'pairing-board.allowed-note' });
    this.focusMentee = ref.menteeId;
  }

  /**
   * Opens a mentee's "choose a mentor" form, its list in focus; closing it puts focus back on its
   * toggle. Only one is open, as each lists every pair or mentor of the program.
   */
  private choose(kind: 'swap' | 'assign', menteeId: string, open: boolean): void {
    this.chooser = open ? { kind, menteeId } : undefined;
    const ids = chooserIds(menteeId);
    void focusAfterRender(this, `#${open ? ids.select : ids.toggle}`);
  }

  private isChoosing(kind: 'swap' | 'assign', menteeId: string): boolean {
    return this.chooser?.kind === kind && this.chooser.menteeId === menteeId;
  }

  /**
   * Closes the open chooser as its action runs, focus on the mentee's card: the form holding the
   * focused button is gone, and the re-solve that follows may be cancelled or fail.
   */
  private chosen(menteeId: string): void {
    this.chooser = undefined;
    void focusAfterRender(this, `[data-mentee="${CSS.escape(menteeId)}"] h4`);
  }

  /** Swaps the mentors of two pairs and locks both new pairs, so the engine keeps them. */
  private swap(menteeA: string, menteeB: string): void {
    this.chosen(menteeA);
    const pairs = this.proposal?.pairs ?? [];
    const a = pairs.find((p) => p.menteeId === menteeA);
    const b = pairs.find((p) => p.menteeId === menteeB);
    if (!a || !b || a === b) return;
    const next = [
      { menteeId: a.menteeId, mentorId: b.mentorId },
      { menteeId: b.menteeId, mentorId: a.mentorId },
    ];
    this.locks = [...this.locks.filter((l) => l.menteeId !== a.menteeId && l.menteeId !== b.menteeId), ...next];
    this.exclusions = this.exclusions.filter((x) => !next.some((n) => same(n, x)));
    this.actionNote = msg(
      str`Swapped: ${this.name(a.menteeId)} now with ${this.name(b.mentorId)}, ${this.name(b.menteeId)} with ${this.name(a.mentorId)}.`,
      { id: 'pairing-board.swapped-note' },
    );
    this.focusMentee = a.menteeId;
  }

  /** Gives an unmatched mentee a mentor by locking the pair; the engine re-solves around it. */
  private assign(menteeId: string, mentorId: string): void {
    this.chosen(menteeId);
    const ref = { menteeId, mentorId };
    this.locks = [...this.locks.filter((l) => l.menteeId !== menteeId), ref];
    this.exclusions = this.exclusions.filter((x) => !same(x, ref));
    this.actionNote = msg(str`Locked ${this.name(menteeId)} with ${this.name(mentorId)}.`, { id: 'pairing-board.locked-note' });
    this.focusMentee = menteeId;
  }

  private drop(targetMentee: string, event: DragEvent): void {
    event.preventDefault();
    const source = event.dataTransfer?.getData(DRAG_TYPE) || this.dragging;
    this.dragging = undefined;
    this.dropTarget = undefined;
    if (!source || source === targetMentee) return;
    const target = this.proposal?.pairs.find((p) => p.menteeId === targetMentee);
    if (target) this.swap(source, targetMentee);
    else {
      // Dropped on an unmatched mentee: they take this mentor over.
      const mentorId = this.proposal?.pairs.find((p) => p.menteeId === source)?.mentorId;
      if (mentorId) this.assign(targetMentee, mentorId);
    }
  }

  private async onExplain(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const menteeId = (form.elements.namedItem('mentee') as HTMLSelectElement).value;
    const mentorId = (form.elements.namedItem('mentor') as HTMLSelectElement).value;
    const upward = this.upward;
    if (!upward || !menteeId || !mentorId) return;
    try {
      const result = await upward.matching.explain({ programId: this.programId, menteeId, mentorId });
      this.explanation = { menteeId, mentorId, result };
      this.announcement = result.allowed
        ? msg('The rules allow this pair.', { id: 'pairing-board.allowed' })
        : msg(str`The rules rule this pair out: ${result.violations.map(sayViolation).join(' ')}`, { id: 'pairing-board.not-allowed-said' });
    } catch (error) {
      this.error = describeError(error);
      this.announcement = this.error.message;
      this.reportError('explain', error);
    }
  }

  private async publish(proposal: MatchingProposal): Promise<void> {
    const upward = this.upward;
    if (!upward || this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      const matches = await upward.matching.publish({
        programId: this.programId,
        pairs: proposal.pairs.map(({ menteeId, mentorId }) => ({ menteeId, mentorId })),
        coLeads: (proposal.groups ?? []).filter((g) => g.mentorIds.length === 2).map((g) => g.mentorIds),
      });
      this.published = matches;
      this.confirming = false;
      // The published pairs are matches now; locks and exclusions were about them.
      this.locks = [];
      this.exclusions = [];
      this.actionNote =
        matches.length === 1
          ? msg('Published 1 match.', { id: 'pairing-board.published-note-one' })
          : msg(str`Published ${formatNumber(matches.length)} matches.`, { id: 'pairing-board.published-note' });
      this.announcement = this.actionNote;
      emit(this, 'upward-matches-published', { matches });
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#published-title')?.focus();
    } catch (error) {
      this.error = describeError(error);
      this.reportError('publish', error);
      void focusAfterRender(this, ERROR_SUMMARY);
    } finally {
      this.busy = false;
    }
  }
}
