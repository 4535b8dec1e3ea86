/**
 * Progress of a long call over HTTP (today `matching.suggest`, which can solve for seconds): a
 * client that asks for it with `Accept: application/x-ndjson` gets one JSON line per progress
 * report, then a line with the result or with the problem. Written once for both sides, like
 * problems.ts: the handler answers with `answerWithProgress`, the client reads with
 * `readProgressStream`.
 *
 * The status line is sent only when the first progress report is: a call that fails or finishes
 * before it reports anything (a forbidden caller, bad input, a small program) gets its ordinary
 * JSON or problem answer with its real status. Only a failure after streaming began travels as a
 * `{"problem": …}` line under a 200.
 */
import * as z from 'zod/mini';
import type { PlainResponse } from './handler.ts';

export const PROGRESS_CONTENT_TYPE = 'application/x-ndjson';

export type OnProgress = (done: number, total: number) => void;

/** Whether the client asked for progress lines. */
export function acceptsProgress(accept: string | null): boolean {
  return accept !== null && accept.split(',').some((type) => type.split(';')[0]!.trim().toLowerCase() === PROGRESS_CONTENT_TYPE);
}

/**
 * Runs `work`, streaming its progress once it reports any. `answer` turns a result into the
 * ordinary JSON answer, `fail` an error into the problem answer (and reports a server fault).
 */
export function answerWithProgress(
  work: (onProgress: OnProgress) => Promise<unknown>,
  answer: (result: unknown) => PlainResponse,
  fail: (error: unknown) => PlainResponse,
): Promise<PlainResponse> {
  return new Promise((resolve) => {
    const encoder = new TextEncoder();
    let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
    let open = false;
    const send = (line: string) => {
      if (!open) return; // the client went away; the work is being aborted through its signal
      try {
        stream!.enqueue(encoder.encode(`${line}\n`));
      } catch {
        open = false;
      }
    };
    const end = () => {
      if (open) stream!.close();
      open = false;
    };
    const onProgress: OnProgress = (done, total) => {
      const line = JSON.stringify({ progress: { done, total } });
      if (stream) return send(line);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          stream = controller;
          open = true;
        },
        cancel() {
          open = false;
        },
      });
      send(line);
      resolve({ status: 200, headers: { 'content-type': `${PROGRESS_CONTENT_TYPE}; charset=utf-8`, 'cache-control': 'no-store' }, body });
    };
    work(onProgress).then(
      (result) => {
        if (!stream) return resolve(answer(result));
        send(`{"result":${answer(result).body as string}}`);
        end();
      },
      (error: unknown) => {
        if (!stream) return resolve(fail(error));
        send(`{"problem":${fail(error).body as string}}`);
        end();
      },
    );
  });
}

// `nonoptional`: an object key of type unknown is optional in zod, and a line must carry its value.
const Line = z.union([
  z.object({ progress: z.object({ done: z.number(), total: z.number() }) }),
  z.object({ result: z.nonoptional(z.unknown()) }),
  z.object({ problem: z.nonoptional(z.unknown()) }),
]);

/** A progress stream that is not ours: a line that is no JSON or none of our three, or no outcome at the end. */
export class MalformedProgressStream extends Error {}

/** What a progress stream ended with: the result, or the problem (both still to be checked by the caller). */
export type StreamOutcome = { result: unknown } | { problem: unknown };

/**
 * Reads a progress stream to its end, calling `onProgress` per report. Throws a
 * MalformedProgressStream for anything that is not ours (the caller turns it into a protocol
 * error), and whatever the body's reader throws (a broken connection, an abort).
 */
export async function readProgressStream(body: ReadableStream<Uint8Array>, onProgress: OnProgress): Promise<StreamOutcome> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        const text = buffered.slice(0, end).trim();
        buffered = buffered.slice(end + 1);
        if (!text) continue;
        const line = Line.safeParse(parsed(text));
        if (!line.success) throw new MalformedProgressStream('a progress stream line that is neither progress, result nor problem');
        if ('progress' in line.data) onProgress(line.data.progress.done, line.data.progress.total);
        else return line.data;
      }
    }
  } finally {
    reader.releaseLock();
  }
  throw new MalformedProgressStream('the progress stream ended before its result');
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedProgressStream('a progress stream line that is not JSON', { cause: error });
  }
}
