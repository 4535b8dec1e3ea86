// Dense square assignment (every mentee may take every mentor, capacity 1, n mentees = n mentors):
// Jonker-Volgenant (1987) with its three phases: column reduction with reduction transfer,
// augmenting row reduction (which settles most rows cheaply), then shortest augmenting paths.
// Used by the engine when a problem is dense and square; anything else goes to solve-sparse.
// Costs are `-score` (read on the fly), so minimising cost maximises the total score.

export interface DenseSolveOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * scores: row-major n x n, all >= 0. Returns mentorOf[i] (every row is assigned), or null when a
 * negative score is found (then a full assignment may not be optimal and the caller must use the
 * general solver). Works on the scores in place as costs `-score`: no n x n copy.
 */
export function solveDenseSquare(n: number, scores: Float64Array, opts: DenseSolveOptions = {}): Int32Array | null {
  if (scores.length !== n * n) throw new RangeError('dense scores must be n x n');
  if (n === 0) return new Int32Array(0);
  const x = new Int32Array(n).fill(-1); // column of row
  const y = new Int32Array(n).fill(-1); // row of column
  const v = new Float64Array(n);
  const free = new Int32Array(n);

  let nFree = columnReduction(n, scores, free, x, y, v);
  if (nFree < 0) return null;
  // JV run two passes; more are cheap here and leave fewer rows for the expensive last phase.
  for (let pass = 0; pass < 8 && nFree > 0; pass++) {
    const before = nFree;
    nFree = augmentingRowReduction(n, scores, nFree, free, x, y, v);
    if (nFree > before * 0.95) break;
  }
  if (nFree > 0) augment(n, scores, nFree, free, x, y, v, opts);
  return x;
}

// Column reduction: each column's potential = its cheapest cost; its cheapest row takes it if free.
// Reduction transfer then lowers the potential of columns owned by a row that got only one column.
// Returns -1 when a negative score is seen.
function columnReduction(n: number, scores: Float64Array, free: Int32Array, x: Int32Array, y: Int32Array, v: Float64Array): number {
  v.fill(Infinity);
  const rowOfMin = new Int32Array(n);
  let maxCost = -Infinity;
  for (let i = 0; i < n; i++) maxCost = Math.max(maxCost, reduceColumnsByRow(scores, i, n, v, rowOfMin));
  if (maxCost > 0) return -1;
  const unique = new Uint8Array(n).fill(1);
  for (let j = n - 1; j >= 0; j--) {
    const i = rowOfMin[j]!;
    if (x[i]! < 0) { x[i] = j; y[j] = i; } else { unique[i] = 0; }
  }
  let nFree = 0;
  for (let i = 0; i < n; i++) {
    if (x[i]! < 0) { free[nFree++] = i; continue; }
    if (!unique[i]) continue;
    const j = x[i]!;
    const min = minReducedExcept(scores, i, n, v, j);
    if (min !== Infinity) v[j]! -= min;
  }
  return nFree;
}

// Hot loops as small functions: the JIT optimises them after a few calls instead of waiting for
// on-stack replacement of the big loop around them.
function reduceColumnsByRow(scores: Float64Array, i: number, n: number, v: Float64Array, rowOfMin: Int32Array): number {
  const base = i * n;
  let maxCost = -Infinity;
  for (let j = 0; j < n; j++) {
    const c = -scores[base + j]!;
    if (c < v[j]!) { v[j] = c; rowOfMin[j] = i; }
    if (c > maxCost) maxCost = c;
  }
  return maxCost;
}

function minReducedExcept(scores: Float64Array, i: number, n: number, v: Float64Array, skip: number): number {
  const base = i * n;
  let min = Infinity;
  for (let j = 0; j < n; j++) {
    if (j === skip) continue;
    const c = -scores[base + j]! - v[j]!;
    if (c < min) min = c;
  }
  return min;
}

// Best and second-best reduced cost of row i: writes [j1, j2] into out, returns [v1, v2] via vals.
function twoBest(scores: Float64Array, i: number, n: number, v: Float64Array, out: Int32Array, vals: Float64Array): void {
  const base = i * n;
  let j1 = 0;
  let v1 = -scores[base]! - v[0]!;
  let j2 = -1;
  let v2 = Infinity;
  for (let j = 1; j < n; j++) {
    const c = -scores[base + j]! - v[j]!;
    if (c < v2) {
      if (c >= v1) { v2 = c; j2 = j; } else { v2 = v1; v1 = c; j2 = j1; j1 = j; }
    }
  }
  out[0] = j1;
  out[1] = j2;
  vals[0] = v1;
  vals[1] = v2;
}

// Augmenting row reduction: a free row takes its best column, pushing the owner out, and lowers
// that column's potential by the gap to its second best when it can.
function augmentingRowReduction(n: number, scores: Float64Array, nFree: number, free: Int32Array, x: Int32Array, y: Int32Array, v: Float64Array): number {
  let current = 0;
  let newFree = 0;
  let rrCount = 0;
  const js = new Int32Array(2);
  const vals = new Float64Array(2);
  while (current < nFree) {
    rrCount++;
    const fi = free[current++]!;
    twoBest(scores, fi, n, v, js, vals);
    let j1 = js[0]!;
    const j2 = js[1]!;
    const v1 = vals[0]!;
    const v2 = vals[1]!;
    let i0 = y[j1]!;
    const v1New = v[j1]! - (v2 - v1);
    const lowers = v1New < v[j1]!;
    if (rrCount < current * n) {
      if (lowers) v[j1] = v1New;
      else if (i0 >= 0 && j2 >= 0) { j1 = j2; i0 = y[j2]!; }
      if (i0 >= 0) {
        if (lowers) free[--current] = i0; else free[newFree++] = i0;
      }
    } else if (i0 >= 0) {
      free[newFree++] = i0;
    }
    x[fi] = j1;
    y[j1] = fi;
    if (i0 >= 0 && x[i0] === j1) x[i0] = -1;
  }
  return newFree;
}

// Shortest augmenting paths (Dijkstra over columns with the "ready / todo / scan" column lists).
// Column data used in the hot loop (distance, potential) is kept by position in `cols`, so the
// inner loop reads them sequentially; only the score is a gather. The two hot loops live in small
// functions of their own so the JIT optimises them early and rare paths cannot deoptimise them.
interface SearchState {
  n: number;
  scores: Float64Array;
  cols: Int32Array;
  dp: Float64Array; // distance of column cols[k]
  vp: Float64Array; // potential of column cols[k] (fixed during one search)
  pred: Int32Array;
  y: Int32Array;
}

function swapPos(st: SearchState, a: number, b: number): void {
  const { cols, dp, vp } = st;
  const c = cols[a]!; cols[a] = cols[b]!; cols[b] = c;
  const d = dp[a]!; dp[a] = dp[b]!; dp[b] = d;
  const w = vp[a]!; vp[a] = vp[b]!; vp[b] = w;
}

// Gathers every column at the minimum distance into [lo, hi); returns hi (the minimum is dp[lo]).
function collectBand(st: SearchState, lo: number): number {
  const { n, dp } = st;
  let hi = lo + 1;
  let mind = dp[lo]!;
  for (let k = hi; k < n; k++) {
    const dk = dp[k]!;
    if (dk <= mind) {
      if (dk < mind) { hi = lo; mind = dk; }
      swapPos(st, k, hi);
      hi++;
    }
  }
  return hi;
}

// Relaxes row i (reached through a column at distance `mind`, with offset h) over the columns not
// yet reached. Returns a free column at distance `mind` (>= 0), or -(new hi) - 1.
function scanRow(st: SearchState, i: number, h: number, mind: number, hi: number): number {
  const { n, scores, cols, dp, vp, pred, y } = st;
  const base = i * n;
  for (let k = hi; k < n; k++) {
    const red = -scores[base + cols[k]!]! - vp[k]! - h;
    if (red < dp[k]!) {
      dp[k] = red;
      const j = cols[k]!;
      pred[j] = i;
      if (red === mind) {
        if (y[j]! < 0) return j;
        swapPos(st, k, hi);
        hi++;
      }
    }
  }
  return -hi - 1;
}

function augment(n: number, scores: Float64Array, nFree: number, free: Int32Array, x: Int32Array, y: Int32Array, v: Float64Array, opts: DenseSolveOptions): void {
  const st: SearchState = { n, scores, cols: new Int32Array(n), dp: new Float64Array(n), vp: new Float64Array(n), pred: new Int32Array(n), y };
  const { cols, dp, vp, pred } = st;
  for (let f = 0; f < nFree; f++) {
    if ((f & 63) === 0) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
      opts.onProgress?.(f, nFree);
    }
    const start = free[f]!;
    const sbase = start * n;
    for (let j = 0; j < n; j++) {
      cols[j] = j;
      vp[j] = v[j]!;
      dp[j] = -scores[sbase + j]! - v[j]!;
      pred[j] = start;
    }
    let lo = 0;
    let hi = 0;
    let ready = 0;
    let finalJ = -1;
    let mind = 0;
    while (finalJ < 0) {
      if (lo === hi) {
        ready = lo;
        hi = collectBand(st, lo);
        mind = dp[lo]!;
        for (let k = lo; k < hi; k++) if (y[cols[k]!]! < 0) { finalJ = cols[k]!; break; }
        if (finalJ >= 0) break;
      }
      while (lo !== hi) {
        const j0 = cols[lo++]!;
        const i = y[j0]!;
        const r = scanRow(st, i, -scores[i * n + j0]! - v[j0]! - mind, mind, hi);
        if (r >= 0) { finalJ = r; break; }
        hi = -r - 1;
      }
    }
    for (let k = 0; k < ready; k++) v[cols[k]!]! += dp[k]! - mind;
    // Flip the path.
    let j = finalJ;
    for (;;) {
      const i = pred[j]!;
      y[j] = i;
      const prev = x[i]!;
      x[i] = j;
      if (i === start) break;
      j = prev;
    }
  }
  opts.onProgress?.(nFree, nFree);
}
