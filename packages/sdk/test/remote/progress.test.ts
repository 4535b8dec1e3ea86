// `matching.suggest` progress over HTTP: the real handler streams progress lines to a client that
// asks for them and the real remote client reads them, with a solver that reports progress the
// way the reference server's thread does (a small world solves too fast to report any by itself).
import { expect } from '@open-wc/testing';
import { ConflictError, createUpward, type MatchingSolver, type Upward } from '../../src/index.ts';
import { solveHere } from '../../src/matching/worker-client.ts';
import { ProtocolError } from '../../src/remote/client-errors.ts';
import { remoteUpward } from '../../src/remote/client.ts';
import { createRequestHandler, memoryIdempotencyStore, type PlainResponse } from '../../src/remote/handler.ts';
import { answerWithProgress, PROGRESS_CONTENT_TYPE } from '../../src/remote/progress-stream.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';
import { seedWorld } from '../upward/world.ts';

const BASE = 'http://upward.test/api/v1';

/** Reports two steps, then solves for real. */
const reportingSolver: MatchingSolver = async (job, options) => {
  options?.onProgress?.(1, 3);
  await new Promise((resolve) => setTimeout(resolve, 5));
  options?.onProgress?.(2, 3);
  return solveHere(job, options);
};

async function setUp() {
  const store = memoryStore();
  const unexpected: unknown[] = [];
  const local = (actor: { personId: string; isAdmin?: boolean }) => createUpward({ store, actor, solver: reportingSolver });
  const { programId } = await seedWorld(local);
  const handler = createRequestHandler({
    authenticate: async (request) => {
      const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      return token ? { personId: token, isAdmin: token === 'admin' } : null;
    },
    upwardFor: local,
    idempotency: memoryIdempotencyStore(),
    onError: (error) => unexpected.push(error),
  });
  /** The remote client for `personId`, talking to the handler through its `fetch`. */
  const remote = (personId: string, fetch: typeof globalThis.fetch = (input, init) => handler(new Request(input, init))): Upward =>
    remoteUpward({ baseUrl: BASE, actor: { personId, isAdmin: personId === 'admin' }, getToken: () => personId, fetch, outbox: false, events: false, retry: false });
  const suggestRequest = (accept: string, as = 'admin') =>
    new Request(`${BASE}/programs/${programId}/matching/suggest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as}`, accept, 'content-type': 'application/json' },
      body: '{}',
    });
  return { programId, handler, remote, local, suggestRequest, unexpected };
}

const lines = async (response: Response) => (await response.text()).trim().split('\n').map((line) => JSON.parse(line));

describe('matching.suggest progress over HTTP', () => {
  it('streams progress lines, then the very proposal a plain JSON answer gives', async () => {
    const { handler, suggestRequest, unexpected } = await setUp();
    const plain = await handler(suggestRequest('application/json'));
    expect(plain.headers.get('content-type')).to.match(/^application\/json/);
    const proposal = await plain.json();

    const streamed = await handler(suggestRequest(`${PROGRESS_CONTENT_TYPE}, application/json`));
    expect(streamed.status).to.equal(200);
    expect(streamed.headers.get('content-type')).to.match(/^application\/x-ndjson/);
    const [first, second, ...rest] = await lines(streamed);
    expect([first, second]).to.deep.equal([{ progress: { done: 1, total: 3 } }, { progress: { done: 2, total: 3 } }]);
    expect(rest.at(-1)).to.deep.equal({ result: proposal });
    expect(unexpected).to.deep.equal([]);
  });

  it('answers a failure before any progress with its own status, not a stream', async () => {
    const { handler, suggestRequest } = await setUp();
    const refused = await handler(suggestRequest(PROGRESS_CONTENT_TYPE, 'anna'));
    expect(refused.status).to.equal(403);
    expect(refused.headers.get('content-type')).to.match(/^application\/problem\+json/);
  });

  it('gives the remote client’s onProgress every report and resolves with the proposal', async () => {
    const { programId, handler, remote, local } = await setUp();
    const seen: [number, number][] = [];
    const proposal = await remote('admin').matching.suggest({ programId }, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.slice(0, 2)).to.deep.equal([
      [1, 3],
      [2, 3],
    ]);
    expect(proposal).to.deep.equal(await local({ personId: 'admin', isAdmin: true }).matching.suggest({ programId }));
    // Without onProgress nothing asks for a stream.
    let accept = '';
    const watching: typeof fetch = (input, init) => {
      accept = new Headers(init?.headers).get('accept') ?? '';
      return handler(new Request(input, init));
    };
    await remote('admin', watching).matching.suggest({ programId });
    expect(accept).to.equal('application/json, application/problem+json');
  });

  it('turns a problem line after progress into the typed error, and a stream that is not ours into a protocol error', async () => {
    const { programId, remote } = await setUp();
    const streamOf = async (work: Parameters<typeof answerWithProgress>[0]) => {
      const json = (value: unknown): PlainResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
      const problem = (): PlainResponse => ({
        status: 409,
        headers: { 'content-type': 'application/problem+json' },
        body: JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'The program moved on.', code: 'conflict', entity: 'program', id: programId }),
      });
      const answer = await answerWithProgress(work, json, problem);
      return new Response(answer.body as ReadableStream<Uint8Array>, { status: answer.status, headers: answer.headers });
    };
    const failing: typeof fetch = () =>
      streamOf(async (onProgress) => {
        onProgress(1, 2);
        throw new Error('the program changed');
      });
    const seen: number[] = [];
    const error = await remote('admin', failing)
      .matching.suggest({ programId }, { onProgress: (done) => seen.push(done) })
      .catch((e: unknown) => e);
    expect(seen).to.deep.equal([1]);
    expect(error).to.be.instanceOf(ConflictError);

    const foreign: typeof fetch = async () => new Response('{"progress":{"done":1,"total":2}}\n{"weather":"sunny"}\n', { headers: { 'content-type': PROGRESS_CONTENT_TYPE } });
    expect(await remote('admin', foreign).matching.suggest({ programId }, { onProgress: () => undefined }).catch((e: unknown) => e)).to.be.instanceOf(ProtocolError);
    const notJson: typeof fetch = async () => new Response('{"progress":{"done":1,"total":2}}\n<html>\n', { headers: { 'content-type': PROGRESS_CONTENT_TYPE } });
    expect(await remote('admin', notJson).matching.suggest({ programId }, { onProgress: () => undefined }).catch((e: unknown) => e)).to.be.instanceOf(ProtocolError);
    const cut: typeof fetch = async () => new Response('{"progress":{"done":1,"total":2}}\n', { headers: { 'content-type': PROGRESS_CONTENT_TYPE } });
    expect(await remote('admin', cut).matching.suggest({ programId }, { onProgress: () => undefined }).catch((e: unknown) => e)).to.be.instanceOf(ProtocolError);
  });
});
