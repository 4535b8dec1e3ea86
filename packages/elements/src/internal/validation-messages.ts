/**
 * The SDK's field issues in the reader's language. Each issue carries a code and the parameters
 * its message needs (`too_small` of a text with `minimum: 3`); these become a sentence through
 * msg(), so German readers get German. An issue without a translation (a rule the SDK words only
 * in English, an issue without a code) keeps the SDK's English message rather than saying nothing.
 * A broken pairing rule (`broken_rule`) carries the rule and what broke it, so it is said the way
 * the pairing board says it (rule-words.ts, handed over with `sayBrokenRulesWith`).
 *
 * Never shown to a person: an enum's option codes (`must be one of: generational-divide, …`); the
 * control of the field shows its options, so the message only asks to choose one.
 */
import { msg, str } from '@lit/localize';
import { formatNumber } from './format.ts';
import { currentLocale, sourceLocale } from './localization.ts';

/** A FieldIssue as it arrives (from the SDK in process, or rebuilt by the remote client). */
export interface IssueLike {
  path: string;
  message: string;
  code?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  format?: unknown;
  expected?: unknown;
  /** broken_rule: the rule and its details (`{ rule, details }`); checked before it is read. */
  violation?: unknown;
}

const count = (n: unknown): number | undefined => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);

function tooSmall(issue: IssueLike): string | undefined {
  const min = count(issue.minimum);
  if (min === undefined) return undefined;
  const n = formatNumber(min);
  switch (issue.origin) {
    case 'string':
      return min <= 1 ? msg('must not be empty', { id: 'common.issue.empty' }) : msg(str`must be at least ${n} characters`, { id: 'common.issue.min-characters' });
    case 'array':
      return min === 1 ? msg('must have at least 1 entry', { id: 'common.issue.min-entry' }) : msg(str`must have at least ${n} entries`, { id: 'common.issue.min-entries' });
    case 'number':
      return issue.inclusive === false ? msg(str`must be more than ${n}`, { id: 'common.issue.more-than' }) : msg(str`must be at least ${n}`, { id: 'common.issue.at-least' });
    default:
      return undefined;
  }
}

function tooBig(issue: IssueLike): string | undefined {
  const max = count(issue.maximum);
  if (max === undefined) return undefined;
  const n = formatNumber(max);
  switch (issue.origin) {
    case 'string':
      return msg(str`must be at most ${n} characters`, { id: 'common.issue.max-characters' });
    case 'array':
      return max === 1 ? msg('must have at most 1 entry', { id: 'common.issue.max-entry' }) : msg(str`must have at most ${n} entries`, { id: 'common.issue.max-entries' });
    case 'number':
      return issue.inclusive === false ? msg(str`must be less than ${n}`, { id: 'common.issue.less-than' }) : msg(str`must be at most ${n}`, { id: 'common.issue.at-most' });
    default:
      return undefined;
  }
}

function wrongFormat(format: unknown): string | undefined {
  switch (format) {
    case 'email':
      return msg('must be an email address like name@example.com', { id: 'common.issue.email' });
    case 'url':
      return msg('must be a web address starting with http:// or https://', { id: 'common.issue.url' });
    case 'date':
      return msg('must be a date like 2026-03-01', { id: 'common.issue.date' });
    case 'datetime':
      return msg('must be a date and time like 2026-03-01T09:30:00Z', { id: 'common.issue.datetime' });
    case 'time_zone':
      return msg('must be an IANA time zone such as Europe/Berlin', { id: 'common.issue.time-zone' });
    case 'language':
      return msg('must be a language code such as en or pt-BR', { id: 'common.issue.language' });
    default:
      return undefined;
  }
}

function wrongType(expected: unknown): string | undefined {
  switch (expected) {
    case 'string':
      return msg('must be text', { id: 'common.issue.type-text' });
    case 'number':
      return msg('must be a number', { id: 'common.issue.type-number' });
    case 'int':
      return msg('must be a whole number', { id: 'common.issue.type-int' });
    case 'boolean':
      return msg('must be true or false', { id: 'common.issue.type-boolean' });
    case 'array':
      return msg('must be a list', { id: 'common.issue.type-list' });
    case 'date':
      return msg('must be a date', { id: 'common.issue.type-date' });
    default:
      return undefined;
  }
}

type RuleSayer = (violation: { rule: string; details?: unknown; message: string }) => string;
let sayRule: RuleSayer | undefined;

/**
 * Hands over the sentences of the pairing rules (rule-words.ts). Only the elements that make
 * matches get `broken_rule` issues (enrolment, mentor finder, pairing board), and they call this,
 * so the other elements do not carry those sentences; without it the SDK's English is shown.
 */
export function sayBrokenRulesWith(say: RuleSayer): void {
  sayRule = say;
}

/**
 * A broken pairing rule as a field message: the rule's sentence without its full stop (field
 * messages have none), as the SDK's English message is. Without a readable rule, undefined: the
 * English message is shown.
 */
function brokenRule(issue: IssueLike): string | undefined {
  const v = issue.violation;
  if (!sayRule || typeof v !== 'object' || v === null || typeof (v as { rule?: unknown }).rule !== 'string') return undefined;
  const { rule, details } = v as { rule: string; details?: unknown };
  return sayRule({ rule, details, message: issue.message }).replace(/\.$/, '');
}

/** The issue said through msg() in the current locale, or undefined when its code has no translation. */
function byCode(issue: IssueLike): string | undefined {
  switch (issue.code) {
    case 'required':
      return msg('is required', { id: 'common.issue.required' });
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return wrongFormat(issue.format);
    case 'invalid_type':
      return wrongType(issue.expected);
    case 'invalid_value':
      return msg('choose one of the options', { id: 'common.issue.choose-option' });
    case 'invalid_union':
      return msg('does not match any of the allowed forms', { id: 'common.issue.no-form' });
    case 'unrecognized_keys':
      return msg('has unknown entries', { id: 'common.issue.unknown-entries' });
    case 'duplicate':
      return msg('must not repeat an entry', { id: 'common.issue.duplicate' });
    case 'end_before_start':
      return msg('must be after the start', { id: 'common.issue.end-before-start' });
    case 'not_found':
      return msg('refers to an entry that does not exist', { id: 'common.issue.not-found' });
    case 'not_in_match':
      return msg('must be part of this match', { id: 'common.issue.not-in-match' });
    case 'self_reference':
      return msg('cannot refer to the person themselves', { id: 'common.issue.self-reference' });
    case 'cycle':
      return msg('would make a reporting loop', { id: 'common.issue.cycle' });
    case 'taken':
      return msg('already belongs to someone else', { id: 'common.issue.taken' });
    case 'broken_rule':
      return brokenRule(issue);
    default:
      return undefined;
  }
}

/** The SDK's English for an enum lists its raw option codes: never for a person's eyes. */
const listsOptions = (issue: IssueLike) => /^must be one of: /.test(issue.message);

/**
 * One issue in the current locale. In English the SDK's own sentence is kept when it is more
 * specific than its code's ("name at least one skill", "must be after the kickoff date"): the
 * code's sentence is the same everywhere else, and only an enum's list of codes is replaced.
 */
export function sayIssue(issue: IssueLike): string {
  const said = byCode(issue);
  if (said === undefined) return listsOptions(issue) ? msg('choose one of the options', { id: 'common.issue.choose-option' }) : issue.message;
  if (currentLocale() === sourceLocale && !listsOptions(issue)) return issue.message;
  return said;
}
