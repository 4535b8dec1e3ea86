/**
 * Default id generator and clock. Both are injectable through `createUpward` so tests are
 * deterministic. `crypto.randomUUID` exists only in secure contexts, and intranet pages are often
 * served over plain http, so ids come from `getRandomValues`, which works everywhere.
 */

export type IdGenerator = () => string;
export type Clock = () => Date;

export const randomId: IdGenerator = () => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const systemClock: Clock = () => new Date();

/** Sequential ids for tests and examples: `prefix-1`, `prefix-2`, … */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
