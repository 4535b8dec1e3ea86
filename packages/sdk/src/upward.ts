/**
 * The `Upward` client interface and its in-process implementation. `createUpward` runs the
 * services over any `Store`; the remote client implements the same interface over HTTP, so
 * widgets never know which one they hold.
 */
import { parseInput } from './domain/fields.ts';
import { randomId, systemClock, type Clock, type IdGenerator } from './internal/ids.ts';
import type { CollectionName } from './storage/collections.ts';
import type { Store } from './storage/store.ts';
import { actionItemsService, type ActionItemsApi } from './services/action-items.ts';
import { agreementsService, type AgreementsApi } from './services/agreements.ts';
import { Actor } from './services/authorization.ts';
import type { ServiceContext } from './services/context.ts';
import { enrolmentsService, type EnrolmentsApi } from './services/enrolments.ts';
import { homeService, type Home } from './services/home.ts';
import { matchesService, type MatchesApi } from './services/matches.ts';
import type { MatchingApi } from './services/matching.ts';
import { peopleService, type PeopleApi } from './services/people.ts';
import { programsService, type ProgramsApi } from './services/programs.ts';
import { sessionsService, type SessionsApi } from './services/sessions.ts';
import { entityNames } from './services/repository.ts';

export type EntityName = (typeof entityNames)[CollectionName];

export interface ChangeEvent {
  entity: EntityName;
  id: string;
  kind: 'put' | 'delete';
}

export interface Upward {
  readonly actor: Actor;
  readonly programs: ProgramsApi;
  readonly people: PeopleApi;
  readonly enrolments: EnrolmentsApi;
  readonly matches: MatchesApi;
  readonly matching: MatchingApi;
  readonly agreements: AgreementsApi;
  readonly sessions: SessionsApi;
  readonly actionItems: ActionItemsApi;
  /** The acting participant's home: matches, next sessions, agreements to sign, open actions. */
  home(): Promise<Home>;
  /**
   * Calls `listener` after every committed change, here or (on IndexedDB) in another tab.
   * Events carry only what changed, never the data: read it again through the API, which
   * applies the reader's permissions. Returns the unsubscribe function.
   */
  subscribe(listener: (changes: readonly ChangeEvent[]) => void): () => void;
}

export interface CreateUpwardOptions {
  store: Store;
  /** Who is acting: the host knows (its own sign-in); a server decides it from the request. */
  actor: { personId: string; isAdmin?: boolean };
  clock?: Clock;
  ids?: IdGenerator;
}

export function createUpward(options: CreateUpwardOptions): Upward {
  const ctx: ServiceContext = {
    store: options.store,
    actor: parseInput(Actor, options.actor, 'actor'),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomId,
  };
  return {
    actor: ctx.actor,
    programs: programsService(ctx),
    people: peopleService(ctx),
    enrolments: enrolmentsService(ctx),
    matches: matchesService(ctx),
    matching: lazyMatching(ctx),
    agreements: agreementsService(ctx),
    sessions: sessionsService(ctx),
    actionItems: actionItemsService(ctx),
    home: homeService(ctx),
    subscribe: (listener) =>
      ctx.store.subscribe((changes) =>
        listener(changes.map((c) => ({ entity: entityNames[c.collection], id: c.id, kind: c.kind }))),
      ),
  };
}

/**
 * The matching service and its engine load on first use (a separate chunk in a bundle): most
 * pages never match, and the engine is about a third of the SDK's size.
 */
function lazyMatching(ctx: ServiceContext): MatchingApi {
  let loaded: Promise<MatchingApi> | undefined;
  const service = () => (loaded ??= import('./services/matching.ts').then((m) => m.matchingService(ctx)));
  return {
    suggest: async (input, options) => (await service()).suggest(input, options),
    explain: async (input) => (await service()).explain(input),
    suggestions: async (input) => (await service()).suggestions(input),
    publish: async (input) => (await service()).publish(input),
    requestRanked: async (input) => (await service()).requestRanked(input),
    expireRequests: async (input) => (await service()).expireRequests(input),
  };
}
