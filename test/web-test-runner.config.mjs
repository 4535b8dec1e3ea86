// @web/test-runner configuration: every browser test of the workspace runs in Debian's Chromium
// (a test tool's own browser download is impossible on these machines).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { summaryReporter } from './summary-reporter.mjs';
import { overrideQuota } from './plugins/override-quota.mjs';
import { args, executablePath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export default {
  rootDir: root,
  files: process.env.UPWARD_TEST_FILES?.split(',') ?? [
    'packages/*/test/**/*.test.ts',
    'test/browser/**/*.test.ts',
    // The server's suites run in Node (test/run-all.mjs starts them), not in the browser.
    '!packages/server/**',
  ],
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
