/**
 * Field schemas shared by every entity, and the one place that turns zod issues into
 * messages a person understands (zod/mini ships none, which keeps the bundle small), each with a
 * code and the parameters of its message, so an interface can say it in its own language.
 */
import * as z from 'zod/mini';
import { ValidationError, isFieldIssueCode, type FieldIssue } from '../errors.ts';

/**
 * Ids come from hosts and imports as well as from us. Control and invisible formatting characters
 * (NUL, newlines, bidi overrides, zero-width spaces) are refused: PostgreSQL cannot store NUL, and
 * the others make two ids look alike in a log, a URL or a CSV.
 */
export const Id = z.string().check(
  z.trim(),
  z.minLength(1, 'must not be empty'),
  z.maxLength(100),
  z.regex(/^[^\p{Cc}\p{Cf}]*$/u, 'must not contain control or invisible formatting characters'),
);
export const Version = z.int().check(z.gte(1));
const EARLIEST = Date.parse('1900-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
/** An ISO date-time (any offset); services store it in UTC, so it must stay a 4-digit year there. */
export const Timestamp = z.iso.datetime({ offset: true }).check(
  z.refine((s) => {
    const t = Date.parse(s);
    // Not a date at all is the format check's to say; this one only bounds the year.
    return Number.isNaN(t) || (t >= EARLIEST && t <= LATEST);
  }, 'must be a date and time between the years 1900 and 9999'),
);
export const IsoDate = z.iso.date();

export function text(min: number, max: number) {
  return z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
}

/** A list of short distinct phrases (goals, skills, talking points). */
export function phrases(maxItems: number, maxLength = 200) {
  return z.array(text(1, maxLength)).check(
    z.maxLength(maxItems),
    z.refine((items) => new Set(items.map((i) => i.toLowerCase())).size === items.length, { message: 'must not repeat an entry', params: { code: 'duplicate' } }),
  );
}

const LINK_MESSAGE = 'must be a web address starting with http:// or https://';
/**
 * Only http(s) links, so a stored link can never run script. The host is checked by pattern as
 * well: browsers' URL parsers accept hosts (with spaces, say) that Node's rejects, and a link
 * must mean the same on every side.
 */
export const WebLink = z.url({
  protocol: /^https?$/,
  hostname: /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$/,
  error: LINK_MESSAGE,
}).check(z.regex(/^\S+$/, LINK_MESSAGE));

/** Zones already proven valid: building an Intl formatter per check made a 10,000-row import 1 s slower. Only valid zones are cached, so bad input cannot grow it. */
const knownZones = new Set<string>();
export const TimeZone = z.string().check(
  z.refine((tz) => {
    if (knownZones.has(tz)) return true;
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      knownZones.add(tz);
      return true;
    } catch {
      return false;
    }
  }, { message: 'must be an IANA time zone such as Europe/Berlin', params: { code: 'invalid_format', format: 'time_zone' } }),
);

const LANGUAGE_MESSAGE = 'must be a language code such as en or pt-BR';
export const LanguageCode = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, LANGUAGE_MESSAGE));

export const Role = z.enum(['mentor', 'mentee']);
export type Role = z.infer<typeof Role>;

export const MeetingMode = z.enum(['in-person', 'video', 'phone']);
export type MeetingMode = z.infer<typeof MeetingMode>;

/** Fields every stored record carries. `version` starts at 1 and grows by one per write. */
export const recordFields = {
  id: Id,
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

/** Optional optimistic-concurrency guard a command may carry (the REST layer maps If-Match onto it). */
export const expectedVersion = z.optional(Version);

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

/** An empty text where a date, an email, a link… must be: nothing was given, so the field is required. */
const emptyFormat = (issue: z.core.$ZodIssue, input: unknown) => issue.code === 'invalid_format' && input === '';

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (emptyFormat(issue, input)) return 'is required';
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'is required';
      return `must be ${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `must have at least ${min} ${min === 1 ? 'entry' : 'entries'}`;
      return issue.inclusive ? `must be at least ${min}` : `must be more than ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${max} entries`;
      return issue.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'must be an email address like name@example.com';
        case 'date':
          return 'must be a date like 2026-03-01';
        case 'datetime':
          return 'must be a date and time like 2026-03-01T09:30:00Z';
        case 'url':
          return 'must be a web address starting with http:// or https://';
        default:
          return `must be a valid ${issue.format}`;
      }
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any of the allowed forms';
    case 'unrecognized_keys':
      return `has unknown ${issue.keys.length === 1 ? 'entry' : 'entries'}: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return 'is not valid';
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** What a FieldIssue carries besides its path and English message. */
type IssueDetails = Omit<FieldIssue, 'path' | 'message'>;

function originOf(origin: string): FieldIssue['origin'] | undefined {
  if (origin === 'string' || origin === 'date') return origin;
  if (origin === 'array' || origin === 'set') return 'array';
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return 'number';
  return undefined;
}

/**
 * Patterns with their own message, by that message: a regex check cannot carry a code of its own
 * (refinements do, in `params`), so these two say which format they are here.
 */
const patterns: ReadonlyMap<string, IssueDetails> = new Map<string, IssueDetails>([
  [LINK_MESSAGE, { code: 'invalid_format', format: 'url' }],
  [LANGUAGE_MESSAGE, { code: 'invalid_format', format: 'language' }],
]);

/**
 * A custom issue may name its code in `params` (`z.refine(check, { message, params: { code: 'duplicate' } })`),
 * and an issue re-raised from a FieldIssue (`ctx.addIssue({ code: 'custom', message, params: fieldIssue })`)
 * keeps what that one carried.
 */
function detailsFromParams(params: Record<string, unknown> | undefined): IssueDetails | undefined {
  const code = params?.['code'];
  if (!isFieldIssueCode(code)) return undefined;
  const details: IssueDetails = { code };
  const origin = typeof params!['origin'] === 'string' ? originOf(params!['origin']) : undefined;
  if (origin) details.origin = origin;
  for (const key of ['minimum', 'maximum'] as const) if (typeof params![key] === 'number') details[key] = params![key];
  if (typeof params!['inclusive'] === 'boolean') details.inclusive = params!['inclusive'];
  for (const key of ['format', 'expected'] as const) if (typeof params![key] === 'string') details[key] = params![key];
  return details;
}

/** The machine-readable side of an issue: its code and the parameters its message needs. */
function detailsOf(issue: z.core.$ZodIssue, input: unknown, message: string): IssueDetails {
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? { code: 'required' } : { code: 'invalid_type', expected: issue.expected };
    case 'too_small':
    case 'too_big': {
      const details: IssueDetails = { code: issue.code };
      const origin = originOf(issue.origin);
      if (origin) details.origin = origin;
      if (issue.code === 'too_small') details.minimum = Number(issue.minimum);
      else details.maximum = Number(issue.maximum);
      details.inclusive = issue.inclusive ?? true;
      return details;
    }
    case 'invalid_format':
      if (emptyFormat(issue, input)) return { code: 'required' };
      return issue.format === 'regex' ? (patterns.get(message) ?? { code: 'invalid_format', format: 'regex' }) : { code: 'invalid_format', format: issue.format };
    case 'invalid_value':
      // A box that must be ticked (consent): a value is required rather than one of a list.
      return issue.values.length === 1 && issue.values[0] === true ? { code: 'required' } : { code: 'invalid_value' };
    case 'custom':
      return detailsFromParams(issue.params) ?? { code: 'custom' };
    default:
      return { code: issue.code };
  }
}

export function toFieldIssues(error: z.core.$ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const value = valueAt(input, issue.path);
    const message = describeIssue(issue, value);
    return { path: issue.path.map(String).join('.'), message, ...detailsOf(issue, value, message) };
  });
}

/** Parse `input` or throw a `ValidationError` listing every failing field. */
export function parseInput<S extends z.core.$ZodType>(schema: S, input: unknown, context?: string): z.output<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error, input), context);
  return result.data;
}
