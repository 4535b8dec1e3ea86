// Entry point of the optimal solver: applies locks (fixed pairs that consume capacity) and
// exclusions (removed pairs), picks the dense or sparse algorithm, and returns the assignment
// with its total. Pure and synchronous; runs the same in Node, a browser and a Web Worker.
import type { AssignmentProblem, IndexPair, Objective, SparseProblem } from './problem.ts';
import { denseToSparse } from './problem.ts';
import { solveDenseSquare } from './solve-dense.ts';
import { solveSparse } from './solve-sparse.ts';

export interface AssignmentOptions {
  /** Default 'maxweight'. */
  objective?: Objective;
  /** Pairs fixed in advance; each consumes one place of its mentor, even if the pair is not an edge. */
  locks?: readonly IndexPair[];
  /** Pairs that must not be used. */
  exclusions?: readonly IndexPair[];
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface AssignmentResult {
  /** Per mentee: mentor index, or -1 when unmatched. */
  mentorOf: Int32Array;
  /** Sum of the scores of the matched pairs (a lock that is not an edge counts 0). */
  total: number;
  matched: number;
}

export function solveAssignment(problem: AssignmentProblem, options: AssignmentOptions = {}): AssignmentResult {
  const objective = options.objective ?? 'maxweight';
  const locks = options.locks ?? [];
  const exclusions = options.exclusions ?? [];
  const n = problem.menteeCount;
  const m = problem.mentorCount;
  const solverOpts = { objective, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) };

  // Fast path: dense square with unit capacities and nothing fixed. With scores >= 0 a full
  // assignment is optimal for both objectives (the dense solver declines negative scores).
  if (problem.kind === 'dense' && locks.length === 0 && exclusions.length === 0 && n === m && everyCapacityIs(problem.capacity, 1)) {
    const mentorOf = solveDenseSquare(n, problem.scores, solverOpts);
    if (mentorOf) return withTotals(problem, mentorOf);
  }

  const sparse = problem.kind === 'dense' ? denseToSparse(problem) : problem;
  const lockedMentor = new Int32Array(n).fill(-1);
  const capacity = Int32Array.from(sparse.capacity);
  for (const [i, j] of locks) {
    checkPair(i, j, n, m, 'lock');
    if (lockedMentor[i] !== -1) throw new RangeError(`mentee ${i} is locked twice`);
    if (capacity[j]! <= 0) throw new RangeError(`lock ${i}->${j}: mentor ${j} has no place left`);
    lockedMentor[i] = j;
    capacity[j]! -= 1;
  }
  const excluded = new Set<number>();
  for (const [i, j] of exclusions) {
    checkPair(i, j, n, m, 'exclusion');
    excluded.add(i * m + j);
  }

  const reduced = locks.length || exclusions.length ? restrict(sparse, capacity, lockedMentor, excluded) : sparse;
  const mentorOf = solveSparse(reduced, solverOpts);
  for (let i = 0; i < n; i++) if (lockedMentor[i]! >= 0) mentorOf[i] = lockedMentor[i]!;
  return withTotals(problem, mentorOf);
}

// Same mentees and mentors; locked mentees lose their edges (already placed), excluded pairs vanish.
function restrict(p: SparseProblem, capacity: Int32Array, lockedMentor: Int32Array, excluded: Set<number>): SparseProblem {
  const n = p.menteeCount;
  const m = p.mentorCount;
  const start = new Int32Array(n + 1);
  const adj = new Int32Array(p.edgeMentor.length);
  const w = new Float64Array(p.edgeMentor.length);
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (lockedMentor[i]! < 0) {
      for (let k = p.edgeStart[i]!; k < p.edgeStart[i + 1]!; k++) {
        const j = p.edgeMentor[k]!;
        if (excluded.size && excluded.has(i * m + j)) continue;
        adj[o] = j;
        w[o] = p.edgeScore[k]!;
        o++;
      }
    }
    start[i + 1] = o;
  }
  return { kind: 'sparse', menteeCount: n, mentorCount: m, capacity, edgeStart: start, edgeMentor: adj.subarray(0, o), edgeScore: w.subarray(0, o) };
}

function withTotals(p: AssignmentProblem, mentorOf: Int32Array): AssignmentResult {
  let total = 0;
  let matched = 0;
  for (let i = 0; i < mentorOf.length; i++) {
    const j = mentorOf[i]!;
    if (j < 0) continue;
    matched++;
    if (p.kind === 'dense') total += p.scores[i * p.mentorCount + j]!;
    else {
      for (let k = p.edgeStart[i]!; k < p.edgeStart[i + 1]!; k++) {
        if (p.edgeMentor[k] === j) { total += p.edgeScore[k]!; break; }
      }
    }
  }
  return { mentorOf, total, matched };
}

function checkPair(i: number, j: number, n: number, m: number, what: string): void {
  if (!(Number.isInteger(i) && i >= 0 && i < n && Number.isInteger(j) && j >= 0 && j < m)) throw new RangeError(`${what} ${i}->${j} out of range`);
}

function everyCapacityIs(cap: Int32Array, c: number): boolean {
  for (let j = 0; j < cap.length; j++) if (cap[j] !== c) return false;
  return true;
}
