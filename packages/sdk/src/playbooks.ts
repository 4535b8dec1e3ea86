/**
 * Ready playbooks, one per purpose, so an admin starts from a sensible program instead of a
 * blank form. Every value is an ordinary program field: copy one, change what differs.
 * These are the English ones; `@upward/sdk/playbooks/de` has the same playbooks in German
 * (a module of its own, so only a page that offers German playbooks loads them).
 */
import type { ProgramInput, Purpose } from './domain/index.ts';

/** A ready program without the fields only its admin can know (dates, champions). */
export type ReadyPlaybook = Omit<ProgramInput, 'name' | 'kickoffDate' | 'endDate' | 'championIds' | 'customPurpose'> & { name: string };
/** One ready playbook per purpose, all in one language. */
export type ReadyPlaybooks = Record<Exclude<Purpose, 'custom'>, ReadyPlaybook>;

const agreementTemplate: ProgramInput['agreementTemplate'] = {
  communicationStatement:
    'We will be candid with each other, ask when something is unclear, and treat every question as a good one. Either of us can raise a concern at any time.',
  confidentialityStatement:
    'What we share in our sessions stays between us unless we both agree to pass it on. Our program champion sees only that we met, never what we discussed.',
  clauses: [{ title: 'Time', text: 'We protect the time we set aside and give a day’s notice if we have to move a session.' }],
};

const baseRules: ProgramInput['rules'] = {
  minLevelGap: 3,
  maxLevelGap: 7,
  crossDepartment: 'preferred',
  forbidSameReportingLine: true,
  requireSharedLanguage: true,
};

export const playbooks: ReadyPlaybooks = {
  'generational-divide': {
    name: 'Bridging generations',
    language: 'en',
    purpose: 'generational-divide',
    description: 'Early-career colleagues and senior leaders swap perspectives on how each generation works, learns and communicates.',
    goals: ['Understand how early-career colleagues prefer to work and communicate', 'Share the context behind long-standing decisions'],
    playbook: {
      cadence: { every: 2, unit: 'week' },
      sessionMinutes: 45,
      meetingModes: ['in-person', 'video'],
      where: 'A quiet meeting room or over coffee',
      talkingPoints: ['How we each like to get feedback', 'Tools we could not work without', 'What makes someone stay or leave'],
      sessionRequirements: ['Each of you names one thing you learned', 'Agree at least one action item'],
      trainings: [{ title: 'Reverse mentoring kickoff (60 min)' }],
    },
    rules: baseRules,
    matching: { mode: 'hybrid' },
    format: { kind: 'one-to-one' },
    agreementTemplate,
  },
  'empower-younger-employees': {
    name: 'Emerging voices',
    language: 'en',
    purpose: 'empower-younger-employees',
    description: 'Gives early-career colleagues a direct line to leadership and the confidence to lead.',
    goals: ['Give early-career colleagues visibility with leadership', 'Practise leading a conversation with a senior audience'],
    playbook: {
      cadence: { every: 1, unit: 'month' },
      sessionMinutes: 60,
      meetingModes: ['in-person', 'video'],
      where: '',
      talkingPoints: ['An idea the mentor would change tomorrow', 'How decisions get made at the top', 'Career paths that are not on the org chart'],
      sessionRequirements: ['The mentor sets the agenda', 'Agree at least one action item'],
      trainings: [{ title: 'Leading a mentoring conversation' }],
    },
    rules: baseRules,
    matching: { mode: 'self', requestExpiryDays: 7 },
    format: { kind: 'one-to-one' },
    agreementTemplate,
  },
  'growth-mindset': {
    name: 'Always learning',
    language: 'en',
    purpose: 'growth-mindset',
    description: 'Leaders model continuous learning by becoming students of colleagues earlier in their careers.',
    goals: ['Model learning from anyone in the company', 'Try one new habit or tool each month'],
    playbook: {
      cadence: { every: 2, unit: 'week' },
      sessionMinutes: 30,
      meetingModes: ['video', 'in-person'],
      where: '',
      talkingPoints: ['Something the mentee was wrong about recently', 'A skill the mentor picked up alone', 'How to fail safely in our team'],
      sessionRequirements: ['The mentee tries something new before the next session'],
      trainings: [],
    },
    rules: baseRules,
    matching: { mode: 'hybrid' },
    format: { kind: 'one-to-one' },
    agreementTemplate,
  },
  'digital-strategy': {
    name: 'Digital leaders',
    language: 'en',
    purpose: 'digital-strategy',
    description: 'Senior leaders learn the digital tools and habits their customers and colleagues already live with.',
    goals: ['Use one new digital tool in daily work', 'Understand how customers discover us online'],
    playbook: {
      cadence: { every: 2, unit: 'week' },
      sessionMinutes: 45,
      meetingModes: ['video', 'in-person'],
      where: '',
      talkingPoints: ['Generative AI in everyday work', 'Collaboration tools that save time', 'How customers research before they buy'],
      sessionRequirements: ['Hands-on: the mentee uses the tool during the session', 'Agree at least one action item'],
      trainings: [{ title: 'Digital basics refresher' }],
    },
    rules: baseRules,
    matching: { mode: 'admin', objective: 'maxcard' },
    format: { kind: 'one-to-one' },
    agreementTemplate,
  },
  'social-media-and-analytics': {
    name: 'Social & analytics',
    language: 'en',
    purpose: 'social-media-and-analytics',
    description: 'Executives learn how social platforms and their analytics shape the brand, hiring and sales.',
    goals: ['Publish under your own name on one platform', 'Read a social analytics dashboard without help'],
    playbook: {
      cadence: { every: 2, unit: 'week' },
      sessionMinutes: 45,
      meetingModes: ['video', 'in-person'],
      where: '',
      talkingPoints: ['Personal branding on LinkedIn', 'Short-form video and what it says about attention', 'Reading engagement numbers'],
      sessionRequirements: ['Review one real post or dashboard together'],
      trainings: [],
    },
    rules: baseRules,
    matching: { mode: 'admin' },
    format: { kind: 'group', mentorsPerGroup: 2, menteesPerGroup: 5 },
    agreementTemplate,
  },
  inclusion: {
    name: 'Inclusive leadership',
    language: 'en',
    purpose: 'inclusion',
    description: 'Leaders hear first-hand what it is like to work here for colleagues whose experience differs from theirs.',
    goals: ['Hear experiences that differ from your own', 'Change one practice in your team as a result'],
    playbook: {
      cadence: { every: 1, unit: 'month' },
      sessionMinutes: 60,
      meetingModes: ['in-person', 'video'],
      where: 'A private room',
      talkingPoints: ['Moments that made the mentor feel they belong, or not', 'Who gets heard in meetings', 'Hiring and promotion through another lens'],
      sessionRequirements: ['Listen first: the mentor speaks for at least half the session'],
      trainings: [{ title: 'Psychological safety in mentoring' }],
    },
    rules: { ...baseRules, crossDepartment: 'required' },
    matching: { mode: 'admin' },
    format: { kind: 'one-to-one' },
    agreementTemplate,
  },
};

/**
 * A complete program input from a ready playbook; `overrides` win over the playbook's values.
 * `from` picks the language: `playbooks` from `@upward/sdk/playbooks/de` for German.
 */
export function programFromPlaybook(
  purpose: Exclude<Purpose, 'custom'>,
  required: Pick<ProgramInput, 'kickoffDate' | 'endDate'>,
  overrides: Partial<ProgramInput> = {},
  from: ReadyPlaybooks = playbooks,
): ProgramInput {
  return structuredClone({ ...from[purpose], ...required, ...overrides });
}
