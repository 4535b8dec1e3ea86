/**
 * Sessions: plan a meeting (its agenda carries over every open action item and the talking
 * points not yet covered), log it (shared notes, topics, action items, each member's
 * reflection), cancel or mark it missed. The first meeting of a pair is its trial run.
 *
 * Who sees what: members see everything shared; admins and champions see when and how a pair
 * met, never what was said; a private note reaches only its author.
 */
import * as z from 'zod/mini';
import { InvalidTransitionError, ValidationError } from '../errors.ts';
import {
  Id,
  IsoDate,
  MeetingMode,
  Timestamp,
  WebLink,
  assertStatus,
  assertTransition,
  expectedVersion,
  phrases,
  text,
  type AgendaItem,
  type Match,
  type PrivateNote,
  type Program,
  type Session,
} from '../domain/index.ts';
import { authorize, can, relationsOf, type Relation } from './authorization.ts';
import { command, query, type ServiceContext } from './context.ts';
import { assertVersion, type Repository } from './repository.ts';

const NewActionItem = z.object({ text: text(1, 500), ownerId: Id, due: z._default(z.nullable(IsoDate), null) });

const PlanInput = z.object({
  matchId: Id,
  scheduledAt: Timestamp,
  durationMinutes: z.optional(z.int().check(z.gte(5), z.lte(480))),
  mode: z.optional(MeetingMode),
  location: z.optional(text(0, 200)),
  meetingLink: z._default(z.nullable(WebLink), null),
  /** Extra agenda lines besides carried-over items and talking points. */
  agenda: z._default(phrases(20, 500), []),
});

const LogInput = z.object({
  sessionId: Id,
  expectedVersion,
  /**
   * Left out, the notes and topics stored earlier (with `updateNotes`, say) stay as they are;
   * '' and [] clear them.
   */
  sharedNotes: z.optional(text(0, 20000)),
  topics: z.optional(phrases(30, 120)),
  /** The acting member's own reflection: what they learned. */
  learned: z.optional(text(1, 2000)),
  actionItems: z._default(z.array(NewActionItem).check(z.maxLength(30)), []),
});

const NotesInput = z.object({
  sessionId: Id,
  expectedVersion,
  sharedNotes: z.optional(text(0, 20000)),
  topics: z.optional(phrases(30, 120)),
});
const ReflectInput = z.object({ sessionId: Id, learned: text(1, 2000) });
const CancelInput = z.object({ sessionId: Id, expectedVersion, reason: z._default(text(0, 500), '') });
const SessionRef = z.object({ sessionId: Id, expectedVersion });
const ByMatch = z.object({ matchId: Id });
const PrivateNoteInput = z.object({ sessionId: Id, expectedVersion, text: text(0, 20000) });

/** The input schemas of `SessionsApi`, by method: the REST contract is generated from them. */
export const sessionsInputs = {
  plan: PlanInput,
  log: LogInput,
  updateNotes: NotesInput,
  reflect: ReflectInput,
  cancel: CancelInput,
  markMissed: SessionRef,
  get: Id,
  list: ByMatch,
  readPrivateNote: Id,
  writePrivateNote: PrivateNoteInput,
} as const;

/**
 * What an admin or champion sees of a session: when and how, never what was said. The topics
 * and a cancellation's reason are what was said too.
 */
export type SessionSchedule = Omit<Session, 'sharedNotes' | 'reflections' | 'agenda' | 'topics' | 'cancelReason'> & { visibility: 'schedule' };
export type SessionView = (Session & { visibility: 'full' }) | SessionSchedule;

export interface SessionsApi {
  plan(input: z.input<typeof PlanInput>): Promise<SessionView>;
  /**
   * planned (or missed) → held, with notes, topics, the actor's reflection and new action items.
   * Notes and topics left out keep what was stored. Only while the match meets.
   */
  log(input: z.input<typeof LogInput>): Promise<SessionView>;
  updateNotes(input: z.input<typeof NotesInput>): Promise<SessionView>;
  reflect(input: z.input<typeof ReflectInput>): Promise<SessionView>;
  cancel(input: z.input<typeof CancelInput>): Promise<SessionView>;
  markMissed(input: z.input<typeof SessionRef>): Promise<SessionView>;
  get(id: string): Promise<SessionView>;
  /** A match's sessions, earliest first. */
  list(input: z.input<typeof ByMatch>): Promise<SessionView[]>;
  /** The acting person's private note on a session, or null. No one else can read it. */
  readPrivateNote(sessionId: string): Promise<PrivateNote | null>;
  writePrivateNote(input: z.input<typeof PrivateNoteInput>): Promise<PrivateNote>;
}

export function viewSession(session: Session, relations: ReadonlySet<Relation>): SessionView {
  if (can('sessions.read-notes', relations)) return { ...session, visibility: 'full' };
  const { sharedNotes: _n, reflections: _r, agenda: _a, topics: _t, cancelReason: _c, ...schedule } = session;
  return { ...schedule, visibility: 'schedule' };
}

const MEETING_STATUSES: readonly Match['status'][] = ['accepted', 'trial', 'active'];

const NOT_MEETING: Partial<Record<Match['status'], string>> = {
  proposed: 'has not been accepted by everyone yet',
  completed: 'is completed',
  ended: 'has ended',
};

/**
 * A pair's meetings are recorded, and new action items agreed, only while the pair meets
 * (accepted, trial, active). Once a match has ended or completed, what is left of it may still be
 * ticked off and reflected on, but nothing new is added to it. The error names the match's
 * state; its `to` is the state the pair would have to be in.
 */
export function assertMeeting(match: Match, action: string): void {
  if (MEETING_STATUSES.includes(match.status)) return;
  const error = new InvalidTransitionError('match', match.id, match.status, 'active');
  error.message = `[upward] Match "${match.id}" ${NOT_MEETING[match.status] ?? `is ${match.status}`}, so ${action}.`;
  throw error;
}

/** The agenda of a new session: open action items first (they were promised), then talking points. */
export async function buildAgenda(repo: Repository, program: Program, match: Match, extra: string[]): Promise<AgendaItem[]> {
  const open = (await repo.query('actionItems', 'matchId', match.id)).filter((a) => !a.done);
  const held = (await repo.query('sessions', 'matchId', match.id)).filter((s) => s.status === 'held');
  const covered = new Set(held.flatMap((s) => s.topics.map((t) => t.toLowerCase())));
  return [
    ...open.map((a) => ({ text: a.text, source: 'carried-over' as const, actionItemId: a.id })),
    ...program.playbook.talkingPoints
      .filter((t) => !covered.has(t.toLowerCase()))
      .map((t) => ({ text: t, source: 'talking-point' as const, actionItemId: null })),
    ...extra.map((t) => ({ text: t, source: 'added' as const, actionItemId: null })),
  ];
}

export function sessionsService(ctx: ServiceContext): SessionsApi {
  async function load(repo: Repository, sessionId: string) {
    const session = await repo.get('sessions', sessionId);
    const program = await repo.get('programs', session.programId);
    const relations = relationsOf(ctx.actor, { program, memberIds: session.memberIds });
    return { session, program, relations };
  }

  async function loadForWrite(repo: Repository, sessionId: string, expected?: number) {
    const loaded = await load(repo, sessionId);
    authorize('sessions.write', loaded.relations);
    assertVersion('session', loaded.session, expected);
    return loaded;
  }

  const member = new Set<Relation>(['member']);

  async function addActionItems(repo: Repository, session: Session, items: z.output<typeof NewActionItem>[], path: string) {
    const issues = items.flatMap((item, i) =>
      session.memberIds.includes(item.ownerId) ? [] : [{ path: `${path}.${i}.ownerId`, message: 'must be a member of this match', code: 'not_in_match' as const }],
    );
    if (issues.length) throw new ValidationError(issues, 'action items');
    for (const item of items) {
      await repo.insert('actionItems', {
        id: ctx.ids(),
        matchId: session.matchId,
        programId: session.programId,
        sessionId: session.id,
        ...item,
        done: false,
        doneAt: null,
      });
    }
  }

  function withReflection(session: Session, learned: string, at: string): Session['reflections'] {
    const others = session.reflections.filter((r) => r.personId !== ctx.actor.personId);
    return [...others, { personId: ctx.actor.personId, learned, at }];
  }

  return {
    plan: (input) =>
      command(ctx, PlanInput, input, async (args, repo) => {
        const match = await repo.get('matches', args.matchId);
        const program = await repo.get('programs', match.programId);
        authorize('sessions.write', relationsOf(ctx.actor, { program, memberIds: match.memberIds }));
        if (!MEETING_STATUSES.includes(match.status)) assertTransition('match', match.id, match.status, 'trial');
        // The first meeting after both said yes is the trial run.
        const isTrial = match.status === 'accepted';
        if (isTrial) await repo.update('matches', match, { status: 'trial' });
        const session = await repo.insert('sessions', {
          id: ctx.ids(),
          matchId: match.id,
          programId: program.id,
          memberIds: match.memberIds,
          status: 'planned',
          scheduledAt: new Date(args.scheduledAt).toISOString(),
          durationMinutes: args.durationMinutes ?? program.playbook.sessionMinutes,
          mode: args.mode ?? program.playbook.meetingModes[0]!,
          location: args.location ?? program.playbook.where,
          meetingLink: args.meetingLink,
          isTrial,
          agenda: await buildAgenda(repo, program, match, args.agenda),
          sharedNotes: '',
          topics: [],
          reflections: [],
          cancelReason: '',
        });
        return viewSession(session, member);
      }),

    log: (input) =>
      command(ctx, LogInput, input, async (args, repo, now) => {
        const { session } = await loadForWrite(repo, args.sessionId, args.expectedVersion);
        assertMeeting(await repo.get('matches', session.matchId), 'its sessions can no longer be logged');
        assertTransition('session', session.id, session.status, 'held');
        await addActionItems(repo, session, args.actionItems, 'actionItems');
        const held = await repo.update('sessions', session, {
          status: 'held',
          // Notes may have been written before or during the meeting: only what is sent replaces them.
          ...(args.sharedNotes === undefined ? {} : { sharedNotes: args.sharedNotes }),
          ...(args.topics === undefined ? {} : { topics: args.topics }),
          reflections: args.learned ? withReflection(session, args.learned, now) : session.reflections,
        });
        return viewSession(held, member);
      }),

    updateNotes: (input) =>
      command(ctx, NotesInput, input, async ({ sessionId, expectedVersion, ...changes }, repo) => {
        const { session } = await loadForWrite(repo, sessionId, expectedVersion);
        const edits = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        return viewSession(await repo.update('sessions', session, edits), member);
      }),

    reflect: (input) =>
      command(ctx, ReflectInput, input, async ({ sessionId, learned }, repo, now) => {
        const { session } = await loadForWrite(repo, sessionId);
        // What someone learned from a meeting that has not happened (or never did) is not a reflection.
        assertStatus('session', sessionId, session.status, 'held', 'held');
        return viewSession(await repo.update('sessions', session, { reflections: withReflection(session, learned, now) }), member);
      }),

    cancel: (input) =>
      command(ctx, CancelInput, input, async ({ sessionId, expectedVersion, reason }, repo) => {
        const { session } = await loadForWrite(repo, sessionId, expectedVersion);
        assertTransition('session', sessionId, session.status, 'cancelled');
        return viewSession(await repo.update('sessions', session, { status: 'cancelled', cancelReason: reason }), member);
      }),

    markMissed: (input) =>
      command(ctx, SessionRef, input, async ({ sessionId, expectedVersion }, repo) => {
        const { session } = await loadForWrite(repo, sessionId, expectedVersion);
        assertTransition('session', sessionId, session.status, 'missed');
        return viewSession(await repo.update('sessions', session, { status: 'missed' }), member);
      }),

    get: (id) =>
      query(ctx, Id, id, async (sessionId, repo) => {
        const { session, relations } = await load(repo, sessionId);
        authorize('sessions.read-schedule', relations);
        return viewSession(session, relations);
      }),

    list: (input) =>
      query(ctx, ByMatch, input, async ({ matchId }, repo) => {
        const match = await repo.get('matches', matchId);
        const program = await repo.get('programs', match.programId);
        const relations = relationsOf(ctx.actor, { program, memberIds: match.memberIds });
        authorize('sessions.read-schedule', relations);
        const sessions = await repo.query('sessions', 'matchId', matchId);
        return sessions.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt)).map((s) => viewSession(s, relations));
      }),

    readPrivateNote: (sessionId) =>
      query(ctx, Id, sessionId, async (id, repo) => {
        // Looked up by (session, actor): there is no way to ask for someone else's note.
        const [note] = await repo.query('privateNotes', 'sessionAuthor', [id, ctx.actor.personId]);
        return note ?? null;
      }),

    writePrivateNote: (input) =>
      command(ctx, PrivateNoteInput, input, async ({ sessionId, expectedVersion, text: body }, repo) => {
        // Only a member may keep a note on a session, and the author is always the actor.
        authorize('sessions.write', (await load(repo, sessionId)).relations);
        const [note] = await repo.query('privateNotes', 'sessionAuthor', [sessionId, ctx.actor.personId]);
        if (!note) return repo.insert('privateNotes', { id: ctx.ids(), sessionId, authorId: ctx.actor.personId, text: body });
        assertVersion('private note', note, expectedVersion);
        return repo.update('privateNotes', note, { text: body });
      }),
  };
}
