// Page side: run a matching job in a Web Worker so the UI stays responsive. Where no Worker exists
// (Node, tests without DOM) the job runs in the current thread with the same API.
import type { FromWorker, SolveInWorkerOptions, ToWorker, WorkerJob, WorkerJobResult } from './worker-protocol.ts';

export function solveInWorker<J extends WorkerJob>(job: J, options: SolveInWorkerOptions = {}): Promise<WorkerJobResult<J>> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  if (typeof Worker === 'undefined') return solveHere(job, options);
  return new Promise((resolve, reject) => {
    // The literal `new Worker(new URL('./worker.ts', import.meta.url))` is the form bundlers
    // (Vite, webpack 5) recognise and build as a worker chunk; through a variable, Vite inlined
    // the raw TypeScript file as a data: URL that could not start.
    const worker = options.workerUrl
      ? new Worker(options.workerUrl, { type: 'module' })
      : new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (ev: MessageEvent<FromWorker>) => {
      const msg = ev.data;
      if (msg.type === 'progress') onProgress?.(msg.done, msg.total);
      else if (msg.type === 'done') { finish(); resolve(msg.result as WorkerJobResult<J>); }
      else { finish(); reject(new Error(msg.message)); }
    };
    worker.onerror = (ev: ErrorEvent) => {
      finish();
      reject(new Error(ev.message || 'matching worker failed to start'));
    };
    const msg: ToWorker = { type: 'run', job };
    worker.postMessage(msg);
  });
}

/**
 * Runs the job in this thread (Node, or a page whose CSP forbids workers). The solvers are
 * imported only here, so a page that solves in the Worker never downloads them twice.
 */
export async function solveHere<J extends WorkerJob>(job: J, { signal, onProgress }: SolveInWorkerOptions = {}): Promise<WorkerJobResult<J>> {
  const { runJob } = await import('./worker-protocol.ts');
  // A macrotask first, so a caller's synchronous work (and its abort) happens before solving.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return runJob(job, { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The matching was cancelled.', 'AbortError');
}
