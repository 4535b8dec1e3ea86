/**
 * The authorization matrix over HTTP: every role (admin, champion, mentor, mentee, outsider) ×
 * every operation of the REST contract × their own record and someone else's. The expected
 * answer is derived from the SDK's `permissions` table (through its own `relationsOf`), not
 * written by hand, so the table and the server cannot drift apart. A "leak" is a 2xx where the
 * table says no; an over-strict 403 where it says yes is a failure too. Every response is also
 * scanned: champions, admins and outsiders never receive notes or reflections, a private note
 * reaches only its author, and nobody sees another pair's shared notes.
 *
 * Mutations that succeed are undone by restoring a snapshot of the tables, so every case starts
 * from the same world. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { collectionNames } from '@upward/sdk/storage/adapter-kit';
import { operationList, type OperationName } from '@upward/sdk/remote/contract';
import type { Upward } from '@upward/sdk';
import { can, permissions, relationsOf, type Permission } from '../../sdk/src/services/authorization.ts';
import type { Database, UpwardServer } from '../src/index.ts';
import { ident } from '../src/storage/postgres-schema.ts';
import { call, databasesUnderTest, people, programInput, seedPeople, startServer } from './http/harness.ts';

type Role = 'admin' | 'champion' | 'mentor' | 'mentee' | 'outsider';
type Target = 'own' | 'other';
const actors: Record<Role, { personId: string; isAdmin: boolean }> = {
  admin: { personId: 'admin', isAdmin: true },
  champion: { personId: 'chris', isAdmin: false },
  mentor: { personId: 'anna', isAdmin: false },
  mentee: { personId: 'vp-sales', isAdmin: false },
  outsider: { personId: 'ceo', isAdmin: false },
};
const CHAMPIONS = ['chris'];

interface MatchBundle {
  matchId: string;
  memberIds: string[];
  held: string;
  planned: string;
  agreementId: string;
  contentHash: string;
  content: unknown;
  actionItemId: string;
}

interface World {
  programId: string;
  own: MatchBundle;
  other: MatchBundle;
  enrolmentOf: Record<string, string>;
}

/** Relation sources an operation's service looks at (see each service's `authorize` call). */
interface Scope {
  program?: boolean;
  members?: string[];
  owner?: string;
}

interface Case {
  /** The permission the service checks; null when the operation is not in the table (see `allowed`). */
  perm: Permission | null;
  scope(w: World, b: MatchBundle, me: string, target: Target): Scope;
  input(w: World, b: MatchBundle, me: string, target: Target): unknown;
  /** For operations outside the table: who may. */
  allowed?(role: Role, target: Target): boolean;
  /** Lists that filter instead of refusing: what the caller may get back. */
  check?(body: unknown, role: Role, me: string): void;
}

const enrolmentOwner = (me: string, target: Target) => (target === 'other' ? 'ben' : ['anna', 'vp-sales'].includes(me) ? me : 'anna');
const none = () => ({});
const inProgram = () => ({ program: true });
const inMatch = (_w: World, b: MatchBundle) => ({ program: true, members: b.memberIds });
const membersOnly = (_w: World, b: MatchBundle) => ({ members: b.memberIds });
const ownEnrolment = (_w: World, _b: MatchBundle, me: string, t: Target) => ({ owner: enrolmentOwner(me, t) });
const OVERSEERS: Role[] = ['admin', 'champion'];

const cases: Record<OperationName, Case> = {
  'programs.create': { perm: 'programs.create', scope: none, input: () => programInput() },
  'programs.update': { perm: 'programs.update', scope: none, input: (w) => ({ id: w.programId, changes: { description: 'Edited' } }) },
  'programs.get': { perm: 'programs.read', scope: inProgram, input: (w) => w.programId },
  'programs.list': { perm: 'programs.read', scope: inProgram, input: () => ({}) },
  'programs.openEnrolment': { perm: 'programs.change-phase', scope: none, input: (w) => ({ id: w.programId }) },
  'programs.startMatching': { perm: 'programs.change-phase', scope: none, input: (w) => ({ id: w.programId }) },
  'programs.reopenEnrolment': { perm: 'programs.change-phase', scope: none, input: (w) => ({ id: w.programId }) },
  'programs.launch': { perm: 'programs.change-phase', scope: none, input: (w) => ({ id: w.programId }) },
  'programs.close': { perm: 'programs.change-phase', scope: none, input: (w) => ({ id: w.programId }) },

  'people.upsert': { perm: 'people.write', scope: none, input: () => ({ ...people.cara, title: 'Changed title' }) },
  'people.get': { perm: 'people.read', scope: none, input: (_w, _b, me, t) => (t === 'own' ? me : 'cara') },
  'people.list': { perm: 'people.list', scope: inProgram, input: () => ({}) },
  'people.me': { perm: null, allowed: () => true, scope: none, input: () => undefined },
  'people.import': { perm: 'people.write', scope: none, input: () => ({ format: 'json', data: [{ ...people.cara, title: 'Imported' }] }) },

  'enrolments.enrol': {
    perm: 'enrolments.enrol',
    scope: (_w, _b, me, t) => ({ owner: t === 'own' ? me : 'cara' }),
    input: (w, _b, me, t) => ({ programId: w.programId, personId: t === 'own' ? me : 'cara', role: 'mentee', skills: [{ skill: 'TikTok' }], consent: true }),
  },
  'enrolments.update': {
    perm: 'enrolments.enrol',
    scope: ownEnrolment,
    input: (w, _b, me, t) => ({ id: w.enrolmentOf[enrolmentOwner(me, t)], changes: { goals: ['A new goal'] } }),
  },
  'enrolments.approve': { perm: 'enrolments.decide', scope: ownEnrolment, input: (w, _b, me, t) => ({ id: w.enrolmentOf[enrolmentOwner(me, t)] }) },
  'enrolments.waitlist': { perm: 'enrolments.decide', scope: ownEnrolment, input: (w, _b, me, t) => ({ id: w.enrolmentOf[enrolmentOwner(me, t)] }) },
  'enrolments.decline': { perm: 'enrolments.decide', scope: ownEnrolment, input: (w, _b, me, t) => ({ id: w.enrolmentOf[enrolmentOwner(me, t)] }) },
  'enrolments.withdraw': { perm: 'enrolments.withdraw', scope: ownEnrolment, input: (w, _b, me, t) => ({ id: w.enrolmentOf[enrolmentOwner(me, t)] }) },
  'enrolments.get': {
    perm: 'enrolments.read',
    scope: (w, b, me, t) => ({ program: true, ...ownEnrolment(w, b, me, t) }),
    input: (w, _b, me, t) => w.enrolmentOf[enrolmentOwner(me, t)],
  },
  'enrolments.list': {
    perm: null,
    allowed: () => true,
    scope: none,
    input: (w) => ({ programId: w.programId }),
    check: (body, role, me) => {
      if (OVERSEERS.includes(role)) return;
      for (const e of body as { personId: string }[]) expect(e.personId, 'someone else’s enrolment listed').to.equal(me);
    },
  },
  'enrolments.mine': { perm: null, allowed: () => true, scope: none, input: () => undefined },

  'matches.propose': { perm: 'matches.propose', scope: none, input: (w) => ({ programId: w.programId, mentorIds: ['cara'], menteeIds: ['dir-mkt'] }) },
  'matches.proposeMany': {
    perm: 'matches.propose',
    scope: none,
    input: (w) => ({ programId: w.programId, proposals: [{ mentorIds: ['cara'], menteeIds: ['dir-mkt'] }] }),
  },
  // Self mode only: the requester is always the acting mentee (this program pairs by admin, so
  // every role gets a refusal; what matters is that nobody gets a 2xx).
  'matches.request': { perm: null, allowed: (role, t) => role === 'mentee' && t === 'own', scope: none, input: (w) => ({ programId: w.programId, mentorId: 'cara' }) },
  'matches.respond': { perm: 'matches.respond', scope: inMatch, input: (_w, b) => ({ matchId: b.matchId, accept: true }) },
  'matches.decideTrial': { perm: 'matches.decide-trial', scope: inMatch, input: (_w, b) => ({ matchId: b.matchId, decision: 'continue' }) },
  'matches.end': { perm: 'matches.end', scope: inMatch, input: (_w, b) => ({ matchId: b.matchId, note: 'Ending early' }) },
  'matches.complete': { perm: 'matches.end', scope: inMatch, input: (_w, b) => ({ matchId: b.matchId }) },
  'matches.rematch': { perm: 'matches.propose', scope: none, input: (_w, b) => ({ matchId: b.matchId, mentorIds: ['cara'], menteeIds: ['dir-mkt'] }) },
  'matches.get': { perm: 'matches.read', scope: inMatch, input: (_w, b) => b.matchId },
  'matches.list': {
    perm: null,
    allowed: () => true,
    scope: none,
    input: () => ({}),
    check: (body, role, me) => {
      if (OVERSEERS.includes(role)) return;
      for (const m of body as { memberIds: string[] }[]) expect(m.memberIds, 'someone else’s match listed').to.include(me);
    },
  },

  'matching.suggest': { perm: 'matching.suggest', scope: none, input: (w) => ({ programId: w.programId }) },
  'matching.explain': {
    perm: 'matching.explain',
    scope: (_w, _b, me, t) => ({ program: true, owner: t === 'own' && me === 'vp-sales' ? me : t === 'own' ? 'vp-sales' : 'vp-eng' }),
    input: (w, _b, me, t) => ({ programId: w.programId, menteeId: t === 'own' && me === 'vp-sales' ? me : t === 'own' ? 'vp-sales' : 'vp-eng', mentorId: 'cara' }),
  },
  // Suggestions are for the calling mentee alone.
  'matching.suggestions': { perm: null, allowed: (role) => role === 'mentee', scope: none, input: (w) => ({ programId: w.programId }) },
  'matching.publish': { perm: 'matching.publish', scope: none, input: (w) => ({ programId: w.programId, pairs: [{ menteeId: 'dir-mkt', mentorId: 'cara' }] }) },
  'matching.requestRanked': { perm: null, allowed: (role) => role === 'mentee', scope: none, input: (w) => ({ programId: w.programId, mentorIds: ['cara'] }) },
  // Housekeeping with no permission row: it only applies the expiry rule that holds anyway.
  'matching.expireRequests': { perm: null, allowed: () => true, scope: none, input: (w) => ({ programId: w.programId }) },

  'agreements.get': { perm: 'agreements.read', scope: inMatch, input: (_w, b) => b.agreementId },
  'agreements.list': { perm: 'agreements.read', scope: inMatch, input: (_w, b) => ({ matchId: b.matchId }) },
  'agreements.update': { perm: 'agreements.edit', scope: inMatch, input: (_w, b) => ({ agreementId: b.agreementId, content: b.content }) },
  'agreements.send': { perm: 'agreements.edit', scope: inMatch, input: (_w, b) => ({ agreementId: b.agreementId }) },
  'agreements.returnToDraft': { perm: 'agreements.edit', scope: inMatch, input: (_w, b) => ({ agreementId: b.agreementId }) },
  'agreements.sign': { perm: 'agreements.sign', scope: inMatch, input: (_w, b) => ({ agreementId: b.agreementId, contentHash: b.contentHash }) },
  'agreements.amend': { perm: 'agreements.edit', scope: inMatch, input: (_w, b) => ({ agreementId: b.agreementId }) },

  'sessions.plan': { perm: 'sessions.write', scope: inMatch, input: (_w, b) => ({ matchId: b.matchId, scheduledAt: '2027-03-01T10:00:00Z' }) },
  'sessions.log': { perm: 'sessions.write', scope: inMatch, input: (_w, b) => ({ sessionId: b.planned, sharedNotes: 'Logged' }) },
  'sessions.updateNotes': { perm: 'sessions.write', scope: inMatch, input: (_w, b) => ({ sessionId: b.held, sharedNotes: 'Edited notes' }) },
  'sessions.reflect': { perm: 'sessions.write', scope: inMatch, input: (_w, b) => ({ sessionId: b.held, learned: 'Something new' }) },
  'sessions.cancel': { perm: 'sessions.write', scope: inMatch, input: (_w, b) => ({ sessionId: b.planned }) },
  'sessions.markMissed': { perm: 'sessions.write', scope: inMatch, input: (_w, b) => ({ sessionId: b.planned }) },
  'sessions.get': { perm: 'sessions.read-schedule', scope: inMatch, input: (_w, b) => b.held },
  'sessions.list': { perm: 'sessions.read-schedule', scope: inMatch, input: (_w, b) => ({ matchId: b.matchId }) },
  // Looked up by (session, caller): anyone may ask, and gets only their own note (checked below).
  'sessions.readPrivateNote': { perm: null, allowed: () => true, scope: none, input: (_w, b) => b.held },
  'sessions.writePrivateNote': { perm: 'sessions.write', scope: inMatch, input: (_w, b) => ({ sessionId: b.held, text: 'My own note' }) },

  'actionItems.add': { perm: 'action-items.write', scope: membersOnly, input: (_w, b) => ({ matchId: b.matchId, text: 'Do a thing', ownerId: b.memberIds[0] }) },
  'actionItems.update': { perm: 'action-items.write', scope: membersOnly, input: (_w, b) => ({ id: b.actionItemId, text: 'Reworded' }) },
  'actionItems.setDone': { perm: 'action-items.write', scope: membersOnly, input: (_w, b) => ({ id: b.actionItemId, done: true }) },
  'actionItems.list': { perm: 'action-items.read', scope: membersOnly, input: (_w, b) => ({ matchId: b.matchId }) },

  home: { perm: null, allowed: () => true, scope: none, input: () => undefined },
};

function expectedAllowed(c: Case, role: Role, target: Target, w: World, b: MatchBundle): boolean {
  if (!c.perm) return c.allowed!(role, target);
  const actor = actors[role];
  const scope = c.scope(w, b, actor.personId, target);
  const relations = relationsOf(actor, {
    ...(scope.program ? { program: { championIds: CHAMPIONS } } : {}),
    ...(scope.members ? { memberIds: scope.members } : {}),
    ...(scope.owner ? { ownerId: scope.owner } : {}),
  });
  return can(c.perm, relations);
}

/** Texts planted in the world, and who alone may ever receive each. */
const SECRETS: { text: string; readers: Role[] }[] = [
  { text: 'PRIVATE-ANNA', readers: ['mentor'] },
  { text: 'PRIVATE-VPS', readers: ['mentee'] },
  { text: 'PRIVATE-BEN', readers: [] },
  { text: 'SHARED-OWN', readers: ['mentor', 'mentee'] },
  { text: 'LEARNED-OWN', readers: ['mentor', 'mentee'] },
  { text: 'SHARED-OTHER', readers: [] },
  { text: 'LEARNED-OTHER', readers: [] },
];
const NOTE_KEYS = new Set(['sharedNotes', 'reflections', 'learned', 'agenda']);

function noteKeysIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => noteKeysIn(v, `${path}.${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [...(NOTE_KEYS.has(k) ? [`${path}.${k}`] : []), ...noteKeysIn(v, `${path}.${k}`)]);
}

async function buildWorld(as: (actor: { personId: string; isAdmin?: boolean }) => Upward): Promise<World> {
  const hr = as({ personId: 'admin', isAdmin: true });
  const program = await hr.programs.create(programInput());
  await hr.programs.openEnrolment({ id: program.id });
  const enrolmentOf: Record<string, string> = {};
  for (const [personId, role] of [
    ['anna', 'mentor'],
    ['ben', 'mentor'],
    ['cara', 'mentor'],
    ['vp-sales', 'mentee'],
    ['vp-eng', 'mentee'],
    ['dir-mkt', 'mentee'],
  ] as const) {
    const e = await as({ personId }).enrolments.enrol({ programId: program.id, personId, role, skills: [{ skill: 'TikTok' }], consent: true });
    enrolmentOf[personId] = (await hr.enrolments.approve({ id: e.id })).id;
  }
  await hr.programs.startMatching({ id: program.id });

  async function pair(mentor: string, mentee: string, tag: 'OWN' | 'OTHER', privateNotes: Record<string, string>): Promise<MatchBundle> {
    const match = await hr.matches.propose({ programId: program.id, mentorIds: [mentor], menteeIds: [mentee] });
    await as({ personId: mentor }).matches.respond({ matchId: match.id, accept: true });
    await as({ personId: mentee }).matches.respond({ matchId: match.id, accept: true });
    const m = as({ personId: mentor });
    const first = await m.sessions.plan({ matchId: match.id, scheduledAt: '2027-02-01T10:00:00Z' });
    await m.sessions.log({
      sessionId: first.id,
      sharedNotes: `SHARED-${tag}`,
      learned: `LEARNED-${tag}`,
      actionItems: [{ text: `ACTION-${tag}`, ownerId: mentee }],
    });
    for (const [author, text] of Object.entries(privateNotes)) await as({ personId: author }).sessions.writePrivateNote({ sessionId: first.id, text });
    const planned = await m.sessions.plan({ matchId: match.id, scheduledAt: '2027-02-15T10:00:00Z' });
    const [agreement] = await m.agreements.list({ matchId: match.id });
    const [item] = await m.actionItems.list({ matchId: match.id });
    return {
      matchId: match.id,
      memberIds: [mentor, mentee],
      held: first.id,
      planned: planned.id,
      agreementId: agreement!.id,
      contentHash: agreement!.contentHash ?? '0'.repeat(64),
      content: agreement!.content,
      actionItemId: item!.id,
    };
  }
  const own = await pair('anna', 'vp-sales', 'OWN', { anna: 'PRIVATE-ANNA', 'vp-sales': 'PRIVATE-VPS' });
  const other = await pair('ben', 'vp-eng', 'OTHER', { ben: 'PRIVATE-BEN' });
  return { programId: program.id, own, other, enrolmentOf };
}

/** Copies of the collection tables, to put the world back after a mutation succeeded. */
async function snapshotTables(db: Database): Promise<() => Promise<void>> {
  const snap = `${db.schema}_snap`;
  await db.driver.query(`CREATE SCHEMA ${ident(snap)}`);
  for (const c of collectionNames) await db.driver.query(`CREATE TABLE ${ident(snap)}.${ident(c)} AS SELECT * FROM ${ident(db.schema)}.${ident(c)}`);
  return () =>
    db.driver.transaction({ isolation: 'read committed', readOnly: false }, async (sql) => {
      for (const c of collectionNames) {
        await sql.query(`DELETE FROM ${ident(db.schema)}.${ident(c)}`);
        await sql.query(`INSERT INTO ${ident(db.schema)}.${ident(c)} SELECT * FROM ${ident(snap)}.${ident(c)}`);
      }
    });
}

for (const { name, open } of databasesUnderTest()) describe(`Authorization matrix over HTTP: role × operation × own/other record (${name})`, () => {
  let server: UpwardServer;
  let world: World;
  let restore: () => Promise<void>;
  const tally = { ok: 0, forbidden: 0, other: 0, seen: new Set<string>() };

  before(async () => {
    const database = await open();
    world = await buildWorld(await seedPeople(database));
    restore = await snapshotTables(database);
    server = await startServer({ database });
  });
  after(async () => {
    await server.close();
    await server.database.close();
  });

  it('covers every operation of the contract', () => {
    expect(Object.keys(cases).sort()).to.deep.equal(operationList.map((op) => op.name).sort());
    // And every permission of the table is exercised by some operation (or deliberately not).
    const used = new Set(Object.values(cases).map((c) => c.perm).filter(Boolean));
    const unused = Object.keys(permissions).filter((p) => !used.has(p as Permission));
    // sessions.read-notes decides what a session view contains: checked by the content scan.
    expect(unused).to.deep.equal(['sessions.read-notes']);
  });

  for (const op of operationList) {
    it(`${op.name}: no leaks, no over-strict refusals, no notes where they do not belong`, async () => {
      const c = cases[op.name];
      const problems: string[] = [];
      for (const role of Object.keys(actors) as Role[]) {
        for (const target of ['own', 'other'] as const) {
          const bundle = world[target];
          const me = actors[role].personId;
          const allowed = expectedAllowed(c, role, target, world, bundle);
          const res = await call(server, me, op.name, c.input(world, bundle, me, target) as never);
          const where = `${role} (${me}) on ${target}: ${res.status}`;
          if (res.status < 300) tally.ok++;
          else if (res.status === 403) tally.forbidden++;
          else tally.other++;
          for (const secret of SECRETS) if (res.text.includes(secret.text)) tally.seen.add(`${role}:${secret.text}`);
          if (res.status >= 500) problems.push(`${where} — server error ${res.text}`);
          if (!allowed && res.status < 300) problems.push(`${where} — LEAK: the table forbids this`);
          if (allowed && res.status === 403) problems.push(`${where} — refused, but the table allows it: ${res.text}`);
          for (const secret of SECRETS) {
            if (!secret.readers.includes(role) && res.text.includes(secret.text)) problems.push(`${where} — received ${secret.text}`);
          }
          if (['admin', 'champion', 'outsider'].includes(role) && res.status < 300) {
            const keys = noteKeysIn(res.body);
            if (keys.length) problems.push(`${where} — note fields in the answer: ${keys.join(', ')}`);
          }
          if (c.check && res.status < 300) {
            try {
              c.check(res.body, role, me);
            } catch (error) {
              problems.push(`${where} — ${(error as Error).message}`);
            }
          }
          if (op.mutation && res.status < 300) await restore();
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('is not vacuous: many calls succeed, many are refused, and the planted notes do reach their readers', () => {
    expect(tally.ok).to.be.greaterThan(150);
    expect(tally.forbidden).to.be.greaterThan(150);
    for (const seen of ['mentor:PRIVATE-ANNA', 'mentee:PRIVATE-VPS', 'mentor:SHARED-OWN', 'mentee:SHARED-OWN', 'mentee:LEARNED-OWN']) {
      expect([...tally.seen]).to.include(seen);
    }
  });
});
