/**
 * What ties a form control to its label and its inline error: the id derived from the SDK's field
 * path, `aria-invalid`, `aria-describedby` pointing at the message (and a hint, if any), and the
 * message itself. One place for it, so every element's forms behave the same for screen readers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { fieldError, fieldId, type DescribedError } from './errors.ts';

export interface FieldState {
  id: string;
  invalid: 'true' | 'false';
  /** The hint's and the error's ids, or `nothing` when there are neither. */
  describedBy: string | typeof nothing;
  message?: string;
}

/** The state of the control at `path`; `hinted` adds `<id>-hint` to what describes it. */
export function fieldState(error: DescribedError | undefined, path: string, hinted = false): FieldState {
  const id = fieldId(path);
  const message = fieldError(error, path);
  const describedBy = [hinted ? `${id}-hint` : '', message ? `${id}-error` : ''].join(' ').trim();
  return { id, invalid: message ? 'true' : 'false', describedBy: describedBy || nothing, message };
}

/** The inline message under a control (its id is what `describedBy` names). */
export function renderFieldError(f: Pick<FieldState, 'id' | 'message'>): TemplateResult | typeof nothing {
  return f.message ? html`<span class="field-error" id="${f.id}-error">${f.message}</span>` : nothing;
}

/**
 * A labelled field with its inline error: `control` renders the input with `f.id`,
 * `aria-invalid=${f.invalid}` and `aria-describedby=${f.describedBy}`.
 */
export function renderField(
  path: string,
  label: string | TemplateResult,
  error: DescribedError | undefined,
  control: (f: FieldState) => TemplateResult,
  hint?: string,
): TemplateResult {
  const f = fieldState(error, path);
  return html`<div class="field">
    <label for=${f.id}>${label}${hint ? html` <span class="hint">${hint}</span>` : nothing}</label>
    ${control(f)} ${renderFieldError(f)}
  </div>`;
}

/** The same error with every field path under `prefix`, so two forms on one element never share ids. */
export function scopeError(error: DescribedError, prefix: string): DescribedError {
  return { ...error, fields: new Map([...error.fields].map(([path, issue]) => [`${prefix}${path}`, issue])) };
}

/** The SDK names update errors `changes.<field>`; a form knows them by `<field>`. */
export function unwrapChanges(error: DescribedError): DescribedError {
  return { ...error, fields: new Map([...error.fields].map(([path, issue]) => [path.replace(/^changes\./, ''), issue])) };
}
