// The fast pair loop of buildProblem (fast-build.ts) against the straightforward per-pair
// checkHardRules + scoreOnly/scorePair: on random programs (messy labels, duplicate skills,
// preferences naming anyone, org charts with outside managers, locks, every rule mode and weight
// overrides) the problem, every edge score, the blocked-rule counts, the lock warnings and the final
// assignment with its reasons must be exactly the same.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buildProblem, buildProblemReference } from '../../src/matching/build-problem.ts';
import type { MatchingProblem } from '../../src/matching/build-problem.ts';
import { createContext } from '../../src/matching/context.ts';
import { scoreAllPairs } from '../../src/matching/fast-build.ts';
import { checkHardRules } from '../../src/matching/rules.ts';
import { scoreOnly, scorePair } from '../../src/matching/scoring.ts';
import { solveBuilt, solveMatching } from '../../src/matching/solve-matching.ts';
import type { Candidate, MatchingRules, PairRef } from '../../src/matching/types.ts';
import { randomProgram } from './candidates.ts';

// Spellings that differ only in case and spaces compare equal; distinct labels do not.
const SKILLS = ['TikTok', 'tiktok', ' Power  BI', 'power bi', 'Figma', 'Python', 'AI', 'Notion', 'Canva'];
const TOPICS = ['AI', 'ai ', 'Gen Z culture', 'Remote work', 'remote  work', 'Brand', 'Data'];
const LANGS = ['English', 'english', 'French', 'German', ' German', 'Korean'];
const DEPTS = ['Sales', 'sales ', 'IT', 'Finance', 'FINANCE'];
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Adelaide', 'Not/AZone'];

interface Program { candidates: Candidate[]; rules: MatchingRules }

const messyProgram: fc.Arbitrary<Program> = fc
  .record({ nMentees: fc.integer({ min: 0, max: 12 }), nMentors: fc.integer({ min: 0, max: 10 }), outside: fc.integer({ min: 0, max: 4 }) })
  .chain(({ nMentees, nMentors, outside }) => {
    const total = nMentees + nMentors;
    const ids = (k: number) => 'p' + k;
    const anyone = fc.integer({ min: 0, max: total + outside + 1 }).map((x) => (x < total ? ids(x) : x < total + outside ? 'o' + (x - total) : 'nobody'));
    const personArb = (k: number) =>
      fc.record({
        level: fc.integer({ min: 0, max: 10 }),
        department: fc.constantFrom(...DEPTS),
        manager: fc.option(anyone, { nil: null }),
        timeZone: fc.constantFrom(...ZONES),
        languages: fc.array(fc.constantFrom(...LANGS), { maxLength: 3 }),
        skills: fc.array(fc.record({ skill: fc.constantFrom(...SKILLS), proficiency: fc.integer({ min: 0, max: 6 }) }), { maxLength: 5 }),
        topics: fc.array(fc.constantFrom(...TOPICS), { maxLength: 4 }),
        availability: fc.array(fc.record({ day: fc.integer({ min: -1, max: 7 }), startMinute: fc.integer({ min: -30, max: 1440 }), len: fc.integer({ min: -10, max: 600 }) }), { maxLength: 4 }),
        capacity: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        prefs: fc.option(fc.array(anyone, { maxLength: 4 }), { nil: undefined }),
      }).map((r): Candidate => {
        const c: Candidate = {
          personId: ids(k),
          name: 'Person ' + k,
          role: k < nMentees ? 'mentee' : 'mentor',
          level: r.level,
          department: r.department,
          managerId: r.manager,
          timeZone: r.timeZone,
          languages: r.languages,
          skills: r.skills,
          topics: r.topics,
          availability: r.availability.map((a) => ({ day: a.day, startMinute: a.startMinute, endMinute: a.startMinute + a.len })),
        };
        if (r.capacity !== undefined) c.capacity = r.capacity;
        if (r.prefs !== undefined) c.preferences = r.prefs;
        return c;
      });
    const pair = fc.tuple(fc.integer({ min: 0, max: Math.max(0, nMentees - 1) }), fc.integer({ min: 0, max: Math.max(0, nMentors - 1) }));
    const rulesArb = fc.record({
      minLevelGap: fc.integer({ min: -3, max: 3 }),
      span: fc.integer({ min: 0, max: 6 }),
      crossDepartment: fc.constantFrom('required', 'preferred', 'ignore') as fc.Arbitrary<MatchingRules['crossDepartment']>,
      requiredSharedLanguage: fc.boolean(),
      objective: fc.constantFrom('maxweight', 'maxcard') as fc.Arbitrary<MatchingRules['objective']>,
      excluded: fc.array(pair, { maxLength: 4 }),
      previous: fc.array(pair, { maxLength: 4 }),
      locks: fc.array(pair, { maxLength: 2 }),
      outsideManagers: fc.array(fc.option(anyone, { nil: null }), { minLength: outside, maxLength: outside }),
      weights: fc.option(fc.record({ skills: fc.integer({ min: 0, max: 999 }), preference: fc.integer({ min: 0, max: 301 }), levelGap: fc.integer({ min: 0, max: 77 }), timeZone: fc.integer({ min: 0, max: 133 }) }, { requiredKeys: [] }), { nil: undefined }),
      target: fc.option(fc.constantFrom(0, 45, 60, 120, 333), { nil: undefined }),
    });
    return fc.record({ people: fc.tuple(...Array.from({ length: total }, (_, k) => personArb(k))), r: rulesArb }).map(({ people, r }): Program => {
      const ref = (i: number, j: number): PairRef => ({ menteeId: ids(i), mentorId: ids(nMentees + j) });
      const usable = nMentees > 0 && nMentors > 0;
      // Locks: one per mentee, within the mentor's places (invalid locks are tested elsewhere).
      const left = new Map<number, number>();
      const lockedMentees = new Set<number>();
      const locks: PairRef[] = [];
      for (const [i, j] of usable ? r.locks : []) {
        const cap = (people[nMentees + j] as Candidate).capacity ?? 1;
        const l = left.get(j) ?? cap;
        if (lockedMentees.has(i) || l <= 0) continue;
        left.set(j, l - 1);
        lockedMentees.add(i);
        locks.push(ref(i, j));
      }
      const managers: Record<string, string | null> = {};
      r.outsideManagers.forEach((mgr, k) => { managers['o' + k] = mgr; });
      const rules: MatchingRules = {
        minLevelGap: r.minLevelGap,
        maxLevelGap: r.minLevelGap + r.span,
        crossDepartment: r.crossDepartment,
        requiredSharedLanguage: r.requiredSharedLanguage,
        objective: r.objective,
        excludedPairs: usable ? r.excluded.map(([i, j]) => ref(i, j)) : [],
        previousPairs: usable ? r.previous.map(([i, j]) => ref(i, j)) : [],
        locks,
        managers,
        referenceDate: Date.UTC(2026, 6, 1),
      };
      if (r.weights) rules.weights = r.weights;
      if (r.target !== undefined) rules.targetOverlapMinutes = r.target;
      return { candidates: people as Candidate[], rules };
    });
  });

const entries = (m: Map<number, unknown>) => [...m.entries()].map(([k, v]) => [k, JSON.stringify(v)]);

function expectSameProblem(fast: MatchingProblem, ref: MatchingProblem): void {
  const a = fast.problem;
  const b = ref.problem;
  expect([a.kind, a.menteeCount, a.mentorCount]).to.deep.equal([b.kind, b.menteeCount, b.mentorCount]);
  expect(Array.from(a.capacity)).to.deep.equal(Array.from(b.capacity));
  expect(Array.from(a.edgeStart)).to.deep.equal(Array.from(b.edgeStart));
  expect(Array.from(a.edgeMentor)).to.deep.equal(Array.from(b.edgeMentor));
  expect(Array.from(a.edgeScore)).to.deep.equal(Array.from(b.edgeScore));
  expect(fast.locks).to.deep.equal(ref.locks);
  expect(entries(fast.lockViolations)).to.deep.equal(entries(ref.lockViolations));
  // Same counts and the same key order (it decides the wording of ties in the message).
  expect(entries(fast.blockedBy)).to.deep.equal(entries(ref.blockedBy));
}

/** Every pair straight through checkHardRules / scoreOnly / scorePair, compared to the fast problem. */
function expectPairByPair(mp: MatchingProblem): void {
  const { ctx, mentees, mentors, problem } = mp;
  mentees.forEach((mentee, i) => {
    const edges = new Map<number, number>();
    for (let k = problem.edgeStart[i]!; k < problem.edgeStart[i + 1]!; k++) edges.set(problem.edgeMentor[k]!, problem.edgeScore[k]!);
    const locked = ctx.locks.has(mentee.personId);
    mentors.forEach((mentor, j) => {
      const allowed = checkHardRules(mentee, mentor, ctx).length === 0;
      expect(edges.has(j), `${mentee.personId}->${mentor.personId}`).to.equal(allowed && !locked);
      if (!edges.has(j)) return;
      const scored = scorePair(mentee, mentor, ctx);
      expect(edges.get(j)).to.equal(scored.score);
      expect(edges.get(j)).to.equal(scoreOnly(mentee, mentor, ctx));
      expect(scored.reasons.reduce((t, r) => t + r.points, 0)).to.equal(scored.score);
    });
  });
}

describe('matching fast path: identical to the per-pair reference', () => {
  it('builds the same problem, scores and reasons on messy random programs (property)', () => {
    fc.assert(
      fc.property(messyProgram, ({ candidates, rules }) => {
        const fast = buildProblem(candidates, rules);
        const ref = buildProblemReference(candidates, rules);
        expectSameProblem(fast, ref);
        expectPairByPair(fast);
        // Same assignment, same reasons, same messages for the left-out mentees.
        expect(solveBuilt(fast)).to.deep.equal(solveBuilt(ref));
      }),
      { numRuns: 400 },
    );
  });

  it('computes availability the same way on a minute grid and by interval merge (property)', () => {
    // Slots on a 15-minute grid (the usual case) and on arbitrary minutes; both methods forced.
    const gridded = messyProgram.chain((p) => fc.constantFrom(1, 15, 60).map((unit) => ({
      ...p,
      candidates: p.candidates.map((c) => ({ ...c, availability: c.availability.map((a) => ({ ...a, startMinute: Math.round(a.startMinute / unit) * unit, endMinute: Math.round(a.endMinute / unit) * unit })) })),
    })));
    fc.assert(
      fc.property(gridded, ({ candidates, rules }) => {
        const ref = buildProblemReference(candidates, rules);
        const ctx = createContext(candidates, rules);
        const index = (list: Candidate[]) => new Map(list.map((c, k) => [c.personId, k]));
        for (const method of ['grid', 'merge'] as const) {
          const fast = scoreAllPairs(ctx, ref.mentees, ref.mentors, index(ref.mentees), index(ref.mentors), method)!;
          expect(Array.from(fast.problem.edgeStart)).to.deep.equal(Array.from(ref.problem.edgeStart));
          expect(Array.from(fast.problem.edgeMentor)).to.deep.equal(Array.from(ref.problem.edgeMentor));
          expect(Array.from(fast.problem.edgeScore), method).to.deep.equal(Array.from(ref.problem.edgeScore));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on the shared random programs of the other suites (property)', () => {
    fc.assert(
      fc.property(randomProgram, ({ candidates, rules }) => {
        const fast = buildProblem(candidates, rules);
        const ref = buildProblemReference(candidates, rules);
        expectSameProblem(fast, ref);
        expect(solveMatching(candidates, rules)).to.deep.equal(solveBuilt(ref));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees on a mid-size program (ten copies of a random one, ~100 x ~70)', () => {
    const [program] = fc.sample(
      messyProgram.filter((p) => p.candidates.filter((c) => c.role === 'mentee').length >= 8 && p.candidates.filter((c) => c.role === 'mentor').length >= 6),
      { seed: 42, numRuns: 1 },
    );
    // Grow the sampled program: copies with new ids, so most pairs are allowed and scored.
    const big: Candidate[] = [];
    for (let copy = 0; copy < 10; copy++) {
      for (const c of program!.candidates) {
        const id = (x: string) => `${x}-${copy}`;
        big.push({ ...c, personId: id(c.personId), managerId: c.managerId && c.managerId.startsWith('p') ? id(c.managerId) : c.managerId, preferences: c.preferences?.map((p) => (p.startsWith('p') ? `${p}-${(copy + 1) % 10}` : p)) });
      }
    }
    const first = (r: PairRef): PairRef => ({ menteeId: `${r.menteeId}-0`, mentorId: `${r.mentorId}-0` });
    const rules: MatchingRules = { ...program!.rules, locks: [], excludedPairs: program!.rules.excludedPairs?.map(first), previousPairs: program!.rules.previousPairs?.map(first), minLevelGap: -10, maxLevelGap: 10, requiredSharedLanguage: false, crossDepartment: 'preferred' };
    const fast = buildProblem(big, rules);
    const ref = buildProblemReference(big, rules);
    expectSameProblem(fast, ref);
    expectPairByPair(fast);
    expect(solveBuilt(fast)).to.deep.equal(solveBuilt(ref));
  });

  it('falls back to the reference loop for ids containing the pair-key separator', () => {
    const a: Candidate = { personId: 'a\u0000b', name: 'A', role: 'mentee', level: 5, department: 'X', managerId: null, timeZone: 'UTC', languages: ['en'], skills: [], topics: [], availability: [] };
    const b: Candidate = { ...a, personId: 'c', name: 'C', role: 'mentor', level: 1 };
    const rules: MatchingRules = { minLevelGap: 1, maxLevelGap: 9, crossDepartment: 'ignore', requiredSharedLanguage: true, objective: 'maxweight', excludedPairs: [{ menteeId: 'a', mentorId: 'b\u0000c' }], referenceDate: 0 };
    expectSameProblem(buildProblem([a, b], rules), buildProblemReference([a, b], rules));
  });
});
