/**
 * What every service gets: the store, the acting person, a clock and an id generator, and the
 * two ways to touch data — a command (one read-write transaction) or a query (read-only).
 */
import * as z from 'zod/mini';
import { StorageError, isUpwardError } from '../errors.ts';
import { parseInput } from '../domain/fields.ts';
import { collectionNames } from '../storage/collections.ts';
import type { Store } from '../storage/store.ts';
import type { Clock, IdGenerator } from '../internal/ids.ts';
import type { MatchingSolver } from '../matching/worker-protocol.ts';
import type { Actor } from './authorization.ts';
import { Repository } from './repository.ts';

export interface ServiceContext {
  store: Store;
  actor: Actor;
  clock: Clock;
  ids: IdGenerator;
  /**
   * Records this client's commands are committing right now (`recordKey` → how many), so
   * `subscribe` can tell its own changes, announced at once, from everyone else's.
   */
  committing: Map<string, number>;
  /** Where matching jobs run (`CreateUpwardOptions.solver`); a Web Worker when absent. */
  solver?: MatchingSolver | undefined;
}

async function inTransaction<T>(
  ctx: ServiceContext,
  mode: 'readonly' | 'readwrite',
  work: (repo: Repository, now: string) => Promise<T>,
): Promise<T> {
  const now = ctx.clock().toISOString();
  // What this command writes, over every attempt (a store may re-run `work` after a conflict).
  const writing = new Set<string>();
  try {
    // Every command locks every collection: commands are short, and a wide scope makes the
    // cross-record rules (one open match per mentee, capacity) race-free in every store.
    return await ctx.store.transaction(collectionNames, mode, async (tx) => {
      const repo = new Repository(tx, ctx.store.kind, now);
      const result = await work(repo, now);
      for (const key of repo.written) {
        if (writing.has(key)) continue;
        writing.add(key);
        ctx.committing.set(key, (ctx.committing.get(key) ?? 0) + 1);
      }
      return result;
    });
  } catch (error) {
    if (isUpwardError(error)) throw error;
    throw new StorageError(ctx.store.kind, 'unknown', error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  } finally {
    for (const key of writing) {
      const left = (ctx.committing.get(key) ?? 1) - 1;
      if (left > 0) ctx.committing.set(key, left);
      else ctx.committing.delete(key);
    }
  }
}

function validated<S extends z.core.$ZodType, T>(
  ctx: ServiceContext,
  mode: 'readonly' | 'readwrite',
  schema: S,
  input: unknown,
  work: (args: z.output<S>, repo: Repository, now: string) => Promise<T>,
): Promise<T> {
  let args: z.output<S>;
  try {
    args = parseInput(schema, input);
  } catch (error) {
    return Promise.reject(error);
  }
  return inTransaction(ctx, mode, (repo, now) => work(args, repo, now));
}

/** Validates `input`, then runs `work` in one read-write transaction: all of it lands or none. */
export function command<S extends z.core.$ZodType, T>(
  ctx: ServiceContext,
  schema: S,
  input: unknown,
  work: (args: z.output<S>, repo: Repository, now: string) => Promise<T>,
): Promise<T> {
  return validated(ctx, 'readwrite', schema, input, work);
}

/** Validates `input`, then runs `work` in one read-only transaction. */
export function query<S extends z.core.$ZodType, T>(
  ctx: ServiceContext,
  schema: S,
  input: unknown,
  work: (args: z.output<S>, repo: Repository, now: string) => Promise<T>,
): Promise<T> {
  return validated(ctx, 'readonly', schema, input, work);
}
