/**
 * zod schemas for what the `Upward` methods return that is not a stored entity (the home, an
 * import report, the matching engine's proposal, a pair's explanation, a session as its reader
 * may see it). The REST contract parses responses with them and generates OpenAPI from them.
 *
 * The services keep their TypeScript interfaces (changing what existing code sees was out of
 * scope); the `Same<…>` checks at the bottom make the compiler fail the moment a schema and its
 * interface drift apart, so there is still one truth, checked twice.
 */
import * as z from 'zod/mini';
import {
  ActionItem,
  AgreementStatus,
  Id,
  Match,
  Person,
  Role,
  Session,
} from '../domain/index.ts';
import { Reason, RuleViolation, WireFieldIssue, unmatchedUnion } from './explanations.ts';
import type { Home as HomeType, HomeMatch as HomeMatchType } from '../services/home.ts';
import type {
  MatchingProposal as MatchingProposalType,
  MentorSuggestion as MentorSuggestionType,
  ProposedPair as ProposedPairType,
} from '../services/matching.ts';
import type { ImportReport as ImportReportType } from '../services/people.ts';
import type { SessionView as SessionViewType } from '../services/sessions.ts';
import type { PairExplanation as PairExplanationType } from '../matching/types.ts';

export const ImportReport = z.object({
  created: z.int().check(z.gte(0)),
  updated: z.int().check(z.gte(0)),
  errors: z.array(z.object({ row: z.int(), issues: z.array(WireFieldIssue) })),
  ignoredColumns: z.array(z.string()),
});

export const ProposedPair = z.object({
  menteeId: Id,
  mentorId: Id,
  score: z.number(),
  reasons: z.array(Reason),
  locked: z.boolean(),
  warnings: z.array(RuleViolation),
});

export const MatchingProposal = z.object({
  strategy: z.enum(['optimal', 'stable']),
  objective: z.enum(['maxweight', 'maxcard']),
  total: z.number(),
  pairs: z.array(ProposedPair),
  unmatched: z.array(unmatchedUnion({ menteeId: Id })),
  groups: z.nullable(z.array(z.object({ mentorIds: z.array(Id), menteeIds: z.array(Id) }))),
});

export const MentorSuggestion = z.object({
  mentor: z.object({ personId: Id, name: z.string(), title: z.string(), department: z.string() }),
  score: z.number(),
  reasons: z.array(Reason),
});

export const PairExplanation = z.discriminatedUnion('allowed', [
  z.object({
    allowed: z.literal(true),
    score: z.number(),
    reasons: z.array(Reason),
  }),
  z.object({ allowed: z.literal(false), violations: z.array(RuleViolation) }),
]);

/**
 * A session as its reader may see it: members the whole of it, overseers only when and how
 * (topics and a cancel reason are what was said, so they stay out too).
 */
export const SessionView = z.discriminatedUnion('visibility', [
  z.extend(Session, { visibility: z.literal('full') }),
  z.extend(z.omit(Session, { sharedNotes: true, reflections: true, agenda: true, topics: true, cancelReason: true }), {
    visibility: z.literal('schedule'),
  }),
]);

export const HomeMatch = z.object({
  match: Match,
  program: z.object({ id: Id, name: z.string() }),
  partners: z.array(z.object({ personId: Id, name: z.string(), title: z.string(), role: Role })),
  nextSession: z.nullable(SessionView),
  agreement: z.nullable(
    z.object({ id: Id, number: z.int(), status: AgreementStatus, awaitingMySignature: z.boolean() }),
  ),
});

export const Home = z.object({
  person: z.nullable(Person),
  matches: z.array(HomeMatch),
  openActionItems: z.array(ActionItem),
});

export const ExpiredRequests = z.object({ expired: z.int().check(z.gte(0)), requested: z.int().check(z.gte(0)) });

// --- drift checks: each schema must describe exactly its service's interface --------------------
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type OutputSchemasMatchInterfaces = [
  Assert<Same<z.output<typeof ImportReport>, ImportReportType>>,
  Assert<Same<z.output<typeof ProposedPair>, ProposedPairType>>,
  Assert<Same<z.output<typeof MatchingProposal>, MatchingProposalType>>,
  Assert<Same<z.output<typeof MentorSuggestion>, MentorSuggestionType>>,
  Assert<Same<z.output<typeof PairExplanation>, PairExplanationType>>,
  Assert<Same<z.output<typeof SessionView>, SessionViewType>>,
  Assert<Same<z.output<typeof HomeMatch>, HomeMatchType>>,
  Assert<Same<z.output<typeof Home>, HomeType>>,
];
