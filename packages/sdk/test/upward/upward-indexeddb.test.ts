import { expect } from '@open-wc/testing';
import { createUpward } from '../../src/index.ts';
import { indexedDbStore } from '../../src/storage/indexeddb-store.ts';
import { testUpward } from './upward-suite.ts';
import { snapshotOf } from './snapshot.ts';

let n = 0;
testUpward('IndexedDB store', async () => {
  const name = `upward-behaviour-${Date.now()}-${++n}`;
  const store = indexedDbStore({ name });
  return {
    as: (actor, options) => createUpward({ store, actor, ...options }),
    snapshot: () => snapshotOf(store),
    dispose: async () => {
      await store.close();
      indexedDB.deleteDatabase(name);
    },
  };
});

describe('two tabs on one IndexedDB database', () => {
  it('see each other’s changes: the other tab is notified and reads the new data', async () => {
    const name = `upward-two-tabs-${Date.now()}`;
    const tabA = indexedDbStore({ name });
    const tabB = indexedDbStore({ name });
    try {
      const a = createUpward({ store: tabA, actor: { personId: 'hr', isAdmin: true } });
      const b = createUpward({ store: tabB, actor: { personId: 'hr', isAdmin: true } });
      const heard = new Promise<string[]>((resolve) => {
        const stop = b.subscribe((changes) => {
          stop();
          resolve(changes.map((c) => `${c.entity}:${c.id}`));
        });
      });
      await a.people.upsert({ id: 'p1', name: 'Ada Lovelace', email: 'ada@example.com', department: 'R&D', level: 4, timeZone: 'Europe/London' });
      expect(await heard).to.deep.equal(['person:p1']);
      expect((await b.people.get('p1')).name).to.equal('Ada Lovelace');
    } finally {
      await tabA.close();
      await tabB.close();
      indexedDB.deleteDatabase(name);
    }
  });
});
