// Two ways to operate the People Hub in the end-to-end test, with the same verbs: the mouse
// (clicks; text typed into the clicked field) and the keyboard alone (Tab to reach a control,
// then Enter, Space, arrow keys and typing). The keyboard driver fails when a control cannot be
// reached with Tab, which is exactly what a keyboard user would run into.
const MAX_TABS = 600;

/** True when `element` is the focused element, looking through open shadow roots. */
function isDeepActive(element) {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active === element;
}

export function mouseDriver(page) {
  return {
    name: 'mouse',
    async click(locator) {
      await locator.click();
    },
    async fill(locator, text) {
      await locator.click();
      await locator.fill('');
      if (text) await page.keyboard.type(text);
    },
    async setDate(locator, value) {
      await locator.fill(value);
    },
    async check(locator) {
      if (!(await locator.isChecked())) await locator.click();
    },
    async select(locator, label) {
      await locator.selectOption({ label });
    },
    async choose(radio) {
      await radio.check();
    },
  };
}

export function keyboardDriver(page) {
  async function focus(locator) {
    const handle = await locator.elementHandle();
    for (let i = 0; i < MAX_TABS; i++) {
      if (await handle.evaluate(isDeepActive)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`not reachable with Tab within ${MAX_TABS} presses: ${locator}`);
  }
  return {
    name: 'keyboard',
    focus,
    async click(locator) {
      await focus(locator);
      await page.keyboard.press('Enter');
    },
    async fill(locator, text) {
      await focus(locator);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      if (text) await page.keyboard.type(text);
    },
    async setDate(locator, value) {
      // Reached with Tab like every control; the value is then set directly, because typing into
      // a native date field depends on the browser's own locale (segment order, 12/24 h), and
      // how a native date picker takes keys is the browser's accessibility, not the page's.
      await focus(locator);
      await locator.fill(value);
    },
    async check(locator) {
      await focus(locator);
      if (!(await locator.isChecked())) await page.keyboard.press('Space');
    },
    async select(locator, label) {
      await focus(locator);
      const labels = await locator.evaluate((s) => [...s.options].map((o) => o.label || o.textContent.trim()));
      const target = labels.indexOf(label);
      if (target < 0) throw new Error(`no option "${label}" in ${locator}`);
      for (let i = 0; i < labels.length + 1; i++) {
        const current = await locator.evaluate((s) => s.selectedIndex);
        if (current === target) return;
        await page.keyboard.press(current < target ? 'ArrowDown' : 'ArrowUp');
      }
      throw new Error(`could not select "${label}" with the arrow keys`);
    },
    /** A radio button: Tab reaches its group (one stop), the arrow keys move the choice. */
    async choose(radio) {
      const name = await radio.getAttribute('name');
      const handle = await radio.elementHandle();
      for (let i = 0; i < MAX_TABS; i++) {
        const inGroup = await handle.evaluate((el, n) => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return active?.getAttribute?.('type') === 'radio' && active.getAttribute('name') === n && active.getRootNode() === el.getRootNode();
        }, name);
        if (inGroup) break;
        await page.keyboard.press('Tab');
      }
      for (let i = 0; i < 10 && !(await radio.isChecked()); i++) {
        if (await handle.evaluate(isDeepActive)) await page.keyboard.press('Space');
        else await page.keyboard.press('ArrowDown');
      }
      if (!(await radio.isChecked())) throw new Error(`could not choose ${radio} with the keyboard`);
    },
  };
}
