// Stable matching from ranked preferences: mentee-proposing deferred acceptance (Gale-Shapley) with
// mentor capacities. Only mutually acceptable pairs (each lists the other) can be matched. The
// result has no blocking pair and is the best stable outcome for every mentee.

export interface StableInput {
  /** menteePrefs[i] = mentor indices, best first. */
  menteePrefs: readonly (readonly number[])[];
  /** mentorPrefs[j] = mentee indices, best first. */
  mentorPrefs: readonly (readonly number[])[];
  capacity: ArrayLike<number>;
}

/** mentorOf[i] = mentor index or -1. */
export function stableMatching(input: StableInput): Int32Array {
  const n = input.menteePrefs.length;
  const m = input.mentorPrefs.length;
  // rank[j].get(i) = how mentor j ranks mentee i (absent = unacceptable).
  const rank = input.mentorPrefs.map((list) => {
    const r = new Map<number, number>();
    list.forEach((i, k) => { if (!r.has(i)) r.set(i, k); });
    return r;
  });
  const held: number[][] = Array.from({ length: m }, () => []);
  const next = new Int32Array(n);
  const mentorOf = new Int32Array(n).fill(-1);
  const free: number[] = [];
  for (let i = n - 1; i >= 0; i--) free.push(i);
  while (free.length > 0) {
    const i = free.pop()!;
    const prefs = input.menteePrefs[i]!;
    while (next[i]! < prefs.length) {
      const j = prefs[next[i]!]!;
      next[i]! += 1;
      if (!(j >= 0 && j < m)) continue;
      const r = rank[j]!.get(i);
      const cap = input.capacity[j] ?? 0;
      if (r === undefined || cap <= 0) continue;
      const h = held[j]!;
      if (h.length < cap) {
        h.push(i);
        mentorOf[i] = j;
        break;
      }
      // Full: replace the mentor's least preferred held mentee if i is better.
      let worst = 0;
      for (let k = 1; k < h.length; k++) if (rank[j]!.get(h[k]!)! > rank[j]!.get(h[worst]!)!) worst = k;
      const out = h[worst]!;
      if (rank[j]!.get(out)! > r) {
        h[worst] = i;
        mentorOf[i] = j;
        mentorOf[out] = -1;
        free.push(out);
        break;
      }
    }
  }
  return mentorOf;
}

/**
 * Pairs (mentee i, mentor j) that block `mentorOf`: both accept each other, i prefers j to its
 * match (or is unmatched), and j has a free place or prefers i to one of its mentees. Empty = stable.
 */
export function blockingPairs(input: StableInput, mentorOf: ArrayLike<number>): [number, number][] {
  const m = input.mentorPrefs.length;
  const rank = input.mentorPrefs.map((list) => {
    const r = new Map<number, number>();
    list.forEach((i, k) => { if (!r.has(i)) r.set(i, k); });
    return r;
  });
  const load: number[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < mentorOf.length; i++) { const j = mentorOf[i]!; if (j >= 0) load[j]!.push(i); }
  const out: [number, number][] = [];
  input.menteePrefs.forEach((prefs, i) => {
    const cur = mentorOf[i]!;
    for (const j of prefs) {
      if (j === cur) break; // everything after is worse for i
      const r = rank[j]?.get(i);
      if (r === undefined) continue;
      const h = load[j]!;
      const cap = input.capacity[j] ?? 0;
      if (cap <= 0) continue;
      if (h.length < cap || h.some((x) => (rank[j]!.get(x) ?? Infinity) > r)) out.push([i, j]);
    }
  });
  return out;
}
