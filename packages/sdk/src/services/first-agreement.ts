/**
 * The first agreement of a match, drafted from the program's template when the match is
 * accepted. Apart from the agreements service so that accepting a match (the matches service)
 * does not load the whole agreements service with it.
 */
import type { Agreement, ContentLanguage, Match, MeetingMode, Program } from '../domain/index.ts';
import type { Repository } from './repository.ts';

type Cadence = Program['playbook']['cadence'];

/** The words of "when and where we meet", in each language a program can be written in. */
const terms: Record<ContentLanguage, { every: (c: Cadence) => string; modes: Record<MeetingMode, string>; sentence: (t: Record<'every' | 'minutes' | 'modes' | 'from' | 'to', string>) => string; where: (place: string) => string }> = {
  en: {
    every: ({ every, unit }) => (every === 1 ? `every ${unit}` : `every ${every} ${unit}s`),
    modes: { 'in-person': 'in person', video: 'by video', phone: 'by phone' },
    sentence: (t) => `We meet ${t.every} for ${t.minutes} minutes, ${t.modes}, from ${t.from} to ${t.to}.`,
    where: (place) => `Where we meet in person: ${place}.`,
  },
  de: {
    every: ({ every, unit }) => (unit === 'week' ? (every === 1 ? 'jede Woche' : `alle ${every} Wochen`) : every === 1 ? 'jeden Monat' : `alle ${every} Monate`),
    modes: { 'in-person': 'persönlich', video: 'per Video', phone: 'per Telefon' },
    sentence: (t) => `Wir treffen uns ${t.every} für ${t.minutes} Minuten, ${t.modes}, vom ${t.from} bis zum ${t.to}.`,
    where: (place) => `Wo wir uns persönlich treffen: ${place}.`,
  },
};

/** "When and where we meet", from the playbook, in the program's language (it is the program's text, not the reader's). */
export function describeMeetings(program: Pick<Program, 'language' | 'playbook' | 'kickoffDate' | 'endDate'>): string {
  const { cadence, sessionMinutes, meetingModes, where } = program.playbook;
  const words = terms[program.language];
  // A calendar date, so formatted in UTC: in any other zone midnight could fall on the day before.
  const date = new Intl.DateTimeFormat(program.language, { dateStyle: 'long', timeZone: 'UTC' });
  const day = (iso: string) => date.format(new Date(`${iso}T00:00:00Z`));
  const modes = new Intl.ListFormat(program.language, { type: 'disjunction' }).format(meetingModes.map((m) => words.modes[m]));
  const sentence = words.sentence({ every: words.every(cadence), minutes: String(sessionMinutes), modes, from: day(program.kickoffDate), to: day(program.endDate) });
  // Where to meet in person says nothing to a pair that never meets in person.
  const place = meetingModes.includes('in-person') ? where.replace(/[.!]+$/, '') : '';
  return place ? `${sentence} ${words.where(place)}` : sentence;
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
    language: program.language,
    content: {
      goals: goals.slice(0, 20),
      meetingTerms: describeMeetings(program),
      communicationStatement: template.communicationStatement,
      confidentialityStatement: template.confidentialityStatement,
      clauses: template.clauses,
    },
    contentHash: null,
    signerIds: match.memberIds,
    signatures: [],
  });
}
