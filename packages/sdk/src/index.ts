/**
 * @upward/sdk — the headless reverse-mentoring toolkit. A hand-picked public surface: the
 * client interface and its factory, the domain schemas and types, the Store contract and the
 * errors. Store adapters have their own entry points (`@upward/sdk/storage/memory`, …).
 */
export { createUpward, type Upward, type CreateUpwardOptions, type ChangeEvent, type EntityName } from './upward.ts';
export * from './domain/index.ts';
export * from './errors.ts';
export { permissions, type Permission, type Relation, Actor } from './services/authorization.ts';
export type { ProgramsApi } from './services/programs.ts';
export type { PeopleApi, ImportReport, ImportRowError } from './services/people.ts';
export type { EnrolmentsApi } from './services/enrolments.ts';
export type { MatchesApi } from './services/matches.ts';
export type { MatchingApi, MatchingProposal, ProposedPair, MentorSuggestion, SuggestOptions } from './services/matching.ts';
export type {
  PairExplanation,
  RuleViolation,
  RuleId,
  RuleDetails,
  BrokenRule,
  Reason,
  ReasonDetails,
  FactorName,
  UnmatchedReason,
  UnmatchedDetails,
} from './matching/types.ts';
export type { MatchingSolver } from './matching/worker-protocol.ts';
export type { AgreementsApi } from './services/agreements.ts';
export type { SessionsApi, SessionView, SessionSchedule } from './services/sessions.ts';
export type { ActionItemsApi } from './services/action-items.ts';
export type { Home, HomeMatch } from './services/home.ts';
export type { Store, StoreTransaction, StoreChange, StoreCapabilities, TransactionMode, QueryOptions } from './storage/store.ts';
export { collections, type CollectionName, type StoredRecord } from './storage/collections.ts';
export { sequentialIds, type Clock, type IdGenerator } from './internal/ids.ts';
export { playbooks, programFromPlaybook, type ReadyPlaybook, type ReadyPlaybooks } from './playbooks.ts';
