// The REST handler over the real memory store and services: round trips through buildRequest →
// Request → handler → Response, problem+json for every failure, idempotent replays, ETag/If-Match,
// the Server-Sent Events stream and the OpenAPI document.
import { expect } from '@open-wc/testing';
import { createUpward } from '../../src/upward.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';
import { createRequestHandler, memoryIdempotencyStore } from '../../src/remote/handler.ts';
import { buildRequest, operations } from '../../src/remote/contract.ts';
import { openApiDocument } from '../../src/remote/openapi.ts';
import { programInput } from '../properties/fixture.ts';
import { BASE, createHarness, type Harness } from './handler-harness.ts';

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status, `status of ${response.url}`).to.equal(status);
  expect(response.headers.get('content-type')).to.equal('application/problem+json');
  const body = await response.json();
  expect(body).to.include({ status, code, type: `urn:upward:problem:${code}` });
  expect(body.title).to.be.a('string').and.not.empty;
  expect(body.detail).to.be.a('string').and.not.empty;
  return body;
}

describe('REST handler', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => {
    expect(h.unexpected, 'unexpected errors').to.deep.equal([]);
  });

  describe('round trips', () => {
    it('answers reads exactly as the in-process engine does', async () => {
      const { world } = h;
      const mentor = world.as(world.mentorId);
      const mentee = world.as(world.menteeId);
      const cases: [Parameters<Harness['call']>, unknown][] = [
        [['programs.get', world.programId], await world.admin.programs.get(world.programId)],
        [['programs.list', { phase: 'matching' }], await world.admin.programs.list({ phase: 'matching' })],
        [['matches.list', { programId: world.programId }], await world.admin.matches.list({ programId: world.programId })],
        [['sessions.get', world.sessionId, { as: world.mentorId }], await mentor.sessions.get(world.sessionId)],
        [['sessions.get', world.sessionId], await world.admin.sessions.get(world.sessionId)],
        [['actionItems.list', { matchId: world.matchId, open: true }, { as: world.mentorId }], await mentor.actionItems.list({ matchId: world.matchId, open: true })],
        [['home', undefined, { as: world.menteeId }], await mentee.home()],
        [['people.me', undefined, { as: world.menteeId }], await mentee.people.me()],
        [['enrolments.mine', undefined, { as: world.menteeId }], await mentee.enrolments.mine()],
        [['agreements.list', { matchId: world.matchId }, { as: world.mentorId }], await mentor.agreements.list({ matchId: world.matchId })],
        [
          ['matching.explain', { programId: world.programId, menteeId: world.menteeId, mentorId: world.mentorId }],
          await world.admin.matching.explain({ programId: world.programId, menteeId: world.menteeId, mentorId: world.mentorId }),
        ],
      ];
      for (const [[name, input, options], expected] of cases) {
        const { status, body } = await h.call(name, input, options);
        expect(status, name).to.equal(200);
        expect(body, name).to.deep.equal(json(expected));
      }
    });

    it('shows an overseer a session’s schedule only, never its notes', async () => {
      const { body } = await h.call('sessions.get', h.world.sessionId, { as: 'admin' });
      expect(body.visibility).to.equal('schedule');
      expect(body).not.to.have.property('sharedNotes');
      expect(body).not.to.have.property('agenda');
    });

    it('logs a session over HTTP with If-Match and returns its new ETag', async () => {
      const { world } = h;
      const read = await h.call('sessions.get', world.sessionId, { as: world.mentorId });
      const version = read.body.version;
      expect(read.headers.get('etag')).to.equal(`"${version}"`);
      const logged = await h.call(
        'sessions.log',
        { sessionId: world.sessionId, expectedVersion: version, sharedNotes: 'We tried short video.', topics: ['Short video'], learned: 'Hooks matter', actionItems: [{ text: 'Post one clip', ownerId: world.menteeId }] },
        { as: world.mentorId },
      );
      expect(logged.status).to.equal(200);
      expect(logged.body).to.include({ status: 'held', sharedNotes: 'We tried short video.', visibility: 'full' });
      expect(logged.headers.get('etag')).to.equal(`"${version + 1}"`);
      const items = await h.call('actionItems.list', { matchId: world.matchId, open: true }, { as: world.menteeId });
      expect(items.body.map((i: { text: string }) => i.text)).to.include('Post one clip');
    });

    it('answers a create with 201 and the new record’s ETag', async () => {
      const created = await h.call('programs.create', { ...programInput, name: 'Created over HTTP' });
      expect(created.status).to.equal(201);
      expect(created.headers.get('etag')).to.equal('"1"');
      expect(created.body).to.include({ name: 'Created over HTTP', phase: 'draft', version: 1 });
      const read = await h.call('programs.get', created.body.id);
      expect(read.body).to.deep.equal(created.body);
    });

    it('coerces query strings by the schema: booleans and integers', async () => {
      const { world } = h;
      const open = await h.call('actionItems.list', { matchId: world.matchId, open: true }, { as: world.mentorId });
      const done = await h.call('actionItems.list', { matchId: world.matchId, open: false }, { as: world.mentorId });
      expect(open.body).to.have.length(1);
      expect(done.body).to.deep.equal([]);
      const url = `${BASE}/matches/${world.matchId}/action-items?open=maybe`;
      const bad = await expectProblem(await h.handler(new Request(url, { headers: { authorization: `Bearer ${world.mentorId}` } })), 422, 'validation');
      expect(bad.issues).to.deep.equal([{ path: 'open', message: 'must be true or false', code: 'invalid_type', expected: 'boolean' }]);
      const limit = await h.handler(new Request(`${BASE}/programs/${world.programId}/matching/suggestions?limit=1.5`, { headers: { authorization: `Bearer ${world.menteeId}` } }));
      expect((await expectProblem(limit, 422, 'validation')).issues[0].path).to.equal('limit');
    });

    it('matches literal paths before parameters (/people/me is not a person called "me")', async () => {
      const me = await h.call('people.me', undefined, { as: h.world.menteeId });
      expect(me.body.id).to.equal(h.world.menteeId);
    });

    it('answers OPTIONS without credentials with the allowed methods', async () => {
      const response = await h.handler(new Request(`${BASE}/programs/p1`, { method: 'OPTIONS' }));
      expect(response.status).to.equal(204);
      expect(response.headers.get('allow')!.split(', ').sort()).to.deep.equal(['GET', 'OPTIONS', 'PATCH']);
      expect((await h.handler(new Request(`${BASE}/nowhere`, { method: 'OPTIONS' }))).status).to.equal(404);
    });

    it('serves the OpenAPI document without authentication', async () => {
      const response = await h.handler(new Request(`${BASE}/openapi.json`));
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal(json(openApiDocument()));
    });
  });

  describe('problems (RFC 9457)', () => {
    it('400 for a body that is not JSON', async () => {
      const response = await h.handler(
        new Request(`${BASE}/programs`, { method: 'POST', headers: { authorization: 'Bearer admin', 'idempotency-key': 'k-json', 'content-type': 'application/json' }, body: '{"name":' }),
      );
      const body = await expectProblem(response, 400, 'validation');
      expect(body.detail).to.match(/not valid JSON/);
    });

    it('400 for a mutation without an Idempotency-Key, naming the header', async () => {
      const request = h.request('programs.create', programInput);
      request.headers.delete('idempotency-key');
      const body = await expectProblem(await h.handler(request), 400, 'validation');
      expect(body.issues[0].path).to.equal('Idempotency-Key');
    });

    it('401 without credentials, with a Bearer challenge', async () => {
      const response = await h.handler(new Request(`${BASE}/programs`));
      await expectProblem(response, 401, 'unauthenticated');
      expect(response.headers.get('www-authenticate')).to.equal('Bearer');
    });

    it('403 when the services refuse the caller', async () => {
      const body = await expectProblem(await h.send('programs.create', programInput, { as: h.world.mentorId }), 403, 'forbidden');
      expect(body.action).to.equal('programs.create');
    });

    it('404 for a missing record, an unknown route and a path outside the base', async () => {
      const body = await expectProblem(await h.send('programs.get', 'no-such-program'), 404, 'not-found');
      expect(body).to.include({ entity: 'program', id: 'no-such-program' });
      await expectProblem(await h.handler(new Request(`${BASE}/nothing/here`, { headers: { authorization: 'Bearer admin' } })), 404, 'not-found');
      await expectProblem(await h.handler(new Request('http://upward.test/elsewhere', { headers: { authorization: 'Bearer admin' } })), 404, 'not-found');
    });

    it('405 with Allow for a path that exists with other methods', async () => {
      const response = await h.handler(new Request(`${BASE}/programs`, { method: 'DELETE', headers: { authorization: 'Bearer admin' } }));
      await expectProblem(response, 405, 'method-not-allowed');
      expect(response.headers.get('allow')!.split(', ').sort()).to.deep.equal(['GET', 'POST']);
    });

    it('409 for an invalid state change and for a conflict', async () => {
      const sign = await h.send('agreements.sign', { agreementId: h.world.agreementId, contentHash: 'a'.repeat(64) }, { as: h.world.mentorId });
      expect(await expectProblem(sign, 409, 'invalid-transition')).to.include({ entity: 'agreement', from: 'draft', to: 'in-force' });
      const taken = await h.send('people.upsert', { name: 'Copy Cat', email: 'erin@example.com', department: 'Sales', level: 2, timeZone: 'UTC' });
      expect(await expectProblem(taken, 409, 'conflict')).not.to.have.property('reason');
    });

    it('412 for a stale If-Match, told apart by reason "stale"', async () => {
      const response = await h.send('programs.update', { id: h.world.programId, expectedVersion: 99, changes: { name: 'Renamed' } });
      const body = await expectProblem(response, 412, 'conflict');
      expect(body).to.include({ reason: 'stale', entity: 'program', id: h.world.programId, expectedVersion: 99 });
    });

    it('422 listing every failing field with the SDK’s paths', async () => {
      const body = await expectProblem(await h.send('programs.create', { ...programInput, name: '', playbook: { ...programInput.playbook, sessionMinutes: 3 } }), 422, 'validation');
      expect(body.issues.map((i: { path: string }) => i.path)).to.have.members(['name', 'playbook.sessionMinutes']);
      const blank = await h.handler(new Request(`${BASE}/programs/%20`, { headers: { authorization: 'Bearer admin' } }));
      expect((await expectProblem(blank, 422, 'validation')).issues).to.deep.equal([{ path: 'id', message: 'must not be empty', code: 'too_small', origin: 'string', minimum: 1, inclusive: true }]);
    });

    it('500 without internals for an unexpected failure, reported to onError', async () => {
      const seen: unknown[] = [];
      const handler = createRequestHandler({
        authenticate: async () => ({ personId: 'admin', isAdmin: true }),
        upwardFor: () => {
          throw new Error('database password is hunter2');
        },
        idempotency: memoryIdempotencyStore(),
        onError: (error) => seen.push(error),
      });
      const body = await expectProblem(await handler(new Request(`${BASE}/programs`)), 500, 'server');
      expect(JSON.stringify(body)).not.to.contain('hunter2');
      expect(seen).to.have.length(1);
    });
  });

  describe('idempotency', () => {
    const countPrograms = async () => (await h.world.admin.programs.list()).length;

    it('applies a replayed mutation once and answers it byte for byte', async () => {
      const before = await countPrograms();
      const first = await h.send('programs.create', programInput, { key: 'create-once' });
      const second = await h.send('programs.create', programInput, { key: 'create-once' });
      expect(await countPrograms()).to.equal(before + 1);
      expect(second.status).to.equal(first.status).and.equal(201);
      expect(await second.text()).to.equal(await first.text());
      expect(second.headers.get('etag')).to.equal(first.headers.get('etag'));
      expect(first.headers.get('idempotent-replayed')).to.equal(null);
      expect(second.headers.get('idempotent-replayed')).to.equal('true');
    });

    it('refuses the same key for a different request with 422', async () => {
      await h.send('programs.create', programInput, { key: 'reused' });
      const body = await expectProblem(await h.send('programs.create', { ...programInput, name: 'Another' }, { key: 'reused' }), 422, 'validation');
      expect(body.issues[0].path).to.equal('Idempotency-Key');
    });

    it('replays a 4xx answer too, so a retry sees what the first attempt saw', async () => {
      await expectProblem(await h.send('programs.create', { name: '' }, { key: 'bad-create' }), 422, 'validation');
      const again = await h.send('programs.create', { name: '' }, { key: 'bad-create' });
      expect(again.headers.get('idempotent-replayed')).to.equal('true');
      await expectProblem(again, 422, 'validation');
    });

    it('writes once when the same key arrives twice at the same time', async () => {
      const before = await countPrograms();
      const answers = await Promise.all([h.send('programs.create', programInput, { key: 'race' }), h.send('programs.create', programInput, { key: 'race' })]);
      expect(await countPrograms()).to.equal(before + 1);
      const fresh = answers.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null);
      expect(fresh).to.have.length(1);
      const other = answers.find((r) => r !== fresh[0])!;
      if (other.status === 409) expect((await other.json()).reason).to.equal('in-progress');
      else expect(other.headers.get('idempotent-replayed')).to.equal('true');
    });

    it('does not keep a 5xx: a retry with the same key runs again', async () => {
      const store = memoryStore();
      let failures = 1;
      const handler = createRequestHandler({
        authenticate: async () => ({ personId: 'admin', isAdmin: true }),
        upwardFor: (actor) => {
          if (failures-- > 0) throw new Error('transient');
          return createUpward({ store, actor });
        },
        idempotency: memoryIdempotencyStore(),
        onError: () => {},
      });
      const parts = buildRequest(operations['programs.create'], programInput, { idempotencyKey: 'retry-me' });
      const make = () => new Request(BASE + parts.path, { method: 'POST', headers: { ...parts.headers, 'content-type': 'application/json' }, body: JSON.stringify(parts.body) });
      expect((await handler(make())).status).to.equal(500);
      const retried = await handler(make());
      expect(retried.status).to.equal(201);
      expect(retried.headers.get('idempotent-replayed')).to.equal(null);
    });

    it('keeps each person’s keys apart', async () => {
      const { world } = h;
      expect((await h.send('programs.create', programInput, { key: 'shared-key' })).status).to.equal(201);
      const add = await h.send('actionItems.add', { matchId: world.matchId, text: 'Read the guide', ownerId: world.mentorId }, { as: world.mentorId, key: 'shared-key' });
      expect(add.status).to.equal(201);
    });
  });

  describe('ETag and If-Match', () => {
    it('updates with the current version, refuses a stale one, and treats * or no header as unconditional', async () => {
      const { world } = h;
      const read = await h.send('programs.get', world.programId);
      const tag = read.headers.get('etag')!;
      const ok = await h.send('programs.update', { id: world.programId, changes: { name: 'Renamed once' } }, { headers: { 'if-match': tag } });
      expect(ok.status).to.equal(200);
      const next = Number(JSON.parse(tag)) + 1;
      expect(ok.headers.get('etag')).to.equal(`"${next}"`);
      await expectProblem(await h.send('programs.update', { id: world.programId, changes: { name: 'Stale' } }, { headers: { 'if-match': tag } }), 412, 'conflict');
      expect((await h.send('programs.update', { id: world.programId, changes: { name: 'Any version' } }, { headers: { 'if-match': '*' } })).status).to.equal(200);
      expect((await h.send('programs.update', { id: world.programId, changes: { name: 'No header' } })).status).to.equal(200);
    });

    it('puts expectedVersion in If-Match, never in the body', async () => {
      const request = h.request('programs.update', { id: h.world.programId, expectedVersion: 4, changes: { name: 'X' } });
      expect(request.headers.get('if-match')).to.equal('"4"');
      expect(await request.clone().json()).to.deep.equal({ changes: { name: 'X' } });
    });

    it('answers 400 for an If-Match on an operation that takes no version, rather than ignore the condition', async () => {
      const before = (await h.world.admin.programs.list()).length;
      const body = await expectProblem(await h.send('programs.create', programInput, { headers: { 'if-match': '"9999"' } }), 400, 'validation');
      expect((await h.world.admin.programs.list()).length).to.equal(before);
      expect(body.issues[0]).to.deep.include({ path: 'If-Match' });
      expect(body.issues[0].message).to.contain('takes no version');
    });

    it('answers HEAD as GET without a body, and does not report a request its caller abandoned', async () => {
      const get = await h.send('people.me', undefined, { as: 'admin' });
      const head = await h.handler(new Request(`${BASE}/people/me`, { method: 'HEAD', headers: { authorization: 'Bearer admin' } }));
      expect(head.status).to.equal(get.status);
      expect(head.headers.get('etag')).to.equal(get.headers.get('etag'));
      expect(await head.text()).to.equal('');
      // The caller went away mid-solve: its own abort fails the request, which is no server fault.
      const gone = new AbortController();
      gone.abort();
      const abandoned = await h.handler(new Request(h.request('matching.suggest', { programId: h.world.programId }), { signal: gone.signal }));
      expect(abandoned.status).to.equal(500);
      expect(h.unexpected).to.deep.equal([]);
    });

    it('answers 400 for an If-Match that is not a version tag', async () => {
      for (const value of ['W/"1"', 'abc', '"0"', '"1", "2"']) {
        const body = await expectProblem(await h.send('programs.update', { id: h.world.programId, changes: {} }, { headers: { 'if-match': value } }), 400, 'validation');
        expect(body.issues[0].path).to.equal('If-Match');
      }
    });
  });

  describe('GET /events', () => {
    it('streams the changes the caller may read (entity, id, kind — never data) with heartbeats, until the request is aborted', async () => {
      const abort = new AbortController();
      const response = await h.handler(new Request(`${BASE}/events`, { headers: { authorization: `Bearer ${h.world.mentorId}` }, signal: abort.signal }));
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/event-stream/);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const readUntil = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
          text += value;
        }
      };
      await readUntil(/: connected/);
      // A draft is invisible to the mentor, so its creation is not announced to them; opening it is.
      const created = await h.call('programs.create', programInput);
      await h.call('programs.openEnrolment', { id: created.body.id });
      await readUntil(/^data: .*\n\n/m);
      const events = JSON.parse(/^data: (.*)$/m.exec(text)![1]!);
      expect(events).to.deep.equal([{ entity: 'program', id: created.body.id, kind: 'put' }]);
      expect(text.match(/^data: /gm)).to.have.length(1);
      for (const event of events) expect(Object.keys(event).sort()).to.deep.equal(['entity', 'id', 'kind']);
      await readUntil(/: heartbeat/);
      abort.abort();
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
    });

    it('needs authentication', async () => {
      await expectProblem(await h.handler(new Request(`${BASE}/events`)), 401, 'unauthenticated');
    });
  });
});
