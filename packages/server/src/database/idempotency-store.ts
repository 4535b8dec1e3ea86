/**
 * The REST handler's `IdempotencyStore` in PostgreSQL (table `upward_idempotency`, see
 * `server-migrations.ts`), so every server process on the database sees every key: a retry that
 * lands on another process is still answered from the first one's record.
 *
 * `begin` is one `INSERT … ON CONFLICT DO UPDATE … WHERE` statement: PostgreSQL's unique index
 * decides which of two concurrent first attempts gets `new` (the other sees the in-progress
 * row). The same statement takes over a row whose answer expired or whose in-progress lease
 * ran out (the process that held it died), so such a key can run again.
 */
import { createHash } from 'node:crypto';
import type { IdempotencyBegin, IdempotencyScope, IdempotencyStore, StoredResponse } from '@upward/sdk/remote/handler';
import type { SqlExecutor } from '../storage/postgres-driver.ts';
import { toStorageError } from '../storage/postgres-errors.ts';
import { ident } from '../storage/postgres-schema.ts';

export interface PostgresIdempotencyOptions {
  /** How long a finished answer is kept for replays. Default 24 hours. */
  ttlMs?: number;
  /** How long a request may hold its key before another attempt may take it over. Default 5 minutes. */
  leaseMs?: number;
}

interface Row {
  fingerprint: string;
  state: 'in-progress' | 'done';
  response: StoredResponse | string | null;
}

export interface PostgresIdempotencyStore extends IdempotencyStore {
  /** Deletes expired records; returns how many. The server runs it now and then. */
  purgeExpired(): Promise<number>;
}

export function postgresIdempotencyStore(sql: SqlExecutor, schema: string, options: PostgresIdempotencyOptions = {}): PostgresIdempotencyStore {
  const t = `${ident(schema)}.upward_idempotency`;
  const ttl = `${Math.max(1, Math.round((options.ttlMs ?? 24 * 60 * 60 * 1000) / 1000))} seconds`;
  const lease = `${Math.max(1, Math.round((options.leaseMs ?? 5 * 60 * 1000) / 1000))} seconds`;
  // The key arrives already namespaced with the actor by the handler; actor_id is kept as well
  // so a record can be told apart and purged per person.
  const beginSql = `
    INSERT INTO ${t} AS r (actor_id, key, fingerprint, state, response, lease_until, expires_at)
    VALUES ($1, $2, $3, 'in-progress', NULL, now() + interval '${lease}', now() + interval '${ttl}')
    ON CONFLICT (actor_id, key) DO UPDATE
      SET fingerprint = EXCLUDED.fingerprint, state = 'in-progress', response = NULL,
          lease_until = EXCLUDED.lease_until, expires_at = EXCLUDED.expires_at
      WHERE r.expires_at < now() OR (r.state = 'in-progress' AND r.lease_until < now())
    RETURNING true AS taken`;

  // The handler's keys hold a NUL between actor and key, which PostgreSQL text cannot store; a
  // digest is also of fixed size, whatever the client sent.
  const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest('base64url');
  // A database failure is a StorageError (503, "try again"), never a bare driver error (500).
  const guarded = async <T>(action: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(error, action);
    }
  };

  const store: PostgresIdempotencyStore = {
    begin: (rawKey: string, scope: IdempotencyScope): Promise<IdempotencyBegin> =>
      guarded('checking an idempotency key', async () => {
        const key = digest(rawKey);
        for (;;) {
          const taken = await sql.query<{ taken: boolean }>(beginSql, [scope.actorId, key, scope.fingerprint]);
          if (taken.rows.length > 0) return { state: 'new' };
          const { rows } = await sql.query<Row>(`SELECT fingerprint, state, response FROM ${t} WHERE actor_id = $1 AND key = $2`, [scope.actorId, key]);
          const row = rows[0];
          // Deleted between the two statements (abandon, purge): the key is free again; try again.
          if (!row) continue;
          if (row.fingerprint !== scope.fingerprint) return { state: 'mismatch' };
          if (row.state === 'in-progress' || row.response === null) return { state: 'in-progress' };
          const response = typeof row.response === 'string' ? (JSON.parse(row.response) as StoredResponse) : row.response;
          return { state: 'replay', response };
        }
      }),

    complete: (key, response) =>
      guarded('saving an idempotent answer', async () => {
        await sql.query(`UPDATE ${t} SET state = 'done', response = $2::jsonb WHERE key = $1 AND state = 'in-progress'`, [
          digest(key),
          JSON.stringify({ status: response.status, headers: response.headers, body: response.body }),
        ]);
      }),

    abandon: (key) =>
      guarded('releasing an idempotency key', async () => {
        await sql.query(`DELETE FROM ${t} WHERE key = $1 AND state = 'in-progress'`, [digest(key)]);
      }),

    purgeExpired: () =>
      guarded('purging idempotency keys', async () => {
        const { rows } = await sql.query<{ n: number }>(
          `WITH gone AS (DELETE FROM ${t} WHERE expires_at < now() AND (state = 'done' OR lease_until < now()) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        );
        return rows[0]?.n ?? 0;
      }),
  };
  return store;
}
