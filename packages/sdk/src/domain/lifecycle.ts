/**
 * Every lifecycle as an explicit transition table: the single source of truth for which state
 * may follow which. Services call `assertTransition`; nothing else moves a status.
 */
import { InvalidTransitionError } from '../errors.ts';
import type { AgreementStatus } from './agreement.ts';
import type { EnrolmentStatus } from './enrolment.ts';
import type { MatchStatus } from './match.ts';
import type { ProgramPhase } from './program.ts';
import type { SessionStatus } from './session.ts';

type Table<S extends string> = { readonly [From in S]: readonly S[] };

export const programTransitions: Table<ProgramPhase> = {
  draft: ['enrolling', 'closed'],
  enrolling: ['matching', 'closed'],
  // Back to enrolling lets an admin reopen sign-ups when too few people applied.
  matching: ['running', 'enrolling', 'closed'],
  running: ['closed'],
  closed: [],
};

export const enrolmentTransitions: Table<EnrolmentStatus> = {
  applied: ['approved', 'waitlisted', 'declined', 'withdrawn'],
  waitlisted: ['approved', 'declined', 'withdrawn'],
  approved: ['withdrawn'],
  declined: [],
  // Someone who withdrew may apply again.
  withdrawn: ['applied'],
};

export const matchTransitions: Table<MatchStatus> = {
  proposed: ['accepted', 'ended'],
  accepted: ['trial', 'ended'],
  trial: ['active', 'ended'],
  active: ['completed', 'ended'],
  completed: [],
  ended: [],
};

export const agreementTransitions: Table<AgreementStatus> = {
  draft: ['awaiting-signatures'],
  // Taking a version back to draft clears its signatures; a signed version never changes.
  'awaiting-signatures': ['in-force', 'draft'],
  'in-force': ['superseded'],
  superseded: [],
};

export const sessionTransitions: Table<SessionStatus> = {
  planned: ['held', 'cancelled', 'missed'],
  held: [],
  cancelled: [],
  missed: ['held'],
};

export const lifecycles = {
  program: programTransitions,
  enrolment: enrolmentTransitions,
  match: matchTransitions,
  agreement: agreementTransitions,
  session: sessionTransitions,
} as const;

export type LifecycleEntity = keyof typeof lifecycles;

export function canTransition<E extends LifecycleEntity>(entity: E, from: string, to: string): boolean {
  const table = lifecycles[entity] as Table<string>;
  return table[from]?.includes(to) ?? false;
}

export function assertTransition(entity: LifecycleEntity, id: string, from: string, to: string): void {
  if (!canTransition(entity, from, to)) throw new InvalidTransitionError(entity, id, from, to);
}

/**
 * For an action a record allows in one state only (editing a draft, deciding during the trial):
 * refuses it in any other state, even one from which `to` could be reached some other way.
 * `to` names where the action leads, for the error's message.
 */
export function assertStatus(entity: LifecycleEntity, id: string, status: string, required: string, to: string): void {
  if (status !== required) throw new InvalidTransitionError(entity, id, status, to);
}

/** Matches that still tie up a member's place in a program. */
export const OPEN_MATCH_STATUSES: readonly MatchStatus[] = ['proposed', 'accepted', 'trial', 'active'];
