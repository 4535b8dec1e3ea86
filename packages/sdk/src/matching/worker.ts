// Web Worker side of the matching engine: receives one job, reports progress, posts the result.
// Cancelling is done by the page terminating the worker, so no abort handling is needed here.
import type { FromWorker, ToWorker } from './worker-protocol.ts';
import { runJob } from './worker-protocol.ts';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
  postMessage(msg: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (ev) => {
  const msg = ev.data;
  if (msg.type !== 'run') return;
  try {
    let last = 0;
    const result = runJob(msg.job, {
      onProgress: (done, total) => {
        // At most ~20 messages a second: progress must not slow the solve down.
        const now = Date.now();
        if (done === total || now - last >= 50) { last = now; scope.postMessage({ type: 'progress', done, total }); }
      },
    });
    scope.postMessage({ type: 'done', result });
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
