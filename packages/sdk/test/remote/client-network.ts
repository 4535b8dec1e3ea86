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

let n = 0;
/** A fresh outbox database name per test, so tests never see each other's writes. */
export const outboxName = () => `upward-outbox-test-${Date.now()}-${++n}`;
