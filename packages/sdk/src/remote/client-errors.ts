/**
 * The errors only the remote client raises, and the mapping from an RFC 9457 problem answer back
 * to the SDK's own error classes, so a widget branches on the same `code` whether it holds the
 * in-process engine or the remote client.
 */
import { UpwardError } from '../errors.ts';
import { Problem, errorFromProblem } from './problems.ts';

/** 401: no session, or the token expired. The host signs the person in again. */
export class UnauthenticatedError extends UpwardError {
  readonly code = 'unauthenticated';
}

/** 5xx: the server failed. Not retried further by the caller without thought: the write may not have happened. */
export class ServerError extends UpwardError {
  readonly code = 'server';
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * 429: the server turned requests away because too many came from this person or address at once
 * (after the client's own retries, which wait as long as the server's Retry-After asks).
 */
export class RateLimitedError extends UpwardError {
  readonly code = 'rate-limited';
  constructor(
    message: string,
    /** How long the server asked to wait, when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

// The network failure is shared with the local engine (its services load on first use).
export { NetworkError, type NetworkFailure } from '../errors.ts';

/** The server answered something the contract does not allow: not JSON, or not the promised shape. */
export class ProtocolError extends UpwardError {
  readonly code = 'protocol';
  constructor(
    readonly operation: string,
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The write was NOT saved yet: it waits in the offline outbox (entry `entryId`) and is sent, with
 * the same idempotency key, when the connection returns. The promise rejects rather than
 * resolving, so nobody shows "saved" for a write the server has not seen.
 */
export class QueuedOfflineError extends UpwardError {
  readonly code = 'queued';
  constructor(
    readonly entryId: string,
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(`"${operation}" is queued in the offline outbox (entry ${entryId}); it will be sent when the connection returns.`, options);
  }
}

/**
 * Turns an error answer into the typed error a caller of the in-process engine would have got.
 * `body` is whatever JSON came back (null when none). Problems with an SDK code go through the
 * contract's own `errorFromProblem`, so both sides share one mapping; everything else is judged
 * by its status (a proxy's bare 502, a gateway's 401).
 */
export function errorFromResponse(operation: string, status: number, body: unknown, retryAfterMs?: number): UpwardError {
  const parsed = Problem.safeParse(body);
  const problem = parsed.success ? parsed.data : null;
  // The same idempotency key is still being worked on (a retry overtook the first try): not a
  // conflict of data, the answer is simply not ready — retried like a busy server.
  if (problem?.code === 'conflict' && problem.reason === 'in-progress') return new ServerError(status, problem.detail);
  const known = problem ? errorFromProblem(problem) : null;
  if (known) return known;
  const message = problem?.detail ?? `HTTP ${status} from "${operation}"`;
  if (status === 401 || problem?.code === 'unauthenticated') return new UnauthenticatedError(message);
  if (status === 429) return new RateLimitedError(`Too many requests: the server turned "${operation}" away (${message}).`, retryAfterMs);
  if (status >= 500) return new ServerError(status, message);
  return new ProtocolError(operation, status, `Unexpected HTTP ${status} from "${operation}": ${message}`);
}
