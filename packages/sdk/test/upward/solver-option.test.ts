// `createUpward({ solver })`: where `matching.suggest` solves. A host (the reference server) passes
// its own; when it fails for any reason but a cancel, the proposal is solved in this thread.
import { expect } from '@open-wc/testing';
import { createUpward, type MatchingSolver } from '../../src/index.ts';
import { solveHere } from '../../src/matching/worker-client.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';
import { programInput, seedWorld } from './world.ts';

async function worldWith(solver: MatchingSolver, overrides: Parameters<typeof seedWorld>[1] = {}) {
  const store = memoryStore();
  return seedWorld((actor) => createUpward({ store, actor, solver }), overrides);
}

describe('createUpward({ solver })', () => {
  it('solves suggest with the solver it is given, passing the cancel signal on', async () => {
    const seen: { kind: string; signal: boolean }[] = [];
    const { programId, hr } = await worldWith((job, options) => {
      seen.push({ kind: job.kind, signal: Boolean(options?.signal) });
      return solveHere(job, options);
    });
    const proposal = await hr.matching.suggest({ programId }, { signal: new AbortController().signal });
    expect(seen).to.deep.equal([{ kind: 'matching', signal: true }]);
    expect(proposal.pairs).to.have.length(3);
  });

  it('hands a hybrid program’s stable matching to the solver too', async () => {
    const kinds: string[] = [];
    const { programId, hr } = await worldWith((job, options) => {
      kinds.push(job.kind);
      return solveHere(job, options);
    }, { matching: { ...programInput().matching, mode: 'hybrid' } });
    const proposal = await hr.matching.suggest({ programId });
    expect(kinds).to.deep.equal(['stable']);
    expect(proposal.strategy).to.equal('stable');
    expect(proposal.pairs.length).to.be.greaterThan(0);
  });

  it('solves in this thread when the solver fails (a thread that would not start)', async () => {
    const { programId, hr } = await worldWith(() => Promise.reject(new Error('the matching thread stopped')));
    expect((await hr.matching.suggest({ programId })).pairs).to.have.length(3);
  });

  it('does not solve again when the solve was cancelled', async () => {
    const cancel = new AbortController();
    let calls = 0;
    const { programId, hr } = await worldWith((_job, options) => {
      calls++;
      cancel.abort(new DOMException('The admin cancelled.', 'AbortError'));
      return Promise.reject(options?.signal?.reason);
    });
    const error = await hr.matching.suggest({ programId }, { signal: cancel.signal }).catch((e: unknown) => e);
    expect((error as DOMException).message).to.equal('The admin cancelled.');
    expect(calls).to.equal(1);
  });
});
