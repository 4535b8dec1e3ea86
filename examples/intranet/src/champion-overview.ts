/**
 * The champion's page: how each of their programs is doing, in numbers and dates only. It reads
 * through the same `Upward` client as the elements, so the SDK's rules apply: a champion may
 * read a program's enrolments, matches and session schedule, never notes or reflections (the
 * sessions it gets back carry no notes at all). Plain DOM with `textContent`: no user text is
 * ever parsed as HTML.
 */
import type { Match, Program, SessionView, Upward } from '@upward/sdk';
import { pageLanguage, t, type TextKey } from './page-text.ts';

interface ProgramFigures {
  program: Program;
  mentors: number;
  mentees: number;
  pending: number;
  matches: Match[];
  sessions: SessionView[];
}

const MEETING: readonly Match['status'][] = ['accepted', 'trial', 'active'];

async function figuresFor(upward: Upward, program: Program): Promise<ProgramFigures> {
  const [enrolments, matches] = await Promise.all([upward.enrolments.list({ programId: program.id }), upward.matches.list({ programId: program.id })]);
  const sessions = (await Promise.all(matches.map((m) => upward.sessions.list({ matchId: m.id })))).flat();
  const approved = (role: string) => enrolments.filter((e) => e.role === role && e.status === 'approved').length;
  return {
    program,
    mentors: approved('mentor'),
    mentees: approved('mentee'),
    pending: enrolments.filter((e) => e.status === 'applied').length,
    matches,
    sessions,
  };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function figure(list: HTMLDListElement, label: string, value: string): void {
  list.append(element('dt', label), element('dd', value));
}

function renderProgram(f: ProgramFigures, now: string): HTMLElement {
  const card = element('article', undefined, 'hub-card');
  card.append(element('h2', f.program.name));
  const list = element('dl', undefined, 'figures');
  const count = (...statuses: Match['status'][]) => f.matches.filter((m) => statuses.includes(m.status)).length;
  figure(list, t('champion.phase'), t(`phase.${f.program.phase}` as TextKey));
  figure(list, t('champion.enrolled'), t('champion.enrolled.value', { mentors: f.mentors, mentees: f.mentees, pending: f.pending }));
  figure(
    list,
    t('champion.pairs'),
    t('champion.pairs.value', {
      total: f.matches.length,
      proposed: count('proposed'),
      meeting: count(...MEETING),
      completed: count('completed'),
      ended: count('ended'),
    }),
  );
  const status = (s: SessionView['status']) => f.sessions.filter((x) => x.status === s).length;
  figure(list, t('champion.sessions'), t('champion.sessions.value', { held: status('held'), planned: status('planned'), lapsed: status('cancelled') + status('missed') }));
  const upcoming = f.sessions.filter((s) => s.status === 'planned' && s.scheduledAt >= now).sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const withoutPlan = f.matches.filter((m) => MEETING.includes(m.status) && !upcoming.some((s) => s.matchId === m.id)).length;
  figure(list, t('champion.follow-up'), t('champion.follow-up.value', { count: withoutPlan }));
  card.append(list);

  card.append(element('h3', t('champion.upcoming')));
  if (upcoming.length === 0) card.append(element('p', t('champion.upcoming.none'), 'muted'));
  else {
    const ul = element('ul', undefined, 'schedule');
    const when = new Intl.DateTimeFormat(pageLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
    for (const s of upcoming.slice(0, 10)) {
      const text = t('champion.upcoming.item', { when: when.format(new Date(s.scheduledAt)), minutes: s.durationMinutes, mode: t(`mode.${s.mode}` as TextKey) });
      ul.append(element('li', s.isTrial ? `${text} · ${t('champion.trial')}` : text));
    }
    card.append(ul);
  }
  return card;
}

/** Renders the overview of every program `upward`'s person champions into `container`. */
export async function renderChampionOverview(upward: Upward, container: HTMLElement): Promise<void> {
  const me = upward.actor.personId;
  const programs = (await upward.programs.list()).filter((p) => p.championIds.includes(me));
  const figures = await Promise.all(programs.map((p) => figuresFor(upward, p)));
  const now = new Date().toISOString();
  container.replaceChildren(
    ...(figures.length ? figures.map((f) => renderProgram(f, now)) : [element('p', t('champion.none'), 'muted')]),
  );
  container.setAttribute('aria-busy', 'false');
}
