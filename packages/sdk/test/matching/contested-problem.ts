// A contested sparse assignment problem for tests that need a solve to take a while: scarce
// places (n mentees, n/2 mentors with 1–3 places) and correlated scores (some mentors are
// everybody's favourite), 30 allowed mentors per mentee. Deterministic for a given seed.
import { sparseFromEdges } from '../../src/matching/problem.ts';

export function contestedProblem(n: number, seed = 42) {
  const m = Math.round(n / 2);
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const popularity = Array.from({ length: m }, () => Math.floor(rnd() * 1000));
  const ei: number[] = [];
  const ej: number[] = [];
  const es: number[] = [];
  for (let i = 0; i < n; i++) {
    const seen = new Set<number>();
    while (seen.size < Math.min(30, m)) seen.add(Math.floor(rnd() * m));
    for (const j of seen) {
      ei.push(i);
      ej.push(j);
      es.push(Math.round(0.6 * popularity[j]! + 0.4 * rnd() * 1000));
    }
  }
  return sparseFromEdges(n, Array.from({ length: m }, () => 1 + Math.floor(rnd() * 3)), ei, ej, es);
}
