/**
 * HR's review of enrolment applications for the selected program: approve, waitlist or decline
 * each. No Upward element covers this step yet, so the hub does it itself through the same
 * client (`enrolments.list` and `enrolments.approve|waitlist|decline`, admin-only in the SDK).
 * Plain DOM with `textContent`; the buttons are real buttons, and focus moves to the list's
 * heading after a decision so keyboard users keep their place.
 */
import type { Enrolment, Person, Upward } from '@upward/sdk';
import { t } from './page-text.ts';

type Decision = 'approve' | 'waitlist' | 'decline';

export async function renderApplications(upward: Upward, programId: string, container: HTMLElement, announce: (text: string) => void): Promise<void> {
  if (!upward.actor.isAdmin || !programId) {
    container.replaceChildren();
    container.hidden = true;
    return;
  }
  const enrolments = await upward.enrolments.list({ programId });
  const pending = enrolments.filter((e) => e.status === 'applied' || e.status === 'waitlisted');
  const people = new Map<string, Person>();
  await Promise.all(pending.map(async (e) => people.set(e.personId, await upward.people.get(e.personId))));

  const heading = document.createElement('h3');
  heading.id = 'applications-title';
  heading.tabIndex = -1;
  heading.textContent = t('applications.title', { count: pending.length });
  const approvedCount = enrolments.filter((e) => e.status === 'approved').length;
  const summary = document.createElement('p');
  summary.className = 'muted';
  summary.textContent = t('applications.approved', { count: approvedCount });
  container.hidden = false;
  container.replaceChildren(heading, summary);
  if (pending.length === 0) return;

  const list = document.createElement('ul');
  list.className = 'applications';
  for (const enrolment of pending) list.append(applicationItem(upward, enrolment, people.get(enrolment.personId), async () => {
    await renderApplications(upward, programId, container, announce);
    container.querySelector<HTMLElement>('#applications-title')?.focus();
  }, announce));
  container.append(list);
}

function applicationItem(upward: Upward, enrolment: Enrolment, person: Person | undefined, done: () => Promise<void>, announce: (text: string) => void): HTMLLIElement {
  const item = document.createElement('li');
  const name = person?.name ?? enrolment.personId;
  const who = document.createElement('strong');
  who.textContent = name;
  const what = document.createElement('span');
  what.className = 'muted';
  const skills = enrolment.skills.map((s) => s.skill).join(', ');
  what.textContent = ` · ${person?.title ?? ''} · ${t(`role.${enrolment.role}`)}${skills ? ` · ${skills}` : ''}${enrolment.status === 'waitlisted' ? ` · ${t('applications.waitlisted')}` : ''}`;
  const actions = document.createElement('div');
  actions.className = 'application-actions';
  const decisions: Decision[] = enrolment.status === 'waitlisted' ? ['approve', 'decline'] : ['approve', 'waitlist', 'decline'];
  for (const decision of decisions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t(`applications.${decision}`);
    button.setAttribute('aria-label', t(`applications.${decision}.label`, { name }));
    button.addEventListener('click', async () => {
      for (const b of actions.querySelectorAll('button')) b.disabled = true;
      try {
        await upward.enrolments[decision]({ id: enrolment.id });
        announce(t(`applications.${decision}.done`, { name }));
        await done();
      } catch (error) {
        for (const b of actions.querySelectorAll('button')) b.disabled = false;
        announce(error instanceof Error ? error.message : String(error));
      }
    });
    actions.append(button);
  }
  item.append(who, what, actions);
  return item;
}
