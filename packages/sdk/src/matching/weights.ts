// Default points per scoring factor (they sum to 1000, the bench's score scale) and merging of a
// program's overrides. Points are integers so a score's parts add up exactly.
import type { FactorName, FactorWeights } from './types.ts';

export const FACTOR_ORDER: readonly FactorName[] = [
  'skills', 'topics', 'availability', 'timeZone', 'language', 'crossDepartment', 'levelGap', 'preference',
];

// Skills carry the most: teaching what the mentee wants is the point of the programme. Being able
// to meet (availability, time zone) comes next; the rest fine-tunes.
export const DEFAULT_WEIGHTS: Readonly<FactorWeights> = {
  skills: 350,
  topics: 150,
  availability: 150,
  timeZone: 100,
  language: 50,
  crossDepartment: 50,
  levelGap: 50,
  preference: 100,
};

export function resolveWeights(overrides?: Partial<FactorWeights>): FactorWeights {
  const w: FactorWeights = { ...DEFAULT_WEIGHTS };
  if (overrides) {
    for (const f of FACTOR_ORDER) {
      const o = overrides[f];
      if (o === undefined) continue;
      if (!Number.isFinite(o) || o < 0) throw new RangeError(`weight ${f} must be a finite number >= 0`);
      w[f] = Math.round(o);
    }
  }
  return w;
}
