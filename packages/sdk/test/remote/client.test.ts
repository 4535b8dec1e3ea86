// The remote client's own behaviour beyond the shared suite: connecting (who is acting), auth
// headers, ETag/If-Match, the change feed, and that every call really goes over HTTP.
import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { createUpward, StaleVersionError, ValidationError, type FieldIssue } from '../../src/index.ts';
import { connectUpward, remoteUpward, UnauthenticatedError, type RemoteUpward } from '../../src/remote/client.ts';
import { errorFromProblem, Problem, problemFromError } from '../../src/remote/problems.ts';
import { people, programInput } from '../upward/world.ts';
import { BASE, startTestServer, worker, type TestServer } from './client-fixture.ts';
import { eventually } from '../eventually.ts';

describe('connectUpward', () => {
  let server: TestServer;
  const clients: RemoteUpward[] = [];
  const admin = { personId: 'hr', isAdmin: true };
  const connect = (actor: { personId: string; isAdmin?: boolean }) => {
    const client = remoteUpward({ baseUrl: BASE, actor, headers: server.headersFor(actor), outbox: false });
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server.dispose();
  });

  it('resolves once the server said who is acting, so `actor` is there from the first line', async () => {
    await createUpward({ store: server.store, actor: admin }).people.upsert(people.anna);
    const client = await connectUpward({ baseUrl: BASE, headers: server.headersFor({ personId: 'anna' }), outbox: false });
    clients.push(client);
    expect(client.actor).to.deep.equal({ personId: 'anna', isAdmin: false });
    expect(server.arrivals.map((a) => `${a.method} ${a.path}`)).to.deep.equal(['GET /session']);
  });

  it('learns the admin flag from the server, which an admin without a profile needs', async () => {
    const client = await connectUpward({ baseUrl: BASE, headers: server.headersFor(admin), outbox: false });
    clients.push(client);
    expect(client.actor).to.deep.equal({ personId: admin.personId, isAdmin: true });
  });

  it('rejects with `unauthenticated` when the server does not know the caller', async () => {
    const error = await connectUpward({ baseUrl: BASE, outbox: false }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(UnauthenticatedError);
    expect((error as UnauthenticatedError).code).to.equal('unauthenticated');
  });

  it('goes over HTTP for every call: the record is in the server’s store, not in the page', async () => {
    const p = await connect(admin).people.upsert(people.anna);
    expect(p).to.include({ id: 'anna', version: 1 });
    const stored = await createUpward({ store: server.store, actor: admin }).people.get('anna');
    expect(stored.name).to.equal('Anna Schmidt');
    const write = server.arrivals.find((a) => a.method === 'POST')!;
    expect(write).to.include({ path: '/people', status: 200 });
    expect(write.key, 'a mutation carries an Idempotency-Key').to.match(/^[0-9a-f-]{36}$/);
  });

  it('asks for a fresh bearer token before every request', async () => {
    const seen: (string | null)[] = [];
    worker.use(
      http.all(`${BASE}/*`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        // Nothing returned: msw hands the request on to the real handler.
      }),
    );
    let n = 0;
    const client = remoteUpward({ baseUrl: BASE, actor: admin, headers: server.headersFor(admin), getToken: () => `token-${++n}`, outbox: false });
    clients.push(client);
    await client.people.upsert(people.anna);
    await client.people.get('anna');
    expect(seen).to.deep.equal(['Bearer token-1', 'Bearer token-2']);
  });

  it('sends expectedVersion as If-Match; a stale one is a 412 and a StaleVersionError (code `conflict`)', async () => {
    const hr = connect(admin);
    const first = await hr.people.upsert(people.anna);
    await hr.people.upsert({ ...people.anna, title: 'Engineer', expectedVersion: first.version });
    const error = await hr.people.upsert({ ...people.anna, title: 'Stale', expectedVersion: first.version }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(StaleVersionError);
    expect(error).to.include({ code: 'conflict', reason: 'stale', entity: 'person', id: 'anna' });
    expect((error as Error).message).to.contain('was changed by someone else');
    expect(server.arrivals.at(-1)).to.include({ status: 412 });
    expect((await hr.people.get('anna')).title).to.equal('Engineer');
  });

  it('brings each field issue’s code and parameters over HTTP, as the in-process SDK throws them', async () => {
    const hr = connect(admin);
    // Checked only by the server (against the stored program), so this one really crosses the wire.
    const program = await createUpward({ store: server.store, actor: admin }).programs.create(programInput({ championIds: [] }));
    const error = await hr.programs.update({ id: program.id, expectedVersion: program.version, changes: { endDate: '2020-01-01' } }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError);
    expect(server.arrivals.at(-1)).to.include({ status: 422 });
    expect((error as ValidationError).issues).to.deep.equal([{ path: 'changes.endDate', message: 'must be after the kickoff date', code: 'end_before_start' }]);
    // Every parameter a message needs survives problem+json and the client's parsing of it.
    const issues: FieldIssue[] = [
      { path: 'name', message: 'must not be empty', code: 'too_small', origin: 'string', minimum: 1, inclusive: true },
      { path: 'rules.maxLevelGap', message: 'must be less than 20', code: 'too_big', origin: 'number', maximum: 20, inclusive: false },
      { path: 'email', message: 'must be an email address like name@example.com', code: 'invalid_format', format: 'email' },
      { path: 'level', message: 'must be a whole number', code: 'invalid_type', expected: 'int' },
      { path: 'role', message: 'Anna is level 2; mentees in this program are at least level 5', code: 'broken_rule', violation: { rule: 'level-limit', details: { person: 'Anna', role: 'mentee', level: 2, limit: 5 } } },
      { path: 'note', message: 'said only in English' },
    ];
    const back = errorFromProblem(Problem.parse(JSON.parse(JSON.stringify(problemFromError(new ValidationError(issues))))));
    expect((back as ValidationError).issues).to.deep.equal(issues);
    // A newer server may know codes, origins and rules this client does not: it keeps the message
    // (and the code `custom`, which says "read the message") instead of failing on the answer.
    const newer = { ...problemFromError(new ValidationError([])), issues: [{ path: 'x', message: 'm', code: 'too_sunny', origin: 'weather', violation: { rule: 'moon-phase', details: {} } }] };
    expect((errorFromProblem(Problem.parse(newer)) as ValidationError).issues).to.deep.equal([{ path: 'x', message: 'm', code: 'custom' }]);
    const unreadableRule = { ...newer, issues: [{ path: 'x', message: 'm', code: 'broken_rule', violation: { rule: 'moon-phase', details: {} } }] };
    expect((errorFromProblem(Problem.parse(unreadableRule)) as ValidationError).issues).to.deep.equal([{ path: 'x', message: 'm', code: 'custom' }]);
  });

  it('hears other people’s changes through the server’s event feed, and its own write once', async () => {
    const hr = connect(admin);
    const anna = connect({ personId: 'anna' });
    await hr.people.upsert(people.anna);
    const heard: string[] = [];
    const stop = anna.subscribe((changes) => heard.push(...changes.map((c) => `${c.entity}:${c.id}`)));
    // The feed is open once the server has it: wait for the stream request to arrive.
    await eventually(() => server.arrivals.some((a) => a.path === '/events'));
    await hr.people.upsert({ ...people.anna, title: 'Engineer' });
    await eventually(() => heard.length === 1);
    expect(heard).to.deep.equal(['person:anna']);
    await anna.people.upsert({ ...people.anna, title: 'Senior Engineer' }).catch(() => undefined); // forbidden: not an admin
    const mine = connect(admin);
    const ownHeard: string[] = [];
    const stopOwn = mine.subscribe((changes) => ownHeard.push(...changes.map((c) => `${c.entity}:${c.id}`)));
    await eventually(() => server.arrivals.filter((a) => a.path === '/events').length === 2);
    await mine.people.upsert(people.ben);
    await new Promise((r) => setTimeout(r, 500));
    // Announced when the answer came, and the feed's echo of the same change dropped.
    expect(ownHeard).to.deep.equal(['person:ben']);
    await eventually(() => heard.length === 2);
    expect(heard).to.deep.equal(['person:anna', 'person:ben']);
    stop();
    stopOwn();
  });
});
