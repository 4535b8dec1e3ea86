/** Entry of the React example: registers the elements, builds the demo world, renders the app. */
import '@upward/elements/define/upward-provider';
import '@upward/elements/define/my-mentoring';
import '@upward/elements/define/session-log';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createDemoWorld } from './demo-world.ts';

const world = await createDemoWorld();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App world={world} />
  </StrictMode>,
);
