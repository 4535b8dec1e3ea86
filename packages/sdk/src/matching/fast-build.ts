// The hot loop of buildProblem: every mentee x mentor pair through the hard rules and, when allowed,
// through the eight scoring factors. Same answers as checkHardRules + scoreOnly pair by pair (the
// test suite compares them on random programs), but with everything per person prepared once:
// labels interned to small integers, availability as flat interval arrays, UTC offsets and
// department keys resolved once, reporting chains / previous / excluded pairs turned into a
// per-mentee list of blocked mentors. The loop itself only reads typed arrays: no strings, maps,
// Intl or allocations per pair. Reason sentences are not built here at all; scorePair writes them
// for the pairs someone gets to see (the returned ones, explainPair).
//
// Exactness notes: the factor formulas below are those of scoring.ts with the same floating-point
// operations in the same order (skills credit summed in the mentee's skill order, the same
// divisions, Math.round), so scores are bit-identical, not merely close.
import type { MatchingContext } from './context.ts';
import type { SparseProblem } from './problem.ts';
import { offsetDistanceHours } from './time-zones.ts';
import type { Candidate } from './types.ts';

export interface FastBuild {
  problem: SparseProblem;
  /** Mentee rows (not locked) that got no edge: they need the rule-by-rule count of the slow path. */
  emptyRows: number[];
  /** Index of the first edge whose score is not finite (bad input data), else -1. */
  firstBadEdge: number;
}

/** A dictionary of label keys -> small integers. */
class Interner {
  readonly ids = new Map<string, number>();
  add(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) { id = this.ids.size; this.ids.set(key, id); }
    return id;
  }
  get(key: string): number { return this.ids.get(key) ?? -1; }
  get size(): number { return this.ids.size; }
}

/** Compressed lists (CSR): the items of row r are data[start[r]] .. data[start[r + 1] - 1]. */
function csr(rows: number, fill: (r: number, push: (x: number) => void) => void, Kind: Int32ArrayConstructor | Float64ArrayConstructor = Int32Array): { start: Int32Array; data: Int32Array | Float64Array } {
  const start = new Int32Array(rows + 1);
  const items: number[] = [];
  const push = (x: number): void => { items.push(x); };
  for (let r = 0; r < rows; r++) {
    fill(r, push);
    start[r + 1] = items.length;
  }
  return { start, data: Kind.from(items) };
}

/**
 * Inverted lists: for each label id, the mentors holding it (ascending) and a number per entry.
 * `fill(j, put)` reports mentor j's labels; ids < 0 (labels no mentee uses) are skipped.
 */
function postings(mentorCount: number, ids: number, fill: (j: number, put: (id: number, value: number) => void) => void): { start: Int32Array; mentor: Int32Array; value: Float64Array } {
  const pairs: number[] = [];
  const count = new Int32Array(ids + 1);
  for (let j = 0; j < mentorCount; j++) {
    fill(j, (id, value) => {
      if (id < 0) return;
      pairs.push(id, j, value);
      count[id + 1]! += 1;
    });
  }
  for (let id = 0; id < ids; id++) count[id + 1]! += count[id]!;
  const start = count.slice();
  const mentor = new Int32Array(pairs.length / 3);
  const value = new Float64Array(pairs.length / 3);
  for (let k = 0; k < pairs.length; k += 3) {
    const at = count[pairs[k]!]!++;
    mentor[at] = pairs[k + 1]!;
    value[at] = pairs[k + 2]!;
  }
  return { start, mentor, value };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Returns null when the fast path cannot promise identical answers (person ids containing the
 * pair-key separator), so the caller uses the straightforward per-pair loop.
 */
export function scoreAllPairs(
  ctx: MatchingContext,
  mentees: readonly Candidate[],
  mentors: readonly Candidate[],
  menteeIndex: ReadonlyMap<string, number>,
  mentorIndex: ReadonlyMap<string, number>,
  /** How availability overlaps are computed; 'auto' picks (tests force each way). */
  availabilityMethod: 'auto' | 'grid' | 'merge' = 'auto',
): FastBuild | null {
  for (const c of mentees) if (c.personId.includes('\u0000')) return null;
  for (const c of mentors) if (c.personId.includes('\u0000')) return null;

  const { rules, weights } = ctx;
  const n = mentees.length;
  const m = mentors.length;

  // ---- Per-person data, once ----------------------------------------------------------------------
  // Dictionaries hold only the labels some mentee uses: a mentor's other labels can never match.
  const langDict = new Interner();
  const topicDict = new Interner();
  const skillDict = new Interner();
  const deptDict = new Interner();
  const offsetDict = new Interner();
  const menteeViews = mentees.map((c) => ctx.view(c));
  const mentorViews = mentors.map((c) => ctx.view(c));
  for (const v of menteeViews) {
    for (const k of v.languages.keys()) langDict.add(k);
    for (const k of v.topics.keys()) topicDict.add(k);
    for (const k of v.skills.keys()) skillDict.add(k);
  }
  const deptKey = (c: Candidate): number => deptDict.add(c.department.trim().toLowerCase());
  const offsetId = (minutes: number): number => offsetDict.add(String(minutes));
  const offsets: number[] = [];

  // Mentees
  const eLevel = Float64Array.from(mentees, (c) => c.level);
  const eDept = Int32Array.from(mentees, deptKey);
  const eOff = Int32Array.from(menteeViews, (v) => { const id = offsetId(v.utcOffset); offsets[id] = v.utcOffset; return id; });
  const eLang = csr(n, (i, push) => { for (const k of menteeViews[i]!.languages.keys()) push(langDict.get(k)); });
  const eTopic = csr(n, (i, push) => { for (const k of menteeViews[i]!.topics.keys()) push(topicDict.get(k)); });
  // Skills in the mentee's map order (the order scoring sums credit in), with the proficiency kept.
  const eSkill = csr(n, (i, push) => { for (const k of menteeViews[i]!.skills.keys()) push(skillDict.get(k)); });
  const eSkillProf = csr(n, (i, push) => { for (const s of menteeViews[i]!.skills.values()) push(s.proficiency); }, Float64Array).data;
  const eIv = csr(n, (i, push) => { for (const [a, b] of menteeViews[i]!.intervals) { push(a); push(b); } }, Float64Array);
  const ePrefLen = Int32Array.from(mentees, (c) => c.preferences?.length ?? 0);

  // Mentors
  const rDept = Int32Array.from(mentors, deptKey);
  const rOff = Int32Array.from(mentorViews, (v) => { const id = offsetId(v.utcOffset); offsets[id] = v.utcOffset; return id; });
  const rOpen = Uint8Array.from(mentors, (c) => ((c.capacity ?? 1) - 0 <= 0 ? 0 : 1));
  // Inverted lists (label id -> the mentors who have it): a mentee row walks the lists of its own
  // labels once instead of every mentor walking its labels.
  const langPost = postings(m, langDict.size, (j, put) => { for (const k of mentorViews[j]!.languages.keys()) put(langDict.get(k), 0); });
  const topicPost = postings(m, topicDict.size, (j, put) => { for (const k of mentorViews[j]!.topics.keys()) put(topicDict.get(k), 0); });
  // Skills keep the mentor's proficiency (for the "above the mentee's level" test).
  const skillPost = postings(m, skillDict.size, (j, put) => { for (const [k, sk] of mentorViews[j]!.skills) put(skillDict.get(k), sk.proficiency); });
  const rIv = csr(m, (j, push) => { for (const [a, b] of mentorViews[j]!.intervals) { push(a); push(b); } }, Float64Array);
  const rPrefLen = Int32Array.from(mentors, (c) => c.preferences?.length ?? 0);

  // Pair-specific blocks (same person, reporting chain, previous pair, admin exclusion) as
  // per-mentee lists of mentor indices; which rule it was only matters for rows left empty, and
  // those are recounted rule by rule by the caller.
  const blocked: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const id = mentees[i]!.personId;
    const self = mentorIndex.get(id);
    if (self !== undefined) blocked[i]!.push(self);
    for (const a of ctx.chains.ancestors(id)) {
      const j = mentorIndex.get(a);
      if (j !== undefined) blocked[i]!.push(j);
    }
  }
  for (let j = 0; j < m; j++) {
    for (const a of ctx.chains.ancestors(mentors[j]!.personId)) {
      const i = menteeIndex.get(a);
      if (i !== undefined) blocked[i]!.push(j);
    }
  }
  for (const list of [rules.previousPairs, rules.excludedPairs]) {
    for (const p of list ?? []) {
      const i = menteeIndex.get(p.menteeId);
      const j = mentorIndex.get(p.mentorId);
      if (i !== undefined && j !== undefined) blocked[i]!.push(j);
    }
  }
  // Preferences: the mentee's rank of each mentor, and each mentor's rank of the mentee, as
  // per-mentee lists of (mentor, rank); a name listed twice keeps its first rank (firstRanks).
  const menteePrefs: number[][] = Array.from({ length: n }, () => []);
  const mentorPrefs: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (const [id, r] of menteeViews[i]!.preferenceRank) {
      const j = mentorIndex.get(id);
      if (j !== undefined) menteePrefs[i]!.push(j, r);
    }
  }
  for (let j = 0; j < m; j++) {
    for (const [id, r] of mentorViews[j]!.preferenceRank) {
      const i = menteeIndex.get(id);
      if (i !== undefined) mentorPrefs[i]!.push(j, r);
    }
  }

  // ---- Constants of the run -----------------------------------------------------------------------
  const lo = rules.minLevelGap;
  const hi = rules.maxLevelGap;
  const requireLanguage = rules.requiredSharedLanguage === true ? 1 : 0;
  const crossRequired = rules.crossDepartment === 'required' ? 1 : 0;
  const crossPreferred = rules.crossDepartment === 'preferred';
  const wSkills = weights.skills;
  const wTopics = weights.topics;
  const wAvail = weights.availability;
  const wZone = weights.timeZone;
  const wLang = weights.language;
  const wCross = crossPreferred ? weights.crossDepartment : 0;
  const wGap = weights.levelGap;
  const wPref = weights.preference;
  const prefHalf = Math.floor(wPref / 2);
  const prefMentee = wPref - prefHalf;
  const target = ctx.targetOverlap;
  const pts = (max: number, credit: number): number => Math.round(max * Math.min(1, Math.max(0, credit)));
  const fullAvailability = pts(wAvail, 1);
  const gapHalf = (hi - lo) / 2;
  const gapMid = (lo + hi) / 2;
  const zoneCount = offsetDict.size;
  const zonePoints = new Float64Array(zoneCount * zoneCount);
  for (let a = 0; a < zoneCount; a++) {
    for (let b = 0; b < zoneCount; b++) zonePoints[a * zoneCount + b] = pts(wZone, 1 - offsetDistanceHours(offsets[a]!, offsets[b]!) / 12);
  }

  // Level gap: rule and points depend on the mentor's level only (per row), so per distinct level.
  const levelIds = new Map<number, number>();
  const rLevelId = Int32Array.from(mentors, (c) => {
    let id = levelIds.get(c.level);
    if (id === undefined) { id = levelIds.size; levelIds.set(c.level, id); }
    return id;
  });
  const levelValues = [...levelIds.keys()];
  const rowLevelOk = new Uint8Array(levelValues.length);
  const rowLevelPoints = new Float64Array(levelValues.length);

  // Availability. When every slot boundary is a whole number of minutes, all boundaries are
  // multiples of some grid step g (their gcd with the week): a mentee's free time becomes a prefix
  // count over cells of g minutes, and a mentor interval's overlap with it is two look-ups. The
  // total is the same integer as the interval merge of availability.ts. Otherwise (or when the grid
  // would be too fine to pay off) the merge below is used.
  const WEEK = 7 * 1440;
  let step = WEEK;
  let integral = true;
  for (const iv of [eIv.data, rIv.data]) {
    for (let k = 0; k < iv.length && integral; k++) {
      const t = iv[k]!;
      if (!Number.isInteger(t)) integral = false;
      else step = gcd(step, t);
    }
  }
  const cells = WEEK / step;
  const useGrid = target > 0 && integral && availabilityMethod !== 'merge' && (availabilityMethod === 'grid' || cells <= 8 * Math.max(1, m));
  const rowCover = useGrid ? new Int32Array(cells + 1) : new Int32Array(0);
  const rIvCell = useGrid ? Int32Array.from(rIv.data, (t) => t / step) : new Int32Array(0);

  // ---- Row scratch (set for one mentee, cleared after) ----------------------------------------
  const skillCredit = new Float64Array(m);
  const topicCount = new Int32Array(m);
  const listPoints = new Float64Array(m); // skills points of this row
  const topicPoints = new Float64Array(m);
  const langShared = new Uint8Array(m);
  const mark = new Int32Array(m);
  const rankByMentee = new Int32Array(m).fill(-1);
  const rankByMentor = new Int32Array(m).fill(-1);

  // ---- Output (CSR, mentees in order, mentors ascending: what sparseFromEdges would build) ----
  let cap = Math.max(16, Math.min(n * m, 1 << 16));
  let edgeMentor = new Int32Array(cap);
  let edgeScore = new Float64Array(cap);
  const edgeStart = new Int32Array(n + 1);
  let e = 0;
  let firstBadEdge = -1;
  const emptyRows: number[] = [];

  const eLangStart = eLang.start, eLangData = eLang.data;
  const eTopicStart = eTopic.start, eTopicData = eTopic.data;
  const eSkillStart = eSkill.start, eSkillData = eSkill.data;
  const eIvStart = eIv.start, eIvData = eIv.data;
  const rIvStart = rIv.start, rIvData = rIv.data;
  const { start: langStart, mentor: langMentor } = langPost;
  const { start: topicStart, mentor: topicMentor } = topicPost;
  const { start: skillStart, mentor: skillMentor, value: skillProf } = skillPost;

  for (let i = 0; i < n; i++) {
    if (ctx.locks.has(mentees[i]!.personId)) { edgeStart[i + 1] = e; continue; } // placed by the admin
    const stamp = i + 1;
    for (const j of blocked[i]!) mark[j] = stamp;
    // Languages, topics and skills of this mentee against every mentor at once, via the lists.
    for (let k = eLangStart[i]!; k < eLangStart[i + 1]!; k++) {
      const id = eLangData[k]!;
      for (let t = langStart[id]!; t < langStart[id + 1]!; t++) langShared[langMentor[t]!] = 1;
    }
    for (let k = eTopicStart[i]!; k < eTopicStart[i + 1]!; k++) {
      const id = eTopicData[k]!;
      for (let t = topicStart[id]!; t < topicStart[id + 1]!; t++) topicCount[topicMentor[t]!]! += 1;
    }
    // Credit is added skill by skill in the mentee's order, as scoring.ts sums it.
    const skill0 = eSkillStart[i]!;
    const nSkills = eSkillStart[i + 1]! - skill0;
    for (let q = 0; q < nSkills; q++) {
      const id = eSkillData[skill0 + q]!;
      const want = eSkillProf[skill0 + q]!;
      for (let t = skillStart[id]!; t < skillStart[id + 1]!; t++) {
        const has = skillProf[t]!;
        if (!(has <= want)) skillCredit[skillMentor[t]!]! += Math.min(5, has) / 5;
      }
    }
    // Skills and topics points of the mentors met in the lists (the others earn 0 for both:
    // pts(max, 0) = 0). Points are integers, so adding them up here changes no total.
    const nTopics = eTopicStart[i + 1]! - eTopicStart[i]!;
    for (let q = 0; q < nSkills; q++) {
      const id = eSkillData[skill0 + q]!;
      for (let t = skillStart[id]!; t < skillStart[id + 1]!; t++) {
        const j = skillMentor[t]!;
        listPoints[j] = pts(wSkills, skillCredit[j]! / nSkills);
      }
    }
    for (let k = eTopicStart[i]!; k < eTopicStart[i + 1]!; k++) {
      const id = eTopicData[k]!;
      for (let t = topicStart[id]!; t < topicStart[id + 1]!; t++) {
        const j = topicMentor[t]!;
        topicPoints[j] = pts(wTopics, topicCount[j]! / nTopics);
      }
    }
    const mp = menteePrefs[i]!;
    for (let k = 0; k < mp.length; k += 2) rankByMentee[mp[k]!] = mp[k + 1]!;
    const rp = mentorPrefs[i]!;
    for (let k = 0; k < rp.length; k += 2) rankByMentor[rp[k]!] = rp[k + 1]!;

    const level = eLevel[i]!;
    for (let l = 0; l < levelValues.length; l++) {
      const gap = level - levelValues[l]!;
      const ok = !(gap < lo || gap > hi);
      rowLevelOk[l] = ok ? 1 : 0;
      rowLevelPoints[l] = ok ? pts(wGap, gapHalf <= 0 ? 1 : 1 - Math.abs(gap - gapMid) / (gapHalf + 1)) : 0;
    }
    const iv0 = eIvStart[i]!;
    const iv1 = eIvStart[i + 1]!;
    if (useGrid) {
      rowCover.fill(0);
      for (let k = iv0; k < iv1; k += 2) {
        const a = eIvData[k]! / step;
        const b = eIvData[k + 1]! / step;
        for (let c = a; c < b; c++) rowCover[c + 1] = 1;
      }
      for (let c = 0; c < cells; c++) rowCover[c + 1]! += rowCover[c]!;
    }
    const dept = eDept[i]!;
    const zoneRow = eOff[i]! * zoneCount;
    const prefLen = ePrefLen[i]!;
    const rowStartEdge = e;

    for (let j = 0; j < m; j++) {
      // Hard rules, cheapest first (only allowed-or-not matters here).
      if (mark[j] === stamp || rOpen[j] === 0) continue;
      const levelId = rLevelId[j]!;
      if (rowLevelOk[levelId] === 0) continue;
      const sharedLanguage = langShared[j] === 1;
      if (requireLanguage === 1 && !sharedLanguage) continue;
      const sameDept = dept === rDept[j];
      if (crossRequired === 1 && sameDept) continue;

      // Scoring: the eight factors of scoring.ts, in order.
      let score = listPoints[j]! + topicPoints[j]!; // skills, topics
      if (useGrid) {
        let total = 0;
        for (let k = rIvStart[j]!, end = rIvStart[j + 1]!; k < end; k += 2) total += rowCover[rIvCell[k + 1]!]! - rowCover[rIvCell[k]!]!;
        score += pts(wAvail, (total * step) / target);
      } else if (target > 0) {
        // Interval merge (stops once the overlap reaches the target: the points are full from there).
        let x = iv0;
        let y = rIvStart[j]!;
        const yEnd = rIvStart[j + 1]!;
        let total = 0;
        while (x < iv1 && y < yEnd) {
          const ps = eIvData[x]!, pe = eIvData[x + 1]!;
          const qs = rIvData[y]!, qe = rIvData[y + 1]!;
          const a = ps > qs ? ps : qs;
          const b = pe < qe ? pe : qe;
          if (b > a) {
            total += b - a;
            if (total >= target) break;
          }
          if (pe < qe) x += 2; else y += 2;
        }
        score += total >= target ? fullAvailability : pts(wAvail, total / target);
      } else score += fullAvailability;
      score += zonePoints[zoneRow + rOff[j]!]!;
      if (sharedLanguage) score += wLang;
      if (crossPreferred && !sameDept) score += wCross;
      score += rowLevelPoints[levelId]!;
      const ra = rankByMentee[j]!;
      const rb = rankByMentor[j]!;
      score += (ra < 0 || prefLen === 0 ? 0 : Math.round((prefMentee * (prefLen - ra)) / prefLen))
        + (rb < 0 ? 0 : Math.round((prefHalf * (rPrefLen[j]! - rb)) / rPrefLen[j]!));

      if (e === cap) {
        cap *= 2;
        const nm = new Int32Array(cap); nm.set(edgeMentor); edgeMentor = nm;
        const ns = new Float64Array(cap); ns.set(edgeScore); edgeScore = ns;
      }
      if (firstBadEdge < 0 && !Number.isFinite(score)) firstBadEdge = e;
      edgeMentor[e] = j;
      edgeScore[e] = score;
      e++;
    }
    edgeStart[i + 1] = e;
    if (e === rowStartEdge) emptyRows.push(i);

    for (let k = eLangStart[i]!; k < eLangStart[i + 1]!; k++) {
      const id = eLangData[k]!;
      for (let t = langStart[id]!; t < langStart[id + 1]!; t++) langShared[langMentor[t]!] = 0;
    }
    for (let k = eTopicStart[i]!; k < eTopicStart[i + 1]!; k++) {
      const id = eTopicData[k]!;
      for (let t = topicStart[id]!; t < topicStart[id + 1]!; t++) { topicCount[topicMentor[t]!] = 0; topicPoints[topicMentor[t]!] = 0; }
    }
    for (let q = 0; q < nSkills; q++) {
      const id = eSkillData[skill0 + q]!;
      for (let t = skillStart[id]!; t < skillStart[id + 1]!; t++) { skillCredit[skillMentor[t]!] = 0; listPoints[skillMentor[t]!] = 0; }
    }
    for (let k = 0; k < mp.length; k += 2) rankByMentee[mp[k]!] = -1;
    for (let k = 0; k < rp.length; k += 2) rankByMentor[rp[k]!] = -1;
  }

  const capacity = Int32Array.from(mentors, (c) => Math.max(0, Math.floor(c.capacity ?? 1)));
  return {
    problem: { kind: 'sparse', menteeCount: n, mentorCount: m, capacity, edgeStart, edgeMentor: edgeMentor.slice(0, e), edgeScore: edgeScore.slice(0, e) },
    emptyRows,
    firstBadEdge,
  };
}
