/**
 * Bulk data for the server benchmarks: a generated organisation of N people (10,000 by default,
 * `examples/portal-sdk/generate-sample-org.mjs`) imported through the SDK's `people.import`, one
 * program, and N/2 running pairs with their enrolments, agreements and sessions (50,000 by
 * default). One pair is made through the services, so every record is exactly what the SDK
 * writes; the rest are copies of it with new ids, put straight into the store in large
 * transactions (hundreds of times faster than running the commands one by one).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createUpward, programFromPlaybook, type CollectionName, type Store, type StoredRecord } from '@upward/sdk';
import { repositoryRoot } from '../src/config.ts';
import { SEED_ACTOR } from '../src/seed/sample-org.ts';

export interface BenchSeedOptions {
  people: number;
  sessions: number;
  /** Of each pair's sessions, how many are still planned (the write benchmark logs them). */
  plannedPerPair: number;
  log?: (message: string) => void;
}

export interface BenchPair {
  mentorId: string;
  menteeId: string;
  matchId: string;
  /** Planned sessions, at version 1: what `sessions.log` takes. */
  planned: string[];
}

export interface BenchData {
  programId: string;
  pairs: BenchPair[];
  people: number;
  sessions: number;
}

const BATCH = 2_000;

async function putAll(store: Store, records: { collection: CollectionName; record: StoredRecord }[]): Promise<void> {
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH);
    const scope = [...new Set(batch.map((r) => r.collection))];
    await store.transaction(scope, 'readwrite', (tx) => Promise.all(batch.map((r) => tx.put(r.collection, { ...r.record, version: 0 }))));
  }
}

/** Replaces whole JSON string values (ids) in a record: `"old"` → `"new"`. */
function cloneWith(record: StoredRecord, replacements: Record<string, string>): StoredRecord {
  let json = JSON.stringify(record);
  for (const [from, to] of Object.entries(replacements)) json = json.split(JSON.stringify(from)).join(JSON.stringify(to));
  return JSON.parse(json) as StoredRecord;
}

export async function seedBenchData(store: Store, options: BenchSeedOptions): Promise<BenchData> {
  const log = options.log ?? (() => undefined);
  const outDir = `${repositoryRoot}.bench-out`;
  mkdirSync(outDir, { recursive: true });
  const csvPath = `${outDir}/bench-org-${options.people}.csv`;
  execFileSync(process.execPath, [`${repositoryRoot}examples/portal-sdk/generate-sample-org.mjs`, '--size', String(options.people), '--out', csvPath]);
  const hr = createUpward({ store, actor: SEED_ACTOR });
  let started = Date.now();
  const report = await hr.people.import({ format: 'csv', data: readFileSync(csvPath, 'utf8') });
  log(`imported ${report.created} people in ${Date.now() - started} ms (${report.errors.length} rows rejected)`);
  // Juniors mentor seniors: the k-th most junior person is paired with the k-th most senior.
  const everyone = (await hr.people.list()).sort((a, b) => a.level - b.level || a.id.localeCompare(b.id)).map((p) => p.id);
  const half = Math.floor(everyone.length / 2);
  const mentorOf = (k: number) => everyone[k]!;
  const menteeOf = (k: number) => everyone[everyone.length - 1 - k]!;

  // Permissive rules: the benchmark measures the server, not whether pairs are wise.
  const program = await hr.programs.create({
    ...programFromPlaybook('digital-strategy', { kickoffDate: '2027-01-11', endDate: '2027-12-20' }, { name: 'Benchmark program', championIds: [] }),
    rules: { minLevelGap: 1, maxLevelGap: 19, crossDepartment: 'ignore', forbidSameReportingLine: false, requireSharedLanguage: false },
  });
  await hr.programs.openEnrolment({ id: program.id });

  // The template pair, made through the services.
  const [tplMentor, tplMentee] = [mentorOf(0), menteeOf(0)];
  const as = (personId: string) => createUpward({ store, actor: { personId } });
  for (const [personId, role] of [
    [tplMentor, 'mentor'],
    [tplMentee, 'mentee'],
  ] as const) {
    const e = await as(personId).enrolments.enrol({ programId: program.id, personId, role, skills: [{ skill: 'Generative AI tools' }], consent: true });
    await hr.enrolments.approve({ id: e.id });
  }
  await hr.programs.startMatching({ id: program.id });
  const match = await hr.matches.propose({ programId: program.id, mentorIds: [tplMentor], menteeIds: [tplMentee] });
  await as(tplMentor).matches.respond({ matchId: match.id, accept: true });
  await as(tplMentee).matches.respond({ matchId: match.id, accept: true });
  const plannedTpl = await as(tplMentor).sessions.plan({ matchId: match.id, scheduledAt: '2027-03-01T10:00:00Z' });

  const template = await store.transaction(['enrolments', 'matches', 'agreements', 'sessions'], 'readonly', async (tx) => ({
    enrolments: await tx.query('enrolments', { index: 'programId', key: program.id }),
    match: (await tx.get('matches', match.id))!,
    agreements: await tx.query('agreements', { index: 'matchId', key: match.id }),
    session: (await tx.get('sessions', plannedTpl.id))!,
  }));
  const sessionsPerPair = Math.max(1, Math.round(options.sessions / half));
  const records: { collection: CollectionName; record: StoredRecord }[] = [];
  const pairs: BenchPair[] = [];
  let sessions = 0;
  started = Date.now();
  for (let k = 1; k < half && sessions < options.sessions; k++) {
    const mentorId = mentorOf(k);
    const menteeId = menteeOf(k);
    const matchId = randomUUID();
    const ids: Record<string, string> = { [tplMentor]: mentorId, [tplMentee]: menteeId, [match.id]: matchId };
    for (const e of template.enrolments) records.push({ collection: 'enrolments', record: cloneWith(e, { ...ids, [e.id]: randomUUID() }) });
    records.push({ collection: 'matches', record: cloneWith(template.match, ids) });
    for (const a of template.agreements) records.push({ collection: 'agreements', record: cloneWith(a, { ...ids, [a.id]: randomUUID() }) });
    const planned: string[] = [];
    for (let s = 0; s < sessionsPerPair && sessions < options.sessions; s++, sessions++) {
      const id = randomUUID();
      const isPlanned = s >= sessionsPerPair - options.plannedPerPair;
      const day = new Date(Date.UTC(2027, 0, 15 + s * 14, 10)).toISOString();
      const session = cloneWith(template.session, { ...ids, [template.session.id]: id });
      records.push({
        collection: 'sessions',
        record: isPlanned
          ? { ...session, scheduledAt: day, isTrial: false }
          : { ...session, scheduledAt: day, isTrial: s === 0, status: 'held', sharedNotes: `Session ${s + 1}: what we covered and what we learned.`, topics: ['Generative AI at work'] },
      });
      if (isPlanned) planned.push(id);
    }
    pairs.push({ mentorId, menteeId, matchId, planned });
  }
  await putAll(store, records);
  log(`stored ${pairs.length} pairs and ${sessions} sessions (${records.length} records) in ${Date.now() - started} ms`);
  return { programId: program.id, pairs, people: report.created, sessions };
}
