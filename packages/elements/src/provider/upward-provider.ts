/**
 * `<upward-provider>` holds an `Upward` client and hands it to every Upward element inside it,
 * through @lit/context. It also chooses the language: its `locale` attribute, else the `lang` of
 * the closest ancestor (the host page's language), else English.
 */
import { LitElement, html, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { Upward } from '@upward/sdk';
import { upwardContext } from '../internal/context.ts';
import { setUpwardLocale } from '../internal/localization.ts';
import { VERSION } from '../internal/version.ts';


/**
 * @summary Shares an Upward client and the language with the Upward elements inside it.
 * @slot - The page content that contains Upward elements.
 */
export class UpwardProvider extends LitElement {
  static readonly upwardVersion = VERSION;
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The client every descendant Upward element uses (from `createUpward` or `connectUpward`). */
  @provide({ context: upwardContext })
  @property({ attribute: false })
  client?: Upward;

  /** Language of the elements (`en`, `de`); defaults to the closest `lang` attribute. */
  @property({ reflect: true })
  locale?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.applyLocale();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.applyLocale();
  }

  private applyLocale(): void {
    void setUpwardLocale(this.locale ?? this.closest('[lang]')?.getAttribute('lang') ?? 'en');
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
