// Property: every write command rejects inputs that can never be valid with a ValidationError
// (readable messages, a path for each issue) and stores nothing. Bad inputs are valid base
// inputs broken at 1–3 field paths (nested ones included), or replaced by a non-object.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ValidationError } from '../../src/errors.ts';
import { memoryStore } from '../../src/storage/memory-store.ts';
import type { Store } from '../../src/storage/store.ts';
import type { Upward } from '../../src/upward.ts';
import { MALFORMED, REMOVE, bad, badInputs, field, show, together, wrongType, type BadCase, type Mutation } from './arbitraries.ts';
import { PEOPLE, programInput, seedWorld, snapshot, type World } from './fixture.ts';

const NUM_RUNS = 1000;

interface Command {
  name: string;
  /** Who runs it: validation comes first, but the actor is one who could run the command. */
  actor: 'admin' | 'mentor' | 'mentee';
  run(api: Upward, input: unknown): Promise<unknown>;
  cases(world: World): BadCase[];
}

const modes = ['in-person', 'video', 'phone'];
const purposes = ['generational-divide', 'empower-younger-employees', 'growth-mindset', 'digital-strategy', 'social-media-and-analytics', 'inclusion', 'custom'];
const HASH = 'a'.repeat(64);

let hugeCsv: string | undefined;
let hugeJson: unknown[] | undefined;
/** Built once, on first use: 20,000,001 characters, one over the CSV limit. */
const tooLongCsv = () => (hugeCsv ??= `id,name\n${'x'.repeat(20_000_001 - 8)}`);
/** 100,001 rows, one over the JSON import limit. */
const tooManyRows = () => (hugeJson ??= Array.from({ length: 100_001 }, () => ({})));

// ---------------------------------------------------------------------------------------------
// Field tables (paths are dotted; numeric parts are array indexes)
// ---------------------------------------------------------------------------------------------

/** The program fields, as `programs.create` takes them or (`topOptional`) as `changes` of an update. */
function programMutations(prefix: string, topOptional: boolean): Mutation[] {
  const P = (path: string) => prefix + path;
  const top = topOptional ? { optional: true } : {};
  return [
    field(P('name'), bad.text(1, 120, top)),
    field(P('description'), bad.text(0, 2000, { optional: true })),
    field(P('purpose'), bad.enum(purposes, top)),
    field(P('customPurpose'), bad.text(1, 200, { optional: true })),
    field(P('language'), bad.enum(['en', 'de'], { optional: true })),
    field(P('goals'), bad.phrases(20, 200, { optional: true })),
    field(P('goals.0'), bad.text(1, 200)),
    field(P('playbook'), bad.object(top)),
    field(P('playbook.cadence'), bad.object()),
    field(P('playbook.cadence.every'), bad.int(1, 12)),
    field(P('playbook.cadence.unit'), bad.enum(['week', 'month'])),
    field(P('playbook.sessionMinutes'), bad.int(15, 240)),
    field(P('playbook.meetingModes'), bad.array('video', 3, {}, 1)),
    field(P('playbook.meetingModes.0'), bad.enum(modes)),
    field(P('playbook.where'), bad.text(0, 200, { optional: true })),
    field(P('playbook.talkingPoints'), bad.phrases(30, 200, { optional: true })),
    field(P('playbook.talkingPoints.0'), bad.text(1, 200)),
    field(P('playbook.sessionRequirements'), bad.phrases(20, 200, { optional: true })),
    field(P('playbook.trainings'), bad.array({ title: 'T' }, 20, { optional: true })),
    field(P('playbook.trainings.0'), bad.object()),
    field(P('playbook.trainings.0.title'), bad.text(1, 200)),
    field(P('playbook.trainings.0.link'), bad.url({ optional: true })),
    field(P('rules'), bad.object(top)),
    field(P('rules.minLevelGap'), bad.int(1, 19)),
    field(P('rules.maxLevelGap'), bad.int(1, 19)),
    together([P('rules.minLevelGap'), 5], [P('rules.maxLevelGap'), 4]),
    field(P('rules.mentorMaxLevel'), bad.int(1, 20, { optional: true })),
    field(P('rules.menteeMinLevel'), bad.int(1, 20, { optional: true })),
    field(P('rules.crossDepartment'), bad.enum(['required', 'preferred', 'ignore'], { optional: true })),
    field(P('rules.forbidSameReportingLine'), bad.bool({ optional: true })),
    field(P('rules.requireSharedLanguage'), bad.bool({ optional: true })),
    field(P('matching'), bad.object(top)),
    field(P('matching.mode'), bad.enum(['self', 'admin', 'hybrid'])),
    field(P('matching.objective'), bad.enum(['maxweight', 'maxcard'], { optional: true })),
    field(P('matching.requestExpiryDays'), bad.int(1, 60, { optional: true })),
    field(P('matching.weights'), fc.oneof(bad.object({ optional: true }), fc.constantFrom<unknown>({ '': 1 }, { skill: 1 }, { ['k'.repeat(41)]: 1 }))),
    // A record entry may be left out, so no "removed" here.
    field(P('matching.weights.skills'), bad.int(0, 1000, { optional: true })),
    field(P('format'), bad.object(top)),
    field(P('format.kind'), bad.enum(['one-to-one', 'group'])),
    together([P('format.kind'), 'group']),
    field(P('championIds'), bad.array('x', 20, { optional: true })),
    field(P('championIds.0'), bad.id()),
    field(P('agreementTemplate'), bad.object(top)),
    field(P('agreementTemplate.communicationStatement'), bad.text(1, 2000)),
    field(P('agreementTemplate.confidentialityStatement'), bad.text(1, 2000)),
    field(P('agreementTemplate.clauses'), bad.array({ title: 'T', text: 'x' }, 20, { optional: true })),
    field(P('agreementTemplate.clauses.0'), bad.object()),
    field(P('agreementTemplate.clauses.0.title'), bad.text(1, 120)),
    field(P('agreementTemplate.clauses.0.text'), bad.text(1, 2000)),
    field(P('kickoffDate'), bad.date(top)),
    field(P('endDate'), bad.date(top)),
  ];
}

/** The program-level cross-field rules (on an update they are checked on the stored program merged with the changes). */
function programCrossFieldMutations(prefix: string, base: { kickoffDate: string }): Mutation[] {
  const dayBefore = new Date(Date.parse(`${base.kickoffDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return [
    together([`${prefix}endDate`, base.kickoffDate]),
    together([`${prefix}endDate`, dayBefore]),
    together([`${prefix}purpose`, 'custom'], [`${prefix}customPurpose`, REMOVE]),
  ];
}

function groupFormatMutations(prefix: string): Mutation[] {
  return [field(`${prefix}format.mentorsPerGroup`, bad.int(1, 2)), field(`${prefix}format.menteesPerGroup`, bad.int(1, 8))];
}

const personBase = {
  id: 'new-person',
  name: 'Nia New',
  email: 'nia@example.com',
  title: 'Analyst',
  department: 'Finance',
  level: 4,
  managerId: PEOPLE.engLead,
  location: 'Berlin',
  timeZone: 'Europe/Paris',
  languages: ['en', 'fr'],
  skills: ['Excel'],
};

function personMutations(prefix: string, withVersion: boolean): Mutation[] {
  const P = (path: string) => prefix + path;
  const out = [
    field(P('id'), bad.id({ optional: true })),
    field(P('name'), bad.text(1, 120)),
    field(P('email'), bad.email()),
    field(P('title'), bad.text(0, 120, { optional: true })),
    field(P('department'), bad.text(1, 80)),
    field(P('level'), bad.int(1, 20)),
    field(P('managerId'), bad.id({ optional: true, nullable: true })),
    together([P('id'), 'same-person'], [P('managerId'), 'same-person']),
    field(P('location'), bad.text(0, 120, { optional: true })),
    field(P('timeZone'), bad.timeZone()),
    field(P('languages'), bad.array('en', 20, { optional: true }, 1)),
    field(P('languages.0'), bad.languageCode()),
    field(P('skills'), bad.phrases(50, 60, { optional: true })),
    field(P('skills.0'), bad.text(1, 60)),
  ];
  if (withVersion) out.push(field(P('expectedVersion'), bad.int(1, undefined, { optional: true })));
  return out;
}

const reason = { factor: 'skills', points: 2.5, text: 'Both like video' };

function proposalMutations(prefix: string): Mutation[] {
  const P = (path: string) => prefix + path;
  return [
    field(P('mentorIds'), bad.array('x', 2, {}, 1)),
    field(P('mentorIds.0'), bad.id()),
    field(P('menteeIds'), bad.array('x', 8, {}, 1)),
    field(P('menteeIds.0'), bad.id()),
    field(P('score'), bad.number({ optional: true, nullable: true })),
    field(P('reasons'), bad.array(reason, 20, { optional: true })),
    field(P('reasons.0'), bad.object()),
    field(P('reasons.0.factor'), bad.text(1, 40)),
    field(P('reasons.0.points'), bad.number()),
    field(P('reasons.0.text'), bad.text(1, 500)),
  ];
}

const versionField = field('expectedVersion', bad.int(1, undefined, { optional: true }));

function phaseChange(name: string, run: (api: Upward, input: unknown) => Promise<unknown>): Command {
  return {
    name,
    actor: 'admin',
    run,
    cases: (w) => [{ base: { id: w.programId, expectedVersion: 5 }, mutations: [field('id', bad.id()), versionField] }],
  };
}

function decision(name: string, run: (api: Upward, input: unknown) => Promise<unknown>): Command {
  return {
    name,
    actor: 'admin',
    run,
    cases: (w) => [
      {
        base: { id: w.enrolmentIds[PEOPLE.mktJunior], expectedVersion: 2, note: 'Thanks for applying' },
        mutations: [field('id', bad.id()), versionField, field('note', bad.text(0, 500, { optional: true }))],
      },
    ],
  };
}

function agreementRef(name: string, run: (api: Upward, input: unknown) => Promise<unknown>): Command {
  return {
    name,
    actor: 'mentor',
    run,
    cases: (w) => [{ base: { agreementId: w.agreementId, expectedVersion: 1 }, mutations: [field('agreementId', bad.id()), versionField] }],
  };
}

const agreementContentBase = {
  goals: ['Learn short video', 'Share strategy'],
  meetingTerms: 'Every two weeks for 45 minutes.',
  communicationStatement: 'We reply within two days.',
  confidentialityStatement: 'It stays between us.',
  clauses: [{ title: 'Exit', text: 'Either may end it after the trial.' }],
};

const asIs = (run: (api: Upward, input: never) => Promise<unknown>) => (api: Upward, input: unknown) => run(api, input as never);

const commands: Command[] = [
  // ---------------------------------------------------------------------------------- programs
  {
    name: 'programs.create',
    actor: 'admin',
    run: asIs((api, input) => api.programs.create(input)),
    cases: () => [
      { base: programInput, mutations: [...programMutations('', false), ...programCrossFieldMutations('', programInput)] },
      {
        base: { ...programInput, purpose: 'custom', customPurpose: 'Our reason', format: { kind: 'group', mentorsPerGroup: 2, menteesPerGroup: 4 } },
        mutations: [...groupFormatMutations(''), field('customPurpose', bad.text(1, 200)), together(['customPurpose', REMOVE])],
      },
    ],
  },
  {
    name: 'programs.update',
    actor: 'admin',
    run: asIs((api, input) => api.programs.update(input)),
    cases: (w) => [
      {
        base: { id: w.programId, expectedVersion: 3, changes: { ...programInput, name: 'Renamed' } },
        mutations: [field('id', bad.id()), versionField, field('changes', bad.object()), ...programMutations('changes.', true)],
      },
      {
        // Cross-field rules are checked against the stored program merged with the changes.
        base: { id: w.programId, changes: { name: 'Renamed' } },
        checkedAgainstStore: true,
        mutations: [
          together(['changes.endDate', '2026-01-01']),
          together(['changes.kickoffDate', '2027-01-01']),
          together(['changes.purpose', 'custom']),
          ...programCrossFieldMutations('changes.', programInput),
        ],
      },
    ],
  },
  phaseChange('programs.openEnrolment', asIs((api, input) => api.programs.openEnrolment(input))),
  phaseChange('programs.startMatching', asIs((api, input) => api.programs.startMatching(input))),
  phaseChange('programs.reopenEnrolment', asIs((api, input) => api.programs.reopenEnrolment(input))),
  phaseChange('programs.launch', asIs((api, input) => api.programs.launch(input))),
  phaseChange('programs.close', asIs((api, input) => api.programs.close(input))),

  // ------------------------------------------------------------------------------------ people
  {
    name: 'people.upsert',
    actor: 'admin',
    run: asIs((api, input) => api.people.upsert(input)),
    cases: () => [
      { base: { ...personBase, expectedVersion: 1 }, mutations: personMutations('', true) },
      {
        // Rules that need the directory: a manager chain that would loop back.
        base: { id: PEOPLE.engLead, name: 'Erin Lead', email: 'erin@example.com', department: 'Engineering', level: 9, managerId: null, timeZone: 'Europe/Berlin' },
        checkedAgainstStore: true,
        mutations: [together(['managerId', PEOPLE.engJunior]), together(['managerId', PEOPLE.engSenior])],
      },
    ],
  },
  {
    name: 'people.import',
    actor: 'admin',
    run: asIs((api, input) => api.people.import(input)),
    cases: () => [
      {
        base: { format: 'json', data: [personBase] },
        mutations: [field('format', bad.enum(['csv', 'json'])), field('data', fc.oneof(wrongType('array'), fc.constantFrom<unknown>(REMOVE, undefined, null), fc.constant(null).map(tooManyRows)))],
      },
      {
        base: { format: 'csv', data: 'id,name,email,department,level,timeZone\nE9,Nia,nia@example.com,Finance,4,UTC\n' },
        mutations: [field('format', bad.enum(['csv', 'json'])), field('data', fc.oneof(wrongType('string'), fc.constantFrom<unknown>(REMOVE, undefined, null), fc.constant(null).map(tooLongCsv)))],
      },
    ],
  },

  // -------------------------------------------------------------------------------- enrolments
  {
    name: 'enrolments.enrol',
    actor: 'admin',
    run: asIs((api, input) => api.enrolments.enrol(input)),
    cases: (w) => [
      {
        base: {
          programId: w.programId,
          personId: PEOPLE.mktMid,
          role: 'mentor',
          skills: [{ skill: 'Canva', proficiency: 2 }],
          goals: ['Share what I know'],
          availability: [{ day: 1, startMinute: 600, endMinute: 660 }],
          capacity: 2,
          preferences: [PEOPLE.mktSenior],
          motivation: 'Happy to help',
          consent: true,
        },
        mutations: [
          field('programId', bad.id()),
          field('personId', bad.id()),
          field('role', bad.enum(['mentor', 'mentee'])),
          field('skills', bad.array({ skill: 'S' }, 20, {}, 1)),
          together(['skills', [{ skill: 'Canva' }, { skill: ' canva ' }]]),
          field('skills.0', bad.object()),
          field('skills.0.skill', bad.text(1, 60)),
          field('skills.0.proficiency', bad.int(1, 5, { optional: true })),
          field('goals', bad.phrases(10, 200, { optional: true })),
          field('availability', bad.array({ day: 1, startMinute: 0, endMinute: 60 }, 28, { optional: true })),
          field('availability.0', bad.object()),
          field('availability.0.day', bad.int(0, 6)),
          field('availability.0.startMinute', bad.int(0, 1439)),
          field('availability.0.endMinute', bad.int(1, 1440)),
          together(['availability.0.startMinute', 600], ['availability.0.endMinute', 600]),
          together(['availability.0.startMinute', 700], ['availability.0.endMinute', 650]),
          field('capacity', bad.int(1, 5, { optional: true })),
          field('preferences', bad.array('x', 10, { optional: true })),
          field('preferences.0', bad.id()),
          field('motivation', bad.text(0, 1000, { optional: true })),
          field('consent', bad.literalTrue()),
        ],
      },
      {
        base: { programId: w.programId, personId: PEOPLE.mktMid, role: 'mentor', skills: [{ skill: 'Canva' }], preferences: [PEOPLE.mktSenior], consent: true },
        checkedAgainstStore: true,
        mutations: [together(['preferences.0', PEOPLE.mktMid]), together(['preferences.0', 'nobody-by-this-id'])],
      },
    ],
  },
  {
    name: 'enrolments.update',
    actor: 'admin',
    run: asIs((api, input) => api.enrolments.update(input)),
    cases: (w) => [
      {
        base: {
          id: Object.values(w.enrolmentIds)[0],
          changes: {
            skills: [{ skill: 'Canva', proficiency: 2 }],
            goals: ['Share what I know'],
            availability: [{ day: 1, startMinute: 600, endMinute: 660 }],
            capacity: 2,
            preferences: [],
            motivation: 'Happy to help',
          },
        },
        mutations: [
          field('id', bad.id()),
          field('expectedVersion', bad.int(1, undefined, { optional: true })),
          field('changes', bad.object()),
          field('changes.skills', bad.array({ skill: 'S' }, 20, { optional: true }, 1)),
          field('changes.skills.0.skill', bad.text(1, 60)),
          field('changes.goals', bad.phrases(10, 200, { optional: true })),
          field('changes.availability.0.day', bad.int(0, 6)),
          together(['changes.availability.0.startMinute', 700], ['changes.availability.0.endMinute', 650]),
          field('changes.capacity', bad.int(1, 5, { optional: true })),
          field('changes.preferences', bad.array('x', 10, { optional: true })),
          field('changes.motivation', bad.text(0, 1000, { optional: true })),
        ],
      },
      {
        base: { id: Object.values(w.enrolmentIds)[0], changes: { preferences: [PEOPLE.mktSenior] } },
        checkedAgainstStore: true,
        mutations: [together(['changes.preferences.0', 'nobody-by-this-id']), together(['changes.preferences.0', PEOPLE.engJunior])],
      },
    ],
  },
  decision('enrolments.approve', asIs((api, input) => api.enrolments.approve(input))),
  decision('enrolments.waitlist', asIs((api, input) => api.enrolments.waitlist(input))),
  decision('enrolments.decline', asIs((api, input) => api.enrolments.decline(input))),
  decision('enrolments.withdraw', asIs((api, input) => api.enrolments.withdraw(input))),

  // ----------------------------------------------------------------------------------- matches
  {
    name: 'matches.propose',
    actor: 'admin',
    run: asIs((api, input) => api.matches.propose(input)),
    cases: (w) => [
      {
        base: { programId: w.programId, origin: 'admin', mentorIds: [PEOPLE.mktJunior], menteeIds: [PEOPLE.engSenior], score: 3.5, reasons: [reason] },
        mutations: [field('programId', bad.id()), field('origin', fc.oneof(bad.enum(['admin', 'suggested'], { optional: true }), fc.constant('requested'))), ...proposalMutations('')],
      },
      {
        base: { programId: w.programId, mentorIds: [PEOPLE.mktJunior], menteeIds: [PEOPLE.engSenior] },
        checkedAgainstStore: true,
        mutations: [
          together(['mentorIds.0', PEOPLE.mktMid]),
          together(['menteeIds.0', PEOPLE.engLead]),
          together(['mentorIds.0', 'nobody-by-this-id']),
          // eng-junior reports to eng-senior: the same reporting line.
          together(['mentorIds.0', PEOPLE.engJunior], ['menteeIds.0', PEOPLE.engSenior]),
          together(['mentorIds', [PEOPLE.mktJunior, PEOPLE.engJunior]]),
          together(['menteeIds', [PEOPLE.engSenior, PEOPLE.engSenior]]),
        ],
      },
    ],
  },
  {
    name: 'matches.proposeMany',
    actor: 'admin',
    run: asIs((api, input) => api.matches.proposeMany(input)),
    cases: (w) => [
      {
        base: { programId: w.programId, origin: 'suggested', proposals: [{ mentorIds: [PEOPLE.mktJunior], menteeIds: [PEOPLE.engSenior], score: 3.5, reasons: [reason] }] },
        mutations: [
          field('programId', bad.id()),
          field('origin', fc.oneof(bad.enum(['admin', 'suggested'], { optional: true }), fc.constant('requested'))),
          field('proposals', bad.array({ mentorIds: ['a'], menteeIds: ['b'] }, 10_000, {}, 1)),
          field('proposals.0', bad.object()),
          ...proposalMutations('proposals.0.'),
        ],
      },
    ],
  },
  {
    name: 'matches.request',
    actor: 'mentee',
    run: asIs((api, input) => api.matches.request(input)),
    cases: (w) => [{ base: { programId: w.programId, mentorId: PEOPLE.mktJunior }, mutations: [field('programId', bad.id()), field('mentorId', bad.id())] }],
  },
  {
    name: 'matching.publish',
    actor: 'admin',
    run: asIs((api, input) => api.matching.publish(input)),
    cases: (w) => [
      {
        base: { programId: w.programId, pairs: [{ menteeId: PEOPLE.engSenior, mentorId: PEOPLE.mktJunior }], coLeads: [] },
        mutations: [
          field('programId', bad.id()),
          field('pairs', bad.array({ menteeId: 'a', mentorId: 'b' }, 10_000, {}, 1)),
          field('pairs.0', bad.object()),
          field('pairs.0.menteeId', bad.id()),
          field('pairs.0.mentorId', bad.id()),
          field('coLeads', bad.array(['a', 'b'], 5000, { optional: true })),
          together(['coLeads', [['only-one']]]),
        ],
      },
    ],
  },
  {
    name: 'matching.requestRanked',
    actor: 'mentee',
    run: asIs((api, input) => api.matching.requestRanked(input)),
    cases: (w) => [
      {
        base: { programId: w.programId, mentorIds: [PEOPLE.mktJunior] },
        mutations: [field('programId', bad.id()), field('mentorIds', bad.array('x', 10, {}, 1)), field('mentorIds.0', bad.id())],
      },
    ],
  },
  {
    name: 'matching.expireRequests',
    actor: 'admin',
    run: asIs((api, input) => api.matching.expireRequests(input)),
    cases: (w) => [{ base: { programId: w.programId }, mutations: [field('programId', bad.id())] }],
  },
  {
    name: 'matches.respond',
    actor: 'mentor',
    run: asIs((api, input) => api.matches.respond(input)),
    cases: (w) => [{ base: { matchId: w.matchId, accept: true }, mutations: [field('matchId', bad.id()), field('accept', bad.bool())] }],
  },
  {
    name: 'matches.decideTrial',
    actor: 'mentor',
    run: asIs((api, input) => api.matches.decideTrial(input)),
    cases: (w) => [{ base: { matchId: w.matchId, decision: 'continue' }, mutations: [field('matchId', bad.id()), field('decision', bad.enum(['continue', 'exit']))] }],
  },
  {
    name: 'matches.end',
    actor: 'mentor',
    run: asIs((api, input) => api.matches.end(input)),
    cases: (w) => [
      { base: { matchId: w.matchId, expectedVersion: 4, note: 'Moving to another team' }, mutations: [field('matchId', bad.id()), versionField, field('note', bad.text(1, 1000))] },
    ],
  },
  {
    name: 'matches.complete',
    actor: 'admin',
    run: asIs((api, input) => api.matches.complete(input)),
    cases: (w) => [{ base: { matchId: w.matchId, expectedVersion: 4 }, mutations: [field('matchId', bad.id()), versionField] }],
  },
  {
    name: 'matches.rematch',
    actor: 'admin',
    run: asIs((api, input) => api.matches.rematch(input)),
    cases: (w) => [
      {
        base: { matchId: w.matchId, mentorIds: [PEOPLE.mktJunior], menteeIds: [w.menteeId], score: null, reasons: [reason] },
        mutations: [field('matchId', bad.id()), ...proposalMutations('')],
      },
    ],
  },

  // -------------------------------------------------------------------------------- agreements
  {
    name: 'agreements.update',
    actor: 'mentor',
    run: asIs((api, input) => api.agreements.update(input)),
    cases: (w) => [
      {
        base: { agreementId: w.agreementId, expectedVersion: 1, content: agreementContentBase },
        mutations: [
          field('agreementId', bad.id()),
          versionField,
          field('content', bad.object()),
          field('content.goals', bad.phrases(20, 300)),
          field('content.goals.0', bad.text(1, 300)),
          field('content.meetingTerms', bad.text(1, 2000)),
          field('content.communicationStatement', bad.text(1, 2000)),
          field('content.confidentialityStatement', bad.text(1, 2000)),
          field('content.clauses', bad.array({ title: 'T', text: 'x' }, 20)),
          field('content.clauses.0', bad.object()),
          field('content.clauses.0.title', bad.text(1, 120)),
          field('content.clauses.0.text', bad.text(1, 2000)),
        ],
      },
    ],
  },
  agreementRef('agreements.send', asIs((api, input) => api.agreements.send(input))),
  agreementRef('agreements.returnToDraft', asIs((api, input) => api.agreements.returnToDraft(input))),
  {
    name: 'agreements.sign',
    actor: 'mentor',
    run: asIs((api, input) => api.agreements.sign(input)),
    cases: (w) => [{ base: { agreementId: w.agreementId, contentHash: HASH }, mutations: [field('agreementId', bad.id()), field('contentHash', bad.hash())] }],
  },
  agreementRef('agreements.amend', asIs((api, input) => api.agreements.amend(input))),

  // ---------------------------------------------------------------------------------- sessions
  {
    name: 'sessions.plan',
    actor: 'mentor',
    run: asIs((api, input) => api.sessions.plan(input)),
    cases: (w) => [
      {
        base: { matchId: w.matchId, scheduledAt: '2026-04-21T09:00:00+02:00', durationMinutes: 60, mode: 'video', location: 'Room 1', meetingLink: 'https://meet.example.com/abc', agenda: ['Intro'] },
        mutations: [
          field('matchId', bad.id()),
          field('scheduledAt', bad.timestamp()),
          field('durationMinutes', bad.int(5, 480, { optional: true })),
          field('mode', bad.enum(modes, { optional: true })),
          field('location', bad.text(0, 200, { optional: true })),
          field('meetingLink', bad.url({ optional: true, nullable: true })),
          field('agenda', bad.phrases(20, 500, { optional: true })),
          field('agenda.0', bad.text(1, 500)),
        ],
      },
    ],
  },
  {
    name: 'sessions.log',
    actor: 'mentor',
    run: asIs((api, input) => api.sessions.log(input)),
    cases: (w) => [
      {
        base: { sessionId: w.sessionId, expectedVersion: 1, sharedNotes: 'We tried reels.', topics: ['Reels'], learned: 'Patience', actionItems: [{ text: 'Post one reel', ownerId: w.menteeId, due: '2026-05-01' }] },
        mutations: [
          field('sessionId', bad.id()),
          versionField,
          field('sharedNotes', bad.text(0, 20000, { optional: true })),
          field('topics', bad.phrases(30, 120, { optional: true })),
          field('topics.0', bad.text(1, 120)),
          field('learned', bad.text(1, 2000, { optional: true })),
          field('actionItems', bad.array({ text: 'Do it', ownerId: w.menteeId }, 30, { optional: true })),
          field('actionItems.0', bad.object()),
          field('actionItems.0.text', bad.text(1, 500)),
          field('actionItems.0.ownerId', bad.id()),
          field('actionItems.0.due', bad.date({ optional: true, nullable: true })),
        ],
      },
      {
        base: { sessionId: w.sessionId, sharedNotes: 'Notes', actionItems: [{ text: 'Post one reel', ownerId: w.menteeId }, { text: 'Review', ownerId: w.mentorId }] },
        checkedAgainstStore: true,
        mutations: [together(['actionItems.0.ownerId', PEOPLE.engLead]), together(['actionItems.1.ownerId', 'nobody-by-this-id'])],
      },
    ],
  },
  {
    name: 'sessions.updateNotes',
    actor: 'mentor',
    run: asIs((api, input) => api.sessions.updateNotes(input)),
    cases: (w) => [
      {
        base: { sessionId: w.sessionId, expectedVersion: 1, sharedNotes: 'Updated notes', topics: ['Reels', 'Stories'] },
        mutations: [
          field('sessionId', bad.id()),
          versionField,
          field('sharedNotes', bad.text(0, 20000, { optional: true })),
          field('topics', bad.phrases(30, 120, { optional: true })),
          field('topics.1', bad.text(1, 120)),
        ],
      },
    ],
  },
  {
    name: 'sessions.reflect',
    actor: 'mentor',
    run: asIs((api, input) => api.sessions.reflect(input)),
    cases: (w) => [{ base: { sessionId: w.sessionId, learned: 'How budgets are made' }, mutations: [field('sessionId', bad.id()), field('learned', bad.text(1, 2000))] }],
  },
  {
    name: 'sessions.cancel',
    actor: 'mentor',
    run: asIs((api, input) => api.sessions.cancel(input)),
    cases: (w) => [
      { base: { sessionId: w.sessionId, expectedVersion: 1, reason: 'Ill' }, mutations: [field('sessionId', bad.id()), versionField, field('reason', bad.text(0, 500, { optional: true }))] },
    ],
  },
  {
    name: 'sessions.markMissed',
    actor: 'mentor',
    run: asIs((api, input) => api.sessions.markMissed(input)),
    cases: (w) => [{ base: { sessionId: w.sessionId, expectedVersion: 1 }, mutations: [field('sessionId', bad.id()), versionField] }],
  },
  {
    name: 'sessions.writePrivateNote',
    actor: 'mentor',
    run: asIs((api, input) => api.sessions.writePrivateNote(input)),
    cases: (w) => [
      { base: { sessionId: w.sessionId, expectedVersion: 1, text: 'Felt nervous' }, mutations: [field('sessionId', bad.id()), versionField, field('text', bad.text(0, 20000))] },
    ],
  },

  // ------------------------------------------------------------------------------ action items
  {
    name: 'actionItems.add',
    actor: 'mentor',
    run: asIs((api, input) => api.actionItems.add(input)),
    cases: (w) => [
      {
        base: { matchId: w.matchId, sessionId: w.sessionId, text: 'Share the deck', ownerId: w.mentorId, due: '2026-04-30' },
        mutations: [
          field('matchId', bad.id()),
          field('sessionId', bad.id({ optional: true, nullable: true })),
          field('text', bad.text(1, 500)),
          field('ownerId', bad.id()),
          field('due', bad.date({ optional: true, nullable: true })),
        ],
      },
      {
        base: { matchId: w.matchId, text: 'Share the deck', ownerId: w.mentorId },
        checkedAgainstStore: true,
        mutations: [together(['ownerId', PEOPLE.engLead]), together(['ownerId', 'nobody-by-this-id'])],
      },
    ],
  },
  {
    name: 'actionItems.update',
    actor: 'mentor',
    run: asIs((api, input) => api.actionItems.update(input)),
    cases: (w) => [
      {
        base: { id: w.actionItemId, expectedVersion: 1, text: 'Install the app today', ownerId: w.menteeId, due: null },
        mutations: [
          field('id', bad.id()),
          versionField,
          field('text', bad.text(1, 500, { optional: true })),
          field('ownerId', bad.id({ optional: true })),
          field('due', bad.date({ optional: true, nullable: true })),
        ],
      },
      { base: { id: w.actionItemId, text: 'Install the app today' }, checkedAgainstStore: true, mutations: [together(['ownerId', PEOPLE.mktLead])] },
    ],
  },
  {
    name: 'actionItems.setDone',
    actor: 'mentor',
    run: asIs((api, input) => api.actionItems.setDone(input)),
    cases: (w) => [{ base: { id: w.actionItemId, expectedVersion: 1, done: true }, mutations: [field('id', bad.id()), versionField, field('done', bad.bool())] }],
  },
];

/** A memory store that counts the transactions started on it. */
function countingStore(): Store & { transactions: number } {
  const inner = memoryStore();
  const store = {
    ...inner,
    transactions: 0,
    transaction: ((collections, mode, work, options) => {
      store.transactions++;
      return inner.transaction(collections, mode, work, options);
    }) as Store['transaction'],
  };
  return store;
}

function apiFor(world: World, actor: Command['actor']): Upward {
  if (actor === 'admin') return world.admin;
  return world.as(actor === 'mentor' ? world.mentorId : world.menteeId);
}

/** `a` and `b` are the same field, one contains the other, or they are siblings (cross-field rules). */
function related(issuePath: string, brokenPath: string): boolean {
  if (brokenPath === '' || issuePath === '') return true;
  const a = issuePath.split('.');
  const b = brokenPath.split('.');
  const n = Math.min(a.length, b.length);
  if (a.slice(0, n).join('.') === b.slice(0, n).join('.')) return true;
  return a.length === b.length && a.slice(0, -1).join('.') === b.slice(0, -1).join('.');
}

function assertRejected(error: unknown, input: unknown, paths: string[]): void {
  const where = `input ${show(input)} (broken at ${paths.map((p) => p || '<whole input>').join(', ')})`;
  if (error === undefined) throw new Error(`accepted a bad ${where}`);
  const e = error as Partial<ValidationError>;
  if (e.code !== 'validation' || !(error instanceof ValidationError)) {
    throw new Error(`expected a ValidationError for ${where}, got ${String((error as Error)?.name)} ${String((error as Error)?.message)}`);
  }
  const issues = e.issues ?? [];
  expect(issues.length, `issues for ${where}`).to.be.greaterThan(0);
  for (const issue of issues) {
    expect(issue.path, `issue path for ${where}`).to.be.a('string');
    expect(issue.message, `issue message for ${where}`).to.be.a('string');
    expect(issue.message.trim(), `issue message for ${where}`).to.not.equal('');
    expect(issue.message, `issue message for ${where}`).to.not.match(/^Invalid input$|\[object |undefined|NaN/);
  }
  if (!issues.some((i) => paths.some((p) => related(i.path, p)))) {
    throw new Error(`no issue points at a broken field for ${where}: ${JSON.stringify(issues)}`);
  }
}

describe('bad inputs: every write command rejects them with a ValidationError and stores nothing', function () {
  this.timeout(120_000);

  it('covers every write command of the Upward interface', async () => {
    const world = await seedWorld(memoryStore());
    const readOnly = new Set(['get', 'list', 'me', 'mine', 'readPrivateNote', 'suggest', 'explain', 'suggestions']);
    const apis = ['programs', 'people', 'enrolments', 'matches', 'matching', 'agreements', 'sessions', 'actionItems'] as const;
    const writes = apis.flatMap((api) => Object.keys(world.admin[api]).filter((m) => !readOnly.has(m)).map((m) => `${api}.${m}`));
    expect(commands.map((c) => c.name).sort()).to.deep.equal(writes.sort());
  });

  it('starts from base inputs that pass validation (so each rejection comes from the broken field)', async () => {
    for (const command of commands) {
      const caseCount = command.cases(await seedWorld(memoryStore())).length;
      for (let i = 0; i < caseCount; i++) {
        // A fresh world per base input: running one may change what the next one needs.
        const world = await seedWorld(memoryStore());
        const { base } = command.cases(world)[i]!;
        const error: unknown = await command.run(apiFor(world, command.actor), structuredClone(base)).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (error instanceof ValidationError) throw new Error(`${command.name}: base input ${show(base)} is invalid: ${error.message}`);
      }
    }
  });

  for (const command of commands) {
    it(`${command.name}: ${NUM_RUNS} bad inputs`, async () => {
      const store = countingStore();
      const world = await seedWorld(store);
      const api = apiFor(world, command.actor);
      let changes = 0;
      const unsubscribe = world.store.subscribe((c) => (changes += c.length));
      try {
        await fc.assert(
          fc.asyncProperty(badInputs(command.cases(world)), async ({ input, paths, checkedAgainstStore }) => {
            // Compared with the state right before this run, so a shrunk counterexample is one that really stores.
            const before = JSON.stringify(await snapshot(world.store));
            changes = 0;
            const transactions = store.transactions;
            const error: unknown = await command.run(api, input).then(
              () => undefined,
              (e: unknown) => e,
            );
            assertRejected(error, input, paths);
            // Input validation happens before storage is touched at all.
            if (!checkedAgainstStore && store.transactions !== transactions) throw new Error(`${command.name} reached the store before rejecting ${show(input)}`);
            const after = JSON.stringify(await snapshot(world.store));
            if (after !== before || changes !== 0) throw new Error(`${command.name} stored something for ${show(input)}`);
          }),
          { numRuns: NUM_RUNS, includeErrorInReport: true },
        );
      } finally {
        unsubscribe();
      }
    });
  }
});

describe('bad inputs: every hand-picked malformed value, one by one', () => {
  const probes: { kind: keyof typeof MALFORMED; via: string; actor: Command['actor']; run(api: Upward, w: World, value: string): Promise<unknown> }[] = [
    { kind: 'email', via: 'people.upsert email', actor: 'admin', run: (api, _w, email) => api.people.upsert({ ...personBase, email }) },
    { kind: 'timeZone', via: 'people.upsert timeZone', actor: 'admin', run: (api, _w, timeZone) => api.people.upsert({ ...personBase, timeZone }) },
    { kind: 'languageCode', via: 'people.upsert languages', actor: 'admin', run: (api, _w, code) => api.people.upsert({ ...personBase, languages: ['en', code] }) },
    { kind: 'timestamp', via: 'sessions.plan scheduledAt', actor: 'mentor', run: (api, w, scheduledAt) => api.sessions.plan({ matchId: w.matchId, scheduledAt }) },
    { kind: 'date', via: 'actionItems.add due', actor: 'mentor', run: (api, w, due) => api.actionItems.add({ matchId: w.matchId, text: 'Do it', ownerId: w.mentorId, due }) },
    { kind: 'date', via: 'programs.create kickoffDate', actor: 'admin', run: (api, _w, kickoffDate) => api.programs.create({ ...programInput, kickoffDate }) },
    {
      kind: 'url',
      via: 'sessions.plan meetingLink',
      actor: 'mentor',
      run: (api, w, meetingLink) => api.sessions.plan({ matchId: w.matchId, scheduledAt: '2026-04-21T09:00:00Z', meetingLink }),
    },
    {
      kind: 'url',
      via: 'programs.create playbook.trainings.0.link',
      actor: 'admin',
      run: (api, _w, link) => api.programs.create({ ...programInput, playbook: { ...programInput.playbook, trainings: [{ title: 'T', link }] } }),
    },
  ];

  for (const probe of probes) {
    it(`${probe.kind} via ${probe.via}: ${MALFORMED[probe.kind].length} values`, async () => {
      const world = await seedWorld(memoryStore());
      const api = apiFor(world, probe.actor);
      const before = JSON.stringify(await snapshot(world.store));
      const wrong: string[] = [];
      for (const value of MALFORMED[probe.kind]) {
        const error: unknown = await probe.run(api, world, value).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (!(error instanceof ValidationError)) wrong.push(`${JSON.stringify(value)} → ${error === undefined ? 'accepted' : String(error)}`);
      }
      expect(wrong).to.deep.equal([]);
      expect(JSON.stringify(await snapshot(world.store))).to.equal(before);
    });
  }

  // Regression: Chromium's URL parser accepts a host with a space, which Node's rejects.
  it('WebLink rejects a host with a space in every engine (https://exa mple.com)', async () => {
    const world = await seedWorld(memoryStore());
    const mentor = apiFor(world, 'mentor');
    for (const meetingLink of ['https://exa mple.com', 'http://my host/page']) {
      const error = await mentor.sessions.plan({ matchId: world.matchId, scheduledAt: '2026-04-21T09:00:00Z', meetingLink }).catch((e: unknown) => e);
      expect(error, meetingLink).to.be.instanceOf(ValidationError);
    }
  });
});
