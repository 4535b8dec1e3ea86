/**
 * Change events from the remote client's own confirmed writes. The client announces a write the
 * moment the server confirms it (a widget refreshes without waiting for the feed), and then drops
 * the feed's echo of that same change, so each listener hears it once.
 */
import type { ChangeEvent, EntityName } from '../upward.ts';
import type { Operation } from './contract.ts';

/** The entity an operation's result is, by namespace (`matching.publish` returns matches). */
const ENTITY_OF: Record<string, EntityName> = {
  programs: 'program',
  people: 'person',
  enrolments: 'enrolment',
  matches: 'match',
  matching: 'match',
  agreements: 'agreement',
  sessions: 'session',
  actionItems: 'action item',
};

function isRecord(value: unknown): value is { id: string; version: number } {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && typeof (value as { version?: unknown }).version === 'number';
}

/** The records a write returned (one, a list, or none: an import report), as `put` events. */
export function changesOf(op: Operation, result: unknown): ChangeEvent[] {
  const entity = op.name === 'sessions.writePrivateNote' ? 'private note' : op.namespace ? ENTITY_OF[op.namespace] : undefined;
  if (!entity) return [];
  const records = Array.isArray(result) ? result : [result];
  return records.filter(isRecord).map((r) => ({ entity, id: r.id, kind: 'put' as const }));
}

const ECHO_WINDOW_MS = 10_000;

/** Recent events by key, each with when it was heard; old ones expire. */
class RecentEvents {
  private readonly byKey = new Map<string, number[]>();

  add(key: string, now: number): void {
    this.byKey.set(key, [...this.fresh(key, now), now]);
  }

  /** Removes one fresh event with this key; false when there is none. */
  take(key: string, now: number): boolean {
    const list = this.fresh(key, now);
    const found = list.length > 0;
    list.shift();
    if (list.length) this.byKey.set(key, list);
    else this.byKey.delete(key);
    return found;
  }

  private fresh(key: string, now: number): number[] {
    return (this.byKey.get(key) ?? []).filter((t) => now - t < ECHO_WINDOW_MS);
  }
}

const keyOf = (c: ChangeEvent) => `${c.entity}\u0000${c.id}\u0000${c.kind}`;

/**
 * Pairs this client's announcements with the feed's events for the same change, whichever comes
 * first (the feed can beat the HTTP answer), so each listener hears one event per change.
 */
export class EchoFilter {
  private readonly announced = new RecentEvents();
  private readonly heard = new RecentEvents();

  /** This client's confirmed writes: the ones the feed has not already delivered. */
  fromSelf(changes: readonly ChangeEvent[]): ChangeEvent[] {
    const now = Date.now();
    return changes.filter((c) => {
      if (this.heard.take(keyOf(c), now)) return false;
      this.announced.add(keyOf(c), now);
      return true;
    });
  }

  /** The feed's events: the ones this client has not already announced. */
  fromFeed(changes: readonly ChangeEvent[]): ChangeEvent[] {
    const now = Date.now();
    return changes.filter((c) => {
      if (this.announced.take(keyOf(c), now)) return false;
      this.heard.add(keyOf(c), now);
      return true;
    });
  }
}
