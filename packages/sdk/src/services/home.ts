/**
 * A participant's home in one read: their matches with partners, the next planned session,
 * the agreement's state, and the action items they still owe.
 */
import * as z from 'zod/mini';
import type { ActionItem, Agreement, Match, Person } from '../domain/index.ts';
import { relationsOf } from './authorization.ts';
import { query, type ServiceContext } from './context.ts';
import { viewSession, type SessionView } from './sessions.ts';

export interface HomeMatch {
  match: Match;
  program: { id: string; name: string };
  partners: { personId: string; name: string; title: string; role: 'mentor' | 'mentee' }[];
  nextSession: SessionView | null;
  /** The newest agreement version, and whether it waits for the actor's signature. */
  agreement: { id: string; number: number; status: Agreement['status']; awaitingMySignature: boolean } | null;
}

export interface Home {
  person: Person | null;
  matches: HomeMatch[];
  openActionItems: ActionItem[];
}

export function homeService(ctx: ServiceContext): () => Promise<Home> {
  return () =>
    query(ctx, z.undefined(), undefined, async (_, repo, now) => {
      const me = ctx.actor.personId;
      // Reads that do not depend on each other are issued together: a store that can (PostgreSQL,
      // pipelined) answers them in one round trip instead of one each.
      const [person, found, ownedItems] = await Promise.all([
        repo.find('people', me),
        repo.query('matches', 'memberIds', me),
        repo.query('actionItems', 'ownerId', me),
      ]);
      const matches = found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      // One read per program and per person, however many matches share them.
      const programs = new Map<string, ReturnType<typeof repo.get<'programs'>>>();
      const people = new Map<string, ReturnType<typeof repo.find<'people'>>>([[me, Promise.resolve(person)]]);
      const programOf = (id: string) => programs.get(id) ?? programs.set(id, repo.get('programs', id)).get(id)!;
      const personOf = (id: string) => people.get(id) ?? people.set(id, repo.find('people', id)).get(id)!;
      const today = now.slice(0, 10);
      const home = await Promise.all(
        matches.map(async (match): Promise<HomeMatch> => {
          const [program, partners, sessions, agreements] = await Promise.all([
            programOf(match.programId),
            Promise.all(
              match.members
                .filter((m) => m.personId !== me)
                .map(async (member) => {
                  const p = await personOf(member.personId);
                  return { personId: member.personId, name: p?.name ?? member.personId, title: p?.title ?? '', role: member.role };
                }),
            ),
            repo.query('sessions', 'matchStatus', [match.id, 'planned']),
            repo.query('agreements', 'matchId', match.id),
          ]);
          let next: (typeof sessions)[number] | undefined;
          for (const s of sessions) {
            // The earliest planned session from today on; the first of equals, as a stable sort would give.
            if (s.scheduledAt >= today && (!next || s.scheduledAt < next.scheduledAt)) next = s;
          }
          let latest: (typeof agreements)[number] | undefined;
          for (const a of agreements) if (!latest || a.number > latest.number) latest = a;
          return {
            match,
            program: { id: program.id, name: program.name },
            partners,
            nextSession: next ? viewSession(next, relationsOf(ctx.actor, { memberIds: match.memberIds })) : null,
            agreement: latest
              ? {
                  id: latest.id,
                  number: latest.number,
                  status: latest.status,
                  awaitingMySignature: latest.status === 'awaiting-signatures' && !latest.signatures.some((s) => s.personId === me),
                }
              : null,
          };
        }),
      );
      const openActionItems = ownedItems.filter((a) => !a.done).sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
      return { person: person ?? null, matches: home, openActionItems };
    });
}
