// The memory store against the Store conformance suite, plus its own regressions.
import { expect } from '@open-wc/testing';
import { StorageError } from '../../src/errors.ts';
import { testStore } from '../../src/storage/conformance.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';

testStore({
  name: 'memoryStore',
  create: async () => memoryStore(),
  capabilities: { persistent: false, crossContext: false },
  expect,
});

describe('memoryStore', () => {
  it('keeps two stores apart even with the same name (no hidden globals)', async () => {
    const a = memoryStore({ name: 'same' });
    const b = memoryStore({ name: 'same' });
    await a.transaction(['people'], 'readwrite', (tx) => tx.put('people', { id: 'p1', version: 0 }));
    expect(await b.transaction(['people'], 'readonly', (tx) => tx.get('people', 'p1'))).to.equal(undefined);
  });

  it('refuses a record that cannot be cloned with a StorageError', async () => {
    const store = memoryStore();
    const error = await store
      .transaction(['people'], 'readwrite', (tx) => tx.put('people', { id: 'p1', version: 0, fn: () => 1 }))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).to.be.instanceOf(StorageError);
  });

  it('refuses operations after work has finished', async () => {
    const store = memoryStore();
    let leaked: Parameters<Parameters<typeof store.transaction>[2]>[0] | undefined;
    await store.transaction(['people'], 'readwrite', async (tx) => {
      leaked = tx;
    });
    const error = await leaked!.put('people', { id: 'late', version: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(StorageError);
    expect(await store.transaction(['people'], 'readonly', (tx) => tx.get('people', 'late'))).to.equal(undefined);
  });

  it('lets a transaction started before close finish', async () => {
    const store = memoryStore();
    const pending = store.transaction(['people'], 'readwrite', (tx) => tx.put('people', { id: 'p1', version: 0 }));
    await store.close();
    expect((await pending).version).to.equal(1);
  });
});
