import type { BrokenRule } from './matching/types.ts';

/**
 * The one error hierarchy of Upward. Every failure a caller can see is an `UpwardError` with a
 * stable `code`, so hosts (and the REST layer) can branch on it without parsing messages.
 */

export type UpwardErrorCode =
  | 'validation'
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'invalid-transition'
  | 'storage'
  // Failures of the network: the remote client's HTTP boundary, or code that loads on first use.
  | 'network'
  // Raised only by the remote client (`@upward/sdk/remote`): failures of the HTTP boundary itself.
  | 'unauthenticated'
  | 'server'
  | 'rate-limited'
  | 'protocol'
  | 'queued';

export abstract class UpwardError extends Error {
  abstract readonly code: UpwardErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(`[upward] ${message}`, options);
    this.name = new.target.name;
  }
}

/**
 * What is wrong with a field, for code and for interfaces that say it in their own language
 * (`message` is English). Named after zod's issue codes, plus:
 * - `required`: a value is missing (or a box that must be ticked is not);
 * - `duplicate`: a list repeats an entry;
 * - `end_before_start`: an end (a date, a time) is not after its start;
 * - `not_found`: the id names nobody (or nothing) there is;
 * - `not_in_match`: the person or session named is not part of the match;
 * - `self_reference`: a person points at themselves (their own manager, ranking themselves);
 * - `cycle`: a reporting line would loop back on itself;
 * - `taken`: the value (an email) already belongs to someone else;
 * - `broken_rule`: a pairing rule rules the match out (`violation` says which, and what broke it).
 * Rules the SDK words only in English (`custom`) keep their `message`.
 */
export const fieldIssueCodes = [
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'unrecognized_keys',
  'not_multiple_of',
  'duplicate',
  'end_before_start',
  'not_found',
  'not_in_match',
  'self_reference',
  'cycle',
  'taken',
  'broken_rule',
  'custom',
] as const;
export type FieldIssueCode = (typeof fieldIssueCodes)[number];

const issueCodes = new Set<string>(fieldIssueCodes);
export const isFieldIssueCode = (code: unknown): code is FieldIssueCode => typeof code === 'string' && issueCodes.has(code);

/**
 * One failing field: `path` is dotted (`playbook.cadence.every`, `members.0.personId`), `message`
 * says what is wrong in English. The other fields are there when the SDK's schemas found the
 * problem (issues a service writes by hand may carry only `path` and `message`; treat a missing
 * `code` as `custom`).
 */
export interface FieldIssue {
  path: string;
  message: string;
  code?: FieldIssueCode;
  /** too_small, too_big: what was measured — the characters of a text, the entries of a list, a number. */
  origin?: 'string' | 'array' | 'number' | 'date';
  /** too_small: the least allowed (`inclusive`) or the bound to stay above (not `inclusive`). */
  minimum?: number;
  /** too_big: the most allowed (`inclusive`) or the bound to stay below (not `inclusive`). */
  maximum?: number;
  inclusive?: boolean;
  /** invalid_format: what the text must look like: `email`, `url`, `date`, `datetime`, `time_zone`, `language`, `regex`, … */
  format?: string;
  /** invalid_type: the kind of value expected: `string`, `number`, `int`, `boolean`, `array`, `object`, … */
  expected?: string;
  /** broken_rule: the pairing rule and what broke it, as the matching engine reports it. */
  violation?: BrokenRule;
}

export class ValidationError extends UpwardError {
  readonly code = 'validation';
  constructor(
    readonly issues: FieldIssue[],
    context = 'input',
  ) {
    super(
      `Invalid ${context}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
    );
  }
}

export class NotFoundError extends UpwardError {
  readonly code = 'not-found';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`No ${entity} with id "${id}".`);
  }
}

export class ForbiddenError extends UpwardError {
  readonly code = 'forbidden';
  constructor(
    readonly action: string,
    reason: string,
  ) {
    super(`Not allowed to ${action}: ${reason}`);
  }
}

export class ConflictError extends UpwardError {
  readonly code = 'conflict';
  constructor(
    readonly entity: string,
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The conflict of a stale read: a command carried `expectedVersion` (over HTTP, `If-Match`) and
 * the record has moved on since. Still a `ConflictError` with code `conflict`, so every existing
 * caller keeps working; `reason` tells it apart, and the REST layer answers it with 412, not 409.
 */
export class StaleVersionError extends ConflictError {
  readonly reason = 'stale';
  constructor(
    entity: string,
    id: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
    message: string,
  ) {
    super(entity, id, message);
  }
}

export class InvalidTransitionError extends UpwardError {
  readonly code = 'invalid-transition';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`Cannot move ${entity} "${id}" from "${from}" to "${to}".`);
  }
}

export type StorageFailure = 'quota' | 'blocked' | 'closed' | 'outdated' | 'corrupt' | 'unavailable' | 'unknown';

export class StorageError extends UpwardError {
  readonly code = 'storage';
  constructor(
    readonly store: string,
    readonly reason: StorageFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[store:${store}] ${message}`, options);
  }
}

export function isUpwardError(error: unknown): error is UpwardError {
  return error instanceof UpwardError;
}

export type NetworkFailure = 'offline' | 'timeout' | 'failed';

/**
 * No answer from the network: the remote client's request (no connection, the per-request
 * timeout, a dropped stream), or a part of the SDK that loads on first use and did not arrive.
 */
export class NetworkError extends UpwardError {
  readonly code = 'network';
  constructor(
    readonly reason: NetworkFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
