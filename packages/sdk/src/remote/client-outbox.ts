/**
 * Sends what waits in the offline outbox: oldest first, each with its own idempotency key, one
 * tab at a time (a Web Lock named after the outbox), when the connection returns, when the page
 * becomes visible, and on a backoff timer while the server stays out of reach.
 *
 * A replay either lands (removed), gets no answer (kept, counted, retried later — the order is
 * kept, so nothing behind it overtakes it), or is refused with a 4xx (moved to `failed` for the
 * UI). A caller still waiting for an entry (a write made online behind older queued ones) hears
 * the outcome directly instead.
 */
import { UpwardError, ValidationError } from '../errors.ts';
import { NetworkError, QueuedOfflineError, ServerError } from './client-errors.ts';
import type { ClientEnvironment } from './client-environment.ts';
import type { FailedEntry, Outbox, OutboxEntry } from './outbox.ts';

export interface DrainReport {
  sent: number;
  failed: number;
  /** Still waiting: the connection dropped again, or another tab holds the lock. */
  remaining: number;
}

export interface OutboxDrainer {
  /** Sends what is pending now; resolves when this pass is over. Passes never overlap. */
  drain(): Promise<DrainReport>;
  /** Waits for entry `id`: its result, its refusal, or `QueuedOfflineError` if it stays queued after the next pass. */
  settle(entry: OutboxEntry): Promise<unknown>;
  dispose(): void;
}

export interface DrainerOptions {
  outbox: Outbox;
  environment: ClientEnvironment;
  personId: string;
  /** Sends one entry with its idempotency key and returns the parsed result. */
  send(entry: OutboxEntry): Promise<unknown>;
  /** After a replay landed (to tell `subscribe` listeners what changed). */
  onSent?(entry: OutboxEntry, result: unknown): void;
  /** First backoff of the retry timer after a pass that got no answer (default 2 s, doubling to 1 min). */
  retryDelayMs?: number;
}

interface Waiter {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Without an answer the write may or may not have happened: keep it and replay with the same key. */
function unanswered(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof ServerError || !(error instanceof UpwardError) || error.code === 'storage';
}

function describe(error: unknown): FailedEntry['error'] {
  if (error instanceof ValidationError) return { code: error.code, message: error.message, issues: error.issues };
  if (error instanceof UpwardError) return { code: error.code, message: error.message };
  return { code: 'unknown', message: String(error) };
}

export function outboxDrainer(options: DrainerOptions): OutboxDrainer {
  const { outbox, environment: env, personId } = options;
  const lockName = `upward-outbox:${outbox.name}`;
  const waiters = new Map<string, Waiter>();
  const firstDelay = options.retryDelayMs ?? 2_000;
  let running: Promise<DrainReport> | undefined;
  let again = false;
  let disposed = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function pass(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, failed: 0, remaining: 0 };
    for (;;) {
      if (disposed || !env.online()) break;
      const [next] = await outbox.pending(personId);
      if (!next) break;
      let result: unknown;
      try {
        result = await options.send(next);
      } catch (error) {
        if (unanswered(error)) {
          await outbox.noteAttempt(next.id, describe(error));
          break;
        }
        const waiter = waiters.get(next.id);
        if (waiter) {
          // The caller is still there and hears the refusal itself, as from a direct call.
          await outbox.discard(next.id);
          waiters.delete(next.id);
          waiter.reject(error);
        } else {
          await outbox.fail(next.id, describe(error));
        }
        report.failed++;
        continue;
      }
      await outbox.complete(next.id);
      report.sent++;
      waiters.get(next.id)?.resolve(result);
      waiters.delete(next.id);
      options.onSent?.(next, result);
    }
    report.remaining = (await outbox.pending(personId)).length;
    return report;
  }

  function schedule(report: DrainReport) {
    clearTimeout(timer);
    if (disposed) return;
    if (report.remaining === 0) {
      failures = 0;
      return;
    }
    if (!env.online()) return; // the `online` event starts the next pass
    failures++;
    const delay = Math.min(60_000, firstDelay * 2 ** (failures - 1)) * (0.5 + env.random() / 2);
    timer = setTimeout(() => void drain().catch(() => undefined), delay);
  }

  function drain(): Promise<DrainReport> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const report: DrainReport = { sent: 0, failed: 0, remaining: 0 };
      do {
        again = false;
        const one = await env.withLock(lockName, pass);
        report.sent += one.sent;
        report.failed += one.failed;
        report.remaining = one.remaining;
      } while (again && !disposed);
      return report;
    })().finally(() => {
      running = undefined;
    });
    return running.then((report) => {
      // Whoever still waits on an entry that did not go out this time learns it is queued.
      for (const [id, waiter] of waiters) {
        waiter.reject(new QueuedOfflineError(id, 'write'));
        waiters.delete(id);
      }
      schedule(report);
      return report;
    });
  }

  const stopOnline = env.onOnline(() => void drain().catch(() => undefined));
  const stopVisible = env.onVisible(() => void drain().catch(() => undefined));

  return {
    drain,
    settle(entry) {
      const settled = new Promise<unknown>((resolve, reject) => {
        waiters.set(entry.id, {
          resolve,
          reject: (error) => reject(error instanceof QueuedOfflineError ? new QueuedOfflineError(entry.id, entry.operation) : error),
        });
      });
      void drain().catch((error: unknown) => {
        waiters.get(entry.id)?.reject(error);
        waiters.delete(entry.id);
      });
      return settled;
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      stopOnline();
      stopVisible();
      for (const [id, waiter] of waiters) waiter.reject(new QueuedOfflineError(id, 'write'));
      waiters.clear();
    },
  };
}
