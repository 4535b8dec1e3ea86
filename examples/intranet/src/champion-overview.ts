/**
 * The champion's page: how each of their programs is doing, in numbers and dates only. It reads
 * through the same `Upward` client as the elements, so the SDK's rules apply: a champion may
 * read a program's enrolments, matches and session schedule, never notes or reflections (the
 * sessions it gets back carry no notes at all). Plain DOM with `textContent`: no user text is
 * ever parsed as HTML. While the figures load the region says so (and is `aria-busy`); when
 * they cannot be read it says that, with a "Try again", instead of staying empty.
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
  const title = element('h2', f.program.name);
  title.tabIndex = -1; // where focus lands after "Try again" worked
  card.append(title);
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

async function overviewOf(upward: Upward): Promise<HTMLElement[]> {
  const me = upward.actor.personId;
  const programs = (await upward.programs.list()).filter((p) => p.championIds.includes(me));
  const figures = await Promise.all(programs.map((p) => figuresFor(upward, p)));
  const now = new Date().toISOString();
  return figures.length ? figures.map((f) => renderProgram(f, now)) : [element('p', t('champion.none'), 'muted')];
}

function loading(): HTMLElement {
  const p = element('p', t('champion.loading'), 'muted');
  p.setAttribute('role', 'status');
  p.tabIndex = -1;
  return p;
}

function failure(retry: () => void): HTMLElement {
  const box = element('div', undefined, 'hub-error');
  box.setAttribute('role', 'alert');
  const button = element('button', t('champion.retry'));
  button.type = 'button';
  button.addEventListener('click', retry);
  box.append(element('p', t('champion.failed')), button);
  return box;
}

/** Replaces what `container` shows; focus that was inside it moves to the new content's first stop. */
function show(container: HTMLElement, nodes: HTMLElement[]): void {
  const hadFocus = container.contains(document.activeElement);
  container.replaceChildren(...nodes);
  if (hadFocus) container.querySelector<HTMLElement>('button, [tabindex="-1"]')?.focus();
}

/** The latest refresh of each container: an older one that finishes late shows nothing. */
const attempts = new WeakMap<HTMLElement, number>();
/** Whose figures each container shows (another person's are not kept on screen while loading). */
const shownFor = new WeakMap<HTMLElement, Upward>();

/**
 * Renders the overview of every program `upward`'s person champions into `container`: loading,
 * then the figures, or a failure with "Try again". Never rejects; `aria-busy` is true only while
 * the figures load.
 */
export async function renderChampionOverview(upward: Upward, container: HTMLElement): Promise<void> {
  const attempt = (attempts.get(container) ?? 0) + 1;
  attempts.set(container, attempt);
  container.setAttribute('aria-busy', 'true');
  // A refresh of the same person's figures keeps them on screen until the new ones are there.
  if (shownFor.get(container) !== upward) {
    shownFor.delete(container);
    show(container, [loading()]);
  }
  let content: HTMLElement[];
  try {
    content = await overviewOf(upward);
  } catch {
    if (attempts.get(container) !== attempt) return;
    shownFor.delete(container);
    show(container, [failure(() => void renderChampionOverview(upward, container))]);
    container.setAttribute('aria-busy', 'false');
    return;
  }
  if (attempts.get(container) !== attempt) return;
  shownFor.set(container, upward);
  show(container, content);
  container.setAttribute('aria-busy', 'false');
}
