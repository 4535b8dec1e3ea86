// End-to-end matching benchmark on an organisation shaped like the shipped sample
// (examples/portal-sdk/sample-org.csv), scaled up with the same generator:
//   pnpm bench:matching-org [--size 1400] [--mentors 500] [--mentees 500] [--runs 21] [--warmup 5] [--json]
// Mentors are juniors (levels 1-3) offering reverse-mentoring skills, mentees seniors (level 5+)
// seeking them. Every rule is on: level-gap band, reporting chain over the whole org's manager
// map, previous pairs, admin exclusions, a required shared language, cross-department preferred.
// Times `solveMatching(candidates, rules)` end to end (building/scoring the problem + solving +
// the reasons of the returned pairs), split into build (buildProblem) and solve (solveBuilt);
// candidate construction is outside the timings. Deterministic: a fixed seed and reference date.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProblem } from '../src/matching/build-problem.ts';
import { solveBuilt, solveMatching } from '../src/matching/solve-matching.ts';
import { utcOffsetMinutes } from '../src/matching/time-zones.ts';
import type { Candidate, MatchingResult, MatchingRules, PairRef, PersonId, WeeklySlot } from '../src/matching/types.ts';
import { parseCsv, splitList } from '../src/people/csv.ts';

interface Args { size: number; mentors: number; mentees: number; runs: number; warmup: number; json: boolean }

function parseArgs(argv: string[]): Args {
  const a: Args = { size: 1400, mentors: 500, mentees: 500, runs: 21, warmup: 5, json: false };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg === '--') continue;
    if (arg === '--json') { a.json = true; continue; }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const n = Number(inline ?? argv[++k]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number`);
    if (flag === '--size') a.size = n;
    else if (flag === '--mentors') a.mentors = n;
    else if (flag === '--mentees') a.mentees = n;
    else if (flag === '--runs') a.runs = Math.max(1, n);
    else if (flag === '--warmup') a.warmup = n;
    else throw new Error(`unknown argument ${arg}`);
  }
  return a;
}

// ---- The organisation ----------------------------------------------------------------------------

interface OrgPerson { id: string; name: string; department: string; level: number; managerId: string | null; timeZone: string; languages: string[]; skills: string[] }

function loadOrg(size: number): OrgPerson[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const generator = path.resolve(here, '../../../examples/portal-sdk/generate-sample-org.mjs');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'upward-org-')), `org-${size}.csv`);
  execFileSync(process.execPath, [generator, '--size', String(size), '--out', out], { stdio: 'ignore' });
  const table = parseCsv(fs.readFileSync(out, 'utf8'));
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  const col = (name: string): number => {
    const k = table.header.indexOf(name);
    if (k < 0) throw new Error(`org CSV has no ${name} column`);
    return k;
  };
  const [id, name, dept, level, manager, zone, langs, skills] = ['id', 'name', 'department', 'level', 'managerId', 'timeZone', 'languages', 'skills'].map(col) as number[] as [number, number, number, number, number, number, number, number];
  return table.rows.map(({ cells }) => ({
    id: cells[id]!, name: cells[name]!, department: cells[dept]!, level: Number(cells[level]),
    managerId: cells[manager] ? cells[manager]! : null, timeZone: cells[zone]!,
    languages: splitList(cells[langs] ?? ''), skills: splitList(cells[skills] ?? ''),
  }));
}

// ---- Candidates ----------------------------------------------------------------------------------

let seed = 7_2026;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
function sample<T>(items: readonly T[], n: number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, Math.min(n, a.length));
}

// What reverse mentors teach (the generator's MENTOR_SKILLS).
const REVERSE_SKILLS = ['TikTok', 'Instagram', 'LinkedIn personal branding', 'Generative AI tools', 'Prompt writing', 'Power BI', 'Python', 'Figma', 'Notion', 'Slack etiquette', 'Remote collaboration', 'Gen Z consumer trends', 'Accessibility', 'DEI perspectives', 'Gaming culture', 'Short-form video', 'Data visualisation', 'ChatGPT for research', 'Canva', 'Discord communities', 'Creator economy', 'No-code automation'];
const GOALS = ['AI at work', 'Gen Z customers', 'Social media presence', 'Hybrid work', 'Personal branding', 'Data literacy', 'Inclusive leadership', 'Digital tools', 'Creator economy', 'Feedback culture', 'Attracting young talent', 'Online communities'];

const REFERENCE_DATE = Date.UTC(2026, 2, 10, 12); // a fixed instant: stable daylight-saving offsets

// A few weekly slots in local working hours, converted to UTC (slots crossing midnight are split).
function availability(timeZone: string): WeeklySlot[] {
  const offset = utcOffsetMinutes(timeZone, REFERENCE_DATE) ?? 0;
  const out: WeeklySlot[] = [];
  for (let n = int(2, 5); n > 0; n--) {
    const day = int(1, 5);
    const start = int(16, 34) * 30; // 08:00 .. 17:00 local
    const len = pick([30, 45, 60, 60, 90, 120]);
    let s = (((day * 1440 + start - offset) % (7 * 1440)) + 7 * 1440) % (7 * 1440);
    const e = s + len;
    while (s < e) {
      const d = Math.floor(s / 1440) % 7;
      const dayEnd = (Math.floor(s / 1440) + 1) * 1440;
      const end = Math.min(e, dayEnd);
      out.push({ day: d, startMinute: s % 1440, endMinute: end - Math.floor(s / 1440) * 1440 });
      s = end;
    }
  }
  return out;
}

interface Program { candidates: Candidate[]; rules: Omit<MatchingRules, 'objective'>; org: number; mentorCount: number; menteeCount: number }

function buildProgram(args: Args): Program {
  const org = loadOrg(args.size);
  const mentorPool = org.filter((p) => p.level <= 3);
  const menteePool = org.filter((p) => p.level >= 5);
  if (mentorPool.length < args.mentors || menteePool.length < args.mentees) {
    throw new Error(`org of ${org.length} has ${mentorPool.length} juniors and ${menteePool.length} seniors; raise --size`);
  }
  const mentorPeople = sample(mentorPool, args.mentors);
  const menteePeople = sample(menteePool, args.mentees);
  const base = (p: OrgPerson) => ({ personId: p.id, name: p.name, level: p.level, department: p.department, managerId: p.managerId, timeZone: p.timeZone, languages: p.languages });

  const mentors: Candidate[] = mentorPeople.map((p) => {
    const offered = new Set(p.skills.filter((s) => REVERSE_SKILLS.includes(s)));
    for (const s of sample(REVERSE_SKILLS, int(1, 4))) offered.add(s);
    return {
      ...base(p), role: 'mentor',
      skills: [...offered].map((skill) => ({ skill, proficiency: int(3, 5) })),
      topics: sample(GOALS, int(2, 5)),
      availability: availability(p.timeZone),
      capacity: random() < 0.6 ? 1 : 2,
    };
  });
  const mentees: Candidate[] = menteePeople.map((p) => ({
    ...base(p), role: 'mentee',
    // Mixed case on purpose: matching compares labels case-insensitively.
    skills: sample(REVERSE_SKILLS, int(2, 5)).map((skill) => ({ skill: random() < 0.2 ? skill.toLowerCase() : skill, proficiency: int(1, 2) })),
    topics: sample(GOALS, int(1, 3)),
    availability: availability(p.timeZone),
  }));
  for (const m of mentees) if (random() < 0.25) m.preferences = sample(mentors, 3).map((r) => r.personId);
  for (const r of mentors) if (random() < 0.15) r.preferences = sample(mentees, 2).map((e) => e.personId);

  const managers = new Map<PersonId, PersonId | null>(org.map((p) => [p.id, p.managerId]));
  const randomPairs = (n: number): PairRef[] => Array.from({ length: n }, () => ({ menteeId: pick(mentees).personId, mentorId: pick(mentors).personId }));
  return {
    candidates: [...mentors, ...mentees],
    rules: {
      minLevelGap: 3, maxLevelGap: 7, // the playbooks' band
      crossDepartment: 'preferred',
      requiredSharedLanguage: true,
      previousPairs: randomPairs(Math.round(args.mentees * 0.6)),
      excludedPairs: randomPairs(Math.round(args.mentees * 0.1)),
      managers,
      referenceDate: REFERENCE_DATE,
    },
    org: org.length,
    mentorCount: mentors.length,
    menteeCount: mentees.length,
  };
}

// ---- Timing --------------------------------------------------------------------------------------

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const ms = (x: number): string => x.toFixed(1);

/** Hash of everything the result says (pairs, scores, reasons, unmatched messages). */
const fingerprint = (r: MatchingResult): string => createHash('sha256').update(JSON.stringify(r)).digest('hex').slice(0, 16);

interface Figures { objective: string; runs: number; edges: number; matched: number; unmatched: number; total: number; fingerprint: string; endToEnd: { median: number; p95: number }; build: { median: number; p95: number }; solve: { median: number; p95: number } }

function bench(program: Program, objective: MatchingRules['objective'], args: Args): Figures {
  const rules: MatchingRules = { ...program.rules, objective };
  const reference = solveMatching(program.candidates, rules);
  for (let k = 0; k < args.warmup; k++) solveMatching(program.candidates, rules);
  const total: number[] = [];
  const build: number[] = [];
  const solve: number[] = [];
  let edges = 0;
  for (let k = 0; k < args.runs; k++) {
    // solveMatching(candidates, rules) is exactly solveBuilt(buildProblem(candidates, rules)).
    const t0 = performance.now();
    const mp = buildProblem(program.candidates, rules);
    const t1 = performance.now();
    const res = solveBuilt(mp);
    const t2 = performance.now();
    build.push(t1 - t0);
    solve.push(t2 - t1);
    total.push(t2 - t0);
    edges = mp.problem.edgeMentor.length;
    if (res.total !== reference.total) throw new Error('results differ between runs');
  }
  // And the public call itself, timed as a whole (the figures above add up to the same thing).
  const whole: number[] = [];
  for (let k = 0; k < args.runs; k++) {
    const t0 = performance.now();
    solveMatching(program.candidates, rules);
    whole.push(performance.now() - t0);
  }
  const stat = (xs: number[]) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95) });
  const e2e = stat([...total, ...whole]);
  return {
    objective, runs: args.runs, edges, matched: reference.pairs.length, unmatched: reference.unmatched.length, total: reference.total,
    fingerprint: fingerprint(reference), endToEnd: e2e, build: stat(build), solve: stat(solve),
  };
}

const args = parseArgs(process.argv.slice(2));
const program = buildProgram(args);
const results = (['maxweight', 'maxcard'] as const).map((o) => bench(program, o, args));
if (args.json) {
  console.log(JSON.stringify({ org: program.org, mentors: program.mentorCount, mentees: program.menteeCount, node: process.version, results }));
} else {
  console.log(`org ${program.org} people -> ${program.mentorCount} mentors x ${program.menteeCount} mentees, all rules on; node ${process.version}; ${args.runs} runs after ${args.warmup} warm-up`);
  for (const r of results) {
    console.log(
      `${r.objective.padEnd(9)}  end-to-end median ${ms(r.endToEnd.median)} ms, p95 ${ms(r.endToEnd.p95)} ms` +
      ` | build median ${ms(r.build.median)} (p95 ${ms(r.build.p95)}) | solve median ${ms(r.solve.median)} (p95 ${ms(r.solve.p95)})` +
      ` | ${r.edges} allowed pairs, ${r.matched} matched, ${r.unmatched} unmatched, total ${r.total}, result ${r.fingerprint}`,
    );
  }
}
