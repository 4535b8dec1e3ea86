/**
 * The People Hub's glue: the only script of the page besides the Upward bundle. It picks where
 * the data lives (see backend.ts), seeds the sample organisation once, hands an `Upward` client
 * for the person you act as to `<upward-provider>`, and runs the hub's own chrome: routes, the
 * "acting as" switcher, language, appearance and the program/relationship pickers.
 */
import '@upward/elements/all';
import type { UpwardProvider } from '@upward/elements';
import type { Upward } from '@upward/sdk';
import { ensureSampleOrg, openBackend, type Backend } from './backend.ts';
import { cast, castMember, type CastMember, type Route } from './cast.ts';
import { renderApplications } from './applications.ts';
import { renderChampionOverview } from './champion-overview.ts';
import { ContextBar } from './context-bar.ts';
import { focusSessionLog } from './session-log-focus.ts';
import { pageLanguage, setPageLanguage, t, type PageLanguage, type TextKey } from './page-text.ts';

const STORED_ACTOR = 'northwind-hub:acting-as';
const STORED_LANGUAGE = 'northwind-hub:language';
const STORED_THEME = 'northwind-hub:theme';
const routes: readonly Route[] = ['home', 'hr', 'mentoring', 'champion'];

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const provider = $<UpwardProvider>('upward-provider');
const status = $<HTMLElement>('#hub-status');
const actingAs = $<HTMLSelectElement>('#acting-as');
const languageSelect = $<HTMLSelectElement>('#language');
const themeSelect = $<HTMLSelectElement>('#theme');
const resetButton = $<HTMLButtonElement>('#reset-demo');
const championContainer = $<HTMLElement>('#champion-overview');
const applications = $<HTMLElement>('#applications');
const programContext = $<HTMLElement>('#program-context');
const programPicker = $<HTMLSelectElement>('#program-picker');
const newProgramButton = $<HTMLButtonElement>('#new-program');
const contextBar = new ContextBar($<HTMLSelectElement>('#program-picker'), $<HTMLSelectElement>('#match-picker'));

let backend: Backend | undefined;
let upward: Upward | undefined;
let member: CastMember = castMember(new URLSearchParams(location.search).get('as') ?? localStorage.getItem(STORED_ACTOR));
let unsubscribe: (() => void) | undefined;

function say(text: string): void {
  status.textContent = text;
}

// ----- routes: one section per page of the hub, chosen by the hash (#/hr) -----
function currentRoute(): Route {
  const name = location.hash.replace(/^#\/?/, '');
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'home';
}

function showRoute(): void {
  const route = currentRoute();
  for (const section of document.querySelectorAll<HTMLElement>('[data-route]')) section.hidden = section.dataset.route !== route;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[data-route-link]')) {
    if (link.dataset.routeLink === route) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  programContext.hidden = route !== 'hr' && route !== 'mentoring';
  // The program bar sits under the page's introduction.
  document.querySelector(`[data-route="${route}"] .lead`)?.after(programContext);
  newProgramButton.hidden = route !== 'hr' || !member.isAdmin;
  if (route === 'champion') void refreshChampion();
  if (route === 'hr') void refreshApplications().catch(reportFailure);
}

window.addEventListener('hashchange', () => {
  // The skip link and in-page anchors change the hash too; only route names switch pages.
  if (/^#\/?(home|hr|mentoring|champion)$/.test(location.hash) || location.hash === '') showRoute();
});

// ----- language and appearance -----
function applyLanguage(language: PageLanguage): void {
  setPageLanguage(language);
  provider.locale = language;
  languageSelect.value = language;
  fillActingAs();
  if (currentRoute() === 'champion') void refreshChampion();
}

function applyTheme(theme: string): void {
  const scheme = theme === 'light' || theme === 'dark' ? theme : 'light dark';
  document.documentElement.style.colorScheme = scheme;
  document.documentElement.dataset.theme = theme;
  themeSelect.value = theme === 'light' || theme === 'dark' ? theme : 'system';
}

languageSelect.addEventListener('change', () => {
  localStorage.setItem(STORED_LANGUAGE, languageSelect.value);
  applyLanguage(languageSelect.value === 'de' ? 'de' : 'en');
});
themeSelect.addEventListener('change', () => {
  localStorage.setItem(STORED_THEME, themeSelect.value);
  applyTheme(themeSelect.value);
});

// ----- acting as -----
function fillActingAs(): void {
  actingAs.replaceChildren(
    ...cast.map((m) => {
      const o = document.createElement('option');
      o.value = m.key;
      o.textContent = `${m.name} (${t(`role.${m.key}` as TextKey)}, ${m.title})`;
      return o;
    }),
  );
  actingAs.value = member.key;
}

actingAs.addEventListener('change', () => {
  member = castMember(actingAs.value);
  localStorage.setItem(STORED_ACTOR, member.key);
  connect().catch(reportFailure);
  location.hash = `#/${member.home}`;
  say(t('status.acting', { name: member.name }));
});

// ----- data -----
let refreshing: Promise<void> | undefined;
let again = false;

/** Re-reads what the page chrome shows; coalesces bursts of change notifications into one refresh. */
async function refreshChrome(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      if (!upward) return;
      await contextBar.refresh(upward);
      if (currentRoute() === 'champion') await refreshChampion();
      if (currentRoute() === 'hr') await refreshApplications();
    } while (again);
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function refreshApplications(): Promise<void> {
  if (!upward) return;
  await renderApplications(upward, programPicker.value, applications, say);
}

/** Shows loading, the figures, or a failure with "Try again" in the region itself; never rejects. */
async function refreshChampion(): Promise<void> {
  if (!upward) return;
  await renderChampionOverview(upward, championContainer);
}

/**
 * A different person is a different session: like an intranet after a new sign-in, every Upward
 * element starts afresh (a clone keeps its attributes) instead of carrying the previous person's
 * half-filled forms and messages.
 */
function freshElements(): void {
  for (const el of provider.querySelectorAll<HTMLElement>('*')) {
    if (el.localName.startsWith('upward-') && customElements.get(el.localName)) el.replaceWith(el.cloneNode(false));
  }
}

let connecting = 0;

async function connect(): Promise<void> {
  if (!backend) return;
  const attempt = ++connecting;
  const next = await backend.clientFor(member);
  // The person was switched again while this client was being made: the newer call wins.
  if (attempt !== connecting) return;
  if (upward) freshElements();
  unsubscribe?.();
  upward = next;
  provider.client = upward;
  document.body.dataset.actingAs = member.key;
  showRoute();
  contextBar.reset();
  unsubscribe = upward.subscribe(() => void refreshChrome().catch(reportFailure));
  await refreshChrome();
}

function reportFailure(error: unknown): void {
  say(t('status.failed', { message: error instanceof Error ? error.message : String(error) }));
}

programPicker.addEventListener('change', () => void refreshApplications().catch(reportFailure));

newProgramButton.addEventListener('click', () => {
  contextBar.newProgram();
  document.querySelector<HTMLElement>('upward-program-setup')?.focus();
});

// my-mentoring asks to open a match's sessions: show them in the hub's session log, and take
// focus there (its heading) so the next Tab continues in the log, not back in my-mentoring.
provider.addEventListener('upward-open-match', async (event) => {
  // A match made a moment ago may not be in the picker yet.
  if (!contextBar.selectMatch(event.detail.matchId) && upward) {
    await contextBar.refresh(upward).catch(reportFailure);
    if (!contextBar.selectMatch(event.detail.matchId)) return;
  }
  const log = document.querySelector<HTMLElement>('#session-log');
  if (log) await focusSessionLog(log);
});

resetButton.addEventListener('click', async () => {
  if (!backend?.reset || !confirm(t('storage.reset.confirm'))) return;
  resetButton.disabled = true;
  unsubscribe?.();
  localStorage.removeItem('northwind-hub:program');
  await backend.reset();
  location.reload();
});

/** Marks Upward tags this bundle does not register, so a reader is told instead of seeing a gap. */
function markMissingElements(): void {
  for (const el of document.querySelectorAll<HTMLElement>('main *')) {
    const tag = el.localName;
    if (!tag.startsWith('upward-') || customElements.get(tag)) continue;
    const note = document.createElement('p');
    note.className = 'muted missing';
    note.dataset.text = 'missing';
    note.textContent = t('missing');
    el.after(note);
  }
}

async function start(): Promise<void> {
  applyTheme(localStorage.getItem(STORED_THEME) ?? 'system');
  applyLanguage(localStorage.getItem(STORED_LANGUAGE) === 'de' ? 'de' : pageLanguage());
  markMissingElements();
  showRoute();
  say(t('status.connecting'));
  backend = await openBackend();
  $('#storage-note').textContent = t(backend.kind === 'local' ? 'storage.local' : 'storage.server');
  $('#storage-note').dataset.text = backend.kind === 'local' ? 'storage.local' : 'storage.server';
  resetButton.hidden = !backend.reset;
  say(t('status.seeding'));
  const imported = await ensureSampleOrg(backend);
  say(imported ? t('status.seeded', { count: imported }) : '');
  await connect();
  // End-to-end tests wait for this instead of sleeping.
  document.body.dataset.ready = 'true';
}

start().catch(reportFailure);
