/**
 * What the matching explanations share (rule-words.ts, matching-words.ts): the SDK sends each
 * reason, broken rule and left-out mentee with its facts as `details` next to its English sentence.
 * In English that sentence is kept as it is (as `sayIssue` keeps the SDK's messages); in any other
 * locale it is built from the details through msg(). Whatever cannot be said from details keeps
 * the SDK's English rather than saying nothing: a reason stored on a match (text only), a factor or
 * rule this version does not know (a newer server), details of another shape (an older one).
 *
 * Names, skills, goals, departments and time zones are people's own words and are shown as given;
 * language codes become the language's name, counts and durations go through `Intl`.
 */
import { msg, str } from '@lit/localize';
import { formatList, formatNumber, languageName } from './format.ts';
import { currentLocale, sourceLocale } from './localization.ts';

export type Fields = Record<string, unknown>;
export const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
export const isRole = (v: unknown): v is 'mentor' | 'mentee' => v === 'mentor' || v === 'mentee';
export const n = (value: number) => formatNumber(value);
export const languages = (codes: readonly string[]) => formatList(codes.map(languageName));

/**
 * One entry per factor, rule or kind: a shape check (the details come over the wire and may be
 * older or newer than this code) and the sentence. Keyed by the SDK's unions, so a factor the SDK
 * adds fails the type check here until it has words.
 */
export interface Sayer<D> {
  fits(d: Fields): boolean;
  say(d: D): string;
}
export type Sayers<K extends string, Details extends Record<K, unknown>> = { [P in K]: Sayer<Details[P]> };

export function say<K extends string, Details extends Record<K, unknown>>(sayers: Sayers<K, Details>, key: string, details: unknown, english: string): string {
  if (currentLocale() === sourceLocale) return english;
  if (!Object.hasOwn(sayers, key) || !isRecord(details)) return english;
  const sayer = sayers[key as K] as Sayer<unknown>;
  return sayer.fits(details) ? sayer.say(details) : english;
}

/** "Ben is 5 levels below Dana": where the mentor stands against the mentee (gap = mentee − mentor). */
export function position(mentor: string, mentee: string, gap: number): string {
  const levels = n(Math.abs(gap));
  if (gap === 0) return msg(str`${mentor} is on the same level as ${mentee}`, { id: 'matching.level.same' });
  if (gap === 1) return msg(str`${mentor} is one level below ${mentee}`, { id: 'matching.level.below-one' });
  if (gap === -1) return msg(str`${mentor} is one level above ${mentee}`, { id: 'matching.level.above-one' });
  return gap > 0
    ? msg(str`${mentor} is ${levels} levels below ${mentee}`, { id: 'matching.level.below' })
    : msg(str`${mentor} is ${levels} levels above ${mentee}`, { id: 'matching.level.above' });
}

export const pair = (d: Fields) => isText(d.mentee) && isText(d.mentor);
