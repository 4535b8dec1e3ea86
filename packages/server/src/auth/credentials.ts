/**
 * Small helpers shared by the authenticators: reading one header value, and turning whatever an
 * identity source says into a valid `Actor` (or null, which the API answers with 401).
 */
import { Actor } from '@upward/sdk';

/** Only well-formed ids become actors; anything else is "not signed in", not a server error. */
export function toActor(personId: unknown, isAdmin: boolean): Actor | null {
  // Control characters have no place in an id (and NUL cannot be stored in PostgreSQL text).
  if (typeof personId !== 'string' || /[\u0000-\u001f\u007f]/.test(personId)) return null;
  const parsed = Actor.safeParse({ personId, isAdmin });
  return parsed.success ? parsed.data : null;
}

export function singleHeader(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}
