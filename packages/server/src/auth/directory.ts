/**
 * Looks people up for the authenticators (by id or by email) straight in the Store, with a short
 * cache: every API request authenticates, and a directory read per request would double the
 * database work of a simple GET. Entries live a few seconds, so a change in the HR directory
 * (a new admin department, a changed email) shows up almost at once.
 */
import type { Store } from '@upward/sdk';
import { BoundedMap } from './bounded-map.ts';

export interface DirectoryEntry {
  id: string;
  email: string;
  department: string;
}

export interface DirectoryLookup {
  byId(id: string): Promise<DirectoryEntry | undefined>;
  byEmail(email: string): Promise<DirectoryEntry | undefined>;
}

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export function directoryLookup(store: Store, now: () => number = Date.now): DirectoryLookup {
  const cache = new BoundedMap<string, { at: number; entry: DirectoryEntry | undefined }>(MAX_ENTRIES);

  async function cached(key: string, load: () => Promise<DirectoryEntry | undefined>): Promise<DirectoryEntry | undefined> {
    const hit = cache.get(key);
    if (hit && now() - hit.at < TTL_MS) return hit.entry;
    const entry = await load();
    cache.set(key, { at: now(), entry });
    return entry;
  }

  const toEntry = (record: Record<string, unknown> | undefined): DirectoryEntry | undefined =>
    record && typeof record.email === 'string' && typeof record.department === 'string'
      ? { id: String(record.id), email: record.email, department: record.department }
      : undefined;

  return {
    byId: (id) => cached(`id:${id}`, () => store.transaction(['people'], 'readonly', async (tx) => toEntry(await tx.get('people', id)))),
    byEmail: (email) =>
      cached(`email:${email.toLowerCase()}`, () =>
        store.transaction(['people'], 'readonly', async (tx) => {
          // Emails are stored as the HR system wrote them; try that spelling, then lower case.
          const exact = await tx.query('people', { index: 'email', key: email });
          const found = exact.length ? exact : await tx.query('people', { index: 'email', key: email.toLowerCase() });
          return toEntry(found[0]);
        }),
      ),
  };
}
