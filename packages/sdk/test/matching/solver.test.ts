// The optimal solver against exhaustive search on many small random problems (both objectives,
// capacities, locks and exclusions), plus the dense path and determinism.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { solveAssignment } from '../../src/matching/assignment.ts';
import type { IndexPair } from '../../src/matching/problem.ts';
import { sparseFromEdges } from '../../src/matching/problem.ts';
import { solveDenseSquare } from '../../src/matching/solve-dense.ts';
import { bruteForce, evaluate, tinyProblem, toProblem } from './brute-force.ts';

describe('matching solver: optimality (property-based, vs brute force)', () => {
  for (const objective of ['maxweight', 'maxcard'] as const) {
    it(`finds the optimum on random sparse problems with capacities (${objective})`, () => {
      fc.assert(
        fc.property(tinyProblem(), (t) => {
          const res = solveAssignment(toProblem(t), { objective });
          const got = evaluate(t, res.mentorOf);
          expect(got.errors).to.deep.equal([]);
          const best = bruteForce(t, objective);
          expect(got.total).to.equal(best.total);
          expect(res.total).to.equal(best.total);
          if (objective === 'maxcard') expect(got.matched).to.equal(best.matched);
        }),
        { numRuns: 400 },
      );
    });

    // Coarse data: scores from 0 to 2, so most pairs tie and the greedy start has many mentors to choose from.
    it(`finds the optimum when most scores tie (${objective})`, () => {
      fc.assert(
        fc.property(tinyProblem(7, 5, 2), (t) => {
          const res = solveAssignment(toProblem(t), { objective });
          const got = evaluate(t, res.mentorOf);
          expect(got.errors).to.deep.equal([]);
          const best = bruteForce(t, objective);
          expect(got.total).to.equal(best.total);
          if (objective === 'maxcard') expect(got.matched).to.equal(best.matched);
        }),
        { numRuns: 400 },
      );
    });

    it(`keeps locks and exclusions and is optimal around them (${objective})`, () => {
      const withFixes = tinyProblem(6, 4).chain((t) => {
        const pairs = t.edges.map((e) => [e[0], e[1]] as IndexPair);
        return fc.record({
          t: fc.constant(t),
          lockPick: fc.subarray(pairs, { maxLength: Math.min(3, pairs.length) }),
          exclusions: fc.subarray(pairs, { maxLength: Math.min(4, pairs.length) }),
        });
      });
      fc.assert(
        fc.property(withFixes, ({ t, lockPick, exclusions }) => {
          // Valid locks: one per mentee, within capacity, not excluded.
          const left = [...t.capacity];
          const seen = new Set<number>();
          const ex = new Set(exclusions.map(([i, j]) => i * 1000 + j));
          const locks = lockPick.filter(([i, j]) => {
            if (seen.has(i) || left[j]! <= 0 || ex.has(i * 1000 + j)) return false;
            seen.add(i);
            left[j]! -= 1;
            return true;
          });
          const res = solveAssignment(toProblem(t), { objective, locks, exclusions });
          for (const [i, j] of locks) expect(res.mentorOf[i]).to.equal(j);
          for (const [i, j] of exclusions) expect(res.mentorOf[i]).to.not.equal(j);
          const got = evaluate(t, res.mentorOf, locks);
          expect(got.errors).to.deep.equal([]);
          const best = bruteForce(t, objective, locks, exclusions);
          expect(got.total).to.equal(best.total);
          if (objective === 'maxcard') expect(got.matched).to.equal(best.matched);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('solves dense square problems optimally (Jonker-Volgenant path)', () => {
    const dense = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.record({ n: fc.constant(n), s: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n * n, maxLength: n * n }) }),
    );
    fc.assert(
      fc.property(dense, ({ n, s }) => {
        const scores = Float64Array.from(s);
        const res = solveAssignment({ kind: 'dense', menteeCount: n, mentorCount: n, capacity: new Int32Array(n).fill(1), scores });
        expect(new Set(res.mentorOf).size).to.equal(n);
        const edges: [number, number, number][] = [];
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) edges.push([i, j, s[i * n + j]!]);
        expect(res.total).to.equal(bruteForce({ n, capacity: new Array<number>(n).fill(1), edges }, 'maxweight').total);
      }),
      { numRuns: 300 },
    );
  });

  it('dense solver declines negative scores and the engine falls back to the sparse solver', () => {
    const scores = Float64Array.from([5, -1, -3, 2]);
    expect(solveDenseSquare(2, scores)).to.equal(null);
    const res = solveAssignment({ kind: 'dense', menteeCount: 2, mentorCount: 2, capacity: Int32Array.from([1, 1]), scores });
    expect(res.total).to.equal(7);
  });

  it('handles dense rectangular problems with capacities through the sparse path', () => {
    const scores = Float64Array.from([9, 1, 8, 2, 7, 3]); // 3 mentees x 2 mentors
    const res = solveAssignment({ kind: 'dense', menteeCount: 3, mentorCount: 2, capacity: Int32Array.from([2, 1]), scores });
    expect(res.total).to.equal(9 + 8 + 3);
  });
});

describe('matching solver: behaviour', () => {
  it('is deterministic and independent of edge order', () => {
    fc.assert(
      fc.property(tinyProblem(8, 5), fc.integer(), (t, seed) => {
        const a = solveAssignment(toProblem(t)).mentorOf;
        const shuffled = [...t.edges].sort((x, y) => ((x[0] * 31 + x[1] * 17 + seed) % 7) - ((y[0] * 31 + y[1] * 17 + seed) % 7));
        const b = solveAssignment(toProblem({ ...t, edges: shuffled })).mentorOf;
        expect(Array.from(b)).to.deep.equal(Array.from(a));
      }),
      { numRuns: 100 },
    );
  });

  it('maxcard matches more mentees than maxweight when that is the trade-off', () => {
    // Mentee 0 can take mentor 0 (10) or 1 (1); mentee 1 only mentor 0 (2).
    const p = sparseFromEdges(2, [1, 1], [0, 0, 1], [0, 1, 0], [10, 1, 2]);
    expect(solveAssignment(p, { objective: 'maxweight' })).to.deep.include({ total: 10, matched: 1 });
    expect(solveAssignment(p, { objective: 'maxcard' })).to.deep.include({ total: 3, matched: 2 });
  });

  it('refuses a lock beyond the mentor capacity', () => {
    const p = sparseFromEdges(2, [1], [0, 1], [0, 0], [1, 1]);
    expect(() => solveAssignment(p, { locks: [[0, 0], [1, 0]] })).to.throw(RangeError);
  });

  it('stops when the signal is aborted', () => {
    const n = 2000;
    const mentee: number[] = [];
    const mentor: number[] = [];
    const score: number[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < 5; j++) { mentee.push(i); mentor.push((i * 7 + j) % 50); score.push(900 - ((i + j) % 13)); }
    const ctl = new AbortController();
    ctl.abort(new Error('stop'));
    expect(() => solveAssignment(sparseFromEdges(n, new Array<number>(50).fill(3), mentee, mentor, score), { signal: ctl.signal })).to.throw('stop');
  });
});
