// A portal builder's first hour with @upward/sdk, in one script: create a program from a ready
// playbook, import the HR system's export, let people enrol, approve them, match them with the
// engine (reading why each pair was made, and why another was impossible), publish the pairs and
// print where the program stands. Run it with `pnpm start` from the repository root.
import { readFile } from 'node:fs/promises';
import { createUpward, programFromPlaybook, type Person } from '@upward/sdk';
import { memoryStore } from '@upward/sdk/storage/memory';

// In Node the SDK runs over the in-memory store; in a browser, `indexedDbStore` keeps the same
// data across reloads, and on a server the PostgreSQL store shares it between everyone.
const store = memoryStore();
const hr = createUpward({ store, actor: { personId: 'hr-admin', isAdmin: true } });

// 1. The directory, from an HRIS export. Good rows land together; bad rows are reported.
const csv = await readFile(new URL('./sample-org.csv', import.meta.url), 'utf8');
const report = await hr.people.import({ format: 'csv', data: csv });
console.log(`Imported ${report.created} people (${report.errors.length} rows rejected).`);
for (const { row, issues } of report.errors) console.log(`  line ${row}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);

// 2. A program from the "digital strategy" playbook, with a champion from People & Culture.
const people = await hr.people.list();
const champion = people.find((p) => p.department === 'People & Culture' && p.level >= 6)!;
const program = await hr.programs.create(
  programFromPlaybook(
    'digital-strategy',
    { kickoffDate: '2027-01-11', endDate: '2027-06-30' },
    { name: 'Northwind Digital Leaders 2027', championIds: [champion.id] },
  ),
);
await hr.programs.openEnrolment({ id: program.id });
console.log(`\nProgram "${program.name}" (${program.purpose}), champion ${champion.name}.`);

// 3. People enrol themselves: early-career colleagues as mentors, senior leaders as mentees.
const REVERSE_SKILLS = /tiktok|instagram|linkedin|generative ai|prompt|power bi|python|figma|notion|short-form|gen z|data visual|remote|accessibility|gaming|slack/i;
const isMentor = (p: Person) => p.level <= 3 && p.skills.some((s) => REVERSE_SKILLS.test(s));
const isMentee = (p: Person) => p.level >= 7;

for (const person of people.filter((p) => isMentor(p) || isMentee(p))) {
  const me = createUpward({ store, actor: { personId: person.id } });
  const mentor = isMentor(person);
  const skills = mentor ? person.skills.filter((s) => REVERSE_SKILLS.test(s)) : ['Generative AI tools', 'LinkedIn personal branding'];
  const enrolment = await me.enrolments.enrol({
    programId: program.id,
    personId: person.id,
    role: mentor ? 'mentor' : 'mentee',
    skills: skills.map((skill) => ({ skill, proficiency: mentor ? 4 : 1 })),
    goals: mentor ? ['Get to know how leadership thinks'] : ['Use one new digital tool every week'],
    capacity: mentor ? 2 : 1,
    consent: true,
  });
  // The admin reviews and approves each application.
  await hr.enrolments.approve({ id: enrolment.id });
}
await hr.programs.startMatching({ id: program.id });

// 4. Where the program stands.
const state = await hr.programs.get(program.id);
const enrolments = await hr.enrolments.list({ programId: program.id });
const count = (role: string) => enrolments.filter((e) => e.role === role && e.status === 'approved').length;
const places = enrolments.filter((e) => e.role === 'mentor').reduce((sum, e) => sum + e.capacity, 0);
const byDepartment = new Map<string, number>();
for (const e of enrolments) {
  const dept = people.find((p) => p.id === e.personId)!.department;
  byDepartment.set(dept, (byDepartment.get(dept) ?? 0) + 1);
}
console.log(`\nPhase: ${state.phase}`);
console.log(`Mentors approved: ${count('mentor')} (${places} places)   Mentees approved: ${count('mentee')}`);
console.log('Enrolled by department:');
for (const [dept, n] of [...byDepartment].sort((a, b) => b[1] - a[1])) console.log(`  ${dept.padEnd(20)} ${n}`);
console.log(`\nPlaybook: every ${state.playbook.cadence.every} ${state.playbook.cadence.unit}s, ${state.playbook.sessionMinutes} min; talking points:`);
for (const t of state.playbook.talkingPoints) console.log(`  - ${t}`);

// 5. Matching: the engine's optimal proposal, with the reasons behind every pair.
const proposal = await hr.matching.suggest({ programId: program.id });
const nameOf = (id: string) => people.find((p) => p.id === id)!.name;
console.log(`\nThe engine proposes ${proposal.pairs.length} pairs (total score ${proposal.total}, ${proposal.strategy}, ${proposal.objective}).`);
for (const pair of proposal.pairs.slice(0, 3)) {
  console.log(`  ${nameOf(pair.mentorId)} mentors ${nameOf(pair.menteeId)}: ${pair.score} points`);
  for (const reason of pair.reasons.filter((r) => r.points > 0)) console.log(`    +${String(reason.points).padStart(3)}  ${reason.text}`);
}
for (const left of proposal.unmatched.slice(0, 3)) console.log(`  Not matched: ${nameOf(left.menteeId)}: ${left.message}`);

// "Why not?": a mentee and someone in their own reporting line can never be paired.
const mentee = proposal.pairs[0]!.menteeId;
const sameLine = people.find((p) => p.managerId === mentee && isMentor(p)) ?? people.find((p) => isMentor(p) && p.department === people.find((q) => q.id === mentee)!.department)!;
const whyNot = await hr.matching.explain({ programId: program.id, menteeId: mentee, mentorId: sameLine.id });
console.log(`\nWhy not ${sameLine.name} for ${nameOf(mentee)}?`);
if (whyNot.allowed) console.log(`  They could be paired (${whyNot.score} points); the engine found a better total elsewhere.`);
else for (const v of whyNot.violations) console.log(`  ${v.rule}: ${v.message}`);

// 6. Publish: every pair becomes a proposed match that both people accept or decline.
const matches = await hr.matching.publish({ programId: program.id, pairs: proposal.pairs.map(({ menteeId, mentorId }) => ({ menteeId, mentorId })) });
console.log(`\nPublished ${matches.length} proposed matches; each member now accepts or declines.`);
