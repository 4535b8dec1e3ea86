// Behaviour rules of the Upward interface (part of the behaviour suite, run on every store and over
// HTTP): the checks the services write by hand give each field issue a code, so an interface can
// say it in its own language, and that code survives the REST contract.
import { expect } from '@open-wc/testing';
import type { FieldIssue } from '../../../src/index.ts';
import { rejects, type UpwardHarness } from '../upward-suite.ts';
import { admin, people, seedWorld } from '../world.ts';

/** Each issue as [path, code]. */
const codes = (error: unknown) => (error as { issues: FieldIssue[] }).issues.map((i) => [i.path, i.code]);

export function issueCodeRules(harness: () => UpwardHarness): void {
  it('codes a person who is their own manager, a reporting loop, and a person ranked by themselves', async () => {
    const h = harness();
    const hr = h.as(admin);
    for (const person of Object.values(people)) await hr.people.upsert(person);
    expect(codes(await rejects(hr.people.upsert({ ...people.anna, managerId: 'anna' }), 'validation'))).to.deep.equal([['managerId', 'self_reference']]);
    // Dana manages Anna: Anna cannot become Dana's manager.
    expect(codes(await rejects(hr.people.upsert({ ...people.vpEng, managerId: 'anna' }), 'validation'))).to.deep.equal([['managerId', 'cycle']]);

    const { programId } = await seedWorld(h.as, { matching: { mode: 'self' } });
    const ranked = await rejects(h.as({ personId: 'vp-sales' }).matching.requestRanked({ programId, mentorIds: ['vp-sales', 'nobody'] }), 'validation');
    expect(codes(ranked)).to.deep.equal([
      ['mentorIds.0', 'self_reference'],
      ['mentorIds.1', 'not_found'],
    ]);
  });

  it('codes an import’s repeated rows, a taken email, an unknown manager and a loop', async () => {
    const hr = harness().as(admin);
    await hr.people.upsert(people.anna);
    const row = (id: string, email: string, managerId = '') => `${id},Person ${id},${email},Ops,4,${managerId},UTC`;
    const report = await hr.people.import({
      format: 'csv',
      data: [
        'id,name,email,department,level,managerId,timeZone',
        row('n1', 'n1@example.com'),
        row('n1', 'other@example.com'),
        row('n2', 'N1@example.com'),
        row('n3', 'ANNA@example.com'),
        row('n4', 'n4@example.com', 'nobody'),
        row('n5', 'n5@example.com', 'n6'),
        row('n6', 'n6@example.com', 'n5'),
      ].join('\n'),
    });
    expect(report.errors.map((e) => [e.row, ...e.issues.map((i) => `${i.path}:${i.code}`)])).to.deep.equal([
      [3, 'id:duplicate'],
      [4, 'email:duplicate'],
      [5, 'email:taken'],
      [6, 'managerId:not_found'],
      [7, 'managerId:cycle'],
      [8, 'managerId:cycle'],
    ]);
  });

  it('codes an action item for someone outside the match, and an unknown program field', async () => {
    const h = harness();
    const { programId, hr } = await seedWorld(h.as);
    const m = await hr.matches.propose({ programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
    for (const personId of ['anna', 'vp-sales']) await h.as({ personId }).matches.respond({ matchId: m.id, accept: true });
    const anna = h.as({ personId: 'anna' });
    const outsider = await rejects(anna.actionItems.add({ matchId: m.id, text: 'Draft a post', ownerId: 'ben' }), 'validation');
    expect(codes(outsider)).to.deep.equal([['ownerId', 'not_in_match']]);
    // An empty date is a missing one, not a badly written one.
    const empty = await rejects(anna.sessions.plan({ matchId: m.id, scheduledAt: '' }), 'validation');
    expect((empty as unknown as { issues: FieldIssue[] }).issues).to.deep.equal([{ path: 'scheduledAt', message: 'is required', code: 'required' }]);
    const session = await anna.sessions.plan({ matchId: m.id, scheduledAt: '2027-02-03T10:00:00Z' });
    const carried = await rejects(
      anna.sessions.log({ sessionId: session.id, actionItems: [{ text: 'Draft a post', ownerId: 'ben' }] }),
      'validation',
    );
    expect(codes(carried)).to.deep.equal([['actionItems.0.ownerId', 'not_in_match']]);

    const unknown = await rejects(hr.programs.update({ id: programId, changes: { nmae: 'Renamed' } as never }), 'validation');
    expect(codes(unknown)).to.deep.equal([['changes.nmae', 'unrecognized_keys']]);

    const [program] = await hr.programs.list();
    const band = await rejects(hr.programs.update({ id: programId, changes: { rules: { ...program!.rules, minLevelGap: 4, maxLevelGap: 2 } } }), 'validation');
    expect((band as unknown as { issues: FieldIssue[] }).issues).to.deep.equal([
      { path: 'changes.rules.maxLevelGap', message: 'must be at least the minimum level gap', code: 'too_small', origin: 'number', minimum: 4, inclusive: true },
    ]);
  });
}
