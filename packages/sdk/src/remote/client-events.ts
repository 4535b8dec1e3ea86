/**
 * The server's change feed (`GET /events`, Server-Sent Events) read with `fetch` rather than
 * `EventSource`, so the same auth headers as every other request go with it. Reconnects with
 * backoff and jitter for as long as someone listens. Events carry ids only, never data.
 */
import * as z from 'zod/mini';
import type { ChangeEvent } from '../upward.ts';
import { errorFromResponse } from './client-errors.ts';
import type { ClientEnvironment } from './client-environment.ts';
import type { Transport } from './transport.ts';

const ChangeEvents = z.array(z.object({ entity: z.string(), id: z.string(), kind: z.enum(['put', 'delete']) }));

export interface EventStreamOptions {
  transport: Transport;
  environment: ClientEnvironment;
  /** Relative to the API root (default `/events`). */
  path?: string;
  onEvents(changes: readonly ChangeEvent[]): void;
  /** Each failed connection (the stream keeps trying); for logging. */
  onError?(error: unknown): void;
  /** First reconnect delay (default 1 s), doubling to 30 s; a server's `retry:` field overrides it. */
  reconnectMs?: number;
}

/** Opens the stream now; the returned function closes it for good. */
export function openEventStream(options: EventStreamOptions): () => void {
  const { transport, environment: env } = options;
  const controller = new AbortController();
  let firstDelay = options.reconnectMs ?? 1_000;
  let failures = 0;

  /** One SSE message block: `data:` lines joined, comments (heartbeats) ignored. */
  function dispatch(block: string) {
    const data: string[] = [];
    for (const line of block.split(/\r\n|\r|\n/)) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'retry' && /^\d+$/.test(value)) firstDelay = Number(value);
    }
    if (data.length === 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.join('\n'));
    } catch (error) {
      options.onError?.(error);
      return;
    }
    const changes = ChangeEvents.safeParse(Array.isArray(parsed) ? parsed : [parsed]);
    if (changes.success && changes.data.length > 0) options.onEvents(changes.data);
    else if (!changes.success) options.onError?.(changes.error);
  }

  async function connectOnce(): Promise<void> {
    const init: RequestInit = {
      headers: await transport.headers({ Accept: 'text/event-stream' }),
      signal: controller.signal,
      cache: 'no-store',
    };
    if (transport.credentials) init.credentials = transport.credentials;
    const response = await transport.fetch(transport.url(options.path ?? '/events'), init);
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw errorFromResponse('events', response.status, null);
    }
    failures = 0;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += value;
      const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
      buffer = blocks.pop() ?? '';
      for (const block of blocks) dispatch(block);
    }
  }

  void (async () => {
    while (!controller.signal.aborted) {
      try {
        await connectOnce();
      } catch (error) {
        if (controller.signal.aborted) return;
        options.onError?.(error);
      }
      failures++;
      const delay = Math.min(30_000, firstDelay * 2 ** Math.min(failures - 1, 10)) * (0.5 + env.random() / 2);
      try {
        await env.sleep(delay, controller.signal);
      } catch {
        return;
      }
    }
  })();

  return () => controller.abort();
}
