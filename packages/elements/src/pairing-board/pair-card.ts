/**
 * One proposed pair on the pairing board, as a plain render function: names, score and reasons,
 * the warnings of a locked pair that breaks a rule, and every action on it. Each action exists
 * twice where it involves dragging: dragging the mentor onto another pair swaps the two mentors,
 * and the "Swap mentor with" list does the same from the keyboard (WCAG 2.5.7). That list names
 * every other pair, so it is rendered only for the card whose "Swap mentor…" is open: one list
 * per card would be pairs² options, and a board of 500 pairs took 13 s to render.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { ProposedPair } from '@upward/sdk';
import { fieldId } from '../internal/errors.ts';
import { sayViolation } from '../internal/rule-words.ts';
import { renderScore } from '../mentor-finder/score-reasons.ts';

/** The drag payload: the mentee whose mentor is being moved. */
export const DRAG_TYPE = 'application/x-upward-pair';

export interface PairCardOptions {
  pair: ProposedPair;
  /** The heading's id: the error summary links a publishing error of this pair to it. */
  headingId: string;
  name(id: string): string;
  /** Every pair on the board (this one included), for "Swap mentor with". */
  pairs: readonly ProposedPair[];
  /** Whether this card's "Swap mentor with" form is open. */
  choosing: boolean;
  busy: boolean;
  dropTarget: boolean;
  onLock(pair: ProposedPair): void;
  onExclude(pair: ProposedPair): void;
  onSwap(menteeId: string, otherMenteeId: string): void;
  /** Opens (true) or closes this card's "Swap mentor with" form. */
  onChoose(open: boolean): void;
  onDrag(menteeId: string | undefined): void;
  /** A dragged mentor entered this card: highlight it as the drop target. */
  onDragOver(menteeId: string): void;
  onDrop(targetMenteeId: string, event: DragEvent): void;
}

/** The ids of a mentee's "choose a mentor" toggle, form and list (swap on a pair card, pair on an unmatched one). */
export function chooserIds(menteeId: string) {
  return { toggle: fieldId(`choose.${menteeId}`), form: fieldId(`choose.${menteeId}.form`), select: fieldId(`choose.${menteeId}.list`) };
}

export interface ChooserOptions {
  menteeId: string;
  /** The list's label ("Swap mentor with"). */
  label: string;
  /** The `<option>`s, keyed, so a re-solve while the list is open keeps the one chosen, not its position. */
  options: unknown;
  /** The submit button: its `data-action`, text and accessible name. */
  action: string;
  submit: string;
  submitName: string;
  busy: boolean;
  onChoose(value: string): void;
  onClose(): void;
}

/**
 * A mentee's open "choose a mentor" form (swap on a pair card, pair on an unmatched one): a list,
 * its action and Cancel; Escape closes it too (the board then puts focus back on its toggle).
 */
export function renderChooser(o: ChooserOptions): TemplateResult {
  const ids = chooserIds(o.menteeId);
  const submit = (event: Event) => {
    event.preventDefault();
    const value = (event.currentTarget as HTMLFormElement).querySelector('select')!.value;
    if (value) o.onChoose(value);
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    o.onClose();
  };
  return html`<form class="row" id=${ids.form} @submit=${submit} @keydown=${escape}>
    <label for=${ids.select}>${o.label}</label>
    <select id=${ids.select}>${o.options}</select>
    <button type="submit" data-action=${o.action} ?disabled=${o.busy} aria-label=${o.submitName}>${o.submit}</button>
    <button type="button" data-action="close-chooser" @click=${o.onClose}>${msg('Cancel', { id: 'pairing-board.cancel' })}</button>
  </form>`;
}

/** "Dana Okafor with Ben Carter": how the board names a pair (or a group's people) everywhere. */
export function pairLabel(mentees: string, mentors: string): string {
  return msg(str`${mentees} with ${mentors}`, { id: 'pairing-board.pair' });
}

export function renderPairCard(o: PairCardOptions): TemplateResult {
  const { pair } = o;
  const mentee = o.name(pair.menteeId);
  const mentor = o.name(pair.mentorId);
  const label = pairLabel(mentee, mentor);
  const ids = chooserIds(pair.menteeId);
  return html`<li
    class="card pair ${pair.locked ? 'locked' : ''} ${o.dropTarget ? 'drop-target' : ''}"
    part="item"
    data-mentee=${pair.menteeId}
    @dragenter=${() => o.onDragOver(pair.menteeId)}
    @dragover=${(event: DragEvent) => event.preventDefault()}
    @drop=${(event: DragEvent) => o.onDrop(pair.menteeId, event)}
  >
    <h4 tabindex="-1" class="pair-title" id=${o.headingId}>
      ${mentee}
      <span class="muted">${msg('with', { id: 'pairing-board.with' })}</span>
      <span
        class="mentor"
        draggable="true"
        title=${msg('Drag onto another pair to swap mentors', { id: 'pairing-board.drag-hint' })}
        @dragstart=${(event: DragEvent) => {
          event.dataTransfer?.setData(DRAG_TYPE, pair.menteeId);
          if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
          o.onDrag(pair.menteeId);
        }}
        @dragend=${() => o.onDrag(undefined)}
        >${mentor}</span
      >
      ${pair.locked ? html`<span class="badge">${msg('Locked', { id: 'pairing-board.locked' })}</span>` : nothing}
    </h4>
    ${pair.warnings.length
      ? html`<ul class="warnings field-error">
          ${pair.warnings.map((w) => html`<li>${msg(str`Breaks a rule: ${sayViolation(w)}`, { id: 'pairing-board.warning' })}</li>`)}
        </ul>`
      : nothing}
    <details>
      <summary>${msg('Why this pair', { id: 'pairing-board.why' })}</summary>
      ${renderScore(pair.score, pair.reasons)}
    </details>
    <div class="row" part="actions">
      <button type="button" data-action="lock" aria-pressed=${pair.locked ? 'true' : 'false'} ?disabled=${o.busy} @click=${() => o.onLock(pair)}
        aria-label=${msg(str`Lock pair: ${label}`, { id: 'pairing-board.lock-named' })}>
        ${msg('Lock pair', { id: 'pairing-board.lock' })}
      </button>
      <button type="button" data-action="exclude" class="danger" ?disabled=${o.busy} @click=${() => o.onExclude(pair)}
        aria-label=${msg(str`Exclude pair: ${label}`, { id: 'pairing-board.exclude-named' })}>
        ${msg('Exclude pair', { id: 'pairing-board.exclude' })}
      </button>
      ${o.pairs.length > 1
        ? html`<button type="button" id=${ids.toggle} data-action="open-swap" aria-expanded=${o.choosing ? 'true' : 'false'}
            aria-controls=${o.choosing ? ids.form : nothing} ?disabled=${o.busy} @click=${() => o.onChoose(!o.choosing)}
            aria-label=${msg(str`Swap mentor: ${label}`, { id: 'pairing-board.open-swap-named' })}>
            ${msg('Swap mentor…', { id: 'pairing-board.open-swap' })}
          </button>`
        : nothing}
    </div>
    ${o.choosing && o.pairs.length > 1
      ? renderChooser({
          menteeId: pair.menteeId,
          label: msg('Swap mentor with', { id: 'pairing-board.swap-with' }),
          options: repeat(
            o.pairs.filter((other) => other !== pair),
            (other) => other.menteeId,
            (other) => html`<option value=${other.menteeId}>${o.name(other.mentorId)} (${o.name(other.menteeId)})</option>`,
          ),
          action: 'swap',
          submit: msg('Swap', { id: 'pairing-board.swap' }),
          submitName: msg(str`Swap: ${label}`, { id: 'pairing-board.swap-named' }),
          busy: o.busy,
          onChoose: (otherMenteeId) => o.onSwap(pair.menteeId, otherMenteeId),
          onClose: () => o.onChoose(false),
        })
      : nothing}
  </li>`;
}
