// Messages between the page and the matching Web Worker, and the job runner both sides share.
// Everything here is structured-clonable (plain objects, typed arrays, Maps, Dates).
import type { AssignmentOptions, AssignmentResult } from './assignment.ts';
import { solveAssignment } from './assignment.ts';
import type { AssignmentProblem } from './problem.ts';
import { solveMatching } from './solve-matching.ts';
import type { Candidate, MatchingResult, MatchingRules } from './types.ts';

export type WorkerJob =
  | { kind: 'matching'; candidates: Candidate[]; rules: MatchingRules }
  | { kind: 'assignment'; problem: AssignmentProblem; options?: Pick<AssignmentOptions, 'objective' | 'locks' | 'exclusions'> };

export type WorkerJobResult<J extends WorkerJob = WorkerJob> = J extends { kind: 'matching' } ? MatchingResult : AssignmentResult;

export interface SolveInWorkerOptions {
  /** Aborting terminates the worker and rejects with the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Where the worker script is; defaults to ./worker.ts next to this module. */
  workerUrl?: string | URL;
}

export type ToWorker = { type: 'run'; job: WorkerJob };
export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: MatchingResult | AssignmentResult }
  | { type: 'error'; message: string };

interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Runs a job synchronously in the current thread (the worker uses it; so does Node). */
export function runJob<J extends WorkerJob>(job: J, opts: RunOptions = {}): WorkerJobResult<J> {
  const extra = { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) };
  if (job.kind === 'matching') return solveMatching(job.candidates, job.rules, extra) as WorkerJobResult<J>;
  return solveAssignment(job.problem, { ...job.options, ...extra }) as WorkerJobResult<J>;
}
