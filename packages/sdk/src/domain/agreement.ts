/**
 * Agreement: what a pair commits to, generated from the program's template when the match is
 * accepted. A version that has been sent for signature never changes: an amendment is a new
 * version, signed again. The content hash ties every signature to the exact text signed.
 */
import * as z from 'zod/mini';
import { Id, Timestamp, phrases, recordFields, text } from './fields.ts';
import { ContentLanguage } from './program.ts';

export const AgreementStatus = z.enum(['draft', 'awaiting-signatures', 'in-force', 'superseded']);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

export const AgreementContent = z.object({
  goals: phrases(20, 300),
  /** When, how often, how long and where the pair meets. */
  meetingTerms: text(1, 2000),
  communicationStatement: text(1, 2000),
  confidentialityStatement: text(1, 2000),
  clauses: z.array(z.object({ title: text(1, 120), text: text(1, 2000) })).check(z.maxLength(20)),
});
export type AgreementContent = z.infer<typeof AgreementContent>;

export const Signature = z.object({
  personId: Id,
  signedAt: Timestamp,
  contentHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type Signature = z.infer<typeof Signature>;

export const Agreement = z.object({
  ...recordFields,
  matchId: Id,
  programId: Id,
  /** 1 for the first agreement of a match, +1 per amendment. */
  number: z.int().check(z.gte(1)),
  status: AgreementStatus,
  content: AgreementContent,
  /**
   * The language its text is written in: the program's when it was drafted, kept by amendments.
   * Agreements drafted before programs had a language are English.
   */
  language: z._default(ContentLanguage, 'en'),
  /** SHA-256 of the canonical content; set when the version is sent for signature. */
  contentHash: z.nullable(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  signerIds: z.array(Id).check(z.minLength(2)),
  signatures: z.array(Signature),
});
export type Agreement = z.infer<typeof Agreement>;
