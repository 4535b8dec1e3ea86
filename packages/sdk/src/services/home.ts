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
      const person = (await repo.find('people', me)) ?? null;
      const matches = (await repo.query('matches', 'memberIds', me)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const home: HomeMatch[] = [];
      for (const match of matches) {
        const program = await repo.get('programs', match.programId);
        const partners: HomeMatch['partners'] = [];
        for (const member of match.members.filter((m) => m.personId !== me)) {
          const p = await repo.find('people', member.personId);
          partners.push({ personId: member.personId, name: p?.name ?? member.personId, title: p?.title ?? '', role: member.role });
        }
        const upcoming = (await repo.query('sessions', 'matchId', match.id))
          .filter((s) => s.status === 'planned' && s.scheduledAt >= now.slice(0, 10))
          .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
        const latest = (await repo.query('agreements', 'matchId', match.id)).sort((a, b) => b.number - a.number)[0];
        home.push({
          match,
          program: { id: program.id, name: program.name },
          partners,
          nextSession: upcoming[0] ? viewSession(upcoming[0], relationsOf(ctx.actor, { memberIds: match.memberIds })) : null,
          agreement: latest
            ? {
                id: latest.id,
                number: latest.number,
                status: latest.status,
                awaitingMySignature: latest.status === 'awaiting-signatures' && !latest.signatures.some((s) => s.personId === me),
              }
            : null,
        });
      }
      const openActionItems = (await repo.query('actionItems', 'ownerId', me))
        .filter((a) => !a.done)
        .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
      return { person, matches: home, openActionItems };
    });
}
