/** Styles of `<upward-mentor-finder>` (suggestion cards, the ranking list, the drag feedback). */
import { css } from 'lit';

export const mentorFinderStyles = css`
  .suggestions {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--upward-mentor-finder-columns, 18rem)), 1fr));
  }
  .reasons {
    margin: 0 0 var(--_gap);
    padding-inline-start: 1.2em;
  }
  .score {
    margin-block-end: 0.5rem;
  }
  .ranking {
    list-style: none;
    margin: 0 0 var(--_gap);
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .rank-item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    cursor: grab;
  }
  .rank-item .name {
    flex: 1 1 10rem;
    font-weight: 600;
  }
  .rank-item.dragging {
    outline: 2px dashed var(--upward-mentor-finder-drop-color, var(--_accent));
    opacity: 0.7;
  }
  .position {
    min-width: 1.5em;
    font-variant-numeric: tabular-nums;
  }
  @media (forced-colors: active) {
    .rank-item.dragging {
      outline-color: Highlight;
    }
  }
`;
