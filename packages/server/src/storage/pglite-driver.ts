/**
 * `PostgresDriver` over PGlite (PostgreSQL compiled to WASM, running in this process). PGlite is
 * one connection: its `transaction()` holds a mutex, so transactions on one PGlite run one after
 * the other and cannot race; the isolation level is still set so behaviour matches a server.
 * A PGlite data directory must be opened by one PGlite at a time (one process): every store on
 * that data shares the same PGlite instance, and its LISTEN/NOTIFY reaches all of them.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { DriverTransactionOptions, PostgresDriver, SqlExecutor } from './postgres-driver.ts';

/** The part of PGlite the driver uses (a structural type, so any 0.5-compatible build fits). */
export type PGliteLike = Pick<PGlite, 'query' | 'transaction' | 'listen' | 'dataDir'>;

export function pgliteDriver(pglite: PGliteLike): PostgresDriver {
  const executor = (target: Pick<PGlite, 'query'>): SqlExecutor => ({
    async query<R extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(sql, [...params]);
      return { rows: result.rows };
    },
  });
  const dataDir = pglite.dataDir;
  return {
    name: 'pglite',
    // No data directory, or `memory://…`, lives only as long as the process.
    persistent: dataDir !== undefined && dataDir !== '' && !dataDir.startsWith('memory://'),
    ...executor(pglite),
    transaction<T>(options: DriverTransactionOptions, work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
      return pglite.transaction(async (tx) => {
        // PGlite issues BEGIN itself; SET TRANSACTION is valid as long as nothing ran before it.
        const level = options.isolation === 'serializable' ? 'SERIALIZABLE' : 'READ COMMITTED';
        await tx.query(`SET TRANSACTION ISOLATION LEVEL ${level}${options.readOnly ? ', READ ONLY' : ''}`);
        // PGlite commits when this callback returns: statements work did not await finish first.
        const pending = new Set<Promise<unknown>>();
        const sql = executor(tx);
        const result = await work({
          query<R extends object>(text: string, params?: readonly unknown[]) {
            const run = sql.query<R>(text, params);
            const settled: Promise<unknown> = run.then(
              () => pending.delete(settled),
              () => pending.delete(settled),
            );
            pending.add(settled);
            return run;
          },
        });
        await Promise.all(pending);
        return result;
      });
    },
    async listen(channel, onPayload) {
      const stop = await pglite.listen(channel, onPayload);
      return () => stop();
    },
  };
}
