/**
 * Turns what IndexedDB throws (DOMExceptions, a transaction's `error`) into Upward's
 * `StorageError` with a reason a host can branch on and a message a person can act on. No raw
 * DOMException leaves the IndexedDB store: everything it throws goes through `toStorageError`.
 */
import { StorageError, isUpwardError } from '../errors.ts';
import type { StorageFailure } from '../errors.ts';

export const KIND = 'indexeddb';

export interface ErrorContext {
  /** What was being done, for the message: "opening the database", "saving people \"p1\"". */
  action?: string;
  /** The transaction's own `error`: when a commit fails on quota, the rejection is often a bare AbortError. */
  transactionError?: unknown;
}

const QUOTA_MESSAGE =
  'The browser has no room left to save data on this device (storage quota exceeded). ' +
  'Free some disk space or clear data of other sites, then try again.';

/** Upward errors pass through; anything else becomes a `StorageError` with the cause attached. */
export function toStorageError(error: unknown, context: ErrorContext = {}): Error {
  if (isUpwardError(error)) return error;
  const during = context.action ? ` while ${context.action}` : '';
  if (isQuotaError(error, context.transactionError)) {
    return new StorageError(KIND, 'quota', `${QUOTA_MESSAGE} (Failed${during}.)`, { cause: error });
  }
  let name = errorName(error);
  // Chrome reports an operation on an ended transaction as InvalidStateError "has finished".
  if (name === 'InvalidStateError' && /transaction has finished|not active/i.test(messageOf(error))) name = 'TransactionInactiveError';
  const [reason, explanation] = explain(name, error);
  return new StorageError(KIND, reason, `${explanation}${during ? ` (Failed${during}.)` : ''}`, { cause: error });
}

/**
 * Quota shows up in several shapes: a `QuotaExceededError` on the request or the transaction, or
 * (Chrome on commit, Safari) an `AbortError` whose transaction error or message says quota.
 */
export function isQuotaError(error: unknown, transactionError?: unknown): boolean {
  for (const candidate of [error, transactionError, causeOf(error)]) {
    const name = errorName(candidate);
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    if (candidate !== undefined && /quota/i.test(messageOf(candidate))) return true;
  }
  return false;
}

function explain(name: string | undefined, error: unknown): [StorageFailure, string] {
  const detail = messageOf(error);
  const suffix = detail ? ` Browser said: ${detail}` : '';
  switch (name) {
    case 'VersionError':
      return ['outdated', 'A newer version of this app has upgraded the saved data in another tab. Reload the page to continue.'];
    case 'InvalidStateError':
      return ['closed', `The database connection was closed (another tab upgraded it, or the browser closed it).${suffix}`];
    case 'TransactionInactiveError':
      return [
        'unknown',
        `The transaction had already ended: transaction work must await only the transaction's own operations.${suffix}`,
      ];
    case 'NotFoundError':
      return ['corrupt', `The saved data does not have the expected layout (a collection or index is missing).${suffix}`];
    case 'DataError':
    case 'DataCloneError':
      return ['unknown', `A value could not be stored or used as a key (functions, DOM nodes and the like cannot be saved).${suffix}`];
    case 'ReadOnlyError':
      return ['unknown', `A write was attempted in a readonly transaction.${suffix}`];
    case 'ConstraintError':
      return ['corrupt', `The saved data broke a database constraint.${suffix}`];
    case 'SecurityError':
      return ['unavailable', `This page may not use browser storage (blocked by settings or a private window).${suffix}`];
    case 'UnknownError':
    case 'TimeoutError':
      return ['unavailable', `Browser storage failed; it may be unavailable or the disk may be failing. Try again.${suffix}`];
    case 'AbortError':
      return ['unknown', `The transaction was aborted.${suffix}`];
    default:
      return ['unknown', `Browser storage failed.${suffix}`];
  }
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

function messageOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : '';
}

function causeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
}
