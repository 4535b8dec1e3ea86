/**
 * The storage benchmark page (bundled and driven by `run-store-bench.mjs`; see there). Seeds a
 * realistic world into IndexedDB through the Store contract, then measures, through the public
 * `Upward` API acting as participants, what a person waits for: logging a session, listing a
 * match's sessions, loading their home, and an admin importing 10,000 people from CSV.
 *
 * Everything it has to say goes to `window.__upwardBench(message)` (exposed by the runner):
 * progress lines, one `result` per measurement, then `done` (or `error`).
 *
 * Query string: `store=indexeddb|memory`, `samples`, `warmup`, `imports`, `only=log,list,home,import`,
 * `people`, `matches`, `sessions` (world size), `profile=1` (split one operation's time by phase).
 */
import * as z from 'zod/mini';
import { createUpward, type Upward } from '../src/upward.ts';
import { recordSchemas } from '../src/services/repository.ts';
import { collectionNames, type CollectionName } from '../src/storage/collections.ts';
import { indexedDbStore } from '../src/storage/indexeddb-store.ts';
import { memoryStore } from '../src/storage/memory-store.ts';
import type { Store, StoreTransaction } from '../src/storage/store.ts';
import { PersonInput } from '../src/domain/person.ts';
import { parseCsv } from '../src/people/csv.ts';
import { buildPeople, defaultWorldSize, peopleCsv, prng, seedWorld, type World, type WorldMatch } from './seed-world.ts';

export type BenchMessage =
  | { type: 'log'; message: string }
  | { type: 'result'; result: BenchResult }
  | { type: 'done'; environment: Record<string, unknown> }
  | { type: 'error'; message: string; stack?: string };

export interface BenchResult {
  /** Stable measurement name, e.g. `sessions.log`. */
  name: string;
  kind: 'read' | 'write' | 'import' | 'setup' | 'profile';
  unit: 'ms';
  samples: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  /** Target the median is held against (ms), if any. */
  target?: number;
  /** Every sample, for the runs of few samples (imports). */
  values?: number[];
  note?: string;
}

declare global {
  interface Window {
    __upwardBench?: (message: BenchMessage) => Promise<void> | void;
  }
}

const params = new URLSearchParams(location.search);
const num = (key: string, fallback: number) => {
  const v = Number(params.get(key));
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const config = {
  store: params.get('store') === 'memory' ? 'memory' : 'indexeddb',
  samples: num('samples', 200),
  warmup: num('warmup', 20),
  imports: num('imports', 3),
  only: new Set((params.get('only') ?? 'log,list,home,import').split(',')),
  profile: params.get('profile') === '1',
  size: {
    people: num('people', defaultWorldSize.people),
    matches: num('matches', defaultWorldSize.matches),
    sessions: num('sessions', defaultWorldSize.sessions),
    programs: defaultWorldSize.programs,
  },
};

const TARGET = { read: 10, write: 20, import: 2000 } as const;

async function send(message: BenchMessage): Promise<void> {
  if (window.__upwardBench) await window.__upwardBench(message);
  else console.log(JSON.stringify(message));
}
const log = (message: string) => send({ type: 'log', message });

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Nearest-rank: the smallest value with at least p% of samples at or below it.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}
const round = (v: number) => Math.round(v * 1000) / 1000;

function summarize(name: string, kind: BenchResult['kind'], values: number[], extra: Partial<BenchResult> = {}): BenchResult {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    name,
    kind,
    unit: 'ms',
    samples: values.length,
    median: round(median(sorted)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    ...extra,
  };
}
const report = (result: BenchResult) => send({ type: 'result', result });

let dbCounter = 0;
const dbNames: string[] = [];
function openStore(label: string): Store {
  if (config.store === 'memory') return memoryStore({ name: label });
  const name = `upward-bench-${label}-${Date.now()}-${dbCounter++}`;
  dbNames.push(name);
  return indexedDbStore({ name });
}
async function dropStore(store: Store): Promise<void> {
  await store.close();
  if (config.store === 'memory') return;
  const name = dbNames.shift();
  if (!name) return;
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Time `count` runs of `op(i)`, sequentially; `warmup` runs first, unrecorded. */
async function timeLoop(count: number, warmup: number, op: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await op(-1 - i);
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await op(i);
    values.push(performance.now() - t);
  }
  return values;
}

/** Wraps a store to count time inside store calls (requests + IndexedDB wait) per transaction. */
function instrumented(inner: Store): { store: Store; stats: { storeMs: number; calls: Record<string, number>; txMs: number; txCount: number; reset(): void } } {
  const stats = {
    storeMs: 0,
    txMs: 0,
    txCount: 0,
    calls: {} as Record<string, number>,
    reset() {
      this.storeMs = 0;
      this.txMs = 0;
      this.txCount = 0;
      this.calls = {};
    },
  };
  const timed =
    <A extends unknown[], R>(label: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const key = `${label}:${String(args[0])}`;
      stats.calls[key] = (stats.calls[key] ?? 0) + 1;
      const t = performance.now();
      try {
        return await fn(...args);
      } finally {
        stats.storeMs += performance.now() - t;
      }
    };
  const store: Store = {
    kind: inner.kind,
    capabilities: inner.capabilities,
    subscribe: (l) => inner.subscribe(l),
    close: () => inner.close(),
    async transaction(names, mode, work, options) {
      const t = performance.now();
      try {
        return await inner.transaction(
          names,
          mode,
          (tx) => {
            const wrapped: StoreTransaction = {
              get: timed('get', tx.get.bind(tx)),
              put: timed('put', tx.put.bind(tx)),
              delete: timed('delete', tx.delete.bind(tx)),
              query: timed('query', tx.query.bind(tx)) as StoreTransaction['query'],
            };
            return work(wrapped);
          },
          options,
        );
      } finally {
        stats.txMs += performance.now() - t;
        stats.txCount++;
      }
    },
  };
  return { store, stats };
}

/**
 * Simulates inserts that are issued together rather than awaited one by one: `put` sends the
 * request and resolves at once with what the store will save; the requests are awaited at the end
 * of `work`. Only for measuring (it answers a new record's put before the store's version check).
 */
function pipelined(inner: Store): Store {
  return {
    kind: inner.kind,
    capabilities: inner.capabilities,
    subscribe: (l) => inner.subscribe(l),
    close: () => inner.close(),
    transaction(names, mode, work, options) {
      return inner.transaction(
        names,
        mode,
        async (tx) => {
          const pending: Promise<unknown>[] = [];
          const result = await work({
            get: tx.get.bind(tx),
            delete: tx.delete.bind(tx),
            query: tx.query.bind(tx) as StoreTransaction['query'],
            put(c, record) {
              const request = tx.put(c, record);
              request.catch(() => undefined);
              pending.push(request);
              return Promise.resolve(structuredClone({ ...record, version: record.version + 1 }));
            },
          });
          await Promise.all(pending);
          return result;
        },
        options,
      );
    },
  };
}

/** Makes `new Intl.DateTimeFormat(locale, options)` reuse one instance per argument list; returns the undo. */
function memoizeDateTimeFormat(): () => void {
  const original = Intl.DateTimeFormat;
  const cache = new Map<string, Intl.DateTimeFormat>();
  Intl.DateTimeFormat = new Proxy(original, {
    construct(target, args: unknown[]) {
      const key = JSON.stringify(args);
      let format = cache.get(key);
      if (!format) cache.set(key, (format = Reflect.construct(target, args) as Intl.DateTimeFormat));
      return format;
    },
  });
  return () => {
    Intl.DateTimeFormat = original;
  };
}

interface Fixture {
  store: Store;
  world: World;
  rnd: () => number;
  /** One client per participant, made once (createUpward is cheap, but this keeps it out of the timings). */
  client(personId: string): Upward;
}

async function measureLog(fx: Fixture): Promise<void> {
  const active = fx.world.matches.filter((m) => m.status === 'active');
  // A different match each sample (round robin from a shuffled list), so no match grows by more
  // than a session or two and the world stays as seeded.
  const order = [...active].sort(() => fx.rnd() - 0.5);
  let next = 0;
  const take = (): WorldMatch => order[next++ % order.length]!;
  const planMs: number[] = [];
  const logMs: number[] = [];
  const bothMs: number[] = [];
  const runOne = async (record: boolean) => {
    const match = take();
    const actorId = match.memberIds[(next + 1) % match.memberIds.length]!;
    const upward = fx.client(actorId);
    const t0 = performance.now();
    const planned = await upward.sessions.plan({
      matchId: match.id,
      scheduledAt: new Date(Date.now() + 21 * 86_400_000).toISOString(),
      agenda: ['Follow up on the tools we tried'],
    });
    const t1 = performance.now();
    await upward.sessions.log({
      sessionId: planned.id,
      expectedVersion: planned.version,
      sharedNotes: 'We compared how each of us plans a week and tried a shared board. Next: a real project.',
      topics: ['Planning a week', 'Shared boards'],
      learned: 'Short async updates beat a long weekly meeting for most of my team.',
      actionItems: [{ text: 'Set up a shared board for the team', ownerId: actorId, due: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10) }],
    });
    const t2 = performance.now();
    if (record) {
      planMs.push(t1 - t0);
      logMs.push(t2 - t1);
      bothMs.push(t2 - t0);
    }
  };
  for (let i = 0; i < config.warmup; i++) await runOne(false);
  for (let i = 0; i < config.samples; i++) await runOne(true);
  await report(summarize('sessions.log', 'write', logMs, { target: TARGET.write, note: 'log a planned session: notes, topics, reflection, 1 action item' }));
  await report(summarize('sessions.plan+log', 'write', bothMs, { target: TARGET.write, note: 'plan a session, then log it (two commands)' }));
  await report(summarize('sessions.plan', 'write', planMs, { target: TARGET.write, note: 'plan alone (reads open action items + held sessions for the agenda)' }));
}

async function measureList(fx: Fixture): Promise<void> {
  const matches = fx.world.matches;
  const values = await timeLoop(config.samples, config.warmup, async () => {
    const match = matches[Math.floor(fx.rnd() * matches.length)]!;
    const upward = fx.client(match.memberIds[1]!);
    const list = await upward.sessions.list({ matchId: match.id });
    if (list.length < match.sessions) throw new Error(`sessions.list(${match.id}) returned ${list.length} of ${match.sessions} sessions`);
  });
  const avg = matches.reduce((a, m) => a + m.sessions, 0) / matches.length;
  await report(summarize('sessions.list', 'read', values, { target: TARGET.read, note: `one match's sessions (~${Math.round(avg)} each)` }));
}

async function measureHome(fx: Fixture): Promise<void> {
  const people = fx.world.participants;
  let matchesSeen = 0;
  const values = await timeLoop(config.samples, config.warmup, async (i) => {
    const upward = fx.client(people[Math.floor(fx.rnd() * people.length)]!);
    const home = await upward.home();
    if (!home.person || home.matches.length === 0) throw new Error(`home() of ${upward.actor.personId} has no person or no match`);
    if (i >= 0) matchesSeen += home.matches.length;
  });
  await report(
    summarize('home', 'read', values, {
      target: TARGET.read,
      note: `a participant's home (${(matchesSeen / values.length).toFixed(2)} matches on average)`,
    }),
  );
}

async function measureImport(): Promise<void> {
  const csv = peopleCsv(config.size.people);
  const values: number[] = [];
  for (let run = 0; run < config.imports; run++) {
    const store = openStore(`import-${run}`);
    const admin = createUpward({ store, actor: { personId: 'hr-admin', isAdmin: true } });
    // Open the (empty) database first: the import is timed, not the schema creation.
    await store.transaction(['people'], 'readonly', (tx) => tx.query('people', { limit: 1 }));
    const t = performance.now();
    const result = await admin.people.import({ format: 'csv', data: csv });
    values.push(performance.now() - t);
    if (result.created !== config.size.people || result.errors.length) {
      throw new Error(`import created ${result.created}, errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
    }
    await log(`import run ${run + 1}: ${values[run]!.toFixed(0)} ms`);
    await dropStore(store);
  }
  await report(
    summarize('people.import', 'import', values, {
      target: TARGET.import,
      values: values.map(round),
      note: `${config.size.people} people from CSV (${(csv.length / 1e6).toFixed(2)} MB) into an empty database`,
    }),
  );
}

/**
 * Splits the median of each operation into: time in store calls (IndexedDB requests and the
 * event-loop hops between them), transaction overhead (begin + commit), and the rest (zod, the
 * services' own code). Also times the zod record parses alone on the records one call reads.
 */
async function profile(fx: Fixture): Promise<void> {
  const { store, stats } = instrumented(fx.store);
  const clients = new Map<string, Upward>();
  const client = (id: string) => clients.get(id) ?? clients.set(id, createUpward({ store, actor: { personId: id } })).get(id)!;
  const split = async (name: string, op: () => Promise<unknown>) => {
    const rows: { total: number; store: number; tx: number }[] = [];
    let calls: Record<string, number> = {};
    for (let i = 0; i < config.warmup + 50; i++) {
      stats.reset();
      const t = performance.now();
      await op();
      const total = performance.now() - t;
      if (i >= config.warmup) rows.push({ total, store: stats.storeMs, tx: stats.txMs - stats.storeMs });
      calls = stats.calls;
    }
    const med = (f: (r: (typeof rows)[number]) => number) => round(median(rows.map(f).sort((a, b) => a - b)));
    const total = med((r) => r.total);
    const inStore = med((r) => r.store);
    const txOnly = med((r) => r.tx);
    await report({
      ...summarize(`profile:${name}`, 'profile', rows.map((r) => r.total)),
      note: `median split: store calls ${inStore} ms, tx begin/commit + work outside store calls ${txOnly} ms, outside tx ${round(total - med((r) => r.store + r.tx))} ms; calls ${JSON.stringify(calls)}`,
    });
  };
  const active = fx.world.matches.filter((m) => m.status === 'active');
  let k = 0;
  await split('sessions.list', () => {
    const m = fx.world.matches[Math.floor(fx.rnd() * fx.world.matches.length)]!;
    return client(m.memberIds[0]!).sessions.list({ matchId: m.id });
  });
  await split('home', () => client(fx.world.participants[Math.floor(fx.rnd() * fx.world.participants.length)]!).home());
  await split('sessions.plan+log', async () => {
    const m = active[k++ % active.length]!;
    const u = client(m.memberIds[0]!);
    const s = await u.sessions.plan({ matchId: m.id, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
    await u.sessions.log({ sessionId: s.id, sharedNotes: 'Notes', topics: ['One'], actionItems: [{ text: 'Do it', ownerId: m.memberIds[0]! }] });
  });

  // Raw costs, no service code: a bare readonly / readwrite transaction, and zod over one match's sessions.
  const bare = await timeLoop(100, 10, () => fx.store.transaction(collectionNames, 'readonly', async (tx) => void (await tx.get('people', 'nobody'))));
  await report(summarize('profile:empty readonly tx (all collections, one get)', 'profile', bare));
  const narrow = await timeLoop(100, 10, () => fx.store.transaction(['sessions'], 'readonly', async (tx) => void (await tx.get('sessions', 'nobody'))));
  await report(summarize('profile:empty readonly tx (one collection, one get)', 'profile', narrow));
  let n = 0;
  const rw = await timeLoop(100, 10, () =>
    fx.store.transaction(collectionNames, 'readwrite', async (tx) => void (await tx.put('people', { id: `probe-${n++}`, version: 0 }))),
  );
  await report(summarize('profile:one-put readwrite tx, strict durability', 'profile', rw));
  const rwRelaxed = await timeLoop(100, 10, () =>
    fx.store.transaction(collectionNames, 'readwrite', async (tx) => void (await tx.put('people', { id: `probe-${n++}`, version: 0 })), { durability: 'relaxed' }),
  );
  await report(summarize('profile:one-put readwrite tx, relaxed durability', 'profile', rwRelaxed));
  const m0 = fx.world.matches[0]!;
  const raw = await fx.store.transaction(['sessions'], 'readonly', (tx) => tx.query('sessions', { index: 'matchId', key: m0.id }));
  const query = await timeLoop(100, 10, () => fx.store.transaction(['sessions'], 'readonly', async (tx) => void (await tx.query('sessions', { index: 'matchId', key: m0.id }))));
  await report(summarize(`profile:raw query sessions by matchId (${raw.length} records)`, 'profile', query));
  const parse = await timeLoop(100, 10, async () => {
    for (const r of raw) z.safeParse(recordSchemas.sessions, r);
  });
  await report(summarize(`profile:zod parse of ${raw.length} sessions`, 'profile', parse));
}

/**
 * Where an import's time goes: the import through an instrumented store (time inside store calls
 * vs the rest), then each ingredient alone on the same 10,000 people — CSV parsing, the zod row
 * parse, the time-zone check's Intl.DateTimeFormat, and writing the records through the Store
 * one awaited put at a time (as `importRows` does) versus all puts issued together.
 */
async function profileImport(): Promise<void> {
  const n = config.size.people;
  const csv = peopleCsv(n);
  const once = async (name: string, op: () => Promise<void> | void, note?: string) => {
    const t = performance.now();
    await op();
    await report({ ...summarize(`profile:import ${name}`, 'profile', [performance.now() - t]), ...(note ? { note } : {}) });
  };
  {
    const fresh = openStore('import-profile');
    const { store, stats } = instrumented(fresh);
    await fresh.transaction(['people'], 'readonly', (tx) => tx.query('people', { limit: 1 }));
    const admin = createUpward({ store, actor: { personId: 'hr-admin', isAdmin: true } });
    const t = performance.now();
    await admin.people.import({ format: 'csv', data: csv });
    const total = performance.now() - t;
    await report({
      ...summarize('profile:import (instrumented)', 'profile', [total]),
      note: `inside store calls ${stats.storeMs.toFixed(0)} ms (awaited one by one), outside ${(total - stats.storeMs).toFixed(0)} ms; calls ${JSON.stringify(stats.calls)}`,
    });
    await dropStore(fresh);
  }
  // The proposed fixes, simulated from outside the SDK on the same import (fresh database each):
  // (a) the time-zone check memoized, (b) the inserts pipelined instead of awaited one by one.
  const importWith = async (label: string, wrap: (s: Store) => Store, memoTimeZones: boolean) => {
    const fresh = openStore(`import-fix-${label}`);
    await fresh.transaction(['people'], 'readonly', (tx) => tx.query('people', { limit: 1 }));
    const admin = createUpward({ store: wrap(fresh), actor: { personId: 'hr-admin', isAdmin: true } });
    const restore = memoTimeZones ? memoizeDateTimeFormat() : () => undefined;
    try {
      await once(`with fix ${label}`, async () => {
        const r = await admin.people.import({ format: 'csv', data: csv });
        if (r.created !== n) throw new Error(`import with fix ${label} created ${r.created}`);
      });
    } finally {
      restore();
    }
    await dropStore(fresh);
  };
  await importWith('(a) memoized time-zone check', (s) => s, true);
  await importWith('(b) pipelined inserts', pipelined, false);
  await importWith('(a)+(b)', pipelined, true);
  await once('parseCsv', () => void parseCsv(csv));
  const people = buildPeople(n, 7, 'hris');
  await once(`zod PersonInput x${n}`, () => {
    for (const p of people) z.safeParse(PersonInput, p);
  });
  await once(`new Intl.DateTimeFormat x${2 * n}`, () => {
    for (let i = 0; i < 2 * n; i++) new Intl.DateTimeFormat('en', { timeZone: people[i % n]!.timeZone });
  }, 'the TimeZone refine builds one per check; import checks each row twice (PersonInput, then Person in repo.insert)');
  const valid = new Map<string, boolean>();
  await once(`memoized time-zone check x${2 * n}`, () => {
    for (let i = 0; i < 2 * n; i++) {
      const tz = people[i % n]!.timeZone;
      if (!valid.has(tz)) valid.set(tz, true);
    }
  });
  const now = new Date().toISOString();
  const records = people.map((p) => ({ ...p, version: 0, createdAt: now, updatedAt: now }));
  {
    const s = openStore('put-sequential');
    await s.transaction(['people'], 'readonly', (tx) => tx.query('people', { limit: 1 }));
    await once(`store: ${n} puts awaited one by one, one tx`, () =>
      s.transaction(collectionNames, 'readwrite', async (tx) => {
        for (const r of records) await tx.put('people', r);
      }),
    );
    await dropStore(s);
  }
  {
    const s = openStore('put-together');
    await s.transaction(['people'], 'readonly', (tx) => tx.query('people', { limit: 1 }));
    await once(`store: ${n} puts issued together (Promise.all), one tx`, () =>
      s.transaction(collectionNames, 'readwrite', async (tx) => {
        await Promise.all(records.map((r) => tx.put('people', r)));
      }),
    );
    await dropStore(s);
  }
  if (config.store === 'indexeddb') {
    // The floor: raw IndexedDB, one add() per record (no version read), all issued together.
    const name = `upward-bench-raw-${Date.now()}`;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const os = open.result.createObjectStore('people', { keyPath: 'id' });
        os.createIndex('email', 'email');
        os.createIndex('managerId', 'managerId');
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await once(`raw IndexedDB: ${n} add() issued together, one tx`, () =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['people'], 'readwrite');
        const os = tx.objectStore('people');
        for (const r of records) os.add({ ...r, version: 1 });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      }),
    );
    db.close();
    indexedDB.deleteDatabase(name);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  await log(`store=${config.store} world=${JSON.stringify(config.size)} samples=${config.samples} warmup=${config.warmup}`);
  const needWorld = ['log', 'list', 'home'].some((k) => config.only.has(k));
  if (needWorld) {
    const store = openStore('world');
    const world = await seedWorld(store, { size: config.size, log: (m) => void log(m) });
    const totalRecords = Object.values(world.counts).reduce((a, b) => a + (b ?? 0), 0);
    await report({
      ...summarize('seed world', 'setup', [world.timings.buildMs + world.timings.validateMs + world.timings.writeMs]),
      note: `${totalRecords} records ${JSON.stringify(world.counts)}; build ${world.timings.buildMs.toFixed(0)} ms, zod-validate ${world.timings.validateMs.toFixed(0)} ms, write ${world.timings.writeMs.toFixed(0)} ms`,
    });
    const clients = new Map<string, Upward>();
    const fx: Fixture = {
      store,
      world,
      rnd: prng(7),
      client: (personId) => clients.get(personId) ?? clients.set(personId, createUpward({ store, actor: { personId } })).get(personId)!,
    };
    // Reads first, on the world as seeded; then the writes.
    if (config.only.has('list')) await measureList(fx);
    if (config.only.has('home')) await measureHome(fx);
    if (config.only.has('log')) await measureLog(fx);
    if (config.profile) await profile(fx);
    await dropStore(store);
  }
  if (config.only.has('import')) await measureImport();
  if (config.profile && config.only.has('import')) await profileImport();
  await send({
    type: 'done',
    environment: {
      store: config.store,
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated: globalThis.crossOriginIsolated,
      totalSeconds: round((performance.now() - started) / 1000),
      collections: collectionNames as readonly CollectionName[],
    },
  });
}

main().catch(async (error: unknown) => {
  const e = error instanceof Error ? error : new Error(String(error));
  await send({ type: 'error', message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
});
