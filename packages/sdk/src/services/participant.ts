/**
 * The services a participant's everyday pages call (their home, a match's sessions and action
 * items, the people in it), loaded together as one chunk: one request instead of five, and no
 * per-file overhead for code that is almost always needed together.
 */
export { actionItemsService } from './action-items.ts';
export { homeService } from './home.ts';
export { matchQueries } from './match-queries.ts';
export { peopleService } from './people.ts';
export { sessionsService } from './sessions.ts';
export { audiencesOf, mayHear } from './change-audience.ts';
