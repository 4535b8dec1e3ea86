/** Looking up people's names for display. */
import type { Upward } from '@upward/sdk';

/** Names of people by id; someone who cannot be read keeps their id rather than breaking the view. */
export async function namesOf(upward: Upward, ids: readonly string[]): Promise<Map<string, string>> {
  const entries = await Promise.all(ids.map(async (id) => [id, await upward.people.get(id).then((p) => p.name, () => id)] as const));
  return new Map(entries);
}
