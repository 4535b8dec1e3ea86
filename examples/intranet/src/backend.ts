/**
 * Where the demo's data lives, behind one small interface so the rest of the page never knows:
 * in this browser (IndexedDB, the embedded default: `createUpward` over `indexedDbStore`) or on
 * an Upward server (`connectUpward` over HTTP, acting through the demo's
 * `X-Upward-Acting-As` header). `?storage=local` or `?storage=server` forces a choice; otherwise
 * the page uses the server when one serves it.
 */
import { createUpward, type Upward } from '@upward/sdk';
import { indexedDbStore } from '@upward/sdk/storage/indexeddb';
import { adminMember, type CastMember } from './cast.ts';

export type StorageKind = 'local' | 'server';

export interface Backend {
  readonly kind: StorageKind;
  /** A client that acts as `member` (the remote one first asks the server who that is). */
  clientFor(member: CastMember): Promise<Upward>;
  /** Wipes the demo's data (the page reloads and seeds again). Only the local data set can be wiped. */
  readonly reset?: () => Promise<void>;
}

/** The database of the local demo; also names the channel its tabs share. */
export const LOCAL_DATABASE = 'northwind-people-hub';

const sampleOrgUrl = new URL('../../portal-sdk/sample-org.csv', import.meta.url);

/** The API root a serving Upward server announces in `<meta name="upward-api" content="/api/v1">`. */
function announcedApi(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="upward-api"]')?.content || null;
}

async function serverAnswers(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/openapi.json`, { signal: AbortSignal.timeout(2000), headers: { accept: 'application/json' } });
    return response.ok && (response.headers.get('content-type') ?? '').includes('json');
  } catch {
    return false;
  }
}

/** Decides where the data lives: the query parameter, then a server that serves this page, then the browser. */
export async function chooseStorage(): Promise<{ kind: StorageKind; baseUrl: string }> {
  const baseUrl = new URL(announcedApi() ?? '/api/v1', location.href).href.replace(/\/$/, '');
  const forced = new URLSearchParams(location.search).get('storage');
  if (forced === 'local' || forced === 'server') return { kind: forced, baseUrl };
  if (announcedApi()) return { kind: 'server', baseUrl };
  return { kind: (await serverAnswers(baseUrl)) ? 'server' : 'local', baseUrl };
}

function localBackend(): Backend {
  const store = indexedDbStore({
    name: LOCAL_DATABASE,
    // Another tab opened a newer version of the page: this one's code is outdated.
    onVersionChange: () => location.reload(),
  });
  return {
    kind: 'local',
    clientFor: async (member) => createUpward({ store, actor: { personId: member.personId, isAdmin: member.isAdmin } }),
    reset: async () => {
      await store.close();
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(LOCAL_DATABASE);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
    },
  };
}

async function serverBackend(baseUrl: string): Promise<Backend> {
  // Loaded only when a server holds the data, so the IndexedDB-only page never downloads it.
  const { connectUpward } = await import('@upward/sdk/remote');
  return {
    kind: 'server',
    clientFor: (member) => connectUpward({ baseUrl, headers: { 'X-Upward-Acting-As': member.personId } }),
  };
}

export async function openBackend(): Promise<Backend> {
  const { kind, baseUrl } = await chooseStorage();
  return kind === 'server' ? serverBackend(baseUrl) : localBackend();
}

/**
 * Imports the sample organisation (199 people) through the SDK when the directory is empty, as
 * HR would from its HRIS export. Safe to repeat and to race with a second tab: the import
 * updates people it already finds by id.
 */
export async function ensureSampleOrg(backend: Backend): Promise<number> {
  const hr = await backend.clientFor(adminMember);
  const existing = await hr.people.list();
  if (existing.length > 0) return 0;
  const response = await fetch(sampleOrgUrl);
  if (!response.ok) throw new Error(`The sample organisation could not be loaded (${response.status}).`);
  const report = await hr.people.import({ format: 'csv', data: await response.text() });
  return report.created;
}
