#!/usr/bin/env node
// Side-by-side run of the scipy reference and the Upward engine (matching-cli.ts) on matchbench-v1
// instances, both modes; checks our assignment independently with the bench's own verifier.
//   node packages/sdk/bench/compare-scipy.mjs [--bench DIR] [--instances DIR] [--modes maxweight,maxcard] [names...]
// Prints a markdown table; exits 1 when a total differs or an assignment is invalid.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const k = argv.indexOf(name);
  if (k < 0) return dflt;
  const val = argv[k + 1];
  argv.splice(k, 2);
  return val;
};
// The shared benchmark folder sits beside the repository (../shared/bench/matching).
const benchDir = opt('--bench', path.resolve(root, '../shared/bench/matching'));
const instDir = opt('--instances', process.env.MB_INSTANCES || '/tmp/mb-instances');
const modes = opt('--modes', 'maxweight,maxcard').split(',');
const names = argv.length ? argv : ['dense-500', 'dense-1000', 'dense-2000', 'dense-4000', 'sparse-1000', 'sparse-10000',
  'sparse-50000', 'sparse-tight-1000', 'sparse-tight-10000', 'sparse-tight-50000'];
if (!names.every((n) => fs.existsSync(path.join(instDir, `${n}.json`)))) {
  console.error(`[bench] generating the default instances into ${instDir}`);
  execFileSync(process.execPath, [path.join(benchDir, 'gen.mjs')], { stdio: 'inherit', env: { ...process.env, MB_INSTANCES: instDir } });
}
const { loadInstance, verify } = await import(pathToFileURL(path.join(benchDir, 'lib/instance.mjs')).href);
const tsx = path.join(root, 'node_modules/.bin/tsx');
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-ours-'));

const lastJson = (s) => JSON.parse(s.trim().split('\n').filter((l) => l.startsWith('{')).pop());
const rows = [];
let failed = false;
for (const mode of modes) {
  for (const name of names) {
    const file = path.join(instDir, name + '.json');
    if (!fs.existsSync(file)) { console.error(`skip ${name}: ${file} missing`); continue; }
    const sp = lastJson(execFileSync('/usr/bin/python3', [path.join(benchDir, 'scipy_reference.py'), file, '--mode', mode], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    const ours = lastJson(execFileSync(tsx, [path.join(here, 'matching-cli.ts'), '--mode', mode, '--out', outDir, file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    const inst = loadInstance(file);
    const check = verify(inst, JSON.parse(fs.readFileSync(path.join(outDir, inst.name + '.json'), 'utf8')));
    const ok = check.ok && check.total === ours.total && ours.total === sp.total && (mode !== 'maxcard' || ours.matched === sp.matched);
    if (!ok) failed = true;
    rows.push({ name, mode, sp, ours, ok, errors: check.errors });
    console.error(`${name} ${mode}: scipy ${sp.total} ${sp.solve_s}s | ours ${ours.total} ${ours.solve_s}s ${ok ? 'OK' : 'MISMATCH ' + check.errors.join('; ')}`);
  }
}
console.log('| instance | mode | scipy total | our total | same | scipy solve_s | our solve_s | ratio | scipy RSS MB | our RSS MB |');
console.log('|---|---|---:|---:|:-:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const ratio = r.sp.solve_s > 0 ? (r.ours.solve_s / r.sp.solve_s).toFixed(2) : 'n/a';
  console.log(`| ${r.name} | ${r.mode} | ${r.sp.total} | ${r.ours.total} | ${r.ok ? 'yes' : 'NO'} | ${r.sp.solve_s} | ${r.ours.solve_s} | ${ratio} | ${r.sp.peak_rss_mb} | ${r.ours.peak_rss_mb} |`);
}
fs.rmSync(outDir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
