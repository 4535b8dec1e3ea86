// How every browser run on these machines starts Chromium: Debian's binary (a test tool cannot
// download its own), and flags that keep a headless root session from reaching for the network.
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
