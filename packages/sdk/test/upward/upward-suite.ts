// The behaviour suite of the `Upward` interface. It talks only to the interface, so the same
// assertions run against the in-process engine on every store, and later the remote client.
import { expect } from '@open-wc/testing';
import { UpwardError, ValidationError, type Upward } from '../../src/index.ts';
import { eventually } from '../eventually.ts';
import { admin, people, programInput, seedWorld } from './world.ts';
import { agreementAndSessionRules } from './rules/agreements-sessions.ts';
import { matchRules } from './rules/matches.ts';
import { peopleAndProgramRules } from './rules/people-programs.ts';
import { issueCodeRules } from './rules/issue-codes.ts';

type ActorInput = { personId: string; isAdmin?: boolean };

export interface UpwardHarness {
  /** An `Upward` acting as `actor`; `clock` moves time for that client (local engines only). */
  as(actor: ActorInput, options?: { clock?: () => Date }): Upward;
  /** Everything stored, to prove a failed command wrote nothing. */
  snapshot(): Promise<unknown>;
  dispose(): Promise<void>;
}

export async function rejects(promise: Promise<unknown>, code: string): Promise<UpwardError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(UpwardError);
    expect((error as UpwardError).code, (error as Error).message).to.equal(code);
    return error as UpwardError;
  }
  throw new Error(`expected a "${code}" error, but the command succeeded`);
}

export function testUpward(name: string, create: () => Promise<UpwardHarness>) {
  describe(`Upward behaviour (${name})`, () => {
    let h: UpwardHarness;
    beforeEach(async () => {
      h = await create();
    });
    afterEach(() => h.dispose());

    describe('agreement and session rules', () => agreementAndSessionRules(() => h));
    describe('match rules', () => matchRules(() => h));
    describe('people and program rules', () => peopleAndProgramRules(() => h));
    describe('field issue codes', () => issueCodeRules(() => h));

    describe('programs', () => {
      it('rejects a bad program with every failing field named, and stores nothing', async () => {
        const before = await h.snapshot();
        const bad = { ...programInput(), name: '  ', endDate: '2026-01-01', playbook: { ...programInput().playbook, sessionMinutes: 2 } };
        const error = await rejects(h.as(admin).programs.create(bad), 'validation');
        const paths = (error as unknown as { issues: { path: string; message: string }[] }).issues.map((i) => i.path);
        expect(paths).to.include.members(['name', 'playbook.sessionMinutes']);
        expect(error.message).to.contain('name: must not be empty');
        expect(await h.snapshot()).to.deep.equal(before);
      });

      it('refuses ids with control or invisible characters', async () => {
        for (const id of ['p\u00001', 'p\n1', 'p\u202e1', 'p\u200b1']) {
          const error = await rejects(h.as(admin).programs.get(id), 'validation');
          expect(error.message).to.contain('must not contain control or invisible formatting characters');
        }
      });

      it('checks cross-field rules: the end date must follow kickoff', async () => {
        const error = await rejects(h.as(admin).programs.create(programInput({ endDate: '2026-12-01' })), 'validation');
        expect(error.message).to.contain('endDate: must be after the kickoff date');
      });

      it('moves through its phases and refuses an illegal jump, naming both states', async () => {
        const hr = h.as(admin);
        const p = await hr.programs.create(programInput());
        expect(p.phase).to.equal('draft');
        const error = await rejects(hr.programs.launch({ id: p.id }), 'invalid-transition');
        expect(error).to.include({ entity: 'program', from: 'draft', to: 'running' });
        expect((await hr.programs.openEnrolment({ id: p.id })).phase).to.equal('enrolling');
        expect((await hr.programs.startMatching({ id: p.id })).phase).to.equal('matching');
        expect((await hr.programs.launch({ id: p.id })).phase).to.equal('running');
        expect((await hr.programs.close({ id: p.id })).phase).to.equal('closed');
      });

      it('only lets admins create programs, and hides drafts from participants', async () => {
        await rejects(h.as({ personId: 'anna' }).programs.create(programInput()), 'forbidden');
        const p = await h.as(admin).programs.create(programInput());
        await rejects(h.as({ personId: 'anna' }).programs.get(p.id), 'not-found');
        expect(await h.as({ personId: 'anna' }).programs.list()).to.have.length(0);
        expect((await h.as({ personId: 'chris' }).programs.get(p.id)).id).to.equal(p.id); // champion
      });

      it('updates with merged validation and refuses a stale version', async () => {
        const hr = h.as(admin);
        const p = await hr.programs.create(programInput());
        const updated = await hr.programs.update({ id: p.id, expectedVersion: p.version, changes: { name: 'Future Leaders' } });
        expect(updated).to.include({ name: 'Future Leaders', version: p.version + 1 });
        const error = await rejects(hr.programs.update({ id: p.id, changes: { kickoffDate: '2028-01-01' } }), 'validation');
        expect(error.message).to.contain('changes.endDate');
        await rejects(hr.programs.update({ id: p.id, expectedVersion: p.version, changes: { name: 'Stale' } }), 'conflict');
        expect((await hr.programs.get(p.id)).name).to.equal('Future Leaders');
      });

      it('settles open matches when a program closes', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const pending = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
        await hr.programs.launch({ id: programId });
        await hr.programs.close({ id: programId });
        expect(await hr.matches.get(pending.id)).to.deep.include({ status: 'ended', endReason: { kind: 'program-closed' } });
      });
    });

    describe('people', () => {
      it('upserts people and refuses an email that belongs to someone else', async () => {
        const hr = h.as(admin);
        const p = await hr.people.upsert(people.anna);
        expect(p).to.include({ id: 'anna', level: 2, version: 1 });
        expect((await hr.people.upsert({ ...people.anna, title: 'Engineer' })).version).to.equal(2);
        await rejects(hr.people.upsert({ ...people.ben, email: people.anna.email }), 'conflict');
        await rejects(h.as({ personId: 'anna' }).people.upsert(people.ben), 'forbidden');
      });

      it('imports an HRIS CSV: good rows land together, bad rows are reported by line and field, age is never stored', async () => {
        const csv = [
          'id,name,email,department,level,managerId,timeZone,languages,skills,birth_date',
          'e2,Lee Park,lee@example.com,Sales,4,e1,Asia/Seoul,ko;en,"Negotiation;CRM",1990-01-01',
          'e1,Ada Boss,ada@example.com,Sales,8,,Europe/Paris,fr;en,Strategy,1970-05-05',
          'e3,No Level,nolevel@example.com,Sales,senior,e1,Europe/Paris,en,,1999-09-09',
          'e4,Bad Zone,zone@example.com,Sales,3,e1,Mars/Olympus,en,,2000-01-01',
          'e5,Orphan,orphan@example.com,Sales,3,e99,Europe/Paris,en,,2000-01-01',
        ].join('\n');
        const report = await h.as(admin).people.import({ format: 'csv', data: csv });
        expect(report).to.include({ created: 2, updated: 0 });
        expect(report.ignoredColumns).to.deep.equal(['birth_date']);
        expect(report.errors.map((e) => [e.row, e.issues[0]!.path])).to.deep.equal([
          [4, 'level'],
          [5, 'timeZone'],
          [6, 'managerId'],
        ]);
        const lee = await h.as(admin).people.get('e2');
        expect(lee).to.include({ managerId: 'e1', level: 4 });
        expect(lee.languages).to.deep.equal(['ko', 'en']);
        expect(JSON.stringify(await h.snapshot())).not.to.match(/1990-01-01|birth/);
      });

      it('imports JSON and reports a reporting loop', async () => {
        const report = await h.as(admin).people.import({
          format: 'json',
          data: [
            { id: 'x1', name: 'X One', email: 'x1@example.com', department: 'Ops', level: 5, managerId: 'x2', timeZone: 'UTC' },
            { id: 'x2', name: 'X Two', email: 'x2@example.com', department: 'Ops', level: 6, managerId: 'x1', timeZone: 'UTC' },
            { id: 'x3', name: 'X Three', email: 'x3@example.com', department: 'Ops', level: 6, timeZone: 'UTC', age: 44 },
          ],
        });
        expect(report.created).to.equal(1);
        expect(report.errors.map((e) => e.issues[0]!.message)).to.deep.equal(['would make a reporting loop', 'would make a reporting loop']);
        expect(report.ignoredColumns).to.deep.equal(['age']);
      });
    });

    describe('enrolments', () => {
      it('requires consent and applies the program’s eligibility rules, naming the field', async () => {
        const hr = h.as(admin);
        for (const person of Object.values(people)) await hr.people.upsert(person);
        const p = await hr.programs.create(programInput({ rules: { ...programInput().rules, mentorMaxLevel: 4 } }));
        await hr.programs.openEnrolment({ id: p.id });
        const base = { programId: p.id, personId: 'dir-mkt', role: 'mentor' as const, skills: [{ skill: 'Budgets' }] };
        const noConsent = await rejects(h.as({ personId: 'dir-mkt' }).enrolments.enrol({ ...base, consent: false as true }), 'validation');
        expect(noConsent.message).to.contain('consent: you must accept the program terms');
        const tooSenior = await rejects(h.as({ personId: 'dir-mkt' }).enrolments.enrol({ ...base, consent: true }), 'validation');
        expect(tooSenior.message).to.contain('role: Priya Nair is level 7; mentors in this program are at most level 4');
        // The rule travels as data too, so an interface can say it in its reader's language.
        expect((tooSenior as ValidationError).issues).to.deep.equal([
          {
            path: 'role',
            message: 'Priya Nair is level 7; mentors in this program are at most level 4',
            code: 'broken_rule',
            violation: { rule: 'level-limit', details: { person: 'Priya Nair', role: 'mentor', level: 7, limit: 4 } },
          },
        ]);
      });

      it('lets people enrol themselves only, once, and re-apply after withdrawing', async () => {
        const { programId, hr } = await seedWorld(h.as);
        await hr.programs.reopenEnrolment({ id: programId });
        const input = { programId, personId: 'ceo', role: 'mentee' as const, skills: [{ skill: 'TikTok' }], consent: true as const };
        await rejects(h.as({ personId: 'anna' }).enrolments.enrol(input), 'forbidden');
        const e = await h.as({ personId: 'ceo' }).enrolments.enrol(input);
        expect(e.status).to.equal('applied');
        await rejects(h.as({ personId: 'ceo' }).enrolments.enrol(input), 'conflict');
        await rejects(h.as({ personId: 'ceo' }).enrolments.approve({ id: e.id }), 'forbidden');
        await h.as({ personId: 'ceo' }).enrolments.withdraw({ id: e.id });
        await rejects(hr.enrolments.approve({ id: e.id }), 'invalid-transition');
        expect((await h.as({ personId: 'ceo' }).enrolments.enrol(input)).status).to.equal('applied');
        expect((await hr.enrolments.waitlist({ id: e.id })).status).to.equal('waitlisted');
        expect((await hr.enrolments.approve({ id: e.id })).status).to.equal('approved');
      });

      it('lets the participant edit their enrolment, but nobody else', async () => {
        const { programId } = await seedWorld(h.as);
        const [mine] = await h.as({ personId: 'vp-sales' }).enrolments.list({ programId });
        const ranked = await h.as({ personId: 'vp-sales' }).enrolments.update({
          id: mine!.id,
          expectedVersion: mine!.version,
          changes: { preferences: ['ben', 'anna'], availability: [{ day: 2, startMinute: 540, endMinute: 600 }] },
        });
        expect(ranked.preferences).to.deep.equal(['ben', 'anna']);
        expect(ranked.skills).to.deep.equal(mine!.skills);
        await rejects(h.as({ personId: 'anna' }).enrolments.update({ id: mine!.id, changes: { capacity: 3 } }), 'forbidden');
        const self = await rejects(h.as({ personId: 'vp-sales' }).enrolments.update({ id: mine!.id, changes: { preferences: ['vp-sales'] } }), 'validation');
        expect(self.message).to.contain('changes.preferences.0: cannot rank yourself');
      });

      it('refuses enrolment while the program is a draft', async () => {
        const hr = h.as(admin);
        await hr.people.upsert(people.anna);
        const p = await hr.programs.create(programInput());
        await rejects(
          h.as({ personId: 'anna' }).enrolments.enrol({ programId: p.id, personId: 'anna', role: 'mentor', skills: [{ skill: 'Figma' }], consent: true }),
          'conflict',
        );
      });
    });

    describe('matches', () => {
      it('enforces the hard pairing rules and says which one failed', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const line = await rejects(hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-eng'] }), 'validation');
        expect(line.message).to.contain('Dana Okafor is the direct manager of Anna Schmidt');
        expect((line as ValidationError).issues[0]).to.deep.include({
          path: 'menteeIds.0',
          code: 'broken_rule',
          violation: { rule: 'reporting-chain', details: { above: 'Dana Okafor', below: 'Anna Schmidt', distance: 1 } },
        });
        const language = await rejects(hr.matches.propose({ programId, mentorIds: ['cara'], menteeIds: ['dir-mkt'] }), 'validation');
        expect(language.message).to.contain('share no language');
        const role = await rejects(hr.matches.propose({ programId, mentorIds: ['vp-eng'], menteeIds: ['anna'] }), 'validation');
        expect(role.message).to.contain('not an approved mentor');
        expect((role as ValidationError).issues.map((i) => [i.path, i.code, i.violation?.rule])).to.deep.equal([
          ['mentorIds.0', 'broken_rule', 'role'],
          ['menteeIds.0', 'broken_rule', 'role'],
        ]);
        const nobody = await rejects(hr.matches.propose({ programId, mentorIds: ['nobody', 'anna'], menteeIds: ['vp-sales', 'vp-sales'] }), 'validation');
        expect((nobody as ValidationError).issues.map((i) => [i.path, i.code])).to.deep.include.members([
          ['mentorIds', 'too_big'],
          ['menteeIds', 'too_big'],
          ['mentorIds.0', 'not_found'],
        ]);
      });

      it('enforces the level-gap band', async () => {
        const { programId, hr } = await seedWorld(h.as, { rules: { ...programInput().rules, minLevelGap: 1, maxLevelGap: 4 } });
        const error = await rejects(hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] }), 'validation');
        expect(error.message).to.contain('Anna Schmidt is 6 levels below Sam Lindqvist; the mentor must be 1 to 4 levels junior');
      });

      it('gives a mentee one open match and a mentor up to their capacity, even under parallel requests', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const results = await Promise.allSettled([
          hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] }),
          hr.matches.propose({ programId, mentorIds: ['ben'], menteeIds: ['vp-sales'] }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
        const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect((refused.reason as UpwardError).message).to.contain('Sam Lindqvist already has an open match');
        // the winning pair again is refused by the "matched before" rule
        const won = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ memberIds: string[] }>).value;
        const again = await rejects(hr.matches.propose({ programId, mentorIds: [won.memberIds[0]!], menteeIds: ['vp-sales'] }), 'validation');
        expect(again.message).to.contain('already matched in this program');
        await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['dir-mkt'] }); // capacity 2
        expect(await hr.matches.list({ programId })).to.have.length(2);
      });

      it('lands proposals from the engine all together or not at all', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const before = await h.snapshot();
        const error = await rejects(
          hr.matches.proposeMany({
            programId,
            proposals: [
              { mentorIds: ['anna'], menteeIds: ['vp-sales'], score: 80, reasons: [{ factor: 'skills', points: 80, text: 'Teaches Generative AI' }] },
              { mentorIds: ['anna'], menteeIds: ['vp-eng'] },
            ],
          }),
          'validation',
        );
        expect(error.message).to.contain('proposals.1.menteeIds.0');
        expect(await h.snapshot()).to.deep.equal(before);
        const made = await hr.matches.proposeMany({ programId, proposals: [{ mentorIds: ['anna'], menteeIds: ['vp-sales'], score: 80 }] });
        expect(made[0]).to.include({ origin: 'suggested', score: 80, status: 'proposed' });
      });

      it('goes proposed → accepted (with an agreement) → trial → active → completed', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
        await rejects(h.as({ personId: 'ben' }).matches.respond({ matchId: m.id, accept: true }), 'forbidden');
        expect((await h.as({ personId: 'anna' }).matches.respond({ matchId: m.id, accept: true })).status).to.equal('proposed');
        expect((await h.as({ personId: 'vp-sales' }).matches.respond({ matchId: m.id, accept: true })).status).to.equal('accepted');
        const [agreement] = await h.as({ personId: 'anna' }).agreements.list({ matchId: m.id });
        expect(agreement).to.include({ status: 'draft', number: 1 });
        expect(agreement!.content.goals).to.deep.equal(['Understand how customers use social media']);
        const session = await h.as({ personId: 'anna' }).sessions.plan({ matchId: m.id, scheduledAt: '2027-01-20T10:00:00Z' });
        expect(session.isTrial).to.equal(true);
        expect((await hr.matches.get(m.id)).status).to.equal('trial');
        await h.as({ personId: 'anna' }).sessions.log({ sessionId: session.id, sharedNotes: 'Met for the trial.' });
        await h.as({ personId: 'anna' }).matches.decideTrial({ matchId: m.id, decision: 'continue' });
        expect((await h.as({ personId: 'vp-sales' }).matches.decideTrial({ matchId: m.id, decision: 'continue' })).status).to.equal('active');
        expect((await h.as({ personId: 'vp-sales' }).matches.complete({ matchId: m.id })).status).to.equal('completed');
        await rejects(hr.matches.end({ matchId: m.id, note: 'too late' }), 'invalid-transition');
      });

      it('offers a blameless way out after the trial that does not record who left', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const m = await hr.matches.propose({ programId, mentorIds: ['ben'], menteeIds: ['vp-sales'] });
        for (const personId of ['ben', 'vp-sales']) await h.as({ personId }).matches.respond({ matchId: m.id, accept: true });
        const trial = await h.as({ personId: 'ben' }).sessions.plan({ matchId: m.id, scheduledAt: '2027-01-20T10:00:00Z' });
        await h.as({ personId: 'ben' }).sessions.log({ sessionId: trial.id, sharedNotes: 'Met for the trial.' });
        await h.as({ personId: 'ben' }).matches.decideTrial({ matchId: m.id, decision: 'continue' });
        const ended = await h.as({ personId: 'vp-sales' }).matches.decideTrial({ matchId: m.id, decision: 'exit' });
        expect(ended).to.deep.include({ status: 'ended', endReason: { kind: 'trial-exit' } });
        expect(ended.members.every((x) => x.trialDecision === null)).to.equal(true);
        // and the admin can rematch the mentee with someone new, but never the same mentor again
        await rejects(hr.matches.rematch({ matchId: m.id, mentorIds: ['ben'], menteeIds: ['vp-sales'] }), 'validation');
        const again = await hr.matches.rematch({ matchId: m.id, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
        expect(again).to.include({ previousMatchId: m.id, status: 'proposed' });
      });

      it('ends early with a reason, and a decline ends a proposal', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['dir-mkt'] });
        const declined = await h.as({ personId: 'dir-mkt' }).matches.respond({ matchId: m.id, accept: false });
        expect(declined).to.deep.include({ status: 'ended', endReason: { kind: 'declined' } });
        const m2 = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
        const ended = await h.as({ personId: 'anna' }).matches.end({ matchId: m2.id, note: 'Moving to another country' });
        expect(ended.endReason).to.deep.equal({ kind: 'ended-early', note: 'Moving to another country' });
      });

      it('lets a mentee request a mentor in self mode, with an expiry', async () => {
        const { programId } = await seedWorld(h.as, { matching: { mode: 'self', requestExpiryDays: 5 } });
        const m = await h.as({ personId: 'vp-sales' }).matches.request({ programId, mentorId: 'ben' });
        expect(m).to.include({ origin: 'requested', status: 'proposed' });
        expect(m.members.find((x) => x.personId === 'vp-sales')!.response).to.equal('accepted');
        expect(Date.parse(m.expiresAt!) - Date.parse(m.createdAt)).to.equal(5 * 86_400_000);
        await rejects(h.as({ personId: 'anna' }).matches.request({ programId, mentorId: 'ben' }), 'validation');
      });

      it('shows participants only their own matches', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
        expect(await h.as({ personId: 'ben' }).matches.list()).to.have.length(0);
        await rejects(h.as({ personId: 'ben' }).matches.get(m.id), 'forbidden');
        expect(await h.as({ personId: 'anna' }).matches.list()).to.have.length(1);
        expect(await h.as({ personId: 'chris' }).matches.list({ programId })).to.have.length(1);
      });
    });

    describe('matching', () => {
      const sum = (reasons: { points: number }[]) => reasons.reduce((t, r) => t + r.points, 0);

      it('proposes the optimal pairs with reasons that add up, and publishes them with scores computed again', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const proposal = await hr.matching.suggest({ programId });
        expect(proposal.strategy).to.equal('optimal');
        expect(proposal.pairs.map((p) => `${p.menteeId}<-${p.mentorId}`).sort()).to.deep.equal(['dir-mkt<-anna', 'vp-eng<-ben', 'vp-sales<-anna']);
        for (const pair of proposal.pairs) {
          expect(sum(pair.reasons)).to.equal(pair.score);
          expect(pair.reasons.every((r) => r.text.length > 0)).to.equal(true);
        }
        expect(proposal.total).to.equal(proposal.pairs.reduce((t, p) => t + p.score, 0));
        await rejects(h.as({ personId: 'anna' }).matching.suggest({ programId }), 'forbidden');
        const made = await hr.matching.publish({ programId, pairs: proposal.pairs.map(({ menteeId, mentorId }) => ({ menteeId, mentorId })) });
        expect(made.map((m) => m.score).sort()).to.deep.equal(proposal.pairs.map((p) => p.score).sort());
        expect(made.every((m) => m.origin === 'suggested' && m.status === 'proposed')).to.equal(true);
        // everyone placed: a second run has nobody left to pair
        expect((await hr.matching.suggest({ programId })).pairs).to.have.length(0);
      });

      it('solves off the main thread, and can be cancelled', async () => {
        const { programId, hr } = await seedWorld(h.as);
        expect((await hr.matching.suggest({ programId })).pairs).to.have.length(3);
        const cancel = new AbortController();
        cancel.abort();
        const error = await hr.matching.suggest({ programId }, { signal: cancel.signal }).catch((e: unknown) => e);
        expect((error as Error).name).to.equal('AbortError');
      });

      it('keeps admin locks and exclusions when it solves again', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const proposal = await hr.matching.suggest({
          programId,
          locks: [{ menteeId: 'vp-eng', mentorId: 'anna' }],
          exclusions: [{ menteeId: 'vp-sales', mentorId: 'anna' }],
        });
        const locked = proposal.pairs.find((p) => p.menteeId === 'vp-eng')!;
        expect(locked).to.include({ mentorId: 'anna', locked: true });
        expect(locked.warnings).to.deep.equal([
          {
            rule: 'reporting-chain',
            details: { above: 'Dana Okafor', below: 'Anna Schmidt', distance: 1 },
            message: 'Dana Okafor is the direct manager of Anna Schmidt; mentors and mentees must not share a reporting chain.',
          },
        ]);
        expect(proposal.pairs.find((p) => p.menteeId === 'vp-sales')!.mentorId).to.equal('ben');
        expect(proposal.unmatched.map((u) => u.menteeId)).to.deep.equal([]);
      });

      it('gives every reason and every left-out mentee as data next to its English sentence', async () => {
        const { programId, hr } = await seedWorld(h.as);
        // Anna is the only mentor Priya may have (Ben is in her reporting line, Cara speaks no
        // language she does): excluding that pair leaves her out, and says why in numbers.
        const proposal = await hr.matching.suggest({ programId, exclusions: [{ menteeId: 'dir-mkt', mentorId: 'anna' }] });
        expect(proposal.unmatched).to.deep.equal([
          {
            menteeId: 'dir-mkt',
            why: 'no-allowed-mentor',
            details: { mentee: 'Priya Nair', mentors: 3, blockedBy: { 'reporting-chain': 1, 'shared-language': 1, excluded: 1 } },
            message: "No mentor passes the program's rules for Priya Nair: 1 in the same reporting chain, 1 excluded by an admin and 1 without a shared language.",
          },
        ]);
        for (const pair of proposal.pairs) {
          expect(pair.reasons.map((r) => r.factor)).to.deep.equal(['skills', 'topics', 'availability', 'timeZone', 'language', 'crossDepartment', 'levelGap', 'preference']);
        }
        const explained = await hr.matching.explain({ programId, menteeId: 'vp-sales', mentorId: 'anna' });
        if (!explained.allowed) throw new Error('Anna may mentor Sam');
        const [skills, , , , , , level] = explained.reasons;
        expect(skills).to.deep.include({ details: { mentee: 'Sam Lindqvist', sought: 1, taught: [] }, text: 'Does not teach the skill Sam Lindqvist wants.' });
        expect(level!.details).to.deep.equal({ mentee: 'Sam Lindqvist', mentor: 'Anna Schmidt', gap: 6, min: 3, max: 7 });
      });

      it('counts a full mentor among those a left-out mentee could not have, and refuses a lock on one', async () => {
        const { programId, hr } = await seedWorld(h.as);
        // Ben's one place goes to Dana.
        const m = await hr.matches.propose({ programId, mentorIds: ['ben'], menteeIds: ['vp-eng'] });
        for (const personId of ['ben', 'vp-eng']) await h.as({ personId }).matches.respond({ matchId: m.id, accept: true });
        const proposal = await hr.matching.suggest({ programId, exclusions: [{ menteeId: 'vp-sales', mentorId: 'anna' }] });
        const sam = proposal.unmatched.find((u) => u.menteeId === 'vp-sales')!;
        expect(sam.details).to.deep.equal({ mentee: 'Sam Lindqvist', mentors: 3, blockedBy: { excluded: 1, 'capacity-full': 1, 'reporting-chain': 1 } });
        expect(proposal.pairs.map((p) => p.mentorId)).to.not.include('ben');

        const full = await rejects(hr.matching.suggest({ programId, locks: [{ menteeId: 'vp-sales', mentorId: 'ben' }] }), 'validation');
        expect((full as ValidationError).issues).to.deep.equal([
          {
            path: 'locks.0.mentorId',
            message: "Ben Carter's only place is taken",
            code: 'broken_rule',
            violation: { rule: 'capacity-full', details: { mentor: 'Ben Carter', capacity: 1 } },
          },
        ]);
        const stale = await rejects(hr.matching.suggest({ programId, locks: [{ menteeId: 'vp-eng', mentorId: 'anna' }] }), 'conflict');
        expect(stale.message).to.contain('Dana Okafor already has a match in this program.');
      });

      it('explains why a pair scores what it does, and why another is impossible', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const no = await hr.matching.explain({ programId, menteeId: 'dir-mkt', mentorId: 'cara' });
        expect(no.allowed).to.equal(false);
        if (!no.allowed) expect(no.violations.map((v) => [v.rule, v.details])).to.deep.equal([
          ['shared-language', { mentee: 'Priya Nair', mentor: 'Cara Silva', menteeLanguages: ['en', 'hi'], mentorLanguages: ['pt'] }],
        ]);
        const yes = await h.as({ personId: 'vp-sales' }).matching.explain({ programId, menteeId: 'vp-sales', mentorId: 'anna' });
        expect(yes.allowed).to.equal(true);
        if (yes.allowed) expect(sum(yes.reasons)).to.equal(yes.score);
        await rejects(h.as({ personId: 'ben' }).matching.explain({ programId, menteeId: 'vp-sales', mentorId: 'anna' }), 'forbidden');
        const notEnrolled = await hr.matching.explain({ programId, menteeId: 'ceo', mentorId: 'anna' });
        if (!notEnrolled.allowed) {
          expect(notEnrolled.violations).to.deep.equal([
            { rule: 'role', details: { person: 'Morgan Reyes', role: 'mentee' }, message: 'Morgan Reyes is not an approved mentee of this program.' },
          ]);
        }
      });

      it('shows a mentee only the mentors the rules allow, best first', async () => {
        const { programId } = await seedWorld(h.as, { matching: { mode: 'self' } });
        const list = await h.as({ personId: 'dir-mkt' }).matching.suggestions({ programId });
        expect(list.map((s) => s.mentor.personId)).to.deep.equal(['anna']); // ben is in her line, cara shares no language
        expect(sum(list[0]!.reasons)).to.equal(list[0]!.score);
        // Priya reads these about herself.
        expect(list[0]!.reasons.find((r) => r.factor === 'skills')!.text).to.match(/the skill you want/);
        await rejects(h.as({ personId: 'anna' }).matching.suggestions({ programId }), 'forbidden');
      });

      it('moves a ranked request on to the next choice when a mentor declines or lets it lapse', async () => {
        let now = new Date('2027-01-12T09:00:00Z');
        const clock = () => now;
        const { programId } = await seedWorld((actor) => h.as(actor, { clock }), { matching: { mode: 'self', requestExpiryDays: 3 } });
        const sam = h.as({ personId: 'vp-sales' }, { clock });
        const first = await sam.matching.requestRanked({ programId, mentorIds: ['cara', 'ben', 'anna'] });
        expect(first!.memberIds).to.include('ben'); // cara shares no language: skipped
        const second = await h.as({ personId: 'ben' }, { clock }).matches.respond({ matchId: first!.id, accept: false });
        expect(second.endReason).to.deep.equal({ kind: 'declined' });
        const [next] = (await sam.matches.list({ status: 'proposed' }));
        expect(next!.memberIds).to.include('anna');
        now = new Date('2027-01-16T09:00:00Z');
        expect(await sam.matching.expireRequests({ programId })).to.deep.equal({ expired: 1, requested: 0 });
        expect((await sam.matches.get(next!.id)).endReason).to.deep.equal({ kind: 'request-expired' });
      });

      it('matches hybrid programs on rankings with no blocking pair', async () => {
        const { programId, hr } = await seedWorld(h.as, { matching: { mode: 'hybrid' } });
        const [mine] = await h.as({ personId: 'vp-sales' }).enrolments.list({ programId });
        await h.as({ personId: 'vp-sales' }).enrolments.update({ id: mine!.id, changes: { preferences: ['ben', 'anna'] } });
        const proposal = await hr.matching.suggest({ programId });
        expect(proposal.strategy).to.equal('stable');
        expect(proposal.pairs.find((p) => p.menteeId === 'vp-sales')!.mentorId).to.equal('ben');
      });

      it('forms groups in the group format and publishes one match per group', async () => {
        const { programId, hr } = await seedWorld(h.as, { format: { kind: 'group', mentorsPerGroup: 1, menteesPerGroup: 3 } });
        const proposal = await hr.matching.suggest({ programId });
        expect(proposal.groups).to.not.equal(null);
        const [group] = await hr.matching.publish({ programId, pairs: proposal.pairs.map(({ menteeId, mentorId }) => ({ menteeId, mentorId })) });
        expect(proposal.groups!.length).to.be.greaterThan(0);
        expect(group!.members.filter((m) => m.role === 'mentor')).to.have.length(1);
      });
    });

    describe('agreements', () => {
      async function acceptedMatch() {
        const { programId, hr } = await seedWorld(h.as);
        const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
        for (const personId of ['anna', 'vp-sales']) await h.as({ personId }).matches.respond({ matchId: m.id, accept: true });
        const [draft] = await h.as({ personId: 'anna' }).agreements.list({ matchId: m.id });
        return { match: m, draft: draft!, hr };
      }

      it('is signed by each member for themselves, and is in force when all have signed', async () => {
        const { draft } = await acceptedMatch();
        const anna = h.as({ personId: 'anna' });
        const sent = await anna.agreements.send({ agreementId: draft.id });
        expect(sent.status).to.equal('awaiting-signatures');
        expect(sent.contentHash).to.match(/^[0-9a-f]{64}$/);
        await rejects(h.as({ personId: 'ben' }).agreements.sign({ agreementId: draft.id, contentHash: sent.contentHash! }), 'forbidden');
        await rejects(h.as({ personId: 'chris' }).agreements.sign({ agreementId: draft.id, contentHash: sent.contentHash! }), 'forbidden');
        await rejects(anna.agreements.sign({ agreementId: draft.id, contentHash: '0'.repeat(64) }), 'conflict');
        const half = await anna.agreements.sign({ agreementId: draft.id, contentHash: sent.contentHash! });
        expect(half.signatures.map((s) => s.personId)).to.deep.equal(['anna']);
        const full = await h.as({ personId: 'vp-sales' }).agreements.sign({ agreementId: draft.id, contentHash: sent.contentHash! });
        expect(full.status).to.equal('in-force');
      });

      it('never changes a signed version: an amendment is a new version signed again', async () => {
        const { draft, match } = await acceptedMatch();
        const anna = h.as({ personId: 'anna' });
        const edited = await anna.agreements.update({ agreementId: draft.id, content: { ...draft.content, goals: ['Launch a team TikTok'] } });
        const sent = await anna.agreements.send({ agreementId: edited.id });
        for (const personId of ['anna', 'vp-sales']) await h.as({ personId }).agreements.sign({ agreementId: draft.id, contentHash: sent.contentHash! });
        await rejects(anna.agreements.update({ agreementId: draft.id, content: { ...draft.content, goals: ['Changed'] } }), 'invalid-transition');
        const v2 = await anna.agreements.amend({ agreementId: draft.id });
        expect(v2).to.include({ number: 2, status: 'draft' });
        await rejects(anna.agreements.amend({ agreementId: draft.id }), 'conflict');
        await anna.agreements.update({ agreementId: v2.id, content: { ...v2.content, clauses: [{ title: 'Phones', text: 'Phones away during sessions.' }] } });
        const sent2 = await anna.agreements.send({ agreementId: v2.id });
        for (const personId of ['anna', 'vp-sales']) await h.as({ personId }).agreements.sign({ agreementId: v2.id, contentHash: sent2.contentHash! });
        const versions = await anna.agreements.list({ matchId: match.id });
        expect(versions.map((a) => [a.number, a.status])).to.deep.equal([
          [1, 'superseded'],
          [2, 'in-force'],
        ]);
        expect(versions[0]!.content.goals).to.deep.equal(['Launch a team TikTok']);
        expect(versions[0]!.signatures.every((s) => s.contentHash === sent.contentHash)).to.equal(true);
      });
    });

    describe('sessions, notes and action items', () => {
      async function activeMatch() {
        const { programId, hr } = await seedWorld(h.as);
        const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
        for (const personId of ['anna', 'vp-sales']) await h.as({ personId }).matches.respond({ matchId: m.id, accept: true });
        return { matchId: m.id, programId, hr };
      }

      it('builds the agenda from talking points and carries open action items over', async () => {
        const { matchId } = await activeMatch();
        const anna = h.as({ personId: 'anna' });
        const first = await anna.sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z', agenda: ['Your questions'] });
        expect(first.visibility).to.equal('full');
        if (first.visibility !== 'full') return;
        expect(first.agenda.map((a) => [a.source, a.text])).to.deep.equal([
          ['talking-point', 'Social media habits'],
          ['talking-point', 'Generative AI at work'],
          ['added', 'Your questions'],
        ]);
        expect(first).to.include({ durationMinutes: 45, mode: 'video', location: 'Café on level 2' });
        await anna.sessions.log({
          sessionId: first.id,
          sharedNotes: 'Walked through TikTok analytics.',
          topics: ['Social media habits'],
          learned: 'How a sales leader reads a pipeline.',
          actionItems: [
            { text: 'Post a first video', ownerId: 'vp-sales', due: '2027-02-01' },
            { text: 'Share a reading list', ownerId: 'anna' },
          ],
        });
        await h.as({ personId: 'vp-sales' }).sessions.reflect({ sessionId: first.id, learned: 'Short video beats long posts.' });
        const items = await anna.actionItems.list({ matchId });
        await anna.actionItems.setDone({ id: items.find((i) => i.ownerId === 'anna')!.id, done: true });
        const second = await anna.sessions.plan({ matchId, scheduledAt: '2027-02-03T10:00:00Z' });
        if (second.visibility !== 'full') throw new Error('members see the full session');
        expect(second.isTrial).to.equal(false);
        expect(second.agenda.map((a) => [a.source, a.text])).to.deep.equal([
          ['carried-over', 'Post a first video'],
          ['talking-point', 'Generative AI at work'],
        ]);
        const held = await anna.sessions.get(first.id);
        if (held.visibility !== 'full') throw new Error('members see the full session');
        expect(held.reflections.map((r) => r.personId).sort()).to.deep.equal(['anna', 'vp-sales']);
      });

      it('rejects an action item for someone outside the match, writing nothing', async () => {
        const { matchId } = await activeMatch();
        const anna = h.as({ personId: 'anna' });
        const s = await anna.sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
        const before = await h.snapshot();
        const error = await rejects(
          anna.sessions.log({ sessionId: s.id, sharedNotes: 'x', actionItems: [{ text: 'Do it', ownerId: 'ben' }] }),
          'validation',
        );
        expect(error.message).to.contain('actionItems.0.ownerId');
        expect(await h.snapshot()).to.deep.equal(before);
      });

      it('keeps private notes to their author and notes away from champions and admins', async () => {
        const { matchId, hr } = await activeMatch();
        const anna = h.as({ personId: 'anna' });
        const s = await anna.sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
        await anna.sessions.log({ sessionId: s.id, sharedNotes: 'Shared between us', learned: 'Something' });
        await anna.sessions.writePrivateNote({ sessionId: s.id, text: 'Anna only' });
        expect((await anna.sessions.readPrivateNote(s.id))!.text).to.equal('Anna only');
        expect(await h.as({ personId: 'vp-sales' }).sessions.readPrivateNote(s.id)).to.equal(null);
        expect(await hr.sessions.readPrivateNote(s.id)).to.equal(null);
        await rejects(h.as({ personId: 'ben' }).sessions.writePrivateNote({ sessionId: s.id, text: 'x' }), 'forbidden');
        for (const viewer of [{ personId: 'chris' }, admin]) {
          const seen = await h.as(viewer).sessions.get(s.id);
          expect(seen.visibility).to.equal('schedule');
          expect(JSON.stringify(seen)).not.to.match(/Shared between us|Anna only|Something/);
          await rejects(h.as(viewer).actionItems.list({ matchId }), 'forbidden');
        }
        await rejects(h.as({ personId: 'ben' }).sessions.list({ matchId }), 'forbidden');
      });

      it('moves sessions through their lifecycle only along the table', async () => {
        const { matchId } = await activeMatch();
        const anna = h.as({ personId: 'anna' });
        const s = await anna.sessions.plan({ matchId, scheduledAt: '2027-01-20T10:00:00Z' });
        await anna.sessions.cancel({ sessionId: s.id, reason: 'Sick' });
        const error = await rejects(anna.sessions.log({ sessionId: s.id }), 'invalid-transition');
        expect(error).to.include({ entity: 'session', from: 'cancelled', to: 'held' });
        const s2 = await anna.sessions.plan({ matchId, scheduledAt: '2027-01-27T10:00:00Z' });
        await anna.sessions.markMissed({ sessionId: s2.id });
        expect((await anna.sessions.log({ sessionId: s2.id, sharedNotes: 'Met late after all' })).status).to.equal('held');
      });
    });

    describe('home and notifications', () => {
      it('loads a participant’s home: matches, partners, next session, signature due, open actions', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
        for (const personId of ['anna', 'vp-sales']) await h.as({ personId }).matches.respond({ matchId: m.id, accept: true });
        const anna = h.as({ personId: 'anna' });
        const [draft] = await anna.agreements.list({ matchId: m.id });
        await anna.agreements.send({ agreementId: draft!.id });
        const s = await anna.sessions.plan({ matchId: m.id, scheduledAt: '2099-01-20T10:00:00Z' });
        await anna.actionItems.add({ matchId: m.id, text: 'Read the sales playbook', ownerId: 'anna', due: '2099-01-19' });
        const home = await anna.home();
        expect(home.person!.name).to.equal('Anna Schmidt');
        expect(home.matches).to.have.length(1);
        expect(home.matches[0]!.partners).to.deep.equal([{ personId: 'vp-sales', name: 'Sam Lindqvist', title: 'VP Sales', role: 'mentee' }]);
        expect(home.matches[0]!.nextSession!.id).to.equal(s.id);
        expect(home.matches[0]!.agreement).to.include({ status: 'awaiting-signatures', awaitingMySignature: true });
        expect(home.openActionItems.map((a) => a.text)).to.deep.equal(['Read the sales playbook']);
        expect((await h.as({ personId: 'ben' }).home()).matches).to.have.length(0);
      });

      it('notifies subscribers after each committed change, and stops after unsubscribe', async () => {
        const hr = h.as(admin);
        const seen: string[] = [];
        const stop = hr.subscribe((changes) => seen.push(...changes.map((c) => `${c.entity}:${c.kind}`)));
        await hr.people.upsert(people.anna);
        await rejects(hr.people.upsert({ ...people.ben, level: 0 }), 'validation');
        await eventually(() => seen.length > 0, 3_000);
        stop();
        await hr.people.upsert(people.ben);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(seen).to.deep.equal(['person:put']);
      });

      it('tells each reader only of changes to records they may read: a private note to its author alone', async () => {
        const { programId, hr } = await seedWorld(h.as);
        const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
        for (const personId of ['anna', 'vp-sales']) await h.as({ personId }).matches.respond({ matchId: m.id, accept: true });
        const readers = { anna: { personId: 'anna' }, mentee: { personId: 'vp-sales' }, champion: { personId: 'chris' }, outsider: { personId: 'ben' }, admin };
        const heard = Object.fromEntries(Object.keys(readers).map((name) => [name, [] as string[]])) as Record<keyof typeof readers, string[]>;
        const stops = Object.entries(readers).map(([name, actor]) =>
          h.as(actor).subscribe((changes) => heard[name as keyof typeof readers].push(...changes.map((c) => c.entity))),
        );
        // Everyone may read the directory: once all have heard this, every feed is open.
        await hr.people.upsert({ ...people.ceo, title: 'Chief Executive' });
        await eventually(() => Object.values(heard).every((list) => list.includes('person')), 3_000);

        const anna = h.as(readers.anna);
        const session = await anna.sessions.plan({ matchId: m.id, scheduledAt: '2099-01-20T10:00:00Z' });
        await anna.sessions.writePrivateNote({ sessionId: session.id, text: 'Ask Sam about the Q3 pipeline' });
        await hr.people.upsert({ ...people.ceo, title: 'CEO' });
        await eventually(() => Object.values(heard).every((list) => list.filter((e) => e === 'person').length === 2), 3_000);
        expect(heard.anna).to.include.members(['session', 'private note']);
        for (const name of ['mentee', 'champion', 'admin'] as const) {
          expect(heard[name], name).to.include('session');
          expect(heard[name], name).not.to.include('private note');
        }
        expect(heard.outsider).not.to.include.oneOf(['session', 'private note']);
        for (const stop of stops) stop();
      });
    });
  });
}
