/**
 * Localisation through @lit/localize in runtime mode: English is the source, German is loaded on
 * demand. Message ids are explicit and namespaced (`session-log.title`) so translations live in
 * one small module per element (`locales/de/<element>.ts`) and never drift with wording changes.
 *
 * Configuration happens on first use rather than at import, so importing an element has no side
 * effects and a host that configures @lit/localize itself is not overridden.
 */
import { configureLocalization } from '@lit/localize';

export const sourceLocale = 'en';
export const targetLocales = ['de'] as const;
export type UpwardLocale = typeof sourceLocale | (typeof targetLocales)[number];

let controls: ReturnType<typeof configureLocalization> | undefined;
let active: UpwardLocale = sourceLocale;

function configure(): ReturnType<typeof configureLocalization> | undefined {
  if (!controls) {
    try {
      controls = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: () => import('../locales/de.ts'),
      });
    } catch {
      // The page configured @lit/localize already (only one configuration is allowed per copy of
      // the library); our messages then follow the host's locale.
      return undefined;
    }
  }
  return controls;
}

/** The best supported locale for a BCP 47 tag such as `de-CH`; English otherwise. */
export function supportedLocale(tag: string | null | undefined): UpwardLocale {
  const language = (tag ?? '').toLowerCase().split('-')[0];
  return (targetLocales as readonly string[]).includes(language ?? '') ? (language as UpwardLocale) : sourceLocale;
}

/** Switches every Upward element on the page to `locale` (re-rendering them). */
export async function setUpwardLocale(locale: string): Promise<void> {
  const target = supportedLocale(locale);
  const c = configure();
  if (!c) return;
  await c.setLocale(target);
  active = target;
}

/** The locale Upward renders in; dates and numbers are formatted with it through `Intl`. */
export function currentLocale(): UpwardLocale {
  // @lit/localize re-renders elements as soon as the new locale is active, which is before
  // `setLocale`'s promise resolves: ask it directly so dates and numbers switch in that render too.
  return (controls?.getLocale() as UpwardLocale | undefined) ?? active;
}
