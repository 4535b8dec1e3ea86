// Runs the IndexedDB store tests with one extra server command, `upward-override-quota`, which
// shrinks the page origin's storage quota through the Chrome DevTools Protocol so a real
// QuotaExceededError can be provoked. Under the shared config that test skips itself.
//   pnpm exec web-test-runner --config packages/sdk/test/storage/quota.wtr.config.mjs
import base from '../../../../test/web-test-runner.config.mjs';

/** Chrome drops a quota override when its DevTools session ends, so each stays open until lifted. */
const sessions = new Map();

const overrideQuota = {
  name: 'upward-override-quota',
  async executeCommand({ command, payload, session }) {
    if (command !== 'upward-override-quota') return undefined;
    const page = session.browser.getPage(session.id);
    const origin = new URL(page.url()).origin;
    let cdp = sessions.get(session.id);
    if (payload?.quotaSize === undefined) {
      if (cdp) {
        sessions.delete(session.id);
        await cdp.send('Storage.overrideQuotaForOrigin', { origin });
        await cdp.detach();
      }
      return true;
    }
    if (!cdp) {
      cdp = await page.context().newCDPSession(page);
      sessions.set(session.id, cdp);
    }
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: payload.quotaSize });
    return true;
  },
};

export default {
  ...base,
  files: ['packages/sdk/test/storage/indexeddb-store.test.ts'],
  plugins: [...base.plugins, overrideQuota],
};
