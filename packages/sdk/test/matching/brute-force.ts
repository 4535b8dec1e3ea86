// Test helpers for the matching engine: exhaustive search for tiny problems, and fast-check
// generators of random sparse problems with capacities.
import fc from 'fast-check';
import type { IndexPair, SparseProblem } from '../../src/matching/problem.ts';
import { sparseFromEdges } from '../../src/matching/problem.ts';

export interface Tiny {
  n: number;
  capacity: number[];
  edges: [number, number, number][];
}

export const tinyProblem = (maxMentees = 6, maxMentors = 4, maxScore = 30): fc.Arbitrary<Tiny> =>
  fc
    .record({ n: fc.integer({ min: 0, max: maxMentees }), m: fc.integer({ min: 0, max: maxMentors }) })
    .chain(({ n, m }) =>
      fc.record({
        n: fc.constant(n),
        capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
        edges: n === 0 || m === 0
          ? fc.constant([] as [number, number, number][])
          : fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: 0, max: maxScore })), {
              maxLength: n * m,
              selector: (e) => e[0] * 100 + e[1],
            }),
      }),
    );

export function toProblem(t: Tiny): SparseProblem {
  return sparseFromEdges(t.n, t.capacity, t.edges.map((e) => e[0]), t.edges.map((e) => e[1]), t.edges.map((e) => e[2]));
}

export interface Best { total: number; matched: number }

/** Exhaustive optimum: maxweight = best total; maxcard = most matched, then best total. */
export function bruteForce(t: Tiny, objective: 'maxweight' | 'maxcard', locks: readonly IndexPair[] = [], exclusions: readonly IndexPair[] = []): Best {
  const adj: [number, number][][] = Array.from({ length: t.n }, () => []);
  const ex = new Set(exclusions.map(([i, j]) => i * 1000 + j));
  for (const [i, j, s] of t.edges) if (!ex.has(i * 1000 + j)) adj[i]!.push([j, s]);
  const left = [...t.capacity];
  const lockOf = new Map(locks.map(([i, j]) => [i, j]));
  let base = 0;
  for (const [i, j] of locks) {
    left[j]! -= 1;
    base += t.edges.find((e) => e[0] === i && e[1] === j)?.[2] ?? 0;
  }
  let best: Best = { total: -1, matched: -1 };
  const better = (a: Best, b: Best): boolean =>
    objective === 'maxcard' ? a.matched > b.matched || (a.matched === b.matched && a.total > b.total) : a.total > b.total;
  const rec = (i: number, total: number, matched: number): void => {
    if (i === t.n) {
      const cand = { total, matched };
      if (better(cand, best)) best = cand;
      return;
    }
    if (lockOf.has(i)) { rec(i + 1, total, matched + 1); return; }
    rec(i + 1, total, matched);
    for (const [j, s] of adj[i]!) {
      if (left[j]! <= 0) continue;
      left[j]! -= 1;
      rec(i + 1, total + s, matched + 1);
      left[j]! += 1;
    }
  };
  rec(0, base, 0);
  return best;
}

/** Checks an assignment against the problem; returns its total and match count. */
export function evaluate(t: Tiny, mentorOf: ArrayLike<number>, locks: readonly IndexPair[] = []): Best & { errors: string[] } {
  const errors: string[] = [];
  const used = new Array<number>(t.capacity.length).fill(0);
  const lockOf = new Map(locks.map(([i, j]) => [i, j]));
  let total = 0;
  let matched = 0;
  for (let i = 0; i < t.n; i++) {
    const j = mentorOf[i]!;
    if (j < 0) continue;
    used[j]! += 1;
    matched++;
    const e = t.edges.find((x) => x[0] === i && x[1] === j);
    if (!e && lockOf.get(i) !== j) errors.push(`pair ${i}->${j} is not allowed`);
    total += e?.[2] ?? 0;
  }
  used.forEach((u, j) => { if (u > t.capacity[j]!) errors.push(`mentor ${j} over capacity`); });
  return { total, matched, errors };
}
