// Optimal mentee -> mentor assignment on a sparse graph with mentor capacities handled natively.
//
// Method: successive shortest augmenting paths (min-cost flow) with Dijkstra on reduced costs and
// node potentials (Crouse's formulation of Jonker-Volgenant, extended to capacities and sparsity).
// Rows are mentees; columns are mentors holding up to `capacity` rows, so no slot duplication.
// Each mentee also owns a private "stay unmatched" option (a virtual column) whose cost decides the
// objective: equal to a zero-score match for `maxweight`, prohibitively expensive for `maxcard`.
// Scores become costs `K - score` (K = max score + 1, so every real edge costs >= 1).
import type { Objective, SparseProblem } from './problem.ts';

export interface SparseSolveOptions {
  objective?: Objective;
  /** Called every few hundred mentees with (done, total). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** mentorOf[i] = mentor index or -1. */
export function solveSparse(p: SparseProblem, opts: SparseSolveOptions = {}): Int32Array {
  const n = p.menteeCount;
  const m = p.mentorCount;
  const cap = p.capacity;
  // Each mentee's edges sorted by score, best first, so a scan can stop at the first edge that
  // cannot beat the current bound (reduced cost >= cost because column potentials are <= 0).
  // Edges to mentors without places are dropped: they could never be used.
  const { edgeStart, edgeMentor, edgeScore } = sortEdgesByScore(withoutClosedMentors(p));
  const edgeCount = edgeMentor.length;

  let maxS = 0;
  let minS = 0;
  for (let k = 0; k < edgeCount; k++) {
    const s = edgeScore[k]!;
    if (s > maxS) maxS = s;
    if (s < minS) minS = s;
  }
  const K = maxS + 1;
  const cost = new Float64Array(edgeCount);
  for (let k = 0; k < edgeCount; k++) cost[k] = K - edgeScore[k]!;
  // maxcard: one more matched mentee must outweigh any difference in total cost (< n * span).
  const dummy = opts.objective === 'maxcard' ? (K - minS) * (n + 1) : K;

  // Columns keep their rows in slots slotStart[j] .. slotStart[j] + used[j] - 1.
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j]! + Math.max(0, cap[j]!);
  const slotRow = new Int32Array(slotStart[m]!);
  const used = new Int32Array(m);
  const col4row = new Int32Array(n).fill(-1); // -1 unassigned, -2 on its "unmatched" option
  const rowSlot = new Int32Array(n);
  const u = new Float64Array(n);
  const v = new Float64Array(m);

  // Greedy start with v = 0: u[i] = cheapest option; take a free mentor at that cost. Reduced
  // costs stay >= 0 and every assignment is tight, so this partial solution is optimal for its rows.
  // Any mentor as cheap as the cheapest will do, not only the first: with many equal scores (coarse
  // data: a few skills, a few departments) the first is taken early, and every mentee sent on to a
  // Dijkstra search instead made 2,000 x 2,000 four times slower than with varied scores.
  const pending: number[] = [];
  for (let i = 0; i < n; i++) {
    const first = edgeStart[i]!;
    const last = edgeStart[i + 1]!;
    // Edges are sorted cheapest first; staying unmatched wins a tie (as before).
    const best = first < last && cost[first]! < dummy ? cost[first]! : dummy;
    u[i] = best;
    if (best === dummy) { col4row[i] = -2; continue; }
    let chosen = -1;
    for (let k = first; k < last && cost[k] === best; k++) {
      const j = edgeMentor[k]!;
      if (used[j]! < cap[j]!) { chosen = j; break; }
    }
    if (chosen < 0) { pending.push(i); continue; }
    const s = slotStart[chosen]! + used[chosen]!;
    used[chosen]! += 1;
    slotRow[s] = i;
    col4row[i] = chosen;
    rowSlot[i] = s;
  }

  // Dijkstra state, reset lazily with a per-search stamp.
  const dist = new Float64Array(m);
  const predRow = new Int32Array(m);
  const seen = new Int32Array(m); // stamp when dist[j] became valid this search
  const done = new Int32Array(m); // stamp when j was finalised
  const doneCols = new Int32Array(m);
  const scannedRows = new Int32Array(n);
  // Indexed binary min-heap over columns keyed by dist (ties: lower column index first).
  const heap = new Int32Array(m);
  const pos = new Int32Array(m);
  let heapSize = 0;

  const less = (a: number, b: number): boolean => {
    const da = dist[a]!;
    const db = dist[b]!;
    return da < db || (da === db && a < b);
  };
  const siftUp = (j: number, at: number): void => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const pj = heap[parent]!;
      if (!less(j, pj)) break;
      heap[at] = pj;
      pos[pj] = at;
      at = parent;
    }
    heap[at] = j;
    pos[j] = at;
  };
  const popMin = (): number => {
    const top = heap[0]!;
    heapSize--;
    if (heapSize > 0) {
      const last = heap[heapSize]!;
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= heapSize) break;
        const right = child + 1;
        if (right < heapSize && less(heap[right]!, heap[child]!)) child = right;
        const cj = heap[child]!;
        if (!less(cj, last)) break;
        heap[at] = cj;
        pos[cj] = at;
        at = child;
      }
      heap[at] = last;
      pos[last] = at;
    }
    return top;
  };

  let stamp = 0;
  const total = pending.length;
  for (let q = 0; q < total; q++) {
    if ((q & 255) === 0) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
      opts.onProgress?.(q, total);
    }
    const i0 = pending[q]!;
    stamp++;
    heapSize = 0;
    let nDone = 0;
    let nRows = 0;
    // Best "leave this row unmatched" terminal seen so far.
    let bestTerm = dummy - u[i0]!;
    let termRow = i0;
    // No column beyond this distance can be on the shortest path: it is the cost of the best
    // terminal (free mentor or unmatched option) seen so far. Skipping them keeps the heap small.
    let bound = bestTerm;
    let sink = -1;
    let minVal = 0;

    // Relax all edges of row i reached at distance d.
    let i = i0;
    let d = 0;
    for (;;) {
      const ui = u[i]!;
      const base = d - ui;
      for (let k = edgeStart[i]!, end = edgeStart[i + 1]!; k < end; k++) {
        const j = edgeMentor[k]!;
        if (done[j] === stamp) continue;
        const c = cost[k]!;
        if (base + c > bound) break;
        const r = base + c - v[j]!;
        if (r > bound) continue;
        if (used[j]! < cap[j]!) bound = r;
        if (seen[j] !== stamp) {
          seen[j] = stamp;
          dist[j] = r;
          predRow[j] = i;
          siftUp(j, heapSize++);
        } else if (r < dist[j]!) {
          dist[j] = r;
          predRow[j] = i;
          siftUp(j, pos[j]!);
        }
      }
      // Next column to finalise; prefer a real mentor over leaving a row unmatched on ties.
      let next = -1;
      while (heapSize > 0) {
        const j = heap[0]!;
        if (dist[j]! > bestTerm) break;
        popMin();
        next = j;
        break;
      }
      if (next < 0) { minVal = bestTerm; break; }
      const dj = dist[next]!;
      done[next] = stamp;
      doneCols[nDone++] = next;
      if (used[next]! < cap[next]!) { sink = next; minVal = dj; break; }
      // Full column: continue through each row it holds (the matched edge has reduced cost 0).
      const s0 = slotStart[next]!;
      const s1 = s0 + used[next]!;
      if (s1 - s0 === 1) {
        i = slotRow[s0]!;
      } else {
        // Several rows: relax all but the last here, the last in the main loop.
        for (let s = s0; s < s1 - 1; s++) {
          const r0 = slotRow[s]!;
          scannedRows[nRows++] = r0;
          const t = dj + dummy - u[r0]!;
          if (t < bestTerm) { bestTerm = t; termRow = r0; if (t < bound) bound = t; }
          const b0 = dj - u[r0]!;
          for (let k = edgeStart[r0]!, end = edgeStart[r0 + 1]!; k < end; k++) {
            const j = edgeMentor[k]!;
            if (done[j] === stamp) continue;
            const c = cost[k]!;
            if (b0 + c > bound) break;
            const r = b0 + c - v[j]!;
            if (r > bound) continue;
            if (used[j]! < cap[j]!) bound = r;
            if (seen[j] !== stamp) {
              seen[j] = stamp;
              dist[j] = r;
              predRow[j] = r0;
              siftUp(j, heapSize++);
            } else if (r < dist[j]!) {
              dist[j] = r;
              predRow[j] = r0;
              siftUp(j, pos[j]!);
            }
          }
        }
        i = slotRow[s1 - 1]!;
      }
      scannedRows[nRows++] = i;
      d = dj;
      const t = dj + dummy - u[i]!;
      if (t < bestTerm) { bestTerm = t; termRow = i; if (t < bound) bound = t; }
    }

    // Potentials: keep reduced costs >= 0 and the new path tight.
    u[i0]! += minVal;
    for (let r = 0; r < nRows; r++) {
      const row = scannedRows[r]!;
      u[row]! += minVal - dist[col4row[row]!]!;
    }
    for (let c = 0; c < nDone; c++) {
      const j = doneCols[c]!;
      v[j]! -= minVal - dist[j]!;
    }

    // Augment: shift rows back along the predecessor chain.
    let col: number;
    let slot: number;
    if (sink >= 0) {
      col = sink;
      slot = slotStart[sink]! + used[sink]!;
      used[sink]! += 1;
    } else {
      if (termRow === i0) { col4row[i0] = -2; continue; }
      col = col4row[termRow]!;
      slot = rowSlot[termRow]!;
      col4row[termRow] = -2;
    }
    for (;;) {
      const row = predRow[col]!;
      const prevCol = col4row[row]!;
      const prevSlot = rowSlot[row]!;
      slotRow[slot] = row;
      col4row[row] = col;
      rowSlot[row] = slot;
      if (row === i0) break;
      col = prevCol;
      slot = prevSlot;
    }
  }
  opts.onProgress?.(total, total);

  const mentorOf = new Int32Array(n);
  for (let r = 0; r < n; r++) mentorOf[r] = col4row[r]! >= 0 ? col4row[r]! : -1;
  return mentorOf;
}

// Per mentee, edges by score descending, then mentor ascending (a fixed order keeps results
// deterministic). Integer scores are packed with the mentor into one number for a native sort.
function sortEdgesByScore(p: SparseProblem): { edgeStart: Int32Array; edgeMentor: Int32Array; edgeScore: Float64Array } {
  const { edgeStart, edgeMentor, edgeScore, menteeCount, mentorCount } = p;
  const e = edgeMentor.length;
  const outMentor = new Int32Array(e);
  const outScore = new Float64Array(e);
  let packable = mentorCount < 2 ** 26;
  for (let k = 0; k < e && packable; k++) {
    const s = edgeScore[k]!;
    if (!Number.isInteger(s) || Math.abs(s) >= 2 ** 25) packable = false;
  }
  if (packable && countingSortByScore(p, outMentor, outScore)) return { edgeStart, edgeMentor: outMentor, edgeScore: outScore };
  if (packable) {
    const keys = new Float64Array(e);
    const shift = 2 ** 26;
    // Key ascending = score descending, then mentor ascending.
    for (let k = 0; k < e; k++) keys[k] = (2 ** 25 - edgeScore[k]!) * shift + edgeMentor[k]!;
    for (let i = 0; i < menteeCount; i++) {
      const a = edgeStart[i]!;
      const b = edgeStart[i + 1]!;
      if (b - a > 1) keys.subarray(a, b).sort();
    }
    for (let k = 0; k < e; k++) {
      const key = keys[k]!;
      const j = key % shift;
      outMentor[k] = j;
      outScore[k] = 2 ** 25 - (key - j) / shift;
    }
    return { edgeStart, edgeMentor: outMentor, edgeScore: outScore };
  }
  const order: number[] = [];
  for (let i = 0; i < menteeCount; i++) {
    const a = edgeStart[i]!;
    const b = edgeStart[i + 1]!;
    order.length = 0;
    for (let k = a; k < b; k++) order.push(k);
    order.sort((x, y) => edgeScore[y]! - edgeScore[x]! || edgeMentor[x]! - edgeMentor[y]!);
    for (let t = 0; t < order.length; t++) {
      outMentor[a + t] = edgeMentor[order[t]!]!;
      outScore[a + t] = edgeScore[order[t]!]!;
    }
  }
  return { edgeStart, edgeMentor: outMentor, edgeScore: outScore };
}

// The same order as the key sort above (score descending, then mentor ascending) in linear time,
// for integer scores in a modest range (the matching engine's 0..1000) and rows already listing
// their mentors in ascending order (what sparseFromEdges and buildProblem produce): a stable
// counting sort by score over all edges, then a stable distribution into rows. Returns false
// (nothing written) when those conditions do not hold.
function countingSortByScore(p: SparseProblem, outMentor: Int32Array, outScore: Float64Array): boolean {
  const { edgeStart, edgeMentor, edgeScore, menteeCount } = p;
  const e = edgeMentor.length;
  if (e === 0 || edgeStart[0] !== 0 || edgeStart[menteeCount] !== e) return false;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < e; k++) {
    const s = edgeScore[k]!;
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  const range = hi - lo + 1;
  if (!(range <= 2 * e + 4096)) return false;
  for (let i = 0; i < menteeCount; i++) {
    for (let k = edgeStart[i]! + 1; k < edgeStart[i + 1]!; k++) if (edgeMentor[k]! < edgeMentor[k - 1]!) return false;
  }
  // Bucket b = hi - score (0 = best score); start[b] = first output position of bucket b.
  const start = new Int32Array(range + 1);
  for (let k = 0; k < e; k++) start[hi - edgeScore[k]! + 1]! += 1;
  for (let b = 0; b < range; b++) start[b + 1]! += start[b]!;
  const byScore = new Int32Array(e);
  for (let k = 0; k < e; k++) byScore[start[hi - edgeScore[k]!]!++] = k;
  const rowOf = new Int32Array(e);
  for (let i = 0; i < menteeCount; i++) rowOf.fill(i, edgeStart[i]!, edgeStart[i + 1]!);
  const fill = edgeStart.slice(0, menteeCount);
  for (let t = 0; t < e; t++) {
    const k = byScore[t]!;
    const at = fill[rowOf[k]!]!++;
    outMentor[at] = edgeMentor[k]!;
    outScore[at] = edgeScore[k]! + 0; // as the key sort: -0 comes out as 0
  }
  return true;
}

function withoutClosedMentors(p: SparseProblem): SparseProblem {
  const { capacity, edgeStart, edgeMentor, edgeScore, menteeCount } = p;
  let closed = false;
  for (let j = 0; j < capacity.length; j++) if (capacity[j]! <= 0) { closed = true; break; }
  if (!closed) return p;
  const start = new Int32Array(menteeCount + 1);
  const adj = new Int32Array(edgeMentor.length);
  const w = new Float64Array(edgeMentor.length);
  let o = 0;
  for (let i = 0; i < menteeCount; i++) {
    for (let k = edgeStart[i]!; k < edgeStart[i + 1]!; k++) {
      const j = edgeMentor[k]!;
      if (capacity[j]! <= 0) continue;
      adj[o] = j;
      w[o] = edgeScore[k]!;
      o++;
    }
    start[i + 1] = o;
  }
  return { ...p, edgeStart: start, edgeMentor: adj.subarray(0, o), edgeScore: w.subarray(0, o) };
}
