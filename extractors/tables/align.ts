/**
 * Putting shifted cells back in their columns. PDF export loses the cells of vertically merged ranges and
 * packs what is left of a row to the left (`21⇥城镇生活垃圾无害化处理率 (%)⇥⇥90⇥100⇥100⇥完成⇥`), or
 * pads it in the wrong place. What a column holds is learnt from the table itself: for each column the
 * share of empty, value-like, short and long cells and the typical length of its text (a column profile).
 * A row is then re-aligned by dynamic programming: its filled cells keep their order and are placed in the
 * columns that fit them best, at a small cost per column moved; the new placement is kept only when it fits
 * clearly better than the row as written. A short label in a column that is mostly empty, under a label of
 * the same shape in the row above, is its sibling (`城市` / `县城`): that placement earns a bonus.
 * An empty cell costs little anywhere (merged ranges come out empty); a value under a label column, or a
 * label under a value column, costs much. Two passes: the second learns from the rows the first put back.
 * O(cells × columns) per row; a row whose DP table would exceed ALIGN_BUDGET entries is left as written.
 */
import { codePoints } from '../../model/chars.js';
import { cellClass, type CellClass } from './text.js';

const MOVE_COST = 0.25;
// A lost cell can be anywhere (merged ranges come out empty): an empty cell never costs much.
const EMPTY_FLOOR = Math.log(0.2);
const LENGTH_WEIGHT = 0.8;
const SIBLING_BONUS = 2.5;
const MARGIN = 1.5;
/** Most DP entries (filled cells × candidate columns) for one row: ~12 MB of tables; a wider row is left as written. */
export const ALIGN_BUDGET = 1_000_000;

export interface Slot {
  text: string;
  start: number;
  end: number;
  /** continuation of the cell to its left (a header cell spanning columns) */
  cont?: boolean;
}

/** Counts per column; probabilities are taken leaving the row under scrutiny out (it must not vouch for itself). */
export interface Profile {
  counts: Array<Record<CellClass, number>>;
  lsum: number[];
  lnum: number[];
  n: number;
}

interface View {
  logp: Array<Record<CellClass, number>>;
  /** mean log length of the text cells of each column, NaN if none */
  mu: number[];
  emptyShare: number[];
}

function len(s: string): number {
  return codePoints(s);
}

function classAt(r: Slot[], c: number): CellClass {
  const s = r[c];
  return s && !s.cont ? info(s).k : 'E';
}

export function buildProfile(rows: Slot[][], width: number): Profile {
  const counts = Array.from({ length: width }, () => ({ E: 0, N: 0, S: 0, L: 0 }) as Record<CellClass, number>);
  const lsum = new Array<number>(width).fill(0);
  const lnum = new Array<number>(width).fill(0);
  for (const r of rows) {
    for (let c = 0; c < width; c++) {
      const k = classAt(r, c);
      counts[c][k]++;
      if (k === 'S' || k === 'L') {
        lsum[c] += info(r[c]).ll;
        lnum[c]++;
      }
    }
  }
  return { counts, lsum, lnum, n: rows.length };
}

/** Share of each cell class in column c. */
export function classShares(p: Profile, c: number): Record<CellClass, number> {
  const n = p.n || 1;
  const k = p.counts[c];
  return { E: k.E / n, N: k.N / n, S: k.S / n, L: k.L / n };
}

/**
 * log((x + 0.5) / (n + 2)) for x = 0..n: the class probabilities of a column over n rows. Every row of a
 * table is looked at with the same n (the profile less that row), so the logarithms are taken once per
 * table, not once per class, column and row; the same expression, so the same doubles.
 */
const logTables = new WeakMap<Profile, { n: number; logs: Float64Array }>();
function logShares(p: Profile, n: number): Float64Array {
  const had = logTables.get(p);
  if (had && had.n === n) return had.logs;
  const logs = new Float64Array(Math.max(0, n) + 1);
  for (let x = 0; x < logs.length; x++) logs[x] = Math.log((x + 0.5) / (Math.max(0, n) + 2));
  logTables.set(p, { n, logs });
  return logs;
}

/** Column probabilities without row `skip`'s own cells. */
function viewWithout(p: Profile, skip: Slot[] | null, width: number): View {
  const logp: View['logp'] = [];
  const mu: number[] = [];
  const emptyShare: number[] = [];
  const n = p.n - (skip ? 1 : 0);
  const logs = logShares(p, n);
  // a count is at most n (the row left out held its own cell); one past it is computed directly
  const logOf = (x: number) => (x < logs.length ? logs[x] : Math.log((x + 0.5) / (Math.max(0, n) + 2)));
  for (let c = 0; c < width; c++) {
    const counts = p.counts[c];
    let e = counts.E;
    let nn = counts.N;
    let sh = counts.S;
    let lo = counts.L;
    let ls = p.lsum[c];
    let ln = p.lnum[c];
    if (skip) {
      const k = classAt(skip, c);
      if (k === 'E') e--;
      else if (k === 'N') nn--;
      else if (k === 'S') sh--;
      else lo--;
      if (k === 'S' || k === 'L') {
        ls -= info(skip[c]).ll;
        ln--;
      }
    }
    logp.push({ E: Math.max(logOf(Math.max(0, e)), EMPTY_FLOOR), N: logOf(Math.max(0, nn)), S: logOf(Math.max(0, sh)), L: logOf(Math.max(0, lo)) });
    mu.push(ln > 0 ? ls / ln : NaN);
    emptyShare.push(n > 0 ? e / n : 0);
  }
  return { logp, mu, emptyShare };
}

/**
 * Class and log length of a cell's text, computed once per distinct text. Keyed by the text, not the
 * slot: callers build new slot objects for the same cells (a header split tried at every position,
 * rows re-placed between passes), and a per-object cache missed on every one of them; a WeakMap lookup
 * was also dearer than the class itself. Bounded: cleared when it grows past INFO_LIMIT texts.
 */
interface Info {
  k: CellClass;
  ll: number;
}
const INFO_LIMIT = 50_000;
let infoCache = new Map<string, Info>();
function info(slot: Slot): Info {
  const t = slot.text;
  let i = infoCache.get(t);
  if (!i) {
    if (infoCache.size >= INFO_LIMIT) infoCache = new Map();
    i = { k: cellClass(t), ll: Math.log(Math.max(1, len(t))) };
    infoCache.set(t, i);
  }
  return i;
}

function placeScore(p: View, slot: Slot, c: number, prev: Slot[] | null): number {
  const { k, ll } = info(slot);
  let s = p.logp[c][k];
  if ((k === 'S' || k === 'L') && !Number.isNaN(p.mu[c])) s -= LENGTH_WEIGHT * Math.abs(ll - p.mu[c]);
  const above = prev ? prev[c] : undefined;
  if (above && above.text && !above.cont && p.emptyShare[c] > 0.5 && (k === 'S' || k === 'L')) {
    const a = info(above);
    if (a.k === k && Math.abs(ll - a.ll) < 0.7) s += SIBLING_BONUS;
  }
  return s;
}

/** Score of a row as placed (slots by column), the row itself left out of the profile. */
export function rowScore(profile: Profile, row: Slot[], width: number, prev: Slot[] | null): number {
  return scoreIn(viewWithout(profile, row, width), row, width, prev);
}

function scoreIn(p: View, row: Slot[], width: number, prev: Slot[] | null): number {
  let s = 0;
  for (let c = 0; c < width; c++) {
    const slot = row[c];
    s += slot && slot.text && !slot.cont ? placeScore(p, slot, c, prev) : p.logp[c].E;
  }
  return s;
}

/**
 * Best placement of the row's filled cells (order kept). `pin`: a cell written in that column (the row
 * number column) stays there. Returns the new row, or null when the row as written fits as well (within the margin).
 */
export function realign(profile: Profile, row: Slot[], width: number, prev: Slot[] | null, pin: number | null): Slot[] | null {
  const p = viewWithout(profile, row, width);
  const filled: Array<{ slot: Slot; at: number }> = [];
  row.forEach((s, at) => {
    if (s && s.text && !s.cont) filled.push({ slot: s, at });
  });
  const k = filled.length;
  if (k === 0 || k > width) return null;
  const NEG = -Infinity;
  // emptyRun[a][b]: score of columns a..b-1 left empty, via prefix sums
  const emptyPrefix = new Array<number>(width + 1).fill(0);
  for (let c = 0; c < width; c++) emptyPrefix[c + 1] = emptyPrefix[c] + p.logp[c].E;
  const empty = (a: number, b: number) => (b > a ? emptyPrefix[b] - emptyPrefix[a] : 0);
  // dp[i][c] = best score with filled cell i in column c (columns i .. width-(k-i): cell i needs i columns
  // before it and k-i-1 after). The max over the previous cell's column c0 < c of
  // dp[i-1][c0] + empty(c0+1, c) is dp[i-1][c0] - emptyPrefix[c0+1], kept as a running maximum while c
  // grows, plus emptyPrefix[c]: O(k × band) per row instead of O(k × band²).
  const band = width - k + 1;
  if (k * band > ALIGN_BUDGET) return null;
  const dp = new Float64Array(k * band).fill(NEG);
  const back = new Int32Array(k * band).fill(-1);
  const at2 = (i: number, c: number) => i * band + (c - i);
  for (let i = 0; i < k; i++) {
    const { slot, at } = filled[i];
    let runBest = NEG;
    let runArg = -1;
    for (let c = i; c <= width - (k - i); c++) {
      if (i > 0) {
        // the previous cell may now stand in column c - 1
        const c0 = c - 1;
        const d = dp[at2(i - 1, c0)];
        if (d !== NEG && d - emptyPrefix[c0 + 1] > runBest) {
          runBest = d - emptyPrefix[c0 + 1];
          runArg = c0;
        }
      }
      if (pin !== null && at === pin && c !== pin) continue;
      const here = placeScore(p, slot, c, prev) - MOVE_COST * Math.abs(c - at);
      if (i === 0) {
        dp[at2(0, c)] = empty(0, c) + here;
        continue;
      }
      if (runArg < 0) continue;
      dp[at2(i, c)] = runBest + emptyPrefix[c] + here;
      back[at2(i, c)] = runArg;
    }
  }
  let best = NEG;
  let bestC = -1;
  for (let c = k - 1; c < width; c++) {
    const d = dp[at2(k - 1, c)];
    if (d === NEG) continue;
    const v = d + empty(c + 1, width);
    if (v > best) {
      best = v;
      bestC = c;
    }
  }
  if (bestC < 0) return null;
  const cols = new Array<number>(k);
  for (let i = k - 1, c = bestC; i >= 0; i--) {
    cols[i] = c;
    c = back[at2(i, c)];
  }
  if (cols.every((c, i) => c === filled[i].at)) return null;
  const asWritten = scoreIn(p, row, width, prev);
  if (best < asWritten + MARGIN) return null;
  const out: Slot[] = Array.from({ length: width }, (_, c) => emptySlotNear(row, c));
  cols.forEach((c, i) => (out[c] = filled[i].slot));
  return out;
}

function emptySlotNear(row: Slot[], c: number): Slot {
  const s = row[Math.min(c, row.length - 1)];
  const pos = s ? s.start : 0;
  return { text: '', start: pos, end: pos };
}
