/**
 * 1,000 malformed requests per route of the contract (fast-check): random path parameters
 * (percent signs, dot segments, control characters, very long ids), query strings, headers
 * (bad If-Match, bad or reused Idempotency-Key, garbage credentials, cookies without the CSRF
 * header), and bodies (random JSON of any shape, broken JSON, invalid UTF-8, the wrong content
 * type). Not one answer may be a 5xx, every error must be problem+json, and the server must
 * still answer a good request afterwards. Runs on PGlite, as the acting admin half of the time
 * so malformed input reaches the services too.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { operationList } from '@upward/sdk/remote/contract';
import type { UpwardServer } from '../src/index.ts';
import { BASE, memoryDatabase, ok, programInput, seedPeople, startServer } from './http/harness.ts';

const RUNS = Number(process.env.UPWARD_FUZZ_RUNS ?? 1000);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('..', '.', '%', '%zz', '%00', '%2F', '%2e%2e', ' ', '\t', '\u0000', '🙂', '\ud83d', '\ude00x', 'a'.repeat(300), '-1', '1e999', 'null', '{}', '[]', '<script>'),
);
const segment = nasty.map((s) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ZZ'; // lone surrogates cannot be encoded: send a broken escape instead
  }
}).map((s) => (Math.random() < 0.2 ? s.replace(/%25/g, '%') : s));

const body = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ programId: v, id: v, matchId: v, sessionId: v, changes: v, text: v, expectedVersion: v })),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"a":', '[1,2', 'null', '""', '1e309', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}'),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(undefined),
);

const headers = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', ''),
    'if-match': fc.oneof(fc.string({ maxLength: 12 }).filter((s) => /^[\x20-\x7e]*$/.test(s)), fc.constantFrom('"1"', '"0"', '*', '"999999999999999999"', 'W/"1"', '"-1"')),
    'idempotency-key': fc.oneof(fc.string({ maxLength: 300 }).filter((s) => /^[\x20-\x7e]*$/.test(s)), fc.constantFrom('same-key', 'k'.repeat(256))),
    'x-upward-acting-as': fc.constantFrom('admin', 'anna', 'nobody', '', ' admin ', 'admin\t'),
    authorization: fc.constantFrom('Bearer x', 'Bearer', 'Basic YTpi', 'Bearer a.b.c'),
    cookie: fc.constantFrom('session=1', ''),
    'x-upward-request': fc.constantFrom('1', '0'),
  },
  { requiredKeys: [] },
);

describe('Malformed requests: 1,000 per route, never a 5xx', () => {
  let server: UpwardServer;

  before(async () => {
    const database = await memoryDatabase();
    await seedPeople(database);
    server = await startServer({ database, config: { bodyLimit: 100_000 } });
    await ok(server, 'admin', 'programs.create', programInput());
  });
  after(async () => {
    await server.close();
    await server.database.close();
  });

  // The SSE stream never ends on its own, so it is not fuzzed here; everything else is.
  const routes = [...new Map(operationList.map((op) => [`${op.http} ${op.path}`, op])).values()];

  for (const op of routes) {
    it(`${op.http} ${BASE}${op.path}`, async () => {
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(op.http, op.http, op.http, ...METHODS),
          fc.array(segment, { minLength: op.pathParams.length, maxLength: op.pathParams.length }),
          fc.option(segment, { nil: undefined }),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
          headers,
          body,
          async (method, params, extra, query, hdrs, payload) => {
            let i = 0;
            const path = op.path.replace(/\{\w+\}/g, () => params[i++] ?? 'x') + (extra !== undefined ? `/${extra}` : '');
            const qs = new URLSearchParams(query).toString();
            const cleanHeaders = Object.fromEntries(Object.entries(hdrs).filter(([, v]) => v !== ''));
            const sendBody = method !== 'GET' && payload !== undefined;
            const res = await server.app.inject({
              method,
              url: `${BASE}${path}${qs ? `?${qs}` : ''}`,
              headers: cleanHeaders,
              ...(sendBody ? { payload } : {}),
            });
            if (res.statusCode >= 500) failures.push(`${method} ${path} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            if (res.statusCode >= 400 && !/^application\/problem\+json/.test(String(res.headers['content-type']))) {
              failures.push(`${method} ${path} → ${res.statusCode} without problem+json (${res.headers['content-type']})`);
            }
            return res.statusCode < 500;
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );
      expect(failures).to.deep.equal([]);
      // Still alive and answering.
      expect((await ok(server, 'anna', 'people.me', undefined)).id).to.equal('anna');
    });
  }
});
