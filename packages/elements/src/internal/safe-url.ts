// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

/**
 * Links that user content may carry are rendered only when they are http(s), mailto or relative:
 * a `javascript:` or `data:` URL in a meeting link must never become clickable.
 *
 * Browsers remove tabs and newlines anywhere in a URL, and control characters and spaces at its
 * ends, before they look for the scheme: to them `"java\tscript:…"` or `"\u0001javascript:…"` is a
 * `javascript:` URL. So a link with any ASCII control character is refused outright, and so is
 * anything that reads as a scheme (a ":" before the first "/", "?" or "#") other than http(s)
 * and mailto, with spaces in it or not: no meeting link needs either.
 */
export function safeHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (!trimmed || CONTROL.test(trimmed)) return undefined;
  if (/^(?:https?:|mailto:)/i.test(trimmed)) return trimmed;
  // Relative: no ":" before the first "/", "?" or "#", so no scheme, disguised or not.
  if (!/^[^/?#]*:/.test(trimmed)) return trimmed;
  return undefined;
}
