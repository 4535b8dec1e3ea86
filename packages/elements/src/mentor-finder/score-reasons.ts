/**
 * How a pairing score is shown wherever one appears (mentor suggestions, the pairing board, "why
 * not?" answers): the points out of the most the program's weights allow, and each reason in the
 * reader's language (from its details; a stored reason keeps the SDK's English). Shared so both
 * matching elements explain scores the same way.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Reason, ScoreReason } from '@upward/sdk';
import { formatNumber } from '../internal/format.ts';
import { sayReason } from '../internal/matching-words.ts';

/** "734 of 1,000 points" (or "734 points" when the reasons carry no maximum). */
export function scoreText(score: number, reasons: readonly ScoreReason[]): string {
  const max = reasons.reduce((t, r) => t + (r.max ?? 0), 0);
  return max > 0
    ? msg(str`${formatNumber(score)} of ${formatNumber(max)} points`, { id: 'matching.score-of' })
    : msg(str`${formatNumber(score)} points`, { id: 'matching.score' });
}

/**
 * The score badge and the reasons, the strongest first (factors that gave nothing come last).
 * `reader`: the mentee's name when they read about themselves, so the reasons say "you".
 */
export function renderScore(score: number, reasons: readonly (Reason | ScoreReason)[], reader?: string): TemplateResult {
  const ordered = [...reasons].sort((a, b) => b.points - a.points);
  return html`<p class="score"><span class="badge">${scoreText(score, reasons)}</span></p>
    <ul class="reasons" part="reasons">
      ${ordered.map((r) => html`<li class=${r.points > 0 ? '' : 'muted'}>${sayReason(r, reader)}</li>`)}
    </ul>`;
}
