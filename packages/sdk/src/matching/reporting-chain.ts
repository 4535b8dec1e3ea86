// The reporting-chain rule: a mentor and mentee must not be in the same line of management (manager,
// skip-level or any ancestor, either way). Ancestors come from the org's manager map plus the
// candidates' own managerId; cycles in bad data are tolerated.
import type { Candidate, PersonId } from './types.ts';

export class ReportingChains {
  private readonly managerOf = new Map<PersonId, PersonId>();
  private readonly ancestorCache = new Map<PersonId, ReadonlySet<PersonId>>();

  constructor(candidates: readonly Candidate[], managers?: ReadonlyMap<PersonId, PersonId | null> | Record<PersonId, PersonId | null>) {
    if (managers) {
      const entries = managers instanceof Map ? managers.entries() : Object.entries(managers);
      for (const [p, m] of entries) if (m) this.managerOf.set(p, m);
    }
    for (const c of candidates) if (c.managerId) this.managerOf.set(c.personId, c.managerId);
  }

  /** Everyone above `person` (manager, their manager, ...). */
  ancestors(person: PersonId): ReadonlySet<PersonId> {
    const hit = this.ancestorCache.get(person);
    if (hit) return hit;
    const seen = new Set<PersonId>();
    let cur = this.managerOf.get(person);
    while (cur !== undefined && cur !== person && !seen.has(cur)) {
      seen.add(cur);
      cur = this.managerOf.get(cur);
    }
    this.ancestorCache.set(person, seen);
    return seen;
  }

  /** 'a-above-b' when a manages b (directly or not), 'b-above-a' the other way, else null. */
  relation(a: PersonId, b: PersonId): 'a-above-b' | 'b-above-a' | null {
    if (this.ancestors(b).has(a)) return 'a-above-b';
    if (this.ancestors(a).has(b)) return 'b-above-a';
    return null;
  }

  /** Levels between a manager and a report (1 = direct manager), or 0 when unrelated. */
  distance(above: PersonId, below: PersonId): number {
    let d = 0;
    let cur: PersonId | undefined = below;
    const seen = new Set<PersonId>();
    while (cur !== undefined && !seen.has(cur)) {
      seen.add(cur);
      if (cur === above && d > 0) return d;
      cur = this.managerOf.get(cur);
      d++;
    }
    return 0;
  }
}
