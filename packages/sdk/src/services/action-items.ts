/**
 * Action items: what a member promised to do, with an owner and a due date. Open items are
 * carried onto the agenda of the pair's next session until they are done.
 */
import * as z from 'zod/mini';
import { ValidationError } from '../errors.ts';
import { Id, IsoDate, expectedVersion, text, type ActionItem } from '../domain/index.ts';
import { authorize, relationsOf } from './authorization.ts';
import { command, query, type ServiceContext } from './context.ts';
import { assertVersion, type Repository } from './repository.ts';
import { assertMeeting } from './sessions.ts';

const AddInput = z.object({
  matchId: Id,
  sessionId: z._default(z.nullable(Id), null),
  text: text(1, 500),
  ownerId: Id,
  due: z._default(z.nullable(IsoDate), null),
});
const UpdateInput = z.object({
  id: Id,
  expectedVersion,
  text: z.optional(text(1, 500)),
  ownerId: z.optional(Id),
  due: z.optional(z.nullable(IsoDate)),
});
const DoneInput = z.object({ id: Id, expectedVersion, done: z.boolean() });
const ListInput = z.object({ matchId: Id, open: z.optional(z.boolean()) });

/** The input schemas of `ActionItemsApi`, by method: the REST contract is generated from them. */
export const actionItemsInputs = { add: AddInput, update: UpdateInput, setDone: DoneInput, list: ListInput } as const;

export interface ActionItemsApi {
  add(input: z.input<typeof AddInput>): Promise<ActionItem>;
  update(input: z.input<typeof UpdateInput>): Promise<ActionItem>;
  setDone(input: z.input<typeof DoneInput>): Promise<ActionItem>;
  /** A match's action items, open first, then by due date. */
  list(input: z.input<typeof ListInput>): Promise<ActionItem[]>;
}

export function actionItemsService(ctx: ServiceContext): ActionItemsApi {
  async function memberOf(repo: Repository, matchId: string, permission: 'action-items.read' | 'action-items.write') {
    const match = await repo.get('matches', matchId);
    authorize(permission, relationsOf(ctx.actor, { memberIds: match.memberIds }));
    return match;
  }

  function assertOwner(memberIds: readonly string[], ownerId: string | undefined) {
    if (ownerId !== undefined && !memberIds.includes(ownerId)) {
      throw new ValidationError([{ path: 'ownerId', message: 'must be a member of this match', code: 'not_in_match' }], 'action item');
    }
  }

  return {
    add: (input) =>
      command(ctx, AddInput, input, async (fields, repo) => {
        const match = await memberOf(repo, fields.matchId, 'action-items.write');
        // New promises belong to a pair that still meets; old ones can still be ticked off (setDone).
        assertMeeting(match, 'no action items can be added to it');
        assertOwner(match.memberIds, fields.ownerId);
        if (fields.sessionId && (await repo.get('sessions', fields.sessionId)).matchId !== match.id) {
          throw new ValidationError([{ path: 'sessionId', message: 'must be a session of this match', code: 'not_in_match' }], 'action item');
        }
        return repo.insert('actionItems', { ...fields, id: ctx.ids(), programId: match.programId, done: false, doneAt: null });
      }),

    update: (input) =>
      command(ctx, UpdateInput, input, async ({ id, expectedVersion, ...changes }, repo) => {
        const item = await repo.get('actionItems', id);
        const match = await memberOf(repo, item.matchId, 'action-items.write');
        assertVersion('action item', item, expectedVersion);
        assertOwner(match.memberIds, changes.ownerId);
        const edits = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        return repo.update('actionItems', item, edits);
      }),

    setDone: (input) =>
      command(ctx, DoneInput, input, async ({ id, expectedVersion, done }, repo, now) => {
        const item = await repo.get('actionItems', id);
        await memberOf(repo, item.matchId, 'action-items.write');
        assertVersion('action item', item, expectedVersion);
        return repo.update('actionItems', item, { done, doneAt: done ? now : null });
      }),

    list: (input) =>
      query(ctx, ListInput, input, async ({ matchId, open }, repo) => {
        await memberOf(repo, matchId, 'action-items.read');
        const items = await repo.query('actionItems', 'matchId', matchId);
        return items
          .filter((a) => open === undefined || a.done === !open)
          .sort((a, b) => Number(a.done) - Number(b.done) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.createdAt.localeCompare(b.createdAt));
      }),
  };
}
