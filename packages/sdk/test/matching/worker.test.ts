// The Web Worker entry: same result as solving in the page, progress reported, and an abort
// terminates the worker and rejects.
import { expect } from '@open-wc/testing';
import { solveAssignment } from '../../src/matching/assignment.ts';
import { solveMatching } from '../../src/matching/solve-matching.ts';
import { solveHere, solveInWorker } from '../../src/matching/worker-client.ts';
import { alex, baseRules, dana, kim, lee, sam } from './candidates.ts';
import { contestedProblem } from './contested-problem.ts';

describe('matching worker', () => {
  it('solves a candidate program in a worker with the same result as in the page', async () => {
    const candidates = [dana, sam, alex, kim, lee];
    const viaWorker = await solveInWorker({ kind: 'matching', candidates, rules: baseRules });
    expect(viaWorker).to.deep.equal(solveMatching(candidates, baseRules));
  });

  it('solves an assignment problem in a worker and reports progress', async () => {
    const problem = contestedProblem(3000);
    const seen: number[] = [];
    const res = await solveInWorker({ kind: 'assignment', problem, options: { objective: 'maxcard' } }, { onProgress: (done) => seen.push(done) });
    const direct = solveAssignment(problem, { objective: 'maxcard' });
    expect(res.total).to.equal(direct.total);
    expect(Array.from(res.mentorOf)).to.deep.equal(Array.from(direct.mentorOf));
    expect(seen.length).to.be.greaterThan(0);
  });

  it('cancels through an AbortSignal: rejects at once and terminates the worker', async () => {
    const ctl = new AbortController();
    const started = performance.now();
    const job = solveInWorker({ kind: 'assignment', problem: contestedProblem(30000) }, { signal: ctl.signal });
    setTimeout(() => ctl.abort(new DOMException('stop', 'AbortError')), 50);
    const err = await job.then(() => null, (e: unknown) => e);
    expect(err).to.be.instanceOf(DOMException);
    expect((err as DOMException).name).to.equal('AbortError');
    expect(performance.now() - started).to.be.below(5000);
  });

  it('solves in the page when no worker can run, loading the solvers only then, with the same result', async () => {
    const candidates = [dana, sam, alex, kim, lee];
    const here = await solveHere({ kind: 'matching', candidates, rules: baseRules });
    expect(here).to.deep.equal(solveMatching(candidates, baseRules));
  });

  it('rejects when the worker script cannot start (the services then solve in the page)', async () => {
    const err = await solveInWorker({ kind: 'matching', candidates: [dana, sam], rules: baseRules }, { workerUrl: '/no-such-worker.js' }).then(() => null, (e: unknown) => e);
    expect(err).to.be.instanceOf(Error);
  });

  it('rejects immediately when the signal is already aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const err = await solveInWorker({ kind: 'matching', candidates: [dana, sam], rules: baseRules }, { signal: ctl.signal }).then(() => null, (e: unknown) => e);
    expect(err).to.not.equal(null);
  });
});
