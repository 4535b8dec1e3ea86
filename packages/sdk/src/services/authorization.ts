/**
 * Who may do what. One table, read by every service and printed in the README. Relations are
 * worked out per record: `admin` from the actor, `champion` from the program, `member` from the
 * match, `self` when the record is the actor's own. Private notes need no row: they are looked
 * up by (session, actor), so there is no way to even ask for someone else's.
 */
import * as z from 'zod/mini';
import { ForbiddenError } from '../errors.ts';
import { Id } from '../domain/fields.ts';

/** The acting person, as the host (or a server, from the request) says. */
export const Actor = z.object({
  personId: Id,
  /** HR admins own programs and pair people. */
  isAdmin: z._default(z.boolean(), false),
});
export type Actor = z.infer<typeof Actor>;

export type Relation = 'admin' | 'champion' | 'member' | 'self' | 'anyone';

export const permissions = {
  'programs.create': ['admin'],
  'programs.update': ['admin'],
  'programs.change-phase': ['admin'],
  'programs.read': ['admin', 'champion', 'anyone'], // participants never see drafts
  'people.write': ['admin'],
  'people.read': ['anyone'],
  'people.list': ['admin', 'champion'],
  'enrolments.enrol': ['admin', 'self'],
  'enrolments.decide': ['admin'],
  'enrolments.withdraw': ['admin', 'self'],
  'enrolments.read': ['admin', 'champion', 'self'],
  'matches.propose': ['admin'],
  'matches.respond': ['member'],
  'matches.decide-trial': ['member'],
  'matches.end': ['admin', 'member'],
  'matches.read': ['admin', 'champion', 'member'],
  'matching.suggest': ['admin'],
  // Names individuals (who is matched already, whose places are taken): champions see aggregates only.
  'matching.explain': ['admin', 'self'],
  'matching.publish': ['admin'],
  'agreements.read': ['admin', 'champion', 'member'],
  'agreements.edit': ['member'],
  'agreements.sign': ['member'],
  'sessions.read-schedule': ['admin', 'champion', 'member'],
  'sessions.read-notes': ['member'],
  'sessions.write': ['member'],
  'action-items.read': ['member'],
  'action-items.write': ['member'],
} as const satisfies Record<string, readonly Relation[]>;

export type Permission = keyof typeof permissions;

export function can(permission: Permission, relations: ReadonlySet<Relation>): boolean {
  return (permissions[permission] as readonly Relation[]).some((r) => r === 'anyone' || relations.has(r));
}

export function authorize(permission: Permission, relations: ReadonlySet<Relation>): void {
  if (!can(permission, relations)) {
    const who = (permissions[permission] as readonly Relation[]).join(' or ');
    throw new ForbiddenError(permission, `only ${who} may do this.`);
  }
}

/** A draft is the admin's work in progress: to participants it does not exist yet. */
export function seesProgram(program: { phase: string }, relations: ReadonlySet<Relation>): boolean {
  return program.phase !== 'draft' || relations.has('admin') || relations.has('champion');
}

/** Relations of the actor to a program, and optionally to a match and a record owner. */
export function relationsOf(
  actor: Actor,
  context: { program?: { championIds: readonly string[] }; memberIds?: readonly string[]; ownerId?: string },
): Set<Relation> {
  const relations = new Set<Relation>();
  if (actor.isAdmin) relations.add('admin');
  if (context.program?.championIds.includes(actor.personId)) relations.add('champion');
  if (context.memberIds?.includes(actor.personId)) relations.add('member');
  if (context.ownerId === actor.personId) relations.add('self');
  return relations;
}
