/**
 * A whole small program over HTTP (on PGlite, and on PostgreSQL when DATABASE_URL is set): an admin creates and opens a program, a mentor and
 * a mentee enrol, the admin approves and pairs them, both accept, they meet and log it, and each
 * sees exactly what they should (the champion: the schedule, never the notes; a private note:
 * its author alone). Also the HTTP contract around it: idempotent replays, If-Match, SSE, the
 * problem format for the server's own errors, security headers and the static demo page.
 */
import { after, before, describe, it } from 'node:test';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { expect } from 'chai';
import { createServer, defineConfig, type UpwardServer } from '../src/index.ts';
import { isCrossSiteForgery } from '../src/http/security.ts';
import { BASE, call, databasesUnderTest, memoryDatabase, ok, people, programInput, seedPeople, startServer } from './http/harness.ts';

for (const { name, open } of databasesUnderTest()) describe(`HTTP: a whole program flow (${name})`, () => {
  let server: UpwardServer;
  const ids: Record<string, string> = {};

  before(async () => {
    const database = await open();
    await seedPeople(database);
    server = await startServer({ database });
  });
  after(async () => {
    await server.close();
    await server.database.close();
  });

  it('runs from a new program to a logged session, each person seeing what they may', async () => {
    const program = await ok(server, 'admin', 'programs.create', programInput());
    ids.program = program.id;
    const opened = await call(server, 'admin', 'programs.openEnrolment', { id: program.id, expectedVersion: program.version });
    expect(opened.status).to.equal(200);
    expect(opened.headers.etag).to.equal(`"${program.version + 1}"`);

    const mentor = await ok(server, 'anna', 'enrolments.enrol', {
      programId: program.id,
      personId: 'anna',
      role: 'mentor',
      skills: [{ skill: 'TikTok' }],
      consent: true,
    });
    const mentee = await ok(server, 'vp-sales', 'enrolments.enrol', {
      programId: program.id,
      personId: 'vp-sales',
      role: 'mentee',
      skills: [{ skill: 'TikTok' }],
      consent: true,
    });
    // Participants cannot approve themselves.
    expect((await call(server, 'anna', 'enrolments.approve', { id: mentor.id })).status).to.equal(403);
    await ok(server, 'admin', 'enrolments.approve', { id: mentor.id });
    await ok(server, 'admin', 'enrolments.approve', { id: mentee.id });
    await ok(server, 'admin', 'programs.startMatching', { id: program.id });

    // The engine's proposal as the pairing board asks for it: progress lines from the server's
    // matching thread, then the proposal, the same one a plain JSON answer gives.
    const streamed = await call(server, 'admin', 'matching.suggest', { programId: program.id }, { headers: { accept: 'application/x-ndjson, application/json' } });
    expect(streamed.status).to.equal(200);
    expect(streamed.headers['content-type']).to.match(/^application\/x-ndjson/);
    const lines = streamed.text.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).to.have.property('progress');
    expect(lines.at(-1)).to.deep.equal({ result: await ok(server, 'admin', 'matching.suggest', { programId: program.id }) });

    const match = await ok(server, 'admin', 'matches.propose', { programId: program.id, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
    ids.match = match.id;
    await ok(server, 'anna', 'matches.respond', { matchId: match.id, accept: true });
    const accepted = await ok(server, 'vp-sales', 'matches.respond', { matchId: match.id, accept: true });
    expect(accepted.status).to.equal('accepted');

    const planned = await ok(server, 'anna', 'sessions.plan', { matchId: match.id, scheduledAt: '2027-02-01T10:00:00Z' });
    expect(planned.isTrial).to.equal(true);
    const held = await ok(server, 'anna', 'sessions.log', {
      sessionId: planned.id,
      expectedVersion: planned.version,
      sharedNotes: 'SHARED-NOTES-MARKER: we tried short videos',
      topics: ['Social media habits'],
      learned: 'How a board thinks about risk',
      actionItems: [{ text: 'Post one video', ownerId: 'vp-sales' }],
    });
    expect(held.status).to.equal('held');
    ids.session = held.id;
    await ok(server, 'anna', 'sessions.writePrivateNote', { sessionId: held.id, text: 'PRIVATE-NOTE-MARKER' });

    // The mentee sees the shared notes, not the mentor's private note.
    const asMentee = await call(server, 'vp-sales', 'sessions.get', held.id);
    expect(asMentee.text).to.include('SHARED-NOTES-MARKER');
    const menteeNote = await call(server, 'vp-sales', 'sessions.readPrivateNote', held.id);
    expect(menteeNote.status).to.equal(200);
    expect(menteeNote.body).to.equal(null);
    const mentorNote = await call(server, 'anna', 'sessions.readPrivateNote', held.id);
    expect(mentorNote.body).to.include({ text: 'PRIVATE-NOTE-MARKER', authorId: 'anna' });

    // The champion follows up on when and how, never on what was said.
    const asChampion = await call(server, 'chris', 'sessions.get', held.id);
    expect(asChampion.status).to.equal(200);
    expect(asChampion.body).to.include({ visibility: 'schedule', status: 'held' });
    expect(asChampion.text).not.to.include('SHARED-NOTES-MARKER');
    expect(asChampion.text).not.to.include('board thinks');
    expect(asChampion.body).not.to.have.any.keys('sharedNotes', 'reflections', 'agenda');
    // Someone outside the program sees nothing of it.
    expect((await call(server, 'ceo', 'sessions.get', held.id)).status).to.equal(403);

    const home = await ok(server, 'vp-sales', 'home', undefined);
    expect(home.matches).to.have.length(1);
    expect(home.matches[0].partners[0]).to.include({ personId: 'anna', role: 'mentor' });
    expect(home.openActionItems.map((a: { text: string }) => a.text)).to.deep.equal(['Post one video']);
  });

  it('answers a retried mutation from the first attempt, byte for byte, and applies it once', async () => {
    const key = 'retry-key-1';
    const first = await call(server, 'anna', 'actionItems.add', { matchId: ids.match!, text: 'Share a reading list', ownerId: 'anna' }, { idempotencyKey: key });
    const second = await call(server, 'anna', 'actionItems.add', { matchId: ids.match!, text: 'Share a reading list', ownerId: 'anna' }, { idempotencyKey: key });
    expect(first.status).to.equal(201);
    expect(second.status).to.equal(201);
    expect(second.text).to.equal(first.text);
    expect(second.headers['idempotent-replayed']).to.equal('true');
    const list = await ok(server, 'anna', 'actionItems.list', { matchId: ids.match! });
    expect(list.filter((a: { text: string }) => a.text === 'Share a reading list')).to.have.length(1);
    // The same key for a different request is refused, not silently replayed.
    const reused = await call(server, 'anna', 'actionItems.add', { matchId: ids.match!, text: 'Something else', ownerId: 'anna' }, { idempotencyKey: key });
    expect(reused.status).to.equal(422);
  });

  it('refuses a write based on a stale version with 412 and keeps the newer one', async () => {
    const program = await ok(server, 'admin', 'programs.get', ids.program!);
    const fresh = await call(server, 'admin', 'programs.update', { id: program.id, expectedVersion: program.version, changes: { description: 'First edit' } });
    expect(fresh.status).to.equal(200);
    const stale = await call(server, 'admin', 'programs.update', { id: program.id, expectedVersion: program.version, changes: { description: 'Lost edit' } });
    expect(stale.status).to.equal(412);
    expect(stale.headers['content-type']).to.match(/^application\/problem\+json/);
    expect((await ok(server, 'admin', 'programs.get', program.id)).description).to.equal('First edit');
  });

  it('streams change events over SSE on a real port, ids only, each to those who may read the record', async () => {
    const address = await server.listen();
    const abort = new AbortController();
    const feed = async (personId: string) => {
      const response = await fetch(`${address}${BASE}/events`, { headers: { 'x-upward-acting-as': personId }, signal: abort.signal });
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/event-stream/);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      const stream = { text: '' };
      // Reads until the action item (the last change below) has arrived, or 3 s have passed.
      const reading = (async () => {
        while (!stream.text.includes('"action item"')) {
          const { value, done } = await reader.read();
          if (done) break;
          stream.text += decoder.decode(value);
        }
      })().catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') throw error; // the test ends the streams below
      });
      return { stream, reading };
    };
    const mentor = await feed('anna');
    const mentee = await feed('vp-sales');
    const outsider = await feed('ben');
    await new Promise((r) => setTimeout(r, 50));
    const note = await ok(server, 'anna', 'sessions.writePrivateNote', { sessionId: ids.session!, text: 'Second private thought' });
    await ok(server, 'anna', 'actionItems.add', { matchId: ids.match!, text: 'Streamed item', ownerId: 'anna' });
    await Promise.race([Promise.all([mentor.reading, mentee.reading]), new Promise((r) => setTimeout(r, 3000))]);
    await new Promise((r) => setTimeout(r, 100));
    abort.abort();
    await Promise.all([mentor.reading, mentee.reading, outsider.reading]);
    for (const { stream } of [mentor, mentee]) {
      expect(stream.text).to.match(/data: \[\{"entity":"action item","id":"[^"]+","kind":"put"\}\]/);
      expect(stream.text).not.to.include('Streamed item');
    }
    // The private note is announced to its author alone.
    expect(mentor.stream.text).to.include(`{"entity":"private note","id":"${note.id}","kind":"put"}`);
    expect(mentee.stream.text).not.to.include('private note');
    expect(mentee.stream.text).not.to.include(note.id);
    expect(outsider.stream.text).not.to.include('data: ');
  });
});

describe('HTTP: the server around the API', () => {
  let server: UpwardServer;
  let staticDir: string;

  before(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'upward-static-'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Demo</title><script type="module">import "/app.js";</script>');
    await writeFile(join(staticDir, 'app.js'), 'console.log("hi");');
    const database = await memoryDatabase();
    await seedPeople(database);
    server = await startServer({
      database,
      config: {
        staticDir,
        bodyLimit: 10_000,
        frameAncestors: ["'self'", 'https://intranet.example.com'],
        corsOrigins: ['https://intranet.example.com'],
        rateLimit: { max: 40, windowMs: 60_000 },
      },
    });
  });
  after(async () => {
    await server.close();
    await server.database.close();
  });

  const headersOk = (headers: Record<string, unknown>) => {
    expect(headers['x-content-type-options']).to.equal('nosniff');
    expect(headers['referrer-policy']).to.equal('no-referrer');
    expect(String(headers['content-security-policy'])).to.include("frame-ancestors 'self' https://intranet.example.com");
    expect(headers).not.to.have.property('x-powered-by');
  };

  it('puts security headers on answers, errors and pages alike', async () => {
    const api = await call(server, 'anna', 'people.me', undefined);
    expect(api.status).to.equal(200);
    headersOk(api.headers);
    expect(api.headers['content-security-policy']).to.match(/^default-src 'none'/);
    const missing = await server.app.inject({ method: 'GET', url: '/no/such/file.txt' });
    expect(missing.statusCode).to.equal(404);
    expect(missing.headers['content-type']).to.match(/^application\/problem\+json/);
    headersOk(missing.headers);
  });

  it('serves the demo directory with a CSP that allows exactly its inline scripts', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).to.equal(200);
    expect(page.headers['content-type']).to.match(/^text\/html/);
    headersOk(page.headers);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).to.match(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).to.include("object-src 'none'");
    const script = await server.app.inject({ method: 'GET', url: '/app.js' });
    expect(script.headers['content-type']).to.match(/^text\/javascript/);
    for (const sneaky of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%00']) {
      const res = await server.app.inject({ method: 'GET', url: sneaky });
      expect(res.statusCode, sneaky).to.equal(404);
    }
  });

  it('reads a body as Request.text() would: UTF-8 kept, a leading byte-order mark dropped', async () => {
    const person = { ...people.anna, id: 'zoe', email: 'zoe@example.com', name: 'Zoë Müller-Ørsted' };
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(person))]);
    const res = await server.app.inject({
      method: 'POST',
      url: `${BASE}/people`,
      headers: { 'x-upward-acting-as': 'admin', 'content-type': 'application/json', 'idempotency-key': 'bom-1' },
      payload: body,
    });
    expect(res.statusCode, res.body).to.be.within(200, 201);
    expect(JSON.parse(res.body)).to.include({ id: 'zoe', name: 'Zoë Müller-Ørsted' });
  });

  it('refuses text PostgreSQL cannot store (NUL, half a surrogate pair) with a 400, and keeps whole emoji', async () => {
    const post = (id: string, name: string) =>
      server.app.inject({
        method: 'POST',
        url: `${BASE}/people`,
        headers: { 'x-upward-acting-as': 'admin', 'content-type': 'application/json', 'idempotency-key': `text-${id}` },
        // JSON.stringify writes a lone surrogate as the escape \ud83d, as a browser's fetch body would.
        payload: JSON.stringify({ ...people.anna, id, email: `${id}@example.com`, name }),
      });
    for (const [id, name] of [['cut', 'Ann \ud83d'], ['low', 'Ann \ude00 x'], ['nul', 'Ann\u0000']] as const) {
      const res = await post(id, name);
      expect(res.statusCode, `${id}: ${res.body}`).to.equal(400);
      expect(JSON.parse(res.body)).to.include({ code: 'validation' });
    }
    expect(JSON.parse((await post('cut', 'Ann \ud83d')).body).detail).to.contain('half of a character');
    const whole = await post('emoji', 'Ann \ud83d\ude00');
    expect(whole.statusCode, whole.body).to.be.within(200, 201);
    expect(JSON.parse(whole.body).name).to.equal('Ann 😀');
  });

  it('refuses a body nested thousands of levels deep with a 400, not a stack overflow', async () => {
    const depth = 4500; // 9 KB: under this server's body limit, far over any stack
    const res = await server.app.inject({
      method: 'POST',
      url: `${BASE}/programs`,
      headers: { 'x-upward-acting-as': 'admin', 'content-type': 'application/json', 'idempotency-key': 'deep-1' },
      payload: `{"name":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    });
    expect(res.statusCode, res.body).to.equal(400);
    expect(JSON.parse(res.body).detail).to.contain('nests more than 64 levels');
  });

  it('answers an oversized body with a 413 problem', async () => {
    const res = await call(server, 'admin', 'people.import', { format: 'csv', data: 'x'.repeat(20_000) });
    expect(res.status).to.equal(413);
    expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
    expect(res.body).to.include({ status: 413, code: 'validation' });
  });

  it('refuses cross-site writes (CSRF) but lets allowed origins and reads through', async () => {
    const crossSite = await call(server, 'admin', 'actionItems.setDone', { id: 'x', expectedVersion: 1, done: true }, { headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } });
    expect(crossSite.status).to.equal(403);
    expect(crossSite.body).to.include({ code: 'forbidden' });
    const allowedOrigin = await call(server, 'admin', 'actionItems.setDone', { id: 'x', expectedVersion: 1, done: true }, {
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://intranet.example.com' },
    });
    expect(allowedOrigin.status).to.equal(404); // reached the API: there is no action item "x"
    // Demo sign-in is a header, not a cookie: a stray cookie (another app on localhost) changes nothing.
    const withCookie = await call(server, 'admin', 'actionItems.setDone', { id: 'x', expectedVersion: 1, done: true }, { headers: { cookie: 'other-app=1' } });
    expect(withCookie.status).to.equal(404);
    expect((await call(server, 'anna', 'people.me', undefined, { headers: { cookie: 'session=abc', 'sec-fetch-site': 'cross-site' } })).status).to.equal(200);
  });

  it('with cookie sign-in, demands X-Upward-Request on cookie-carrying writes', () => {
    const none = new Set<string>();
    const post = (headers: Record<string, string>) => isCrossSiteForgery({ method: 'POST', headers }, none, true);
    expect(post({ cookie: 'session=abc' })).to.match(/X-Upward-Request/);
    expect(post({ cookie: 'session=abc', 'x-upward-request': '1' })).to.equal(null);
    expect(post({})).to.equal(null);
    expect(isCrossSiteForgery({ method: 'GET', headers: { cookie: 'session=abc' } }, none, true)).to.equal(null);
    expect(isCrossSiteForgery({ method: 'POST', headers: { cookie: 'session=abc' } }, none, false)).to.equal(null);
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const allowed = await server.app.inject({
      method: 'OPTIONS',
      url: `${BASE}/programs`,
      headers: { origin: 'https://intranet.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'idempotency-key,content-type' },
    });
    expect(allowed.statusCode).to.equal(204);
    expect(allowed.headers['access-control-allow-origin']).to.equal('https://intranet.example.com');
    expect(String(allowed.headers['access-control-allow-headers'])).to.include('idempotency-key');
    const other = await server.app.inject({ method: 'OPTIONS', url: `${BASE}/programs`, headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers['access-control-allow-origin']).to.equal(undefined);
  });

  it('rate-limits with a 429 problem and Retry-After', async () => {
    let last = await call(server, 'anna', 'people.me', undefined);
    for (let i = 0; i < 60 && last.status !== 429; i++) last = await call(server, 'anna', 'people.me', undefined);
    expect(last.status).to.equal(429);
    expect(last.headers['content-type']).to.match(/^application\/problem\+json/);
    expect(last.headers['retry-after']).to.match(/^\d+$/);
    expect(last.body).to.include({ status: 429 });
  });
});

describe('HTTP: closing the server', () => {
  it('answers the requests in flight, ends open event streams, then stops', async () => {
    const database = await memoryDatabase();
    await seedPeople(database);
    let arrived!: () => void;
    const slowArrival = new Promise<void>((resolve) => (arrived = resolve));
    const server = await createServer(defineConfig({ port: 0, host: '127.0.0.1', auth: { mode: 'demo', adminDepartment: 'People' } }), {
      database,
      // Signing in takes a while for this request only: it is still in flight when close() starts.
      authenticate: async ({ headers }) => {
        if (headers['x-slow'] === '1') {
          arrived();
          await new Promise((r) => setTimeout(r, 300));
        }
        return { personId: 'admin', isAdmin: true };
      },
    });
    const address = await server.listen();
    const events = await fetch(`${address}${BASE}/events`);
    const streamEnded = (async () => {
      const reader = events.body!.getReader();
      while (!(await reader.read()).done);
      return true;
    })();
    const inFlight = fetch(`${address}${BASE}/people/me`, { headers: { 'x-slow': '1' } });
    await slowArrival;
    const started = Date.now();
    await server.close();
    // Not held up by the keep-alive connections the answers leave behind (72 s by default).
    expect(Date.now() - started).to.be.below(5000);
    const answer = await inFlight;
    expect(answer.status).to.equal(200);
    expect((await answer.json()).id).to.equal('admin');
    expect(await streamEnded).to.equal(true);
    await database.close();
  });
});

describe('HTTP: requests the HTTP parser refuses', () => {
  it('answers them as problems with the security headers, and closes the connection', async () => {
    const database = await memoryDatabase();
    const server = await startServer({ database, config: { port: 0, host: '127.0.0.1' } });
    const { port } = new URL(await server.listen());
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    try {
      for (const [request, status] of [
        ['FOO /api/v1/session HTTP/1.1\r\nHost: x\r\n\r\n', 400],
        ['GET /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400],
        [`GET /api/v1/session HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
      ] as const) {
        const answer = await raw(request);
        expect(answer, request.slice(0, 40)).to.match(new RegExp(`^HTTP/1\\.1 ${status} `));
        expect(answer).to.match(/\r\ncontent-type: application\/problem\+json\r\n/i);
        expect(answer).to.match(/\r\nx-content-type-options: nosniff\r\n/i);
        expect(answer).to.match(/\r\ncontent-security-policy: default-src 'none'/i);
        expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).to.include({ status, code: 'validation' });
      }
    } finally {
      await server.close();
      await database.close();
    }
  });
});
