// Behaviour rules of the Upward interface (part of the behaviour suite, run on every store and over HTTP).
import { expect } from '@open-wc/testing';
import { eventually } from '../../eventually.ts';
import { rejects, type UpwardHarness } from '../upward-suite.ts';
import { admin, people, programInput, seedWorld } from '../world.ts';

type Issues = { issues: { path: string; message: string }[] };

export function peopleAndProgramRules(harness: () => UpwardHarness): void {
  describe('re-importing people', () => {
    it('keeps what a CSV leaves out for people already stored, and a present but empty cell clears it', async () => {
      const { programId } = await seedWorld(harness().as);
      const h = harness();
      const hr = h.as(admin);
      // A slimmer HRIS export: no managerId, languages, title, location or skills columns at all.
      const slim = await hr.people.import({
        format: 'csv',
        data: ['id,name,email,department,level,timeZone', 'anna,Anna Schmidt,anna@example.com,Engineering,3,Europe/Berlin'].join('\n'),
      });
      expect(slim).to.include({ created: 0, updated: 1 });
      expect(await hr.people.get('anna')).to.deep.include({
        level: 3,
        managerId: 'vp-eng',
        languages: ['de', 'en'],
        title: 'Graduate Engineer',
      });
      // So the reporting-line rule still sees that Dana manages Anna.
      await rejects(hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-eng'] }), 'validation');

      // A column that is there with an empty cell means "none": Anna has no manager any more.
      const cleared = await hr.people.import({ format: 'csv', data: ['id,managerId,title', 'anna,,'].join('\n') });
      expect(cleared).to.include({ created: 0, updated: 1 });
      expect(await hr.people.get('anna')).to.deep.include({ managerId: null, title: '', languages: ['de', 'en'], department: 'Engineering' });
    });

    it('keeps what a JSON row leaves out for people already stored; new people still get the defaults and need every required field', async () => {
      const h = harness();
      const hr = h.as(admin);
      for (const person of Object.values(people)) await hr.people.upsert(person);
      const report = await hr.people.import({
        format: 'json',
        data: [
          { id: 'ben', title: 'Senior Marketing Associate' },
          { id: 'newbie', name: 'New Person', email: 'new@example.com', department: 'Ops', level: 1, timeZone: 'UTC' },
          { id: 'half', title: 'Only a title' },
        ],
      });
      expect(report).to.include({ created: 1, updated: 1 });
      expect(report.errors.map((e) => [e.row, e.issues.map((i) => i.path).sort()])).to.deep.equal([[3, ['department', 'email', 'level', 'name', 'timeZone']]]);
      expect(await hr.people.get('ben')).to.deep.include({
        title: 'Senior Marketing Associate',
        managerId: 'dir-mkt',
        languages: ['en'],
        email: 'ben@example.com',
        level: 3,
      });
      expect(await hr.people.get('newbie')).to.deep.include({ managerId: null, languages: ['en'], title: '', location: '', skills: [] });
    });
  });

  describe('withdrawing from a program', () => {
    it('ends the person’s matches that have not started, so nobody can accept them any more', async () => {
      const { programId, hr } = await seedWorld(harness().as);
      const h = harness();
      const anna = h.as({ personId: 'anna' });
      const sam = h.as({ personId: 'vp-sales' });
      const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
      const [mine] = await anna.enrolments.list({ programId });
      expect((await anna.enrolments.withdraw({ id: mine!.id })).status).to.equal('withdrawn');

      const ended = await hr.matches.get(m.id);
      expect(ended).to.deep.include({ status: 'ended', endReason: { kind: 'declined' } });
      expect(ended.members.find((x) => x.personId === 'anna')!.response).to.equal('declined');
      await rejects(sam.matches.respond({ matchId: m.id, accept: true }), 'invalid-transition');
      await rejects(anna.matches.respond({ matchId: m.id, accept: true }), 'invalid-transition');

      // Applying again in the other role leaves no match of hers open as a mentor.
      await hr.programs.reopenEnrolment({ id: programId });
      const again = await anna.enrolments.enrol({ programId, personId: 'anna', role: 'mentee', skills: [{ skill: 'Budgets' }], consent: true });
      await hr.enrolments.approve({ id: again.id });
      const open = (await anna.matches.list({ programId })).filter((x) => x.status !== 'ended' && x.status !== 'completed');
      expect(open).to.deep.equal([]);
    });

    it('passes a mentee’s request on to their next choice when the requested mentor withdraws', async () => {
      const { programId } = await seedWorld(harness().as, { matching: { mode: 'self' } });
      const h = harness();
      const sam = h.as({ personId: 'vp-sales' });
      const first = await sam.matching.requestRanked({ programId, mentorIds: ['ben', 'anna'] });
      expect(first!.memberIds).to.include('ben');
      const [bens] = await h.as({ personId: 'ben' }).enrolments.list({ programId });
      await h.as({ personId: 'ben' }).enrolments.withdraw({ id: bens!.id });
      expect((await sam.matches.get(first!.id)).status).to.equal('ended');
      const [next] = await sam.matches.list({ status: 'proposed' });
      expect(next!.memberIds).to.include('anna');
    });

    it('is refused while the person has a match under way, and writes nothing; ending it first lets them go', async () => {
      const { programId, hr } = await seedWorld(harness().as);
      const h = harness();
      const anna = h.as({ personId: 'anna' });
      const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
      // A second, not yet answered match of hers must not be ended by the refused withdrawal.
      const pending = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['dir-mkt'] });
      for (const personId of ['anna', 'vp-sales']) await h.as({ personId }).matches.respond({ matchId: m.id, accept: true });
      const [mine] = await anna.enrolments.list({ programId });

      const before = await h.snapshot();
      const error = await rejects(anna.enrolments.withdraw({ id: mine!.id }), 'conflict');
      expect(error.message).to.contain('Sam Lindqvist');
      expect(error.message).to.contain('end');
      await rejects(hr.enrolments.withdraw({ id: mine!.id }), 'conflict');
      expect(await h.snapshot()).to.deep.equal(before);
      expect((await hr.matches.get(pending.id)).status).to.equal('proposed');

      await anna.matches.end({ matchId: m.id, note: 'Leaving the company' });
      expect((await anna.enrolments.withdraw({ id: mine!.id })).status).to.equal('withdrawn');
      expect(await hr.matches.get(pending.id)).to.deep.include({ status: 'ended', endReason: { kind: 'declined' } });
    });
  });

  describe('program language', () => {
    it('is English unless the admin says otherwise, can change, and takes only a language the SDK writes in', async () => {
      const h = harness();
      const hr = h.as(admin);
      const english = await hr.programs.create(programInput());
      expect(english.language).to.equal('en');
      const german = await hr.programs.update({ id: english.id, changes: { language: 'de' } });
      expect((await hr.programs.get(english.id)).language).to.equal('de');
      const before = await h.snapshot();
      const error = await rejects(hr.programs.update({ id: german.id, changes: { language: 'fr' } as never }), 'validation');
      expect((error as unknown as Issues).issues.map((i) => i.path)).to.deep.equal(['changes.language']);
      await rejects(hr.programs.create(programInput({ language: 'French' as never })), 'validation');
      expect(await h.snapshot()).to.deep.equal(before);
    });
  });

  describe('admin edit checks', () => {
    it('refuses unknown or non-editable keys in a program update, and writes nothing', async () => {
      const { programId, hr } = await seedWorld(harness().as);
      const h = harness();
      const before = await h.snapshot();
      const error = await rejects(hr.programs.update({ id: programId, changes: { nmae: 'Renamed', phase: 'closed' } as never }), 'validation');
      const issues = (error as unknown as Issues).issues;
      expect(issues.map((i) => i.path).sort()).to.deep.equal(['changes.nmae', 'changes.phase']);
      expect(issues[0]!.message).to.contain('not a program field you can change');
      // Even beside a good change: a misspelt key must not be dropped silently.
      await rejects(hr.programs.update({ id: programId, changes: { name: 'Renamed', enddate: '2027-07-01' } as never }), 'validation');
      expect(await h.snapshot()).to.deep.equal(before);
    });

    it('refuses an email that belongs to someone else whatever its case, and writes nothing', async () => {
      const h = harness();
      const hr = h.as(admin);
      for (const person of Object.values(people)) await hr.people.upsert(person);
      const before = await h.snapshot();
      await rejects(hr.people.upsert({ ...people.ben, id: 'anna2', email: 'ANNA@Example.com' }), 'conflict');
      await rejects(hr.people.upsert({ ...people.ben, email: 'Anna@example.com' }), 'conflict');
      expect(await h.snapshot()).to.deep.equal(before);
      // Changing the case of one's own email is no conflict.
      expect((await hr.people.upsert({ ...people.anna, email: 'Anna@Example.com' })).email).to.equal('Anna@Example.com');
    });
  });

  describe('change events of matches', () => {
    it('tells a match’s members, champions and admins of its changes, and no other participant', async () => {
      const { programId, hr } = await seedWorld(harness().as);
      const h = harness();
      const readers = {
        mentor: { personId: 'anna' },
        mentee: { personId: 'vp-sales' },
        champion: { personId: 'chris' },
        admin,
        otherMentor: { personId: 'cara' },
        otherMentee: { personId: 'dir-mkt' },
      };
      type Name = keyof typeof readers;
      const heard = Object.fromEntries(Object.keys(readers).map((name) => [name, [] as string[]])) as Record<Name, string[]>;
      const stops = Object.entries(readers).map(([name, actor]) => h.as(actor).subscribe((changes) => heard[name as Name].push(...changes.map((c) => c.entity))));
      // Everyone may read the directory: once all have heard this, every feed is open.
      await hr.people.upsert({ ...people.ceo, title: 'Chief Executive' });
      await eventually(() => Object.values(heard).every((list) => list.includes('person')), 3_000);

      const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
      await h.as({ personId: 'vp-sales' }).matches.respond({ matchId: m.id, accept: false });
      await hr.people.upsert({ ...people.ceo, title: 'CEO' });
      await eventually(() => Object.values(heard).every((list) => list.filter((e) => e === 'person').length === 2), 3_000);
      for (const name of ['mentor', 'mentee', 'champion', 'admin'] as const) expect(heard[name], name).to.include('match');
      for (const name of ['otherMentor', 'otherMentee'] as const) expect(heard[name], name).not.to.include('match');
      for (const stop of stops) stop();
    });
  });
}
