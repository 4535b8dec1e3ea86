// The generated OpenAPI 3.1 document: every operation at its path and method with
// operationId = op name, every $ref resolving, the headers and problems the contract promises.
import { expect } from '@open-wc/testing';
import { operationList } from '../../src/remote/contract.ts';
import { openApiDocument } from '../../src/remote/openapi.ts';

type Json = Record<string, any>;
const doc = openApiDocument() as Json;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function* walk(value: unknown, at: string): Generator<[string, Json]> {
  if (!value || typeof value !== 'object') return;
  yield [at, value as Json];
  for (const [key, child] of Object.entries(value)) yield* walk(child, `${at}/${key}`);
}

function resolve(ref: string): unknown {
  expect(ref, ref).to.match(/^#\//);
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with info, a server and bearer JWT security', () => {
    expect(doc.openapi).to.equal('3.1.0');
    expect(doc.info.title).to.be.a('string');
    expect(doc.servers).to.deep.equal([{ url: '/api/v1' }]);
    expect(doc.components.securitySchemes.bearerAuth).to.deep.equal({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.security).to.deep.equal([{ bearerAuth: [] }]);
    expect(openApiDocument({ basePath: '/hr/upward' }).servers).to.deep.equal([{ url: '/hr/upward' }]);
  });

  it('has every operation at its path and method, with operationId = the operation’s name', () => {
    for (const op of operationList) {
      const operation = doc.paths[op.path]?.[op.http.toLowerCase()];
      expect(operation, `${op.http} ${op.path}`).to.be.an('object');
      expect(operation.operationId).to.equal(op.name);
      expect(operation.summary).to.equal(op.summary);
      expect(operation.responses[String(op.status)].content['application/json'].schema, op.name).to.be.an('object');
    }
  });

  it('has nothing the table does not (besides /events, /session and /openapi.json), and unique operationIds', () => {
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const method of Object.keys(item)) {
        expect(METHODS, `${method} ${path}`).to.include(method);
        ids.push(item[method].operationId);
      }
    }
    expect(ids.sort()).to.deep.equal([...operationList.map((op) => op.name), 'events', 'session', 'openapi'].sort());
  });

  it('resolves every $ref, and uses no zod-local $defs', () => {
    let refs = 0;
    for (const [at, node] of walk(doc, '#')) {
      expect(node, at).not.to.have.property('$defs');
      if (typeof node.$ref === 'string') {
        refs++;
        expect(resolve(node.$ref), `${at} → ${node.$ref}`).to.be.an('object');
      }
    }
    expect(refs).to.be.greaterThan(50);
  });

  it('shares the entities and the problem as components', () => {
    for (const name of ['Program', 'Person', 'Enrolment', 'Match', 'Agreement', 'SessionView', 'PrivateNote', 'ActionItem', 'Home', 'Problem']) {
      expect(doc.components.schemas, name).to.have.property(name);
    }
    expect(doc.components.schemas.Program.required).to.include.members(['id', 'version', 'phase', 'name']);
    expect(doc.components.schemas.Problem.required).to.include.members(['type', 'title', 'status', 'detail', 'code']);
    expect(doc.paths['/programs/{id}'].get.responses['200'].content['application/json'].schema).to.deep.equal({ $ref: '#/components/schemas/Program' });
  });

  it('declares every path parameter, the query fields of reads, and a body for writes without path fields or expectedVersion', () => {
    for (const op of operationList) {
      const operation = doc.paths[op.path][op.http.toLowerCase()];
      const params = operation.parameters as Json[];
      for (const name of op.pathParams) {
        expect(params.find((p) => p.in === 'path' && p.name === name), `${op.name} {${name}}`).to.deep.include({ required: true });
      }
      if (op.http === 'GET') expect(operation, op.name).not.to.have.property('requestBody');
      if (op.http !== 'GET' && op.argument === 'object') {
        const body = operation.requestBody.content['application/json'].schema;
        const names = new Set<string>();
        for (const [, node] of walk(body, '#')) for (const key of Object.keys(node.properties ?? {})) names.add(key);
        for (const name of [...op.pathParams, ...(op.ifMatch ? ['expectedVersion'] : [])]) expect([...names], `${op.name} body`).not.to.include(name);
      }
    }
    const list = doc.paths['/matches/{matchId}/action-items'].get.parameters as Json[];
    expect(list.find((p) => p.name === 'open')).to.deep.include({ in: 'query', required: false, schema: { type: 'boolean' } });
  });

  it('requires Idempotency-Key on mutations and offers If-Match where a version is checked', () => {
    for (const op of operationList) {
      const params = doc.paths[op.path][op.http.toLowerCase()].parameters as Json[];
      const key = params.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      const ifMatch = params.find((p) => p.in === 'header' && p.name === 'If-Match');
      if (op.mutation) expect(key, op.name).to.deep.include({ required: true });
      else expect(key, op.name).to.equal(undefined);
      if (op.ifMatch) expect(ifMatch, op.name).to.deep.include({ required: false });
      else expect(ifMatch, op.name).to.equal(undefined);
    }
  });

  it('answers every failure with the problem schema, and 412 only where If-Match applies', () => {
    for (const op of operationList) {
      const responses = doc.paths[op.path][op.http.toLowerCase()].responses as Json;
      for (const status of ['400', '401', '403', '404', '409', '422', '500', '503']) {
        expect(responses[status].content['application/problem+json'].schema, `${op.name} ${status}`).to.deep.equal({ $ref: '#/components/schemas/Problem' });
      }
      expect('412' in responses, op.name).to.equal(op.ifMatch);
    }
  });

  it('keeps /openapi.json public and /events authenticated', () => {
    expect(doc.paths['/openapi.json'].get.security).to.deep.equal([]);
    expect(doc.paths['/events'].get).not.to.have.property('security');
    expect(doc.paths['/events'].get.responses['200'].content).to.have.property('text/event-stream');
  });
});
