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
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const c = -scores[base + j]!;
      if (c < v[j]!) { v[j] = c; rowOfMin[j] = i; }
      if (c > maxCost) maxCost = c;
    }
  }
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
    const base = i * n;
    let min = Infinity;
    for (let j2 = 0; j2 < n; j2++) {
      if (j2 === j) continue;
      const c = -scores[base + j2]! - v[j2]!;
      if (c < min) min = c;
    }
    if (min !== Infinity) v[j]! -= min;
  }
  return nFree;
}

// Augmenting row reduction: a free row takes its best column, pushing the owner out, and lowers
// that column's potential by the gap to its second best when it can.
function augmentingRowReduction(n: number, scores: Float64Array, nFree: number, free: Int32Array, x: Int32Array, y: Int32Array, v: Float64Array): number {
  let current = 0;
  let newFree = 0;
  let rrCount = 0;
  while (current < nFree) {
    rrCount++;
    const fi = free[current++]!;
    const base = fi * n;
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
function augment(n: number, scores: Float64Array, nFree: number, free: Int32Array, x: Int32Array, y: Int32Array, v: Float64Array, opts: DenseSolveOptions): void {
  const pred = new Int32Array(n);
  const cols = new Int32Array(n);
  const d = new Float64Array(n);
  for (let f = 0; f < nFree; f++) {
    if ((f & 63) === 0) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
      opts.onProgress?.(f, nFree);
    }
    const start = free[f]!;
    const sbase = start * n;
    for (let j = 0; j < n; j++) { cols[j] = j; pred[j] = start; d[j] = -scores[sbase + j]! - v[j]!; }
    let lo = 0;
    let hi = 0;
    let ready = 0;
    let finalJ = -1;
    while (finalJ < 0) {
      if (lo === hi) {
        // Move all columns at the current minimum distance into the "todo" band [lo, hi).
        ready = lo;
        hi = lo + 1;
        let mind = d[cols[lo]!]!;
        for (let k = hi; k < n; k++) {
          const j = cols[k]!;
          const dj = d[j]!;
          if (dj <= mind) {
            if (dj < mind) { hi = lo; mind = dj; }
            cols[k] = cols[hi]!;
            cols[hi++] = j;
          }
        }
        for (let k = lo; k < hi; k++) if (y[cols[k]!]! < 0) { finalJ = cols[k]!; break; }
      }
      if (finalJ >= 0) break;
      // Scan the todo band.
      while (lo !== hi && finalJ < 0) {
        const j0 = cols[lo++]!;
        const i = y[j0]!;
        const mind = d[j0]!;
        const base = i * n;
        const h = -scores[base + j0]! - v[j0]! - mind;
        for (let k = hi; k < n; k++) {
          const j = cols[k]!;
          const red = -scores[base + j]! - v[j]! - h;
          if (red < d[j]!) {
            d[j] = red;
            pred[j] = i;
            if (red === mind) {
              if (y[j]! < 0) { finalJ = j; break; }
              cols[k] = cols[hi]!;
              cols[hi++] = j;
            }
          }
        }
      }
    }
    const mind = d[finalJ]!;
    for (let k = 0; k < ready; k++) {
      const j = cols[k]!;
      v[j]! += d[j]! - mind;
    }
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
