// Property: valid inputs written through the API read back through the API as written (after
// the schema's normalisation: trimmed text, defaults), through the memory store and IndexedDB.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ProgramInput } from '../../src/domain/program.ts';
import { indexedDbStore } from '../../src/storage/indexeddb-store.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';
import type { Store } from '../../src/storage/store.ts';
import { ValidationError } from '../../src/errors.ts';
import {
  agreementContent,
  anyTimestamp,
  enrolInput,
  expectedAgreementContent,
  expectedEnrolment,
  expectedPerson,
  expectedProgram,
  isoDay,
  newActionItem,
  paddedId,
  personInput,
  programInput,
  sessionLog,
  sessionPlan,
  trimAll,
  validText,
} from './arbitraries.ts';
import { NOW, PEOPLE, deleteDatabase, programInput as fixtureProgram, seedWorld, type World } from './fixture.ts';

const NUM_RUNS = 100;
const record = (version: number) => ({ version, createdAt: NOW, updatedAt: NOW });
const allPeople = Object.values(PEOPLE);

interface OpenStore {
  store: Store;
  cleanup(): Promise<void>;
}

const backends: { name: string; open(): Promise<OpenStore> }[] = [
  {
    name: 'memory',
    open: async () => {
      const store = memoryStore({ name: 'round-trip' });
      return { store, cleanup: () => store.close() };
    },
  },
  {
    name: 'IndexedDB',
    open: async () => {
      const name = `upward-round-trip-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const store = indexedDbStore({ name });
      return {
        store,
        cleanup: async () => {
          await store.close();
          await deleteDatabase(name);
        },
      };
    },
  },
];

/** Fills in the defaulted top-level fields, so an update sends every field (see the skipped test below). */
function complete(input: ProgramInput): ProgramInput {
  return { ...input, description: input.description ?? '', goals: input.goals ?? [], championIds: input.championIds ?? [] };
}

for (const backend of backends) {
  describe(`round trip through the ${backend.name} store`, function () {
    this.timeout(180_000);
    let world: World;
    let opened: OpenStore | undefined;
    let n = 0;
    const unique = (prefix: string) => `${prefix}${++n}`;

    before(async () => {
      opened = await backend.open();
      world = await seedWorld(opened.store, 'rt');
    });
    after(async () => {
      await opened?.cleanup();
    });

    it(`people.upsert (create, then update) → people.get: ${NUM_RUNS} people`, async () => {
      await fc.assert(
        fc.asyncProperty(personInput('ID', allPeople), personInput('ID', allPeople), async (first, second) => {
          const uid = unique('person');
          const withUid = <T extends { id: string; email: string }>(p: T): T => ({ ...p, id: p.id.replace('ID', uid), email: p.email.replace('ID@', `${uid}@`) });
          const created = await world.admin.people.upsert(withUid(first));
          const expected = { ...expectedPerson(withUid(first)), ...record(1) };
          expect(created).to.deep.equal(expected);
          expect(await world.admin.people.get(uid)).to.deep.equal(expected);

          const updated = await world.admin.people.upsert({ ...withUid(second), expectedVersion: 1 });
          const expectedUpdate = { ...expectedPerson(withUid(second)), ...record(2) };
          expect(updated).to.deep.equal(expectedUpdate);
          expect(await world.as(uid).people.me()).to.deep.equal(expectedUpdate);
        }),
        { numRuns: NUM_RUNS, includeErrorInReport: true },
      );
    });

    it(`people.import (JSON) → people.get: ${NUM_RUNS} imports of 1–5 people`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(personInput('ID', allPeople), { minLength: 1, maxLength: 5 }), async (rows) => {
          const batch = rows.map((p) => {
            const uid = unique('imported');
            return { ...p, id: p.id.replace('ID', uid), email: p.email.replace('ID@', `${uid}@`) };
          });
          const report = await world.admin.people.import({ format: 'json', data: batch });
          expect(report).to.deep.equal({ created: batch.length, updated: 0, errors: [], ignoredColumns: [] });
          for (const person of batch) expect(await world.admin.people.get(person.id.trim())).to.deep.equal({ ...expectedPerson(person), ...record(1) });
        }),
        { numRuns: NUM_RUNS, includeErrorInReport: true },
      );
    });

    it(`programs.create, programs.update → programs.get: ${NUM_RUNS} programs`, async () => {
      await fc.assert(
        fc.asyncProperty(programInput, programInput, async (first, second) => {
          const created = await world.admin.programs.create(first);
          const expected = { ...expectedProgram(first), id: created.id, phase: 'draft', ...record(1) };
          expect(created).to.deep.equal(expected);
          expect(await world.admin.programs.get(created.id)).to.deep.equal(expected);

          const changes = complete(second);
          const updated = await world.admin.programs.update({ id: created.id, expectedVersion: 1, changes });
          const expectedUpdate: Record<string, unknown> = { ...expectedProgram(changes), id: created.id, phase: 'draft', ...record(2) };
          // Partial semantics: a customPurpose or language not sent is kept.
          if (changes.customPurpose === undefined && first.customPurpose !== undefined) expectedUpdate.customPurpose = first.customPurpose.trim();
          if (changes.language === undefined) expectedUpdate.language = first.language ?? 'en';
          expect(updated).to.deep.equal(expectedUpdate);
          expect(await world.admin.programs.get(created.id)).to.deep.equal(expectedUpdate);
        }),
        { numRuns: NUM_RUNS, includeErrorInReport: true },
      );
    });

    // Regression: parsing `changes` on its own used to fill defaults and wipe unmentioned fields.
    it(`programs.update with partial changes keeps every field it does not mention: ${NUM_RUNS} programs`, async () => {
      await fc.assert(
        fc.asyncProperty(programInput, validText(1, 120), async (input, name) => {
          const created = await world.admin.programs.create(complete(input));
          const updated = await world.admin.programs.update({ id: created.id, changes: { name } });
          const expected = { ...expectedProgram(complete(input)), name: name.trim(), id: created.id, phase: 'draft', ...record(2) };
          expect(updated).to.deep.equal(expected);
          expect(await world.admin.programs.get(created.id)).to.deep.equal(expected);
        }),
        { numRuns: NUM_RUNS, includeErrorInReport: true },
      );
    });

    // Regression: a "__proto__" weight (from JSON.parse) used to be accepted and silently dropped.
    it('programs.create rejects a weight for an unknown factor (a "__proto__" key included) instead of dropping it', async () => {
      const weights = JSON.parse('{"__proto__": 3, "skills": 1}') as Record<string, number>;
      const program = { ...fixtureProgram, matching: { ...fixtureProgram.matching, weights } };
      const error = await world.admin.programs.create(program).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).issues[0]).to.deep.include({ path: 'matching.weights', message: 'has unknown entry: __proto__' });
    });

    it(`enrolments.enrol → enrolments.get: ${NUM_RUNS} enrolments`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constant(null).chain(() => enrolInput(world.programId, 'PERSON', allPeople)),
          async (generated) => {
            const personId = unique('enrollee');
            // Level 5 is eligible both as mentor (at most 5) and as mentee (at least 4).
            await world.admin.people.upsert({ id: personId, name: `Enrollee ${personId}`, email: `${personId}@example.com`, department: 'Sales', level: 5, timeZone: 'UTC' });
            const input = { ...generated, personId: generated.personId.replace('PERSON', personId) };
            const self = world.as(personId);
            const enrolment = await self.enrolments.enrol(input);
            const expected = { ...expectedEnrolment(input), id: enrolment.id, status: 'applied', consentedAt: NOW, decisionNote: '', ...record(1) };
            expect(enrolment).to.deep.equal(expected);
            expect(await self.enrolments.get(enrolment.id)).to.deep.equal(expected);
            expect(await world.admin.enrolments.get(enrolment.id)).to.deep.equal(expected);
          },
        ),
        { numRuns: NUM_RUNS, includeErrorInReport: true },
      );
    });

    it(`agreements.update → agreements.get: ${NUM_RUNS} agreement contents`, async () => {
      await fc.assert(
        fc.asyncProperty(agreementContent, async (content) => {
          const mentor = world.as(world.mentorId);
          const current = await mentor.agreements.get(world.agreementId);
          const updated = await mentor.agreements.update({ agreementId: world.agreementId, expectedVersion: current.version, content });
          const expected = { ...current, content: expectedAgreementContent(content), version: current.version + 1 };
          expect(updated).to.deep.equal(expected);
          expect(await world.as(world.menteeId).agreements.get(world.agreementId)).to.deep.equal(expected);
        }),
        { numRuns: NUM_RUNS, includeErrorInReport: true },
      );
    });

    it(`sessions.plan, sessions.log (with action items) → sessions.get, actionItems.list: ${NUM_RUNS} sessions`, async () => {
      const members = [world.mentorId, world.menteeId];
      await fc.assert(
        fc.asyncProperty(sessionPlan, sessionLog(members), async (plan, log) => {
          const mentor = world.as(world.mentorId);
          const mentee = world.as(world.menteeId);
          const planned = await mentor.sessions.plan({ ...plan, matchId: world.matchId, scheduledAt: plan.scheduledAt.text });
          const { agenda, ...plannedRest } = planned as typeof planned & { agenda: { text: string; source: string; actionItemId: string | null }[] };
          const expectedPlanned = {
            id: planned.id,
            matchId: world.matchId,
            programId: world.programId,
            memberIds: members,
            status: 'planned',
            scheduledAt: plan.scheduledAt.iso,
            durationMinutes: plan.durationMinutes ?? fixtureProgram.playbook.sessionMinutes,
            mode: plan.mode ?? fixtureProgram.playbook.meetingModes[0],
            location: plan.location === undefined ? fixtureProgram.playbook.where : plan.location.trim(),
            meetingLink: plan.meetingLink ?? null,
            isTrial: false,
            sharedNotes: '',
            topics: [],
            reflections: [],
            cancelReason: '',
            visibility: 'full',
            ...record(1),
          };
          expect(plannedRest).to.deep.equal(expectedPlanned);
          const added = agenda.filter((a) => a.source === 'added');
          expect(added).to.deep.equal(trimAll(plan.agenda ?? []).map((text) => ({ text, source: 'added', actionItemId: null })));

          await mentor.sessions.log({ ...log, sessionId: planned.id, expectedVersion: 1 });
          const expectedHeld = {
            ...expectedPlanned,
            agenda,
            status: 'held',
            sharedNotes: (log.sharedNotes ?? '').trim(),
            topics: trimAll(log.topics ?? []),
            reflections: log.learned === undefined ? [] : [{ personId: world.mentorId, learned: log.learned.trim(), at: NOW }],
            ...record(2),
          };
          expect(await mentee.sessions.get(planned.id)).to.deep.equal(expectedHeld);

          const items = (await mentee.actionItems.list({ matchId: world.matchId })).filter((a) => a.sessionId === planned.id);
          const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
          const byText = (a: { text: string; ownerId: string }, b: { text: string; ownerId: string }) =>
            a.text < b.text ? -1 : a.text > b.text ? 1 : a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0;
          const expectedItems = (log.actionItems ?? []).map((item) => ({
            matchId: world.matchId,
            programId: world.programId,
            sessionId: planned.id,
            text: item.text.trim(),
            ownerId: item.ownerId.trim(),
            due: item.due ?? null,
            done: false,
            doneAt: null,
            ...record(1),
          }));
          expect(items.map(strip).sort(byText)).to.deep.equal(expectedItems.sort(byText));
        }),
        { numRuns: NUM_RUNS, includeErrorInReport: true },
      );
    });

    // Regression: an offset that moved the instant outside years 0000–9999 used to fail as a storage error.
    it(`sessions.plan stores any scheduledAt it accepts, or rejects it with a ValidationError: ${NUM_RUNS} timestamps`, async () => {
      await fc.assert(
        fc.asyncProperty(anyTimestamp, async ({ text, instant }) => {
          const mentor = world.as(world.mentorId);
          const result = await mentor.sessions.plan({ matchId: world.matchId, scheduledAt: text }).catch((e: unknown) => e);
          if (result instanceof ValidationError) return;
          if (result instanceof Error) throw result;
          const planned = result as { id: string; scheduledAt: string };
          expect(Date.parse(planned.scheduledAt)).to.equal(instant);
          expect((await mentor.sessions.get(planned.id)).scheduledAt).to.equal(planned.scheduledAt);
        }),
        { numRuns: NUM_RUNS, includeErrorInReport: true },
      );
    });

    it(`actionItems.add, actionItems.update, actionItems.setDone → actionItems.list: ${NUM_RUNS} action items`, async () => {
      const members = [world.mentorId, world.menteeId];
      const changes = fc.record(
        { text: validText(1, 500), ownerId: fc.constantFrom(...members).chain(paddedId), due: fc.oneof(fc.constant(null), isoDay) },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(
          newActionItem(members),
          fc.constantFrom<'omit' | 'null' | 'session'>('omit', 'null', 'session'),
          paddedId(world.matchId),
          changes,
          fc.boolean(),
          async (item, sessionChoice, matchId, edit, done) => {
            const mentor = world.as(world.mentorId);
            const mentee = world.as(world.menteeId);
            const sessionId = sessionChoice === 'session' ? world.sessionId : sessionChoice === 'null' ? null : undefined;
            const added = await mentor.actionItems.add({ ...item, matchId, ...(sessionId === undefined ? {} : { sessionId }) });
            const expected = {
              id: added.id,
              matchId: world.matchId,
              programId: world.programId,
              sessionId: sessionId ?? null,
              text: item.text.trim(),
              ownerId: item.ownerId.trim(),
              due: item.due ?? null,
              done: false,
              doneAt: null,
              ...record(1),
            };
            const read = async () => (await mentee.actionItems.list({ matchId: world.matchId })).find((a) => a.id === added.id);
            expect(added).to.deep.equal(expected);
            expect(await read()).to.deep.equal(expected);

            const updated = await mentee.actionItems.update({ id: added.id, expectedVersion: 1, ...edit });
            const expectedUpdate = {
              ...expected,
              ...(edit.text === undefined ? {} : { text: edit.text.trim() }),
              ...(edit.ownerId === undefined ? {} : { ownerId: edit.ownerId.trim() }),
              ...(edit.due === undefined ? {} : { due: edit.due }),
              ...record(2),
            };
            expect(updated).to.deep.equal(expectedUpdate);
            expect(await read()).to.deep.equal(expectedUpdate);

            const settled = await mentor.actionItems.setDone({ id: added.id, expectedVersion: 2, done });
            const expectedDone = { ...expectedUpdate, done, doneAt: done ? NOW : null, ...record(3) };
            expect(settled).to.deep.equal(expectedDone);
            expect(await read()).to.deep.equal(expectedDone);
          },
        ),
        { numRuns: NUM_RUNS, includeErrorInReport: true },
      );
    });
  });
}
