/**
 * Two server processes on one database, hammered in parallel: what PostgreSQL sees of two
 * processes is two `createServer`s, each with its own store and connection pool (on PGlite: its
 * own store on the one shared instance). Checked: no lost update (If-Match), no mentee matched
 * twice when two admins propose at once, an idempotent request applied once whichever process
 * gets each retry, and every change reaching the other process's SSE stream.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Database, UpwardServer } from '../../src/index.ts';
import { BASE, adminPerson, call, ok, programInput, seedPeople, startServer } from './harness.ts';

export interface TwoDatabases {
  a: Database;
  b: Database;
  cleanup(): Promise<void>;
}

export function testTwoServers(name: string, open: () => Promise<TwoDatabases>): void {
  describe(`Two server processes on one database (${name})`, () => {
    let dbs: TwoDatabases;
    let a: UpwardServer;
    let b: UpwardServer;
    let programId = '';
    const servers = () => [a, b];

    before(async () => {
      dbs = await open();
      const as = await seedPeople(dbs.a);
      await as({ personId: 'upward-seed', isAdmin: true }).people.upsert({ ...adminPerson, id: 'admin-2', email: 'admin2@example.com', name: 'Bo Admin' });
      a = await startServer({ database: dbs.a });
      b = await startServer({ database: dbs.b });
      const program = await ok(a, 'admin', 'programs.create', programInput());
      programId = program.id;
      await ok(a, 'admin', 'programs.openEnrolment', { id: programId });
      for (const [personId, role] of [
        ['anna', 'mentor'],
        ['ben', 'mentor'],
        ['vp-sales', 'mentee'],
        ['dir-mkt', 'mentee'],
      ] as const) {
        const enrolment = await ok(b, personId, 'enrolments.enrol', { programId, personId, role, skills: [{ skill: 'TikTok' }], consent: true });
        await ok(a, 'admin', 'enrolments.approve', { id: enrolment.id });
      }
      await ok(b, 'admin', 'programs.startMatching', { id: programId });
    });
    after(async () => {
      await a?.close();
      await b?.close();
      await dbs?.cleanup();
    });

    it('loses no update: of 20 parallel edits from the same version, one wins and the rest get 412', async () => {
      const program = await ok(a, 'admin', 'programs.get', programId);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(servers()[i % 2]!, 'admin', 'programs.update', { id: programId, expectedVersion: program.version, changes: { description: `edit ${i}` } }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200), statuses.join(',')).to.have.length(1);
      expect(statuses.every((s) => s === 200 || s === 412 || s === 409), statuses.join(',')).to.equal(true);
      const winner = results.find((r) => r.status === 200)!.body as { description: string };
      const final = await ok(b, 'admin', 'programs.get', programId);
      expect(final.version).to.equal(program.version + 1);
      expect(final.description).to.equal(winner.description);
    });

    it('matches a mentee once when two admins propose them at the same time', async () => {
      const results = await Promise.all([
        call(a, 'admin', 'matches.propose', { programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] }),
        call(b, 'admin-2', 'matches.propose', { programId, mentorIds: ['ben'], menteeIds: ['vp-sales'] }),
        call(a, 'admin-2', 'matches.propose', { programId, mentorIds: ['ben'], menteeIds: ['vp-sales'] }),
        call(b, 'admin', 'matches.propose', { programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] }),
      ]);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201), statuses.join(',')).to.have.length(1);
      for (const r of results) if (r.status !== 201) expect([409, 422], r.text).to.include(r.status);
      const open = (await ok(a, 'admin', 'matches.list', { programId })).filter((m: { memberIds: string[] }) => m.memberIds.includes('vp-sales'));
      expect(open).to.have.length(1);
    });

    it('applies an idempotent request once, whichever process gets each retry', async () => {
      const [match] = await ok(a, 'admin', 'matches.list', { programId });
      const members = match.members as { personId: string; role: string }[];
      const mentor = members.find((m) => m.role === 'mentor')!.personId;
      // Action items belong to a pair that has said yes.
      for (const { personId } of members) await ok(a, personId, 'matches.respond', { matchId: match.id, accept: true });
      const input = { matchId: match.id, text: 'Exactly once', ownerId: mentor };
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => call(servers()[i % 2]!, mentor, 'actionItems.add', input, { idempotencyKey: 'once-key' })));
      const created = results.filter((r) => r.status === 201);
      expect(created.length).to.be.greaterThan(0);
      for (const r of results) expect([201, 409], r.text).to.include(r.status);
      // Every 201 is the same answer: the first one, replayed.
      expect(new Set(created.map((r) => r.text)).size).to.equal(1);
      const retry = await call(b, mentor, 'actionItems.add', input, { idempotencyKey: 'once-key' });
      expect(retry.status).to.equal(201);
      expect(retry.headers['idempotent-replayed']).to.equal('true');
      expect(retry.text).to.equal(created[0]!.text);
      const items = (await ok(a, mentor, 'actionItems.list', { matchId: match.id })).filter((x: { text: string }) => x.text === 'Exactly once');
      expect(items).to.have.length(1);
    });

    it("streams the other process's changes over SSE", async () => {
      const address = await b.listen();
      const abort = new AbortController();
      const response = await fetch(`${address}${BASE}/events`, { headers: { 'x-upward-acting-as': 'anna' }, signal: abort.signal });
      const reader = response.body!.getReader();
      let received = '';
      const reading = (async () => {
        while (!received.includes('"entity":"program"')) {
          const { value, done } = await reader.read();
          if (done) break;
          received += new TextDecoder().decode(value);
        }
      })();
      await new Promise((r) => setTimeout(r, 100));
      const program = await ok(a, 'admin', 'programs.get', programId);
      await ok(a, 'admin', 'programs.update', { id: programId, expectedVersion: program.version, changes: { description: 'Seen elsewhere' } });
      await Promise.race([reading, new Promise((r) => setTimeout(r, 5000))]);
      abort.abort();
      expect(received).to.include(`{"entity":"program","id":"${programId}","kind":"put"}`);
    });
  });
}
