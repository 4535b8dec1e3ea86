// Messages between the page and the matching Web Worker, and the job runner both sides share.
// Everything here is structured-clonable (plain objects, typed arrays, Maps, Dates).
import type { AssignmentOptions, AssignmentResult } from './assignment.ts';
import { solveAssignment } from './assignment.ts';
import type { AssignmentProblem } from './problem.ts';
import { solveMatching } from './solve-matching.ts';
import { stableMatchingForCandidates, type StableResult } from './stable-candidates.ts';
import type { Candidate, MatchingResult, MatchingRules } from './types.ts';

export type WorkerJob =
  | { kind: 'matching'; candidates: Candidate[]; rules: MatchingRules }
  /** Hybrid mode: a stable matching on the ranked preferences (only the result travels back). */
  | { kind: 'stable'; candidates: Candidate[]; rules: MatchingRules }
  | { kind: 'assignment'; problem: AssignmentProblem; options?: Pick<AssignmentOptions, 'objective' | 'locks' | 'exclusions'> };

export type WorkerJobResult<J extends WorkerJob = WorkerJob> = J extends { kind: 'assignment' } ? AssignmentResult : MatchingResult;

export interface SolveInWorkerOptions {
  /** Aborting terminates the worker and rejects with the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Where the worker script is; defaults to ./worker.ts next to this module. */
  workerUrl?: string | URL;
}

/**
 * Where matching jobs run: `solveInWorker` (a Web Worker) by default; a server passes one that
 * uses its own threads (see `CreateUpwardOptions.solver`). It settles like `solveInWorker`: the
 * job's result, the signal's reason once aborted, or an Error.
 */
export type MatchingSolver = <J extends WorkerJob>(job: J, options?: Pick<SolveInWorkerOptions, 'signal' | 'onProgress'>) => Promise<WorkerJobResult<J>>;

export type ToWorker = { type: 'run'; job: WorkerJob };
export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: MatchingResult | AssignmentResult }
  | { type: 'error'; message: string };

interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The worker side of one message, for any kind of worker (a Web Worker, a Node worker thread):
 * runs the job, reports progress at most ~20 times a second (progress must not slow the solve
 * down), then posts the result or the error.
 */
export function answerJob(msg: ToWorker, post: (reply: FromWorker) => void): void {
  if (msg.type !== 'run') return;
  try {
    let last = 0;
    const result = runJob(msg.job, {
      onProgress: (done, total) => {
        const now = Date.now();
        if (done === total || now - last >= 50) {
          last = now;
          post({ type: 'progress', done, total });
        }
      },
    });
    post({ type: 'done', result });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

/** Runs a job synchronously in the current thread (the workers use it; so does `solveHere`). */
export function runJob<J extends WorkerJob>(job: J, opts: RunOptions = {}): WorkerJobResult<J> {
  const extra = { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) };
  if (job.kind === 'matching') return solveMatching(job.candidates, job.rules, extra) as WorkerJobResult<J>;
  if (job.kind === 'stable') return matchingResultOf(stableMatchingForCandidates(job.candidates, job.rules)) as WorkerJobResult<J>;
  return solveAssignment(job.problem, { ...job.options, ...extra }) as WorkerJobResult<J>;
}

/** A stable matching's result without the preference lists it was built from (large, not needed). */
function matchingResultOf({ problem: _problem, menteePrefs: _menteePrefs, mentorPrefs: _mentorPrefs, capacity: _capacity, ...result }: StableResult): MatchingResult {
  return result;
}
