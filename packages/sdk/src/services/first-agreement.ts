/**
 * The first agreement of a match, drafted from the program's template when the match is
 * accepted. Apart from the agreements service so that accepting a match (the matches service)
 * does not load the whole agreements service with it.
 */
import type { Agreement, Match, Program } from '../domain/index.ts';
import type { Repository } from './repository.ts';

function describeCadence(program: Program): string {
  const { cadence, sessionMinutes, meetingModes, where } = program.playbook;
  const every = cadence.every === 1 ? `every ${cadence.unit}` : `every ${cadence.every} ${cadence.unit}s`;
  const modes = meetingModes.join(' or ');
  return `We meet ${every} for ${sessionMinutes} minutes, ${modes}${where ? `, at ${where}` : ''}, from ${program.kickoffDate} to ${program.endDate}.`;
}

/** The first agreement of a freshly accepted match, from the program's template. */
export async function draftFirstAgreement(repo: Repository, ids: () => string, match: Match, program: Program): Promise<Agreement> {
  const goals = [...program.goals];
  for (const member of match.members.filter((m) => m.role === 'mentee')) {
    const [enrolment] = await repo.query('enrolments', 'programPerson', [program.id, member.personId]);
    for (const goal of enrolment?.goals ?? []) if (!goals.some((g) => g.toLowerCase() === goal.toLowerCase())) goals.push(goal);
  }
  const template = program.agreementTemplate;
  return repo.insert('agreements', {
    id: ids(),
    matchId: match.id,
    programId: program.id,
    number: 1,
    status: 'draft',
    content: {
      goals: goals.slice(0, 20),
      meetingTerms: describeCadence(program),
      communicationStatement: template.communicationStatement,
      confidentialityStatement: template.confidentialityStatement,
      clauses: template.clauses,
    },
    contentHash: null,
    signerIds: match.memberIds,
    signatures: [],
  });
}
