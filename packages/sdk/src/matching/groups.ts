// Group format: a mentor's mentees form its group (capacity = group size). Optionally two mentors
// co-lead one group. Heuristic, applied after the optimal assignment (it never moves a mentee):
// smallest groups first, each joins the partner group that keeps the total within maxGroupSize,
// preferring a co-mentor who shares a language, then the nearest time zone, then the smallest
// combined group. Mentors with no mentee are left out.
import { offsetDistanceHours, utcOffsetMinutes } from './time-zones.ts';
import { labelKey } from './text.ts';
import type { Candidate, MatchingResult, PersonId } from './types.ts';

export interface Group {
  /** One or two mentors. */
  mentorIds: PersonId[];
  menteeIds: PersonId[];
}

export interface GroupOptions {
  /** Pair mentors into groups of two when their mentees fit. Default false (one mentor per group). */
  pairMentors?: boolean;
  /** Most mentees in a co-led group. Default 6. */
  maxGroupSize?: number;
  /** Instant for time-zone offsets. Default now. */
  at?: number;
}

export function formGroups(result: MatchingResult, candidates: readonly Candidate[], options: GroupOptions = {}): Group[] {
  const byId = new Map(candidates.map((c) => [c.personId, c]));
  const menteesOf = new Map<PersonId, PersonId[]>();
  for (const p of result.pairs) {
    const list = menteesOf.get(p.mentorId);
    if (list) list.push(p.menteeId); else menteesOf.set(p.mentorId, [p.menteeId]);
  }
  const single: Group[] = [...menteesOf.entries()].map(([mentorId, menteeIds]) => ({ mentorIds: [mentorId], menteeIds }));
  if (!options.pairMentors) return single;

  const max = options.maxGroupSize ?? 6;
  const at = options.at ?? Date.now();
  const offset = (id: PersonId): number => utcOffsetMinutes(byId.get(id)?.timeZone ?? 'UTC', at) ?? 0;
  const langs = (id: PersonId): Set<string> => new Set((byId.get(id)?.languages ?? []).map(labelKey));
  const order = [...single].sort((a, b) => a.menteeIds.length - b.menteeIds.length || (a.mentorIds[0]! < b.mentorIds[0]! ? -1 : 1));
  const used = new Set<number>();
  const out: Group[] = [];
  for (let a = 0; a < order.length; a++) {
    if (used.has(a)) continue;
    used.add(a);
    const ga = order[a]!;
    const ma = ga.mentorIds[0]!;
    let best = -1;
    let bestKey: [number, number, number] = [Infinity, Infinity, Infinity];
    for (let b = a + 1; b < order.length; b++) {
      if (used.has(b)) continue;
      const gb = order[b]!;
      const size = ga.menteeIds.length + gb.menteeIds.length;
      if (size > max) continue;
      const mb = gb.mentorIds[0]!;
      const la = langs(ma);
      const shares = [...langs(mb)].some((l) => la.has(l));
      const key: [number, number, number] = [shares ? 0 : 1, offsetDistanceHours(offset(ma), offset(mb)), size];
      if (key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
        best = b;
        bestKey = key;
      }
    }
    if (best < 0) { out.push(ga); continue; }
    used.add(best);
    const gb = order[best]!;
    out.push({ mentorIds: [ma, gb.mentorIds[0]!], menteeIds: [...ga.menteeIds, ...gb.menteeIds] });
  }
  return out;
}
