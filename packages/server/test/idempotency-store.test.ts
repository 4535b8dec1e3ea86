/**
 * The PostgreSQL idempotency store on its own (PGlite): the states the REST handler relies on —
 * new, in-progress, replay, mismatch — plus abandon, the lease that frees the key of a request
 * whose process died, expiry, and keys PostgreSQL text could not hold (the handler's NUL).
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { postgresIdempotencyStore, type Database } from '../src/index.ts';
import { memoryDatabase } from './http/harness.ts';

const answer = { status: 201, headers: [['content-type', 'application/json'], ['etag', '"1"']] as [string, string][], body: '{"id":"x"}' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL idempotency store', () => {
  let db: Database;
  before(async () => {
    db = await memoryDatabase();
  });
  after(() => db.close());

  it('goes new → in-progress → replay, tells a different request apart, and forgets an abandoned key', async () => {
    const store = postgresIdempotencyStore(db.driver, db.schema);
    const key = 'anna\u0000key-1';
    const scope = { actorId: 'anna', fingerprint: 'f1' };
    expect(await store.begin(key, scope)).to.deep.equal({ state: 'new' });
    expect(await store.begin(key, scope)).to.deep.equal({ state: 'in-progress' });
    expect(await store.begin(key, { actorId: 'anna', fingerprint: 'f2' })).to.deep.equal({ state: 'mismatch' });
    await store.complete(key, answer);
    expect(await store.begin(key, scope)).to.deep.equal({ state: 'replay', response: answer });
    // Another person's identical key is another record.
    expect(await store.begin('ben\u0000key-1', { actorId: 'ben', fingerprint: 'f1' })).to.deep.equal({ state: 'new' });
    const other = 'anna\u0000key-2';
    expect((await store.begin(other, scope)).state).to.equal('new');
    await store.abandon(other);
    expect((await store.begin(other, scope)).state).to.equal('new');
  });

  it('lets a retry take over a key whose lease ran out, and purges expired answers', async () => {
    const store = postgresIdempotencyStore(db.driver, db.schema, { leaseMs: 1000, ttlMs: 1000 });
    const scope = { actorId: 'cara', fingerprint: 'f' };
    expect((await store.begin('cara\u0000stuck', scope)).state).to.equal('new');
    expect((await store.begin('cara\u0000done', scope)).state).to.equal('new');
    await store.complete('cara\u0000done', answer);
    expect((await store.begin('cara\u0000stuck', scope)).state).to.equal('in-progress');
    await sleep(1300);
    expect((await store.begin('cara\u0000stuck', scope)).state).to.equal('new');
    expect(await store.purgeExpired()).to.be.greaterThan(0);
    expect((await store.begin('cara\u0000done', scope)).state).to.equal('new');
  });

  it('gives exactly one of many concurrent first attempts the go-ahead', async () => {
    const store = postgresIdempotencyStore(db.driver, db.schema);
    const results = await Promise.all(Array.from({ length: 10 }, () => store.begin('dana\u0000race', { actorId: 'dana', fingerprint: 'f' })));
    expect(results.filter((r) => r.state === 'new')).to.have.length(1);
    expect(results.filter((r) => r.state === 'in-progress')).to.have.length(9);
  });
});
