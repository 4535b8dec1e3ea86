/**
 * Services that load on first use. `createUpward` hands out every service at once, but a page
 * usually calls two or three of them: with each service behind a dynamic import, a bundler
 * splits it into its own chunk and a page downloads only the services it actually calls.
 * Every service method already returns a promise, so waiting for the module first changes
 * nothing a caller can observe.
 */

import { NetworkError, isUpwardError } from '../errors.ts';

/** Every method name of `T`, once: the object literal must list them all (checked by the compiler). */
export type MethodNames<T> = { readonly [K in keyof T]-?: true };

/**
 * Loads a module once, on the first call; a failed load (a chunk that did not arrive) is
 * forgotten, so the next call tries again instead of failing forever.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * A stand-in for the service `load` resolves to: one real method per name, each of which waits
 * for the service and calls the method of the same name with the same arguments.
 */
export function lazyService<T extends object>(load: () => Promise<T>, names: MethodNames<T>): T {
  const service = once(load);
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(names)) {
    methods[name] = async (...args) => {
      let loaded: Record<string, (...args: unknown[]) => Promise<unknown>>;
      try {
        loaded = (await service()) as typeof loaded;
      } catch (error) {
        // A chunk that did not arrive is a network failure like any other: typed, and the next
        // call tries again.
        if (isUpwardError(error)) throw error;
        throw new NetworkError('failed', `Could not load the code behind "${name}"; check the connection and try again.`, { cause: error });
      }
      return loaded[name]!(...args);
    };
  }
  return methods as T;
}
