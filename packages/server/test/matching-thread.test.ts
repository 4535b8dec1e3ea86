/**
 * The server's matching thread: the same answers as solving in-process, while the server's own
 * thread stays free to answer other requests; jobs queue one at a time; a cancelled job leaves
 * the queue or ends with its thread, and the next job still runs.
 */
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { runJob, type WorkerJob } from '@upward/sdk/matching';
import { threadSolver } from '../src/matching/thread-solver.ts';
import { contestedProblem } from '../../sdk/test/matching/contested-problem.ts';

/** A job whose solve takes a while (n mentees competing for scarce places). */
const assignmentJob = (n: number, seed?: number): WorkerJob => ({ kind: 'assignment', problem: contestedProblem(n, seed) });

const summary = (result: unknown) => {
  const { total, mentorOf } = result as { total: number; mentorOf: ArrayLike<number> };
  return { total, mentorOf: Array.from(mentorOf) };
};

describe('The matching thread', () => {
  const solver = threadSolver();
  after(() => solver.close());

  it('answers as solving in-process does, while this thread keeps running timers during the solve', async () => {
    const job = assignmentJob(10_000);
    const events: string[] = [];
    const timer = setInterval(() => events.push('tick'), 2);
    const result = await solver.solve(job, { onProgress: () => events.push('progress') });
    clearInterval(timer);
    // Solved on this thread, nothing could run between its first progress report and its end.
    const started = events.indexOf('progress');
    expect(started).to.be.at.least(0);
    expect(events.slice(started)).to.include('tick');
    expect(summary(result)).to.deep.equal(summary(runJob(job)));
  });

  it('runs queued jobs one at a time, each with its own answer', async () => {
    const jobs = [assignmentJob(300, 1), assignmentJob(400, 2), assignmentJob(500, 3)];
    const results = await Promise.all(jobs.map((job) => solver.solve(job)));
    expect(results.map(summary)).to.deep.equal(jobs.map((job) => summary(runJob(job))));
  });

  it('cancels a running job with its thread; the next job gets a new thread', async () => {
    const cancel = new AbortController();
    const running = solver.solve(assignmentJob(30_000), { signal: cancel.signal });
    setTimeout(() => cancel.abort(new DOMException('The admin cancelled.', 'AbortError')), 50);
    const error = await running.then(() => null, (e: unknown) => e);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).message).to.equal('The admin cancelled.');
    const small = assignmentJob(200, 7);
    expect(summary(await solver.solve(small))).to.deep.equal(summary(runJob(small)));
  });

  it('drops a queued job that is cancelled before its turn, and finishes the one before it', async () => {
    const first = assignmentJob(5_000, 11);
    const running = solver.solve(first);
    const cancel = new AbortController();
    const queued = solver.solve(assignmentJob(200, 12), { signal: cancel.signal });
    cancel.abort(new Error('not needed any more'));
    const error = await queued.then(() => null, (e: unknown) => e);
    expect((error as Error).message).to.equal('not needed any more');
    expect(summary(await running)).to.deep.equal(summary(runJob(first)));
  });

  it('refuses a job whose signal is already aborted, without starting it', async () => {
    const error = await solver.solve(assignmentJob(100), { signal: AbortSignal.abort(new Error('too late')) }).then(() => null, (e: unknown) => e);
    expect((error as Error).message).to.equal('too late');
  });

  it('reports progress from the thread', async () => {
    const seen: number[] = [];
    await solver.solve(assignmentJob(5_000, 5), { onProgress: (done) => seen.push(done) });
    expect(seen.length).to.be.greaterThan(0);
  });

  it('rejects what is queued or running when it closes, and takes nothing afterwards', async () => {
    const closing = threadSolver();
    const running = closing.solve(assignmentJob(20_000, 3)).then(() => null, (e: unknown) => e);
    const queued = closing.solve(assignmentJob(100, 4)).then(() => null, (e: unknown) => e);
    await closing.close();
    expect(((await running) as Error).message).to.equal('the server is closing');
    expect(((await queued) as Error).message).to.equal('the server is closing');
    const after = await closing.solve(assignmentJob(100)).then(() => null, (e: unknown) => e);
    expect((after as Error).message).to.equal('the matching thread is closed');
  });
});
