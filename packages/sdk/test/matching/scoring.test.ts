// Scoring and hard rules: reasons add up to the score, readable sentences, "why not?" answers, and
// the engine never proposes a pair that breaks a hard rule.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createContext } from '../../src/matching/context.ts';
import { explainPair } from '../../src/matching/explain.ts';
import { checkHardRules } from '../../src/matching/rules.ts';
import { scoreOnly, scorePair } from '../../src/matching/scoring.ts';
import { solveMatching } from '../../src/matching/solve-matching.ts';
import { overlapMinutes } from '../../src/matching/availability.ts';
import { DEFAULT_WEIGHTS } from '../../src/matching/weights.ts';
import type { Candidate } from '../../src/matching/types.ts';
import { alex, baseRules, dana, kim, lee, randomProgram, sam } from './candidates.ts';

const everyone: Candidate[] = [dana, sam, alex, kim, lee];

describe('matching scoring: reasons', () => {
  it('explains a good pair factor by factor, in sentences, adding up exactly', () => {
    const ex = explainPair(dana, sam, baseRules, { candidates: everyone });
    if (!ex.allowed) throw new Error('expected Dana and Sam to be allowed: ' + JSON.stringify(ex.violations));
    const byFactor = Object.fromEntries(ex.reasons.map((r) => [r.factor, r]));
    expect(byFactor.skills!.text).to.equal('Teaches 3 of the 4 skills Dana wants: TikTok, Power BI and Figma.');
    expect(byFactor.topics!.text).to.equal("Covers 2 of Dana's 3 goals: AI and Gen Z culture.");
    expect(byFactor.availability!.text).to.equal('1 h a week when both are free.');
    expect(byFactor.timeZone!.text).to.equal('Time zones 6 h apart (Europe/Paris and America/New_York).');
    expect(byFactor.language!.text).to.equal('Both speak English.');
    expect(byFactor.preference!.text).to.equal('Dana ranked Sam #1 of 2; Sam ranked Dana #1 of 1.');
    expect(ex.reasons.reduce((s, r) => s + r.points, 0)).to.equal(ex.score);
    for (const r of ex.reasons) {
      expect(Number.isInteger(r.points)).to.equal(true);
      expect(r.points).to.be.within(0, r.max);
    }
  });

  it('honours weight overrides (a zero weight gives zero points)', () => {
    const rules = { ...baseRules, weights: { skills: 0, preference: 500 } };
    const ex = explainPair(dana, sam, rules, { candidates: everyone });
    if (!ex.allowed) throw new Error('expected allowed');
    expect(ex.reasons.find((r) => r.factor === 'skills')!.points).to.equal(0);
    expect(ex.reasons.find((r) => r.factor === 'preference')!.max).to.equal(500);
  });

  it('reasons always add up to the score, and scoreOnly agrees (property)', () => {
    fc.assert(
      fc.property(randomProgram, ({ candidates, rules }) => {
        const ctx = createContext(candidates, rules);
        const mentees = candidates.filter((c) => c.role === 'mentee');
        const mentors = candidates.filter((c) => c.role === 'mentor');
        for (const a of mentees) for (const b of mentors) {
          const s = scorePair(a, b, ctx);
          expect(s.reasons.reduce((t, r) => t + r.points, 0)).to.equal(s.score);
          expect(scoreOnly(a, b, ctx)).to.equal(s.score);
          expect(s.score).to.be.within(0, Object.values(DEFAULT_WEIGHTS).reduce((x, y) => x + y, 0));
          for (const r of s.reasons) expect(r.text.length).to.be.greaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('computes weekly overlap across slots and merges overlapping slots', () => {
    expect(overlapMinutes([{ day: 1, startMinute: 60, endMinute: 180 }, { day: 1, startMinute: 120, endMinute: 240 }], [{ day: 1, startMinute: 0, endMinute: 1440 }])).to.equal(180);
    expect(overlapMinutes([{ day: 1, startMinute: 60, endMinute: 180 }], [{ day: 2, startMinute: 60, endMinute: 180 }])).to.equal(0);
  });
});

describe('matching hard rules: why not?', () => {
  it('names the level-gap rule and the numbers', () => {
    const ex = explainPair(dana, kim, baseRules, { candidates: everyone });
    expect(ex.allowed).to.equal(false);
    if (ex.allowed) return;
    const rules = ex.violations.map((v) => v.rule);
    expect(rules).to.include('level-gap');
    expect(rules).to.include('shared-language');
    expect(ex.violations.find((v) => v.rule === 'level-gap')!.message).to.equal('Kim is 1 level above Dana; the mentor must be 1 to 6 levels junior.');
  });

  it('sees the reporting chain in both directions, also through people outside the program', () => {
    const ex = explainPair(dana, alex, baseRules, { candidates: everyone });
    expect(ex.allowed).to.equal(false);
    if (!ex.allowed) expect(ex.violations[0]!.message).to.equal('Dana is the direct manager of Alex; mentors and mentees must not share a reporting chain.');
    // Lee (mentee) manages Sam; a skip level through an outside manager map.
    const managers = { sam: 'lee', lee: 'vp', vp: 'ceo' };
    const ex2 = explainPair({ ...dana, personId: 'vp', name: 'Vi' }, sam, { ...baseRules, managers }, { candidates: [sam] });
    expect(ex2.allowed).to.equal(false);
    if (!ex2.allowed) expect(ex2.violations.map((v) => v.message)).to.include('Vi is the skip-level manager of Sam; mentors and mentees must not share a reporting chain.');
  });

  it('reports previous pairs, admin exclusions, departments and full capacity', () => {
    const rules = { ...baseRules, crossDepartment: 'required' as const, previousPairs: [{ menteeId: 'dana', mentorId: 'sam' }], excludedPairs: [{ menteeId: 'dana', mentorId: 'sam' }] };
    const sameDept = { ...sam, department: 'Finance' };
    const ex = explainPair(dana, sameDept, rules, { candidates: everyone, placesTaken: 2 });
    expect(ex.allowed).to.equal(false);
    if (!ex.allowed) expect(ex.violations.map((v) => v.rule)).to.deep.equal(['previous-pair', 'excluded', 'cross-department', 'capacity-full']);
  });

  it('solveMatching never proposes a pair that breaks a hard rule, and says why mentees are left out (property)', () => {
    fc.assert(
      fc.property(randomProgram, ({ candidates, rules }) => {
        const res = solveMatching(candidates, rules);
        const ctx = createContext(candidates, rules);
        const byId = new Map(candidates.map((c) => [c.personId, c]));
        const load = new Map<string, number>();
        for (const p of res.pairs) {
          const v = checkHardRules(byId.get(p.menteeId)!, byId.get(p.mentorId)!, ctx);
          expect(v, `${p.menteeId}->${p.mentorId}`).to.deep.equal([]);
          expect(p.reasons.reduce((t, r) => t + r.points, 0)).to.equal(p.score);
          load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
        }
        for (const [id, n] of load) expect(n).to.be.at.most(byId.get(id)!.capacity ?? 1);
        const mentees = candidates.filter((c) => c.role === 'mentee');
        expect(res.pairs.length + res.unmatched.length).to.equal(mentees.length);
        for (const u of res.unmatched) {
          expect(u.message.length).to.be.greaterThan(0);
          if (u.why === 'capacity-taken') {
            // Every allowed mentor is really full.
            for (const m of u.allowedMentorIds) expect(load.get(m) ?? 0).to.equal(byId.get(m)!.capacity ?? 1);
          } else expect(u.allowedMentorIds).to.deep.equal([]);
        }
        expect(res.total).to.equal(res.pairs.reduce((t, p) => t + p.score, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps admin locks even against the rules and flags them', () => {
    const rules = { ...baseRules, locks: [{ menteeId: 'dana', mentorId: 'alex' }] };
    const res = solveMatching(everyone, rules);
    const pair = res.pairs.find((p) => p.menteeId === 'dana')!;
    expect(pair.mentorId).to.equal('alex');
    expect(pair.locked).to.equal(true);
    expect(pair.violations!.map((v) => v.rule)).to.include('reporting-chain');
  });

  it('explains an unmatched mentee with no allowed mentor', () => {
    const res = solveMatching([dana, kim], baseRules);
    expect(res.unmatched).to.have.length(1);
    expect(res.unmatched[0]!.why).to.equal('no-allowed-mentor');
    expect(res.unmatched[0]!.message).to.equal("No mentor passes the program's rules for Dana: 1 outside the level gap.");
  });
});
