/**
 * Program: why a reverse-mentoring program exists (purpose, goals), how pairs work (the
 * playbook), who may be paired with whom (pairing rules), how pairs are made (matching) and
 * the agreement every pair starts from.
 */
import * as z from 'zod/mini';
import { Id, IsoDate, MeetingMode, WebLink, phrases, recordFields, text } from './fields.ts';

export const Purpose = z.enum([
  'generational-divide',
  'empower-younger-employees',
  'growth-mindset',
  'digital-strategy',
  'social-media-and-analytics',
  'inclusion',
  'custom',
]);
export type Purpose = z.infer<typeof Purpose>;

/**
 * The language a program's texts are written in (its description, goals, playbook, agreement
 * template). The SDK writes text into a program's records itself, such as the first agreement's
 * "when and where we meet", and writes it in this language; interfaces mark program texts with
 * it, so a screen reader reads an English playbook in English inside a German page.
 */
export const ContentLanguage = z.enum(['en', 'de']);
export type ContentLanguage = z.infer<typeof ContentLanguage>;

export const ProgramPhase = z.enum(['draft', 'enrolling', 'matching', 'running', 'closed']);
export type ProgramPhase = z.infer<typeof ProgramPhase>;

export const Playbook = z.object({
  /** Pairs meet once every `every` weeks or months. */
  cadence: z.object({
    every: z.int().check(z.gte(1), z.lte(12)),
    unit: z.enum(['week', 'month']),
  }),
  sessionMinutes: z.int().check(z.gte(15), z.lte(240)),
  meetingModes: z.array(MeetingMode).check(z.minLength(1), z.maxLength(3)),
  /** Where pairs meet when in person: an office, a café, "your choice". */
  where: z._default(text(0, 200), ''),
  talkingPoints: z._default(phrases(30), []),
  /** What every session must contain, e.g. "agree one action item each". */
  sessionRequirements: z._default(phrases(20), []),
  trainings: z._default(
    z.array(z.object({ title: text(1, 200), link: z.optional(WebLink) })).check(z.maxLength(20)),
    [],
  ),
});
export type Playbook = z.infer<typeof Playbook>;

export const PairingRules = z
  .object({
    /** The mentor must be at least this many levels below the mentee… */
    minLevelGap: z.int().check(z.gte(1), z.lte(19)),
    /** …and at most this many ("no CEO with an intern"). */
    maxLevelGap: z.int().check(z.gte(1), z.lte(19)),
    /** Eligibility: only people at or below this level may enrol as mentors. */
    mentorMaxLevel: z.optional(z.int().check(z.gte(1), z.lte(20))),
    /** Eligibility: only people at or above this level may enrol as mentees. */
    menteeMinLevel: z.optional(z.int().check(z.gte(1), z.lte(20))),
    crossDepartment: z._default(z.enum(['required', 'preferred', 'ignore']), 'preferred'),
    /** A mentor and mentee in the same reporting chain can never be paired. */
    forbidSameReportingLine: z._default(z.boolean(), true),
    requireSharedLanguage: z._default(z.boolean(), true),
  })
  .check(
    z.superRefine((r, ctx) => {
      if (r.maxLevelGap >= r.minLevelGap) return;
      // The bound is the other field's value: a too_small with that minimum, so a UI can say it.
      const params = { code: 'too_small', origin: 'number', minimum: r.minLevelGap, inclusive: true };
      ctx.addIssue({ code: 'custom', message: 'must be at least the minimum level gap', path: ['maxLevelGap'], input: r.maxLevelGap, params });
    }),
  );
export type PairingRules = z.infer<typeof PairingRules>;

export const Format = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('one-to-one') }),
  z.object({
    kind: z.literal('group'),
    mentorsPerGroup: z.int().check(z.gte(1), z.lte(2)),
    menteesPerGroup: z.int().check(z.gte(1), z.lte(8)),
  }),
]);
export type Format = z.infer<typeof Format>;

const FactorPoints = z.int().check(z.gte(0), z.lte(1000));

export const MatchingSettings = z.object({
  mode: z.enum(['self', 'admin', 'hybrid']),
  /** Highest total score, or as many people matched as possible first. */
  objective: z._default(z.enum(['maxweight', 'maxcard']), 'maxweight'),
  /** Self mode: a mentor who does not answer a request within this many days lets it lapse. */
  requestExpiryDays: z._default(z.int().check(z.gte(1), z.lte(60)), 7),
  /** Points per scoring factor (the engine's defaults sum to 1000); a missing factor keeps its default. */
  weights: z._default(
    // Strict: a misspelt factor must be an error, not a weight that silently does nothing.
    z.strictObject({
      skills: z.optional(FactorPoints),
      topics: z.optional(FactorPoints),
      availability: z.optional(FactorPoints),
      timeZone: z.optional(FactorPoints),
      language: z.optional(FactorPoints),
      crossDepartment: z.optional(FactorPoints),
      levelGap: z.optional(FactorPoints),
      preference: z.optional(FactorPoints),
    }),
    {},
  ),
});
export type MatchingSettings = z.infer<typeof MatchingSettings>;

export const AgreementTemplate = z.object({
  communicationStatement: text(1, 2000),
  confidentialityStatement: text(1, 2000),
  clauses: z._default(z.array(z.object({ title: text(1, 120), text: text(1, 2000) })).check(z.maxLength(20)), []),
});
export type AgreementTemplate = z.infer<typeof AgreementTemplate>;

/** The editable fields of a program (no checks), for partial updates. */
export const programFields = {
  name: text(1, 120),
  description: z._default(text(0, 2000), ''),
  purpose: Purpose,
  /** Programs written before this field existed are English, as everything then was. */
  language: z._default(ContentLanguage, 'en'),
  /** Required when purpose is "custom". */
  customPurpose: z.optional(text(1, 200)),
  goals: z._default(phrases(20), []),
  playbook: Playbook,
  rules: PairingRules,
  matching: MatchingSettings,
  format: Format,
  championIds: z._default(z.array(Id).check(z.maxLength(20)), []),
  agreementTemplate: AgreementTemplate,
  kickoffDate: IsoDate,
  endDate: IsoDate,
};

const programChecks = [
  z.refine<{ kickoffDate: string; endDate: string }>((p) => p.endDate > p.kickoffDate, {
    message: 'must be after the kickoff date',
    path: ['endDate'],
    params: { code: 'end_before_start' },
  }),
  z.refine<{ purpose: Purpose; customPurpose?: string | undefined }>((p) => p.purpose !== 'custom' || !!p.customPurpose, {
    message: 'describe the purpose when it is "custom"',
    path: ['customPurpose'],
    params: { code: 'required' },
  }),
];

export const ProgramInput = z.object(programFields).check(...programChecks);
export type ProgramInput = z.input<typeof ProgramInput>;

export const Program = z.object({ ...recordFields, ...programFields, phase: ProgramPhase }).check(...programChecks);
export type Program = z.infer<typeof Program>;
