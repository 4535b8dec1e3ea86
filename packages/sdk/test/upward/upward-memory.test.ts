import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { createUpward, ValidationError, type FieldIssue } from '../../src/index.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';
import { text, toFieldIssues } from '../../src/domain/fields.ts';
import { snapshotOf } from './snapshot.ts';
import { testUpward } from './upward-suite.ts';
import { people, programInput, seedWorld } from './world.ts';

testUpward('memory store', async () => {
  const store = memoryStore();
  return { as: (actor, options) => createUpward({ store, actor, ...options }), snapshot: () => snapshotOf(store), dispose: () => store.close() };
});

// Field issues carry a machine-readable code (and what their message needs), so a UI can say them
// in its own language; the English `message` stays exactly as it was.
describe('field issues (memory store)', () => {
  const admin = { personId: 'admin', isAdmin: true };
  async function issuesOf(promise: Promise<unknown>): Promise<Record<string, FieldIssue>> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ValidationError);
    return Object.fromEntries((error as ValidationError).issues.map((i) => [i.path, i]));
  }

  it('carry the code and the parameters of each zod issue beside the unchanged English message', async () => {
    const hr = createUpward({ store: memoryStore(), actor: admin });
    const base = programInput();
    const issues = await issuesOf(
      hr.programs.create({
        ...base,
        name: ' ',
        purpose: 'nope' as never,
        goals: ['Listen more', 'listen more'],
        playbook: { ...base.playbook, sessionMinutes: 300, meetingModes: [], talkingPoints: ['x'.repeat(201)], trainings: [{ title: 'Intro', link: 'ftp://example.com' }] },
        rules: { ...base.rules, minLevelGap: 'three' as never },
        agreementTemplate: { communicationStatement: 'We talk.' } as never,
        kickoffDate: '11/01/2027',
      }),
    );
    expect(issues['name']).to.deep.equal({ path: 'name', message: 'must not be empty', code: 'too_small', origin: 'string', minimum: 1, inclusive: true });
    expect(issues['purpose']).to.deep.include({ code: 'invalid_value' });
    expect(issues['purpose']!.message).to.match(/^must be one of: generational-divide, /);
    expect(issues['goals']).to.deep.equal({ path: 'goals', message: 'must not repeat an entry', code: 'duplicate' });
    expect(issues['playbook.sessionMinutes']).to.deep.equal({ path: 'playbook.sessionMinutes', message: 'must be at most 240', code: 'too_big', origin: 'number', maximum: 240, inclusive: true });
    expect(issues['playbook.meetingModes']).to.deep.include({ message: 'must have at least 1 entry', code: 'too_small', origin: 'array', minimum: 1 });
    expect(issues['playbook.talkingPoints.0']).to.deep.include({ message: 'must be at most 200 characters', code: 'too_big', origin: 'string', maximum: 200 });
    expect(issues['playbook.trainings.0.link']).to.deep.include({ message: 'must be a web address starting with http:// or https://', code: 'invalid_format', format: 'url' });
    expect(issues['rules.minLevelGap']).to.deep.equal({ path: 'rules.minLevelGap', message: 'must be a number', code: 'invalid_type', expected: 'number' });
    expect(issues['agreementTemplate.confidentialityStatement']).to.deep.equal({ path: 'agreementTemplate.confidentialityStatement', message: 'is required', code: 'required' });
    expect(issues['kickoffDate']).to.deep.include({ message: 'must be a date like 2026-03-01', code: 'invalid_format', format: 'date' });

    const person = await issuesOf(hr.people.upsert({ ...people.anna, email: 'anna', timeZone: 'Mars/Olympus', languages: ['Deutsch'] }));
    expect(person['email']).to.deep.equal({ path: 'email', message: 'must be an email address like name@example.com', code: 'invalid_format', format: 'email' });
    expect(person['timeZone']).to.deep.equal({ path: 'timeZone', message: 'must be an IANA time zone such as Europe/Berlin', code: 'invalid_format', format: 'time_zone' });
    expect(person['languages.0']).to.deep.equal({ path: 'languages.0', message: 'must be a language code such as en or pt-BR', code: 'invalid_format', format: 'language' });
  });

  it('take a refinement’s code from its params, and keep the code of an issue raised again from a FieldIssue', () => {
    const inner = z.object({ name: text(1, 5) });
    const outer = z.looseObject({}).check(
      z.refine((v) => !('nickname' in v), { message: 'nicknames are not kept', path: ['nickname'], params: { code: 'unrecognized_keys' } }),
      z.superRefine((v, ctx) => {
        const parsed = z.safeParse(inner, v);
        if (parsed.success) return;
        for (const issue of toFieldIssues(parsed.error, v)) ctx.addIssue({ code: 'custom', message: issue.message, params: issue, path: ['changes', ...issue.path.split('.')], input: v });
      }),
    );
    const input = { name: 'far too long', nickname: 'x' };
    const parsed = z.safeParse(outer, input);
    expect(parsed.success).to.equal(false);
    expect(toFieldIssues(parsed.error!, input)).to.deep.equal([
      { path: 'nickname', message: 'nicknames are not kept', code: 'unrecognized_keys' },
      { path: 'changes.name', message: 'must be at most 5 characters', code: 'too_big', origin: 'string', maximum: 5, inclusive: true },
    ]);
  });

  it('give the common cross-field rules their own codes, on create, on update and for enrolments', async () => {
    const store = memoryStore();
    const as = (actor: { personId: string; isAdmin?: boolean }) => createUpward({ store, actor });
    const hr = as(admin);
    const created = await issuesOf(hr.programs.create(programInput({ purpose: 'custom', kickoffDate: '2027-05-01', endDate: '2027-01-01' })));
    expect(created['endDate']).to.deep.equal({ path: 'endDate', message: 'must be after the kickoff date', code: 'end_before_start' });
    expect(created['customPurpose']).to.deep.equal({ path: 'customPurpose', message: 'describe the purpose when it is "custom"', code: 'required' });

    const { programId } = await seedWorld(as);
    const program = await hr.programs.get(programId);
    const updated = await issuesOf(hr.programs.update({ id: programId, expectedVersion: program.version, changes: { endDate: '2026-01-01' } }));
    expect(updated['changes.endDate']).to.deep.include({ message: 'must be after the kickoff date', code: 'end_before_start' });

    await hr.people.upsert({ ...people.anna, id: 'erin', name: 'Erin Park', email: 'erin@example.com' });
    const fresh = await hr.programs.create(programInput({ name: 'Second round' }));
    await hr.programs.openEnrolment({ id: fresh.id });
    const enrolled = await issuesOf(
      as({ personId: 'erin' }).enrolments.enrol({
        programId: fresh.id,
        personId: 'erin',
        role: 'mentor',
        skills: [{ skill: 'TikTok' }, { skill: 'tiktok' }],
        availability: [{ day: 1, startMinute: 600, endMinute: 540 }],
        consent: false as never,
      }),
    );
    expect(enrolled['skills']).to.deep.equal({ path: 'skills', message: 'must not repeat a skill', code: 'duplicate' });
    expect(enrolled['availability.0.endMinute']).to.deep.equal({ path: 'availability.0.endMinute', message: 'must end after it starts', code: 'end_before_start' });
    expect(enrolled['consent']).to.deep.equal({ path: 'consent', message: 'you must accept the program terms to enrol', code: 'required' });
  });
});
