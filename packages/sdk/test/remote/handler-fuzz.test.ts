// Property: no request, however malformed, makes the handler answer >= 500. 1,000 generated
// requests mix random paths, methods, headers and bodies with near-valid calls of every operation
// (real paths, plausible field names, random values) so that many reach the services.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { operationList, type Operation } from '../../src/remote/contract.ts';
import { objectShape } from '../../src/remote/schema-shape.ts';
import { BASE, createHarness, type Harness } from './handler-harness.ts';

const NUM_RUNS = 1000;
const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

function arbitraries(h: Harness) {
  const { world } = h;
  const knownIds = [world.programId, world.matchId, world.sessionId, world.agreementId, world.actionItemId, world.mentorId, world.menteeId, 'admin', 'me'];
  const idLike = fc.oneof(fc.constantFrom(...knownIds), printable(12), fc.constantFrom('', ' ', '..', '%', '%E0%A4%A', '%00', '\u{1F600}', 'a/b'));
  const actor = fc.option(fc.oneof(fc.constantFrom('admin', world.mentorId, world.menteeId, 'stranger'), printable(10)), { nil: undefined });
  const method = fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS');
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...knownIds), fc.integer(), fc.boolean(), fc.constant(null));

  /** A real operation path with random parameter values, or random segments. */
  const path = fc.oneof(
    fc.tuple(fc.constantFrom(...operationList), fc.array(idLike, { minLength: 3, maxLength: 3 })).map(([op, values]) => {
      let i = 0;
      return op.path.replace(/\{\w+\}/g, () => encodeURIComponent(values[i++]!));
    }),
    fc.array(fc.oneof(fc.constantFrom('programs', 'people', 'matches', 'sessions', 'me', 'events', 'openapi.json'), idLike.map(encodeURIComponent)), { maxLength: 5 }).map((s) => `/${s.join('/')}`),
    printable(30).map((s) => `/${s.replace(/[#?]/g, '')}`),
  );
  const query = fc.dictionary(fc.constantFrom('phase', 'open', 'limit', 'programId', 'status', 'role', 'menteeId', 'mentorId', 'department', '__proto__'), printable(8), { maxKeys: 3 });
  const body = fc.oneof(
    fc.constant(undefined),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    printable(40),
    fc.constantFrom('{', '{"a":', 'null', '[]', '"text"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'),
  );
  const headers = fc.record(
    {
      authorization: actor.map((a) => (a === undefined ? undefined : `Bearer ${a}`)),
      'idempotency-key': fc.option(printable(20), { nil: undefined }),
      'if-match': fc.option(fc.oneof(printable(8), fc.nat().map((n) => `"${n}"`), fc.constant('*')), { nil: undefined }),
      'content-type': fc.option(fc.constantFrom('application/json', 'text/plain', 'application/merge-patch+json', 'multipart/form-data'), { nil: undefined }),
    },
    { requiredKeys: [] },
  );

  const raw = fc.record({ method, path, query, body, headers }).map(({ method, path, query, body, headers }) => {
    const url = new URL(`${BASE}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
    const init: RequestInit = { method, headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string> };
    if (method !== 'GET' && body !== undefined) init.body = body;
    return { describe: `${method} ${url.pathname}${url.search} ${body ?? ''}`, make: () => new Request(url, init) };
  });

  /** A near-valid call: the operation's own field names with random (often wrong) values. */
  const nearValid = fc.constantFrom(...operationList).chain((op: Operation) => {
    const fields = Object.keys((op.input && objectShape(op.input)) ?? {});
    const input =
      op.argument === 'id'
        ? idLike
        : fc.dictionary(fields.length ? fc.constantFrom(...fields) : fc.constant('x'), value, { maxKeys: Math.max(1, fields.length) });
    return fc.record({ input, as: actor, key: fc.option(printable(12), { nil: undefined }) }).map(({ input, as, key }) => ({
      describe: `${op.name} ${JSON.stringify(input)}`,
      make: () => {
        try {
          return h.request(op.name, input, { as: as ?? 'admin', ...(key ? { key } : {}) });
        } catch {
          // buildRequest refused it (a missing path parameter): send it raw instead.
          return new Request(`${BASE}${op.path}`, { method: op.http, headers: { authorization: `Bearer ${as ?? 'admin'}` } });
        }
      },
    }));
  });

  return fc.oneof(raw, nearValid);
}

describe('REST handler under malformed requests', () => {
  it(`answers ${NUM_RUNS} generated requests without a single 5xx`, async function () {
    this.timeout(120_000);
    const h = await createHarness();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(arbitraries(h), async ({ describe: what, make }) => {
        const response = await h.handler(make());
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        await response.body?.cancel();
        if (response.status >= 500) throw new Error(`${response.status} for ${what}: ${String(h.unexpected.at(-1))}`);
        if (response.status >= 400) expect(response.headers.get('content-type')).to.equal('application/problem+json');
      }),
      { numRuns: NUM_RUNS },
    );
    expect(h.unexpected).to.deep.equal([]);
    // The mix must reach the services, not only bounce at the router.
    expect([...statuses.keys()].some((s) => s < 300), `statuses ${JSON.stringify([...statuses])}`).to.equal(true);
    expect(statuses.get(422) ?? 0).to.be.greaterThan(10);
  });
});
