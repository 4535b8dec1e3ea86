// Test fixtures: hand-written people for readable assertions and a fast-check generator of small
// random programs (candidates + rules) for property tests.
import fc from 'fast-check';
import type { Candidate, MatchingRules } from '../../src/matching/types.ts';

export const baseRules: MatchingRules = {
  minLevelGap: 1,
  maxLevelGap: 6,
  crossDepartment: 'preferred',
  requiredSharedLanguage: true,
  objective: 'maxweight',
  referenceDate: Date.UTC(2026, 0, 15),
};

const person = (p: Partial<Candidate> & Pick<Candidate, 'personId' | 'name' | 'role'>): Candidate => ({
  level: 3,
  department: 'Sales',
  managerId: null,
  timeZone: 'Europe/Paris',
  languages: ['English'],
  skills: [],
  topics: [],
  availability: [],
  ...p,
});

export const dana = person({
  personId: 'dana', name: 'Dana', role: 'mentee', level: 7, department: 'Finance', managerId: 'ceo',
  skills: [{ skill: 'TikTok', proficiency: 1 }, { skill: 'Power BI', proficiency: 2 }, { skill: 'Figma', proficiency: 1 }, { skill: 'Python', proficiency: 2 }],
  topics: ['AI', 'Gen Z culture', 'Remote work'],
  availability: [{ day: 2, startMinute: 9 * 60, endMinute: 11 * 60 }],
  languages: ['English', 'German'],
  preferences: ['sam', 'alex'],
});

export const sam = person({
  personId: 'sam', name: 'Sam', role: 'mentor', level: 2, department: 'Marketing', managerId: 'lee', capacity: 2,
  skills: [{ skill: 'tiktok', proficiency: 5 }, { skill: 'Power BI', proficiency: 4 }, { skill: 'Figma', proficiency: 3 }],
  topics: ['ai', 'Gen Z culture'],
  availability: [{ day: 2, startMinute: 10 * 60, endMinute: 12 * 60 }],
  timeZone: 'America/New_York',
  preferences: ['dana'],
});

export const alex = person({
  personId: 'alex', name: 'Alex', role: 'mentor', level: 1, department: 'Finance', managerId: 'dana',
  skills: [{ skill: 'Python', proficiency: 5 }], topics: ['Remote work'],
});

export const kim = person({
  personId: 'kim', name: 'Kim', role: 'mentor', level: 8, department: 'IT', managerId: 'ceo', languages: ['Korean'],
});

export const lee = person({ personId: 'lee', name: 'Lee', role: 'mentee', level: 5, department: 'Marketing', managerId: 'ceo', skills: [{ skill: 'TikTok', proficiency: 1 }] });

const SKILLS = ['TikTok', 'Power BI', 'Figma', 'Python', 'AI', 'Notion'];
const TOPICS = ['AI', 'Gen Z culture', 'Remote work', 'Brand'];
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'];
const LANGS = ['English', 'French', 'German'];
const DEPTS = ['Sales', 'IT', 'Finance'];

/** A random program: 1-6 mentees, 1-4 mentors, a small random org chart and random rules. */
export const randomProgram = fc
  .record({ nMentees: fc.integer({ min: 1, max: 6 }), nMentors: fc.integer({ min: 1, max: 4 }) })
  .chain(({ nMentees, nMentors }) => {
    const total = nMentees + nMentors;
    const personArb = (k: number) =>
      fc.record({
        level: fc.integer({ min: 1, max: 8 }),
        department: fc.constantFrom(...DEPTS),
        manager: fc.integer({ min: -1, max: total - 1 }),
        timeZone: fc.constantFrom(...ZONES),
        languages: fc.subarray(LANGS, { minLength: 0 }),
        skills: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), proficiency: fc.integer({ min: 1, max: 5 }) }), { selector: (s) => s.skill, maxLength: 4 }),
        topics: fc.subarray(TOPICS),
        availability: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), startMinute: fc.integer({ min: 0, max: 1380 }), len: fc.integer({ min: 30, max: 240 }) }), { maxLength: 3 }),
        capacity: fc.integer({ min: 0, max: 3 }),
        prefs: fc.uniqueArray(fc.integer({ min: 0, max: total - 1 }), { maxLength: 3 }),
      }).map((r): Candidate => ({
        personId: 'p' + k,
        name: 'Person ' + k,
        role: k < nMentees ? 'mentee' : 'mentor',
        level: r.level,
        department: r.department,
        // Managers only point to lower indices, so the org chart has no cycles.
        managerId: r.manager >= 0 && r.manager < k ? 'p' + r.manager : null,
        timeZone: r.timeZone,
        languages: r.languages,
        skills: r.skills,
        topics: r.topics,
        availability: r.availability.map((a) => ({ day: a.day, startMinute: a.startMinute, endMinute: Math.min(1440, a.startMinute + a.len) })),
        capacity: r.capacity,
        preferences: r.prefs.map((x) => 'p' + x),
      }));
    const rulesArb = fc.record({
      minLevelGap: fc.integer({ min: -2, max: 2 }),
      span: fc.integer({ min: 0, max: 5 }),
      crossDepartment: fc.constantFrom('required', 'preferred', 'ignore') as fc.Arbitrary<MatchingRules['crossDepartment']>,
      requiredSharedLanguage: fc.boolean(),
      objective: fc.constantFrom('maxweight', 'maxcard') as fc.Arbitrary<MatchingRules['objective']>,
      excluded: fc.array(fc.tuple(fc.integer({ min: 0, max: nMentees - 1 }), fc.integer({ min: 0, max: nMentors - 1 })), { maxLength: 3 }),
      previous: fc.array(fc.tuple(fc.integer({ min: 0, max: nMentees - 1 }), fc.integer({ min: 0, max: nMentors - 1 })), { maxLength: 2 }),
    });
    return fc.record({ people: fc.tuple(...Array.from({ length: total }, (_, k) => personArb(k))), r: rulesArb }).map(({ people, r }) => {
      const id = (i: number, j: number) => ({ menteeId: 'p' + i, mentorId: 'p' + (nMentees + j) });
      const rules: MatchingRules = {
        minLevelGap: r.minLevelGap,
        maxLevelGap: r.minLevelGap + r.span,
        crossDepartment: r.crossDepartment,
        requiredSharedLanguage: r.requiredSharedLanguage,
        objective: r.objective,
        excludedPairs: r.excluded.map(([i, j]) => id(i, j)),
        previousPairs: r.previous.map(([i, j]) => id(i, j)),
        referenceDate: Date.UTC(2026, 0, 15),
      };
      return { candidates: people as Candidate[], rules };
    });
  });
