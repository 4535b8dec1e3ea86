/**
 * The REST contract of Upward: one table, `operations`, with every method of the `Upward`
 * interface — its HTTP method and path, the service's own input schema, the schema of its
 * result — and the two functions that map a call onto an HTTP request and back
 * (`buildRequest` on the client, `parseRequest` on the server), so the mapping is written once.
 *
 * Conventions: paths are relative to the base path (`/api/v1` by default); path parameters fill
 * the input fields of the same name; the other fields travel in the query string for GET and in
 * a JSON body otherwise; `expectedVersion` travels as `If-Match: "<version>"`, and a
 * single-record response carries `ETag: "<version>"`. Mutations require an `Idempotency-Key`.
 */
import * as z from 'zod/mini';
import {
  ActionItem,
  Agreement,
  Enrolment,
  Id,
  Match,
  Person,
  PrivateNote,
  Program,
  toFieldIssues,
} from '../domain/index.ts';
import { ValidationError } from '../errors.ts';
import { actionItemsInputs } from '../services/action-items.ts';
import { agreementsInputs } from '../services/agreements.ts';
import { enrolmentsInputs } from '../services/enrolments.ts';
import { matchesInputs } from '../services/matches.ts';
import { matchingInputs } from '../services/matching.ts';
import { peopleInputs } from '../services/people.ts';
import { programsInputs } from '../services/programs.ts';
import { sessionsInputs } from '../services/sessions.ts';
import type { Upward } from '../upward.ts';
import {
  ExpiredRequests,
  Home,
  ImportReport,
  MatchingProposal,
  MentorSuggestion,
  PairExplanation,
  SessionView,
} from './outputs.ts';
import { MalformedRequestError } from './problems.ts';
import { objectShape, scalarKind } from './schema-shape.ts';

export {
  MalformedRequestError,
  Problem,
  ProblemCode,
  PROBLEM_CONTENT_TYPE,
  errorFromProblem,
  problemFromError,
  problemType,
} from './problems.ts';

export type Namespace = Exclude<keyof Upward, 'actor' | 'home' | 'subscribe'>;
type MethodName<N extends Namespace> = Extract<keyof Upward[N], string>;
/** `'programs.create'`, `'sessions.log'`, …, `'home'`: derived from `Upward`, so it cannot drift. */
export type OperationName = { [N in Namespace]: `${N}.${MethodName<N>}` }[Namespace] | 'home';

/** The `Upward` method an operation stands for. */
export type UpwardMethod<N extends OperationName> = N extends `${infer NS extends Namespace}.${infer M}`
  ? M extends keyof Upward[NS]
    ? Upward[NS][M]
    : never
  : N extends 'home'
    ? Upward['home']
    : never;
type AnyFunction = (...args: never[]) => unknown;
export type OperationInput<N extends OperationName> = UpwardMethod<N> extends AnyFunction ? Parameters<UpwardMethod<N>>[0] : never;
export type OperationResult<N extends OperationName> = UpwardMethod<N> extends AnyFunction ? Awaited<ReturnType<UpwardMethod<N>>> : never;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** How the method takes its argument: an input object, a bare id, or nothing. */
export type ArgumentKind = 'object' | 'id' | 'none';
type Schema = z.core.$ZodType;

export interface Operation<N extends OperationName = OperationName> {
  readonly name: N;
  readonly namespace: Namespace | null;
  readonly method: string;
  readonly http: HttpMethod;
  /** Relative to the base path; `{name}` segments are path parameters. */
  readonly path: string;
  readonly argument: ArgumentKind;
  /** The service's own input schema (null when the method takes no argument). */
  readonly input: Schema | null;
  /** The schema of the result (the response body). */
  readonly output: Schema;
  /** Changes data: needs an `Idempotency-Key`. */
  readonly mutation: boolean;
  /** Success status: 201 when the call creates a record, 200 otherwise. */
  readonly status: 200 | 201;
  readonly summary: string;
  /** The `{name}` parameters of `path`, in order. */
  readonly pathParams: readonly string[];
  /** The input has `expectedVersion`, which travels as `If-Match`. */
  readonly ifMatch: boolean;
}

interface Spec {
  http: HttpMethod;
  path: string;
  argument: ArgumentKind;
  input: Schema | null;
  output: Schema;
  mutation: boolean;
  status?: 201;
  summary: string;
}

const read = (path: string, input: Schema, output: Schema, summary: string): Spec => ({ http: 'GET', path, argument: 'object', input, output, mutation: false, summary });
const readById = (path: string, output: Schema, summary: string): Spec => ({ http: 'GET', path, argument: 'id', input: Id, output, mutation: false, summary });
const readMine = (path: string, output: Schema, summary: string): Spec => ({ http: 'GET', path, argument: 'none', input: null, output, mutation: false, summary });
const write = (http: HttpMethod, path: string, input: Schema, output: Schema, summary: string, status?: 201): Spec => ({
  http,
  path,
  argument: 'object',
  input,
  output,
  mutation: true,
  summary,
  ...(status ? { status } : {}),
});

const list = <S extends Schema>(schema: S) => z.array(schema);

const specs: { [N in OperationName]: Spec } = {
  'programs.create': write('POST', '/programs', programsInputs.create, Program, 'Create a program (as a draft).', 201),
  'programs.update': write('PATCH', '/programs/{id}', programsInputs.update, Program, 'Edit a program: `changes` holds only the fields to change.'),
  'programs.get': readById('/programs/{id}', Program, 'Read one program.'),
  'programs.list': read('/programs', programsInputs.list, list(Program), 'List the programs the caller may see, by kickoff date.'),
  'programs.openEnrolment': write('POST', '/programs/{id}/open-enrolment', programsInputs.openEnrolment, Program, 'draft → enrolling.'),
  'programs.startMatching': write('POST', '/programs/{id}/start-matching', programsInputs.startMatching, Program, 'enrolling → matching.'),
  'programs.reopenEnrolment': write('POST', '/programs/{id}/reopen-enrolment', programsInputs.reopenEnrolment, Program, 'matching → enrolling, when too few people signed up.'),
  'programs.launch': write('POST', '/programs/{id}/launch', programsInputs.launch, Program, 'matching → running.'),
  'programs.close': write('POST', '/programs/{id}/close', programsInputs.close, Program, 'Any phase → closed; active matches complete, the others end.'),

  'people.upsert': write('POST', '/people', peopleInputs.upsert, Person, 'Create a person, or replace the profile with the same id.'),
  'people.get': readById('/people/{id}', Person, 'Read one person.'),
  'people.list': read('/people', peopleInputs.list, list(Person), 'The directory, by name; filter by department or manager.'),
  'people.me': readMine('/people/me', Person, 'The caller’s own profile.'),
  'people.import': write('POST', '/people/import', peopleInputs.import, ImportReport, 'Import an HRIS export (CSV or JSON): good rows land together, bad rows are reported.'),

  'enrolments.enrol': write('POST', '/enrolments', enrolmentsInputs.enrol, Enrolment, 'Join a program as mentor or mentee (consent required).', 201),
  'enrolments.update': write('PATCH', '/enrolments/{id}', enrolmentsInputs.update, Enrolment, 'Edit skills, goals, availability, capacity or ranking.'),
  'enrolments.approve': write('POST', '/enrolments/{id}/approve', enrolmentsInputs.approve, Enrolment, 'Approve an application.'),
  'enrolments.waitlist': write('POST', '/enrolments/{id}/waitlist', enrolmentsInputs.waitlist, Enrolment, 'Put an application on the waiting list.'),
  'enrolments.decline': write('POST', '/enrolments/{id}/decline', enrolmentsInputs.decline, Enrolment, 'Decline an application.'),
  'enrolments.withdraw': write('POST', '/enrolments/{id}/withdraw', enrolmentsInputs.withdraw, Enrolment, 'Withdraw from a program.'),
  'enrolments.get': readById('/enrolments/{id}', Enrolment, 'Read one enrolment.'),
  'enrolments.list': read('/programs/{programId}/enrolments', enrolmentsInputs.list, list(Enrolment), 'A program’s enrolments (overseers see all, others their own).'),
  'enrolments.mine': readMine('/me/enrolments', list(Enrolment), 'The caller’s enrolments in every program.'),

  'matches.propose': write('POST', '/matches', matchesInputs.propose, Match, 'Propose one match (admin).', 201),
  'matches.proposeMany': write('POST', '/matches/batch', matchesInputs.proposeMany, list(Match), 'Propose many matches in one transaction.', 201),
  'matches.request': write('POST', '/matches/requests', matchesInputs.request, Match, 'Self mode: the caller (a mentee) asks a mentor.', 201),
  'matches.respond': write('POST', '/matches/{matchId}/respond', matchesInputs.respond, Match, 'Accept or decline a proposed match.'),
  'matches.decideTrial': write('POST', '/matches/{matchId}/trial-decision', matchesInputs.decideTrial, Match, 'After the trial meeting: continue, or the blameless way out.'),
  'matches.end': write('POST', '/matches/{matchId}/end', matchesInputs.end, Match, 'End a match early, with a note.'),
  'matches.complete': write('POST', '/matches/{matchId}/complete', matchesInputs.complete, Match, 'Complete an active match.'),
  'matches.rematch': write('POST', '/matches/{matchId}/rematch', matchesInputs.rematch, Match, 'A new match for members of an ended one.', 201),
  'matches.get': readById('/matches/{id}', Match, 'Read one match.'),
  'matches.list': read('/matches', matchesInputs.list, list(Match), 'Matches the caller may see; filter by program or status.'),

  // `suggest` reads only, but its locks and exclusions can be large: POST, without idempotency.
  'matching.suggest': { ...write('POST', '/programs/{programId}/matching/suggest', matchingInputs.suggest, MatchingProposal, 'The engine’s proposal (admin); changes nothing. With `Accept: application/x-ndjson`, once the solve reports progress the answer is one JSON line per report (`{"progress":{"done","total"}}`), then `{"result": …}` or `{"problem": …}`.'), mutation: false },
  'matching.explain': read('/programs/{programId}/matching/explain', matchingInputs.explain, PairExplanation, 'Why this pair scores what it does, or which rules rule it out.'),
  'matching.suggestions': read('/programs/{programId}/matching/suggestions', matchingInputs.suggestions, list(MentorSuggestion), 'Mentors the calling mentee may choose, best first.'),
  'matching.publish': write('POST', '/programs/{programId}/matching/publish', matchingInputs.publish, list(Match), 'Create proposed matches from a reviewed proposal.', 201),
  'matching.requestRanked': write('POST', '/programs/{programId}/matching/requests', matchingInputs.requestRanked, z.nullable(Match), 'Self mode: rank mentors and request the first who can take the caller.'),
  'matching.expireRequests': write('POST', '/programs/{programId}/matching/expire-requests', matchingInputs.expireRequests, ExpiredRequests, 'End lapsed requests and move each mentee on to their next choice.'),

  'agreements.get': readById('/agreements/{id}', Agreement, 'Read one agreement version.'),
  'agreements.list': read('/matches/{matchId}/agreements', agreementsInputs.list, list(Agreement), 'Every version of a match’s agreement, oldest first.'),
  'agreements.update': write('PATCH', '/agreements/{agreementId}', agreementsInputs.update, Agreement, 'Edit a draft agreement’s content.'),
  'agreements.send': write('POST', '/agreements/{agreementId}/send', agreementsInputs.send, Agreement, 'draft → awaiting signatures: the text is frozen and hashed.'),
  'agreements.returnToDraft': write('POST', '/agreements/{agreementId}/return-to-draft', agreementsInputs.returnToDraft, Agreement, 'awaiting signatures → draft, dropping signatures.'),
  'agreements.sign': write('POST', '/agreements/{agreementId}/sign', agreementsInputs.sign, Agreement, 'Sign the text with the given hash.'),
  'agreements.amend': write('POST', '/agreements/{agreementId}/amend', agreementsInputs.amend, Agreement, 'Start a new draft version from the one in force.', 201),

  'sessions.plan': write('POST', '/matches/{matchId}/sessions', sessionsInputs.plan, SessionView, 'Plan a meeting; the agenda carries open items over.', 201),
  'sessions.log': write('POST', '/sessions/{sessionId}/log', sessionsInputs.log, SessionView, 'Record a meeting as held: notes, topics, reflection, action items.'),
  'sessions.updateNotes': write('PATCH', '/sessions/{sessionId}/notes', sessionsInputs.updateNotes, SessionView, 'Edit shared notes or topics.'),
  'sessions.reflect': write('PUT', '/sessions/{sessionId}/reflection', sessionsInputs.reflect, SessionView, 'Set the caller’s reflection on a held session.'),
  'sessions.cancel': write('POST', '/sessions/{sessionId}/cancel', sessionsInputs.cancel, SessionView, 'Cancel a planned meeting.'),
  'sessions.markMissed': write('POST', '/sessions/{sessionId}/mark-missed', sessionsInputs.markMissed, SessionView, 'Mark a planned meeting as missed.'),
  'sessions.get': readById('/sessions/{id}', SessionView, 'Read one session as the caller may see it.'),
  'sessions.list': read('/matches/{matchId}/sessions', sessionsInputs.list, list(SessionView), 'A match’s sessions, earliest first.'),
  'sessions.readPrivateNote': readById('/sessions/{sessionId}/private-note', z.nullable(PrivateNote), 'The caller’s private note on a session, or null.'),
  'sessions.writePrivateNote': write('PUT', '/sessions/{sessionId}/private-note', sessionsInputs.writePrivateNote, PrivateNote, 'Write the caller’s private note (readable by the author alone).'),

  'actionItems.add': write('POST', '/matches/{matchId}/action-items', actionItemsInputs.add, ActionItem, 'Add an action item to a match.', 201),
  'actionItems.update': write('PATCH', '/action-items/{id}', actionItemsInputs.update, ActionItem, 'Edit an action item.'),
  'actionItems.setDone': write('PUT', '/action-items/{id}/done', actionItemsInputs.setDone, ActionItem, 'Tick an action item off, or reopen it.'),
  'actionItems.list': read('/matches/{matchId}/action-items', actionItemsInputs.list, list(ActionItem), 'A match’s action items, open first.'),

  home: readMine('/me/home', Home, 'The caller’s home: matches, next sessions, agreements to sign, open actions.'),
};

function compile<N extends OperationName>(name: N, spec: Spec): Operation<N> {
  const dot = name.indexOf('.');
  const pathParams = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const shape = spec.input && spec.argument === 'object' ? objectShape(spec.input) : null;
  return Object.freeze({
    name,
    namespace: dot < 0 ? null : (name.slice(0, dot) as Namespace),
    method: dot < 0 ? name : name.slice(dot + 1),
    http: spec.http,
    path: spec.path,
    argument: spec.argument,
    input: spec.input,
    output: spec.output,
    mutation: spec.mutation,
    status: spec.status ?? 200,
    summary: spec.summary,
    pathParams,
    ifMatch: !!shape && 'expectedVersion' in shape,
  });
}

/** Every operation of the contract, by name. */
export const operations = Object.freeze(
  Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, compile(name as OperationName, spec)])),
) as { readonly [N in OperationName]: Operation<N> };

/** The same operations as a list, in table order. */
export const operationList: readonly Operation[] = Object.values(operations);

// --- the HTTP mapping ---------------------------------------------------------------------------

/** One HTTP request, before it becomes a `Request`: the path is relative to the base path. */
export interface RequestParts {
  method: HttpMethod;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The JSON body (undefined for GET). */
  body: unknown;
}

export const IF_MATCH = 'If-Match';
export const IDEMPOTENCY_KEY = 'Idempotency-Key';

/** `"7"`, the entity tag of a record at version 7. */
export const etag = (version: number): string => `"${version}"`;

/** The version in an ETag/If-Match value, `'any'` for `*`, or null when it is not a version tag. */
export function parseVersionTag(value: string): number | 'any' | null {
  const trimmed = value.trim();
  if (trimmed === '*') return 'any';
  const match = /^"([1-9]\d{0,14})"$/.exec(trimmed);
  return match ? Number(match[1]) : null;
}

/** The ETag of a result: single records (anything with an integer `version`) get one. */
export function etagOf(result: unknown): string | null {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return null;
  const version = (result as { version?: unknown }).version;
  return Number.isSafeInteger(version) && (version as number) >= 1 ? etag(version as number) : null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function pathValue(value: unknown, name: string): string {
  // URLs resolve "." and ".." segments (even percent-encoded) away, so such an id cannot travel in a path.
  if (value === '.' || value === '..') throw new ValidationError([{ path: name, message: 'cannot be "." or ".." (not addressable in a URL)' }]);
  if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value);
  const message = value === undefined || value === null ? 'is required' : typeof value === 'string' ? 'must not be empty' : 'must be text';
  throw new ValidationError([{ path: name, message }]);
}

function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
}

/**
 * The HTTP request for calling `op` with `input` (what the `Upward` method takes). Throws a
 * `ValidationError` naming the field when a path parameter is missing. Pass the idempotency key
 * for mutations (the remote client makes one per call and keeps it across retries).
 */
export function buildRequest(op: Operation, input: unknown, options: { idempotencyKey?: string } = {}): RequestParts {
  const headers: Record<string, string> = {};
  if (op.mutation && options.idempotencyKey) headers[IDEMPOTENCY_KEY] = options.idempotencyKey;
  const parts: RequestParts = { method: op.http, path: op.path, query: {}, headers, body: op.http === 'GET' ? undefined : {} };

  if (op.argument === 'none') return parts;
  if (op.argument === 'id') {
    const name = op.pathParams[0]!;
    parts.path = fillPath(op.path, { [name]: pathValue(input, name) });
    return parts;
  }

  const fields = input === undefined || input === null ? {} : input;
  if (!isPlainObject(fields)) throw new ValidationError([{ path: '', message: 'must be an object' }]);
  const rest: Record<string, unknown> = { ...fields };
  const values: Record<string, string> = {};
  for (const name of op.pathParams) {
    values[name] = pathValue(fields[name], name);
    delete rest[name];
  }
  parts.path = fillPath(op.path, values);
  if (op.ifMatch && rest.expectedVersion !== undefined) {
    if (typeof rest.expectedVersion !== 'number') throw new ValidationError([{ path: 'expectedVersion', message: 'must be a whole number' }]);
    headers[IF_MATCH] = etag(rest.expectedVersion);
    delete rest.expectedVersion;
  }
  if (op.http === 'GET') {
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined || value === null) continue;
      parts.query[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  } else {
    parts.body = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  }
  return parts;
}

/** What the server has of a request once routed: path parameters, query, headers and parsed body. */
export interface IncomingParts {
  pathParams: Record<string, string>;
  query: URLSearchParams | Record<string, string | readonly string[] | undefined>;
  /** Fetch `Headers`, anything else with a case-insensitive `get`, or a plain name → value record. */
  headers: { get(name: string): string | null } | Record<string, string | readonly string[] | undefined>;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
}

function headerValue(headers: IncomingParts['headers'], name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

function queryEntries(query: IncomingParts['query']): [string, string][] {
  if (query instanceof URLSearchParams) return [...query.entries()];
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string') entries.push([key, value]);
    else if (value) for (const v of value) entries.push([key, v]);
  }
  return entries;
}

/** Turns query strings into what the field's schema expects; anything else is left for it to reject. */
function coerce(schema: Schema | undefined, raw: string): unknown {
  if (!schema) return raw;
  switch (scalarKind(schema)) {
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'integer':
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    default:
      return raw;
  }
}

/**
 * The input for `op`'s `Upward` method from an incoming request. Path parameters win over body
 * fields of the same name; `If-Match` fills `expectedVersion` (`*` or no header: no version
 * check). Not validated against the schema here: the handler and the service do that.
 */
export function parseRequest(op: Operation, request: IncomingParts): unknown {
  if (op.argument === 'none') return undefined;
  if (op.argument === 'id') return request.pathParams[op.pathParams[0]!];

  let input: Record<string, unknown>;
  if (op.http === 'GET') {
    const shape = (op.input && objectShape(op.input)) ?? {};
    input = {};
    for (const [key, raw] of queryEntries(request.query)) {
      if (key in input || key === '__proto__') continue; // first value wins
      input[key] = coerce(shape[key], raw);
    }
  } else if (request.body === undefined) {
    input = {};
  } else if (isPlainObject(request.body)) {
    input = { ...request.body };
  } else {
    throw new ValidationError([{ path: '', message: 'the request body must be a JSON object' }]);
  }
  for (const name of op.pathParams) input[name] = request.pathParams[name];

  const ifMatch = headerValue(request.headers, IF_MATCH);
  // A condition the server cannot check must not be ignored: the client meant "only if unchanged".
  if (op.mutation && !op.ifMatch && ifMatch !== undefined) throw new MalformedRequestError(IF_MATCH, `is not accepted by ${op.name}, which takes no version`);
  if (op.ifMatch && ifMatch !== undefined) {
    const version = parseVersionTag(ifMatch);
    if (version === null) throw new MalformedRequestError(IF_MATCH, 'must be a version tag such as "3", or *');
    if (version === 'any') delete input.expectedVersion;
    else input.expectedVersion = version;
  }
  return input;
}

/**
 * Checks `input` against the operation's schema, throwing the `ValidationError` the service
 * would. A bare id is reported under its path parameter's name (`id: must not be empty`).
 */
export function validateInput(op: Operation, input: unknown): void {
  if (!op.input) return;
  const result = z.safeParse(op.input, input);
  if (result.success) return;
  const issues = toFieldIssues(result.error, input);
  const name = op.argument === 'id' ? op.pathParams[0]! : null;
  throw new ValidationError(name ? issues.map((i) => ({ ...i, path: i.path ? `${name}.${i.path}` : name })) : issues);
}

/**
 * Calls the `Upward` method behind `op` (the server side of the contract). `signal` is the
 * request's (the client went away); `onProgress` reaches the methods that report progress.
 */
export function callOperation(
  upward: Upward,
  op: Operation,
  input: unknown,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<unknown> {
  const target = (op.namespace ? upward[op.namespace] : upward) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const method = target[op.method];
  if (typeof method !== 'function') throw new TypeError(`[upward] ${op.name} is not a method of Upward`);
  if (op.argument === 'none') return method.call(target);
  // `suggest` takes options: the request's signal cancels it, its progress can stream to the client.
  if (op.name === 'matching.suggest') return method.call(target, input, { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });
  return method.call(target, input);
}
