/**
 * Enrolment: a person joining one program as mentor or mentee, with what they offer or seek.
 */
import * as z from 'zod/mini';
import { Id, Role, Timestamp, phrases, recordFields, text } from './fields.ts';

export const EnrolmentStatus = z.enum(['applied', 'approved', 'waitlisted', 'declined', 'withdrawn']);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

export const SkillLevel = z.object({
  skill: text(1, 60),
  /** 1 = curious beginner … 5 = could teach it tomorrow. */
  proficiency: z._default(z.int().check(z.gte(1), z.lte(5)), 3),
});
export type SkillLevel = z.infer<typeof SkillLevel>;

/** A weekly free slot in the person's own time zone, minutes after midnight. */
export const AvailabilitySlot = z
  .object({
    day: z.int().check(z.gte(0), z.lte(6)),
    startMinute: z.int().check(z.gte(0), z.lte(1439)),
    endMinute: z.int().check(z.gte(1), z.lte(1440)),
  })
  .check(z.refine((s) => s.endMinute > s.startMinute, { message: 'must end after it starts', path: ['endMinute'], params: { code: 'end_before_start' } }));
export type AvailabilitySlot = z.infer<typeof AvailabilitySlot>;

export const enrolmentFields = {
  programId: Id,
  personId: Id,
  role: Role,
  /** Offered by a mentor; sought by a mentee (their gaps). */
  skills: z.array(SkillLevel).check(
    z.minLength(1, 'name at least one skill'),
    z.maxLength(20),
    z.refine((s) => new Set(s.map((x) => x.skill.toLowerCase())).size === s.length, { message: 'must not repeat a skill', params: { code: 'duplicate' } }),
  ),
  goals: z._default(phrases(10), []),
  availability: z._default(z.array(AvailabilitySlot).check(z.maxLength(28)), []),
  /** How many mentees (pairs) a mentor can take on. Ignored for mentees. */
  capacity: z._default(z.int().check(z.gte(1), z.lte(5)), 1),
  /** Ranked person ids (self and hybrid modes): first is the favourite. */
  preferences: z._default(z.array(Id).check(z.maxLength(10)), []),
  motivation: z._default(text(0, 1000), ''),
};

export const EnrolInput = z.object({
  ...enrolmentFields,
  /** Consent to the program's terms is required to enrol. */
  consent: z.literal(true, 'you must accept the program terms to enrol'),
});
export type EnrolInput = z.input<typeof EnrolInput>;

export const Enrolment = z.object({
  ...recordFields,
  ...enrolmentFields,
  status: EnrolmentStatus,
  consentedAt: Timestamp,
  decisionNote: z._default(text(0, 500), ''),
});
export type Enrolment = z.infer<typeof Enrolment>;
