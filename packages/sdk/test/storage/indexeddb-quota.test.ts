// A real quota failure in IndexedDB must reach the caller as StorageError "quota" and leave
// nothing half-written. Uses the `upward-override-quota` server command (test/plugins/), which
// drives the Chrome DevTools Protocol.
//
// A file of its own because Chrome honours a quota override only if it is set before the origin
// first touches storage in that browser context, and wtr gives each test file a fresh context.
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { StorageError } from '../../src/errors.ts';
import { indexedDbStore } from '../../src/storage/indexeddb-store.ts';

/**
 * Asks the test server to override this origin's storage quota (bytes; undefined lifts it).
 Speaks wtr's command protocol directly, as
 * @web/test-runner-commands does, because that package is not a dependency of this workspace.
 */
async function overrideQuota(quotaSize: number | undefined): Promise<boolean> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  const socketModule = '/__web-dev-server__web-socket.js';
  const { sendMessageWaitForResponse } = (await import(/* @vite-ignore */ socketModule)) as {
    sendMessageWaitForResponse(message: unknown): Promise<{ executed: boolean; result?: unknown }>;
  };
  const response = await sendMessageWaitForResponse({
    type: 'wtr-command',
    sessionId,
    command: 'upward-override-quota',
    payload: { quotaSize },
  });
  return response.executed;
}

describe('indexedDbStore under a real storage quota', () => {
  const name = `upward-idb-quota-${Date.now().toString(36)}`;
  before(async () => {
    // Before anything touches storage: a later override is ignored by Chrome.
    expect(await overrideQuota(256 * 1024), 'the upward-override-quota server command').to.equal(true);
  });

  after(async () => {
    await overrideQuota(undefined);
    await deleteDB(name);
  });

  it('reports a quota failure as StorageError "quota" and keeps nothing of the transaction', async () => {
    const store = indexedDbStore({ name });
    try {
      await store.transaction(['people'], 'readwrite', (tx) => tx.put('people', { id: 'small', version: 0 }));
      // Random bytes, so the browser's value compression cannot shrink them under the quota.
      const blob = new Uint8Array(2_000_000);
      for (let i = 0; i < blob.length; i += 65536) crypto.getRandomValues(blob.subarray(i, i + 65536));
      let error: unknown;
      try {
        await store.transaction(['people', 'programs'], 'readwrite', async (tx) => {
          await tx.put('programs', { id: 'g1', version: 0 });
          await tx.put('people', { id: 'huge', version: 0, blob });
        });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(StorageError);
      expect((error as StorageError).reason).to.equal('quota');
      expect((error as Error).message).to.contain('no room left');
      const after = await store.transaction(['people', 'programs'], 'readonly', async (tx) => ({
        huge: await tx.get('people', 'huge'),
        program: await tx.get('programs', 'g1'),
        small: await tx.get('people', 'small'),
      }));
      expect(after.huge).to.equal(undefined);
      expect(after.program).to.equal(undefined);
      expect(after.small?.version).to.equal(1);
    } finally {
      await store.close();
    }
  });
});
