// Group format: one mentor's mentees form a group; optional co-mentoring pairs two small groups.
import { expect } from '@open-wc/testing';
import { formGroups } from '../../src/matching/groups.ts';
import type { MatchingResult } from '../../src/matching/types.ts';
import { alex, dana, kim, lee, sam } from './candidates.ts';

const pair = (menteeId: string, mentorId: string) => ({ menteeId, mentorId, locked: false, score: 0, reasons: [] });

describe('matching groups', () => {
  const result: MatchingResult = {
    objective: 'maxweight',
    total: 0,
    unmatched: [],
    pairs: [pair('m1', 'sam'), pair('m2', 'sam'), pair('m3', 'alex'), pair('m4', 'kim'), pair('m5', 'kim'), pair('m6', 'kim')],
  };
  const people = [dana, sam, alex, kim, lee];

  it('makes one group per mentor by default', () => {
    const g = formGroups(result, people);
    expect(g).to.deep.equal([
      { mentorIds: ['sam'], menteeIds: ['m1', 'm2'] },
      { mentorIds: ['alex'], menteeIds: ['m3'] },
      { mentorIds: ['kim'], menteeIds: ['m4', 'm5', 'm6'] },
    ]);
  });

  it('pairs mentors into co-led groups within the size limit, keeping every mentee once', () => {
    const g = formGroups(result, people, { pairMentors: true, maxGroupSize: 3 });
    // Alex (1) + Sam (2) share English and fit in 3; Kim (3) stays alone.
    expect(g).to.deep.equal([
      { mentorIds: ['alex', 'sam'], menteeIds: ['m3', 'm1', 'm2'] },
      { mentorIds: ['kim'], menteeIds: ['m4', 'm5', 'm6'] },
    ]);
    for (const grp of g) expect(grp.menteeIds.length).to.be.at.most(3);
  });
});
