/**
 * Dates, times and numbers through `Intl`, in the active Upward locale. Formatters are cached per
 * locale and options because building one costs more than formatting with it.
 */
import { currentLocale } from './localization.ts';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(kind: string, options: object, make: (locale: string) => T): T {
  const key = `${kind}|${currentLocale()}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make(currentLocale());
    cache.set(key, formatter);
  }
  return formatter;
}

/** "12 Mar 2027" — an ISO date (`2027-03-12`) is shown as that calendar day in every time zone. */
export function formatDate(iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const opts = dateOnly ? { ...options, timeZone: 'UTC' } : options;
  return cached('date', opts, (l) => new Intl.DateTimeFormat(l, opts)).format(new Date(dateOnly ? `${iso}T00:00:00Z` : iso));
}

/** "12 Mar 2027, 14:30" in the reader's time zone. */
export function formatDateTime(iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return cached('date', options, (l) => new Intl.DateTimeFormat(l, options)).format(new Date(iso));
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('number', options, (l) => new Intl.NumberFormat(l, options)).format(value);
}

/** A list such as "Anna, Ben and Cara" ("Anna, Ben und Cara"). */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(currentLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A length of time as words, "3 hours and 30 minutes" ("3 Stunden und 30 Minuten"): units and
 * their plurals come from `Intl`, so no sentence has to say "1 hours". Whole minutes only.
 */
export function formatMinutes(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const unit = (value: number, unit: 'hour' | 'minute') => formatNumber(value, { style: 'unit', unit, unitDisplay: 'long' });
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : formatList([unit(hours, 'hour'), unit(rest, 'minute')]);
}

/**
 * A language code as its name in the current locale ("de" is "Deutsch" in German); a code `Intl`
 * cannot read stays as given rather than breaking the sentence around it.
 */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(currentLocale(), { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Today's calendar date where the reader is (`2027-03-12`), to compare with due dates: a date
 * taken from UTC would call an item overdue in the evening west of Greenwich, or too late east.
 */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
