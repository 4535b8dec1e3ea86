/**
 * The services that set programs up and move them along (programs, enrolments, making and
 * answering matches, agreements), loaded together as one chunk on first use.
 */
export { agreementsService } from './agreements.ts';
export { enrolmentsService } from './enrolments.ts';
export { matchesService } from './matches.ts';
export { programsService } from './programs.ts';
