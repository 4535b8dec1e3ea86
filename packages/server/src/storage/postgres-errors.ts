/**
 * Turns what PostgreSQL drivers throw (SQLSTATE-coded errors from the server or PGlite, socket
 * errors from node-postgres) into Upward's `StorageError` with a reason a host can branch on.
 * No raw driver error leaves the PostgreSQL store: everything goes through `toStorageError`.
 */
import { StorageError, isUpwardError } from '@upward/sdk';
import type { StorageFailure } from '@upward/sdk';

export const KIND = 'postgres';

/** serialization_failure and deadlock_detected: the transaction lost a race and may be re-run. */
export function isRetryable(error: unknown): boolean {
  const code = codeOf(error);
  return code === '40001' || code === '40P01';
}

export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Upward errors pass through; anything else becomes a `StorageError` with the cause attached. */
export function toStorageError(error: unknown, action?: string): Error {
  if (isUpwardError(error)) return error;
  const [reason, explanation] = explain(error);
  const detail = error instanceof Error && error.message ? ` Database said: ${error.message}` : '';
  const during = action ? ` (Failed while ${action}.)` : '';
  return new StorageError(KIND, reason, `${explanation}${detail}${during}`, { cause: error });
}

function explain(error: unknown): [StorageFailure, string] {
  const code = codeOf(error) ?? '';
  const message = error instanceof Error ? error.message : String(error);
  // Closed handles report themselves only by message.
  if (/pglite is closed|after calling end on the pool|client was closed|client has already been connected|connection terminated/i.test(message)) {
    return /terminated/i.test(message)
      ? ['unavailable', 'The connection to PostgreSQL was lost. Try again.']
      : ['closed', 'The database handle (PGlite instance or connection pool) is closed.'];
  }
  switch (code) {
    case '40001':
    case '40P01':
      return ['unknown', 'The transaction kept colliding with concurrent ones.'];
    case '53100':
      return ['quota', 'The database server has no disk space left.'];
    case '53200':
      return ['quota', 'The database server ran out of memory.'];
    case '53300':
    case '57P03':
      return ['unavailable', 'The database server accepts no more connections right now. Try again.'];
    case '28000':
    case '28P01':
      return ['unavailable', 'The database refused the credentials (check DATABASE_URL).'];
    case '3D000':
      return ['unavailable', 'The database does not exist (check DATABASE_URL).'];
    case '42P01':
    case '42703':
    case '3F000':
      return ['corrupt', 'The database does not have the expected layout (a table, column or schema is missing).'];
    case '22P05':
    case '22021':
    case '22P02':
    case '54000':
      return ['unknown', 'A value could not be stored (PostgreSQL text and JSON cannot hold NUL characters, and sizes are limited).'];
    case '25P02':
      return ['unknown', 'An earlier statement in this transaction failed, so PostgreSQL refused the rest.'];
    case '25006':
      return ['unknown', 'A write was attempted in a readonly transaction.'];
    case '57014':
      return ['unavailable', 'The statement was cancelled (timeout or administrator). Try again.'];
  }
  if (code.startsWith('08') || code.startsWith('57P') || /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|EPIPE)$/.test(code)) {
    return ['unavailable', 'PostgreSQL cannot be reached. Check that the server runs and DATABASE_URL is right.'];
  }
  return ['unknown', 'PostgreSQL failed.'];
}
