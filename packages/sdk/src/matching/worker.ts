// Web Worker side of the matching engine: receives one job, reports progress, posts the result.
// Cancelling is done by the page terminating the worker, so no abort handling is needed here.
import type { FromWorker, ToWorker } from './worker-protocol.ts';
import { answerJob } from './worker-protocol.ts';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
  postMessage(msg: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (ev) => answerJob(ev.data, (reply) => scope.postMessage(reply));
