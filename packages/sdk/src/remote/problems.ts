/**
 * Errors on the wire: every failure of the REST contract is an RFC 9457 problem
 * (`application/problem+json`) that carries the SDK's error `code`, so a remote caller can branch
 * on it exactly as an in-process caller does. Written once for both sides: the handler turns an
 * `UpwardError` into a problem, the remote client turns a problem back into the same error.
 *
 * Status per code: validation 422 (400 when the HTTP itself is malformed), not-found 404,
 * forbidden 403, conflict 409 — except a stale `expectedVersion`/`If-Match`, which is a
 * `StaleVersionError` and answers 412 with `reason: "stale"` — invalid-transition 409,
 * storage 503. Anything unexpected is a 500 that says nothing about the internals.
 */
import * as z from 'zod/mini';
import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  StaleVersionError,
  StorageError,
  UpwardError,
  ValidationError,
  type FieldIssue,
  type StorageFailure,
} from '../errors.ts';
import { WireFieldIssue, fieldIssueFromWire } from './explanations.ts';

/** A request that is wrong as HTTP (bad JSON, a bad header): answered with 400, code `validation`. */
export class MalformedRequestError extends ValidationError {
  constructor(path: string, message: string) {
    super([{ path, message }], 'request');
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The SDK's error codes, plus the failures of HTTP itself. */
export const ProblemCode = z.enum([
  'validation',
  'not-found',
  'forbidden',
  'conflict',
  'invalid-transition',
  'storage',
  'unauthenticated',
  'method-not-allowed',
  'server',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.gte(400), z.lte(599)),
  detail: z.string(),
  code: ProblemCode,
  /** validation: every failing field, with the SDK's dotted path, its code and what its message needs. */
  issues: z.optional(z.array(WireFieldIssue)),
  /** conflict: `stale` for a stale version (412), `in-progress` for an idempotency key still running. */
  reason: z.optional(z.string()),
  /** not-found, conflict, invalid-transition: the record concerned. */
  entity: z.optional(z.string()),
  id: z.optional(z.string()),
  /** invalid-transition: the move that was refused. */
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  /** stale conflict (412): the version the caller had and the one stored. */
  expectedVersion: z.optional(z.int()),
  actualVersion: z.optional(z.int()),
  /** forbidden: the permission that was missing. */
  action: z.optional(z.string()),
});
export type Problem = z.infer<typeof Problem>;

const TITLES: Record<ProblemCode, string> = {
  validation: 'Invalid input',
  'not-found': 'Not found',
  forbidden: 'Forbidden',
  conflict: 'Conflict',
  'invalid-transition': 'Invalid state change',
  storage: 'Storage unavailable',
  unauthenticated: 'Not signed in',
  'method-not-allowed': 'Method not allowed',
  server: 'Server error',
};

/** A stable URI per code (RFC 9457 `type`); a URN, so it never pretends to be a page. */
export const problemType = (code: ProblemCode): string => `urn:upward:problem:${code}`;

/** The message without the `[upward] ` prefix every `UpwardError` carries. */
const detailOf = (error: Error): string => error.message.replace(/^\[upward\] /, '');

export function problem(status: number, code: ProblemCode, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: problemType(code), title: TITLES[code], status, detail, code, ...extra };
}

/** The problem for an error thrown by a service (or by the request parsing). */
export function problemFromError(error: unknown): Problem {
  if (error instanceof MalformedRequestError) return problem(400, 'validation', detailOf(error), { issues: error.issues });
  if (error instanceof ValidationError) return problem(422, 'validation', detailOf(error), { issues: error.issues });
  if (error instanceof NotFoundError) return problem(404, 'not-found', detailOf(error), { entity: error.entity, id: error.id });
  if (error instanceof ForbiddenError) return problem(403, 'forbidden', detailOf(error), { action: error.action });
  if (error instanceof StaleVersionError) return problem(412, 'conflict', detailOf(error), {
      reason: 'stale',
      entity: error.entity,
      id: error.id,
      expectedVersion: error.expectedVersion,
      actualVersion: error.actualVersion,
    });
  if (error instanceof ConflictError) return problem(409, 'conflict', detailOf(error), { entity: error.entity, id: error.id });
  if (error instanceof InvalidTransitionError) {
    return problem(409, 'invalid-transition', detailOf(error), { entity: error.entity, id: error.id, from: error.from, to: error.to });
  }
  // The store's own message may name tables or hosts: say what happened, not where.
  if (error instanceof StorageError) return problem(503, 'storage', 'The data store is unavailable right now. Try again shortly.', { reason: error.reason });
  return problem(500, 'server', 'The server could not complete the request.');
}

const STORAGE_FAILURES = new Set<string>(['quota', 'blocked', 'closed', 'outdated', 'corrupt', 'unavailable', 'unknown']);

/**
 * The SDK error a problem stands for, with the server's message, or null for the failures of
 * HTTP itself (unauthenticated, method-not-allowed, server): the remote client decides those.
 */
export function errorFromProblem(p: Problem): UpwardError | null {
  const withDetail = <E extends UpwardError>(error: E): E => {
    error.message = `[upward] ${p.detail}`;
    return error;
  };
  const issues: FieldIssue[] = (p.issues ?? []).map(fieldIssueFromWire);
  switch (p.code) {
    case 'validation':
      return withDetail(new ValidationError(issues));
    case 'not-found':
      return withDetail(new NotFoundError(p.entity ?? 'record', p.id ?? ''));
    case 'forbidden':
      return withDetail(new ForbiddenError(p.action ?? 'do this', p.detail));
    case 'conflict':
      return withDetail(
        p.reason === 'stale' || p.status === 412
          ? new StaleVersionError(p.entity ?? 'record', p.id ?? '', p.expectedVersion ?? 0, p.actualVersion ?? 0, p.detail)
          : new ConflictError(p.entity ?? 'record', p.id ?? '', p.detail),
      );
    case 'invalid-transition':
      return withDetail(new InvalidTransitionError(p.entity ?? 'record', p.id ?? '', p.from ?? '', p.to ?? ''));
    case 'storage':
      return withDetail(new StorageError('remote', (STORAGE_FAILURES.has(p.reason ?? '') ? p.reason : 'unavailable') as StorageFailure, p.detail));
    default:
      return null;
  }
}
