// The engine's English sentences, made from the same details interfaces get: the cases where
// numbers meet grammar (one, none, the same level) and where a rule and a reason must agree.
import { expect } from '@open-wc/testing';
import { reasonText, ruleText, unmatchedText } from '../../src/matching/wording.ts';

describe('the engine’s English wording', () => {
  it('says one and none without broken plurals', () => {
    expect(reasonText('skills', { mentee: 'Sam', sought: 1, taught: [] })).to.equal('Does not teach the skill Sam wants.');
    expect(reasonText('skills', { mentee: 'Sam', sought: 1, taught: ['TikTok'] })).to.equal('Teaches the skill Sam wants: TikTok.');
    expect(reasonText('skills', { mentee: 'Sam', sought: 3, taught: ['TikTok', 'Figma'] })).to.equal('Teaches 2 of the 3 skills Sam wants: TikTok and Figma.');
    expect(reasonText('topics', { mentee: 'Sam', goals: 1, shared: [] })).to.equal("Does not cover Sam's goal.");
    expect(ruleText('capacity-full', { mentor: 'Ben', capacity: 1 })).to.equal("Ben's only place is taken.");
    expect(ruleText('capacity-full', { mentor: 'Ben', capacity: 3 })).to.equal("All 3 of Ben's places are taken.");
    expect(ruleText('capacity-full', { mentor: 'Ben', capacity: 0 })).to.equal('Ben has no free place.');
    expect(ruleText('level-gap', { mentee: 'Sam', mentor: 'Ben', gap: 2, min: 1, max: 1 })).to.equal('Ben is 2 levels below Sam; the mentor must be exactly 1 level junior.');
  });

  it('says the same level as such, in the reason and the rule', () => {
    expect(reasonText('levelGap', { mentee: 'Eve', mentor: 'Mo', gap: 0, min: 0, max: 2 })).to.equal('Mo is at the same level as Eve (program band 0–2).');
    expect(ruleText('level-gap', { mentee: 'Eve', mentor: 'Mo', gap: 0, min: 1, max: 3 })).to.equal('Mo is at the same level as Eve; the mentor must be 1 to 3 levels junior.');
    expect(ruleText('level-gap', { mentee: 'Eve', mentor: 'Mo', gap: 1, min: 0, max: 0 })).to.equal('Mo is 1 level below Eve; the mentor must be at the same level.');
  });

  it('never contradicts the details: one department where the program requires two', () => {
    expect(reasonText('crossDepartment', { mode: 'required', same: true, departments: ['Sales', 'sales'] })).to.equal('Same department (Sales); this program requires different departments.');
    expect(reasonText('crossDepartment', { mode: 'required', same: false, departments: ['Sales', 'IT'] })).to.equal('Different departments (Sales and IT), as the program requires.');
  });

  it('names languages given as codes, and keeps labels that are not codes', () => {
    expect(reasonText('language', { shared: ['en', 'pt-BR'] })).to.equal('Both speak English and Brazilian Portuguese.');
    expect(reasonText('language', { shared: ['English', 'Klingon'] })).to.equal('Both speak English and Klingon.');
  });

  it('says "you" to the mentee who reads about themselves', () => {
    expect(reasonText('skills', { mentee: 'Sam', sought: 2, taught: ['AI'] }, 'Sam')).to.equal('Teaches 1 of the 2 skills you want: AI.');
    expect(reasonText('topics', { mentee: 'Sam', goals: 0, shared: [] }, 'Sam')).to.equal('You listed no goals.');
    expect(reasonText('topics', { mentee: 'Sam', goals: 1, shared: [] }, 'Sam')).to.equal('Does not cover your goal.');
    expect(reasonText('levelGap', { mentee: 'Sam', mentor: 'Ben', gap: 5, min: 3, max: 7 }, 'Sam')).to.equal('Ben is 5 levels junior to you (program band 3–7).');
    const rankings = [
      { by: 'Sam', of: 'Ben', rank: 1, listed: 3 },
      { by: 'Ben', of: 'Sam', rank: 2, listed: 2 },
    ];
    expect(reasonText('preference', { rankings }, 'Sam')).to.equal('You ranked Ben #1 of 3; Ben ranked you #2 of 2.');
    expect(reasonText('preference', { rankings })).to.equal('Sam ranked Ben #1 of 3; Ben ranked Sam #2 of 2.');
  });

  it('lists the mentors each rule ruled out, most first, ties in the rules’ order', () => {
    const text = unmatchedText('no-allowed-mentor', { mentee: 'Priya', mentors: 6, blockedBy: { 'shared-language': 2, excluded: 2, 'capacity-full': 1, 'reporting-chain': 1 } });
    expect(text).to.equal("No mentor passes the program's rules for Priya: 2 excluded by an admin, 2 without a shared language, 1 in the same reporting chain and 1 without places.");
    expect(unmatchedText('no-allowed-mentor', { mentee: 'Priya', mentors: 0, blockedBy: {} })).to.equal('There are no mentors in this program for Priya.');
  });
});
