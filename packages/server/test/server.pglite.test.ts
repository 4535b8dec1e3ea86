/**
 * Two servers on one embedded PGlite (what a single-machine deployment can do: PGlite is one
 * process's database, so the "two processes" are two stores on the one instance).
 */
import { PGlite } from '@electric-sql/pglite';
import { pgliteDriver } from '../src/index.ts';
import { attachDatabase } from '../src/database/open-database.ts';
import { testTwoServers } from './http/concurrency-suite.ts';

testTwoServers('PGlite', async () => {
  const pglite = await PGlite.create();
  const driver = pgliteDriver(pglite);
  const a = await attachDatabase(driver, 'upward', 'PGlite a');
  const b = await attachDatabase(driver, 'upward', 'PGlite b');
  return {
    a,
    b,
    async cleanup() {
      await a.close();
      await b.close();
      await pglite.close();
    },
  };
});
