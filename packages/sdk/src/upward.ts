/**
 * The `Upward` client interface and its in-process implementation. `createUpward` runs the
 * services over any `Store`; the remote client implements the same interface over HTTP, so
 * widgets never know which one they hold.
 */
import { parseInput } from './domain/fields.ts';
import { randomId, systemClock, type Clock, type IdGenerator } from './internal/ids.ts';
import { lazyService, once } from './internal/lazy.ts';
import { recordKey, type CollectionName } from './storage/collections.ts';
import type { Store, StoreChange } from './storage/store.ts';
import type { MatchingSolver } from './matching/worker-protocol.ts';
import type { ActionItemsApi } from './services/action-items.ts';
import type { AgreementsApi } from './services/agreements.ts';
import { Actor } from './services/authorization.ts';
import type { ServiceContext } from './services/context.ts';
import type { EnrolmentsApi } from './services/enrolments.ts';
import { entityNames } from './services/entity-names.ts';
import type { Home } from './services/home.ts';
import type { MatchQueries } from './services/match-queries.ts';
import type { MatchesApi } from './services/matches.ts';
import type { MatchingApi } from './services/matching.ts';
import type { PeopleApi } from './services/people.ts';
import type { ProgramsApi } from './services/programs.ts';
import type { SessionsApi } from './services/sessions.ts';

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
   * Calls `listener` after every committed change, here or (on IndexedDB) in another tab: at once
   * for what this client's own commands changed, and for everyone else's changes once it is
   * clear the actor may read the record (nobody hears of another person's private note, nor a
   * participant of someone else's match). Events carry only what changed, never the data: read
   * it again through the API. Returns the unsubscribe function.
   */
  subscribe(listener: (changes: readonly ChangeEvent[]) => void): () => void;
}

export interface CreateUpwardOptions {
  store: Store;
  /** Who is acting: the host knows (its own sign-in); a server decides it from the request. */
  actor: { personId: string; isAdmin?: boolean };
  clock?: Clock;
  ids?: IdGenerator;
  /**
   * Where the matching engine solves (`matching.suggest`). Default: a Web Worker where the
   * platform has one, else this thread. A server passes one that uses its own threads
   * (`@upward/server` does), so solving a big program does not stall every other request.
   */
  solver?: MatchingSolver;
}

// Services load on first use, in three groups (three chunks in a bundle): a participant's
// everyday services, administration, and the matching engine. A page that only logs sessions
// never downloads the code that sets up programs or pairs people. Three groups rather than one
// chunk per service: measured, per-file overhead made a page using every service 5.7 KB
// heavier than loading them all at once; grouped, 3.6 KB (packages/elements/bench/size.mjs).
// The loaders live at module scope: a server creates an `Upward` per request, and asking the
// module loader again each time cost 0.4 ms of CPU per request under tsx.
const participant = once(() => import('./services/participant.ts'));
const administration = once(() => import('./services/administration.ts'));
const matching = once(() => import('./services/matching.ts'));

export function createUpward(options: CreateUpwardOptions): Upward {
  const ctx: ServiceContext = {
    store: options.store,
    actor: parseInput(Actor, options.actor, 'actor'),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomId,
    committing: new Map(),
    solver: options.solver,
  };
  const home = once(() => participant().then((m) => m.homeService(ctx)));
  return {
    actor: ctx.actor,
    programs: lazyService(() => administration().then((m) => m.programsService(ctx)), {
      create: true, update: true, get: true, list: true, openEnrolment: true, startMatching: true,
      reopenEnrolment: true, launch: true, close: true,
    }),
    people: lazyService(() => participant().then((m) => m.peopleService(ctx)), {
      upsert: true, get: true, list: true, me: true, import: true,
    }),
    enrolments: lazyService(() => administration().then((m) => m.enrolmentsService(ctx)), {
      enrol: true, update: true, approve: true, waitlist: true, decline: true, withdraw: true, get: true,
      list: true, mine: true,
    }),
    matches: {
      // Reading matches needs far less code than making them (pairing rules, first agreement).
      ...lazyService(() => participant().then((m) => m.matchQueries(ctx)), { get: true, list: true }),
      ...lazyService<Omit<MatchesApi, keyof MatchQueries>>(() => administration().then((m) => m.matchesService(ctx)), {
        propose: true, proposeMany: true, request: true, respond: true, decideTrial: true, end: true,
        complete: true, rematch: true,
      }),
    },
    // The matching engine is about a third of the SDK: most pages never match.
    matching: lazyService(() => matching().then((m) => m.matchingService(ctx)), {
      suggest: true, explain: true, suggestions: true, publish: true, requestRanked: true, expireRequests: true,
    }),
    agreements: lazyService(() => administration().then((m) => m.agreementsService(ctx)), {
      get: true, list: true, update: true, send: true, returnToDraft: true, sign: true, amend: true,
    }),
    sessions: lazyService(() => participant().then((m) => m.sessionsService(ctx)), {
      plan: true, log: true, updateNotes: true, reflect: true, cancel: true, markMissed: true, get: true,
      list: true, readPrivateNote: true, writePrivateNote: true,
    }),
    actionItems: lazyService(() => participant().then((m) => m.actionItemsService(ctx)), {
      add: true, update: true, setDone: true, list: true,
    }),
    home: async () => (await home())(),
    subscribe: (listener) => {
      // The changes this client's own commands made are announced at once: the actor made them.
      // Everyone else's reach the actor only for records they may read (change-audience.ts), once
      // that is worked out, in commit order.
      let active = true;
      let queued = Promise.resolve();
      const announce = (changes: readonly StoreChange[]) => {
        if (!active || changes.length === 0) return;
        try {
          listener(changes.map((c) => ({ entity: entityNames[c.collection], id: c.id, kind: c.kind })));
        } catch (error) {
          console.error('[upward] A subscribe listener threw:', error);
        }
      };
      const stop = ctx.store.subscribe((changes) => {
        if (changes.every((c) => ctx.committing.has(recordKey(c.collection, c.id)))) return announce(changes);
        const audiences = participant().then((m) => m.audiencesOf(ctx.store, changes).then((list) => ({ list, mayHear: m.mayHear })));
        queued = queued.then(() =>
          audiences.then(
            ({ list, mayHear }) => announce(changes.filter((_, i) => mayHear(ctx.actor, list[i] ?? null))),
            (error: unknown) => console.error('[upward] Could not work out who may hear of a change, so it is not announced:', error),
          ),
        );
      });
      return () => {
        active = false;
        stop();
      };
    },
  };
}
