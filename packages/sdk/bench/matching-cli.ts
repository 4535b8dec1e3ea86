// Benchmark CLI for the matching engine on matchbench-v1 instances (see /work/shared/bench/matching):
//   pnpm bench:matching [--mode maxweight|maxcard] [--out DIR] <instance.json>...
// Prints one JSON line per instance; solve_s times only the engine call (parsing is outside).
//
// Under tsx, the TypeScript loader alone costs ~50 MB of resident memory, more than a whole small
// instance. So by default this file bundles itself (the same src/matching code, via esbuild) and
// runs the bundle in a plain `node` child, whose figures are the ones printed. `--in-process`
// (or UPWARD_BENCH_IN_PROCESS=1) runs everything in the current process instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveAssignment } from '../src/matching/assignment.ts';
import type { AssignmentProblem, Objective } from '../src/matching/problem.ts';
import { sparseFromEdges } from '../src/matching/problem.ts';

interface Args { mode: Objective; out: string | null; files: string[] }

function parseArgs(argv: string[]): Args {
  const args: Args = { mode: 'maxweight', out: null, files: [] };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--mode') {
      const m = argv[++k];
      if (m !== 'maxweight' && m !== 'maxcard') throw new Error('--mode must be maxweight or maxcard');
      args.mode = m;
    } else if (a.startsWith('--mode=')) {
      const m = a.slice(7);
      if (m !== 'maxweight' && m !== 'maxcard') throw new Error('--mode must be maxweight or maxcard');
      args.mode = m;
    } else if (a === '--out') args.out = argv[++k] ?? null;
    else if (a.startsWith('--out=')) args.out = a.slice(6);
    else if (a === '--') continue;
    else args.files.push(a);
  }
  return args;
}

interface Loaded { name: string; problem: AssignmentProblem }

// Reads an instance straight into typed arrays. The generator writes the header (name, mentors,
// mentees) first and the big "scores"/"edges" array last, so the header goes through JSON.parse and
// the numbers are scanned byte by byte: no million small arrays, far less memory than JSON.parse.
function loadInstance(file: string): Loaded {
  const buf = fs.readFileSync(file);
  const text = buf.toString('latin1', 0, Math.min(buf.length, 1 << 24));
  const key = /,\s*"(scores|edges)"\s*:\s*\[/.exec(text);
  if (!key) return fromParsed(JSON.parse(buf.toString('utf8')));
  const header = JSON.parse(text.slice(0, key.index) + '}') as Header;
  if (header.format !== 'matchbench-v1') throw new Error(`${file}: unknown format ${String(header.format)}`);
  const nums = scanNumbers(buf, key.index + key[0].length);
  const n = header.mentees.length;
  const capacity = Int32Array.from(header.mentors, (r) => r.capacity);
  if (key[1] === 'scores') {
    const m = capacity.length;
    if (nums.length !== n * m) throw new Error(`${file}: expected ${n * m} scores, got ${nums.length}`);
    return { name: header.name, problem: { kind: 'dense', menteeCount: n, mentorCount: m, capacity, scores: nums } };
  }
  const e = nums.length / 3;
  const mentee = new Int32Array(e);
  const mentor = new Int32Array(e);
  const score = new Float64Array(e);
  for (let k = 0; k < e; k++) { mentee[k] = nums[3 * k]!; mentor[k] = nums[3 * k + 1]!; score[k] = nums[3 * k + 2]!; }
  return { name: header.name, problem: sparseFromEdges(n, capacity, mentee, mentor, score) };
}

interface Header {
  format: string; kind: 'dense' | 'sparse'; name: string;
  mentors: { capacity: number }[]; mentees: unknown[];
  scores?: number[][]; edges?: [number, number, number][];
}

function fromParsed(inst: Header): Loaded {
  const n = inst.mentees.length;
  const capacity = Int32Array.from(inst.mentors, (r) => r.capacity);
  if (inst.kind === 'dense') {
    const m = capacity.length;
    const scores = new Float64Array(n * m);
    inst.scores!.forEach((row, i) => scores.set(row, i * m));
    return { name: inst.name, problem: { kind: 'dense', menteeCount: n, mentorCount: m, capacity, scores } };
  }
  const edges = inst.edges!;
  return {
    name: inst.name,
    problem: sparseFromEdges(n, capacity, edges.map((x) => x[0]), edges.map((x) => x[1]), edges.map((x) => x[2])),
  };
}

// All numbers (integers or decimals, optional sign/exponent) from `from` to the end of the buffer.
function scanNumbers(buf: Buffer, from: number): Float64Array {
  let out = new Float64Array(1 << 20);
  let count = 0;
  const len = buf.length;
  let p = from;
  while (p < len) {
    const c = buf[p]!;
    if ((c >= 48 && c <= 57) || c === 45) {
      const s = p;
      let neg = false;
      if (c === 45) { neg = true; p++; }
      let val = 0;
      while (p < len && buf[p]! >= 48 && buf[p]! <= 57) { val = val * 10 + (buf[p]! - 48); p++; }
      const nc = p < len ? buf[p]! : 0;
      if (nc === 46 || nc === 101 || nc === 69) {
        while (p < len && /[0-9.eE+-]/.test(String.fromCharCode(buf[p]!))) p++;
        val = Number(buf.toString('latin1', s, p));
        neg = false;
      }
      if (count === out.length) { const bigger = new Float64Array(out.length * 2); bigger.set(out); out = bigger; }
      out[count++] = neg ? -val : val;
    } else p++;
  }
  return out.slice(0, count);
}

async function runInPlainNode(argv: string[]): Promise<number> {
  const self = fileURLToPath(import.meta.url);
  const out = path.join(os.tmpdir(), `upward-matching-cli-${process.pid}.mjs`);
  const esbuild = await import('esbuild');
  esbuild.buildSync({ entryPoints: [self], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'error', external: ['esbuild'] });
  try {
    const child = spawnSync(process.execPath, [out, ...argv], { stdio: 'inherit', env: { ...process.env, UPWARD_BENCH_IN_PROCESS: '1' } });
    return child.status ?? 1;
  } finally {
    fs.rmSync(out, { force: true });
  }
}

function main(): void {
  const argv = process.argv.slice(2).filter((a) => a !== '--in-process');
  const inProcess = argv.length !== process.argv.length - 2 || process.env.UPWARD_BENCH_IN_PROCESS === '1' || !import.meta.url.endsWith('.ts');
  if (!inProcess) {
    runInPlainNode(argv).then((code) => process.exit(code), (e: unknown) => { console.error(e); process.exit(1); });
    return;
  }
  const args = parseArgs(argv);
  if (args.files.length === 0) {
    process.stderr.write('usage: pnpm bench:matching [--mode maxweight|maxcard] [--out DIR] <instance.json>...\n');
    process.exit(2);
  }
  if (args.out) fs.mkdirSync(args.out, { recursive: true });
  for (const file of args.files) {
    const { name, problem } = loadInstance(file);
    const t0 = performance.now();
    const result = solveAssignment(problem, { objective: args.mode });
    const solveS = (performance.now() - t0) / 1000;
    const line = {
      instance: name,
      mode: args.mode,
      total: result.total,
      matched: result.matched,
      solve_s: +solveS.toFixed(4),
      peak_rss_mb: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
    };
    process.stdout.write(JSON.stringify(line) + '\n');
    if (args.out) fs.writeFileSync(path.join(args.out, name + '.json'), JSON.stringify(Array.from(result.mentorOf)));
  }
}

main();
