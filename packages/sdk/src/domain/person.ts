/**
 * Person: an employee profile as the HR system knows it. There is deliberately no age or birth
 * date: pairing uses level, skills and experience, never a protected characteristic.
 */
import * as z from 'zod/mini';
import { Id, LanguageCode, TimeZone, expectedVersion, phrases, recordFields, text } from './fields.ts';

const personFields = {
  name: text(1, 120),
  email: z.email(),
  title: z._default(text(0, 120), ''),
  department: text(1, 80),
  /** Position on the organisation's career ladder; higher is more senior. */
  level: z.int().check(z.gte(1), z.lte(20)),
  managerId: z._default(z.nullable(Id), null),
  location: z._default(text(0, 120), ''),
  timeZone: TimeZone,
  languages: z._default(z.array(LanguageCode).check(z.minLength(1), z.maxLength(20)), ['en']),
  skills: z._default(phrases(50, 60), []),
};

const notOwnManager = z.refine<{ id?: string | undefined; managerId: string | null }>(
  (p) => p.id === undefined || p.managerId !== p.id,
  { message: 'a person cannot be their own manager', path: ['managerId'], params: { code: 'self_reference' } },
);

export const PersonInput = z.object({ id: z.optional(Id), ...personFields }).check(notOwnManager);
export type PersonInput = z.input<typeof PersonInput>;

/** A person to create or replace; with `expectedVersion`, only if nobody changed them since. */
export const PersonUpsert = z.object({ id: z.optional(Id), ...personFields, expectedVersion }).check(notOwnManager);

export const Person = z.object({ ...recordFields, ...personFields }).check(notOwnManager);
export type Person = z.infer<typeof Person>;
