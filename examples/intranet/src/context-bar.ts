/**
 * The page's program and relationship pickers. Upward elements are configured by attributes
 * (`program-id`, `match-id`), as any intranet page would configure them; the pickers fill those
 * attributes on every element marked `data-needs="program"` or `data-needs="match"`, and follow
 * new programs and matches as they appear (a program just set up is selected at once).
 */
import type { HomeMatch, Program, Upward } from '@upward/sdk';

const STORED_PROGRAM = 'northwind-hub:program';

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/**
 * Sets `attribute` on every element that needs `kind`, hiding those elements while nothing is
 * chosen. `follow` is false while the program setup shows a new, unsaved program.
 */
function apply(kind: 'program' | 'match', attribute: string, id: string, follow = true): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-needs="${kind}"]`)) {
    el.hidden = !id;
    if (!el.localName.startsWith('upward-')) continue; // a card around such elements
    if (id) {
      if (el.getAttribute(attribute) !== id) el.setAttribute(attribute, id);
    } else el.removeAttribute(attribute);
  }
  for (const note of document.querySelectorAll<HTMLElement>(`[data-none="${kind}"]`)) note.hidden = Boolean(id);
  // Elements that work with or without one (the program setup creates a program when it has none).
  for (const el of document.querySelectorAll<HTMLElement>(`[data-follows="${kind}"]`)) {
    if (!follow) continue;
    if (id) {
      if (el.getAttribute(attribute) !== id) el.setAttribute(attribute, id);
    }
    else el.removeAttribute(attribute);
  }
}

export class ContextBar {
  private known = new Set<string>();
  private first = true;
  /** The program setup shows a new program being written: leave it alone until it is saved. */
  private creating = false;

  constructor(
    private readonly programSelect: HTMLSelectElement,
    private readonly matchSelect: HTMLSelectElement,
  ) {
    programSelect.addEventListener('change', () => {
      localStorage.setItem(STORED_PROGRAM, programSelect.value);
      this.creating = false;
      apply('program', 'program-id', programSelect.value);
    });
    matchSelect.addEventListener('change', () => apply('match', 'match-id', matchSelect.value));
  }

  /**
   * Shows `matchId` in the agreement and the session log (e.g. when my-mentoring asks to open it);
   * false when the picker does not offer that match.
   */
  selectMatch(matchId: string): boolean {
    if (![...this.matchSelect.options].some((o) => o.value === matchId)) return false;
    this.matchSelect.value = matchId;
    apply('match', 'match-id', matchId);
    return true;
  }

  /** Clears the program-setup's program so it offers a new one; the pickers keep their choice. */
  newProgram(): void {
    this.creating = true;
    for (const el of document.querySelectorAll<HTMLElement>('[data-follows="program"]')) el.removeAttribute('program-id');
  }

  /** A new person acts: forget what the previous one could see. */
  reset(): void {
    this.known.clear();
    this.creating = false;
    this.first = true;
  }

  async refresh(upward: Upward): Promise<void> {
    const [programs, home] = await Promise.all([upward.programs.list(), upward.home().catch(() => null)]);
    this.fillPrograms(programs);
    this.fillMatches(home?.matches ?? []);
  }

  private fillPrograms(programs: Program[]): void {
    const newest = [...programs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    // A program that appeared since the last refresh (just created here or elsewhere) is the one to work on.
    const fresh = this.first ? undefined : newest.find((p) => !this.known.has(p.id));
    this.known = new Set(programs.map((p) => p.id));
    this.first = false;
    const stored = localStorage.getItem(STORED_PROGRAM);
    const current = this.programSelect.value || stored;
    const chosen =
      fresh?.id ??
      (programs.some((p) => p.id === current) ? current : undefined) ??
      newest.find((p) => p.phase !== 'closed')?.id ??
      newest[0]?.id ??
      '';
    this.programSelect.replaceChildren(...newest.map((p) => option(p.id, p.name)));
    this.programSelect.value = chosen;
    this.programSelect.disabled = programs.length === 0;
    this.programSelect.closest<HTMLElement>('.context')!.dataset.empty = String(programs.length === 0);
    if (chosen) localStorage.setItem(STORED_PROGRAM, chosen);
    if (fresh) this.creating = false;
    apply('program', 'program-id', chosen, !this.creating);
  }

  private fillMatches(matches: HomeMatch[]): void {
    const open = matches.filter((m) => m.match.status !== 'ended');
    const current = this.matchSelect.value;
    const chosen = (open.some((m) => m.match.id === current) ? current : open[0]?.match.id) ?? '';
    this.matchSelect.replaceChildren(
      ...open.map((m) => option(m.match.id, `${m.partners.map((p) => p.name).join(', ')} · ${m.program.name}`)),
    );
    this.matchSelect.value = chosen;
    this.matchSelect.disabled = open.length === 0;
    this.matchSelect.closest<HTMLElement>('.context')!.hidden = open.length === 0;
    apply('match', 'match-id', chosen);
  }
}

