/**
 * Visible names for the program's enumerations (purposes, phases, modes, …). Functions, not
 * constants, because `msg` must run at render time to follow a locale switch.
 */
import { msg } from '@lit/localize';
import type { ProgramPhase, Purpose } from '@upward/sdk';

export const purposeLabel = (p: Purpose | string): string =>
  ({
    'generational-divide': msg('Closing the generational divide', { id: 'program-setup.purpose.generational-divide' }),
    'empower-younger-employees': msg('Empowering younger employees', { id: 'program-setup.purpose.empower-younger-employees' }),
    'growth-mindset': msg('Growth mindset', { id: 'program-setup.purpose.growth-mindset' }),
    'digital-strategy': msg('Digital strategy', { id: 'program-setup.purpose.digital-strategy' }),
    'social-media-and-analytics': msg('Social media and analytics', { id: 'program-setup.purpose.social-media-and-analytics' }),
    inclusion: msg('Inclusion', { id: 'program-setup.purpose.inclusion' }),
    custom: msg('Something else (describe it)', { id: 'program-setup.purpose.custom' }),
  })[p] ?? p;

export const phaseLabel = (p: ProgramPhase | string): string =>
  ({
    draft: msg('Draft', { id: 'program-setup.phase.draft' }),
    enrolling: msg('Enrolment open', { id: 'program-setup.phase.enrolling' }),
    matching: msg('Matching', { id: 'program-setup.phase.matching' }),
    running: msg('Running', { id: 'program-setup.phase.running' }),
    closed: msg('Closed', { id: 'program-setup.phase.closed' }),
  })[p] ?? p;

export const weightLabel = (f: string): string =>
  ({
    skills: msg('Skills that fit', { id: 'program-setup.weight.skills' }),
    topics: msg('Shared topics', { id: 'program-setup.weight.topics' }),
    availability: msg('Overlapping availability', { id: 'program-setup.weight.availability' }),
    timeZone: msg('Close time zones', { id: 'program-setup.weight.timeZone' }),
    language: msg('Shared language', { id: 'program-setup.weight.language' }),
    crossDepartment: msg('Different departments', { id: 'program-setup.weight.crossDepartment' }),
    levelGap: msg('Level gap near the middle of the band', { id: 'program-setup.weight.levelGap' }),
    preference: msg('Ranked preferences', { id: 'program-setup.weight.preference' }),
  })[f] ?? f;
