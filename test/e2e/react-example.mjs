// The React 19 example (examples/react) in the end-to-end run: built with Vite like a host
// application would, then walked with the keyboard. It proves what the example claims: React sets
// the client as a property, `on<event>` props and a ref listener both receive the elements' events,
// and giving an element another client (a different person) re-renders it for that person.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../examples/react/', import.meta.url));

/** Builds the example into examples/react/dist (a fresh build: it takes well under a second). */
export async function buildReactExample() {
  await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn' });
  return `${root}dist`;
}

/** The walk, as [name, body] steps for the end-to-end test's `step` (axe and a screenshot each). */
export function reactSteps({ page, drive }) {
  const mine = page.locator('upward-my-mentoring');
  const log = page.locator('upward-session-log');
  const received = page.locator('section[aria-labelledby="events-title"] li');
  return [
    [
      'the mentee’s match and sessions, from a client React passed as a property',
      async () => {
        await mine.getByText('Rahul Mehta').first().waitFor();
        await log.getByText('No session planned yet.').waitFor();
        await received.getByText('None yet').waitFor();
      },
    ],
    [
      'a planned session reaches React through an on<event> prop',
      async () => {
        await drive.setDate(log.getByLabel('Date and time'), '2027-01-18T10:00');
        await drive.click(log.getByRole('button', { name: 'Plan session' }));
        await log.getByText('Trial meeting').first().waitFor();
        await received.getByText(/Session planned for .*2027/).waitFor();
      },
    ],
    [
      'an added action item reaches React through a ref listener',
      async () => {
        await drive.fill(log.locator('#field-item-text'), 'Share a reading list');
        await drive.click(log.getByRole('button', { name: 'Add action item' }));
        await received.getByText('Action item added: “Share a reading list”').waitFor();
      },
    ],
    [
      'acting as the mentor gives both elements the mentor’s client',
      async () => {
        await drive.select(page.getByLabel('Acting as'), 'Rahul Mehta (mentor)');
        await mine.getByText('Brandon Chen').first().waitFor();
        await log.getByText('Trial meeting').first().waitFor();
        await log.getByText('Share a reading list').first().waitFor();
      },
    ],
  ];
}
