// Runs the IndexedDB store tests with one extra server command, `upward-override-quota`, which
// shrinks the page origin's storage quota through the Chrome DevTools Protocol so a real
// QuotaExceededError can be provoked. Under the shared config that test skips itself.
//   pnpm exec web-test-runner --config packages/sdk/test/storage/quota.wtr.config.mjs
import base from '../../../../test/web-test-runner.config.mjs';

const overrideQuota = {
  name: 'upward-override-quota',
  async executeCommand({ command, payload, session }) {
    if (command !== 'upward-override-quota') return undefined;
    const page = session.browser.getPage(session.id);
    const cdp = await page.context().newCDPSession(page);
    try {
      const origin = new URL(page.url()).origin;
      // Without quotaSize the override is lifted.
      await cdp.send('Storage.overrideQuotaForOrigin', payload?.quotaSize === undefined ? { origin } : { origin, quotaSize: payload.quotaSize });
    } finally {
      await cdp.detach();
    }
    return true;
  },
};

export default {
  ...base,
  files: ['packages/sdk/test/storage/indexeddb-store.test.ts'],
  plugins: [...base.plugins, overrideQuota],
};
