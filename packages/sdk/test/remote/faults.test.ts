// Faults at the HTTP boundary, injected with msw in front of the real handler: dropped
// connections, lost answers, timeouts, slow answers, 5xx, 409, 412, malformed JSON and answers
// that break the contract. The promise a caller holds must never say "saved" for a write the
// server does not have, and a write that got no answer must never be lost.
import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { ConflictError, createUpward, StaleVersionError, type Upward } from '../../src/index.ts';
import { remoteUpward, NetworkError, ProtocolError, QueuedOfflineError, ServerError, type RemoteUpward } from '../../src/remote/client.ts';
import { people } from '../upward/world.ts';
import { snapshotOf } from '../upward/snapshot.ts';
import { BASE, startTestServer, worker, type TestServer } from './client-fixture.ts';
import { eventually } from '../eventually.ts';
import { fakeNetwork, outboxName } from './client-network.ts';

const admin = { personId: 'hr', isAdmin: true };
const fast = { baseDelayMs: 5, maxDelayMs: 20 };

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it resolved (a false "saved")');
}

describe('faults at the HTTP boundary', () => {
  let server: TestServer;
  let engine: Upward;
  const clients: RemoteUpward[] = [];
  const client = (options: Partial<Parameters<typeof remoteUpward>[0]> = {}) => {
    const c = remoteUpward({ baseUrl: BASE, actor: admin, headers: server.headersFor(admin), retry: fast, outbox: false, ...options });
    clients.push(c);
    return c;
  };
  const writesTo = (path: string) => server.arrivals.filter((a) => a.method !== 'GET' && a.path === path);

  beforeEach(async () => {
    server = await startTestServer();
    engine = createUpward({ store: server.store, actor: admin });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.dispose();
  });

  describe('reads', () => {
    it('retry a dropped connection and a 503, then succeed', async () => {
      await engine.people.upsert(people.anna);
      worker.use(
        http.get(`${BASE}/people/anna`, () => HttpResponse.error(), { once: true }),
        http.get(`${BASE}/people/anna`, () => HttpResponse.json({ code: 'storage' }, { status: 503 }), { once: true }),
      );
      expect((await client().people.get('anna')).name).to.equal('Anna Schmidt');
    });

    it('give up after the configured tries with a typed `network` error', async () => {
      let tries = 0;
      worker.use(
        http.get(`${BASE}/people/anna`, () => {
          tries++;
          return HttpResponse.error();
        }),
      );
      const error = await failure(client({ retry: { ...fast, attempts: 4 } }).people.get('anna'));
      expect(error).to.be.instanceOf(NetworkError);
      expect(error).to.include({ code: 'network', reason: 'failed' });
      expect(tries).to.equal(4);
    });

    it('time out a slow answer with reason `timeout`, and wait for one that is merely slow', async () => {
      await engine.people.upsert(people.anna);
      const ours = server; // the timed-out request still arrives, after this test perhaps
      worker.use(
        http.get(`${BASE}/people/anna`, async ({ request }) => {
          await delay(400);
          return ours.handle(request);
        }),
      );
      const error = await failure(client({ timeoutMs: 100, retry: false }).people.get('anna'));
      expect(error).to.include({ code: 'network', reason: 'timeout' });
      expect((await client({ timeoutMs: 2_000 }).people.get('anna')).id).to.equal('anna');
    });

    it('keep the caller’s own abort an AbortError, not a network fault', async () => {
      worker.use(http.get(`${BASE}/programs`, async () => delay(1_000)));
      const cancel = new AbortController();
      // Reads take the same `{ signal }` option `matching.suggest` has.
      const list = client().programs.list as (input: object, options: { signal: AbortSignal }) => Promise<unknown>;
      const pending = list({}, { signal: cancel.signal });
      setTimeout(() => cancel.abort(), 50);
      const error = await failure(pending);
      expect((error as Error).name).to.equal('AbortError');
    });

    it('report malformed JSON and answers that break the contract as `protocol` errors', async () => {
      worker.use(
        http.get(`${BASE}/people/anna`, () => new HttpResponse('{"id": "anna", ', { headers: { 'content-type': 'application/json' } }), { once: true }),
        http.get(`${BASE}/people/anna`, () => HttpResponse.json({ id: 'anna', name: 42 }), { once: true }),
        http.get(`${BASE}/people/anna`, () => new HttpResponse('<html>proxy login</html>', { headers: { 'content-type': 'text/html' } }), { once: true }),
      );
      const c = client();
      const malformed = await failure(c.people.get('anna'));
      expect(malformed).to.be.instanceOf(ProtocolError);
      expect((malformed as Error).message).to.contain('malformed JSON');
      const wrongShape = await failure(c.people.get('anna'));
      expect(wrongShape).to.include({ code: 'protocol' });
      expect((wrongShape as Error).message).to.match(/breaks the contract \(version: /);
      expect(await failure(c.people.get('anna'))).to.include({ code: 'protocol' });
    });
  });

  describe('writes', () => {
    it('retry a 500 with the same Idempotency-Key and land once', async () => {
      worker.use(http.post(`${BASE}/people`, () => HttpResponse.json({ code: 'server' }, { status: 500 }), { once: true }));
      const saved = await client().people.upsert(people.anna);
      expect(saved.version).to.equal(1);
      const keys = writesTo('/people').map((a) => a.key);
      expect(keys).to.have.length(1); // the 500 came from msw, in front of the server
      expect(server.applied(keys[0]!)).to.equal(1);
    });

    it('reject a lasting 5xx as `server` and store nothing — never a false "saved"', async () => {
      worker.use(http.post(`${BASE}/people`, () => HttpResponse.json({ detail: 'boom' }, { status: 502 })));
      const before = await snapshotOf(server.store);
      const error = await failure(client().people.upsert(people.anna));
      expect(error).to.be.instanceOf(ServerError);
      expect(error).to.include({ code: 'server', status: 502 });
      expect(await snapshotOf(server.store)).to.deep.equal(before);
    });

    it('apply a write exactly once when the answer is lost and the retry repeats its key', async () => {
      // The server applies the write, then the connection drops before the answer arrives.
      worker.use(
        http.post(
          `${BASE}/people`,
          async ({ request }) => {
            await server.handle(request);
            return HttpResponse.error();
          },
          { once: true },
        ),
      );
      const saved = await client().people.upsert(people.anna);
      expect(saved).to.include({ id: 'anna', version: 1 });
      const [first, second] = writesTo('/people');
      expect(first!.key).to.equal(second!.key);
      expect(second!.replayed).to.equal(true);
      expect(server.applied(first!.key!)).to.equal(1);
      expect((await engine.people.get('anna')).version).to.equal(1);
    });

    it('do not retry a 409: a real conflict is final and typed', async () => {
      await engine.people.upsert(people.anna);
      const error = await failure(client().people.upsert({ ...people.ben, email: people.anna.email }));
      expect(error).to.be.instanceOf(ConflictError);
      expect(error).to.not.be.instanceOf(StaleVersionError);
      expect((error as Error).message).to.contain('already belongs to Anna Schmidt');
      expect(writesTo('/people')).to.have.length(1);
    });

    it('map a 412 to StaleVersionError without retrying', async () => {
      const saved = await engine.people.upsert(people.anna);
      await engine.people.upsert({ ...people.anna, title: 'Engineer' });
      const error = await failure(client().people.upsert({ ...people.anna, expectedVersion: saved.version }));
      expect(error).to.be.instanceOf(StaleVersionError);
      expect(writesTo('/people')).to.have.length(1);
    });

    it('treat malformed JSON after a write as `protocol`, not as saved', async () => {
      worker.use(http.post(`${BASE}/people`, () => new HttpResponse('{oops', { headers: { 'content-type': 'application/json' } }), { once: true }));
      const error = await failure(client().people.upsert(people.anna));
      expect(error).to.include({ code: 'protocol' });
    });

    it('queue a write that times out, with its key, and replay it exactly once', async () => {
      const net = fakeNetwork();
      const name = outboxName();
      // Bound to this test's server: the late write must not land in the next test's store
      // (`server` is the next test's by the time the delayed answer runs).
      const ours = server;
      worker.use(
        http.post(
          `${BASE}/people`,
          async ({ request }) => {
            await delay(400);
            return ours.handle(request);
          },
          { once: true },
        ),
      );
      const c = client({ timeoutMs: 100, retry: false, outbox: { name, retryDelayMs: 60_000 }, environment: net.environment });
      const error = await failure(c.people.upsert(people.anna));
      expect(error).to.be.instanceOf(QueuedOfflineError);
      const [entry] = await c.outbox.pending();
      expect(entry).to.include({ id: (error as QueuedOfflineError).entryId, operation: 'people.upsert' });
      await eventually(async () => (await c.outbox.flush()).remaining === 0);
      expect(server.applied(entry!.idempotencyKey)).to.equal(1);
      expect((await engine.people.get('anna')).version).to.equal(1);
      await c.signOut();
      indexedDB.deleteDatabase(name);
    });

    it('send slow answers through when they beat the timeout', async () => {
      worker.use(
        http.post(`${BASE}/people`, async ({ request }) => {
          await delay(150);
          return server.handle(request);
        }),
      );
      expect((await client({ timeoutMs: 2_000 }).people.upsert(people.anna)).version).to.equal(1);
    });
  });
});
