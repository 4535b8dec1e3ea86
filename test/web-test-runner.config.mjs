// @web/test-runner configuration: every browser test of the workspace runs in Debian's Chromium
// (a test tool's own browser download is impossible on these machines).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { summaryReporter } from './summary-reporter.mjs';
import { overrideQuota } from './plugins/override-quota.mjs';
import { args, executablePath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// msw's service worker must be served from the origin's root to control the test pages (from a
// sub-folder its scope would not cover them, and fetches would 404).
const mockServiceWorker = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
function serveMockServiceWorker(context, next) {
  if (context.path !== '/mockServiceWorker.js') return next();
  context.type = 'application/javascript';
  context.set('Service-Worker-Allowed', '/');
  context.body = readFileSync(mockServiceWorker, 'utf8');
  return undefined;
}

export default {
  rootDir: root,
  files: process.env.UPWARD_TEST_FILES?.split(',') ?? [
    'packages/*/test/**/*.test.ts',
    'test/browser/**/*.test.ts',
    // The demo page's own behaviour (layout at 320 px, focus, loading states).
    'examples/intranet/test/**/*.test.ts',
    // The server's suites run in Node (test/run-all.mjs starts them), not in the browser.
    '!packages/server/**',
  ],
  middleware: [serveMockServiceWorker],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 600_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 60_000 } },
  // esbuild reads this file raw (no `extends`), so it must hold the decorator flags itself.
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)), target: 'es2022' }), overrideQuota],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
