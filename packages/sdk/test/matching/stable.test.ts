// Stable matching (mentee-proposing deferred acceptance with capacities): no blocking pair,
// capacities and acceptability respected, and the candidate-level wrapper honours hard rules.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createContext } from '../../src/matching/context.ts';
import { checkHardRules } from '../../src/matching/rules.ts';
import { blockingPairs, stableMatching } from '../../src/matching/stable.ts';
import { stableMatchingForCandidates } from '../../src/matching/stable-candidates.ts';
import { randomProgram } from './candidates.ts';

const prefsArb = fc.record({ n: fc.integer({ min: 0, max: 8 }), m: fc.integer({ min: 1, max: 5 }) }).chain(({ n, m }) =>
  fc.record({
    menteePrefs: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: m - 1 }), { maxLength: m }), { minLength: n, maxLength: n }),
    mentorPrefs: fc.array(n === 0 ? fc.constant([] as number[]) : fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }), { minLength: m, maxLength: m }),
    capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
  }),
);

describe('matching stable: deferred acceptance', () => {
  it('never leaves a blocking pair and respects capacities and acceptability (property)', () => {
    fc.assert(
      fc.property(prefsArb, (input) => {
        const mentorOf = stableMatching(input);
        expect(blockingPairs(input, mentorOf)).to.deep.equal([]);
        const load = new Array<number>(input.capacity.length).fill(0);
        mentorOf.forEach((j, i) => {
          if (j < 0) return;
          load[j]! += 1;
          expect(input.menteePrefs[i]).to.include(j);
          expect(input.mentorPrefs[j]).to.include(i);
        });
        load.forEach((l, j) => expect(l).to.be.at.most(input.capacity[j]!));
      }),
      { numRuns: 500 },
    );
  });

  it('detects a blocking pair in an unstable assignment', () => {
    const input = { menteePrefs: [[0, 1], [0, 1]], mentorPrefs: [[0, 1], [0, 1]], capacity: [1, 1] };
    expect(blockingPairs(input, [1, 0])).to.deep.equal([[0, 0]]);
    expect(Array.from(stableMatching(input))).to.deep.equal([0, 1]);
  });

  it('candidate-level stable matching uses only allowed pairs and is stable for the lists it used (property)', () => {
    fc.assert(
      fc.property(randomProgram, ({ candidates, rules }) => {
        const res = stableMatchingForCandidates(candidates, rules);
        const ctx = createContext(candidates, rules);
        const byId = new Map(candidates.map((c) => [c.personId, c]));
        for (const p of res.pairs) expect(checkHardRules(byId.get(p.menteeId)!, byId.get(p.mentorId)!, ctx)).to.deep.equal([]);
        const idx = new Map(res.problem.mentors.map((c, j) => [c.personId, j]));
        const mentorOf = res.problem.mentees.map((c) => {
          const p = res.pairs.find((x) => x.menteeId === c.personId);
          return p ? idx.get(p.mentorId)! : -1;
        });
        expect(blockingPairs(res, mentorOf)).to.deep.equal([]);
      }),
      { numRuns: 200 },
    );
  });
});
