// The operations table against the real `Upward` interface (it can never drift), the shape rules
// the HTTP mapping relies on, and buildRequest/parseRequest as exact inverses.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  StaleVersionError,
  StorageError,
  ValidationError,
} from '../../src/errors.ts';
import {
  buildRequest,
  errorFromProblem,
  etagOf,
  operationList,
  operations,
  parseRequest,
  parseVersionTag,
  problemFromError,
  validateInput,
  type Operation,
} from '../../src/remote/contract.ts';
import { Problem } from '../../src/remote/problems.ts';
import { objectShape, scalarKind } from '../../src/remote/schema-shape.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';
import { createUpward } from '../../src/upward.ts';

/** Every method of a real `Upward`, as `namespace.method` (or `home`). */
function upwardMethods(): string[] {
  const upward = createUpward({ store: memoryStore(), actor: { personId: 'p' } }) as unknown as Record<string, unknown>;
  const names: string[] = [];
  for (const [key, value] of Object.entries(upward)) {
    if (key === 'subscribe' || key === 'actor') continue;
    if (typeof value === 'function') names.push(key);
    else if (value && typeof value === 'object') {
      for (const [method, fn] of Object.entries(value)) if (typeof fn === 'function') names.push(`${key}.${method}`);
    }
  }
  return names.sort();
}

const pathFields = (op: Operation) => op.pathParams;

describe('REST contract: the operations table', () => {
  it('lists every method of Upward, and nothing else', () => {
    expect(Object.keys(operations).sort()).to.deep.equal(upwardMethods());
  });

  it('names each entry after its key, with namespace and method split', () => {
    for (const [name, op] of Object.entries(operations)) {
      expect(op.name).to.equal(name);
      expect(op.namespace ? `${op.namespace}.${op.method}` : op.method).to.equal(name);
    }
  });

  it('gives every route one operation per method', () => {
    const routes = operationList.map((op) => `${op.http} ${op.path.replace(/\{\w+\}/g, '{}')}`);
    expect(new Set(routes).size).to.equal(routes.length);
  });

  it('fills every path parameter from a field of the input (or the bare id)', () => {
    for (const op of operationList) {
      if (op.argument === 'none') {
        expect(op.pathParams, op.name).to.deep.equal([]);
        expect(op.input, op.name).to.equal(null);
      } else if (op.argument === 'id') {
        expect(op.pathParams, op.name).to.have.length(1);
      } else {
        const shape = objectShape(op.input!);
        expect(shape, `${op.name} takes an object`).to.not.equal(null);
        for (const name of pathFields(op)) expect(shape!, `${op.name} has ${name}`).to.have.property(name);
      }
    }
  });

  it('reads with GET only what a query string can carry: scalars', () => {
    for (const op of operationList.filter((o) => o.http === 'GET' && o.argument === 'object')) {
      for (const [name, schema] of Object.entries(objectShape(op.input!)!)) {
        if (op.pathParams.includes(name)) continue;
        expect(scalarKind(schema), `${op.name}.${name}`).to.not.equal('other');
      }
    }
  });

  it('marks GET as safe and every write but `matching.suggest` as a mutation', () => {
    for (const op of operationList) {
      if (op.http === 'GET') expect(op.mutation, op.name).to.equal(false);
      else expect(op.mutation, op.name).to.equal(op.name !== 'matching.suggest');
    }
  });

  it('sends If-Match exactly for the inputs with expectedVersion', () => {
    const withVersion = operationList.filter((op) => op.ifMatch).map((op) => op.name);
    expect(withVersion).to.include.members(['programs.update', 'sessions.log', 'agreements.send', 'people.upsert', 'actionItems.setDone']);
    expect(withVersion).not.to.include('sessions.reflect');
  });
});

describe('REST contract: buildRequest and parseRequest', () => {
  /** A request as the server sees it after routing. */
  function roundTrip(op: Operation, input: unknown): unknown {
    const parts = buildRequest(op, input);
    const url = new URL(`http://x${parts.path}`);
    for (const [k, v] of Object.entries(parts.query)) url.searchParams.set(k, v);
    const template = op.path.split('/');
    const actual = url.pathname.split('/');
    const pathParams: Record<string, string> = {};
    template.forEach((segment, i) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (name) pathParams[name] = decodeURIComponent(actual[i]!);
    });
    const body = parts.body === undefined ? undefined : JSON.parse(JSON.stringify(parts.body));
    return parseRequest(op, { pathParams, query: url.searchParams, headers: new Headers(parts.headers), body });
  }

  const idText = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && s !== '.' && s !== '..');
  function sampleFor(op: Operation): fc.Arbitrary<unknown> {
    if (op.argument === 'none') return fc.constant(undefined);
    if (op.argument === 'id') return idText;
    const shape = objectShape(op.input!)!;
    const fields: Record<string, fc.Arbitrary<unknown>> = {};
    for (const name of op.pathParams) fields[name] = idText;
    if (op.ifMatch) fields.expectedVersion = fc.integer({ min: 1, max: 1_000_000 });
    for (const [name, schema] of Object.entries(shape)) {
      if (name in fields || name === 'expectedVersion') continue;
      if (op.http === 'GET') {
        const kind = scalarKind(schema);
        fields[name] = kind === 'boolean' ? fc.boolean() : kind === 'integer' ? fc.integer({ min: -5, max: 500 }) : fc.string({ maxLength: 10 }).filter((s) => !/^-?\d+(\.\d+)?$/.test(s));
      } else {
        fields[name] = fc.jsonValue({ maxDepth: 2 });
      }
    }
    return fc.record(fields, { requiredKeys: [...op.pathParams, ...(op.ifMatch ? ['expectedVersion'] : [])] });
  }

  it('are inverses for every operation (path, query with coercion, If-Match, body)', () => {
    for (const op of operationList) {
      fc.assert(
        fc.property(sampleFor(op), (input) => {
          // JSON cannot carry -0; normalise the expectation the way the wire does.
          expect(roundTrip(op, input), op.name).to.deep.equal(input === undefined ? undefined : JSON.parse(JSON.stringify(input)));
        }),
        { numRuns: 40 },
      );
    }
  });

  it('maps sessions.log onto POST /sessions/{id}/log with If-Match and the rest in the body', () => {
    const parts = buildRequest(operations['sessions.log'], { sessionId: 's 1', expectedVersion: 3, sharedNotes: 'n' }, { idempotencyKey: 'k' });
    expect(parts).to.deep.equal({ method: 'POST', path: '/sessions/s%201/log', query: {}, headers: { 'Idempotency-Key': 'k', 'If-Match': '"3"' }, body: { sharedNotes: 'n' } });
  });

  it('puts GET fields in the query and skips absent ones', () => {
    const parts = buildRequest(operations['actionItems.list'], { matchId: 'm1', open: false });
    expect(parts).to.deep.include({ method: 'GET', path: '/matches/m1/action-items', query: { open: 'false' }, body: undefined });
    expect(buildRequest(operations['programs.list'], undefined).query).to.deep.equal({});
  });

  it('refuses to build a request without its path parameter, naming the field', () => {
    expect(() => buildRequest(operations['sessions.log'], { sharedNotes: 'x' })).to.throw(ValidationError).with.property('issues').that.deep.equals([{ path: 'sessionId', message: 'is required' }]);
    expect(() => buildRequest(operations['programs.get'], '')).to.throw(ValidationError);
    expect(() => buildRequest(operations['programs.get'], '..')).to.throw(ValidationError, /not addressable/);
  });

  it('lets path parameters win over body fields of the same name', () => {
    const input = parseRequest(operations['sessions.log'], { pathParams: { sessionId: 'from-path' }, query: {}, headers: {}, body: { sessionId: 'from-body' } });
    expect(input).to.deep.equal({ sessionId: 'from-path' });
  });

  it('refuses a body that is not a JSON object', () => {
    for (const body of [[], 'text', 3, null]) {
      expect(() => parseRequest(operations['programs.create'], { pathParams: {}, query: {}, headers: {}, body })).to.throw(ValidationError);
    }
  });

  it('validates a bare id under its parameter’s name', () => {
    expect(() => validateInput(operations['programs.get'], '  ')).to.throw(ValidationError).with.property('issues').that.deep.equals([{ path: 'id', message: 'must not be empty', code: 'too_small', origin: 'string', minimum: 1, inclusive: true }]);
  });

  it('reads version tags and record ETags', () => {
    expect(parseVersionTag('"12"')).to.equal(12);
    expect(parseVersionTag(' * ')).to.equal('any');
    for (const bad of ['12', 'W/"1"', '"0"', '"01"', '"1.5"', '""']) expect(parseVersionTag(bad), bad).to.equal(null);
    expect(etagOf({ id: 'x', version: 4 })).to.equal('"4"');
    expect(etagOf([{ version: 4 }])).to.equal(null);
    expect(etagOf(null)).to.equal(null);
  });
});

describe('REST contract: problems', () => {
  const errors = [
    new ValidationError([{ path: 'name', message: 'must not be empty' }]),
    new NotFoundError('program', 'p1'),
    new ForbiddenError('programs.create', 'only admins create programs.'),
    new ConflictError('person', 'x', 'The email is taken.'),
    new StaleVersionError('program', 'p1', 2, 3, 'The program "p1" was changed by someone else.'),
    new InvalidTransitionError('match', 'm1', 'proposed', 'active'),
  ];

  it('turns an SDK error into a problem and back into the same error', () => {
    for (const error of errors) {
      const problem = problemFromError(error);
      expect(z.safeParse(Problem, problem).success, error.name).to.equal(true);
      const back = errorFromProblem(problem)!;
      expect(back.constructor, error.name).to.equal(error.constructor);
      expect(back.message).to.equal(error.message);
      expect(back.code).to.equal(error.code);
      expect(JSON.parse(JSON.stringify(back))).to.deep.equal(JSON.parse(JSON.stringify(error)));
    }
  });

  it('uses the documented statuses', () => {
    expect(errors.map((e) => problemFromError(e).status)).to.deep.equal([422, 404, 403, 409, 412, 409]);
    expect(problemFromError(new StorageError('postgres', 'unavailable', 'connect ECONNREFUSED 10.0.0.5:5432'))).to.deep.include({ status: 503, code: 'storage', reason: 'unavailable' });
    expect(problemFromError(new StorageError('postgres', 'unavailable', 'connect ECONNREFUSED 10.0.0.5:5432')).detail).not.to.contain('10.0.0.5');
    expect(problemFromError(new TypeError('x is undefined'))).to.deep.include({ status: 500, code: 'server' });
  });
});
