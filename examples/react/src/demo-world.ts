/**
 * A small in-memory world for the React example, built through the SDK's public API the way an
 * HR team would: three people, a program from the "digital strategy" playbook, a mentor and a
 * mentee who enrolled and were approved, and the match between them accepted by both. Reloading
 * the page starts again (the memory store keeps nothing).
 */
import { createUpward, programFromPlaybook, type PersonInput, type Upward } from '@upward/sdk';
import { memoryStore } from '@upward/sdk/storage/memory';

export type Who = 'mentor' | 'mentee';

const people = {
  admin: { id: 'E0014', name: 'Isla Wilson', email: 'isla.wilson@northwind.example', title: 'Head of Talent Acquisition', department: 'People & Culture', level: 7, managerId: null, timeZone: 'Europe/London', languages: ['en'] },
  mentor: { id: 'E0018', name: 'Rahul Mehta', email: 'rahul.mehta@northwind.example', title: 'Junior Frontend Engineer', department: 'Engineering', level: 2, managerId: null, timeZone: 'Asia/Kolkata', languages: ['en', 'hi'], skills: ['TikTok', 'Notion'] },
  mentee: { id: 'E0149', name: 'Brandon Chen', email: 'brandon.chen@northwind.example', title: 'VP Marketing', department: 'Marketing', level: 8, managerId: null, timeZone: 'America/New_York', languages: ['en', 'zh'] },
} satisfies Record<string, PersonInput>;

export interface DemoWorld {
  clientFor(who: Who): Upward;
  names: Record<Who, string>;
  matchId: string;
}

export async function createDemoWorld(): Promise<DemoWorld> {
  const store = memoryStore();
  const as = (personId: string, isAdmin = false) => createUpward({ store, actor: { personId, isAdmin } });
  const hr = as(people.admin.id, true);
  for (const person of Object.values(people)) await hr.people.upsert(person);

  const program = await hr.programs.create(
    programFromPlaybook('digital-strategy', { kickoffDate: '2027-01-11', endDate: '2027-06-30' }, { name: 'Digital Leaders 2027' }),
  );
  await hr.programs.openEnrolment({ id: program.id });
  for (const [who, skill] of [['mentor', 'TikTok'], ['mentee', 'TikTok']] as const) {
    const person = people[who];
    const enrolment = await as(person.id).enrolments.enrol({
      programId: program.id,
      personId: person.id,
      role: who,
      skills: [{ skill, proficiency: who === 'mentor' ? 4 : 1 }],
      goals: [who === 'mentor' ? 'See how leadership decides' : 'Post one short video a month'],
      consent: true,
    });
    await hr.enrolments.approve({ id: enrolment.id });
  }
  await hr.programs.startMatching({ id: program.id });
  const match = await hr.matches.propose({ programId: program.id, mentorIds: [people.mentor.id], menteeIds: [people.mentee.id] });
  await hr.programs.launch({ id: program.id });
  for (const who of ['mentor', 'mentee'] as const) await as(people[who].id).matches.respond({ matchId: match.id, accept: true });

  const clients = { mentor: as(people.mentor.id), mentee: as(people.mentee.id) };
  return { clientFor: (who) => clients[who], names: { mentor: people.mentor.name, mentee: people.mentee.name }, matchId: match.id };
}
