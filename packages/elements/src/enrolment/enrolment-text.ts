/**
 * The words of `<upward-enrolment>` that depend on data: role, status and proficiency names, and
 * the "what happens next" sentences for each status in each program phase and matching mode.
 * Functions, so `msg` runs at render time and follows a locale switch.
 */
import { msg, str } from '@lit/localize';
import type { Enrolment, Program } from '@upward/sdk';
import { formatDate } from '../internal/format.ts';

export const roleLabel = (role: string): string =>
  role === 'mentor' ? msg('Mentor', { id: 'enrolment.role.mentor' }) : role === 'mentee' ? msg('Mentee', { id: 'enrolment.role.mentee' }) : role;

export const statusLabel = (status: Enrolment['status']): string =>
  ({
    applied: msg('Applied', { id: 'enrolment.status.applied' }),
    approved: msg('Approved', { id: 'enrolment.status.approved' }),
    waitlisted: msg('On the waiting list', { id: 'enrolment.status.waitlisted' }),
    declined: msg('Not accepted', { id: 'enrolment.status.declined' }),
    withdrawn: msg('Withdrawn', { id: 'enrolment.status.withdrawn' }),
  })[status];

export const proficiencyLabel = (level: number): string =>
  [
    msg('Curious beginner', { id: 'enrolment.level.1' }),
    msg('Some experience', { id: 'enrolment.level.2' }),
    msg('Comfortable', { id: 'enrolment.level.3' }),
    msg('Strong', { id: 'enrolment.level.4' }),
    msg('Could teach it tomorrow', { id: 'enrolment.level.5' }),
  ][level - 1] ?? String(level);

/** Where the person stands and what comes next, in one or two sentences. */
export function nextSteps(program: Program, e: Enrolment): string[] {
  if (program.phase === 'closed') return [msg('This program has closed. Thank you for taking part.', { id: 'enrolment.next.closed' })];
  switch (e.status) {
    case 'applied':
      return [msg('Your application is in. The program team reviews it and you will hear whether you have a place.', { id: 'enrolment.next.applied' }), phaseStep(program, e)];
    case 'waitlisted':
      return [msg('You are on the waiting list. If a place opens up, the program team approves you and you will be told.', { id: 'enrolment.next.waitlisted' })];
    case 'declined':
      return [msg('Your application was not accepted this time.', { id: 'enrolment.next.declined' })];
    case 'withdrawn':
      return [msg('You have withdrawn. You can enrol again while the program takes enrolments.', { id: 'enrolment.next.withdrawn' })];
    case 'approved':
      return [msg('You have a place in the program.', { id: 'enrolment.next.approved' }), phaseStep(program, e)];
  }
}

function phaseStep(program: Program, e: Enrolment): string {
  const kickoff = formatDate(program.kickoffDate);
  switch (program.phase) {
    case 'draft':
    case 'enrolling':
      return msg(str`Pairs are made once enrolment closes; the program starts on ${kickoff}.`, { id: 'enrolment.next.enrolling' });
    case 'matching':
      if (program.matching.mode === 'admin') return msg('Pairs are being made now. You will be told when you have a match.', { id: 'enrolment.next.matching-admin' });
      return e.role === 'mentee'
        ? msg('Matching has started: look through the suggested mentors and send a request to the one you would like.', { id: 'enrolment.next.matching-self-mentee' })
        : msg('Matching has started: mentees send you requests, and you accept the ones that suit you.', { id: 'enrolment.next.matching-self-mentor' });
    default:
      return msg('The program is running. Your match, agreement and sessions appear on your mentoring page.', { id: 'enrolment.next.running' });
  }
}
