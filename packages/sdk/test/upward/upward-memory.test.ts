import { createUpward } from '../../src/index.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';
import { snapshotOf } from './snapshot.ts';
import { testUpward } from './upward-suite.ts';

testUpward('memory store', async () => {
  const store = memoryStore();
  return { as: (actor, options) => createUpward({ store, actor, ...options }), snapshot: () => snapshotOf(store), dispose: () => store.close() };
});
