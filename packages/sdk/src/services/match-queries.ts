/**
 * The read side of the matches service (`get`, `list`). A module of its own so a page that only
 * shows matches (a session log, an agreement) does not load the code that creates and pairs them.
 */
import * as z from 'zod/mini';
import { Id, MatchStatus, type Match } from '../domain/index.ts';
import { authorize, relationsOf } from './authorization.ts';
import { query, type ServiceContext } from './context.ts';
import type { Repository } from './repository.ts';

export const MatchList = z._default(z.object({ programId: z.optional(Id), status: z.optional(MatchStatus) }), {});

export type MatchPermission = 'matches.read' | 'matches.respond' | 'matches.decide-trial' | 'matches.end';

/** Loads a match and its program and checks the actor may act on it. */
export async function loadMatch(ctx: ServiceContext, repo: Repository, matchId: string, permission: MatchPermission) {
  const match = await repo.get('matches', matchId);
  const program = await repo.get('programs', match.programId);
  authorize(permission, relationsOf(ctx.actor, { program, memberIds: match.memberIds }));
  return { match, program };
}

export interface MatchQueries {
  get(id: string): Promise<Match>;
  list(filter?: z.input<typeof MatchList>): Promise<Match[]>;
}

/**
 * A match as `relations` may see it: a champion follows progress in numbers and dates, so the
 * words of an early end (the note) reach only the pair and the program's admins.
 */
function viewMatch(match: Match, relations: ReturnType<typeof relationsOf>): Match {
  if (match.endReason?.kind !== 'ended-early' || relations.has('member') || relations.has('admin')) return match;
  return { ...match, endReason: { kind: 'ended-early' } };
}

export function matchQueries(ctx: ServiceContext): MatchQueries {
  return {
    get: (id) =>
      query(ctx, Id, id, async (matchId, repo) => {
        const { match, program } = await loadMatch(ctx, repo, matchId, 'matches.read');
        return viewMatch(match, relationsOf(ctx.actor, { program, memberIds: match.memberIds }));
      }),

    list: (filter) =>
      query(ctx, MatchList, filter ?? {}, async ({ programId, status }, repo) => {
        const programs = new Map((await repo.query('programs')).map((p) => [p.id, p]));
        const oversees = ctx.actor.isAdmin || [...programs.values()].some((p) => p.championIds.includes(ctx.actor.personId));
        // A participant's own matches come straight from the member index, not a full scan.
        const candidates = programId
          ? await repo.query('matches', 'programId', programId)
          : oversees
            ? await repo.query('matches')
            : await repo.query('matches', 'memberIds', ctx.actor.personId);
        return candidates.flatMap((m) => {
          if (status && m.status !== status) return [];
          const r = relationsOf(ctx.actor, { program: programs.get(m.programId), memberIds: m.memberIds });
          return r.has('admin') || r.has('champion') || r.has('member') ? [viewMatch(m, r)] : [];
        });
      }),
  };
}
