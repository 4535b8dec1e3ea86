/**
 * fast-check arbitraries shared by the property tests:
 *
 *  - `bad.*`: values that can never be valid for a field of a given kind (wrong JS type, blank or
 *    over-long text, non-integer or out-of-range numbers, unknown enum values, malformed dates,
 *    emails, time zones and web links, a removed required field…), and `badInputs`, which mutates
 *    a valid base input at one or more field paths (or replaces it with a non-object).
 *  - `valid.*`: valid command inputs (person, program, enrolment, session plan/log, agreement
 *    content, action items) together with what the SDK must store for them after its
 *    normalisation (trimmed text, defaults).
 */
import fc from 'fast-check';
import { FACTOR_ORDER } from '../../src/matching/weights.ts';
import type { AgreementContent } from '../../src/domain/agreement.ts';
import type { EnrolInput } from '../../src/domain/enrolment.ts';
import type { PersonInput } from '../../src/domain/person.ts';
import type { ProgramInput } from '../../src/domain/program.ts';

// ---------------------------------------------------------------------------------------------
// Building bad inputs
// ---------------------------------------------------------------------------------------------

/** Patch value meaning "delete this key". */
export const REMOVE = Symbol('remove');

export type Path = readonly (string | number)[];
export interface Patch {
  path: Path;
  value: unknown;
}
/** One way to break an input: a set of patches applied together. */
export type Mutation = fc.Arbitrary<Patch[]>;

/** Whether a field may be left out (optional, or has a default) and whether `null` is allowed. */
export interface Presence {
  optional?: boolean;
  nullable?: boolean;
}

type JsType = 'string' | 'number' | 'boolean' | 'array' | 'object';

/** Characters `String.prototype.trim` (and so zod's `trim`) removes. */
export const WHITESPACE = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2002', '\u2003', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const whitespace = (maxLength = 6) => fc.string({ unit: fc.constantFrom(...WHITESPACE), maxLength });
const nonBlankChar = fc.constantFrom('x', 'Z', '7', 'é', 'ß', '字', 'Ω', '-', '_', '🙂');

/** Length as zod counts it: in code points (an unpaired surrogate counts as one). */
export const codePoints = (s: string) => [...s].length;

/** A string of exactly `length` code points (no whitespace, so trimming keeps all of it). */
function longString(length: number): fc.Arbitrary<string> {
  return fc.array(nonBlankChar, { minLength: 1, maxLength: 6 }).map((chars) => {
    const out: string[] = [];
    for (let i = 0; out.length < length; i++) out.push(chars[i % chars.length]!);
    return out.join('');
  });
}

const oddObjects = fc.constantFrom<unknown>(() => 'a function', Symbol('a symbol'));

/** Values of every JS type except `accepts` (and never `undefined`; `null` only if not nullable). */
export function wrongType(accepts: JsType, p: Presence = {}): fc.Arbitrary<unknown> {
  const arbs: fc.Arbitrary<unknown>[] = [oddObjects, fc.bigInt()];
  if (!p.nullable) arbs.push(fc.constant(null));
  if (accepts !== 'string') arbs.push(fc.string({ maxLength: 12 }), fc.constantFrom('', 'true', '1', '[object Object]'));
  if (accepts !== 'number') arbs.push(fc.integer(), fc.double());
  if (accepts !== 'boolean') arbs.push(fc.boolean());
  if (accepts !== 'array') arbs.push(fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }));
  // Objects are not offered for object fields: a Date or a Map parses as an object there.
  if (accepts !== 'object' && accepts !== 'array')
    arbs.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }), fc.date(), fc.constant(new Map([['a', 1]])));
  if (accepts === 'array') arbs.push(fc.constantFrom<unknown>({ length: 1, 0: 'array-like' }, new Set(['x'])));
  return fc.oneof(...arbs);
}

/** Leaving a required field out, or passing `undefined` / `null` where they are not allowed. */
function absent(p: Presence): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  if (!p.optional) out.push(fc.constant(REMOVE), fc.constant(undefined));
  if (!p.nullable) out.push(fc.constant(null));
  return out;
}

function strings(values: readonly string[]): fc.Arbitrary<unknown> {
  return fc.constantFrom(...values);
}

/** Strings that are not `values`, including near misses (case, padding). */
function notOneOf(values: readonly string[]): fc.Arbitrary<string> {
  const near = values.flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v} `, `${v}s`, v.slice(0, -1)]).filter((v) => !values.includes(v));
  return fc.oneof(fc.string({ maxLength: 20 }).filter((s) => !values.includes(s)), fc.constantFrom(...near, 'unknown', 'other', ''));
}

/** Hand-picked malformed values per kind (all of them are also run one by one in bad-inputs.test.ts). */
export const MALFORMED = {
  email: ['plainaddress', 'a@b', '@example.com', 'ada@', 'ada@@example.com', 'ada..lovelace@example.com', ' ada@example.com', 'ada lovelace@example.com', 'ada@exa mple.com', 'ada@example..com', 'ada@.example.com', 'javascript:alert(1)', '<script>alert(1)</script>@example.com', 'ada@example.c', 'ada@example', '', ' '],
  timestamp: ['yesterday', 'now', '2026-03-01', '2026-03-01T09:30:00', '2026-03-01T09:30', '2026-03-01 09:30:00Z', '2026-13-01T09:30:00Z', '2026-02-30T09:30:00Z', '2026-03-01T25:00:00Z', '2026-03-01T09:60:00Z', '2026-03-01T09:30:00+0200', '2026-03-01T09:30:00+24:00', '1772357400000', '01/03/2026 09:30', '', ' '],
  date: ['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-3-1', '01/03/2026', '20260301', '2026-03-01T00:00:00Z', ' 2026-03-01', '2026-03-01 ', 'tomorrow', '', ' '],
  timeZone: ['Mars/Olympus_Mons', 'Europe/Atlantis', 'GMT+25', 'Etc/GMT+13', 'Berlin', 'Central European Time', 'javascript:alert(1)', '', ' '],
  url: ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'ftp://example.com/file', 'file:///etc/passwd', 'mailto:someone@example.com', 'example.com', 'www.example.com/page', '//example.com', 'http://', 'https://', 'http:/example.com', 'not a url', '', ' '],
  languageCode: ['EN', 'English', 'e', 'en_US', 'en-', 'en-US-', 'en-abcdefghi', '12', ' en', 'en ', '', 'pt-BR!'],
};

export const bad = {
  /** `text(min, max)`: trims, then checks the length. */
  text(min: number, max: number, p: Presence = {}): fc.Arbitrary<unknown> {
    const arbs = [wrongType('string', p), ...absent(p), fc.tuple(whitespace(), fc.integer({ min: 1, max: 40 }), whitespace()).chain(([l, extra, r]) => longString(max + extra).map((s) => l + s + r))];
    if (min >= 1) arbs.push(whitespace(8));
    return fc.oneof(...arbs);
  },

  /** An `Id`: 1–100 characters after trimming. */
  id(p: Presence = {}): fc.Arbitrary<unknown> {
    return bad.text(1, 100, p);
  },

  /** `z.int()` in [min, max] (no max: unbounded above). */
  int(min: number, max?: number, p: Presence = {}): fc.Arbitrary<unknown> {
    const top = max ?? 1_000_000;
    const arbs = [
      wrongType('number', p),
      ...absent(p),
      fc.integer({ min, max: top }).map(String),
      fc.double({ min: min - 3, max: top + 3, noNaN: true }).filter((x) => !Number.isInteger(x)),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, min + 0.5, 2 ** 53, -(2 ** 53)),
      fc.integer({ min: min - 10_000, max: min - 1 }),
    ];
    if (max !== undefined) arbs.push(fc.integer({ min: max + 1, max: max + 10_000 }));
    return fc.oneof(...arbs);
  },

  /** `z.number()`, optionally in [min, max]. */
  number(p: Presence = {}, range?: { min: number; max: number }): fc.Arbitrary<unknown> {
    const arbs = [wrongType('number', p), ...absent(p), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), fc.double({ noNaN: true }).map(String)];
    if (range) arbs.push(fc.double({ max: range.min, maxExcluded: true, noNaN: true, noDefaultInfinity: true }), fc.double({ min: range.max, minExcluded: true, noNaN: true, noDefaultInfinity: true }));
    return fc.oneof(...arbs);
  },

  bool(p: Presence = {}): fc.Arbitrary<unknown> {
    return fc.oneof(wrongType('boolean', p), ...absent(p), strings(['true', 'false', 'yes', '']), fc.constantFrom(0, 1));
  },

  enum(values: readonly string[], p: Presence = {}): fc.Arbitrary<unknown> {
    return fc.oneof(wrongType('string', p), ...absent(p), notOneOf(values));
  },

  literalTrue(p: Presence = {}): fc.Arbitrary<unknown> {
    return fc.oneof(wrongType('boolean', p), ...absent(p), fc.constantFrom<unknown>(false, 'true', 1, 'yes'));
  },

  email(p: Presence = {}): fc.Arbitrary<unknown> {
    return fc.oneof(wrongType('string', p), ...absent(p), strings(MALFORMED.email), fc.string({ maxLength: 20 }).filter((s) => !s.includes('@')));
  },

  /** ISO date-time with an offset (`Timestamp`). */
  timestamp(p: Presence = {}): fc.Arbitrary<unknown> {
    return fc.oneof(wrongType('string', p), ...absent(p), strings(MALFORMED.timestamp), fc.string({ maxLength: 20 }).filter((s) => !/^\d{4}-/.test(s)));
  },

  /** `YYYY-MM-DD` that is a real day (`IsoDate`). */
  date(p: Presence = {}): fc.Arbitrary<unknown> {
    return fc.oneof(wrongType('string', p), ...absent(p), strings(MALFORMED.date), fc.string({ maxLength: 20 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)));
  },

  timeZone(p: Presence = {}): fc.Arbitrary<unknown> {
    // "!" never appears in a time zone name, so these are never valid.
    return fc.oneof(wrongType('string', p), ...absent(p), strings(MALFORMED.timeZone), fc.string({ maxLength: 15 }).map((s) => `${s}!`));
  },

  /** `WebLink`: an http(s) URL. */
  url(p: Presence = {}): fc.Arbitrary<unknown> {
    // Without a colon a string cannot be an absolute URL.
    return fc.oneof(wrongType('string', p), ...absent(p), strings(MALFORMED.url), fc.string({ maxLength: 20 }).map((s) => s.replaceAll(':', '')));
  },

  languageCode(p: Presence = {}): fc.Arbitrary<unknown> {
    return fc.oneof(wrongType('string', p), ...absent(p), strings(MALFORMED.languageCode));
  },

  /** A SHA-256 hex digest (`/^[0-9a-f]{64}$/`). */
  hash(p: Presence = {}): fc.Arbitrary<unknown> {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
    return fc.oneof(
      wrongType('string', p),
      ...absent(p),
      hex.map((h) => h.toUpperCase().replace(/^[0-9]/, 'A')),
      hex.map((h) => h.slice(1)),
      hex.map((h) => `${h}0`),
      hex.map((h) => `g${h.slice(1)}`),
      hex.map((h) => ` ${h}`),
      strings(['', 'sha256:abc']),
    );
  },

  /** A list of short distinct phrases (`phrases(maxItems, maxLength)`). */
  phrases(maxItems: number, maxLength = 200, p: Presence = {}): fc.Arbitrary<unknown> {
    return fc.oneof(
      wrongType('array', p),
      ...absent(p),
      fc.tuple(fc.constant('ok'), bad.text(1, maxLength, { optional: false, nullable: false }).filter((v) => v !== REMOVE)).map((items) => items),
      fc.constantFrom(['Same', ' same '], ['A', 'b', 'a']),
      fc.constant(Array.from({ length: maxItems + 1 }, (_, i) => `phrase ${i}`)),
    );
  },

  /** An array of up to `maxItems` entries (at least `minItems`); `item` is a valid entry. */
  array(item: unknown, maxItems: number, p: Presence = {}, minItems = 0): fc.Arbitrary<unknown> {
    const arbs = [wrongType('array', p), ...absent(p), fc.integer({ min: 1, max: 3 }).map((extra) => Array.from({ length: maxItems + extra }, () => structuredClone(item)))];
    if (minItems >= 1) arbs.push(fc.constant([]));
    return fc.oneof(...arbs);
  },

  /** A nested object field: anything that is not a plain object. */
  object(p: Presence = {}): fc.Arbitrary<unknown> {
    return fc.oneof(wrongType('object', p), ...absent(p));
  },
};

/** A field path and the bad values it can take, as a mutation. */
export function field(path: string, values: fc.Arbitrary<unknown>): Mutation {
  const parts: Path = path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return values.map((value) => [{ path: parts, value }]);
}

/** Several fields set together (a cross-field rule broken with individually valid values). */
export function together(...patches: [string, unknown][]): Mutation {
  return fc.constant(patches.map(([path, value]) => ({ path: path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), value })));
}

export interface BadCase {
  /** A valid input of the command. */
  base: unknown;
  mutations: Mutation[];
  /** The rules broken here need stored data (checked inside the command's transaction). */
  checkedAgainstStore?: boolean;
}

export interface BadInput {
  input: unknown;
  /** Dotted paths that were broken ('' when the whole input was replaced). */
  paths: string[];
  checkedAgainstStore: boolean;
}

/** Anything that is not an object: every write command takes one. */
export const nonObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, '', 'input', 0, 1, -1, Number.NaN, true, false, () => ({}), Symbol('input'), 10n),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 4 }),
);

function setAt(root: unknown, path: Path, value: unknown): void {
  let parent = root as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    if (next === null || typeof next !== 'object') throw new Error(`bad-input generator: no object at ${path.join('.')} (check the base input)`);
    parent = next as Record<PropertyKey, unknown>;
  }
  const last = path[path.length - 1]!;
  if (!(last in parent) && value === REMOVE) return;
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
}

export function applyPatches(base: unknown, patches: Patch[]): unknown {
  const input = structuredClone(base);
  // Deepest first: a shallower patch may then replace a whole subtree, which stays invalid.
  for (const { path, value } of [...patches].sort((a, b) => b.path.length - a.path.length)) setAt(input, path, value);
  return input;
}

/** Valid base inputs broken at 1–3 field paths, or replaced by a non-object. */
export function badInputs(cases: readonly BadCase[]): fc.Arbitrary<BadInput> {
  const mutated = fc.constantFrom(...cases).chain((c) =>
    fc
      .uniqueArray(fc.nat({ max: c.mutations.length - 1 }), { minLength: 1, maxLength: Math.min(3, c.mutations.length) })
      .chain((picked) => fc.tuple(...picked.map((i) => c.mutations[i]!)))
      .map((patchLists) => {
        const patches = patchLists.flat();
        return {
          input: applyPatches(c.base, patches),
          paths: [...new Set(patches.map((p) => p.path.join('.')))],
          checkedAgainstStore: c.checkedAgainstStore ?? false,
        };
      }),
  );
  return fc.oneof({ arbitrary: mutated, weight: 12 }, { arbitrary: nonObject.map((input) => ({ input, paths: [''], checkedAgainstStore: false })), weight: 1 });
}

/** A short readable rendering of a bad input for failure messages. */
export function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'function' || typeof v === 'symbol') return String(v);
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      if (v === undefined) return '<undefined>';
      if (typeof v === 'string' && v.length > 80) return `${v.slice(0, 40)}…(${v.length} chars)`;
      return v;
    });
  } catch {
    return String(value);
  }
}

// ---------------------------------------------------------------------------------------------
// Valid inputs
// ---------------------------------------------------------------------------------------------

const padding = whitespace(3);

/** Text that is valid for `text(min, max)`, with whitespace around it that the SDK trims. */
export function validText(min: number, max: number): fc.Arbitrary<string> {
  const cores: fc.Arbitrary<string>[] = [
    fc.string({ unit: 'grapheme', maxLength: Math.min(max, 30) }),
    fc.string({ unit: 'binary', maxLength: Math.min(max, 15) }),
    fc.string({ maxLength: Math.min(max, 30) }),
  ];
  if (max > 1) cores.push(fc.nat({ max: Math.min(3, max - min) }).chain((k) => longString(max - k)));
  return fc
    .tuple(padding, fc.oneof(...cores), padding)
    .map(([l, c, r]) => l + c + r)
    .filter((s) => {
      const n = codePoints(s.trim());
      return n >= min && n <= max;
    });
}

/** Distinct (ignoring case, after trimming) phrases. */
export function validPhrases(maxItems: number, maxLength = 200): fc.Arbitrary<string[]> {
  return fc.uniqueArray(validText(1, maxLength), { maxLength: Math.min(maxItems, 12), selector: (s) => s.trim().toLowerCase() });
}

/** An id, sometimes with whitespace around it (which the SDK trims). */
export function paddedId(id: string): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom('', ' ', '\t', '\u00a0'), fc.constantFrom('', ' ', '\n')).map(([l, r]) => l + id + r);
}

export const trimAll = (items: readonly string[]) => items.map((s) => s.trim());

export const timeZones = ['UTC', 'Europe/Berlin', 'Europe/Lisbon', 'America/New_York', 'America/Sao_Paulo', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Adelaide', 'Africa/Nairobi', 'Pacific/Auckland', 'America/St_Johns', 'Asia/Kathmandu'];

const languageCode = fc.stringMatching(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/);

/** An email the schema accepts; `unique` is appended to the local part. */
export function validEmail(unique: string): fc.Arbitrary<string> {
  const local = fc.stringMatching(/^[A-Za-z0-9]{1,8}([._+-][A-Za-z0-9]{1,8}){0,2}$/);
  const domain = fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,5})?(\.[a-z0-9]{1,8}){0,2}\.[a-z]{2,6}$/);
  return fc.tuple(local, domain).map(([l, d]) => `${l}${unique}@${d}`);
}

/** A calendar day between 2000 and 2090, `YYYY-MM-DD`. */
export const isoDay = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/**
 * Any timestamp the `Timestamp` schema accepts: years 0000–9999, any offset up to ±23:59, and
 * the instant it names (which may fall outside 0000–9999 once the offset is applied).
 */
export const anyTimestamp: fc.Arbitrary<{ text: string; instant: number }> = fc
  .oneof(
    fc.record({
      year: fc.oneof(fc.constantFrom(0, 1, 9998, 9999), fc.integer({ min: 0, max: 9999 })),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      offset: fc.oneof(fc.constant(0), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
    }),
    // The first and the last hours the schema accepts, with offsets that may cross the range.
    fc.record({ year: fc.constant(0), month: fc.constant(1), day: fc.constant(1), hour: fc.integer({ min: 0, max: 2 }), minute: fc.integer({ min: 0, max: 59 }), offset: fc.integer({ min: -600, max: 23 * 60 + 59 }) }),
    fc.record({ year: fc.constant(9999), month: fc.constant(12), day: fc.constant(31), hour: fc.integer({ min: 21, max: 23 }), minute: fc.integer({ min: 0, max: 59 }), offset: fc.integer({ min: -(23 * 60 + 59), max: 600 }) }),
  )
  .map(({ year, month, day, hour, minute, offset }) => {
    const two = (x: number) => String(x).padStart(2, '0');
    const abs = Math.abs(offset);
    const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
    // setUTCFullYear, because Date.UTC maps years 0–99 to 1900–1999.
    const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute));
    wall.setUTCFullYear(year);
    return { text: `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00${zone}`, instant: wall.getTime() - offset * 60_000 };
  });

/** A timestamp with a `Z` or `±hh:mm` offset, and the instant it names in the SDK's form. */
export const timestamp: fc.Arbitrary<{ text: string; iso: string }> = fc
  .tuple(
    fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.oneof(fc.constant(0), fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15)),
    fc.boolean(),
  )
  .map(([date, offsetMinutes, withMillis]) => {
    const instant = withMillis ? date : new Date(Math.floor(date.getTime() / 1000) * 1000);
    const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, withMillis ? 23 : 19);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    const zone = offsetMinutes === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return { text: local + zone, iso: instant.toISOString() };
  });

/** An http(s) link the schema accepts. */
export const webLink = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTPS'),
    fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,6})?(\.[a-z0-9]{1,8}){0,2}\.[a-z]{2,6}$/),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    fc.stringMatching(/^(\/[A-Za-z0-9._~-]{0,12}){0,3}$/),
    fc.option(fc.stringMatching(/^[a-z]{1,5}=[A-Za-z0-9]{0,8}$/), { nil: undefined }),
  )
  .map(([scheme, host, port, path, query]) => `${scheme}://${host}${port ? `:${port}` : ''}${path}${query ? `?${query}` : ''}`);

/** Person input; `id` and the email are made unique by the caller's `unique`. */
export function personInput(unique: string, managerIds: readonly string[]): fc.Arbitrary<PersonInput & { id: string }> {
  return fc.record(
    {
      id: paddedId(unique),
      name: validText(1, 120),
      email: validEmail(unique),
      title: validText(0, 120),
      department: validText(1, 80),
      level: fc.integer({ min: 1, max: 20 }),
      managerId: fc.oneof(fc.constant(null), fc.constantFrom(...managerIds)),
      location: validText(0, 120),
      timeZone: fc.constantFrom(...timeZones),
      languages: fc.array(languageCode, { minLength: 1, maxLength: 20 }),
      skills: validPhrases(50, 60),
    },
    { requiredKeys: ['id', 'name', 'email', 'department', 'level', 'timeZone'] },
  );
}

/** What the SDK stores for a person input (without the record fields). */
export function expectedPerson(input: PersonInput & { id: string }) {
  return {
    id: input.id.trim(),
    name: input.name.trim(),
    email: input.email,
    title: (input.title ?? '').trim(),
    department: input.department.trim(),
    level: input.level,
    managerId: input.managerId ?? null,
    location: (input.location ?? '').trim(),
    timeZone: input.timeZone,
    languages: input.languages ?? ['en'],
    skills: trimAll(input.skills ?? []),
  };
}

const meetingMode = fc.constantFrom('in-person' as const, 'video' as const, 'phone' as const);

const playbookArb = fc.record(
  {
    cadence: fc.record({ every: fc.integer({ min: 1, max: 12 }), unit: fc.constantFrom('week' as const, 'month' as const) }),
    sessionMinutes: fc.integer({ min: 15, max: 240 }),
    meetingModes: fc.array(meetingMode, { minLength: 1, maxLength: 3 }),
    where: validText(0, 200),
    talkingPoints: validPhrases(30),
    sessionRequirements: validPhrases(20),
    trainings: fc.array(fc.record({ title: validText(1, 200), link: webLink }, { requiredKeys: ['title'] }), { maxLength: 4 }),
  },
  { requiredKeys: ['cadence', 'sessionMinutes', 'meetingModes'] },
);

const rulesArb = fc
  .tuple(fc.integer({ min: 1, max: 19 }), fc.integer({ min: 0, max: 18 }))
  .chain(([min, span]) =>
    fc.record(
      {
        minLevelGap: fc.constant(min),
        maxLevelGap: fc.constant(Math.min(19, min + span)),
        mentorMaxLevel: fc.integer({ min: 1, max: 20 }),
        menteeMinLevel: fc.integer({ min: 1, max: 20 }),
        crossDepartment: fc.constantFrom('required' as const, 'preferred' as const, 'ignore' as const),
        forbidSameReportingLine: fc.boolean(),
        requireSharedLanguage: fc.boolean(),
      },
      { requiredKeys: ['minLevelGap', 'maxLevelGap'] },
    ),
  );

const matchingArb = fc.record(
  {
    mode: fc.constantFrom('self' as const, 'admin' as const, 'hybrid' as const),
    objective: fc.constantFrom('maxweight' as const, 'maxcard' as const),
    requestExpiryDays: fc.integer({ min: 1, max: 60 }),
    // Points per known scoring factor; any subset of the factors.
    weights: fc.record(
      Object.fromEntries(FACTOR_ORDER.map((f) => [f, fc.integer({ min: 0, max: 1000 })])) as Record<(typeof FACTOR_ORDER)[number], fc.Arbitrary<number>>,
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['mode'] },
);

const formatArb = fc.oneof(
  fc.constant({ kind: 'one-to-one' as const }),
  fc.record({ kind: fc.constant('group' as const), mentorsPerGroup: fc.integer({ min: 1, max: 2 }), menteesPerGroup: fc.integer({ min: 1, max: 8 }) }),
);

const clauseArb = fc.record({ title: validText(1, 120), text: validText(1, 2000) });

const templateArb = fc.record(
  { communicationStatement: validText(1, 2000), confidentialityStatement: validText(1, 2000), clauses: fc.array(clauseArb, { maxLength: 5 }) },
  { requiredKeys: ['communicationStatement', 'confidentialityStatement'] },
);

const simpleId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);

/** A valid program input (kickoff before end; a custom purpose is described). */
export const programInput: fc.Arbitrary<ProgramInput> = fc
  .tuple(
    fc.record(
      {
        name: validText(1, 120),
        description: validText(0, 2000),
        purpose: fc.constantFrom('generational-divide', 'empower-younger-employees', 'growth-mindset', 'digital-strategy', 'social-media-and-analytics', 'inclusion', 'custom') as fc.Arbitrary<ProgramInput['purpose']>,
        customPurpose: validText(1, 200),
        language: fc.constantFrom('en', 'de') as fc.Arbitrary<ProgramInput['language']>,
        goals: validPhrases(20),
        playbook: playbookArb,
        rules: rulesArb,
        matching: matchingArb,
        format: formatArb,
        championIds: fc.array(simpleId, { maxLength: 20 }),
        agreementTemplate: templateArb,
      },
      { requiredKeys: ['name', 'purpose', 'playbook', 'rules', 'matching', 'format', 'agreementTemplate'] },
    ),
    isoDay,
    fc.integer({ min: 1, max: 2000 }),
  )
  .map(([fields, kickoffDate, days]) => {
    const end = new Date(Date.parse(`${kickoffDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const program: ProgramInput = { ...fields, kickoffDate, endDate: end };
    if (program.purpose === 'custom' && program.customPurpose === undefined) program.customPurpose = 'Our own reason';
    return program;
  });

/** What the SDK stores for a program input (without the record fields and phase). */
export function expectedProgram(input: ProgramInput) {
  const { playbook: pb, rules, matching, agreementTemplate: t } = input;
  const out: Record<string, unknown> = {
    name: input.name.trim(),
    description: (input.description ?? '').trim(),
    purpose: input.purpose,
    language: input.language ?? 'en',
    goals: trimAll(input.goals ?? []),
    playbook: {
      cadence: { ...pb.cadence },
      sessionMinutes: pb.sessionMinutes,
      meetingModes: [...pb.meetingModes],
      where: (pb.where ?? '').trim(),
      talkingPoints: trimAll(pb.talkingPoints ?? []),
      sessionRequirements: trimAll(pb.sessionRequirements ?? []),
      trainings: (pb.trainings ?? []).map((tr) => (tr.link === undefined ? { title: tr.title.trim() } : { title: tr.title.trim(), link: tr.link })),
    },
    rules: {
      minLevelGap: rules.minLevelGap,
      maxLevelGap: rules.maxLevelGap,
      ...(rules.mentorMaxLevel === undefined ? {} : { mentorMaxLevel: rules.mentorMaxLevel }),
      ...(rules.menteeMinLevel === undefined ? {} : { menteeMinLevel: rules.menteeMinLevel }),
      crossDepartment: rules.crossDepartment ?? 'preferred',
      forbidSameReportingLine: rules.forbidSameReportingLine ?? true,
      requireSharedLanguage: rules.requireSharedLanguage ?? true,
    },
    matching: {
      mode: matching.mode,
      objective: matching.objective ?? 'maxweight',
      requestExpiryDays: matching.requestExpiryDays ?? 7,
      weights: { ...(matching.weights ?? {}) },
    },
    format: { ...input.format },
    championIds: (input.championIds ?? []).map((id) => id.trim()),
    agreementTemplate: {
      communicationStatement: t.communicationStatement.trim(),
      confidentialityStatement: t.confidentialityStatement.trim(),
      clauses: (t.clauses ?? []).map((c) => ({ title: c.title.trim(), text: c.text.trim() })),
    },
    kickoffDate: input.kickoffDate,
    endDate: input.endDate,
  };
  if (input.customPurpose !== undefined) out.customPurpose = input.customPurpose.trim();
  return out;
}

const slotArb = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1439 }))
  .chain(([day, startMinute]) => fc.integer({ min: startMinute + 1, max: 1440 }).map((endMinute) => ({ day, startMinute, endMinute })));

/** An enrolment of `personId` in `programId`; preferences are drawn from `others`. */
export function enrolInput(programId: string, personId: string, others: readonly string[]): fc.Arbitrary<EnrolInput> {
  return fc.record(
    {
      programId: paddedId(programId),
      personId: paddedId(personId),
      role: fc.constantFrom('mentor' as const, 'mentee' as const),
      skills: fc.uniqueArray(fc.record({ skill: validText(1, 60), proficiency: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: ['skill'] }), {
        minLength: 1,
        maxLength: 20,
        selector: (s) => s.skill.trim().toLowerCase(),
      }),
      goals: validPhrases(10),
      availability: fc.array(slotArb, { maxLength: 28 }),
      capacity: fc.integer({ min: 1, max: 5 }),
      preferences: fc.array(fc.constantFrom(...others).chain(paddedId), { maxLength: 10 }),
      motivation: validText(0, 1000),
      consent: fc.constant(true as const),
    },
    { requiredKeys: ['programId', 'personId', 'role', 'skills', 'consent'] },
  );
}

export function expectedEnrolment(input: EnrolInput) {
  return {
    programId: input.programId.trim(),
    personId: input.personId.trim(),
    role: input.role,
    skills: input.skills.map((s) => ({ skill: s.skill.trim(), proficiency: s.proficiency ?? 3 })),
    goals: trimAll(input.goals ?? []),
    availability: (input.availability ?? []).map((s) => ({ ...s })),
    capacity: input.capacity ?? 1,
    preferences: (input.preferences ?? []).map((id) => id.trim()),
    motivation: (input.motivation ?? '').trim(),
  };
}

/** Agreement content as `agreements.update` takes it. */
export const agreementContent: fc.Arbitrary<AgreementContent> = fc.record({
  goals: validPhrases(20, 300),
  meetingTerms: validText(1, 2000),
  communicationStatement: validText(1, 2000),
  confidentialityStatement: validText(1, 2000),
  clauses: fc.array(clauseArb, { maxLength: 6 }),
});

export function expectedAgreementContent(c: AgreementContent): AgreementContent {
  return {
    goals: trimAll(c.goals),
    meetingTerms: c.meetingTerms.trim(),
    communicationStatement: c.communicationStatement.trim(),
    confidentialityStatement: c.confidentialityStatement.trim(),
    clauses: c.clauses.map((x) => ({ title: x.title.trim(), text: x.text.trim() })),
  };
}

/** A new action item (as `sessions.log` and `actionItems.add` take it) owned by one of `owners`. */
export function newActionItem(owners: readonly string[]) {
  return fc.record(
    { text: validText(1, 500), ownerId: fc.constantFrom(...owners).chain(paddedId), due: fc.oneof(fc.constant(null), isoDay) },
    { requiredKeys: ['text', 'ownerId'] },
  );
}

/** A session plan input (everything but the match id). */
export const sessionPlan = fc.record(
  {
    scheduledAt: timestamp,
    durationMinutes: fc.integer({ min: 5, max: 480 }),
    mode: meetingMode,
    location: validText(0, 200),
    meetingLink: fc.oneof(fc.constant(null), webLink),
    agenda: validPhrases(20, 500),
  },
  { requiredKeys: ['scheduledAt'] },
);

/** A session log input (everything but the session id) with action items owned by `owners`. */
export function sessionLog(owners: readonly string[]) {
  return fc.record(
    {
      sharedNotes: validText(0, 20000),
      topics: validPhrases(30, 120),
      learned: validText(1, 2000),
      actionItems: fc.array(newActionItem(owners), { maxLength: 5 }),
    },
    { requiredKeys: [] },
  );
}
