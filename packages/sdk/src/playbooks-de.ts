/**
 * The ready playbooks in German (`@upward/sdk/playbooks/de`). Only the words differ: the
 * settings (cadence, rules, matching, format) come from the English playbooks, so the two
 * languages can never offer different programs.
 */
import type { ProgramInput, Purpose } from './domain/index.ts';
import { playbooks as english, type ReadyPlaybook, type ReadyPlaybooks } from './playbooks.ts';

const agreementTemplate: ProgramInput['agreementTemplate'] = {
  communicationStatement:
    'Wir sprechen offen miteinander, fragen nach, wenn etwas unklar ist, und nehmen jede Frage ernst. Wir beide können jederzeit ein Anliegen ansprechen.',
  confidentialityStatement:
    'Was wir in unseren Treffen besprechen, bleibt unter uns, solange wir nicht beide zustimmen, es weiterzugeben. Die Champions des Programms sehen nur, dass wir uns getroffen haben, nie, worüber wir gesprochen haben.',
  clauses: [{ title: 'Zeit', text: 'Wir halten uns die vereinbarte Zeit frei und sagen einen Tag vorher Bescheid, wenn wir ein Treffen verschieben müssen.' }],
};

type Words = Pick<ReadyPlaybook, 'name' | 'description' | 'goals'> & Pick<ReadyPlaybook['playbook'], 'where' | 'talkingPoints' | 'sessionRequirements' | 'trainings'>;

const words: Record<Exclude<Purpose, 'custom'>, Words> = {
  'generational-divide': {
    name: 'Generationen im Gespräch',
    description: 'Kolleginnen und Kollegen am Anfang ihrer Laufbahn und Führungskräfte tauschen sich darüber aus, wie jede Generation arbeitet, lernt und kommuniziert.',
    goals: ['Verstehen, wie jüngere Kolleginnen und Kollegen arbeiten und kommunizieren möchten', 'Den Hintergrund lange bestehender Entscheidungen teilen'],
    where: 'In einem ruhigen Besprechungsraum oder bei einem Kaffee',
    talkingPoints: ['Wie wir jeweils gern Feedback bekommen', 'Werkzeuge, ohne die wir nicht arbeiten könnten', 'Was Menschen bleiben oder gehen lässt'],
    sessionRequirements: ['Jede und jeder nennt eine Sache, die sie oder er gelernt hat', 'Mindestens eine Aufgabe vereinbaren'],
    trainings: [{ title: 'Auftakt zum Reverse Mentoring (60 Min.)' }],
  },
  'empower-younger-employees': {
    name: 'Neue Stimmen',
    description: 'Gibt Kolleginnen und Kollegen am Anfang ihrer Laufbahn einen direkten Draht zur Führung und das Zutrauen, selbst zu führen.',
    goals: ['Jüngere Kolleginnen und Kollegen für die Führungsebene sichtbar machen', 'Üben, ein Gespräch mit einem erfahrenen Gegenüber zu leiten'],
    where: '',
    talkingPoints: ['Was die Mentorin oder der Mentor morgen ändern würde', 'Wie an der Spitze entschieden wird', 'Laufbahnen, die in keinem Organigramm stehen'],
    sessionRequirements: ['Die Mentorin oder der Mentor legt die Tagesordnung fest', 'Mindestens eine Aufgabe vereinbaren'],
    trainings: [{ title: 'Ein Mentoring-Gespräch leiten' }],
  },
  'growth-mindset': {
    name: 'Immer lernen',
    description: 'Führungskräfte leben lebenslanges Lernen vor, indem sie bei Kolleginnen und Kollegen am Anfang ihrer Laufbahn in die Lehre gehen.',
    goals: ['Vorleben, dass man von allen im Unternehmen lernen kann', 'Jeden Monat eine neue Gewohnheit oder ein neues Werkzeug ausprobieren'],
    where: '',
    talkingPoints: ['Etwas, bei dem die oder der Mentee kürzlich falsch lag', 'Eine Fähigkeit, die sich die Mentorin oder der Mentor selbst beigebracht hat', 'Wie man in unserem Team gefahrlos scheitern kann'],
    sessionRequirements: ['Vor dem nächsten Treffen probiert die oder der Mentee etwas Neues aus'],
    trainings: [],
  },
  'digital-strategy': {
    name: 'Digital führen',
    description: 'Führungskräfte lernen die digitalen Werkzeuge und Gewohnheiten kennen, mit denen ihre Kundschaft und ihre Kolleginnen und Kollegen längst leben.',
    goals: ['Ein neues digitales Werkzeug in der täglichen Arbeit nutzen', 'Verstehen, wie Kundinnen und Kunden uns online finden'],
    where: '',
    talkingPoints: ['Generative KI im Arbeitsalltag', 'Werkzeuge für die Zusammenarbeit, die Zeit sparen', 'Wie sich Kundinnen und Kunden vor dem Kauf informieren'],
    sessionRequirements: ['Praktisch: Die oder der Mentee nutzt das Werkzeug im Treffen selbst', 'Mindestens eine Aufgabe vereinbaren'],
    trainings: [{ title: 'Auffrischung digitale Grundlagen' }],
  },
  'social-media-and-analytics': {
    name: 'Social Media und Analytics',
    description: 'Führungskräfte lernen, wie soziale Plattformen und ihre Auswertungen Marke, Recruiting und Vertrieb prägen.',
    goals: ['Unter eigenem Namen auf einer Plattform veröffentlichen', 'Ein Social-Media-Dashboard ohne Hilfe lesen'],
    where: '',
    talkingPoints: ['Personal Branding auf LinkedIn', 'Kurzvideos und was sie über Aufmerksamkeit verraten', 'Interaktionszahlen lesen'],
    sessionRequirements: ['Gemeinsam einen echten Beitrag oder ein echtes Dashboard besprechen'],
    trainings: [],
  },
  inclusion: {
    name: 'Inklusiv führen',
    description: 'Führungskräfte hören aus erster Hand, wie Kolleginnen und Kollegen, deren Erfahrungen sich von ihren unterscheiden, die Arbeit hier erleben.',
    goals: ['Erfahrungen hören, die sich von den eigenen unterscheiden', 'Daraufhin eine Gewohnheit im eigenen Team ändern'],
    where: 'In einem Raum, in dem wir ungestört sind',
    talkingPoints: ['Momente, in denen sich die Mentorin oder der Mentor zugehörig fühlte – oder eben nicht', 'Wer in Besprechungen gehört wird', 'Einstellung und Beförderung aus einem anderen Blickwinkel'],
    sessionRequirements: ['Erst zuhören: Die Mentorin oder der Mentor spricht mindestens die Hälfte des Treffens'],
    trainings: [{ title: 'Psychologische Sicherheit im Mentoring' }],
  },
};

function inGerman(purpose: Exclude<Purpose, 'custom'>): ReadyPlaybook {
  const { name, description, goals, ...playbookWords } = words[purpose];
  const template = english[purpose];
  return { ...template, language: 'de', name, description, goals, playbook: { ...template.playbook, ...playbookWords }, agreementTemplate };
}

export const playbooks: ReadyPlaybooks = {
  'generational-divide': inGerman('generational-divide'),
  'empower-younger-employees': inGerman('empower-younger-employees'),
  'growth-mindset': inGerman('growth-mindset'),
  'digital-strategy': inGerman('digital-strategy'),
  'social-media-and-analytics': inGerman('social-media-and-analytics'),
  inclusion: inGerman('inclusion'),
};
