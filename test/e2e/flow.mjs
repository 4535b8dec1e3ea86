// The steps of the end-to-end walk through the People Hub, as [name, body] pairs. Each body
// waits for the state it expects (text, a role, an attribute), never for a fixed time.
import { strict as assert } from 'node:assert';
import { misfits } from '../support/misfits.mjs';

export function flow({ page, drive, hub, actAs, goTo, people, PROGRAM }) {
  const status = (el, text) => el.getByText(text).first().waitFor();
  /** Every Upward element on the page has shown its data (no loading state left). */
  const rendered = () =>
    page.waitForFunction(() =>
      [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('upward-') && el.localName !== 'upward-provider').every((el) => el.shadowRoot?.childElementCount && !el.shadowRoot.querySelector('[part~="loading"]')),
    );

  return [
    [
      'home page',
      async () => {
        await page.getByRole('heading', { name: 'Welcome to the People Hub' }).waitFor();
        assert.equal(await page.locator('#acting-as').inputValue(), 'admin');
      },
    ],
    [
      'admin sets up a program from a playbook',
      async () => {
        await goTo('hr');
        const setup = hub.setup;
        await drive.fill(setup.getByLabel('Name', { exact: true }), PROGRAM);
        await drive.select(setup.getByLabel('Purpose'), 'Digital strategy');
        await drive.click(setup.getByRole('button', { name: 'Start from this playbook' }));
        await drive.fill(setup.getByLabel('Find people'), people.champion);
        await drive.check(setup.getByRole('checkbox', { name: people.champion }));
        await drive.setDate(setup.getByLabel('Kickoff'), '2027-01-11');
        await drive.setDate(setup.getByLabel('End', { exact: true }), '2027-06-30');
        await drive.click(setup.getByRole('button', { name: 'Create program' }));
        await setup.getByRole('button', { name: 'Open enrolment' }).waitFor();
        await page.locator('#program-picker option', { hasText: PROGRAM }).waitFor({ state: 'attached' });
      },
    ],
    [
      'admin opens enrolment',
      async () => {
        await drive.click(hub.setup.getByRole('button', { name: 'Open enrolment' }));
        await hub.setup.getByRole('button', { name: 'Start matching' }).waitFor();
      },
    ],
    ...['mentor', 'mentee'].map((role) => [
      `${role} enrols`,
      async () => {
        await actAs(role);
        await goTo('mentoring');
        const form = hub.enrolment;
        await drive.choose(form.getByRole('radio', { name: role === 'mentor' ? 'Mentor' : 'Mentee', exact: true }));
        await drive.fill(form.getByLabel('Skill 1', { exact: true }), 'TikTok');
        await drive.fill(form.getByLabel('Your goals'), role === 'mentor' ? 'See how leadership decides' : 'Post one short video a month');
        await drive.check(form.getByRole('checkbox', { name: 'I agree to the program’s terms above.' }));
        await drive.click(form.getByRole('button', { name: 'Enrol', exact: true }));
        await form.getByRole('button', { name: 'Edit my enrolment' }).waitFor();
      },
    ]),
    [
      'admin approves both applications',
      async () => {
        await actAs('admin');
        await goTo('hr');
        const panel = page.locator('#applications');
        for (const name of [people.mentor, people.mentee]) {
          await drive.click(panel.getByRole('button', { name: `Approve ${name}` }));
          await panel.getByRole('button', { name: `Approve ${name}` }).waitFor({ state: 'detached' });
        }
        await panel.getByRole('heading', { name: 'Applications to review (0)' }).waitFor();
        // Keyboard focus survives the list's re-renders: with none left it is on the list's heading, not <body>.
        await page.waitForFunction(() => document.activeElement?.id === 'applications-title');
      },
    ],
    [
      'admin starts matching and sees the proposed pair',
      async () => {
        await drive.click(hub.setup.getByRole('button', { name: 'Start matching' }));
        await hub.setup.getByRole('button', { name: 'Launch the program' }).waitFor();
        await hub.board.getByRole('button', { name: 'Publish 1 pair…' }).waitFor();
        await hub.board.getByText(/: 1 pair, total score \d+, 0 unmatched\./).first().waitFor();
        await hub.board.getByText(people.mentor).first().waitFor();
        await hub.board.getByText(people.mentee).first().waitFor();
      },
    ],
    [
      'admin publishes the pair and launches the program',
      async () => {
        await drive.click(hub.board.getByRole('button', { name: 'Publish 1 pair…' }));
        await hub.board.getByText('Publish 1 pair as a proposed match?').waitFor();
        await drive.click(hub.board.locator('[data-action="confirm-publish"]'));
        await hub.board.getByText('Published 1 match.').first().waitFor();
        await hub.board.getByRole('heading', { name: 'Published matches' }).waitFor();
        await drive.click(hub.setup.getByRole('button', { name: 'Launch the program' }));
        await hub.setup.getByText('Running', { exact: true }).first().waitFor();
      },
    ],
    [
      'mentor accepts the match',
      async () => {
        await actAs('mentor');
        await goTo('mentoring');
        await drive.click(hub.mine.getByRole('button', { name: 'Accept' }));
        await status(hub.mine, 'Accepted. Waiting for the others to answer.');
      },
    ],
    [
      'mentee accepts the match',
      async () => {
        await actAs('mentee');
        await goTo('mentoring');
        await drive.click(hub.mine.getByRole('button', { name: 'Accept' }));
        await status(hub.mine, 'Accepted. You are now a pair: plan your first meeting.');
      },
    ],
    [
      'mentee plans the trial meeting',
      async () => {
        const log = hub.log;
        await log.getByLabel('Date and time').waitFor();
        await drive.setDate(log.getByLabel('Date and time'), '2027-01-18T10:00');
        await drive.click(log.getByRole('button', { name: 'Plan session' }));
        await log.getByText('Trial meeting').first().waitFor();
      },
    ],
    [
      'mentee logs the trial meeting with an action item',
      async () => {
        const log = hub.log;
        await drive.click(log.getByRole('button', { name: 'Log this session' }));
        await drive.fill(log.getByLabel('Shared notes'), 'Tried short-form video editing on a phone.');
        await drive.fill(log.getByLabel('What I learned'), 'Captions matter more than music.');
        await drive.click(log.getByRole('button', { name: 'Add an action item' }));
        await drive.fill(log.getByLabel('Action item 1'), 'Post a 30-second team update');
        await drive.click(log.getByRole('button', { name: 'Save the log' }));
        await status(log, 'Session logged.');
      },
    ],
    ...['mentee', 'mentor'].map((role) => [
      `${role} continues after the trial`,
      async () => {
        if (role === 'mentor') {
          await actAs('mentor');
          await goTo('mentoring');
        }
        await drive.click(hub.mine.getByRole('button', { name: 'Continue together' }));
        await status(hub.mine, role === 'mentee' ? 'Noted: you want to continue.' : 'You are both continuing. Enjoy learning together!');
      },
    ]),
    [
      'mentor sends the agreement and signs it',
      async () => {
        const agreement = hub.agreement;
        await drive.click(agreement.getByRole('button', { name: 'Send for signatures' }));
        await drive.click(agreement.getByRole('button', { name: 'Sign version 1' }));
        await status(agreement, 'Signed. Waiting for the other signatures.');
      },
    ],
    [
      'mentee signs: the agreement is in force',
      async () => {
        await actAs('mentee');
        await goTo('mentoring');
        await drive.click(hub.agreement.getByRole('button', { name: 'Sign version 1' }));
        await status(hub.agreement, 'Signed. Everyone has signed: the agreement is in force.');
      },
    ],
    [
      'the next session carries the action item over',
      async () => {
        const log = hub.log;
        // With sessions on record, the planning form starts folded away.
        const summary = log.locator('summary', { hasText: 'Plan a session' });
        if (!(await summary.evaluate((el) => el.parentElement.open))) await drive.click(summary);
        await drive.setDate(log.getByLabel('Date and time'), '2027-02-01T10:00');
        await drive.click(log.getByRole('button', { name: 'Plan session' }));
        await log.getByText('Carried over').first().waitFor();
        await log.getByText('Post a 30-second team update').first().waitFor();
      },
    ],
    [
      'champion sees numbers and dates, never notes',
      async () => {
        await actAs('champion');
        await goTo('champion');
        const overview = page.locator('#champion-overview');
        await overview.getByRole('heading', { name: PROGRAM }).waitFor();
        await overview.getByText('1 in all').waitFor();
        await overview.getByText('1 held, 1 planned').waitFor();
        const text = await page.locator('main').innerText();
        assert.ok(!text.includes('short-form video editing'), 'the champion must not see shared notes');
        assert.ok(!text.includes('Captions matter'), 'the champion must not see reflections');
      },
    ],
    [
      'German and dark mode',
      async () => {
        await drive.select(page.locator('#language'), 'Deutsch');
        await page.getByRole('heading', { name: 'Champion-Übersicht' }).waitFor();
        await drive.select(page.locator('#theme'), 'Dunkel');
        await actAs('mentee');
        await goTo('mentoring');
        await hub.mine.getByRole('heading', { name: 'Mein Mentoring' }).first().waitFor();
      },
    ],
    [
      'every screen fits a 320 px wide window (WCAG 1.4.10)',
      async () => {
        await page.setViewportSize({ width: 320, height: 640 });
        const problems = [];
        for (const [role, route] of [['admin', 'hr'], ['mentor', 'mentoring'], ['champion', 'champion'], ['mentee', 'mentoring']]) {
          await actAs(role);
          await goTo(route);
          await rendered();
          problems.push(...(await page.evaluate(misfits)).map((p) => `${role} on ${route}: ${p}`));
        }
        assert.deepEqual(problems, [], 'nothing may need sideways scrolling at 320 px (in German, whose words are long)');
      },
    ],
  ];
}
