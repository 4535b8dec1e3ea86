/**
 * Drives load at the server for the benchmarks: wrk where it is installed (or can be, with apt
 * as root), autocannon otherwise. The choice matters on a small machine. The load generator
 * shares the cores with the server and PostgreSQL, and autocannon, being JavaScript, spends about
 * as much CPU per request as the server under test (measured here: ~0.9 ms a request, a whole core
 * at 1,000 req/s). wrk, in C, needs a small fraction of that, so the figures describe the server
 * rather than the tool.
 *
 * Both tools get the same requests: the caller builds them up front (each with its own bearer
 * token, path, Idempotency-Key and body), and they are sent in order (see `LoadOptions.order`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type RawRequest } from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  requests: readonly LoadRequest[];
  /**
   * How the list is used. `cycle`: round and round (reads). `once`: each request at most once,
   * the run failing if the list runs out before the time is up (writes: each is a new command).
   * `pass`: each request once, the run ending there (`durationSeconds` is then only a bound).
   */
  order: 'cycle' | 'once' | 'pass';
}

export interface LoadResult {
  tool: 'wrk' | 'autocannon';
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
}

export type LoadTool = LoadResult['tool'];

const hasWrk = () => spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).status === 0;

/** wrk if it is here or apt can add it (as root); else autocannon, with the reason printed. */
export function chooseLoadTool(requested: string | undefined, log: (message: string) => void): LoadTool {
  if (requested === 'autocannon') return 'autocannon';
  if (hasWrk()) return 'wrk';
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    log('installing wrk with apt …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], { env, stdio: 'ignore' });
    if (!hasWrk()) spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq wrk'], { env, stdio: 'ignore' });
    if (hasWrk()) return 'wrk';
  }
  if (requested === 'wrk') throw new Error('wrk is not installed and could not be installed: apt-get install wrk');
  log('wrk is not available (apt-get install wrk): using autocannon, which takes much of the CPU the server would get');
  return 'autocannon';
}

export function runLoad(tool: LoadTool, options: LoadOptions): Promise<LoadResult> {
  if (options.requests.length === 0) throw new Error('no requests to send');
  return tool === 'wrk' ? runWrk(options) : runAutocannon(options);
}

async function runAutocannon({ url, connections, durationSeconds, requests, order }: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const setupRequest = (request: RawRequest): RawRequest => {
    if (order === 'once' && next >= requests.length) throw new Error(`the benchmark ran out of requests after ${requests.length}: seed more`);
    const { method, path, headers, body } = requests[next++ % requests.length]!;
    return { ...request, method, path, headers, ...(body === undefined ? {} : { body }) };
  };
  const amount = order === 'pass' ? { amount: requests.length } : {};
  const result = await autocannon({ url, connections, duration: durationSeconds, ...amount, requests: [{ setupRequest }] });
  return {
    tool: 'autocannon',
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * wrk's Lua script: the requests, prepared as raw HTTP/1.1 text and separated by NUL bytes, are
 * read once and handed out in order; at the end of the list, `cycle` starts again and `once`
 * repeats the sentinel request runWrk appends (which fails, so running out shows). In a `pass`,
 * the answer to the last request stops the thread and prints a marker, on which runWrk interrupts
 * wrk (its main thread otherwise sleeps out the whole duration). `done` prints the summary as
 * one JSON line.
 */
const WRK_SCRIPT = `
local file = assert(io.open(os.getenv("UPWARD_WRK_REQUESTS"), "rb"))
local all = file:read("*a")
file:close()
local list = {}
for raw in all:gmatch("[^%z]+") do list[#list + 1] = raw end
local order = os.getenv("UPWARD_WRK_ORDER")
local next = 0
request = function()
  next = next + 1
  if next > #list then
    if order ~= "cycle" then return list[#list] end
    next = 1
  end
  return list[next]
end
if order == "pass" then
  local answered = 0
  response = function()
    answered = answered + 1
    if answered == #list then
      io.write("UPWARD_WRK_PASS_DONE\\n")
      io.flush()
      wrk.thread:stop()
    end
  end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('UPWARD_WRK {"requests":%d,"durationUs":%d,"failed":%d,"status":%d,"p50Us":%d,"p99Us":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
`;

async function runWrk({ url, connections, durationSeconds, requests, order }: LoadOptions): Promise<LoadResult> {
  const { host } = new URL(url);
  const dir = mkdtempSync(join(tmpdir(), 'upward-wrk-'));
  try {
    const raw = requests.map(({ method, path, headers, body }) => {
      const lines = [`${method} ${path} HTTP/1.1`, `Host: ${host}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
      if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
      return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
    });
    if (order === 'once') {
      // A write sent twice would be refused (its session is no longer planned): stop short instead.
      raw.push(`GET /api/v1/ran-out-of-requests HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    }
    writeFileSync(join(dir, 'requests'), raw.join('\0'));
    writeFileSync(join(dir, 'script.lua'), WRK_SCRIPT);
    // One thread is plenty for a few thousand requests a second and leaves the cores to the server.
    const args = ['-t1', `-c${connections}`, `-d${durationSeconds}s`, '--timeout', '10s', '-s', join(dir, 'script.lua'), url];
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, {
        env: { ...process.env, UPWARD_WRK_REQUESTS: join(dir, 'requests'), UPWARD_WRK_ORDER: order },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (order === 'pass' && text.includes('UPWARD_WRK_PASS_DONE') && !child.killed) child.kill('SIGINT');
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}:\n${text}`))));
    });
    const line = /UPWARD_WRK (\{.*\})/.exec(out)?.[1];
    if (!line) throw new Error(`wrk printed no summary:\n${out}`);
    const s = JSON.parse(line) as { requests: number; durationUs: number; failed: number; status: number; p50Us: number; p99Us: number };
    return {
      tool: 'wrk',
      requests: s.requests,
      perSecond: s.requests / (s.durationUs / 1e6),
      p50Ms: s.p50Us / 1000,
      p99Ms: s.p99Us / 1000,
      errors: s.failed + s.status,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
