/**
 * Links that user content may carry are rendered only when they are http(s), mailto or relative:
 * a `javascript:` or `data:` URL in a meeting link must never become clickable.
 */
export function safeHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^(?:https?:|mailto:)/i.test(trimmed)) return trimmed;
  // Relative: no scheme before the first "/", "?" or "#".
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return undefined;
}
