// The matching engine's explanations in the reader's language: every factor, rule and kind of
// unmatched mentee said in German from the details the SDK sends, the SDK's own English kept in
// English, and the English kept wherever the details cannot be read (stored reasons, a newer
// server's factor or rule, details of another shape).
import { expect } from '@open-wc/testing';
import { sayReason, sayUnmatched } from '../../src/internal/matching-words.ts';
import { sayViolation } from '../../src/internal/rule-words.ts';
import { setUpwardLocale } from '../../src/internal/localization.ts';

const reason = (factor: string, details: unknown) => sayReason({ factor, details, text: `(English of ${factor})` });
const rule = (id: string, details: unknown) => sayViolation({ rule: id, details, message: `(English of ${id})` });
const unmatched = (why: string, details: unknown) => sayUnmatched({ why, details, message: `(English of ${why})` });

describe('matching words', () => {
  afterEach(() => setUpwardLocale('en'));

  it('says each factor of a score in German from its details, with plurals, lists, durations and language names', async () => {
    await setUpwardLocale('de');
    const skills = (sought: number, taught: string[]) => reason('skills', { mentee: 'Sam Lindqvist', sought, taught });
    expect(skills(0, [])).to.equal('Sam Lindqvist hat keine Lernwünsche angegeben.');
    expect(skills(1, [])).to.equal('Vermittelt nicht die einzige Fähigkeit, die Sam Lindqvist lernen möchte.');
    expect(skills(3, [])).to.equal('Vermittelt keine der 3 Fähigkeiten, die Sam Lindqvist lernen möchte.');
    expect(skills(1, ['TikTok'])).to.equal('Vermittelt die einzige Fähigkeit, die Sam Lindqvist lernen möchte: TikTok.');
    expect(skills(3, ['TikTok', 'Power BI'])).to.equal('Vermittelt 2 der 3 Fähigkeiten, die Sam Lindqvist lernen möchte: TikTok und Power BI.');

    const topics = (goals: number, shared: string[]) => reason('topics', { mentee: 'Dana Okafor', goals, shared });
    expect(topics(0, [])).to.equal('Dana Okafor hat keine Ziele angegeben.');
    expect(topics(1, [])).to.equal('Deckt das einzige Ziel von Dana Okafor nicht ab.');
    expect(topics(4, [])).to.equal('Deckt keines der 4 Ziele von Dana Okafor ab.');
    expect(topics(1, ['Post once a week'])).to.equal('Deckt das einzige Ziel von Dana Okafor ab: Post once a week.');
    expect(topics(4, ['A', 'B', 'C'])).to.equal('Deckt 3 der 4 Ziele von Dana Okafor ab: A, B und C.');

    expect(reason('availability', { minutes: 0 })).to.equal('In der Woche gibt es keine gemeinsame freie Zeit.');
    expect(reason('availability', { minutes: 45 })).to.equal('Beide sind 45 Minuten pro Woche gleichzeitig frei.');
    expect(reason('availability', { minutes: 60 })).to.equal('Beide sind 1 Stunde pro Woche gleichzeitig frei.');
    expect(reason('availability', { minutes: 210 })).to.equal('Beide sind 3 Stunden und 30 Minuten pro Woche gleichzeitig frei.');

    expect(reason('timeZone', { hours: 0, zones: ['Europe/Berlin'] })).to.equal('Kein Zeitunterschied (Europe/Berlin).');
    expect(reason('timeZone', { hours: 1, zones: ['Europe/Berlin', 'Europe/London'] })).to.equal('1 Stunde Zeitunterschied (Europe/Berlin und Europe/London).');
    expect(reason('timeZone', { hours: 4.5, zones: ['Asia/Kolkata', 'Europe/Berlin'] })).to.equal(
      '4 Stunden und 30 Minuten Zeitunterschied (Asia/Kolkata und Europe/Berlin).',
    );

    expect(reason('language', { shared: ['de', 'en'] })).to.equal('Beide sprechen Deutsch und Englisch.');
    expect(reason('language', { shared: [] })).to.equal('Keine gemeinsame Sprache.');

    const departments = (mode: string, same: boolean, pair: string[]) => reason('crossDepartment', { mode, same, departments: pair });
    expect(departments('ignore', true, ['Sales', 'Sales'])).to.equal('Abteilungen spielen in diesem Programm keine Rolle.');
    expect(departments('required', false, ['Sales', 'Engineering'])).to.equal('Verschiedene Abteilungen (Sales und Engineering), wie es das Programm verlangt.');
    expect(departments('preferred', true, ['Sales', 'Sales'])).to.equal('Dieselbe Abteilung (Sales); das Programm bevorzugt Paare über Abteilungen hinweg.');
    expect(departments('preferred', false, ['Sales', 'Engineering'])).to.equal('Verschiedene Abteilungen (Sales und Engineering).');

    const gap = (g: number, min: number, max: number) => reason('levelGap', { mentee: 'Sam Lindqvist', mentor: 'Ben Carter', gap: g, min, max });
    expect(gap(5, 3, 7)).to.equal('Ben Carter steht 5 Stufen unter Sam Lindqvist (im Programm erlaubt: 3 bis 7 Stufen).');
    expect(gap(1, 1, 1)).to.equal('Ben Carter steht eine Stufe unter Sam Lindqvist (im Programm verlangt: eine Stufe).');
    expect(gap(0, 0, 2)).to.equal('Ben Carter steht auf derselben Stufe wie Sam Lindqvist (im Programm erlaubt: 0 bis 2 Stufen).');
    expect(gap(-1, 0, 2)).to.equal('Ben Carter steht eine Stufe über Sam Lindqvist (im Programm erlaubt: 0 bis 2 Stufen).');
    expect(gap(-2, 0, 2)).to.equal('Ben Carter steht 2 Stufen über Sam Lindqvist (im Programm erlaubt: 0 bis 2 Stufen).');

    expect(reason('preference', { rankings: [] })).to.equal('Keine der beiden Personen hat die andere in ihre Rangliste aufgenommen.');
    expect(
      reason('preference', {
        rankings: [
          { by: 'Sam Lindqvist', of: 'Ben Carter', rank: 1, listed: 3 },
          { by: 'Ben Carter', of: 'Sam Lindqvist', rank: 2, listed: 2 },
        ],
      }),
    ).to.equal('Sam Lindqvist hat Ben Carter in der Rangliste auf Position 1 von 3 gesetzt. Ben Carter hat Sam Lindqvist in der Rangliste auf Position 2 von 2 gesetzt.');
  });

  it('says each pairing rule in German from its details', async () => {
    await setUpwardLocale('de');
    const pair = { mentee: 'Dana Okafor', mentor: 'Ben Carter' };
    expect(rule('same-person', { person: 'Sam Lindqvist' })).to.equal('Sam Lindqvist kann nicht mit sich selbst ein Paar bilden.');
    expect(rule('role', { person: 'Sam Lindqvist', role: 'mentor' })).to.equal('Sam Lindqvist ist in diesem Programm nicht als Mentorin oder Mentor bestätigt.');
    expect(rule('role', { person: 'Sam Lindqvist', role: 'mentee' })).to.equal('Sam Lindqvist ist in diesem Programm nicht als Mentee bestätigt.');
    expect(rule('level-limit', { person: 'Anna Schmidt', role: 'mentor', level: 6, limit: 4 })).to.equal(
      'Anna Schmidt steht auf Stufe 6; Mentorinnen und Mentoren dürfen in diesem Programm höchstens auf Stufe 4 stehen.',
    );
    expect(rule('level-limit', { person: 'Anna Schmidt', role: 'mentee', level: 2, limit: 5 })).to.equal(
      'Anna Schmidt steht auf Stufe 2; Mentees müssen in diesem Programm mindestens auf Stufe 5 stehen.',
    );
    expect(rule('level-gap', { ...pair, gap: 8, min: 3, max: 7 })).to.equal(
      'Ben Carter steht 8 Stufen unter Dana Okafor; die Mentorin oder der Mentor muss 3 bis 7 Stufen unter der oder dem Mentee stehen.',
    );
    expect(rule('level-gap', { ...pair, gap: -1, min: 1, max: 1 })).to.equal(
      'Ben Carter steht eine Stufe über Dana Okafor; die Mentorin oder der Mentor muss genau eine Stufe unter der oder dem Mentee stehen.',
    );
    expect(rule('level-gap', { ...pair, gap: 0, min: 2, max: 2 })).to.equal(
      'Ben Carter steht auf derselben Stufe wie Dana Okafor; die Mentorin oder der Mentor muss genau 2 Stufen unter der oder dem Mentee stehen.',
    );
    const chain = (distance: number) => rule('reporting-chain', { above: 'Morgan Reyes', below: 'Anna Schmidt', distance });
    const line = 'das Programm bringt keine Personen aus derselben Berichtslinie zusammen.';
    expect(chain(1)).to.equal(`Morgan Reyes ist die direkte Führungskraft von Anna Schmidt; ${line}`);
    expect(chain(2)).to.equal(`Morgan Reyes ist die Führungskraft der Führungskraft von Anna Schmidt; ${line}`);
    expect(chain(3)).to.equal(`Morgan Reyes steht in der Berichtslinie über Anna Schmidt; ${line}`);
    expect(rule('previous-pair', pair)).to.equal('Dana Okafor und Ben Carter waren in diesem Programm bereits ein Paar.');
    expect(rule('excluded', pair)).to.equal('Die HR-Administration hat das Paar Dana Okafor und Ben Carter ausgeschlossen.');
    expect(rule('shared-language', { ...pair, menteeLanguages: ['en', 'hi'], mentorLanguages: [] })).to.equal(
      'Dana Okafor (Englisch und Hindi) und Ben Carter (keine Sprache angegeben) haben keine gemeinsame Sprache.',
    );
    expect(rule('cross-department', { ...pair, department: 'Marketing' })).to.equal(
      'Dana Okafor und Ben Carter arbeiten beide in der Abteilung Marketing; dieses Programm verlangt Paare aus verschiedenen Abteilungen.',
    );
    expect(rule('capacity-full', { mentor: 'Ben Carter', capacity: 0 })).to.equal('Ben Carter hat keinen freien Platz.');
    expect(rule('level-gap', { mentee: 'Sam Lindqvist', mentor: 'Ben Carter', gap: 0, min: 0, max: 0 })).to.equal(
      'Ben Carter steht auf derselben Stufe wie Sam Lindqvist; die Mentorin oder der Mentor muss auf derselben Stufe wie die oder der Mentee stehen.',
    );
    expect(rule('capacity-full', { mentor: 'Ben Carter', capacity: 1 })).to.equal('Der einzige Platz bei Ben Carter ist vergeben.');
    expect(rule('capacity-full', { mentor: 'Ben Carter', capacity: 3 })).to.equal('Alle 3 Plätze bei Ben Carter sind vergeben.');
  });

  it('says in German why a mentee is unmatched, counting the mentors each rule ruled out', async () => {
    await setUpwardLocale('de');
    const none = (mentors: number, blockedBy: object) => unmatched('no-allowed-mentor', { mentee: 'Priya Nair', mentors, blockedBy });
    expect(none(0, {})).to.equal('In diesem Programm gibt es keine Mentorinnen oder Mentoren für Priya Nair.');
    expect(none(3, {})).to.equal('Nach den Regeln des Programms kommt für Priya Nair keine Mentorin und kein Mentor infrage.');
    const every = {
      'capacity-full': 1,
      'same-person': 2,
      role: 3,
      'level-limit': 4,
      'level-gap': 5,
      'reporting-chain': 6,
      'previous-pair': 7,
      excluded: 8,
      'shared-language': 9,
      'cross-department': 10,
    };
    expect(none(55, every)).to.equal(
      'Nach den Regeln des Programms kommt für Priya Nair keine Mentorin und kein Mentor infrage: ' +
        '10 aus derselben Abteilung, 9 ohne gemeinsame Sprache, 8 von der HR-Administration ausgeschlossen, ' +
        '7 schon früher mit der Person zusammengebracht, 6 in derselben Berichtslinie, 5 außerhalb des Stufenabstands, ' +
        '4 außerhalb der Stufengrenzen, 3 nicht als Mentorin oder Mentor bestätigt, 2 (die Person selbst) und 1 ohne freie Plätze.',
    );
    // A rule of a newer server drops out of the list; what is left is still true.
    expect(none(7, { 'shared-language': 1, 'same-team': 4, 'reporting-chain': 2 })).to.equal(
      'Nach den Regeln des Programms kommt für Priya Nair keine Mentorin und kein Mentor infrage: 2 in derselben Berichtslinie und 1 ohne gemeinsame Sprache.',
    );

    const taken = (allowed: number, decidedBy: string) => unmatched('capacity-taken', { mentee: 'Priya Nair', allowed, decidedBy });
    expect(taken(2, 'rankings')).to.equal(
      'Alle Mentorinnen und Mentoren auf der Rangliste von Priya Nair haben ihre Plätze an Mentees vergeben, die sie selbst weiter oben eingereiht haben.',
    );
    const gone = 'doch ihre Plätze gingen an andere Mentees';
    expect(taken(1, 'maxweight')).to.equal(`Für Priya Nair kommt eine Person als Mentorin oder Mentor infrage, ${gone}: Die höchste Gesamtpunktzahl ergibt sich ohne Priya Nair.`);
    expect(taken(2, 'maxweight')).to.equal(`Für Priya Nair kommen 2 Personen als Mentorin oder Mentor infrage, ${gone}: Die höchste Gesamtpunktzahl ergibt sich ohne Priya Nair.`);
    const most = 'Bei möglichst vielen Paaren mit der höchsten Gesamtpunktzahl bleibt Priya Nair außen vor.';
    expect(taken(1, 'maxcard')).to.equal(`Für Priya Nair kommt eine Person als Mentorin oder Mentor infrage, ${gone}: ${most}`);
    expect(taken(3, 'maxcard')).to.equal(`Für Priya Nair kommen 3 Personen als Mentorin oder Mentor infrage, ${gone}: ${most}`);
  });

  it('says "Sie" to the mentee who reads about themselves, and names everyone else', async () => {
    await setUpwardLocale('de');
    const skills = { factor: 'skills', text: '(English)', details: { mentee: 'Sam Lindqvist', sought: 2, taught: ['TikTok'] } };
    expect(sayReason(skills, 'Sam Lindqvist')).to.equal('Vermittelt 1 der 2 Fähigkeiten, die Sie lernen möchten: TikTok.');
    expect(sayReason(skills, 'Dana Okafor')).to.equal('Vermittelt 1 der 2 Fähigkeiten, die Sam Lindqvist lernen möchte: TikTok.');
    expect(sayReason({ factor: 'topics', text: '(English)', details: { mentee: 'Sam Lindqvist', goals: 3, shared: [] } }, 'Sam Lindqvist')).to.equal('Deckt keines Ihrer 3 Ziele ab.');
    expect(sayReason({ factor: 'levelGap', text: '(English)', details: { mentee: 'Sam Lindqvist', mentor: 'Ben Carter', gap: -1, min: 0, max: 2 } }, 'Sam Lindqvist')).to.equal(
      'Ben Carter steht eine Stufe über Ihnen (im Programm erlaubt: 0 bis 2 Stufen).',
    );
    const rankings = [
      { by: 'Sam Lindqvist', of: 'Ben Carter', rank: 1, listed: 3 },
      { by: 'Ben Carter', of: 'Sam Lindqvist', rank: 2, listed: 2 },
    ];
    expect(sayReason({ factor: 'preference', text: '(English)', details: { rankings } }, 'Sam Lindqvist')).to.equal(
      'Sie haben Ben Carter in Ihrer Rangliste auf Position 1 von 3 gesetzt. Ben Carter hat Sie in der Rangliste auf Position 2 von 2 gesetzt.',
    );
    // Reasons that do not name the mentee are the same for everyone.
    expect(sayReason({ factor: 'language', text: '(English)', details: { shared: ['de'] } }, 'Sam Lindqvist')).to.equal('Beide sprechen Deutsch.');
  });

  it('keeps the SDK’s own English in English, whatever the details', async () => {
    await setUpwardLocale('en');
    const text = 'Ben Carter is 5 levels junior to Sam Lindqvist (program band 3–7).';
    expect(sayReason({ factor: 'levelGap', text, details: { mentee: 'Sam Lindqvist', mentor: 'Ben Carter', gap: 5, min: 3, max: 7 } })).to.equal(text);
    expect(sayReason({ factor: 'skills', text: 'Teaches 1 of the 1 skill Sam wants: TikTok.', details: { mentee: 'Sam', sought: 1, taught: ['TikTok'] } })).to.equal(
      'Teaches 1 of the 1 skill Sam wants: TikTok.',
    );
    const message = 'Dana Okafor is the direct manager of Anna Schmidt; mentors and mentees must not share a reporting chain.';
    expect(sayViolation({ rule: 'reporting-chain', message, details: { above: 'Dana Okafor', below: 'Anna Schmidt', distance: 1 } })).to.equal(message);
    const why = "No mentor passes the program's rules for Priya Nair: 1 in the same reporting chain.";
    expect(sayUnmatched({ why: 'no-allowed-mentor', message: why, details: { mentee: 'Priya Nair', mentors: 3, blockedBy: { 'reporting-chain': 1 } } })).to.equal(why);
    // …and says the details again once the reader switches to German.
    await setUpwardLocale('de');
    expect(sayReason({ factor: 'levelGap', text, details: { mentee: 'Sam Lindqvist', mentor: 'Ben Carter', gap: 5, min: 3, max: 7 } })).to.equal(
      'Ben Carter steht 5 Stufen unter Sam Lindqvist (im Programm erlaubt: 3 bis 7 Stufen).',
    );
  });

  it('keeps the English in German when the details are missing, unknown or of another shape, never nothing', async () => {
    await setUpwardLocale('de');
    // A reason stored on a match: points and text only.
    expect(sayReason({ factor: 'skills', text: 'Teaches none of the 1 skill Sam wants.' })).to.equal('Teaches none of the 1 skill Sam wants.');
    // A newer server's factor, rule or kind of unmatched mentee.
    expect(reason('mood', { shared: ['cats'] })).to.equal('(English of mood)');
    expect(reason('toString', {})).to.equal('(English of toString)');
    expect(rule('same-team', { team: 'Blue' })).to.equal('(English of same-team)');
    expect(sayViolation({ rule: 'excluded', message: 'An admin excluded the pair Dana and Ben.' })).to.equal('An admin excluded the pair Dana and Ben.');
    expect(unmatched('on-leave', { mentee: 'Priya Nair' })).to.equal('(English of on-leave)');
    // Details of another shape (an older server, or fields renamed since).
    expect(reason('skills', { mentee: 'Sam', wanted: 2, taught: [] })).to.equal('(English of skills)');
    expect(reason('language', { shared: 'en' })).to.equal('(English of language)');
    expect(reason('crossDepartment', { mode: 'mixed', same: false, departments: ['A', 'B'] })).to.equal('(English of crossDepartment)');
    expect(reason('preference', { rankings: [{ by: 'Sam' }] })).to.equal('(English of preference)');
    expect(reason('availability', null)).to.equal('(English of availability)');
    expect(rule('role', { person: 'Sam', role: 'champion' })).to.equal('(English of role)');
    expect(unmatched('capacity-taken', { mentee: 'Priya Nair', allowed: 2, decidedBy: 'lottery' })).to.equal('(English of capacity-taken)');
  });
});
