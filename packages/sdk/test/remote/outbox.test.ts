// The offline outbox in a real browser: IndexedDB, Web Locks, the real handler behind msw.
// Writes made offline wait, survive a reload (a new client on the same database), go out in
// order exactly once, are sent by one tab only, are shown to the UI, are never silently dropped,
// and leave the device on sign-out.
import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { createUpward, type Upward } from '../../src/index.ts';
import { QueuedOfflineError, openOutbox, remoteUpward, type OutboxState, type RemoteUpward } from '../../src/remote/client.ts';
import { people } from '../upward/world.ts';
import { BASE, startTestServer, worker, type TestServer } from './client-fixture.ts';
import { eventually } from '../eventually.ts';
import { fakeNetwork, outboxName, type FakeNetwork } from './client-network.ts';

const admin = { personId: 'hr', isAdmin: true };

async function queued(promise: Promise<unknown>): Promise<QueuedOfflineError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(QueuedOfflineError);
    expect((error as QueuedOfflineError).code).to.equal('queued');
    return error as QueuedOfflineError;
  }
  throw new Error('an offline write resolved: that would be a false "saved"');
}

describe('offline outbox', () => {
  let server: TestServer;
  let engine: Upward;
  let net: FakeNetwork;
  let name: string;
  const clients: RemoteUpward[] = [];
  const client = (actor: { personId: string; isAdmin?: boolean } = admin, network = net) => {
    const c = remoteUpward({
      baseUrl: BASE,
      actor,
      headers: server.headersFor(actor),
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      // The backoff timer is for real outages; here each pass is started by the test.
      outbox: { name, retryDelayMs: 60_000 },
      environment: network.environment,
      events: false,
    });
    clients.push(c);
    return c;
  };
  const writes = () => server.arrivals.filter((a) => a.method !== 'GET');

  beforeEach(async () => {
    server = await startTestServer();
    engine = createUpward({ store: server.store, actor: admin });
    net = fakeNetwork();
    name = outboxName();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.dispose();
    indexedDB.deleteDatabase(name);
  });

  it('keeps a write made offline, says so honestly, and shows it to the UI', async () => {
    const tab = client();
    const states: OutboxState[] = [];
    const stop = tab.outbox.subscribe((state) => states.push(state));
    net.goOffline();
    const error = await queued(tab.people.upsert(people.anna));
    expect(error.entryId).to.be.a('string');
    expect(error.message).to.contain('queued in the offline outbox');
    const [entry] = await tab.outbox.pending();
    expect(entry).to.include({ id: error.entryId, operation: 'people.upsert', personId: 'hr' });
    expect(entry!.input).to.deep.include({ id: 'anna', name: 'Anna Schmidt' });
    await eventually(() => states.at(-1)?.pending.length === 1);
    expect(writes(), 'nothing reached the server').to.have.length(0);
    stop();
  });

  it('survives a reload and replays in order, exactly once, when the connection returns', async () => {
    const first = client();
    net.goOffline();
    await queued(first.people.upsert(people.anna));
    await queued(first.people.upsert({ ...people.anna, title: 'Engineer' }));
    await queued(first.people.upsert({ ...people.anna, title: 'Senior Engineer' }));
    const keys = (await first.outbox.pending()).map((e) => e.idempotencyKey);
    first.close(); // the page goes away

    const reloaded = client(); // a new page on the same device, still offline
    expect((await reloaded.outbox.pending()).map((e) => e.idempotencyKey)).to.deep.equal(keys);
    net.goOnline();
    await eventually(async () => (await reloaded.outbox.pending()).length === 0);
    expect(writes().map((w) => w.key)).to.deep.equal(keys);
    for (const key of keys) expect(server.applied(key)).to.equal(1);
    const anna = await engine.people.get('anna');
    expect(anna).to.include({ title: 'Senior Engineer', version: 3 });
    // Once the pass under way is over, later passes find nothing to send.
    await reloaded.outbox.flush();
    expect(await reloaded.outbox.flush()).to.deep.equal({ sent: 0, failed: 0, remaining: 0 });
    expect(writes()).to.have.length(3);
  });

  it('puts a write made online behind older queued ones, and answers it when it lands', async () => {
    const offlineTab = client();
    net.goOffline();
    await queued(offlineTab.people.upsert(people.anna));
    const [older] = await offlineTab.outbox.pending();
    const onlineTab = client(admin, fakeNetwork()); // another tab, with a connection
    const ben = await onlineTab.people.upsert(people.ben);
    expect(ben).to.include({ id: 'ben', version: 1 });
    const sent = writes();
    expect(sent).to.have.length(2);
    expect(sent[0]!.key, 'the older write went first').to.equal(older!.idempotencyKey);
    expect(await onlineTab.outbox.pending()).to.have.length(0);
    expect((await engine.people.get('anna')).version).to.equal(1);
  });

  it('moves a replay the server refuses (4xx) to `failed`, with the reason, until discarded', async () => {
    await engine.people.upsert(people.anna);
    const tab = client();
    net.goOffline();
    const refused = await queued(tab.people.upsert({ ...people.ben, email: people.anna.email }));
    const fine = await queued(tab.people.upsert(people.cara));
    net.goOnline();
    await eventually(async () => (await tab.outbox.pending()).length === 0);
    const [failed] = await tab.outbox.failed();
    expect(failed).to.deep.include({ id: refused.entryId, operation: 'people.upsert' });
    expect(failed!.error.code).to.equal('conflict');
    expect(failed!.error.message).to.contain('already belongs to Anna Schmidt');
    expect((await engine.people.get('cara')).name, `entry ${fine.entryId} behind it still went out`).to.equal('Cara Silva');
    // A reload still shows it: refused writes are never dropped silently.
    const reloaded = client();
    expect((await reloaded.outbox.failed()).map((f) => f.id)).to.deep.equal([refused.entryId]);
    await reloaded.outbox.discard(refused.entryId);
    expect(await reloaded.outbox.failed()).to.have.length(0);
  });

  it('keeps the field issues of a refused replay for the UI', async () => {
    const tab = client();
    net.goOffline();
    await queued(tab.people.upsert({ ...people.anna, level: 0 }));
    net.goOnline();
    await eventually(async () => (await tab.outbox.failed()).length === 1);
    const [failed] = await tab.outbox.failed();
    expect(failed!.error.code).to.equal('validation');
    // With its code and limits, so the UI can say it in the reader's language after a reload too.
    expect(failed!.error.issues).to.deep.include({ path: 'level', message: 'must be at least 1', code: 'too_small', origin: 'number', minimum: 1, inclusive: true });
  });

  it('keeps a write that gets no answer on replay, and sends it when the server is back', async () => {
    const tab = client();
    net.goOffline();
    await queued(tab.people.upsert(people.anna));
    worker.use(http.post(`${BASE}/people`, () => new Response(null, { status: 503 })));
    net.goOnline();
    await eventually(async () => (await tab.outbox.pending())[0]?.attempts === 1);
    const [kept] = await tab.outbox.pending();
    expect(kept!.lastError!.code).to.equal('server');
    worker.resetHandlers();
    expect(await tab.outbox.flush()).to.include({ sent: 1, remaining: 0 });
    expect(server.applied(kept!.idempotencyKey)).to.equal(1);
  });

  it('lets only one tab send: two clients draining at once send each write once', async () => {
    const tabA = client();
    const netB = fakeNetwork();
    const tabB = client(admin, netB);
    net.goOffline();
    for (const person of [people.anna, people.ben, people.cara, people.chris]) await queued(tabA.people.upsert(person));
    let inFlight = 0;
    let most = 0;
    worker.use(
      http.post(`${BASE}/people`, async ({ request }) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 30));
        try {
          return await server.handle(request);
        } finally {
          inFlight--;
        }
      }),
    );
    net.goOnline();
    const [a, b] = await Promise.all([tabA.outbox.flush(), tabB.outbox.flush()]);
    expect(a.sent + b.sent).to.equal(4);
    expect(most, 'the Web Lock lets one tab send at a time').to.equal(1);
    const keys = writes().map((w) => w.key);
    expect(new Set(keys).size).to.equal(4);
    expect(keys).to.have.length(4);
  });

  it('sends only the signed-in person’s writes, and clears them on sign-out', async () => {
    const anna = client({ personId: 'anna' });
    const hr = client();
    net.goOffline();
    await queued(anna.sessions.writePrivateNote({ sessionId: 's1', text: 'My private thoughts' }));
    await queued(hr.people.upsert(people.ben));
    expect(await hr.outbox.pending()).to.have.length(1);
    await anna.signOut();
    const raw = openOutbox({ name });
    const left = [...(await raw.pending()), ...(await raw.failed())];
    raw.close();
    expect(left.map((e) => e.personId)).to.deep.equal(['hr']);
    expect(JSON.stringify(left)).not.to.contain('My private thoughts');
    await hr.signOut();
    const after = openOutbox({ name });
    expect(await after.pending()).to.have.length(0);
    after.close();
  });
});
