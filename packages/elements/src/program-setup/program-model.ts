/**
 * The program form's model: a flat map keyed by the SDK's own field paths
 * (`playbook.cadence.every`), holding what the controls hold (text, booleans, lists). Keying by
 * the SDK's paths lets every validation error land on the control that caused it with no mapping
 * table. `toProgramInput` builds the nested input the SDK validates; nothing is checked here,
 * so the rules stay in one place (the SDK's schemas).
 */
import type { ContentLanguage, Program, ProgramInput } from '@upward/sdk';
import { linesOf } from '../internal/form-values.ts';

export interface Clause {
  title: string;
  text: string;
}

export type ModelValue = string | boolean | string[] | Clause[];
export type ProgramModel = Record<string, ModelValue>;

/** Scoring factors of the matching engine, in the order the advanced section lists them. */
export const weightFactors = ['skills', 'topics', 'availability', 'timeZone', 'language', 'crossDepartment', 'levelGap', 'preference'] as const;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** A model from a stored program or a playbook. */
export function toModel(p: Partial<ProgramInput> & Pick<ProgramInput, 'playbook' | 'rules' | 'matching' | 'format' | 'agreementTemplate'>): ProgramModel {
  const { playbook: pb, rules, matching, format, agreementTemplate: at } = p;
  const weights = (matching.weights ?? {}) as Record<string, number | undefined>;
  const model: ProgramModel = {
    name: str(p.name),
    description: str(p.description),
    purpose: str(p.purpose),
    language: p.language ?? 'en',
    customPurpose: str(p.customPurpose),
    goals: (p.goals ?? []).join('\n'),
    'playbook.cadence.every': str(pb.cadence.every),
    'playbook.cadence.unit': pb.cadence.unit,
    'playbook.sessionMinutes': str(pb.sessionMinutes),
    'playbook.meetingModes': [...pb.meetingModes],
    'playbook.where': str(pb.where),
    'playbook.talkingPoints': (pb.talkingPoints ?? []).join('\n'),
    'playbook.sessionRequirements': (pb.sessionRequirements ?? []).join('\n'),
    'playbook.trainings': (pb.trainings ?? []).map((t) => (t.link ? `${t.title} ${t.link}` : t.title)).join('\n'),
    'rules.minLevelGap': str(rules.minLevelGap),
    'rules.maxLevelGap': str(rules.maxLevelGap),
    'rules.mentorMaxLevel': str(rules.mentorMaxLevel),
    'rules.menteeMinLevel': str(rules.menteeMinLevel),
    'rules.crossDepartment': rules.crossDepartment ?? 'preferred',
    'rules.forbidSameReportingLine': rules.forbidSameReportingLine ?? true,
    'rules.requireSharedLanguage': rules.requireSharedLanguage ?? true,
    'matching.mode': matching.mode,
    'matching.objective': matching.objective ?? 'maxweight',
    'matching.requestExpiryDays': str(matching.requestExpiryDays ?? 7),
    'format.kind': format.kind,
    'format.mentorsPerGroup': format.kind === 'group' ? str(format.mentorsPerGroup) : '1',
    'format.menteesPerGroup': format.kind === 'group' ? str(format.menteesPerGroup) : '5',
    championIds: [...(p.championIds ?? [])],
    'agreementTemplate.communicationStatement': at.communicationStatement,
    'agreementTemplate.confidentialityStatement': at.confidentialityStatement,
    'agreementTemplate.clauses': (at.clauses ?? []).map((c) => ({ ...c })),
    kickoffDate: str(p.kickoffDate),
    endDate: str(p.endDate),
  };
  for (const f of weightFactors) model[`matching.weights.${f}`] = str(weights[f]);
  return model;
}

/** What a new program starts from before a purpose (and its playbook) is chosen, written in `language`. */
export function blankModel(language: ContentLanguage): ProgramModel {
  return toModel({
    language,
    playbook: { cadence: { every: 2, unit: 'week' }, sessionMinutes: 45, meetingModes: ['in-person', 'video'] },
    rules: { minLevelGap: 3, maxLevelGap: 7 },
    matching: { mode: 'admin' },
    format: { kind: 'one-to-one' },
    agreementTemplate: { communicationStatement: '', confidentialityStatement: '' },
  });
}

export function programModel(program: Program): ProgramModel {
  return toModel(program);
}

const lines = (v: ModelValue | undefined): string[] => (typeof v === 'string' ? linesOf(v) : []);

/** A whole number, or undefined when the control is empty (so the SDK says "is required"). */
const int = (v: ModelValue | undefined): number | undefined => (typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined);

/** "Title https://link" per line: a trailing web address becomes the training's link. */
function trainings(v: ModelValue | undefined): { title: string; link?: string }[] {
  return lines(v).map((line) => {
    const m = /^(.*\S)\s+(https?:\/\/\S+)$/i.exec(line);
    return m ? { title: m[1]!, link: m[2]! } : { title: line };
  });
}

export function toProgramInput(m: ProgramModel): ProgramInput {
  const s = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : '');
  const weights: Record<string, number> = {};
  for (const f of weightFactors) {
    const w = int(m[`matching.weights.${f}`]);
    if (w !== undefined) weights[f] = w;
  }
  const group = s('format.kind') === 'group';
  // Values come from controls and are parsed by the SDK's schema: the casts only name the shape.
  return {
    name: s('name'),
    description: s('description'),
    purpose: s('purpose') as ProgramInput['purpose'],
    language: s('language') as ContentLanguage,
    customPurpose: s('purpose') === 'custom' ? s('customPurpose') || undefined : undefined,
    goals: lines(m.goals),
    playbook: {
      cadence: { every: int(m['playbook.cadence.every']) as number, unit: s('playbook.cadence.unit') as 'week' },
      sessionMinutes: int(m['playbook.sessionMinutes']) as number,
      meetingModes: m['playbook.meetingModes'] as ProgramInput['playbook']['meetingModes'],
      where: s('playbook.where'),
      talkingPoints: lines(m['playbook.talkingPoints']),
      sessionRequirements: lines(m['playbook.sessionRequirements']),
      trainings: trainings(m['playbook.trainings']),
    },
    rules: {
      minLevelGap: int(m['rules.minLevelGap']) as number,
      maxLevelGap: int(m['rules.maxLevelGap']) as number,
      mentorMaxLevel: int(m['rules.mentorMaxLevel']),
      menteeMinLevel: int(m['rules.menteeMinLevel']),
      crossDepartment: s('rules.crossDepartment') as 'preferred',
      forbidSameReportingLine: m['rules.forbidSameReportingLine'] === true,
      requireSharedLanguage: m['rules.requireSharedLanguage'] === true,
    },
    matching: {
      mode: s('matching.mode') as 'admin',
      objective: s('matching.objective') as 'maxweight',
      requestExpiryDays: int(m['matching.requestExpiryDays']),
      weights,
    },
    format: group
      ? { kind: 'group', mentorsPerGroup: int(m['format.mentorsPerGroup']) as number, menteesPerGroup: int(m['format.menteesPerGroup']) as number }
      : { kind: 'one-to-one' },
    championIds: m.championIds as string[],
    agreementTemplate: {
      communicationStatement: s('agreementTemplate.communicationStatement'),
      confidentialityStatement: s('agreementTemplate.confidentialityStatement'),
      clauses: (m['agreementTemplate.clauses'] as Clause[]).map((c) => ({ title: c.title, text: c.text })),
    },
    kickoffDate: s('kickoffDate'),
    endDate: s('endDate'),
  };
}
