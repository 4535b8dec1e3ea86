// The permission table's privacy promises, checked on the table and through a real client.
// Champions follow a program in aggregate: they may read its enrolments, matches and session
// schedule, but "why not this pair?" describes two individuals (who is already matched, whose
// places are taken), so only admins and the mentee asking about their own pairs may ask it.
import { expect } from '@open-wc/testing';
import { createUpward, UpwardError } from '../src/index.ts';
import { can, type Relation } from '../src/services/authorization.ts';
import { memoryStore } from '../src/storage/memory-store.ts';
import { seedWorld } from './upward/world.ts';

const only = (...relations: Relation[]) => new Set<Relation>(relations);

describe('authorization table', () => {
  it('lets admins and the mentee asking about their own pairs explain a pair, never a champion', () => {
    expect(can('matching.explain', only('admin'))).to.equal(true);
    expect(can('matching.explain', only('self'))).to.equal(true);
    expect(can('matching.explain', only('champion'))).to.equal(false);
    expect(can('matching.explain', only('member'))).to.equal(false);
    expect(can('matching.explain', only())).to.equal(false);
  });

  it('still gives champions the aggregate reads they follow a program with', () => {
    for (const permission of ['programs.read', 'enrolments.read', 'matches.read', 'sessions.read-schedule'] as const) {
      expect(can(permission, only('champion')), permission).to.equal(true);
    }
    for (const permission of ['sessions.read-notes', 'action-items.read', 'matching.suggest', 'matching.publish'] as const) {
      expect(can(permission, only('champion')), permission).to.equal(false);
    }
  });

  it('refuses a champion\'s "why not this pair?" through the client, and still answers the admin and the mentee', async () => {
    const store = memoryStore();
    const as = (actor: { personId: string; isAdmin?: boolean }) => createUpward({ store, actor });
    const { programId, hr } = await seedWorld(as); // Chris Young champions the program
    const pair = { programId, menteeId: 'vp-sales', mentorId: 'anna' };
    const refused = await as({ personId: 'chris' })
      .matching.explain(pair)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused, 'the champion was answered').to.be.instanceOf(UpwardError);
    expect((refused as UpwardError).code).to.equal('forbidden');
    expect((await hr.matching.explain(pair)).allowed).to.equal(true);
    expect((await as({ personId: 'vp-sales' }).matching.explain(pair)).allowed).to.equal(true);
    await store.close();
  });
});
