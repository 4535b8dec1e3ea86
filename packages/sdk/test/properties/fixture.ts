/**
 * A small valid world for property tests, seeded only through the public API with an admin actor:
 * seven people at levels 1–9 in two departments (with managers), one program moved to the
 * matching phase, approved mentor and mentee enrolments, a proposed → accepted match with its
 * draft agreement, a planned (trial) session and one open action item.
 */
import { createUpward, type Upward } from '../../src/upward.ts';
import type { ProgramInput } from '../../src/domain/program.ts';
import type { PersonInput } from '../../src/domain/person.ts';
import { collectionNames, type CollectionName, type StoredRecord } from '../../src/storage/collections.ts';
import type { Store } from '../../src/storage/store.ts';

export const ADMIN = { personId: 'admin', isAdmin: true } as const;

/** Every command of a world runs at this instant, so stored timestamps are predictable. */
export const NOW = '2026-03-02T10:00:00.000Z';
export const fixedClock = () => new Date(NOW);

/** Ids `<prefix>-1`, `<prefix>-2`, … (a fresh counter per world). */
export function idsWithPrefix(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export const PEOPLE = {
  engLead: 'eng-lead',
  engSenior: 'eng-senior',
  engJunior: 'eng-junior',
  mktLead: 'mkt-lead',
  mktSenior: 'mkt-senior',
  mktJunior: 'mkt-junior',
  mktMid: 'mkt-mid',
} as const;

export const peopleInputs: PersonInput[] = [
  { id: PEOPLE.engLead, name: 'Erin Lead', email: 'erin@example.com', title: 'VP Engineering', department: 'Engineering', level: 9, timeZone: 'Europe/Berlin', languages: ['en', 'de'] },
  { id: PEOPLE.engSenior, name: 'Sam Senior', email: 'sam@example.com', department: 'Engineering', level: 7, managerId: PEOPLE.engLead, timeZone: 'Europe/Berlin' },
  { id: PEOPLE.engJunior, name: 'Jo Junior', email: 'jo@example.com', department: 'Engineering', level: 2, managerId: PEOPLE.engSenior, timeZone: 'Europe/Lisbon', skills: ['TikTok', 'Figma'] },
  { id: PEOPLE.mktLead, name: 'Maya Lead', email: 'maya@example.com', department: 'Marketing', level: 9, timeZone: 'America/New_York' },
  { id: PEOPLE.mktSenior, name: 'Max Senior', email: 'max@example.com', department: 'Marketing', level: 6, managerId: PEOPLE.mktLead, timeZone: 'America/New_York' },
  { id: PEOPLE.mktJunior, name: 'Mia Junior', email: 'mia@example.com', department: 'Marketing', level: 1, managerId: PEOPLE.mktSenior, timeZone: 'America/Chicago' },
  { id: PEOPLE.mktMid, name: 'Mo Mid', email: 'mo@example.com', department: 'Marketing', level: 3, managerId: PEOPLE.mktSenior, timeZone: 'UTC', location: 'Remote' },
];

export const programInput: ProgramInput = {
  name: 'Digital fluency 2026',
  description: 'Juniors teach seniors the tools of today.',
  purpose: 'digital-strategy',
  goals: ['Understand social media', 'Try new tools'],
  playbook: {
    cadence: { every: 2, unit: 'week' },
    sessionMinutes: 45,
    meetingModes: ['video', 'in-person'],
    where: 'Café on floor 3',
    talkingPoints: ['What surprised you this week?'],
    sessionRequirements: ['Agree one action item each'],
    trainings: [{ title: 'Kick-off training', link: 'https://example.com/training' }],
  },
  rules: { minLevelGap: 2, maxLevelGap: 8, mentorMaxLevel: 5, menteeMinLevel: 4, crossDepartment: 'preferred' },
  matching: { mode: 'admin', objective: 'maxweight', requestExpiryDays: 7, weights: { skills: 2 } },
  format: { kind: 'one-to-one' },
  championIds: [PEOPLE.mktLead],
  agreementTemplate: {
    communicationStatement: 'We answer messages within two working days.',
    confidentialityStatement: 'What is said in a session stays in the session.',
    clauses: [{ title: 'No-fault exit', text: 'Either of us may end the pairing after the trial.' }],
  },
  kickoffDate: '2026-04-01',
  endDate: '2026-12-18',
};

export interface World {
  store: Store;
  /** The admin's client. */
  admin: Upward;
  /** A client acting as `personId` (not an admin). */
  as(personId: string): Upward;
  programId: string;
  /** Enrolment id by person id (all approved). */
  enrolmentIds: Record<string, string>;
  /** The accepted match of `mentorId` (eng-junior) and `menteeId` (mkt-senior), now in its trial. */
  matchId: string;
  mentorId: string;
  menteeId: string;
  /** The match's first agreement (draft). */
  agreementId: string;
  /** The planned trial session of the match. */
  sessionId: string;
  /** An open action item of the match, owned by the mentee. */
  actionItemId: string;
}

export async function seedWorld(store: Store, prefix = 'w'): Promise<World> {
  const ids = idsWithPrefix(prefix);
  const as = (personId: string) => createUpward({ store, actor: { personId }, clock: fixedClock, ids });
  const admin = createUpward({ store, actor: ADMIN, clock: fixedClock, ids });

  for (const person of peopleInputs) await admin.people.upsert(person);
  const program = await admin.programs.create(programInput);
  await admin.programs.openEnrolment({ id: program.id });

  const enrolmentIds: Record<string, string> = {};
  const enrol = async (personId: string, role: 'mentor' | 'mentee', skill: string) => {
    const enrolment = await admin.enrolments.enrol({
      programId: program.id,
      personId,
      role,
      skills: [{ skill, proficiency: 4 }],
      goals: role === 'mentee' ? ['Learn short video'] : [],
      availability: [{ day: 2, startMinute: 9 * 60, endMinute: 11 * 60 }],
      consent: true,
    });
    enrolmentIds[personId] = (await admin.enrolments.approve({ id: enrolment.id, note: 'Welcome' })).id;
  };
  await enrol(PEOPLE.engJunior, 'mentor', 'TikTok');
  await enrol(PEOPLE.mktJunior, 'mentor', 'Figma');
  await enrol(PEOPLE.mktSenior, 'mentee', 'TikTok');
  await enrol(PEOPLE.engSenior, 'mentee', 'Figma');
  await admin.programs.startMatching({ id: program.id });

  const mentorId = PEOPLE.engJunior;
  const menteeId = PEOPLE.mktSenior;
  const proposed = await admin.matches.propose({ programId: program.id, mentorIds: [mentorId], menteeIds: [menteeId], score: 7.5 });
  await as(mentorId).matches.respond({ matchId: proposed.id, accept: true });
  const accepted = await as(menteeId).matches.respond({ matchId: proposed.id, accept: true });
  if (accepted.status !== 'accepted') throw new Error(`fixture: match is ${accepted.status}, not accepted`);
  const [agreement] = await admin.agreements.list({ matchId: proposed.id });
  if (!agreement) throw new Error('fixture: no agreement was drafted');
  const session = await as(mentorId).sessions.plan({ matchId: proposed.id, scheduledAt: '2026-04-07T09:00:00Z', agenda: ['Get to know each other'] });
  const item = await as(mentorId).actionItems.add({ matchId: proposed.id, text: 'Install the app', ownerId: menteeId, due: '2026-04-14' });

  return {
    store,
    admin,
    as,
    programId: program.id,
    enrolmentIds,
    matchId: proposed.id,
    mentorId,
    menteeId,
    agreementId: agreement.id,
    sessionId: session.id,
    actionItemId: item.id,
  };
}

export type Snapshot = Record<CollectionName, StoredRecord[]>;

/** Every record of every collection, read in one transaction. */
export function snapshot(store: Store): Promise<Snapshot> {
  return store.transaction(collectionNames, 'readonly', async (tx) => {
    const out = {} as Snapshot;
    for (const c of collectionNames) out[c] = (await tx.query(c)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return out;
  });
}

/** Deletes an IndexedDB database, waiting for the deletion to finish. */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}
