// The transport's retry policy, timed with a recording `sleep`: exponential backoff with full
// jitter, capped; a server's Retry-After honoured; the same Idempotency-Key on every try; no
// retry where one would not help. `fetch` is a plain function here: no server is needed.
import { expect } from '@open-wc/testing';
import { browserEnvironment } from '../../src/remote/client-environment.ts';
import { createTransport } from '../../src/remote/transport.ts';
import { RateLimitedError } from '../../src/remote/client-errors.ts';

function recording(random = () => 0.5) {
  const sleeps: number[] = [];
  return { sleeps, environment: { ...browserEnvironment(), online: () => true, random, sleep: async (ms: number) => void sleeps.push(ms) } };
}

const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: `urn:upward:problem:${code}`, title: code, status, detail: `${code} happened`, code }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

describe('transport', () => {
  it('backs off exponentially with full jitter, capped, and repeats the Idempotency-Key', async () => {
    const { sleeps, environment } = recording(() => 0.5);
    const keys: (string | null)[] = [];
    const transport = createTransport({
      baseUrl: 'https://upward.test/api/v1',
      environment,
      retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 300 },
      fetch: async (_url, init) => {
        keys.push(new Headers(init?.headers).get('idempotency-key'));
        if (keys.length < 5) return problem(503, 'storage');
        return Response.json({ ok: true });
      },
    });
    const answer = await transport.send({ method: 'POST', path: '/people', headers: { 'Idempotency-Key': 'k-1' }, body: {} }, { operation: 'people.upsert', retry: true });
    expect(answer.body).to.deep.equal({ ok: true });
    expect(sleeps).to.deep.equal([50, 100, 150, 150]); // 0.5 × min(300, 100·2ⁿ)
    expect(keys).to.deep.equal(['k-1', 'k-1', 'k-1', 'k-1', 'k-1']);
  });

  it('waits as long as Retry-After asks, within the cap', async () => {
    const { sleeps, environment } = recording(() => 0);
    let n = 0;
    const transport = createTransport({
      baseUrl: 'https://upward.test/api/v1',
      environment,
      retry: { attempts: 2, maxDelayMs: 5_000 },
      fetch: async () => (++n === 1 ? new Response(null, { status: 429, headers: { 'retry-after': '2' } }) : Response.json([])),
    });
    await transport.send({ method: 'GET', path: '/programs' }, { operation: 'programs.list', retry: true });
    expect(sleeps).to.deep.equal([2_000]);
  });

  it('after its last try at a 429, throws a RateLimitedError that says how long the server asked to wait', async () => {
    const { sleeps, environment } = recording(() => 0);
    const transport = createTransport({
      baseUrl: 'https://upward.test/api/v1',
      environment,
      retry: { attempts: 2, maxDelayMs: 5_000 },
      fetch: async () => Response.json({ statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded, retry in 1 minute' }, { status: 429, headers: { 'retry-after': '60' } }),
    });
    const error = await transport.send({ method: 'GET', path: '/home' }, { operation: 'home', retry: true }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RateLimitedError);
    expect(error).to.include({ code: 'rate-limited', retryAfterMs: 60_000 });
    expect((error as Error).message).to.contain('Too many requests');
    expect(sleeps).to.deep.equal([5_000], 'Retry-After within the cap');
  });

  it('does not retry a 4xx, nor anything when told not to', async () => {
    const { sleeps, environment } = recording();
    let calls = 0;
    const transport = createTransport({
      baseUrl: 'https://upward.test/api/v1',
      environment,
      fetch: async () => {
        calls++;
        return problem(403, 'forbidden');
      },
    });
    const error = await transport.send({ method: 'GET', path: '/programs/p1' }, { operation: 'programs.get', retry: true }).catch((e: unknown) => e);
    expect(error).to.include({ code: 'forbidden' });
    expect((error as Error).message).to.equal('[upward] forbidden happened');
    expect(calls).to.equal(1);
    expect(sleeps).to.deep.equal([]);
  });

  it('fails at once with reason `offline` when the device says it is offline', async () => {
    let calls = 0;
    const transport = createTransport({
      baseUrl: '/api/v1',
      environment: { ...browserEnvironment(), online: () => false },
      fetch: async () => {
        calls++;
        return Response.json({});
      },
    });
    const error = await transport.send({ method: 'GET', path: '/me/home' }, { operation: 'home', retry: true }).catch((e: unknown) => e);
    expect(error).to.include({ code: 'network', reason: 'offline' });
    expect(calls).to.equal(0);
  });

  it('builds URLs under the API root with query parameters, and sends JSON', async () => {
    let seen: { url: string; type: string | null; body: unknown } | undefined;
    const transport = createTransport({
      baseUrl: 'https://upward.test/api/v1/',
      environment: recording().environment,
      headers: () => ({ 'X-Tenant': 'acme' }),
      fetch: async (url, init) => {
        seen = { url: String(url), type: new Headers(init?.headers).get('content-type'), body: JSON.parse(String(init?.body)) };
        expect(new Headers(init?.headers).get('x-tenant')).to.equal('acme');
        return new Response(null, { status: 204 });
      },
    });
    const answer = await transport.send({ method: 'POST', path: '/programs/p 1/launch', query: { a: '1', b: ['x', 'y'] }, body: { z: 1 } }, { operation: 'programs.launch', retry: false });
    expect(seen).to.deep.equal({ url: 'https://upward.test/api/v1/programs/p%201/launch?a=1&b=x&b=y', type: 'application/json', body: { z: 1 } });
    expect(answer).to.include({ status: 204, body: undefined });
  });
});
