/**
 * The server's matching solver: jobs run in a worker thread, so solving a big program (seconds for
 * thousands of people) does not stall every other request this process serves. One thread, started
 * on first use and kept (the pairing board solves again on every lock and exclusion, and a fresh
 * thread costs its module loading each time), takes one job at a time. A job whose request is
 * aborted (the admin cancelled, or went away) leaves the queue, or, if it is running, ends with its
 * thread; the next job starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { FromWorker, MatchingSolver, ToWorker, WorkerJob, WorkerJobResult } from '@upward/sdk/matching';

export interface ThreadSolver {
  solve: MatchingSolver;
  /** Ends the thread and rejects what is still queued or running. */
  close(): Promise<void>;
}

interface Job {
  job: WorkerJob;
  signal: AbortSignal | undefined;
  onProgress: ((done: number, total: number) => void) | undefined;
  resolve(result: WorkerJobResult): void;
  reject(reason: unknown): void;
  onAbort(): void;
}

export function threadSolver(): ThreadSolver {
  const queue: Job[] = [];
  let thread: Worker | null = null;
  let running: Job | null = null;
  let closed = false;

  const settle = (job: Job): void => {
    job.signal?.removeEventListener('abort', job.onAbort);
    if (running === job) running = null;
  };

  function start(): Worker {
    const worker = new Worker(new URL('./matching-thread.mjs', import.meta.url));
    worker.on('message', (msg: FromWorker) => {
      const job = running;
      if (!job || thread !== worker) return;
      if (msg.type === 'progress') return job.onProgress?.(msg.done, msg.total);
      settle(job);
      if (msg.type === 'done') job.resolve(msg.result);
      else job.reject(new Error(msg.message));
      next();
    });
    // A thread that fails to start or dies fails its job (the services then solve in-process);
    // the next job gets a new thread.
    const lost = (error: Error): void => {
      if (thread !== worker) return;
      thread = null;
      const job = running;
      if (job) {
        settle(job);
        job.reject(error);
      }
      next();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the matching thread stopped (exit code ${code})`)));
    return worker;
  }

  function next(): void {
    if (running || closed) return;
    const job = queue.shift();
    // An idle thread must not keep the process alive; a working one must (a script awaiting it).
    if (!job) return void thread?.unref();
    running = job;
    thread ??= start();
    thread.ref();
    thread.postMessage({ type: 'run', job: job.job } satisfies ToWorker);
  }

  function abort(job: Job): void {
    const reason: unknown = job.signal?.reason ?? new DOMException('The matching was cancelled.', 'AbortError');
    if (running === job) {
      // A synchronous solve cannot be interrupted from outside: the thread ends with it.
      const worker = thread;
      thread = null;
      settle(job);
      void worker?.terminate();
      next();
    } else {
      const at = queue.indexOf(job);
      if (at >= 0) queue.splice(at, 1);
      job.signal?.removeEventListener('abort', job.onAbort);
    }
    job.reject(reason);
  }

  const solve: MatchingSolver = (job, options = {}) =>
    new Promise((resolve, reject) => {
      const { signal, onProgress } = options;
      if (closed) return reject(new Error('the matching thread is closed'));
      if (signal?.aborted) return reject(signal.reason);
      const entry: Job = {
        job,
        signal,
        onProgress,
        resolve: resolve as (result: WorkerJobResult) => void,
        reject,
        onAbort: () => abort(entry),
      };
      signal?.addEventListener('abort', entry.onAbort, { once: true });
      queue.push(entry);
      next();
    });

  return {
    solve,
    async close() {
      if (closed) return;
      closed = true;
      const error = new Error('the server is closing');
      for (const job of [...queue.splice(0), ...(running ? [running] : [])]) {
        settle(job);
        job.reject(error);
      }
      const worker = thread;
      thread = null;
      await worker?.terminate();
    },
  };
}
