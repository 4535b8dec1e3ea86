/**
 * The PostgreSQL store on PGlite (embedded PostgreSQL in WASM) with its data directory in a temp
 * folder: the Store conformance suite, the PostgreSQL regressions, and PGlite's own ones.
 * Run: node --import tsx --test packages/server/test/postgres-store.pglite.test.ts
 */
import { after, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect } from 'chai';
import { StorageError } from '@upward/sdk';
import { dropSchema, pgliteDriver, postgresStore } from '../src/index.ts';
import { nodeTestMocha, schemaFor, testPostgresRegressions, testStore } from './support.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'upward-pglite-'));
// One PGlite per data directory: two would corrupt it. Every store of this file shares it.
let pglite = await PGlite.create(dataDir);
let driver = pgliteDriver(pglite);

after(async () => {
  await pglite.close();
  rmSync(dataDir, { recursive: true, force: true });
});

testStore({
  name: 'postgresStore on PGlite',
  create: async (name) => {
    const store = postgresStore({ client: driver, schema: schemaFor(name) });
    await store.ready();
    return store;
  },
  destroy: (name) => dropSchema(driver, schemaFor(name)),
  capabilities: { persistent: true, crossContext: true },
  expect,
  mocha: nodeTestMocha,
});

testPostgresRegressions({
  name: 'postgresStore on PGlite',
  openDriver: async () => ({ driver, close: async () => undefined }),
  expectRetries: false,
});

describe('postgresStore on PGlite (PGlite specifics)', () => {
  it('keeps data when the PGlite instance is closed and the directory reopened', async () => {
    const schema = 'restart_check';
    const first = postgresStore({ client: driver, schema });
    await first.transaction(['people'], 'readwrite', (tx) => tx.put('people', { id: 'p1', version: 0, name: 'Ada' }));
    await first.close();
    await pglite.close();
    pglite = await PGlite.create(dataDir);
    driver = pgliteDriver(pglite);
    const second = postgresStore({ client: driver, schema });
    expect(await second.transaction(['people'], 'readonly', (tx) => tx.get('people', 'p1'))).to.deep.equal({ id: 'p1', version: 1, name: 'Ada' });
    await second.close();
    await dropSchema(driver, schema);
  });

  it('declares an in-memory PGlite as not persistent', async () => {
    const memory = await PGlite.create();
    try {
      expect(postgresStore({ client: pgliteDriver(memory) }).capabilities).to.deep.equal({ persistent: false, crossContext: true });
    } finally {
      await memory.close();
    }
  });

  it('reports a closed PGlite as StorageError "closed", never a raw error', async () => {
    const memory = await PGlite.create();
    const store = postgresStore({ client: pgliteDriver(memory) });
    await store.ready();
    await memory.close();
    const error = await store.transaction(['people'], 'readonly', (tx) => tx.get('people', 'p1')).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).reason).to.equal('closed');
    await store.close();
  });
});
