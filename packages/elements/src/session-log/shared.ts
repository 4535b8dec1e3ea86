/**
 * Small pieces the participant-side elements (session log, agreement, "my mentoring") share:
 * showing a data task without flicker, scoping form errors to one form, splitting multi-line
 * inputs, member names, and the words for session states and meeting modes. Kept here, in the
 * leanest of the three, so a page with only the session log pulls in nothing more.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { TaskStatus, type Task } from '@lit/task';
import type { MeetingMode, SessionStatus, Upward } from '@upward/sdk';
import { fieldError, fieldId, type DescribedError } from '../internal/errors.ts';
import type { UpwardElement } from '../internal/upward-element.ts';

/** Error codes after which the element reloads: what it showed is out of date. */
export const STALE: ReadonlySet<string> = new Set(['conflict', 'precondition-failed', 'invalid-transition', 'not-found']);

/** Renders a data task. The last value stays on screen while a refresh loads, so nothing flickers. */
export function renderTask<T>(
  task: Task<readonly unknown[], T>,
  loading: () => TemplateResult,
  failed: (error: unknown, retry: () => void) => TemplateResult,
  complete: (value: T) => TemplateResult,
): TemplateResult {
  if (task.status === TaskStatus.ERROR) return failed(task.error, () => void task.run());
  if (task.value !== undefined) return complete(task.value);
  return loading();
}

/** The same error with every field path under `prefix`, so two forms on one element never share ids. */
export function scopeError(error: DescribedError, prefix: string): DescribedError {
  return { ...error, fields: new Map([...error.fields].map(([path, message]) => [`${prefix}${path}`, message])) };
}

/** Non-empty trimmed lines of a textarea ("one per line" inputs). */
export function linesOf(value: FormDataEntryValue | null): string[] {
  return String(value ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A form field's value, or undefined when left empty (so the SDK applies its default). */
export function optionalText(value: FormDataEntryValue | null): string | undefined {
  const s = String(value ?? '').trim();
  return s ? s : undefined;
}

/** Names of people by id; someone who cannot be read keeps their id rather than breaking the view. */
export async function namesOf(upward: Upward, ids: readonly string[]): Promise<Map<string, string>> {
  const entries = await Promise.all(
    ids.map(async (id) => [id, await upward.people.get(id).then((p) => p.name, () => id)] as const),
  );
  return new Map(entries);
}

export function sessionStatusLabel(status: SessionStatus): string {
  switch (status) {
    case 'planned':
      return msg('Planned', { id: 'session-log.status.planned' });
    case 'held':
      return msg('Held', { id: 'session-log.status.held' });
    case 'cancelled':
      return msg('Cancelled', { id: 'session-log.status.cancelled' });
    case 'missed':
      return msg('Missed', { id: 'session-log.status.missed' });
  }
}

export function modeLabel(mode: MeetingMode): string {
  switch (mode) {
    case 'in-person':
      return msg('In person', { id: 'session-log.mode.in-person' });
    case 'video':
      return msg('Video call', { id: 'session-log.mode.video' });
    case 'phone':
      return msg('Phone call', { id: 'session-log.mode.phone' });
  }
}

/** A padlock for things only the reader can see; decorative, the words beside it carry the meaning. */
export const lockIcon = html`<svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="currentColor">
  <path d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" />
</svg>`;

/** The polite live region every form of these elements announces its success in. */
export function renderAnnouncement(text: string): TemplateResult {
  return html`<p class="status" role="status" aria-live="polite" part="status">${text || nothing}</p>`;
}

/** Moves focus to the element with `id` once the host has rendered (after a command succeeded). */
export async function focusAfterRender(host: UpwardElement, id: string): Promise<void> {
  await host.updateComplete;
  (host.renderRoot as ShadowRoot).getElementById(id)?.focus();
}

/** What a form control needs to be tied to its label and its inline error. */
export interface FieldState {
  id: string;
  invalid: 'true' | 'false';
  describedBy: string | typeof nothing;
}

/**
 * A labelled field with its inline error: `control` renders the input with `f.id`,
 * `aria-invalid=${f.invalid}` and `aria-describedby=${f.describedBy}` (the error message).
 */
export function renderField(
  path: string,
  label: string | TemplateResult,
  error: DescribedError | undefined,
  control: (f: FieldState) => TemplateResult,
  hint?: string,
): TemplateResult {
  const id = fieldId(path);
  const message = fieldError(error, path);
  return html`<div class="field">
    <label for=${id}>${label}${hint ? html` <span class="hint">${hint}</span>` : nothing}</label>
    ${control({ id, invalid: message ? 'true' : 'false', describedBy: message ? `${id}-error` : nothing })}
    ${message ? html`<span class="field-error" id="${id}-error">${message}</span>` : nothing}
  </div>`;
}
