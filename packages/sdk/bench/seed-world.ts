/**
 * A realistic Upward world for the storage benchmark, written straight through the Store
 * contract (large transactions, no API calls): 10,000 people in a reporting tree, 4 running
 * programs, enrolments, 2,000 matches (some mentors take two mentees), one agreement per match
 * (a few with an amendment waiting for signatures), 50,000 sessions (~25 a match: held ones in
 * the past, planned ones ahead, the odd cancellation) and the action items agreed in them.
 *
 * Every record is checked against its domain schema before it is stored, so the benchmark reads
 * exactly what the services would have written. Deterministic: the same seed gives the same world.
 */
import * as z from 'zod/mini';
import type { ActionItem, Agreement, Enrolment, Match, Person, Program, Session } from '../src/domain/index.ts';
import { canonicalJson, sha256Hex } from '../src/internal/sha256.ts';
import { recordSchemas } from '../src/services/repository.ts';
import type { CollectionName, StoredRecord } from '../src/storage/collections.ts';
import type { Store } from '../src/storage/store.ts';

export interface WorldSize {
  people: number;
  matches: number;
  sessions: number;
  programs: number;
}

export const defaultWorldSize: WorldSize = { people: 10_000, matches: 2_000, sessions: 50_000, programs: 4 };

export interface WorldMatch {
  id: string;
  programId: string;
  memberIds: string[];
  status: Match['status'];
  sessions: number;
}

export interface World {
  /** Records written per collection. */
  counts: Partial<Record<CollectionName, number>>;
  matches: WorldMatch[];
  /** People who are a member of at least one match. */
  participants: string[];
  /** Milliseconds spent building + validating records, and writing them. */
  timings: { buildMs: number; validateMs: number; writeMs: number };
}

/** Small fast deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const pad = (n: number, width = 5) => String(n).padStart(width, '0');
export const personId = (k: number) => `person-${pad(k)}`;

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoë'];
const LAST = ['Andersen', 'Baptiste', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hoffmann', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Urban', 'Varga', 'Weber', 'Yilmaz', 'Zhang'];
const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Finance', 'People', 'Legal', 'Operations', 'Product', 'Design', 'Support'];
const TIME_ZONES = ['Europe/Berlin', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Chicago', 'Asia/Tokyo', 'Asia/Singapore', 'Australia/Sydney'];
const LOCATIONS = ['Berlin', 'London', 'Paris', 'New York', 'Chicago', 'Tokyo', 'Singapore', 'Sydney'];
const SKILLS = ['TypeScript', 'Python', 'SQL', 'Figma', 'TikTok', 'Instagram', 'Notion', 'Prompting', 'Excel', 'Data viz', 'Podcasting', 'Accessibility', 'Git', 'Slack etiquette', 'Remote work', 'Public speaking', 'Negotiation', 'Budgeting', 'Hiring', 'Strategy'];
const TALKING_POINTS = ['How my generation uses social media', 'Tools I cannot work without', 'What a good first job looks like', 'Feedback across levels', 'Working in the open', 'AI at work', 'Hybrid work habits', 'Career paths today'];
const TITLES = ['Chief Executive', 'Vice President', 'Director', 'Senior Manager', 'Manager', 'Team Lead', 'Senior Specialist', 'Specialist', 'Associate', 'Apprentice'];

/** Depth in the 10-ary reporting tree (person 0 is the CEO; person k reports to k / 10). */
function depthOf(k: number): number {
  let d = 0;
  for (let n = k; n > 0; n = Math.floor(n / 10)) d++;
  return d;
}

/** The people of the world, as `PersonInput`-shaped fields (also used to write the import CSV). */
export function buildPeople(count: number, seed = 1, idPrefix = 'person'): Omit<Person, 'version' | 'createdAt' | 'updatedAt'>[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const people: Omit<Person, 'version' | 'createdAt' | 'updatedAt'>[] = [];
  for (let k = 0; k < count; k++) {
    const depth = depthOf(k);
    const level = Math.max(1, Math.min(20, 20 - depth * 4 - Math.floor(rnd() * 3)));
    const first = pick(FIRST);
    const last = pick(LAST);
    const zone = Math.floor(rnd() * TIME_ZONES.length);
    const skills = new Set<string>();
    for (let s = 0, n = 1 + Math.floor(rnd() * 4); s < n; s++) skills.add(pick(SKILLS));
    people.push({
      id: `${idPrefix}-${pad(k)}`,
      name: `${first} ${last}`,
      email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${pad(k)}@${idPrefix}.example.com`,
      title: TITLES[Math.min(TITLES.length - 1, depth * 2 + Math.floor(rnd() * 2))]!,
      department: DEPARTMENTS[k % DEPARTMENTS.length]!,
      level,
      managerId: k === 0 ? null : `${idPrefix}-${pad(Math.floor(k / 10))}`,
      location: LOCATIONS[zone]!,
      timeZone: TIME_ZONES[zone]!,
      languages: rnd() < 0.3 ? ['en', 'de'] : ['en'],
      skills: [...skills],
    });
  }
  return people;
}

/** A people directory as an HRIS CSV export (header + one row per person, lists `;`-separated). */
export function peopleCsv(count: number, seed = 7, idPrefix = 'hris'): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = ['id,name,email,title,department,level,managerId,location,timeZone,languages,skills'];
  for (const p of buildPeople(count, seed, idPrefix)) {
    lines.push(
      [p.id, p.name, p.email, p.title, p.department, String(p.level), p.managerId ?? '', p.location, p.timeZone, p.languages.join(';'), p.skills.join(';')]
        .map(quote)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

type Draft<T> = Omit<T, 'version'> & { version: number };

/**
 * Builds the world (all records, validated) and writes it to `store`, a collection at a time, in
 * transactions of `chunk` records whose puts are issued together (not awaited one by one).
 */
export async function seedWorld(
  store: Store,
  options: { size?: WorldSize; now?: Date; chunk?: number; seed?: number; log?: (message: string) => void } = {},
): Promise<World> {
  const size = options.size ?? defaultWorldSize;
  const now = (options.now ?? new Date()).getTime();
  const chunk = options.chunk ?? 10_000;
  const log = options.log ?? (() => undefined);
  const rnd = prng(options.seed ?? 42);
  const iso = (t: number) => new Date(t).toISOString();
  const isoDate = (t: number) => iso(t).slice(0, 10);
  const t0 = performance.now();

  const created = iso(now - 400 * DAY);
  const stamp = <T extends object>(fields: T, at = created): T & { version: number; createdAt: string; updatedAt: string } => ({
    ...fields,
    version: 1,
    createdAt: at,
    updatedAt: at,
  });

  // People ------------------------------------------------------------------------------------
  const people: Draft<Person>[] = buildPeople(size.people, options.seed ?? 42).map((p) => stamp(p));

  // Programs ----------------------------------------------------------------------------------
  const programs: Draft<Program>[] = [];
  for (let i = 0; i < size.programs; i++) {
    programs.push(
      stamp({
        id: `program-${i + 1}`,
        name: `Reverse mentoring ${2026 + Math.floor(i / 2)} ${i % 2 ? 'autumn' : 'spring'} cohort ${i + 1}`,
        description: 'Junior colleagues mentor senior leaders on digital habits, tools and culture.',
        purpose: i % 2 ? 'digital-strategy' : 'generational-divide',
        language: 'en',
        goals: ['Close the digital gap', 'Build trust across levels'],
        playbook: {
          cadence: { every: 2, unit: 'week' },
          sessionMinutes: 45,
          meetingModes: ['video', 'in-person'],
          where: 'Your choice',
          talkingPoints: TALKING_POINTS.slice(i % 3, (i % 3) + 6),
          sessionRequirements: ['Agree one action item each'],
          trainings: [{ title: 'Kick-off training', link: 'https://learn.example.com/reverse-mentoring' }],
        },
        rules: {
          minLevelGap: 2,
          maxLevelGap: 15,
          crossDepartment: 'preferred',
          forbidSameReportingLine: true,
          requireSharedLanguage: true,
        },
        matching: { mode: 'admin', objective: 'maxweight', requestExpiryDays: 7, weights: {} },
        format: { kind: 'one-to-one' },
        championIds: [personId(1 + i)],
        agreementTemplate: {
          communicationStatement: 'We answer messages within two working days.',
          confidentialityStatement: 'What is said in a session stays in the session.',
          clauses: [{ title: 'No reporting', text: 'Nothing discussed is used in performance reviews.' }],
        },
        kickoffDate: isoDate(now - 380 * DAY),
        endDate: isoDate(now + 300 * DAY),
        phase: 'running',
      }),
    );
  }

  // Matches: mentee k is unique; mentors are juniors, ~30% of them take a second mentee. -------
  const menteeBase = Math.min(100, Math.floor(size.people / 100));
  const mentorBase = Math.floor(size.people * 0.3);
  const mentorCount = Math.max(1, Math.ceil(size.matches * 0.7));
  const matches: Draft<Match>[] = [];
  const worldMatches: WorldMatch[] = [];
  for (let m = 0; m < size.matches; m++) {
    const program = programs[m % programs.length]!;
    const mentor = personId(mentorBase + (m % mentorCount));
    const mentee = personId(menteeBase + m);
    const completed = m % 10 === 9;
    const memberIds = [mentor, mentee];
    matches.push(
      stamp(
        {
          id: `match-${pad(m)}`,
          programId: program.id,
          members: [
            { personId: mentor, role: 'mentor' as const, response: 'accepted' as const, trialDecision: 'continue' as const },
            { personId: mentee, role: 'mentee' as const, response: 'accepted' as const, trialDecision: 'continue' as const },
          ],
          memberIds,
          origin: 'suggested' as const,
          status: completed ? ('completed' as const) : ('active' as const),
          score: Math.round(rnd() * 1000) / 100,
          reasons: [
            { factor: 'skills', points: 4, text: 'The mentor offers 2 of the skills the mentee seeks.' },
            { factor: 'department', points: 1, text: 'Different departments.' },
          ],
          expiresAt: null,
          endReason: null,
          previousMatchId: null,
        },
        iso(now - 360 * DAY + m * 60_000),
      ),
    );
    worldMatches.push({ id: `match-${pad(m)}`, programId: program.id, memberIds, status: completed ? 'completed' : 'active', sessions: 0 });
  }

  // Enrolments: one approved enrolment per (program, member), plus unmatched applicants. --------
  const enrolments: Draft<Enrolment>[] = [];
  const enrolled = new Set<string>();
  const enrol = (programId: string, person: string, role: 'mentor' | 'mentee', status: Enrolment['status']) => {
    const key = `${programId}\u0000${person}`;
    if (enrolled.has(key)) return;
    enrolled.add(key);
    enrolments.push(
      stamp({
        id: `enrolment-${pad(enrolments.length, 6)}`,
        programId,
        personId: person,
        role,
        skills: [
          { skill: SKILLS[enrolments.length % SKILLS.length]!, proficiency: 3 },
          { skill: SKILLS[(enrolments.length + 7) % SKILLS.length]!, proficiency: 4 },
        ],
        goals: role === 'mentee' ? ['Understand how younger colleagues work'] : ['Practise giving feedback upwards'],
        availability: [{ day: 2, startMinute: 540, endMinute: 720 }],
        capacity: role === 'mentor' ? 2 : 1,
        preferences: [],
        motivation: 'I want to learn from the other side.',
        status,
        consentedAt: iso(now - 390 * DAY),
        decisionNote: '',
      }),
    );
  };
  for (const m of matches) for (const member of m.members) enrol(m.programId, member.personId, member.role, 'approved');
  for (let k = 0; k < Math.floor(size.matches / 2); k++) {
    const person = personId(Math.floor(size.people * 0.6) + k);
    enrol(programs[k % programs.length]!.id, person, k % 2 ? 'mentor' : 'mentee', k % 3 ? 'applied' : 'waitlisted');
  }

  // Agreements: in force and signed; every 20th match has amendment 2 waiting for signatures. --
  const agreements: Draft<Agreement>[] = [];
  for (const [m, match] of matches.entries()) {
    const program = programs[m % programs.length]!;
    const content = {
      goals: ['Learn one new tool a month', 'Share how decisions are made'],
      meetingTerms: 'Every two weeks, 45 minutes, on video unless we are in the same office.',
      communicationStatement: program.agreementTemplate.communicationStatement,
      confidentialityStatement: program.agreementTemplate.confidentialityStatement,
      clauses: program.agreementTemplate.clauses,
    };
    const contentHash = sha256Hex(canonicalJson(content));
    const signedAt = iso(now - 350 * DAY);
    agreements.push(
      stamp({
        id: `agreement-${pad(m)}-1`,
        matchId: match.id,
        programId: match.programId,
        number: 1,
        status: m % 20 === 0 ? ('superseded' as const) : ('in-force' as const),
        content,
        language: program.language,
        contentHash,
        signerIds: match.memberIds,
        signatures: match.memberIds.map((personId) => ({ personId, signedAt, contentHash })),
      }),
    );
    if (m % 20 === 0) {
      const amended = { ...content, goals: [...content.goals, 'Run one workshop together'] };
      const hash = sha256Hex(canonicalJson(amended));
      agreements.push(
        stamp({
          id: `agreement-${pad(m)}-2`,
          matchId: match.id,
          programId: match.programId,
          number: 2,
          status: 'awaiting-signatures' as const,
          content: amended,
          language: program.language,
          contentHash: hash,
          signerIds: match.memberIds,
          signatures: [{ personId: match.memberIds[0]!, signedAt: iso(now - 5 * DAY), contentHash: hash }],
        }),
      );
    }
  }

  // Sessions (~25 per match, exactly `size.sessions` in all) and their action items. -----------
  const sessions: Draft<Session>[] = [];
  const actionItems: Draft<ActionItem>[] = [];
  const perMatch = matches.map((_, m) => Math.round(size.sessions / size.matches) - 5 + ((m * 7) % 11));
  let total = perMatch.reduce((a, b) => a + b, 0);
  for (let m = 0; total !== size.sessions; m = (m + 1) % perMatch.length) {
    const step = total < size.sessions ? 1 : -1;
    if (perMatch[m]! + step < 3) continue;
    perMatch[m]! += step;
    total += step;
  }
  for (const [m, match] of matches.entries()) {
    const program = programs[m % programs.length]!;
    const n = perMatch[m]!;
    worldMatches[m]!.sessions = n;
    const completed = match.status === 'completed';
    // Active pairs: two sessions still ahead; completed pairs: all in the past.
    const upcoming = completed ? 0 : 2;
    const [mentor, mentee] = match.memberIds as [string, string];
    for (let s = 0; s < n; s++) {
      const ahead = s >= n - upcoming;
      const weeksFromNow = ahead ? 2 * (s - (n - upcoming) + 1) : -2 * (n - upcoming - s);
      const at = now + weeksFromNow * 7 * DAY + (m % 8) * 3_600_000;
      const status: Session['status'] = ahead ? 'planned' : s % 13 === 12 ? 'cancelled' : 'held';
      const held = status === 'held';
      const sessionId = `session-${pad(m)}-${pad(s, 2)}`;
      const topic = program.playbook.talkingPoints[s % program.playbook.talkingPoints.length]!;
      sessions.push(
        stamp(
          {
            id: sessionId,
            matchId: match.id,
            programId: match.programId,
            memberIds: match.memberIds,
            status,
            scheduledAt: iso(at),
            durationMinutes: 45,
            mode: s % 4 === 3 ? ('in-person' as const) : ('video' as const),
            location: s % 4 === 3 ? 'Office café' : '',
            meetingLink: s % 4 === 3 ? null : `https://meet.example.com/${match.id}`,
            isTrial: s === 0,
            agenda: [
              { text: topic, source: 'talking-point' as const, actionItemId: null },
              { text: 'Review last actions', source: 'added' as const, actionItemId: null },
            ],
            sharedNotes: held ? `We talked about ${topic.toLowerCase()}. ${'Good discussion with concrete examples. '.repeat(4)}` : '',
            topics: held ? [topic] : [],
            reflections: held
              ? [
                  { personId: mentee, learned: 'How short-form video shapes what younger colleagues expect from internal news.', at: iso(at + 3_600_000) },
                  { personId: mentor, learned: 'How budget decisions are actually made two levels up.', at: iso(at + 7_200_000) },
                ]
              : [],
            cancelReason: status === 'cancelled' ? 'Travel' : '',
          },
          iso(at - 14 * DAY),
        ),
      );
      // An action item from every fourth held session; the most recent ones are still open.
      if (held && s % 4 === 1) {
        const open = s >= n - upcoming - 6;
        actionItems.push(
          stamp(
            {
              id: `action-${pad(m)}-${pad(s, 2)}`,
              matchId: match.id,
              programId: match.programId,
              sessionId,
              text: s % 8 === 1 ? 'Try one new collaboration tool and report back' : 'Share a real decision memo to discuss',
              ownerId: s % 8 === 1 ? mentee : mentor,
              due: isoDate(at + 14 * DAY),
              done: !open,
              doneAt: open ? null : iso(at + 10 * DAY),
            },
            iso(at),
          ),
        );
      }
    }
  }
  const t1 = performance.now();

  // Validate every record with the schema the repository reads it back with. -----------------
  const all: [CollectionName, Draft<unknown & { id: string }>[]][] = [
    ['people', people],
    ['programs', programs],
    ['enrolments', enrolments],
    ['matches', matches],
    ['agreements', agreements],
    ['sessions', sessions],
    ['actionItems', actionItems],
  ];
  for (const [collection, records] of all) {
    const schema = recordSchemas[collection];
    for (const record of records) {
      const result = z.safeParse(schema, record);
      if (!result.success) {
        throw new Error(`seed: ${collection} "${record.id}" is not valid: ${JSON.stringify(result.error.issues.slice(0, 3))}`);
      }
    }
  }
  const t2 = performance.now();

  // Write: version 0 (new records), a chunk of puts per transaction, issued together. ---------
  const counts: Partial<Record<CollectionName, number>> = {};
  for (const [collection, records] of all) {
    for (let start = 0; start < records.length; start += chunk) {
      const slice = records.slice(start, start + chunk);
      await store.transaction(
        [collection],
        'readwrite',
        (tx) => Promise.all(slice.map((r) => tx.put(collection, { ...(r as unknown as StoredRecord), version: 0 }))),
        { durability: 'relaxed' },
      );
    }
    counts[collection] = records.length;
    log(`seeded ${records.length} ${collection}`);
  }
  const t3 = performance.now();

  const participants = [...new Set(matches.flatMap((m) => m.memberIds))];
  return { counts, matches: worldMatches, participants, timings: { buildMs: t1 - t0, validateMs: t2 - t1, writeMs: t3 - t2 } };
}
