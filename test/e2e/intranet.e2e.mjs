// End-to-end test of the People Hub demo (examples/intranet) in Debian's Chromium: builds and
// serves the demo, then walks a whole reverse-mentoring program through every role — HR sets up
// a program from a playbook and opens enrolment, a mentor and a mentee enrol, HR approves them,
// starts matching, pairs them on the pairing board and publishes, both accept, meet for the
// trial and continue, sign the agreement, plan and log a session with an action item, and the
// next session's agenda carries the item over; the champion sees the program in numbers only.
// The walk runs twice: once with the mouse, once with the keyboard alone. axe runs on every
// screen (any violation fails the step) and each screen is saved to test/e2e/screenshots/.
//
//   node test/e2e/intranet.e2e.mjs            (prints a bare `N passed, N failed` line at the end)
//   E2E_ONLY=mouse|keyboard  run one walk;  E2E_HEADED=1  watch it
//   E2E_URL=http://127.0.0.1:8787/  walk a page an Upward server serves (demo auth, data on the
//   server: start it with a fresh data set and run one walk, since the walk creates the program)
//
// A third walk runs against the real Upward server (PGlite, a fresh data directory) through the
// remote client, and then a second browser acting as the mentor sees the same program and, live,
// a session the mentee plans in the first browser: two people, two browsers, one shared program.
// Last, the React 19 example is built and walked with the keyboard (test/e2e/react-example.mjs).
//   E2E_ONLY=server|react  run only that part
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { args, executablePath } from '../chromium.mjs';
import { buildIfNeeded, serveDemo } from '../../examples/intranet/serve.mjs';
import { keyboardDriver, mouseDriver } from './driver.mjs';
import { buildReactExample, reactSteps } from './react-example.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const shots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const STEP_TIMEOUT = 30_000;

const PROGRAM = 'Digital Leaders 2027';
const people = {
  admin: 'Isla Wilson',
  champion: 'Ngozi Ogunleye',
  mentor: 'Rahul Mehta',
  mentee: 'Brandon Chen',
};

let passed = 0;
let failed = 0;

/** axe on the whole page, shadow roots included; returns readable violations. */
async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' > ')}: ${n.any[0]?.message ?? n.failureSummary ?? ''}`).join(' | ')}`,
    );
  });
  return violations;
}

function walk(page, drive, mode) {
  let n = 0;
  const hub = {
    setup: page.locator('upward-program-setup'),
    board: page.locator('upward-pairing-board'),
    enrolment: page.locator('upward-enrolment'),
    mine: page.locator('upward-my-mentoring'),
    agreement: page.locator('upward-agreement'),
    log: page.locator('upward-session-log'),
  };

  async function actAs(key) {
    // By name, so it works in either language of the page.
    const option = `${people[key]} (`;
    const labels = await page.locator('#acting-as option').allTextContents();
    await drive.select(page.locator('#acting-as'), labels.find((l) => l.startsWith(option)));
    await page.waitForFunction((k) => document.body.dataset.actingAs === k, key);
  }

  async function goTo(route) {
    await drive.click(page.locator(`nav a[data-route-link="${route}"]`));
    await page.waitForFunction((r) => location.hash === `#/${r}`, route);
  }

  async function step(name, body) {
    n++;
    const label = `${mode}: ${String(n).padStart(2, '0')} ${name}`;
    try {
      await body();
      const violations = await axe(page);
      await page.screenshot({ path: `${shots}${mode}-${String(n).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`, fullPage: true });
      if (violations.length) throw new Error(`axe found ${violations.length} violation(s):\n      ${violations.join('\n      ')}`);
      passed++;
      console.log(`  ✓ ${label}`);
      return true;
    } catch (error) {
      failed++;
      console.log(`  ✗ ${label}\n      ${String(error?.message ?? error).split('\n').join('\n      ')}`);
      await page.screenshot({ path: `${shots}${mode}-${String(n).padStart(2, '0')}-FAILED.png`, fullPage: true }).catch(() => {});
      return false;
    }
  }

  return { hub, actAs, goTo, step };
}

async function run(browser, baseUrl, mode, storage = process.env.E2E_URL ? 'server' : 'local') {
  // bypassCSP: axe is injected as an inline script, which the Upward server's CSP rightly forbids.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Europe/London', bypassCSP: true });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const drive = mode === 'keyboard' ? keyboardDriver(page) : mouseDriver(page);
  const { hub, actAs, goTo, step } = walk(page, drive, mode);
  const steps = (await import('./flow.mjs')).flow({ page, drive, hub, actAs, goTo, people, PROGRAM });

  await page.goto(`${baseUrl}?storage=${storage}`);
  await page.waitForSelector('body[data-ready="true"]');
  let ok = true;
  for (const [name, body] of steps) {
    if (!ok) {
      failed++;
      console.log(`  - ${mode}: ${name} (not run: an earlier step failed)`);
      continue;
    }
    ok = await step(name, body);
  }
  if (errors.length) {
    failed++;
    console.log(`  ✗ ${mode}: the page threw ${errors.length} uncaught error(s): ${errors.slice(0, 3).join(' | ')}`);
  }
  if (ok && storage === 'server') await secondBrowser(browser, baseUrl, { page, drive, hub, actAs, goTo, step });
  await context.close();
}

/**
 * A second browser (its own context: no shared storage) acts as the mentor on the same server
 * and sees what the first walk did; then the mentee, in the first browser, plans a session and
 * the mentor's page shows it without a reload (the server's change feed).
 */
async function secondBrowser(browser, baseUrl, first) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Europe/London', bypassCSP: true });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  const second = walk(page, mouseDriver(page), 'second-browser');
  await page.goto(`${baseUrl}?storage=server`);
  await page.waitForSelector('body[data-ready="true"]');
  await second.step('the mentor sees the shared match, agreement and carried-over item', async () => {
    await second.actAs('mentor');
    await second.goTo('mentoring');
    await second.hub.agreement.getByText(/in force/i).first().waitFor();
    await second.hub.log.getByText('Post a 30-second team update').first().waitFor();
  });
  await second.step('a session the mentee plans in the other browser appears live', async () => {
    await first.drive.select(first.page.locator('#language'), 'English');
    const log = first.hub.log;
    const summary = log.locator('summary', { hasText: 'Plan a session' });
    if (!(await summary.evaluate((el) => el.parentElement.open))) await first.drive.click(summary);
    await first.drive.setDate(log.getByLabel('Date and time'), '2027-03-01T10:00');
    await first.drive.click(log.getByRole('button', { name: 'Plan session' }));
    await second.hub.log.getByText(/Mar 1, 2027|1 Mar 2027/).first().waitFor();
  });
  await context.close();
}

/** The React example, served from its own build, walked with the keyboard. */
async function runReact(browser) {
  const example = await serveDemo({ port: 0, root: await buildReactExample() });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Europe/London' });
  context.setDefaultTimeout(STEP_TIMEOUT);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const drive = keyboardDriver(page);
    const { step } = walk(page, drive, 'react');
    await page.goto(example.url);
    let ok = true;
    for (const [name, body] of reactSteps({ page, drive })) {
      if (!ok) {
        failed++;
        console.log(`  - react: ${name} (not run: an earlier step failed)`);
        continue;
      }
      ok = await step(name, body);
    }
    if (errors.length) {
      failed++;
      console.log(`  ✗ react: the page threw ${errors.length} uncaught error(s): ${errors.slice(0, 3).join(' | ')}`);
    }
  } finally {
    await context.close();
    await example.close();
  }
}

/** Starts the Upward server (demo sign-in, embedded PGlite in a fresh directory) on a free port. */
async function startUpwardServer() {
  const dataDir = await mkdtemp(join(tmpdir(), 'upward-e2e-'));
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    // Every person of the walk, in both browsers, comes from 127.0.0.1, and the rate limit counts per
    // address: the default 600 a minute is for one person's browser, not for a whole cast at once.
    env: { ...process.env, PORT: '0', UPWARD_DEMO: '1', UPWARD_AUTH: 'demo', UPWARD_DATA_DIR: dataDir, UPWARD_STATIC_DIR: 'examples/intranet/dist', UPWARD_RATE_LIMIT_MAX: '20000' },
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /Listening on (http:\/\/[^\s]+)/.exec(out);
      if (found) resolve(`${found[1]}/`);
    });
    child.on('exit', (code) => reject(new Error(`the Upward server exited (${code}) before listening:\n${out}`)));
  });
  return {
    url,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

await rm(shots, { recursive: true, force: true });
await mkdir(shots, { recursive: true });
if (!process.env.E2E_URL && (await buildIfNeeded())) console.log('Built the demo.');
const server = process.env.E2E_URL ? { url: process.env.E2E_URL, close: async () => {} } : await serveDemo({ port: 0 });
const browser = await chromium.launch({ executablePath, args, headless: !process.env.E2E_HEADED });
try {
  for (const mode of ['mouse', 'keyboard']) {
    if (process.env.E2E_ONLY && process.env.E2E_ONLY !== mode) continue;
    console.log(`People Hub, walked with the ${mode}:`);
    await run(browser, server.url, mode);
  }
  if (!process.env.E2E_URL && (!process.env.E2E_ONLY || process.env.E2E_ONLY === 'server')) {
    console.log('People Hub on the Upward server (PGlite), walked with the mouse, then a second browser:');
    const upward = await startUpwardServer();
    try {
      await run(browser, upward.url, 'server', 'server');
    } finally {
      await upward.close();
    }
  }
  if (!process.env.E2E_URL && (!process.env.E2E_ONLY || process.env.E2E_ONLY === 'react')) {
    console.log('The React example, with the keyboard:');
    await runReact(browser);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
