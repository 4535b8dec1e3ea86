// The README's main command (`pnpm start`): builds the People Hub page when its sources changed,
// then starts the Upward reference server on embedded PGlite (data in .upward-data/, nothing to
// install) serving the page and the REST API from one origin. Demo sign-in (the page's "acting
// as" switcher) is switched on here, explicitly, because this is the demo; a real deployment sets
// UPWARD_AUTH=jwt or proxy instead (packages/server/README.md). PORT is honoured (default 8787).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

if (await buildIfNeeded()) console.log('[upward] Built the People Hub page (examples/intranet/dist).');

const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    UPWARD_DEMO: '1',
    UPWARD_AUTH: 'demo',
    UPWARD_STATIC_DIR: 'examples/intranet/dist',
    ...process.env,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
