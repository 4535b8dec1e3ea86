/**
 * The small driver interface the PostgreSQL store is written against, so one store runs on
 * PGlite (embedded, in-process) and on node-postgres (a real server) alike. A driver only knows
 * how to send SQL, how to run a function inside one transaction on one connection, and — if it
 * can — how to deliver NOTIFY payloads. Everything Upward-specific lives in the store.
 */

/** Something that runs one SQL statement with `$1…` parameters. */
export interface SqlExecutor {
  query<R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: StatementOptions): Promise<{ rows: R[] }>;
}

export interface StatementOptions {
  /**
   * The statement only reads (a plain SELECT). A pipelining driver may then send it in the
   * same round trip as BEGIN, before BEGIN is confirmed; anything else waits for BEGIN.
   */
  read?: boolean;
}

export interface DriverTransactionOptions {
  /**
   * `serializable` for the store's commands; `read committed` for migrations, whose snapshot
   * must be taken after the advisory lock is held (a serializable snapshot is taken at the first
   * statement, i.e. before the lock is granted, and would not see another process's migration).
   */
  isolation: 'serializable' | 'read committed';
  readOnly: boolean;
}

export interface PostgresDriver extends SqlExecutor {
  /** For messages: `pglite`, `node-postgres`. */
  readonly name: string;
  /** Does the data outlive the process (false for an in-memory PGlite)? */
  readonly persistent: boolean;
  /**
   * Runs `work` between BEGIN and COMMIT on one connection; a throw rolls back and rethrows.
   * `work` must use the executor it is given, not the driver (PGlite would wait on itself).
   * Statements work issued without awaiting them still run before COMMIT, in the order issued
   * (the store sends its NOTIFY that way, in the same round trip as COMMIT).
   */
  transaction<T>(options: DriverTransactionOptions, work: (sql: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel`; resolves once notifications can arrive, to a function that stops.
   * Absent when the driver cannot deliver notifications.
   */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}
