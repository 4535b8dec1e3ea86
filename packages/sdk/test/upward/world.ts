// A small organisation and program, seeded through the public API, that the behaviour suite
// builds on. Levels are chosen so that every pairing rule has a case on each side of it.
import type { PersonInput, ProgramInput, Upward } from '../../src/index.ts';

export const people = {
  ceo: { id: 'ceo', name: 'Morgan Reyes', email: 'morgan@example.com', title: 'CEO', department: 'Executive', level: 10, managerId: null, timeZone: 'Europe/London', languages: ['en'] },
  vpEng: { id: 'vp-eng', name: 'Dana Okafor', email: 'dana@example.com', title: 'VP Engineering', department: 'Engineering', level: 8, managerId: 'ceo', timeZone: 'Europe/Berlin', languages: ['en', 'de'] },
  vpSales: { id: 'vp-sales', name: 'Sam Lindqvist', email: 'sam@example.com', title: 'VP Sales', department: 'Sales', level: 8, managerId: 'ceo', timeZone: 'America/New_York', languages: ['en'] },
  dirMkt: { id: 'dir-mkt', name: 'Priya Nair', email: 'priya@example.com', title: 'Marketing Director', department: 'Marketing', level: 7, managerId: 'ceo', timeZone: 'Asia/Kolkata', languages: ['en', 'hi'] },
  anna: { id: 'anna', name: 'Anna Schmidt', email: 'anna@example.com', title: 'Graduate Engineer', department: 'Engineering', level: 2, managerId: 'vp-eng', timeZone: 'Europe/Berlin', languages: ['de', 'en'] },
  ben: { id: 'ben', name: 'Ben Carter', email: 'ben@example.com', title: 'Marketing Associate', department: 'Marketing', level: 3, managerId: 'dir-mkt', timeZone: 'Europe/London', languages: ['en'] },
  cara: { id: 'cara', name: 'Cara Silva', email: 'cara@example.com', title: 'Sales Associate', department: 'Sales', level: 3, managerId: 'vp-sales', timeZone: 'America/Sao_Paulo', languages: ['pt'] },
  chris: { id: 'chris', name: 'Chris Young', email: 'chris@example.com', title: 'People Partner', department: 'People', level: 5, managerId: 'ceo', timeZone: 'Europe/London', languages: ['en'] },
} satisfies Record<string, PersonInput>;

export function programInput(overrides: Partial<ProgramInput> = {}): ProgramInput {
  return {
    name: 'Digital Leaders 2027',
    purpose: 'digital-strategy',
    goals: ['Understand how customers use social media'],
    playbook: {
      cadence: { every: 2, unit: 'week' },
      sessionMinutes: 45,
      meetingModes: ['video', 'in-person'],
      where: 'Café on level 2',
      talkingPoints: ['Social media habits', 'Generative AI at work'],
      sessionRequirements: ['Agree one action item each'],
    },
    rules: { minLevelGap: 3, maxLevelGap: 7, crossDepartment: 'preferred', forbidSameReportingLine: true, requireSharedLanguage: true },
    matching: { mode: 'admin' },
    format: { kind: 'one-to-one' },
    championIds: ['chris'],
    agreementTemplate: {
      communicationStatement: 'We speak openly and honestly, and listen without judging.',
      confidentialityStatement: 'What we discuss stays between us unless we both agree otherwise.',
    },
    kickoffDate: '2027-01-11',
    endDate: '2027-06-30',
    ...overrides,
  };
}

export const admin = { personId: 'admin', isAdmin: true };

/** Seeds people, a program in its matching phase and approved enrolments; returns the program id. */
export async function seedWorld(as: (actor: { personId: string; isAdmin?: boolean }) => Upward, overrides: Partial<ProgramInput> = {}) {
  const hr = as(admin);
  for (const person of Object.values(people)) await hr.people.upsert(person);
  const program = await hr.programs.create(programInput(overrides));
  await hr.programs.openEnrolment({ id: program.id });
  const enrol = async (personId: string, role: 'mentor' | 'mentee', skills: string[], extra: object = {}) => {
    const enrolment = await as({ personId }).enrolments.enrol({
      programId: program.id,
      personId,
      role,
      skills: skills.map((skill) => ({ skill })),
      consent: true,
      ...extra,
    });
    return hr.enrolments.approve({ id: enrolment.id });
  };
  await enrol('anna', 'mentor', ['TikTok', 'Generative AI'], { capacity: 2 });
  await enrol('ben', 'mentor', ['Instagram']);
  await enrol('cara', 'mentor', ['LinkedIn']);
  await enrol('vp-eng', 'mentee', ['TikTok'], { goals: ['Post once a week'] });
  await enrol('vp-sales', 'mentee', ['Generative AI']);
  await enrol('dir-mkt', 'mentee', ['LinkedIn']);
  await hr.programs.startMatching({ id: program.id });
  return { programId: program.id, hr };
}
