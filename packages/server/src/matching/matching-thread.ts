/**
 * The matching engine's worker thread (see `thread-solver.ts`): answers each job with the SDK's
 * own worker protocol, one at a time, for as long as the thread lives.
 */
import { parentPort } from 'node:worker_threads';
import { answerJob, type FromWorker, type ToWorker } from '@upward/sdk/matching';

const port = parentPort;
if (!port) throw new Error('matching-thread.ts runs as a worker thread (see thread-solver.ts)');
port.on('message', (msg: ToWorker) => answerJob(msg, (reply: FromWorker) => port.postMessage(reply)));
