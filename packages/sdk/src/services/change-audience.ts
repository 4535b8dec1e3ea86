/**
 * Who may hear that a record changed: whoever may read it, by the same permission table the
 * services enforce (enrolments: whoever sees their program, as below). A change event
 * carries no data, yet "a private note was just written on your session" is already more than
 * anyone but its author should learn; and on a company-wide server an unfiltered feed would make
 * every open page re-read on every change anyone makes.
 *
 * The audience is worked out once per change, however many subscribers hear about it: every
 * subscriber of a store receives the same changes at the same moment, so the first to ask starts
 * the (one, read-only) lookup and the others share its answer.
 */
import { StorageError } from '../errors.ts';
import { recordKey, type CollectionName } from '../storage/collections.ts';
import type { Store, StoreChange } from '../storage/store.ts';
import { can, relationsOf, seesProgram, type Actor, type Permission, type Relation } from './authorization.ts';
import { Repository } from './repository.ts';

/** The relations someone must have to a record to hear of it, or who in particular may. */
export type Audience =
  | {
      permission: Permission;
      context: { program?: { phase: string; championIds: readonly string[] }; memberIds?: readonly string[]; ownerId?: string };
    }
  | { authorId: string }
  /** Gone, or unreadable: nobody hears of it. */
  | null;

export function mayHear(actor: Actor, audience: Audience): boolean {
  if (audience === null) return false;
  if ('authorId' in audience) return audience.authorId === actor.personId;
  const relations: Set<Relation> = relationsOf(actor, audience.context);
  if (!can(audience.permission, relations)) return false;
  // Reading a program also means seeing it: a draft exists for its admins and champions only.
  const { program } = audience.context;
  return audience.permission !== 'programs.read' || !program || seesProgram(program, relations);
}

const inFlight = new WeakMap<Store, Map<string, Promise<Audience[]>>>();

/** The audience of each change, in order; shared by every caller asking about the same changes. */
export function audiencesOf(store: Store, changes: readonly StoreChange[]): Promise<Audience[]> {
  // Ids hold no control characters, so NUL and U+0001 cannot occur inside a part.
  const key = changes.map((c) => `${recordKey(c.collection, c.id)}\u0000${c.kind}`).join('\u0001');
  let pending = inFlight.get(store);
  if (!pending) inFlight.set(store, (pending = new Map()));
  const shared = pending.get(key);
  if (shared) return shared;
  const lookup = resolve(store, changes).finally(() => pending.delete(key));
  pending.set(key, lookup);
  return lookup;
}

async function resolve(store: Store, changes: readonly StoreChange[]): Promise<Audience[]> {
  const collections = new Set<CollectionName>(['programs', 'matches', ...changes.map((c) => c.collection)]);
  return store.transaction([...collections], 'readonly', async (tx) => {
    const repo = new Repository(tx, store.kind, new Date().toISOString());
    // A record that does not parse (say, written by a newer release) is heard of by nobody.
    const quietly = <T>(read: Promise<T>) => read.catch((error: unknown) => (error instanceof StorageError && error.reason === 'corrupt' ? undefined : Promise.reject(error)));
    const programs = new Map<string, Promise<Awaited<ReturnType<typeof repo.find<'programs'>>>>>();
    const programOf = (id: string) => programs.get(id) ?? programs.set(id, quietly(repo.find('programs', id))).get(id)!;
    return Promise.all(
      changes.map(async ({ collection, id, kind }): Promise<Audience> => {
        if (kind === 'delete') return null;
        switch (collection) {
          case 'people':
            return (await quietly(repo.find('people', id))) ? { permission: 'people.read', context: {} } : null;
          case 'programs': {
            const program = await programOf(id);
            return program ? { permission: 'programs.read', context: { program } } : null;
          }
          // Enrolments are announced to whoever sees their program: every mentee's suggested
          // mentors change with them. The event names only an id.
          case 'enrolments': {
            const enrolment = await quietly(repo.find('enrolments', id));
            const program = enrolment && (await programOf(enrolment.programId));
            return program ? { permission: 'programs.read', context: { program } } : null;
          }
          case 'matches': {
            const match = await quietly(repo.find('matches', id));
            // A match only to those who may read it (its members, the program's champions,
            // admins): that two colleagues were paired, or that one said no, is theirs alone.
            const program = match && (await programOf(match.programId));
            return match && program ? { permission: 'matches.read', context: { program, memberIds: match.memberIds } } : null;
          }
          case 'agreements': {
            const agreement = await quietly(repo.find('agreements', id));
            const [match, program] = agreement ? await Promise.all([quietly(repo.find('matches', agreement.matchId)), programOf(agreement.programId)]) : [];
            return match && program ? { permission: 'agreements.read', context: { program, memberIds: match.memberIds } } : null;
          }
          case 'sessions': {
            const session = await quietly(repo.find('sessions', id));
            const program = session && (await programOf(session.programId));
            return session && program ? { permission: 'sessions.read-schedule', context: { program, memberIds: session.memberIds } } : null;
          }
          case 'actionItems': {
            const item = await quietly(repo.find('actionItems', id));
            const match = item && (await quietly(repo.find('matches', item.matchId)));
            return match ? { permission: 'action-items.read', context: { memberIds: match.memberIds } } : null;
          }
          case 'privateNotes': {
            const note = await quietly(repo.find('privateNotes', id));
            return note ? { authorId: note.authorId } : null;
          }
        }
      }),
    );
  });
}
