/**
 * HR's review of enrolment applications for the selected program: approve, waitlist or decline
 * each. No Upward element covers this step yet, so the hub does it itself through the same
 * client (`enrolments.list` and `enrolments.approve|waitlist|decline`, admin-only in the SDK).
 * Plain DOM with `textContent`; the buttons are real buttons. Every change re-renders the list
 * (the decision itself, and the change notification that follows it), so keyboard focus is kept
 * by name rather than by element: after a decision it goes to the next application's first
 * button (or the previous one's, or the list's heading when none is left), and whatever else
 * was focused in the list is focused again in the list that replaces it.
 */
import type { Enrolment, Person, Upward } from '@upward/sdk';
import { t } from './page-text.ts';

type Decision = 'approve' | 'waitlist' | 'decline';

const HEADING = 'heading';
/** Where focus goes after a decision: the first of these focus keys found in the new list. */
const focusAfterDecision = new WeakMap<HTMLElement, string[]>();

/** The focus key (`data-focus-key`) of what is focused inside `container`, if anything is. */
function focusedKey(container: HTMLElement): string | undefined {
  const active = document.activeElement;
  return active instanceof HTMLElement && container.contains(active) ? active.dataset.focusKey : undefined;
}

/** `heading`, `<enrolment id>` (that application's first button) or `<enrolment id> <decision>`. */
function findKey(container: HTMLElement, key: string): HTMLElement | null {
  if (key === HEADING) return container.querySelector<HTMLElement>(`[data-focus-key="${HEADING}"]`);
  const [id, decision] = key.split(' ');
  const row = [...container.querySelectorAll<HTMLElement>('li[data-enrolment]')].find((li) => li.dataset.enrolment === id);
  if (!row) return null;
  return (decision ? row.querySelector<HTMLElement>(`button[data-decision="${decision}"]`) : null) ?? row.querySelector<HTMLElement>('button');
}

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
  heading.dataset.focusKey = HEADING;
  heading.textContent = t('applications.title', { count: pending.length });
  const approvedCount = enrolments.filter((e) => e.status === 'approved').length;
  const summary = document.createElement('p');
  summary.className = 'muted';
  summary.textContent = t('applications.approved', { count: approvedCount });
  const list = document.createElement('ul');
  list.className = 'applications';
  pending.forEach((enrolment, i) => {
    // After deciding on this one: the next application, else this one (still listed when put on
    // the waiting list), else the previous one; the heading when none is left.
    const next = [pending[i + 1]?.id, enrolment.id, pending[i - 1]?.id].filter((id): id is string => Boolean(id));
    const decide = async (command: () => Promise<void>) => {
      focusAfterDecision.set(container, next);
      try {
        await command();
      } catch (error) {
        focusAfterDecision.delete(container);
        throw error;
      }
      await renderApplications(upward, programId, container, announce);
    };
    list.append(applicationItem(upward, enrolment, people.get(enrolment.personId), decide, announce));
  });

  // Nothing is awaited from here on: the list is replaced and focus put back in one go.
  const active = document.activeElement;
  const hadFocus = focusedKey(container);
  const free = !active || active === document.body || container.contains(active);
  container.hidden = false;
  container.replaceChildren(heading, summary, ...(pending.length ? [list] : []));
  const pendingFocus = focusAfterDecision.get(container);
  // A decision's target wins over the (disabled) button that was pressed, unless the reader has
  // gone elsewhere on the page meanwhile.
  const wanted = pendingFocus && free ? pendingFocus : hadFocus ? [hadFocus] : [];
  if (!wanted.length) return;
  if (wanted === pendingFocus) focusAfterDecision.delete(container);
  for (const key of [...wanted, HEADING]) {
    const target = findKey(container, key);
    if (target) {
      target.focus();
      return;
    }
  }
}

function applicationItem(
  upward: Upward,
  enrolment: Enrolment,
  person: Person | undefined,
  decide: (command: () => Promise<void>) => Promise<void>,
  announce: (text: string) => void,
): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.enrolment = enrolment.id;
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
    button.dataset.decision = decision;
    button.dataset.focusKey = `${enrolment.id} ${decision}`;
    button.textContent = t(`applications.${decision}`);
    button.setAttribute('aria-label', t(`applications.${decision}.label`, { name }));
    button.addEventListener('click', async () => {
      for (const b of actions.querySelectorAll('button')) b.disabled = true;
      try {
        await decide(async () => {
          await upward.enrolments[decision]({ id: enrolment.id });
          announce(t(`applications.${decision}.done`, { name }));
        });
      } catch (error) {
        for (const b of actions.querySelectorAll('button')) b.disabled = false;
        // Disabling the pressed button may have dropped focus: give it back for another try.
        if (button.isConnected && (!document.activeElement || document.activeElement === document.body)) button.focus();
        announce(error instanceof Error ? error.message : String(error));
      }
    });
    actions.append(button);
  }
  item.append(who, what, actions);
  return item;
}
