/**
 * What the remote client needs from its surroundings — connectivity, page visibility, a
 * cross-tab lock, timers, randomness — behind one replaceable object, so tests drive "offline",
 * "back online" and "two tabs" deterministically, and the client runs in Node where there is no
 * `window`.
 */

export interface ClientEnvironment {
  /** False when the device knows it has no connection (`navigator.onLine`). True is only a hint. */
  online(): boolean;
  /** Calls `listener` when the connection returns; returns the unsubscribe function. */
  onOnline(listener: () => void): () => void;
  /** Calls `listener` when the page becomes visible again (a good moment to retry). */
  onVisible(listener: () => void): () => void;
  /**
   * Runs `task` while holding the exclusive lock `name`, shared by every tab of the origin
   * (`navigator.locks`); waits for the holder to finish first.
   */
  withLock<T>(name: string, task: () => Promise<T>): Promise<T>;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1): backoff jitter. */
  random(): number;
}

/** Per-realm fallback when Web Locks are missing (Node, old browsers): exclusive within this page only. */
const localLocks = new Map<string, Promise<unknown>>();

function localLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const previous = localLocks.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  localLocks.set(name, settled);
  void settled.then(() => {
    if (localLocks.get(name) === settled) localLocks.delete(name);
  });
  return run;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

function listen(target: EventTarget | undefined, type: string, listener: () => void): () => void {
  if (!target) return () => {};
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
}

/** The real surroundings: the browser's (or a Worker's) when present, sensible constants in Node. */
export function browserEnvironment(): ClientEnvironment {
  const nav = (globalThis as { navigator?: Navigator }).navigator;
  const doc = (globalThis as { document?: Document }).document;
  return {
    online: () => nav?.onLine ?? true,
    onOnline: (listener) => listen(globalThis as unknown as EventTarget, 'online', listener),
    onVisible: (listener) =>
      listen(doc, 'visibilitychange', () => {
        if (doc?.visibilityState === 'visible') listener();
      }),
    withLock: <T>(name: string, task: () => Promise<T>): Promise<T> =>
      nav?.locks ? (nav.locks.request(name, { mode: 'exclusive' }, task) as Promise<T>) : localLock(name, task),
    sleep,
    random: Math.random,
  };
}
