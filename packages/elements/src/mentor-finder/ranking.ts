/**
 * The mentee's ranking as an ordered list that can be rearranged two ways: by dragging an entry
 * onto another (pointer users) and by "Move up" / "Move down" buttons (keyboard and assistive
 * technology users, WCAG 2.5.7 asks for a way without dragging). A plain render function: the
 * finder owns the order, this only reports what the person asked for.
 */
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';

export interface RankingListOptions {
  id: string;
  items: readonly { id: string; name: string }[];
  describedBy: string;
  invalid: boolean;
  /** The entry being dragged. */
  dragging: string | undefined;
  onDrag(id: string | undefined): void;
  onMove(from: number, to: number, viaKeyboard: boolean): void;
  onRemove(id: string): void;
}

const DRAG_TYPE = 'application/x-upward-ranked-mentor';

export function renderRankingList(o: RankingListOptions): TemplateResult {
  const indexOf = (id: string) => o.items.findIndex((i) => i.id === id);
  const onDrop = (target: string) => (event: DragEvent) => {
    event.preventDefault();
    const dragged = event.dataTransfer?.getData(DRAG_TYPE) || o.dragging;
    o.onDrag(undefined);
    if (dragged) o.onMove(indexOf(dragged), indexOf(target), false);
  };
  return html`<ol class="ranking" part="list" id=${o.id} tabindex="-1" aria-describedby=${o.describedBy} aria-invalid=${o.invalid ? 'true' : 'false'}>
    ${repeat(
      o.items,
      (item) => item.id,
      (item, index) => html`<li
        class="rank-item card ${o.dragging === item.id ? 'dragging' : ''}"
        part="rank-item"
        data-ranked=${item.id}
        draggable="true"
        @dragstart=${(event: DragEvent) => {
          event.dataTransfer?.setData(DRAG_TYPE, item.id);
          if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
          o.onDrag(item.id);
        }}
        @dragend=${() => o.onDrag(undefined)}
        @dragover=${(event: DragEvent) => event.preventDefault()}
        @drop=${onDrop(item.id)}
      >
        <span class="position" aria-hidden="true">${index + 1}.</span>
        <span class="name">${item.name}</span>
        <span class="row">
          <button type="button" data-action="move-up" ?disabled=${index === 0} @click=${() => o.onMove(index, index - 1, true)}
            aria-label=${msg(str`Move up: ${item.name}`, { id: 'mentor-finder.move-up-named' })}>
            <span aria-hidden="true">↑</span> ${msg('Move up', { id: 'mentor-finder.move-up' })}
          </button>
          <button type="button" data-action="move-down" ?disabled=${index === o.items.length - 1} @click=${() => o.onMove(index, index + 1, true)}
            aria-label=${msg(str`Move down: ${item.name}`, { id: 'mentor-finder.move-down-named' })}>
            <span aria-hidden="true">↓</span> ${msg('Move down', { id: 'mentor-finder.move-down' })}
          </button>
          <button type="button" data-action="remove" @click=${() => o.onRemove(item.id)}
            aria-label=${msg(str`Remove from ranking: ${item.name}`, { id: 'mentor-finder.unrank-named' })}>
            ${msg('Remove', { id: 'mentor-finder.remove' })}
          </button>
        </span>
      </li>`,
    )}
  </ol>`;
}
