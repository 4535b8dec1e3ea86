// wtr server command `upward-override-quota`: shrinks the page origin's storage quota through
// the Chrome DevTools Protocol, so a test can provoke a real QuotaExceededError in IndexedDB.

/** Chrome drops a quota override when its DevTools session ends, so each stays open until lifted. */
const sessions = new Map();

export const overrideQuota = {
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
