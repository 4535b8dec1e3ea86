/**
 * `PostgresDriver` over a node-postgres `Pool` (a PostgreSQL server, e.g. from `DATABASE_URL`).
 * Each transaction checks out its own connection, so transactions of one process — and of
 * every other process on the same database — really run concurrently; the store's SERIALIZABLE
 * transactions and retries are what keep them correct.
 *
 * Create the pool with `pipeline: true` (the server does): statements a transaction issues at
 * once (a participant's home reads its person, matches and action items together) then leave in
 * one write and come back in one round trip, instead of one round trip each. Without it the
 * driver queues them one after the other, which is correct but slower.
 *
 * Notifications use one extra pooled connection per driver, shared by every store on it and
 * held only while someone listens. If that connection drops, it is re-established with backoff.
 */
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { DriverTransactionOptions, PostgresDriver, SqlExecutor, StatementOptions } from './postgres-driver.ts';

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
      const markBroken = (error: Error) => (broken = error);
      try {
        const level = txOptions.isolation === 'serializable' ? 'SERIALIZABLE' : 'READ COMMITTED';
        const beginSql = `BEGIN ISOLATION LEVEL ${level}${txOptions.readOnly ? ' READ ONLY' : ''}`;
        const tx = client.pipeline === true ? pipelined(client, executor(client), beginSql, markBroken) : sequential(client, executor(client), beginSql, markBroken);
        let result: T;
        try {
          await tx.started;
          result = await work(tx.sql);
          // Reads may have left before BEGIN was confirmed: their answers count only if it was.
          await tx.begun;
          await tx.issued();
        } catch (error) {
          // Everything work issued goes first, so nothing can run after the ROLLBACK, outside the transaction.
          await tx.issued();
          await client.query('ROLLBACK').catch((rollbackError: Error) => {
            broken = rollbackError;
          });
          await tx.begun; // a failed BEGIN is the error to report
          throw error;
        }
        // A failed COMMIT (e.g. a serialization failure found at commit) has already rolled back.
        await sendOrBreak(client, 'COMMIT', markBroken);
        return result;
      } finally {
        client.release(broken);
      }
    },

    listen: sharedListener(pool),
  };
}

interface DriverTransaction {
  sql: SqlExecutor;
  /** Resolves when work may start. */
  started: Promise<void>;
  /** Resolves once BEGIN succeeded; rejects with its error. */
  begun: Promise<void>;
  /** Resolves once every statement work issued has been handed to node-postgres (so it precedes what comes next). */
  issued(): Promise<void>;
}

/**
 * Without pipelining, one connection runs one statement at a time: BEGIN first, then work's
 * statements queued here in the order issued (work may issue several at once, e.g.
 * `Promise.all` over puts), which keeps node-postgres from the concurrent `client.query()` it
 * deprecates (and will refuse in pg 9).
 */
function sequential(client: PoolClient, sql: SqlExecutor, beginSql: string, markBroken: (error: Error) => void): DriverTransaction {
  const begun = sendOrBreak(client, beginSql, markBroken);
  begun.catch(() => undefined);
  let tail: Promise<unknown> = Promise.resolve();
  return {
    started: begun,
    begun,
    issued: () => tail.then(() => undefined),
    sql: {
      query<R extends object>(text: string, params?: readonly unknown[]) {
        const run = tail.then(() => sql.query<R>(text, params));
        tail = run.catch(() => undefined);
        return run;
      },
    },
  };
}

/**
 * On a pipelined connection (`pipeline: true`), node-postgres sends each statement at once and
 * matches the answers to the statements in order. Here, statements issued in the same turn of
 * the event loop (work's `Promise.all`) also leave in one socket write: one wake-up of the
 * PostgreSQL backend and one round trip rather than one each. BEGIN rides along with the first
 * reads; a statement that may write waits for BEGIN's answer (and keeps its place: statements
 * issued after it wait too), so that not even a failed BEGIN could let a write run outside the
 * transaction. Reads sent ahead are harmless: if BEGIN failed, their answers are thrown away.
 */
function pipelined(client: PoolClient, sql: SqlExecutor, beginSql: string, markBroken: (error: Error) => void): DriverTransaction {
  const stream = (client as PoolClient & { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection?.stream;
  let corked = false;
  const uncork = () => {
    corked = false;
    stream?.uncork?.();
  };
  /** Holds socket writes back until this turn's statements are all issued. */
  const hold = () => {
    if (corked || !stream?.cork || !stream.uncork) return;
    corked = true;
    stream.cork();
    process.nextTick(uncork);
  };

  hold();
  let confirmed = false;
  const begun = sendOrBreak(client, beginSql, markBroken).then(() => {
    confirmed = true;
  });
  begun.catch(() => undefined);
  /** Statements waiting for BEGIN's answer; while any wait, later ones queue behind them. */
  let waiting = 0;
  const send = <R extends object>(text: string, params?: readonly unknown[]) => {
    hold();
    return sql.query<R>(text, params);
  };
  return {
    started: Promise.resolve(),
    begun,
    issued: () => (waiting > 0 ? begun.then(noop, noop) : Promise.resolve()),
    sql: {
      query<R extends object>(text: string, params?: readonly unknown[], options?: StatementOptions) {
        if (waiting === 0 && (confirmed || options?.read === true)) return send<R>(text, params);
        waiting++;
        return begun.then(
          () => {
            waiting--;
            return send<R>(text, params);
          },
          (error: unknown) => {
            waiting--;
            throw error;
          },
        );
      },
    },
  };
}

const noop = () => undefined;

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
