// The numeric assignment problem the solvers work on: mentees (rows) x mentors (columns with a
// capacity), given as a sparse edge list in CSR form (only allowed pairs exist), or as a dense
// score matrix when every pair is allowed. Scores are "higher is better"; the bench uses 0..1000.

/** Which optimum to find. */
export type Objective = 'maxweight' | 'maxcard';

/** Sparse problem in CSR form: the edges of mentee i are edgeStart[i] .. edgeStart[i+1]-1. */
export interface SparseProblem {
  readonly kind: 'sparse';
  readonly menteeCount: number;
  readonly mentorCount: number;
  /** Places per mentor (>= 0). */
  readonly capacity: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeMentor: Int32Array;
  readonly edgeScore: Float64Array;
}

/** Dense problem: every mentee may take every mentor; scores row-major, menteeCount x mentorCount. */
export interface DenseProblem {
  readonly kind: 'dense';
  readonly menteeCount: number;
  readonly mentorCount: number;
  readonly capacity: Int32Array;
  readonly scores: Float64Array;
}

export type AssignmentProblem = SparseProblem | DenseProblem;

/** A pair (mentee index, mentor index). */
export type IndexPair = readonly [mentee: number, mentor: number];

/**
 * Builds a CSR problem from (mentee, mentor, score) triples in any order. A repeated pair keeps its
 * highest score (a pair is either allowed or not; duplicates carry no extra meaning).
 */
export function sparseFromEdges(
  menteeCount: number,
  capacity: ArrayLike<number>,
  mentee: ArrayLike<number>,
  mentor: ArrayLike<number>,
  score: ArrayLike<number>,
): SparseProblem {
  const mentorCount = capacity.length;
  const edgeCount = mentee.length;
  if (mentor.length !== edgeCount || score.length !== edgeCount) throw new RangeError('edge arrays differ in length');
  const start = new Int32Array(menteeCount + 1);
  for (let k = 0; k < edgeCount; k++) {
    const i = mentee[k] as number;
    const j = mentor[k] as number;
    if (!(i >= 0 && i < menteeCount) || !(j >= 0 && j < mentorCount)) throw new RangeError(`edge ${k} out of range`);
    const s = score[k] as number;
    if (!Number.isFinite(s)) throw new RangeError(`edge ${k} has a non-finite score`);
    start[i + 1]! += 1;
  }
  for (let i = 0; i < menteeCount; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, menteeCount);
  const adj = new Int32Array(edgeCount);
  const w = new Float64Array(edgeCount);
  for (let k = 0; k < edgeCount; k++) {
    const i = mentee[k] as number;
    const p = fill[i]!;
    fill[i] = p + 1;
    adj[p] = mentor[k] as number;
    w[p] = score[k] as number;
  }
  return dedupeSorted({ kind: 'sparse', menteeCount, mentorCount, capacity: Int32Array.from(capacity), edgeStart: start, edgeMentor: adj, edgeScore: w });
}

// Sorts each mentee's edges by mentor (a fixed order makes the solver deterministic whatever the
// input order) and drops repeated pairs, keeping the best score.
function dedupeSorted(p: SparseProblem): SparseProblem {
  const { edgeStart, edgeMentor, edgeScore, menteeCount } = p;
  let sorted = true;
  let dup = false;
  for (let i = 0; i < menteeCount && sorted; i++) {
    for (let k = edgeStart[i]! + 1; k < edgeStart[i + 1]!; k++) {
      if (edgeMentor[k]! < edgeMentor[k - 1]!) { sorted = false; break; }
      if (edgeMentor[k] === edgeMentor[k - 1]) dup = true;
    }
  }
  if (sorted && !dup) return p;
  const outStart = new Int32Array(menteeCount + 1);
  const outMentor = new Int32Array(edgeMentor.length);
  const outScore = new Float64Array(edgeMentor.length);
  let o = 0;
  const order: number[] = [];
  for (let i = 0; i < menteeCount; i++) {
    order.length = 0;
    for (let k = edgeStart[i]!; k < edgeStart[i + 1]!; k++) order.push(k);
    order.sort((a, b) => edgeMentor[a]! - edgeMentor[b]! || edgeScore[b]! - edgeScore[a]!);
    let last = -1;
    for (const k of order) {
      const j = edgeMentor[k]!;
      if (j === last) continue;
      last = j;
      outMentor[o] = j;
      outScore[o] = edgeScore[k]!;
      o++;
    }
    outStart[i + 1] = o;
  }
  return { ...p, edgeStart: outStart, edgeMentor: outMentor.slice(0, o), edgeScore: outScore.slice(0, o) };
}

/** Dense -> sparse (every pair becomes an edge); used when the dense fast path does not apply. */
export function denseToSparse(p: DenseProblem): SparseProblem {
  const n = p.menteeCount;
  const m = p.mentorCount;
  const start = new Int32Array(n + 1);
  const adj = new Int32Array(n * m);
  for (let i = 0; i < n; i++) {
    start[i + 1] = (i + 1) * m;
    for (let j = 0; j < m; j++) adj[i * m + j] = j;
  }
  return { kind: 'sparse', menteeCount: n, mentorCount: m, capacity: p.capacity, edgeStart: start, edgeMentor: adj, edgeScore: p.scores };
}

/** The score of pair (i, j), or undefined when the pair is not allowed. */
export function pairScore(p: AssignmentProblem, i: number, j: number): number | undefined {
  if (p.kind === 'dense') return p.scores[i * p.mentorCount + j];
  for (let k = p.edgeStart[i]!; k < p.edgeStart[i + 1]!; k++) if (p.edgeMentor[k] === j) return p.edgeScore[k];
  return undefined;
}
