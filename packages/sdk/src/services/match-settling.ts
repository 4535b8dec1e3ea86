/**
 * What follows when a match stops (ended, completed): the sessions it still had planned will not
 * take place, so they are cancelled; otherwise a participant's home would keep showing a "next
 * session" of a relationship that is over, and it could still be logged as held.
 */
import type { Match } from '../domain/index.ts';
import type { Repository } from './repository.ts';

export async function settleMatch(repo: Repository, match: Match, changes: Pick<Match, 'status'> & Partial<Pick<Match, 'endReason' | 'members'>>): Promise<Match> {
  // No reason text: one written here would be in one language for every reader; the session's
  // status and the match's own end say what happened.
  for (const session of await repo.query('sessions', 'matchStatus', [match.id, 'planned'])) {
    await repo.update('sessions', session, { status: 'cancelled', cancelReason: '' });
  }
  return repo.update('matches', match, changes);
}
