/**
 * `PostgresDriver` over a node-postgres `Pool` (a PostgreSQL server, e.g. from `DATABASE_URL`).
 * Each transaction checks out its own connection, so transactions of one process — and of
 * every other process on the same database — really run concurrently; the store's SERIALIZABLE
 * transactions and retries are what keep them correct.
 *
 * Notifications use one extra pooled connection per driver, shared by every store on it and
 * held only while someone listens. If that connection drops, it is re-established with backoff.
 */
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { DriverTransactionOptions, PostgresDriver, SqlExecutor } from './postgres-driver.ts';

export interface NodePgDriverOptions {
  /** Reported as `persistent` (a server keeps its data); false only for throwaway test servers. */
  persistent?: boolean;
}

/**
 * Statements with parameters are sent as named prepared statements: the store issues the same
 * few dozen texts over and over, and a connection that has prepared one skips PostgreSQL's
 * parse and plan on every later use (node-postgres keeps the per-connection bookkeeping). The
 * name is a digest of the text, so equal texts share it and different texts never collide.
 */
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `upward_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    // Bounded: ad-hoc texts (tests, hosts) must not grow the map for ever.
    if (statementNames.size > 5000) statementNames.clear();
    statementNames.set(sql, name);
  }
  return name;
}

export function nodePgDriver(pool: Pool, options: NodePgDriverOptions = {}): PostgresDriver {
  const executor = (target: Pick<Pool, 'query'> | PoolClient): SqlExecutor => ({
    async query<R extends object>(sql: string, params: readonly unknown[] = []) {
      const result =
        params.length > 0 ? await target.query({ name: statementName(sql), text: sql, values: [...params] }) : await target.query(sql);
      return { rows: result.rows as R[] };
    },
  });

  return {
    name: 'node-postgres',
    persistent: options.persistent ?? true,
    ...executor(pool),

    async transaction<T>(txOptions: DriverTransactionOptions, work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A connection whose ROLLBACK failed is in an unknown state: destroy it rather than reuse it.
      let broken: Error | undefined;
      try {
        const level = txOptions.isolation === 'serializable' ? 'SERIALIZABLE' : 'READ COMMITTED';
        await sendOrBreak(client, `BEGIN ISOLATION LEVEL ${level}${txOptions.readOnly ? ' READ ONLY' : ''}`, (e) => (broken = e));
        let result: T;
        try {
          result = await work(oneAtATime(executor(client)));
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: Error) => {
            broken = rollbackError;
          });
          throw error;
        }
        // A failed COMMIT (e.g. a serialization failure found at commit) has already rolled back.
        await sendOrBreak(client, 'COMMIT', (e) => (broken = e));
        return result;
      } finally {
        client.release(broken);
      }
    },

    listen: sharedListener(pool),
  };
}

/**
 * Work may issue several statements at once (`Promise.all` over puts). One connection runs one
 * statement at a time anyway; queueing them here, in order, keeps node-postgres from the
 * concurrent `client.query()` it deprecates (and will refuse in pg 9).
 */
function oneAtATime(sql: SqlExecutor): SqlExecutor {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    query<R extends object>(text: string, params?: readonly unknown[]) {
      const run = tail.then(() => sql.query<R>(text, params));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

/** Sends BEGIN / COMMIT; a failure that is not an SQL error means the connection is unusable. */
async function sendOrBreak(client: PoolClient, sql: string, markBroken: (error: Error) => void): Promise<void> {
  try {
    await client.query(sql);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
    if (!sqlState || code.startsWith('08') || code.startsWith('57P')) markBroken(error as Error);
    throw error;
  }
}

/** One LISTEN connection per pool, fanned out to every listener on it. */
function sharedListener(pool: Pool): NonNullable<PostgresDriver['listen']> {
  const subscribers = new Map<string, Set<(payload: string) => void>>();
  let client: PoolClient | undefined;
  let connecting: Promise<PoolClient> | undefined;
  let retryDelay = 100;
  const detachers = new WeakMap<PoolClient, () => void>();
  const detach = (c: PoolClient) => {
    detachers.get(c)?.();
    detachers.delete(c);
  };

  const onNotification = (message: { channel: string; payload?: string }) => {
    for (const fn of [...(subscribers.get(message.channel) ?? [])]) fn(message.payload ?? '');
  };

  async function connect(): Promise<PoolClient> {
    if (client) return client;
    connecting ??= (async () => {
      const c = await pool.connect();
      const onError = (error: Error) => {
        // The listening connection died: forget it and come back while anyone still listens.
        console.error('[upward] [store:postgres] The LISTEN connection failed; reconnecting:', error.message);
        detach(c);
        c.release(error);
        if (client === c) client = undefined;
        scheduleReconnect();
      };
      c.on('notification', onNotification);
      c.on('error', onError);
      // Our handlers leave with the connection, so a pooled connection never collects them.
      detachers.set(c, () => {
        c.removeListener('notification', onNotification);
        c.removeListener('error', onError);
      });
      try {
        for (const channel of subscribers.keys()) await c.query(`LISTEN ${quoteChannel(channel)}`);
      } catch (error) {
        detach(c);
        c.release(error as Error);
        throw error;
      }
      client = c;
      retryDelay = 100;
      return c;
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  function scheduleReconnect(): void {
    if (subscribers.size === 0) return;
    const delay = retryDelay;
    retryDelay = Math.min(retryDelay * 2, 10_000);
    setTimeout(() => {
      connect().catch(() => scheduleReconnect());
    }, delay).unref?.();
  }

  return async (channel, onPayload) => {
    let set = subscribers.get(channel);
    const first = !set;
    if (!set) subscribers.set(channel, (set = new Set()));
    set.add(onPayload);
    try {
      const c = await connect();
      // A fresh connection already LISTENs on every channel; an existing one needs the new one.
      if (first) await c.query(`LISTEN ${quoteChannel(channel)}`);
    } catch (error) {
      set.delete(onPayload);
      if (set.size === 0) subscribers.delete(channel);
      throw error;
    }
    return async () => {
      const current = subscribers.get(channel);
      if (!current?.delete(onPayload) || current.size > 0) return;
      subscribers.delete(channel);
      const c = client;
      if (!c) return;
      if (subscribers.size === 0) {
        client = undefined;
        detach(c);
        // UNLISTEN * so a pooled connection never carries our LISTEN to its next user.
        const failed = await c.query('UNLISTEN *').then(
          () => undefined,
          (error: Error) => error,
        );
        c.release(failed);
      } else {
        await c.query(`UNLISTEN ${quoteChannel(channel)}`).catch(() => undefined);
      }
    };
  };
}

function quoteChannel(channel: string): string {
  return `"${channel.replace(/"/g, '""')}"`;
}
