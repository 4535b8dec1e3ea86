/**
 * The HTTP layer of the remote client: one `send` that adds auth, a per-request timeout, retries
 * with exponential backoff and full jitter where a retry is safe, reads JSON, and turns every
 * failure into a typed `UpwardError`. It knows nothing of operations: the client maps each
 * `Upward` method onto a request through the contract's `buildRequest`.
 */
import { UpwardError } from '../errors.ts';
import { NetworkError, ProtocolError, ServerError, errorFromResponse } from './client-errors.ts';
import type { ClientEnvironment } from './client-environment.ts';
import { MalformedProgressStream, PROGRESS_CONTENT_TYPE, readProgressStream, type OnProgress } from './progress-stream.ts';

export interface RetryPolicy {
  /** Tries in all, the first included (default 3). 1 turns retries off. */
  attempts?: number;
  /** First backoff (default 250 ms); doubles per try, with full jitter. */
  baseDelayMs?: number;
  /** Ceiling of one backoff, also of a server's `Retry-After` (default 5 s). */
  maxDelayMs?: number;
}

/** How requests are sent; `connectUpward`'s options are these (but `environment`) and more. */
export interface TransportOptions {
  /** The API root, e.g. `https://intranet.example.com/api/v1` or `/api/v1` (resolved against the page). */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Extra headers on every request (a tenant id, a CSRF token); a function is called per request. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** `include` when the session is a cookie on another origin. */
  credentials?: RequestCredentials;
  /** A bearer token, asked for before each request (and each retry), so a refreshed token is picked up. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Per try, body included (default 15 s). */
  timeoutMs?: number;
  /** Backoff for reads and idempotent writes (default 3 tries); `false` for one try. */
  retry?: RetryPolicy | false;
  environment: ClientEnvironment;
}

export interface HttpRequest {
  method: string;
  /** Relative to `baseUrl`, starting with `/`. */
  path: string;
  query?: URLSearchParams | Record<string, string | readonly string[] | undefined>;
  headers?: Record<string, string>;
  /** Sent as JSON when not undefined. */
  body?: unknown;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined for an empty body (204). */
  body: unknown;
}

export interface SendOptions {
  /** Names the operation in errors. */
  operation: string;
  /** Whether a failed try may be repeated: reads always, writes only with an `Idempotency-Key`. */
  retry: boolean;
  signal?: AbortSignal;
  /** Asks for progress lines (progress-stream.ts) and reports them; a server may still answer plain JSON. */
  onProgress?: OnProgress;
}

export interface Transport {
  send(request: HttpRequest, options: SendOptions): Promise<HttpAnswer>;
  /** The absolute URL of a path, for the event stream. */
  url(path: string, query?: HttpRequest['query']): URL;
  /** The headers every request carries (auth included). */
  headers(extra?: Record<string, string>): Promise<Headers>;
  readonly fetch: typeof fetch;
  readonly credentials: RequestCredentials | undefined;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** What one try ended with: an answer, or a failure that may be worth another try. */
type Attempt = { ok: true; answer: HttpAnswer } | { ok: false; error: UpwardError; retryable: boolean; retryAfterMs?: number };

export function createTransport(options: TransportOptions): Transport {
  const env = options.environment;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const policy = options.retry === false ? { attempts: 1 } : (options.retry ?? {});
  const attempts = Math.max(1, policy.attempts ?? 3);
  const baseDelay = policy.baseDelayMs ?? 250;
  const maxDelay = policy.maxDelayMs ?? 5_000;
  const root = options.baseUrl.replace(/\/+$/, '');

  function url(path: string, query?: HttpRequest['query']): URL {
    const base = (globalThis as { location?: Location }).location?.href;
    const target = new URL(root + path, base);
    const params = query instanceof URLSearchParams ? query : undefined;
    if (params) params.forEach((value, key) => target.searchParams.append(key, value));
    else if (query) {
      for (const [key, value] of Object.entries(query)) {
        if (value === undefined) continue;
        for (const v of typeof value === 'string' ? [value] : value) target.searchParams.append(key, v);
      }
    }
    return target;
  }

  async function headers(extra: Record<string, string> = {}): Promise<Headers> {
    const result = new Headers(typeof options.headers === 'function' ? options.headers() : options.headers);
    for (const [key, value] of Object.entries(extra)) result.set(key, value);
    const token = await options.getToken?.();
    if (token) result.set('Authorization', `Bearer ${token}`);
    if (!result.has('Accept')) result.set('Accept', 'application/json, application/problem+json');
    return result;
  }

  async function attempt(request: HttpRequest, { operation, signal, onProgress }: SendOptions): Promise<Attempt> {
    if (!env.online()) {
      return { ok: false, retryable: false, error: new NetworkError('offline', `"${operation}" needs a connection, and the device is offline.`) };
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const extra = onProgress ? { Accept: `${PROGRESS_CONTENT_TYPE}, application/json, application/problem+json`, ...request.headers } : request.headers;
    const init: RequestInit = { method: request.method, headers: await headers(extra), signal: combined };
    if (options.credentials) init.credentials = options.credentials;
    if (request.body !== undefined) {
      (init.headers as Headers).set('Content-Type', 'application/json');
      init.body = JSON.stringify(request.body);
    }
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url(request.path, request.query), init);
      if (onProgress && response.ok && response.body && isProgressStream(response)) return await progressAnswer(response, response.body, operation, onProgress);
      text = await response.text();
    } catch (error) {
      if (error instanceof UpwardError) throw error;
      // The caller's abort is theirs to handle (an AbortError, as fetch gives); not a network fault.
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) {
        return { ok: false, retryable: true, error: new NetworkError('timeout', `"${operation}" got no answer within ${timeoutMs} ms.`, { cause: error }) };
      }
      return { ok: false, retryable: true, error: new NetworkError('failed', `"${operation}" could not reach the server.`, { cause: error }) };
    }
    const type = response.headers.get('Content-Type') ?? '';
    let body: unknown;
    if (text.length > 0 && /json/i.test(type)) {
      try {
        body = JSON.parse(text);
      } catch (error) {
        if (response.ok) {
          return { ok: false, retryable: false, error: new ProtocolError(operation, response.status, `"${operation}" answered with malformed JSON.`, { cause: error }) };
        }
      }
    } else if (text.length > 0 && response.ok) {
      return { ok: false, retryable: false, error: new ProtocolError(operation, response.status, `"${operation}" answered with "${type || 'no type'}", not JSON.`) };
    }
    if (response.ok) return { ok: true, answer: { status: response.status, headers: response.headers, body } };
    const retryAfter = retryAfterMs(response.headers.get('Retry-After'));
    // A 429 after the last try tells its catcher how long the server asked to wait.
    const error = errorFromResponse(operation, response.status, body ?? null, retryAfter);
    if (!RETRYABLE_STATUS.has(response.status) && !(error instanceof ServerError)) throw error;
    return retryAfter === undefined ? { ok: false, retryable: true, error } : { ok: false, retryable: true, error, retryAfterMs: retryAfter };
  }

  async function send(request: HttpRequest, sendOptions: SendOptions): Promise<HttpAnswer> {
    const tries = sendOptions.retry ? attempts : 1;
    for (let n = 1; ; n++) {
      const result = await attempt(request, sendOptions);
      if (result.ok) return result.answer;
      if (n >= tries || !result.retryable) throw result.error;
      const backoff = env.random() * Math.min(maxDelay, baseDelay * 2 ** (n - 1));
      await env.sleep(Math.min(maxDelay, Math.max(backoff, result.retryAfterMs ?? 0)), sendOptions.signal);
    }
  }

  return { send, url, headers, fetch: doFetch, credentials: options.credentials };
}

function isProgressStream(response: Response): boolean {
  return (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase() === PROGRESS_CONTENT_TYPE;
}

/**
 * The answer a progress stream ends with. A problem line is the error the same problem as a plain
 * answer would be (thrown, or retried when the server failed); a stream that is not ours is a
 * protocol error. A broken connection is thrown as it is, for the caller's network handling.
 */
async function progressAnswer(response: Response, body: ReadableStream<Uint8Array>, operation: string, onProgress: OnProgress): Promise<Attempt> {
  let outcome;
  try {
    outcome = await readProgressStream(body, onProgress);
  } catch (error) {
    if (!(error instanceof MalformedProgressStream)) throw error;
    return { ok: false, retryable: false, error: new ProtocolError(operation, response.status, `"${operation}" answered with a malformed progress stream.`, { cause: error }) };
  }
  if ('result' in outcome) return { ok: true, answer: { status: response.status, headers: response.headers, body: outcome.result } };
  const status = (outcome.problem as { status?: unknown } | null)?.status;
  const error = errorFromResponse(operation, typeof status === 'number' ? status : 500, outcome.problem);
  if (!(error instanceof ServerError)) throw error;
  return { ok: false, retryable: true, error };
}

/** `Retry-After` in seconds or as an HTTP date. */
function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
