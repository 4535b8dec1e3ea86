/**
 * The enrolment form's model: what the controls hold (text, as typed), and the conversions to
 * and from the SDK's enrolment fields. Nothing is validated here: the SDK's schema names every
 * bad field, and because rows are never dropped, its paths (`skills.1.skill`) point at the row
 * the person sees.
 */
import type { Enrolment, EnrolInput } from '@upward/sdk';
import { linesOf } from '../internal/form-values.ts';

export interface SkillRow {
  skill: string;
  proficiency: string;
}

export interface SlotRow {
  day: string;
  start: string;
  end: string;
}

export interface EnrolmentForm {
  role: '' | 'mentor' | 'mentee';
  skills: SkillRow[];
  goals: string;
  slots: SlotRow[];
  capacity: string;
  motivation: string;
  consent: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Minutes after midnight as "hh:mm"; the end of the day (1440) shows as "00:00". */
export const toTime = (minutes: number): string => `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;

/** "hh:mm" as minutes after midnight; an end at "00:00" means midnight at the end of the day. */
function toMinutes(time: string, isEnd: boolean): number | undefined {
  const m = /^(\d{2}):(\d{2})/.exec(time);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return isEnd && minutes === 0 ? 1440 : minutes;
}

export function emptyForm(): EnrolmentForm {
  return { role: '', skills: [{ skill: '', proficiency: '3' }], goals: '', slots: [], capacity: '1', motivation: '', consent: false };
}

export function formFrom(e: Enrolment): EnrolmentForm {
  return {
    role: e.role,
    skills: e.skills.map((s) => ({ skill: s.skill, proficiency: String(s.proficiency) })),
    goals: e.goals.join('\n'),
    slots: e.availability.map((s) => ({ day: String(s.day), start: toTime(s.startMinute), end: toTime(s.endMinute) })),
    capacity: String(e.capacity),
    motivation: e.motivation,
    consent: false,
  };
}

/** The fields a participant may set and later change (role and consent are given once). */
export function editableFields(f: EnrolmentForm) {
  return {
    skills: f.skills.map((s) => ({ skill: s.skill, proficiency: Number(s.proficiency) })),
    goals: linesOf(f.goals),
    // The casts name the shape only: an empty time becomes undefined, which the SDK reports as required.
    availability: f.slots.map((s) => ({ day: Number(s.day), startMinute: toMinutes(s.start, false) as number, endMinute: toMinutes(s.end, true) as number })),
    motivation: f.motivation,
    // Capacity only means something for mentors; left empty, the SDK's default (one mentee) applies.
    ...(f.role === 'mentor' ? { capacity: f.capacity.trim() === '' ? undefined : Number(f.capacity) } : {}),
  };
}

export function enrolInput(f: EnrolmentForm, programId: string, personId: string): EnrolInput {
  return { programId, personId, role: f.role as EnrolInput['role'], ...editableFields(f), consent: f.consent as true };
}
