// A seeded world with one accepted match (Anna mentors Sam Lindqvist, VP Sales) for the
// participant-side element tests: session log, agreement and "my mentoring".
import type { Upward } from '@upward/sdk';
import { seededWorld, type ElementWorld } from '../support/world.ts';

export interface MatchWorld extends ElementWorld {
  matchId: string;
  anna: Upward;
  sam: Upward;
  /** Chris Young, the program's champion. */
  champion: Upward;
}

/** `status` 'proposed' stops before anyone answered; 'accepted' has both members' yes. */
export async function matchWorld(status: 'proposed' | 'accepted' = 'accepted'): Promise<MatchWorld> {
  const world = await seededWorld();
  const match = await world.hr.matches.propose({ programId: world.programId, mentorIds: ['anna'], menteeIds: ['vp-sales'] });
  const anna = world.as({ personId: 'anna' });
  const sam = world.as({ personId: 'vp-sales' });
  if (status === 'accepted') {
    await anna.matches.respond({ matchId: match.id, accept: true });
    await sam.matches.respond({ matchId: match.id, accept: true });
  }
  return { ...world, matchId: match.id, anna, sam, champion: world.as({ personId: 'chris' }) };
}

/** The element's shadow root, typed. */
export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** Every visible text of a shadow root, whitespace collapsed (for "is it shown" assertions). */
export function textOf(el: Element): string {
  return (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
}

/** Collects the events of `type` that reach `target`. */
export function recordEvents<T>(target: EventTarget, type: string): T[] {
  const seen: T[] = [];
  target.addEventListener(type, (e) => seen.push((e as CustomEvent<T>).detail));
  return seen;
}
