// Pairing-board benchmark (`pnpm bench:board`): how long an admin waits with a big program.
// A production build of <upward-pairing-board> runs in Chromium (Debian's, through playwright-core)
// on a real in-memory Upward seeded with N mentors and N mentees who all fit each other, and the
// page times, for each N:
//   first render  - from adding the element to every proposed pair on screen (includes the solve)
//   re-solve      - from "Exclude pair" to the new proposal on screen (what every lock, exclusion
//                   or swap costs)
//   swap list     - from "Swap mentor…" to its list of every other pair on screen
// and, to tell solving from rendering, the engine alone (matching.suggest, as the board calls it).
// Each figure is the median of 3 runs on a fresh board. It also counts the <option>s on the page,
// which must grow with N, not N²: a list per card was 250,000 options and 13 s at N = 500.
//
//   node packages/elements/bench/board.mjs [--sizes 50,200,500] [--json]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, serve } from './bench-page.mjs';
import { args, executablePath } from '../../../test/chromium.mjs';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const sdk = fileURLToPath(new URL('../../sdk/src/', import.meta.url));
const sdkTest = fileURLToPath(new URL('../../sdk/test/', import.meta.url));
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const sizes = option('--sizes', '50,200,500').split(',').map(Number);
const json = process.argv.includes('--json');
const RUNS = 3;

const page = `import '${src}define/pairing-board.ts';
import { createUpward } from '${sdk}index.ts';
import { memoryStore } from '${sdk}storage/memory-store.ts';
import { programInput } from '${sdkTest}upward/world.ts';

const departments = ['Sales', 'Engineering', 'Marketing', 'People'];
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
async function until(check) {
  while (!check()) await frame();
}

/** N mentors (level 2) and N mentees (level 8), each with a skill, all approved, the program matching. */
async function seed(n) {
  const store = memoryStore();
  const as = (actor) => createUpward({ store, actor });
  const hr = as({ personId: 'admin', isAdmin: true });
  const people = [];
  for (let i = 0; i < n; i++) {
    people.push({ id: 'm' + i, name: 'Mentor ' + i, email: 'm' + i + '@example.com', title: 'Associate', department: departments[i % 4], level: 2, managerId: null, timeZone: 'Europe/London', languages: ['en'] });
    people.push({ id: 'e' + i, name: 'Executive ' + i, email: 'e' + i + '@example.com', title: 'VP', department: departments[(i + 1) % 4], level: 8, managerId: null, timeZone: 'Europe/Berlin', languages: ['en'] });
  }
  await hr.people.import({ format: 'json', data: people });
  const program = await hr.programs.create(programInput({ championIds: [] }));
  await hr.programs.openEnrolment({ id: program.id });
  for (let i = 0; i < n; i++) {
    for (const [id, role] of [['m' + i, 'mentor'], ['e' + i, 'mentee']]) {
      const enrolment = await as({ personId: id }).enrolments.enrol({ programId: program.id, personId: id, role, skills: [{ skill: ['Generative AI', 'TikTok', 'Spreadsheets'][i % 3] }], consent: true });
      await hr.enrolments.approve({ id: enrolment.id });
    }
  }
  await hr.programs.startMatching({ id: program.id });
  return { hr, programId: program.id };
}

/** The engine alone (the same call the board makes), to tell solving from rendering. */
async function solveOnly(world) {
  const start = performance.now();
  await world.hr.matching.suggest({ programId: world.programId });
  return performance.now() - start;
}

async function once(world, n) {
  const board = document.createElement('upward-pairing-board');
  board.programId = world.programId;
  board.client = world.hr;
  const root = () => board.shadowRoot;
  const items = () => root()?.querySelectorAll('[part~="item"]').length ?? 0;
  let start = performance.now();
  document.body.append(board);
  await until(() => items() === n);
  const firstRender = performance.now() - start;
  const options = root().querySelectorAll('option').length;

  // The board announces each new proposal; the figure ends when it is on screen.
  const proposed = new Promise((resolve) => board.addEventListener('upward-proposal-changed', resolve, { once: true }));
  start = performance.now();
  root().querySelector('[data-action="exclude"]').click();
  await proposed;
  await board.updateComplete;
  await frame();
  const resolve = performance.now() - start;

  start = performance.now();
  root().querySelector('[part~="item"] [data-action="open-swap"]').click();
  await until(() => root().querySelector('[part~="item"] select'));
  const swapList = performance.now() - start;
  board.remove();
  return { firstRender, resolve, swapList, options };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const results = [];
  for (const n of ${JSON.stringify(sizes)}) {
    const world = await seed(n);
    const runs = [];
    const solves = [];
    for (let r = 0; r < ${RUNS}; r++) {
      solves.push(await solveOnly(world));
      runs.push(await once(world, n));
    }
    results.push({ n, solveMs: median(solves), firstRenderMs: median(runs.map((x) => x.firstRender)), resolveMs: median(runs.map((x) => x.resolve)), swapListMs: median(runs.map((x) => x.swapList)), options: runs[0].options });
  }
  window.benchResults = results;
} catch (error) {
  window.benchFailure = String(error?.stack ?? error);
}`;

const root = mkdtempSync(join(tmpdir(), 'upward-board-bench-'));
try {
  await bundle(page, root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><title>board bench</title><body><script type="module" src="./entry.js"></script>');
  const server = await serve(root);
  const browser = await chromium.launch({ executablePath, args, headless: true });
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(server.url);
    await tab.waitForFunction(() => 'benchResults' in window || 'benchFailure' in window, null, { timeout: 20 * 60_000, polling: 500 }).catch((error) => {
      throw new Error(errors.join('; ') || error.message);
    });
    const failure = await tab.evaluate(() => window.benchFailure);
    if (failure) throw new Error(`the benchmark failed in the page: ${failure}`);
    const results = await tab.evaluate(() => window.benchResults);
    if (json) console.log(JSON.stringify(results, null, 2));
    else {
      console.log('Pairing board in Chromium (production build, in-memory Upward, median of 3)\n');
      console.log(`${'pairs'.padStart(6)} ${'solve alone'.padStart(12)} ${'first render'.padStart(13)} ${'re-solve'.padStart(10)} ${'swap list'.padStart(10)} ${'<option>s'.padStart(10)}`);
      const ms = (x) => `${Math.round(x)} ms`;
      for (const r of results) console.log(`${String(r.n).padStart(6)} ${ms(r.solveMs).padStart(12)} ${ms(r.firstRenderMs).padStart(13)} ${ms(r.resolveMs).padStart(10)} ${ms(r.swapListMs).padStart(10)} ${String(r.options).padStart(10)}`);
    }
    if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
