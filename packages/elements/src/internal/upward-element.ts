/**
 * The base of every Upward element: finds the `Upward` client (a `client` property set by the
 * host wins over the nearest `<upward-provider>`), re-renders when the locale changes, and bumps
 * `revision` whenever data changes — here, in another tab or, with the remote client, on the
 * server — so data tasks that depend on it reload. Subclasses list what they show by overriding
 * `isRelevant`, and forget per-person state (drafts, errors, messages) in `clientChanged` when
 * another client takes over: on a shared intranet page, that is another person signing in.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { TaskStatus, type Task } from '@lit/task';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { ChangeEvent, Upward } from '@upward/sdk';
import { upwardContext } from './context.ts';
import { describeError } from './errors.ts';
import { emit } from './events.ts';
import { VERSION } from './version.ts';

export abstract class UpwardElement extends LitElement {
  /** Compared by `defineElement` when a second copy of the bundle registers the same tag. */
  static readonly upwardVersion = VERSION;

  /** The Upward client this element uses. Defaults to the one of the nearest `<upward-provider>`. */
  @property({ attribute: false })
  client?: Upward;

  @consume({ context: upwardContext, subscribe: true })
  @state()
  private providedClient?: Upward;

  /** Increases whenever relevant data changed; pass it to data tasks as an argument. */
  @state()
  protected revision = 0;

  private unsubscribe?: () => void;
  private subscribedTo?: Upward;
  /** The last client this element used; unlike `subscribedTo` it survives being moved in the page. */
  private lastClient?: Upward;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The client in use: the `client` property, else the provider's. */
  protected get upward(): Upward | undefined {
    return this.client ?? this.providedClient;
  }

  /** Whether a change should reload this element's data. By default every change does. */
  protected isRelevant(_changes: readonly ChangeEvent[]): boolean {
    return true;
  }

  /**
   * Another client replaced the one in use (another person signed in, or the host swapped it):
   * reset whatever belongs to the previous person. Called before the update that renders with
   * the new client; data tasks reload by themselves (their arguments include the client).
   */
  protected clientChanged(): void {}

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const upward = this.upward;
    if (upward !== this.subscribedTo) this.resubscribe();
    if (upward && upward !== this.lastClient) {
      if (this.lastClient) this.clientChanged();
      this.lastClient = upward;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.subscribedTo === undefined && this.upward) this.resubscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
  }

  private resubscribe(): void {
    this.unsubscribe?.();
    this.subscribedTo = this.upward;
    this.unsubscribe = this.upward?.subscribe((changes) => {
      if (this.isRelevant(changes)) this.revision++;
    });
  }

  /** Reports a failed command to the host page (the element shows the message itself). */
  protected reportError(operation: string, error: unknown): void {
    emit(this, 'upward-error', { error: error instanceof Error ? error : new Error(String(error)), operation });
  }

  /** What an element shows before it has a client. */
  protected renderNoClient(): TemplateResult {
    return html`<p class="muted" part="empty">
      ${msg('Not connected: this element needs an Upward client (through <upward-provider> or its "client" property).', { id: 'common.no-client' })}
    </p>`;
  }

  protected renderLoading(): TemplateResult {
    return html`<p class="muted" part="loading" role="status" aria-live="polite">${msg('Loading…', { id: 'common.loading' })}</p>`;
  }

  /** What an element about one match shows while its `match-id` attribute is not set. */
  protected renderNoMatch(): TemplateResult {
    return html`<p class="muted" part="empty">${msg('No match chosen: set the match-id attribute.', { id: 'common.no-match' })}</p>`;
  }

  /**
   * A data task's view: `complete(value)` once the value is loaded for the current scope, else
   * loading, or the failure with a way to try again. When a reload fails (the network dropped
   * while data changed elsewhere), what was loaded before stays, under a notice that it may be
   * out of date: a board or a log that vanished on a blip would lose the reader's place.
   */
  protected renderLoaded<T>(task: Task<readonly unknown[], T | undefined>, complete: (value: T) => TemplateResult): TemplateResult {
    const value = task.value;
    if (value !== undefined) return html`${this.renderRefreshFailure(task)}${complete(value)}`;
    return task.status === TaskStatus.ERROR ? this.renderLoadError(task.error, () => void task.run()) : this.renderLoading();
  }

  /** Above data kept after a failed reload: says so, with a way to try again (nothing otherwise). */
  protected renderRefreshFailure(task: Task<readonly unknown[], unknown>): TemplateResult | typeof nothing {
    if (task.status !== TaskStatus.ERROR || task.value === undefined) return nothing;
    return html`<div class="error-summary" part="error stale" role="alert">
      <p>${msg('Could not refresh; what you see may be out of date.', { id: 'common.refresh-failed' })} ${describeError(task.error).message}</p>
      <button type="button" @click=${() => void task.run()}>${msg('Try again', { id: 'common.retry' })}</button>
    </div>`;
  }

  /** A load that failed, with a way to try again. */
  protected renderLoadError(error: unknown, retry: () => void): TemplateResult {
    return html`<div class="error-summary" part="error" role="alert">
      <p>${describeError(error).message}</p>
      <button type="button" @click=${retry}>${msg('Try again', { id: 'common.retry' })}</button>
    </div>`;
  }
}
