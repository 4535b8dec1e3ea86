/**
 * Two server processes on Debian's PostgreSQL: each `createServer` has its own connection pool,
 * so their transactions really run at the same time. Needs DATABASE_URL — get one with
 *   DATABASE_URL=$(node packages/server/test/ensure-postgres.mjs)
 * Without it this file FAILS, so CI never passes by skipping; UPWARD_SKIP_POSTGRES=1 skips on purpose.
 */
import { it } from 'node:test';
import { dropSchema } from '../src/index.ts';
import { testTwoServers } from './http/concurrency-suite.ts';
import { postgresDatabase } from './http/harness.ts';

const url = process.env.DATABASE_URL;

if (!url) {
  if (process.env.UPWARD_SKIP_POSTGRES === '1') {
    it('two servers on PostgreSQL', { skip: 'UPWARD_SKIP_POSTGRES=1 and no DATABASE_URL' }, () => undefined);
  } else {
    it('two servers on PostgreSQL need DATABASE_URL', () => {
      throw new Error('DATABASE_URL is not set. Run `DATABASE_URL=$(node packages/server/test/ensure-postgres.mjs)` first, or set UPWARD_SKIP_POSTGRES=1.');
    });
  }
} else {
  testTwoServers('PostgreSQL', async () => {
    const schema = `srv_${process.pid}_${Date.now().toString(36)}`;
    const a = await postgresDatabase(url, schema);
    const b = await postgresDatabase(url, schema);
    return {
      a,
      b,
      async cleanup() {
        await dropSchema(a.driver, schema).catch(() => undefined);
        await a.close();
        await b.close();
      },
    };
  });
}
