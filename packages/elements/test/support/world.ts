// A seeded in-memory Upward for element tests: the behaviour suite's small organisation and a
// program in its matching phase. Elements receive real clients over the real memory store.
import { createUpward, type Upward } from '@upward/sdk';
import { memoryStore } from '@upward/sdk/storage/memory';
import { admin, people, programInput, seedWorld } from '../../../sdk/test/upward/world.ts';

export { admin, people, programInput };

export interface ElementWorld {
  programId: string;
  as(actor: { personId: string; isAdmin?: boolean }): Upward;
  hr: Upward;
}

/** People, a program in its matching phase and approved enrolments (see the SDK's world.ts). */
export async function seededWorld(): Promise<ElementWorld> {
  const store = memoryStore();
  const as = (actor: { personId: string; isAdmin?: boolean }) => createUpward({ store, actor });
  const { programId, hr } = await seedWorld(as);
  return { programId, as, hr };
}

/** Resolves once `predicate` holds, re-checking after each animation frame (for async renders). */
export async function until(predicate: () => unknown, what = 'condition', timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}

/** Whether an element has settled: rendered its heading and no longer shows its loading state. */
export function settled(el: Element | null | undefined): boolean {
  const root = el?.shadowRoot;
  return Boolean(root?.querySelector('h2') && !root.querySelector('[part="loading"]'));
}
