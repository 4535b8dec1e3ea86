// Behaviour rules of the Upward interface (part of the behaviour suite, run on every store and over HTTP).
import { expect } from '@open-wc/testing';
import type { UpwardError } from '../../../src/index.ts';
import { rejects, type UpwardHarness } from '../upward-suite.ts';
import { people, programInput, seedWorld } from '../world.ts';

const pathsOf = (error: UpwardError) => (error as unknown as { issues: { path: string }[] }).issues.map((i) => i.path);

export function matchRules(harness: () => UpwardHarness): void {
  /** A refused command: the expected error, and not a byte written. */
  async function refused(promise: () => Promise<unknown>, code: string): Promise<UpwardError> {
    const h = harness();
    const before = await h.snapshot();
    const error = await rejects(promise(), code);
    expect(await h.snapshot()).to.deep.equal(before);
    return error;
  }

  async function proposed(mentor = 'anna', mentee = 'vp-sales') {
    const h = harness();
    const { programId, hr } = await seedWorld(h.as);
    const match = await hr.matches.propose({ programId, mentorIds: [mentor], menteeIds: [mentee] });
    return { programId, hr, matchId: match.id, mentor: h.as({ personId: mentor }), mentee: h.as({ personId: mentee }) };
  }

  async function accepted(mentor = 'anna', mentee = 'vp-sales') {
    const world = await proposed(mentor, mentee);
    await world.mentor.matches.respond({ matchId: world.matchId, accept: true });
    await world.mentee.matches.respond({ matchId: world.matchId, accept: true });
    return world;
  }

  describe('the trial decision', () => {
    it('is refused before the trial, whichever way, and changes nothing', async () => {
      const { matchId, mentee, mentor } = await proposed();
      for (const decision of ['continue', 'exit'] as const) {
        const error = await refused(() => mentee.matches.decideTrial({ matchId, decision }), 'invalid-transition');
        expect(error).to.include({ entity: 'match', from: 'proposed' });
      }
      await mentor.matches.respond({ matchId, accept: true });
      await mentee.matches.respond({ matchId, accept: true });
      for (const decision of ['continue', 'exit'] as const) {
        const error = await refused(() => mentor.matches.decideTrial({ matchId, decision }), 'invalid-transition');
        expect(error).to.include({ entity: 'match', from: 'accepted' });
      }
      expect((await mentee.matches.get(matchId)).status).to.equal('accepted');
    });

    it('is refused once the pair went on: an active match ends only through `end`, with a note', async () => {
      const { matchId, mentee, mentor } = await accepted();
      const trial = await mentor.sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
      await mentor.sessions.log({ sessionId: trial.id, sharedNotes: 'Met for coffee.' });
      await mentor.matches.decideTrial({ matchId, decision: 'continue' });
      expect((await mentee.matches.decideTrial({ matchId, decision: 'continue' })).status).to.equal('active');
      for (const decision of ['exit', 'continue'] as const) {
        const error = await refused(() => mentee.matches.decideTrial({ matchId, decision }), 'invalid-transition');
        expect(error).to.include({ entity: 'match', from: 'active' });
      }
      expect(await mentee.matches.get(matchId)).to.deep.include({ status: 'active', endReason: null });
    });

    it('takes "continue" only after a meeting of the match was held', async () => {
      const { matchId, mentee, mentor } = await accepted();
      const trial = await mentor.sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
      const early = await refused(() => mentor.matches.decideTrial({ matchId, decision: 'continue' }), 'conflict');
      expect(early.message).to.contain('first meeting');
      // A cancelled trial meeting is no meeting either.
      await mentor.sessions.cancel({ sessionId: trial.id, reason: 'Ill' });
      await refused(() => mentee.matches.decideTrial({ matchId, decision: 'continue' }), 'conflict');
      expect((await mentee.matches.get(matchId)).members.every((m) => m.trialDecision === null)).to.equal(true);

      const second = await mentor.sessions.plan({ matchId, scheduledAt: '2027-01-27T10:00:00Z' });
      await mentee.sessions.log({ sessionId: second.id, sharedNotes: 'Finally met.' });
      await mentor.matches.decideTrial({ matchId, decision: 'continue' });
      expect((await mentee.matches.decideTrial({ matchId, decision: 'continue' })).status).to.equal('active');
    });

    it('keeps the blameless way out open during the whole trial, meeting held or not', async () => {
      const { matchId, mentee, mentor } = await accepted();
      await mentor.sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
      const ended = await mentee.matches.decideTrial({ matchId, decision: 'exit' });
      expect(ended).to.deep.include({ status: 'ended', endReason: { kind: 'trial-exit' } });
    });
  });

  describe('answering a proposal', () => {
    it('is refused once the match is no longer proposed, and changes nothing', async () => {
      const { matchId, mentee, mentor } = await accepted();
      for (const accept of [false, true]) {
        const error = await refused(() => mentee.matches.respond({ matchId, accept }), 'invalid-transition');
        expect(error).to.include({ entity: 'match', from: 'accepted' });
      }
      await mentor.sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
      for (const accept of [false, true]) {
        const error = await refused(() => mentor.matches.respond({ matchId, accept }), 'invalid-transition');
        expect(error).to.include({ entity: 'match', from: 'trial' });
      }
      expect(await mentee.matches.get(matchId)).to.deep.include({ status: 'trial', endReason: null });
    });
  });

  describe('self-mode requests', () => {
    it('refuses to answer a lapsed request, and a lapsed request holds nobody’s place', async () => {
      const h = harness();
      let now = new Date('2027-01-12T09:00:00Z');
      const clock = () => now;
      const as = (personId: string) => h.as({ personId }, { clock });
      const { programId } = await seedWorld((actor) => h.as(actor, { clock }), { matching: { mode: 'self', requestExpiryDays: 3 } });
      const request = await as('vp-sales').matches.request({ programId, mentorId: 'ben' });
      now = new Date('2027-01-16T09:00:00Z'); // a day after it lapsed; nobody has swept it yet

      for (const accept of [true, false]) {
        const error = await refused(() => as('ben').matches.respond({ matchId: request.id, accept }), 'conflict');
        expect(error.message).to.contain('lapsed');
      }
      expect(await as('ben').agreements.list({ matchId: request.id })).to.have.length(0);
      // The mentee may ask someone else, and the mentor may be asked by someone else, at once.
      const next = await as('vp-sales').matches.request({ programId, mentorId: 'anna' });
      expect(next).to.include({ status: 'proposed' });
      expect((await as('vp-eng').matches.request({ programId, mentorId: 'ben' })).status).to.equal('proposed');
      // The sweep still ends it, and leaves the mentee's new request alone.
      expect(await as('vp-sales').matching.expireRequests({ programId })).to.deep.equal({ expired: 1, requested: 0 });
      expect((await as('vp-sales').matches.get(request.id)).endReason).to.deep.equal({ kind: 'request-expired' });
      expect((await as('vp-sales').matches.get(next.id)).status).to.equal('proposed');
    });

    it('checks a ranking as enrolments.update does, naming the ranked field, and stores nothing', async () => {
      const h = harness();
      const { programId } = await seedWorld(h.as, { matching: { mode: 'self' } });
      const sam = h.as({ personId: 'vp-sales' });
      const error = await refused(() => sam.matching.requestRanked({ programId, mentorIds: ['vp-sales', 'ghost', 'ben'] }), 'validation');
      expect(pathsOf(error)).to.deep.equal(['mentorIds.0', 'mentorIds.1']);
      expect(error.message).to.contain('cannot rank yourself');
      expect(error.message).to.contain('no person with id "ghost"');
    });
  });

  describe('pairing errors', () => {
    it('name the pair the caller sent when publishing one-to-one pairs', async () => {
      const h = harness();
      const { programId, hr } = await seedWorld(h.as);
      const pairs = [
        { menteeId: 'vp-sales', mentorId: 'ben' },
        { menteeId: 'vp-eng', mentorId: 'anna' }, // Dana manages Anna
      ];
      const error = await refused(() => hr.matching.publish({ programId, pairs }), 'validation');
      expect(pathsOf(error)).to.deep.equal(['pairs.1.menteeId']);
      const notMentor = await refused(() => hr.matching.publish({ programId, pairs: [{ menteeId: 'vp-sales', mentorId: 'chris' }] }), 'validation');
      expect(pathsOf(notMentor)).to.deep.equal(['pairs.0.mentorId']);
    });

    it('name every pair that breaks a rule at once, and publish none of them', async () => {
      const h = harness();
      const { programId, hr } = await seedWorld(h.as);
      const pairs = [
        { menteeId: 'vp-eng', mentorId: 'anna' }, // Dana manages Anna
        { menteeId: 'vp-sales', mentorId: 'ben' },
        { menteeId: 'dir-mkt', mentorId: 'cara' }, // no shared language
      ];
      const before = await h.snapshot();
      const error = await refused(() => hr.matching.publish({ programId, pairs }), 'validation');
      expect(pathsOf(error)).to.deep.equal(['pairs.0.menteeId', 'pairs.2.menteeId']);
      expect(await h.snapshot()).to.deep.equal(before);
    });

    it('name the pair, not the group, when publishing groups', async () => {
      const h = harness();
      const { programId, hr } = await seedWorld(h.as, { format: { kind: 'group', mentorsPerGroup: 1, menteesPerGroup: 3 } });
      const pairs = [
        { menteeId: 'vp-sales', mentorId: 'ben' },
        { menteeId: 'dir-mkt', mentorId: 'anna' },
        { menteeId: 'vp-eng', mentorId: 'anna' }, // Dana manages Anna
      ];
      const error = await refused(() => hr.matching.publish({ programId, pairs }), 'validation');
      expect(pathsOf(error)).to.deep.equal(['pairs.2.menteeId']);
    });

    it('name the requested mentor in a request', async () => {
      const h = harness();
      const { programId } = await seedWorld(h.as, { matching: { mode: 'self' } });
      const manager = await refused(() => h.as({ personId: 'vp-eng' }).matches.request({ programId, mentorId: 'anna' }), 'validation');
      expect(pathsOf(manager)).to.deep.equal(['mentorId']);
      const notMentor = await refused(() => h.as({ personId: 'vp-sales' }).matches.request({ programId, mentorId: 'chris' }), 'validation');
      expect(pathsOf(notMentor)).to.deep.equal(['mentorId']);
      // A requester who is no mentee of the program is told about the program they named.
      const notMentee = await refused(() => h.as({ personId: 'anna' }).matches.request({ programId, mentorId: 'ben' }), 'validation');
      expect(pathsOf(notMentee)).to.deep.equal(['programId']);
    });
  });

  describe('eligibility', () => {
    it('is checked again when a match is made: a mentor promoted past the program’s level is not paired', async () => {
      const h = harness();
      const rules = { ...programInput().rules, mentorMaxLevel: 4 };
      const { programId, hr } = await seedWorld(h.as, { rules, matching: { mode: 'self' } });
      await hr.people.upsert({ ...people.anna, level: 5, title: 'Engineering Lead' });

      const proposal = await refused(() => hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] }), 'validation');
      expect(pathsOf(proposal)).to.deep.equal(['mentorIds.0']);
      expect(proposal.message).to.contain('at most level 4');
      const published = await refused(() => hr.matching.publish({ programId, pairs: [{ menteeId: 'vp-sales', mentorId: 'anna' }] }), 'validation');
      expect(pathsOf(published)).to.deep.equal(['pairs.0.mentorId']);
      const requested = await refused(() => h.as({ personId: 'vp-sales' }).matches.request({ programId, mentorId: 'anna' }), 'validation');
      expect(pathsOf(requested)).to.deep.equal(['mentorId']);

      // Nor does the engine suggest her any more.
      expect((await hr.matching.suggest({ programId })).pairs.map((p) => p.mentorId)).not.to.include('anna');
      expect((await h.as({ personId: 'vp-sales' }).matching.suggestions({ programId })).map((s) => s.mentor.personId)).not.to.include('anna');
      expect(await hr.matching.explain({ programId, menteeId: 'vp-sales', mentorId: 'anna' })).to.include({ allowed: false });
    });
  });

  describe('an early end', () => {
    it('shows the note to the pair and the admins, and to a champion only that the match ended early', async () => {
      const h = harness();
      const { programId, hr } = await seedWorld(h.as);
      const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
      for (const personId of ['anna', 'vp-sales']) await h.as({ personId }).matches.respond({ matchId: m.id, accept: true });
      await h.as({ personId: 'vp-sales' }).matches.end({ matchId: m.id, note: 'Our calendars never fit' });
      for (const reader of [h.as({ personId: 'anna' }), hr]) {
        expect((await reader.matches.get(m.id)).endReason).to.deep.equal({ kind: 'ended-early', note: 'Our calendars never fit' });
      }
      const chris = h.as({ personId: 'chris' });
      expect((await chris.matches.get(m.id)).endReason).to.deep.equal({ kind: 'ended-early' });
      expect((await chris.matches.list({ programId })).find((x) => x.id === m.id)!.endReason).to.deep.equal({ kind: 'ended-early' });
    });
  });
}
