// A controllable stand-in for the device's connectivity: tests switch "offline" and fire the
// `online` event themselves. Locks, timers and randomness stay the browser's real ones.
import { browserEnvironment, type ClientEnvironment } from '../../src/remote/client-environment.ts';

export interface FakeNetwork {
  environment: ClientEnvironment;
  goOffline(): void;
  /** Back online, and the `online` event fires (the outbox starts sending). */
  goOnline(): void;
}

export function fakeNetwork(): FakeNetwork {
  let up = true;
  const listeners = new Set<() => void>();
  return {
    environment: {
      ...browserEnvironment(),
      online: () => up,
      onOnline(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onVisible: () => () => {},
    },
    goOffline() {
      up = false;
    },
    goOnline() {
      up = true;
      for (const listener of [...listeners]) listener();
    },
  };
}

/** Resolves when `check` holds, polling; fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let n = 0;
/** A fresh outbox database name per test, so tests never see each other's writes. */
export const outboxName = () => `upward-outbox-test-${Date.now()}-${++n}`;
