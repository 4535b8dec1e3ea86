/**
 * Turns whatever a command threw into what a form shows: one sentence for the summary (announced
 * to screen readers through `role="alert"`) and a message per field path, so each input can show
 * its own error inline (`aria-invalid`, `aria-describedby`).
 *
 * Field messages come from the SDK issue's code, in the reader's language (validation-messages.ts).
 * An error is often shown longer than one language lasts: `fieldError` and `renderErrorSummary`
 * say its texts again each time they render, so a language switch reaches an error already shown.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { msg } from '@lit/localize';
import { sayIssue, type IssueLike } from './validation-messages.ts';

export interface DescribedError {
  code: string;
  /** One sentence for the summary (in the language of the moment the error happened; `errorMessage` says it now). */
  message: string;
  /** Field path (`playbook.sessionMinutes`) → the SDK's issue there (`fieldError` says it in the current language). */
  fields: ReadonlyMap<string, IssueLike>;
  /**
   * What `message` was said from, so it can be said again in the current language. Copies made
   * with `{ ...error }` keep it; an error built by hand may lack it.
   */
  source?: { message: string };
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  issues?: unknown;
}

function generalMessage(code: string): string {
  switch (code) {
    case 'validation':
      return msg('Please correct the fields marked below.', { id: 'common.error.validation' });
    case 'forbidden':
      return msg('You are not allowed to do this.', { id: 'common.error.forbidden' });
    case 'not-found':
      return msg('This item no longer exists; it may have been removed.', { id: 'common.error.not-found' });
    case 'conflict':
    case 'precondition-failed':
      return msg('Someone changed this in the meantime. The latest version is shown; please try again.', { id: 'common.error.conflict' });
    case 'invalid-transition':
      return msg('This step is not possible in the current state.', { id: 'common.error.invalid-transition' });
    case 'storage':
      return msg('Your change could not be stored. Please try again.', { id: 'common.error.storage' });
    case 'network':
      return msg('No connection to the server. Please try again.', { id: 'common.error.network' });
    case 'unauthenticated':
      return msg('Your sign-in has expired. Please sign in again.', { id: 'common.error.unauthenticated' });
    case 'queued':
      return msg('You are offline: the change is kept on this device and sent when the connection returns.', { id: 'common.error.queued' });
    case 'rate-limited':
      return msg('Too many requests at once. Please wait a minute, then try again.', { id: 'common.error.rate-limited' });
    case 'server':
    case 'protocol':
      return msg('The server could not answer this. Please try again later.', { id: 'common.error.server' });
    default:
      // Not one of the SDK's errors (a bug somewhere): its text is for developers, who get the
      // error itself in the upward-error event; a person gets words they can act on.
      return msg('Something went wrong. Please try again.', { id: 'common.error.unknown' });
  }
}

export function describeError(error: unknown): DescribedError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : 'unknown';
  const fields = new Map<string, IssueLike>();
  if (Array.isArray(e.issues)) {
    for (const issue of e.issues as { path?: unknown; message?: unknown }[]) {
      if (typeof issue.path === 'string' && typeof issue.message === 'string' && !fields.has(issue.path)) fields.set(issue.path, issue as IssueLike);
    }
  }
  const message = generalMessage(code);
  return { code, message, fields, source: { message } };
}

/** The summary's sentence in the current language (a sentence a caller put there stays as it is). */
export function errorMessage(error: DescribedError): string {
  const source = error.source;
  return source && error.message === source.message ? generalMessage(error.code) : error.message;
}

/** The message for `path` or for any field below it (`playbook` covers `playbook.cadence.every`). */
export function fieldError(error: DescribedError | undefined, path: string): string | undefined {
  if (!error) return undefined;
  const exact = error.fields.get(path);
  if (exact) return sayIssue(exact);
  for (const [p, issue] of error.fields) if (p.startsWith(`${path}.`)) return sayIssue(issue);
  return undefined;
}

/** A DOM-safe id for a field path, used for `id`, `aria-describedby` and the summary's links. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * A value read when the template commits, which is after the element's whole render() ran: an
 * element that collects its labels while rendering its form (below the summary) has them by then.
 */
class Later extends Directive {
  render(read: () => unknown): unknown {
    return read();
  }
}
const later = directive(Later);

/**
 * The summary above a form: the general message and, for validation errors, one entry per field
 * that moves focus to it. `labels` maps field paths to their visible labels. Everything in it is
 * said when it renders, so it follows a language switch.
 */
export function renderErrorSummary(
  error: DescribedError | undefined,
  labels: Readonly<Record<string, string>>,
  root: ShadowRoot | null,
): TemplateResult | typeof nothing {
  if (!error) return nothing;
  const focus = (path: string) => (event: Event) => {
    event.preventDefault();
    const target = root?.getElementById(fieldId(path)) ?? root?.querySelector<HTMLElement>(`[id^="${fieldId(path)}"]`);
    target?.focus();
  };
  const entries = () =>
    [...error.fields].map(([path, issue]) => {
      const top = Object.keys(labels).find((k) => path === k || path.startsWith(`${k}.`));
      return { path: top ?? path, label: top ? labels[top] : path, message: sayIssue(issue) };
    });
  return html`<div class="error-summary" part="error-summary" role="alert">
    <h3>${errorMessage(error)}</h3>
    ${error.fields.size
      ? html`<ul>
          ${later(() => entries().map((e) => html`<li><a href="#${fieldId(e.path)}" @click=${focus(e.path)}>${e.label}: ${e.message}</a></li>`))}
        </ul>`
      : nothing}
  </div>`;
}

/** Error codes after which an element reloads: what it showed is out of date. */
export const STALE: ReadonlySet<string> = new Set(['conflict', 'precondition-failed', 'invalid-transition', 'not-found']);
