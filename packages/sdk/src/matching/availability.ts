// Weekly availability overlap between two people, with slots already in UTC (see WeeklySlot).
import type { WeeklySlot } from './types.ts';

const WEEK = 7 * 1440;

// Slots as sorted, merged [start, end) minute-of-week intervals.
export function weeklyIntervals(slots: readonly WeeklySlot[]): [number, number][] {
  const raw: [number, number][] = [];
  for (const s of slots) {
    const start = Math.max(0, Math.min(1440, s.startMinute));
    const end = Math.max(0, Math.min(1440, s.endMinute));
    if (!(end > start) || !(s.day >= 0 && s.day <= 6)) continue;
    raw.push([s.day * 1440 + start, s.day * 1440 + end]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged.map(([a, b]) => [a, Math.min(b, WEEK)]);
}

/** Minutes per week both people are available. */
export function overlapMinutes(a: readonly WeeklySlot[], b: readonly WeeklySlot[]): number {
  return intervalOverlap(weeklyIntervals(a), weeklyIntervals(b));
}

/** Overlap of two lists made by weeklyIntervals (precomputed once per person when scoring). */
export function intervalOverlap(x: readonly (readonly [number, number])[], y: readonly (readonly [number, number])[]): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < x.length && j < y.length) {
    const p = x[i]!;
    const q = y[j]!;
    const lo = Math.max(p[0], q[0]);
    const hi = Math.min(p[1], q[1]);
    if (hi > lo) total += hi - lo;
    if (p[1] < q[1]) i++; else j++;
  }
  return total;
}
