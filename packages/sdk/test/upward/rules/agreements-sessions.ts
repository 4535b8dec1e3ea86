// Behaviour rules of the Upward interface (part of the behaviour suite, run on every store and over HTTP).
import { expect } from '@open-wc/testing';
import type { UpwardHarness } from '../upward-suite.ts';
import { rejects } from '../upward-suite.ts';
import type { ProgramInput } from '../../../src/index.ts';
import { admin, seedWorld } from '../world.ts';

export function agreementAndSessionRules(harness: () => UpwardHarness): void {
  const anna = () => harness().as({ personId: 'anna' });
  const sam = () => harness().as({ personId: 'vp-sales' });

  /** Anna mentors Sam; both have accepted, so the first agreement is drafted. */
  async function acceptedMatch(program: Partial<ProgramInput> = {}) {
    const h = harness();
    const { programId, hr } = await seedWorld(h.as, program);
    const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
    for (const personId of ['anna', 'vp-sales']) await h.as({ personId }).matches.respond({ matchId: m.id, accept: true });
    return { matchId: m.id, programId, hr };
  }

  describe('agreements', () => {
    it('drafts the first agreement in the program’s language: “when and where we meet” from its playbook, and the language kept by amendments', async () => {
      const english = await acceptedMatch();
      const [inEnglish] = await anna().agreements.list({ matchId: english.matchId });
      expect(inEnglish!.content.meetingTerms).to.equal(
        'We meet every 2 weeks for 45 minutes, by video or in person, from January 11, 2027 to June 30, 2027. Where we meet in person: Café on level 2.',
      );
      const german = await acceptedMatch({
        language: 'de',
        playbook: { cadence: { every: 1, unit: 'month' }, sessionMinutes: 60, meetingModes: ['in-person', 'video', 'phone'], where: 'Im Café im 2. Stock.' },
      });
      const [inGerman] = await anna().agreements.list({ matchId: german.matchId });
      expect(inGerman!.content.meetingTerms).to.equal(
        'Wir treffen uns jeden Monat für 60 Minuten, persönlich, per Video oder per Telefon, vom 11. Januar 2027 bis zum 30. Juni 2027. Wo wir uns persönlich treffen: Im Café im 2. Stock.',
      );
      // A pair that never meets in person is not told where to meet in person.
      const online = await acceptedMatch({ playbook: { cadence: { every: 1, unit: 'week' }, sessionMinutes: 30, meetingModes: ['video'], where: 'Café on level 2' } });
      const [byVideo] = await anna().agreements.list({ matchId: online.matchId });
      expect(byVideo!.content.meetingTerms).to.equal('We meet every week for 30 minutes, by video, from January 11, 2027 to June 30, 2027.');
      // The agreement knows its language, and an amendment keeps it.
      expect([inEnglish!.language, inGerman!.language]).to.deep.equal(['en', 'de']);
      const sent = await anna().agreements.send({ agreementId: inGerman!.id });
      for (const who of [anna, sam]) await who().agreements.sign({ agreementId: inGerman!.id, contentHash: sent.contentHash! });
      expect((await anna().agreements.amend({ agreementId: inGerman!.id })).language).to.equal('de');
    });

    it('changes only a draft’s text: a version awaiting signatures is refused, and what was signed comes into force', async () => {
      const h = harness();
      const { matchId } = await acceptedMatch();
      const [draft] = await anna().agreements.list({ matchId });
      const sent = await anna().agreements.send({ agreementId: draft!.id });
      await sam().agreements.sign({ agreementId: draft!.id, contentHash: sent.contentHash! });

      const before = await h.snapshot();
      const changed = { ...draft!.content, confidentialityStatement: 'Anything said may be shared with your manager.' };
      const error = await rejects(anna().agreements.update({ agreementId: draft!.id, content: changed }), 'invalid-transition');
      expect(error).to.include({ entity: 'agreement', from: 'awaiting-signatures' });
      expect(await h.snapshot()).to.deep.equal(before);

      const inForce = await anna().agreements.sign({ agreementId: draft!.id, contentHash: sent.contentHash! });
      expect(inForce.status).to.equal('in-force');
      expect(inForce.content).to.deep.equal(draft!.content);
      expect(inForce.signatures.every((s) => s.contentHash === sent.contentHash)).to.equal(true);
    });

    it('takes an edit again once the version is back in draft, and signs only a version awaiting signatures', async () => {
      const h = harness();
      const { matchId } = await acceptedMatch();
      const [draft] = await anna().agreements.list({ matchId });
      const before = await h.snapshot();
      const error = await rejects(anna().agreements.sign({ agreementId: draft!.id, contentHash: '0'.repeat(64) }), 'invalid-transition');
      expect(error).to.include({ entity: 'agreement', from: 'draft', to: 'in-force' });
      expect(await h.snapshot()).to.deep.equal(before);

      await anna().agreements.send({ agreementId: draft!.id });
      const back = await anna().agreements.returnToDraft({ agreementId: draft!.id });
      const edited = await anna().agreements.update({ agreementId: back.id, expectedVersion: back.version, content: { ...back.content, goals: ['Post weekly'] } });
      expect(edited).to.deep.include({ status: 'draft', contentHash: null, signatures: [] });
      expect(edited.content.goals).to.deep.equal(['Post weekly']);
    });
  });

  describe('sessions', () => {
    it('shows admins and champions when and how a pair met, never a cancel reason or the topics', async () => {
      const { matchId } = await acceptedMatch();
      const cancelled = await anna().sessions.plan({ matchId, scheduledAt: '2027-02-17T10:00:00Z' });
      await sam().sessions.cancel({ sessionId: cancelled.id, reason: 'Hospital appointment moved, please keep this between us' });
      const held = await anna().sessions.plan({ matchId, scheduledAt: '2027-03-01T10:00:00Z' });
      await anna().sessions.log({ sessionId: held.id, topics: ['Layoff rumours in Sales'] });

      for (const viewer of [{ personId: 'chris' }, admin]) {
        const seen = [...(await harness().as(viewer).sessions.list({ matchId })), await harness().as(viewer).sessions.get(cancelled.id)];
        expect(seen.map((s) => [s.visibility, s.status])).to.deep.equal([
          ['schedule', 'cancelled'],
          ['schedule', 'held'],
          ['schedule', 'cancelled'],
        ]);
        for (const s of seen) {
          expect(s, viewer.personId).not.to.have.any.keys('cancelReason', 'topics', 'sharedNotes', 'reflections', 'agenda');
          expect(s).to.include({ durationMinutes: 45, mode: 'video', location: 'Café on level 2' });
        }
        expect(JSON.stringify(seen)).not.to.match(/Hospital|Layoff/);
      }
      // The pair itself still sees both.
      const mine = await sam().sessions.list({ matchId });
      expect(mine.map((s) => (s.visibility === 'full' ? [s.cancelReason, s.topics] : null))).to.deep.equal([
        ['Hospital appointment moved, please keep this between us', []],
        ['', ['Layoff rumours in Sales']],
      ]);
    });

    it('keeps the notes and topics a log does not send, and clears them when it sends them empty', async () => {
      const { matchId } = await acceptedMatch();
      const s = await anna().sessions.plan({ matchId, scheduledAt: '2027-02-03T10:00:00Z' });
      await anna().sessions.updateNotes({ sessionId: s.id, sharedNotes: 'Prep: questions about pipeline reviews', topics: ['Social media habits'] });
      const logged = await sam().sessions.log({ sessionId: s.id, learned: 'Short video beats long posts.' });
      expect(logged.visibility).to.equal('full');
      expect(logged).to.deep.include({ status: 'held', sharedNotes: 'Prep: questions about pipeline reviews', topics: ['Social media habits'] });

      const s2 = await anna().sessions.plan({ matchId, scheduledAt: '2027-02-17T10:00:00Z' });
      await anna().sessions.updateNotes({ sessionId: s2.id, sharedNotes: 'Draft notes', topics: ['Generative AI at work'] });
      const cleared = await anna().sessions.log({ sessionId: s2.id, sharedNotes: '', topics: [] });
      expect(cleared).to.deep.include({ status: 'held', sharedNotes: '', topics: [] });
    });

    it('takes a reflection only on a session that was held, writing nothing otherwise', async () => {
      const h = harness();
      const { matchId } = await acceptedMatch();
      const planned = await anna().sessions.plan({ matchId, scheduledAt: '2099-01-20T10:00:00Z' });
      const missed = await anna().sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
      await anna().sessions.markMissed({ sessionId: missed.id });
      const cancelled = await anna().sessions.plan({ matchId, scheduledAt: '2027-01-27T10:00:00Z' });
      await anna().sessions.cancel({ sessionId: cancelled.id });

      const before = await h.snapshot();
      for (const [s, from] of [[planned, 'planned'], [missed, 'missed'], [cancelled, 'cancelled']] as const) {
        const error = await rejects(sam().sessions.reflect({ sessionId: s.id, learned: 'Learned a lot' }), 'invalid-transition');
        expect(error).to.include({ entity: 'session', id: s.id, from });
      }
      expect(await h.snapshot()).to.deep.equal(before);

      await anna().sessions.log({ sessionId: missed.id });
      const reflected = await sam().sessions.reflect({ sessionId: missed.id, learned: 'Learned a lot' });
      expect(reflected.visibility === 'full' && reflected.reflections.map((r) => r.personId)).to.deep.equal(['vp-sales']);
    });

    it('after a match has ended or completed, refuses to log its sessions or add action items; ticking off and notes stay open', async () => {
      const h = harness();
      const { matchId, hr } = await acceptedMatch();
      // A held session with an action item, and one that was missed and never made up.
      const held = await anna().sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
      await anna().sessions.log({ sessionId: held.id, actionItems: [{ text: 'Read the sales playbook', ownerId: 'anna' }] });
      const missed = await anna().sessions.plan({ matchId, scheduledAt: '2027-02-03T10:00:00Z' });
      await anna().sessions.markMissed({ sessionId: missed.id });
      await hr.matches.end({ matchId, note: 'Sam left the company' });

      const before = await h.snapshot();
      const logError = await rejects(
        anna().sessions.log({ sessionId: missed.id, sharedNotes: 'met after the end', actionItems: [{ text: 'x', ownerId: 'vp-sales' }] }),
        'invalid-transition',
      );
      expect(logError).to.include({ entity: 'match', id: matchId, from: 'ended' });
      expect(logError.message).to.contain('ended');
      const addError = await rejects(anna().actionItems.add({ matchId, text: 'Follow up', ownerId: 'vp-sales' }), 'invalid-transition');
      expect(addError).to.include({ entity: 'match', id: matchId, from: 'ended' });
      expect(await h.snapshot()).to.deep.equal(before);
      // Outsiders still learn nothing about the match's state.
      await rejects(harness().as({ personId: 'ben' }).actionItems.add({ matchId, text: 'Follow up', ownerId: 'vp-sales' }), 'forbidden');

      const [item] = await anna().actionItems.list({ matchId });
      expect((await anna().actionItems.setDone({ id: item!.id, done: true })).done).to.equal(true);
      await anna().sessions.writePrivateNote({ sessionId: held.id, text: 'What I will do differently' });
      const reflected = await sam().sessions.reflect({ sessionId: held.id, learned: 'Ask earlier' });
      expect(reflected.visibility === 'full' && reflected.reflections.map((r) => r.personId)).to.deep.equal(['vp-sales']);
    });

    it('refuses to log sessions or add action items once a match is completed', async () => {
      const h = harness();
      const { matchId, hr } = await acceptedMatch();
      const trial = await anna().sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
      await anna().sessions.log({ sessionId: trial.id });
      for (const member of [anna(), sam()]) await member.matches.decideTrial({ matchId, decision: 'continue' });
      const missed = await anna().sessions.plan({ matchId, scheduledAt: '2027-02-03T10:00:00Z' });
      await anna().sessions.markMissed({ sessionId: missed.id });
      await hr.matches.complete({ matchId });

      const before = await h.snapshot();
      const logError = await rejects(anna().sessions.log({ sessionId: missed.id }), 'invalid-transition');
      expect(logError).to.include({ entity: 'match', from: 'completed' });
      const addError = await rejects(sam().actionItems.add({ matchId, sessionId: trial.id, text: 'Follow up', ownerId: 'anna' }), 'invalid-transition');
      expect(addError).to.include({ entity: 'match', from: 'completed' });
      expect(await h.snapshot()).to.deep.equal(before);
    });

    it('cancels the sessions still planned when a match ends, completes or its program closes, so no home shows them as next', async () => {
      const { matchId, programId, hr } = await acceptedMatch();
      const trial = await anna().sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
      await anna().sessions.log({ sessionId: trial.id });
      const next = await anna().sessions.plan({ matchId, scheduledAt: '2027-02-03T10:00:00Z' });
      const homeMatch = async () => (await sam().home()).matches.find((m) => m.match.id === matchId)!;
      expect((await homeMatch()).nextSession?.id).to.equal(next.id);

      await sam().matches.decideTrial({ matchId, decision: 'exit' });
      expect((await anna().sessions.get(next.id)).status).to.equal('cancelled');
      expect((await anna().sessions.get(trial.id)).status).to.equal('held');
      expect((await homeMatch()).nextSession).to.equal(null);
      await rejects(anna().sessions.log({ sessionId: next.id }), 'invalid-transition');

      // A second pair in the same program, active, with a session ahead when the program closes.
      const other = await hr.matches.propose({ programId, mentorIds: ['ben'], menteeIds: ['vp-eng'] });
      for (const personId of ['ben', 'vp-eng']) await harness().as({ personId }).matches.respond({ matchId: other.id, accept: true });
      const ben = harness().as({ personId: 'ben' });
      const first = await ben.sessions.plan({ matchId: other.id, scheduledAt: '2027-01-21T10:00:00Z' });
      await ben.sessions.log({ sessionId: first.id });
      for (const personId of ['ben', 'vp-eng']) await harness().as({ personId }).matches.decideTrial({ matchId: other.id, decision: 'continue' });
      const ahead = await ben.sessions.plan({ matchId: other.id, scheduledAt: '2027-03-01T10:00:00Z' });
      const program = await hr.programs.get(programId);
      await hr.programs.close({ id: programId, expectedVersion: program.version });
      expect((await hr.matches.get(other.id)).status).to.equal('completed');
      expect((await ben.sessions.get(ahead.id)).status).to.equal('cancelled');
    });
  });
}
