/**
 * The OpenAPI 3.1 description of the REST contract, generated from `operations` and the same zod
 * schemas the services validate with (zod/mini's `toJSONSchema`), so the document cannot say
 * something the code does not do. Entities and problems are shared `components/schemas`.
 */
import * as z from 'zod/mini';
import { ActionItem, Agreement, Enrolment, Match, Person, PrivateNote, Program } from '../domain/index.ts';
import { IDEMPOTENCY_KEY, IF_MATCH, operationList, type Operation } from './contract.ts';
import { Home, ImportReport, MatchingProposal, MentorSuggestion, PairExplanation, SessionView } from './outputs.ts';
import { Problem } from './problems.ts';

type Json = Record<string, unknown>;
type Schema = z.core.$ZodType;

/** Named schemas, shared by reference. Results are described as the server writes them. */
const components: Record<string, Schema> = {
  Program,
  Person,
  Enrolment,
  Match,
  Agreement,
  SessionView,
  PrivateNote,
  ActionItem,
  Home,
  ImportReport,
  MatchingProposal,
  MentorSuggestion,
  PairExplanation,
  Problem,
};

const REF_PREFIX = '#/components/schemas/';

/** Replaces zod's local `#/$defs/X` references with component references, recursively. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$schema' || key === '$id' || key === '$defs') continue;
    out[key] = key === '$ref' && typeof child === 'string' ? child.replace(/^#\/\$defs\//, REF_PREFIX) : relink(child);
  }
  return out;
}

function toJson(schema: Schema, registry: z.core.$ZodRegistry<{ id?: string }>, io: 'input' | 'output'): Json {
  // Refinements have no JSON Schema form (the server still checks them); anything else that
  // cannot be represented becomes `{}` instead of throwing.
  return relink(z.toJSONSchema(schema, { metadata: registry, io, unrepresentable: 'any', target: 'draft-2020-12' })) as Json;
}

/** The schema without some fields (path parameters, `expectedVersion`), through `allOf`. */
function withoutFields(schema: Json, names: readonly string[]): Json {
  const out: Json = { ...schema };
  if (out.properties && typeof out.properties === 'object') {
    out.properties = Object.fromEntries(Object.entries(out.properties as Json).filter(([k]) => !names.includes(k)));
  }
  if (Array.isArray(out.required)) {
    const required = (out.required as string[]).filter((k) => !names.includes(k));
    if (required.length) out.required = required;
    else delete out.required;
  }
  if (Array.isArray(out.allOf)) out.allOf = (out.allOf as Json[]).map((s) => withoutFields(s, names));
  return out;
}

/** Every property of an object schema (through `allOf`), with whether it is required. */
function propertiesOf(schema: Json): Map<string, { schema: Json; required: boolean }> {
  const found = new Map<string, { schema: Json; required: boolean }>();
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const [name, s] of Object.entries((schema.properties as Json | undefined) ?? {})) found.set(name, { schema: s as Json, required: required.has(name) });
  for (const part of (schema.allOf as Json[] | undefined) ?? []) for (const [k, v] of propertiesOf(part)) found.set(k, v);
  return found;
}

const problemRef = { $ref: `${REF_PREFIX}Problem` };
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemRef } } });
const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Malformed request: not JSON, a bad header, or a mutation without an Idempotency-Key (code `validation`).',
  '401': 'No valid credentials (code `unauthenticated`).',
  '403': 'The caller may not do this (code `forbidden`).',
  '404': 'No such record, or not visible to the caller (code `not-found`).',
  '409': 'A conflict (code `conflict`), an invalid state change (code `invalid-transition`), or the same Idempotency-Key still running (`reason: in-progress`).',
  '412': 'If-Match names a version that is no longer current (code `conflict`, `reason: stale`).',
  '422': 'Invalid input, every failing field in `issues` (code `validation`); or an Idempotency-Key reused for a different request.',
  '503': 'The data store is unavailable (code `storage`); retry later.',
  '500': 'Unexpected server error (code `server`).',
};

function operationObject(op: Operation, registry: z.core.$ZodRegistry<{ id?: string }>): Json {
  const parameters: Json[] = [];
  const inputJson = op.input ? toJson(op.input, registry, 'input') : null;
  const fields = inputJson && op.argument === 'object' ? propertiesOf(inputJson) : new Map<string, { schema: Json; required: boolean }>();

  for (const name of op.pathParams) {
    const schema = op.argument === 'id' && inputJson ? inputJson : (fields.get(name)?.schema ?? { type: 'string' });
    parameters.push({ name, in: 'path', required: true, schema });
  }
  if (op.http === 'GET') {
    for (const [name, { schema, required }] of fields) {
      if (op.pathParams.includes(name)) continue;
      parameters.push({ name, in: 'query', required, schema });
    }
  }
  if (op.ifMatch) {
    parameters.push({
      name: IF_MATCH,
      in: 'header',
      required: false,
      description: 'The version the caller read, as an entity tag (`"3"`): the change is refused with 412 if the record has moved on. `*` or absent: no check.',
      schema: { type: 'string', pattern: '^(\\*|"[1-9][0-9]*")$' },
    });
  }
  if (op.mutation) {
    parameters.push({
      name: IDEMPOTENCY_KEY,
      in: 'header',
      required: true,
      description: 'A unique key per intended change (a UUID). A retry with the same key and request gets the first answer again, with `Idempotent-Replayed: true`.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }

  const success: Json = {
    description: op.status === 201 ? 'Created.' : 'OK.',
    content: { 'application/json': { schema: toJson(op.output, registry, 'output') } },
  };
  if (op.output !== null) {
    success.headers = {
      ETag: { description: 'The record’s version (`"3"`), on single-record results: send it back as If-Match.', schema: { type: 'string' } },
      ...(op.mutation ? { 'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier request with the same key.', schema: { type: 'string' } } } : {}),
    };
  }
  const responses: Json = { [String(op.status)]: success };
  for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
    if (status === '412' && !op.ifMatch) continue;
    responses[status] = problemResponse(description);
  }

  const operation: Json = {
    operationId: op.name,
    summary: op.summary,
    tags: [op.namespace ?? 'me'],
    parameters,
    responses,
  };
  if (op.http !== 'GET' && inputJson && op.argument === 'object') {
    operation.requestBody = {
      required: true,
      content: { 'application/json': { schema: withoutFields(inputJson, [...op.pathParams, ...(op.ifMatch ? ['expectedVersion'] : [])]) } },
    };
  }
  return operation;
}

/** `{id}` in our paths is already OpenAPI's template syntax. */
export interface OpenApiOptions {
  /** The server URL the contract is mounted at. Default `/api/v1`. */
  basePath?: string;
  version?: string;
}

export function openApiDocument(options: OpenApiOptions = {}): Json {
  const registry = z.registry<{ id?: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const schemas: Json = {};
  const all = z.toJSONSchema(registry, { uri: (id) => `${REF_PREFIX}${id}`, io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });
  for (const [id, schema] of Object.entries(all.schemas)) schemas[id] = relink(schema);

  const paths: Record<string, Json> = {};
  for (const op of operationList) {
    (paths[op.path] ??= {})[op.http.toLowerCase()] = operationObject(op, registry);
  }
  paths['/events'] = {
    get: {
      operationId: 'events',
      summary: 'Server-Sent Events: each `data:` line is a JSON array of changes (entity, id, kind — never the data). A comment every 15 s keeps the line open.',
      tags: ['events'],
      responses: {
        '200': { description: 'An event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        '401': problemResponse(ERROR_RESPONSES['401']!),
      },
    },
  };
  paths['/session'] = {
    get: {
      operationId: 'session',
      summary: 'Who the server says is acting, from the request’s credentials: `{ personId, isAdmin }`.',
      tags: ['meta'],
      responses: {
        '200': {
          description: 'The acting person.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['personId', 'isAdmin'],
                properties: { personId: { type: 'string' }, isAdmin: { type: 'boolean' } },
                additionalProperties: false,
              },
            },
          },
        },
        '401': problemResponse(ERROR_RESPONSES['401']!),
      },
    },
  };
  paths['/openapi.json'] = {
    get: {
      operationId: 'openapi',
      summary: 'This document.',
      tags: ['meta'],
      security: [],
      responses: { '200': { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Upward REST API',
      version: options.version ?? '1.0.0',
      description:
        'The `Upward` client interface over HTTP. Errors are RFC 9457 problems carrying the SDK error `code`. Mutations need an `Idempotency-Key`; `expectedVersion` travels as `If-Match`.',
    },
    servers: [{ url: options.basePath ?? '/api/v1' }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(operationList.map((op) => op.namespace ?? 'me')), 'events', 'meta'].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
