// Reads every record of a store, so a test can prove that a failed command wrote nothing.
import { collectionNames } from '../../src/storage/collections.ts';
import type { Store } from '../../src/storage/store.ts';

export function snapshotOf(store: Store) {
  return store.transaction(collectionNames, 'readonly', async (tx) => {
    const all: Record<string, unknown> = {};
    for (const c of collectionNames) all[c] = (await tx.query(c)).sort((a, b) => a.id.localeCompare(b.id));
    return all;
  });
}
