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
