/**
 * Placing one flattened row's cells under its columns (flat-rows.ts): the placement of the cells, in order,
 * with the best total fit (cell-kinds.ts). A column may be skipped (a merged or empty cell), and a column
 * may take two or more consecutive paragraphs as one cell when the cell was written over several
 * paragraphs — the cells of a row then outnumber its columns, and the typed columns around (a unit, an
 * attribute, an agency list) pin where each run of paragraphs belongs:
 * - a value over several paragraphs (`不减少` `不改变` `不降低`), a name over several (`自然生态空间`
 *   `生态保护红线` `自然保护地`), an agency list one agency per paragraph, a dash wrapped under its unit
 *   (`%` `-`);
 * - a name column spanning name and sub-name takes a sub-name only beside a one-paragraph name, and a
 *   scope qualifier after a name that is already a measure (`林草覆盖率` `平原地区`) is the name's second
 *   paragraph, not a sub-name;
 * - a measure's name (`黑臭水体消除比例`) after a row's first cell is the next row's name, never a value.
 * Dynamic programming over (cells placed, columns decided, state of the last column): O(cells × columns).
 */
import { fitScore, isAgencyList, isDeadlineCell, isEmptyMark, isGroupRow, isOrdinalCell, startsWithVerb } from './cell-kinds.js';
import type { CellLine } from './table-types.js';
import type { ColumnKind } from './header-words.js';
import { joinPieces } from './text.js';
import { attributeOf, isUnit } from './values.js';

const EPS = 1e-3;
/** the weight of a text cell's length against its column's usual length: above EPS ties, below any fit */
const HINT = 0.01;
const PROSE = /^.{16,}[。；！]$/s;
/** a sentence opening with a year (`2025年底前完成全部企业改造。`): no figure of a value column */
const DATED_SENTENCE = /^(?:19|20)\d{2}\s*年.{10,}[。；！]$/s;
/** a status a table states in a column of its own (达标情况): never a paragraph of another cell */
const STATUS = /^(?:超额)?完成$|^未?达标$|^未完成$|^基本(?:完成|达标)$/;
/** what an indicator's name ends in when it already names a measure */
const MEASURE_END = /(?:率|比例|比重|占比|指数|幅度|强度|密度|面积|长度|总量|数量|人数|个数|次数|天数|浓度|产值|规模)$/;

/** A scope qualifier (`平原地区`, `城镇`, `建成区`) after a name that is already a measure: not a sub-name. */
function qualifierOf(name: string, next: string): boolean {
  return MEASURE_END.test(name) && !MEASURE_END.test(next) && next.length <= 8 && !/\d/.test(next);
}

/**
 * What joining two paragraphs into one cell costs: more than a stray short cell left over (0.3) and a
 * cell placed in a loose column (1) together, so a row never joins cells only to take in the group row
 * after it; the typed cells of a row (its attribute, its agencies) are worth more, so it joins when they
 * could not be placed otherwise.
 */
const JOIN = 1.5;
/** what more a sentence costs as a further paragraph of the last row's text cell: two typed cells' worth */
const LAST_ROW_SENTENCE = 4;

/** Two paragraphs that read as parallel phrases of one cell (`不减少` / `不改变`: alike in length and start). */
function parallel(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 1 && a[0] === b[0];
}

/**
 * The cost of cell b as a further paragraph of cell a in a column of kind k (NEG: it cannot be). Joins
 * cost more than leaving a short cell over, so a row joins only when its typed cells force it.
 */
function joinCost(a: string, b: string, k: ColumnKind, lastRow: boolean): number {
  if (isOrdinalCell(b) || isGroupRow(b) || STATUS.test(b) || STATUS.test(a) || attributeOf(b) !== null) return -Infinity;
  switch (k) {
    case 'agency':
      return isAgencyList(a) && isAgencyList(b) ? 0.1 : -Infinity;
    case 'unit':
      // the dash or slash a narrow unit cell wraps under its unit (`%` / `-`)
      return (isUnit(a) || a.length <= 6) && isEmptyMark(b) && b.length <= 2 ? JOIN : -Infinity;
    case 'value':
      // a value over several paragraphs (`不减少` / `不改变`): short phrases alike, not an agency or a date
      // (parallel phrases, `不减少` / `不改变`, are the likeliest)
      if (a.length > 20 || b.length > 20 || isAgencyList(b) || isDeadlineCell(b) || isEmptyMark(b) || isEmptyMark(a) || /\d/.test(a) !== /\d/.test(b)) return -Infinity;
      return parallel(a, b) ? JOIN / 2 : JOIN;
    case 'label':
    case 'text':
      // (after the last row the text goes on: a sentence joins a cell there only when the row's typed cells
      // after it can be placed no other way, and they are worth more than it costs)
      if (lastRow && (b.length > 16 || PROSE.test(b))) return k === 'text' && b.length <= 60 ? JOIN + LAST_ROW_SENTENCE : -Infinity;
      // (a figure is a value's cell; a sentence opening with a date, `2025年底前完成…。`, goes on a task)
      if (isAgencyList(b) || isEmptyMark(b) || isEmptyMark(a) || (/^[-+<>≥≤＞＜~约]?\s*\d/.test(b) && !DATED_SENTENCE.test(b))) return -Infinity;
      // (a name does not go on in a clause of what is done, `完成3个小区改造`: of a name and a content
      // column tied, that paragraph opens the content)
      return k === 'label' && startsWithVerb(b) ? JOIN + 0.1 : JOIN;
    default:
      return -Infinity;
  }
}

export interface Placement {
  /** how many of the row's cells are placed (a prefix); the rest is left to the next row */
  count: number;
  /** the column of each placed cell, non-decreasing: equal columns are one cell over several paragraphs */
  cols: number[];
  score: number;
}

// states of the last decided column: skipped, holding one paragraph, holding several
const SKIP = 0;
const ONE = 1;
const MANY = 2;

/**
 * Put a row's cells under columns [from, W) in order, skipping columns (a merged or empty cell), joining
 * paragraphs into one cell, and leaving a tail of cells to the next row: the placement with the best total
 * fit. A skipped label, agency or deadline column costs little (merges are written once), a skipped value
 * more; among equals the later column wins (merged cells are the leading ones). `leadCols`: how many
 * leading columns the next row has (-1 after the last row); `whole`: all cells placed if they can be.
 */
export function align(seq: CellLine[], kinds: ColumnKind[], from: number, agencyAfter: boolean[], leadCols = 0, subRow = false, whole = false, hint: number[] | null = null): Placement {
  const W = kinds.length;
  const n = W - from;
  const m = seq.length;
  if (!m || n <= 0) return { count: 0, cols: [], score: 0 };
  const skip = (c: number) => (kinds[c] === 'subname' ? 0 : kinds[c] === 'value' || kinds[c] === 'unit' || kinds[c] === 'attribute' || kinds[c] === 'text' ? 0.6 : 0.2);
  const N1 = n + 1;
  const size = (m + 1) * N1;
  // f[s][i * N1 + j]: best score with i cells placed, columns from..from+j-1 decided, the last in state s
  const f = [SKIP, ONE, MANY].map(() => new Float64Array(size).fill(-Infinity));
  // back[s][…]: the state before, times 4, plus the move (0 skip, 1 place, 2 join)
  const back = [SKIP, ONE, MANY].map(() => new Int8Array(size));
  f[SKIP][0] = 0;
  const set = (s: number, at: number, v: number, prev: number, move: number) => {
    if (v > f[s][at] || (v === f[s][at] && move === 1)) {
      f[s][at] = v;
      back[s][at] = prev * 4 + move;
    }
  };
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      for (const s of [SKIP, ONE, MANY]) {
        const here = f[s][i * N1 + j];
        if (here === -Infinity) continue;
        // a further paragraph of the cell in column from+j-1
        if (i < m && j > 0 && s !== SKIP) {
          const c = from + j - 1;
          const k = kinds[c];
          // (of two agency columns the later takes a list one per paragraph: a lead is mostly one agency)
          const cost = k === 'subname' ? -Infinity : joinCost(seq[i - 1].text, seq[i].text, k, leadCols < 0) + (k === 'agency' && agencyAfter[c] ? 0.01 : 0);
          if (cost > -Infinity && fitScore(seq[i].text, k, agencyAfter[c]) > -Infinity) set(MANY, (i + 1) * N1 + j, here - cost, s, 2);
        }
        if (j === n) continue;
        const c = from + j;
        set(SKIP, i * N1 + j + 1, here - skip(c), s, 0);
        if (i < m) {
          // a sub-name only beside a name of one paragraph, and no scope qualifier of a measure
          if (kinds[c] === 'subname' && j > 0 && (s === MANY || (s === ONE && qualifierOf(seq[i - 1].text, seq[i].text)))) continue;
          // (a row without a number names itself in the sub-name column, a numbered row in the name column)
          const sc = fitScore(seq[i].text, kinds[c], agencyAfter[c]) + (subRow && kinds[c] === 'subname' ? 0.3 : 0);
          if (sc === -Infinity) continue;
          // a name of a measure (`黑臭水体消除比例`) after the row's first cell names the next row: no value
          if (i > 0 && (kinds[c] === 'value' || kinds[c] === 'status') && MEASURE_END.test(seq[i].text) && seq[i].text.length >= 5 && !/\d/.test(seq[i].text)) continue;
          // after the last row the text goes on: a sentence there is prose, unless a long-text column takes it
          if (leadCols < 0 && kinds[c] !== 'text' && PROSE.test(seq[i].text)) continue;
          // among equals: a value, label or text goes to the later column (the earlier one merged or blank: a
          // single figure is the target), an agency or deadline to the earlier (牵头 before 配合)
          // (text too: of a 攻坚任务 | 具体举措 pair the leading one is the merged one)
          // (`hint`: of two text columns a lone text cell goes to the one whose cells are as long as it)
          const like = hint && hint[c] > 0 ? -HINT * Math.abs(Math.log(seq[i].text.length / hint[c])) : 0;
          const v = here + sc + like + (kinds[c] === 'value' || kinds[c] === 'label' || kinds[c] === 'text' ? EPS * j : -EPS * j);
          set(ONE, (i + 1) * N1 + j + 1, v, s, 1);
        }
      }
    }
  }
  const tailLead = tailScores(seq, kinds, agencyAfter, leadCols);
  // the best placement (among equals the one placing more cells); a tail no column can take is left over
  let bestI = 0;
  let bestS = SKIP;
  let best = -Infinity;
  // (`whole`: every cell placed, when any placement does)
  for (let i = whole ? m : 0; i <= m; i++) {
    for (const s of [SKIP, ONE, MANY]) {
      const v = f[s][i * N1 + n] + (i < m ? tailLead[i] : 0);
      if (v > -Infinity && v >= best) {
        best = v;
        bestI = i;
        bestS = s;
      }
    }
  }
  const cols: number[] = new Array(bestI);
  let i = bestI;
  let j = n;
  let s = bestS;
  while (i > 0 || j > 0) {
    const b = back[s][i * N1 + j];
    const move = b & 3;
    const prev = b >> 2;
    if (move === 0) j--;
    else if (move === 1) cols[--i] = from + --j;
    else cols[--i] = from + j - 1;
    s = prev;
  }
  return { count: bestI, cols, score: best === -Infinity ? 0 : best };
}

/**
 * What leaving the tail from cell i over is worth: a tail the next row's leading columns can take (its
 * category left of 序号) counts for them — a row ending in values does not end in a category label.
 * Before another row, a tail that is neither leading cells nor a group row (an agency list, a mark, a
 * number left over) is unlikely: it costs, so the cells are placed if any column can take them.
 */
function tailScores(seq: CellLine[], kinds: ColumnKind[], agencyAfter: boolean[], leadCols: number): Float64Array {
  const m = seq.length;
  const tailLead = new Float64Array(m + 1);
  for (let i = m - 1, c = leadCols - 1; i >= 0 && c >= 0; i--, c--) {
    const sc = fitScore(seq[i].text, kinds[c], agencyAfter[c]);
    if (sc === -Infinity || isGroupRow(seq[i].text)) break;
    tailLead[i] = sc;
  }
  for (let i = m - 1; i >= 0; i--) tailLead[i] = tailLead[i] > 0 && (i === m - 1 || tailLead[i + 1] > 0) ? tailLead[i] + (i + 1 < m ? tailLead[i + 1] : 0) : 0;
  if (leadCols >= 0) {
    let cost = 0;
    for (let i = m - 1; i >= 0; i--) {
      const t = seq[i].text;
      if (tailLead[i] <= 0) cost += isGroupRow(t) ? 0 : t.length >= 2 && !/^[-+<>≥≤＞＜~约]?\s*[\d.%％]/.test(t) && !isEmptyMark(t) && attributeOf(t) === null && t.length <= 16 && !isAgencyList(t) ? 0.3 : 2;
      tailLead[i] -= cost;
    }
  }
  return tailLead;
}

/** The placed cells in their slots: paragraphs placed in one column joined into one cell. */
export function placeCells(slots: Array<CellLine | null>, seq: CellLine[], p: Placement): void {
  for (let i = 0; i < p.count; ) {
    const c = p.cols[i];
    let k = i + 1;
    while (k < p.count && p.cols[k] === c) k++;
    const run = seq.slice(i, k);
    const a = run[0];
    const b = run[run.length - 1];
    slots[c] = run.length === 1 ? a : { first: Math.min(...run.map((x) => x.first)), last: Math.max(...run.map((x) => x.last)), text: joinPieces(widthWraps(run.map((x) => x.text)), false), start: a.start, end: b.end };
    i = k;
  }
}

/**
 * Paragraphs of one cell that a narrow column cut inside a sentence (a PDF text export: `完成县级河湖健康评价，编`
 * / `制“一河一策”方案`) joined without a blank: a paragraph with a clause mark inside, none at its end, ending
 * and followed by a Chinese character or quote. Paragraphs of a cell written as items (`推进…改造` / `2025年…`)
 * stay apart (joinPieces puts a blank between).
 */
function widthWraps(pieces: string[]): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    // (an agency list one part per paragraph, `县财政局、县住建局` / `县水利局`, is items)
    if (prev !== undefined && CUT_SENTENCE.test(prev) && /^[\u4e00-\u9fff“”（]/.test(p) && !isAgencyList(prev) && !isAgencyList(p)) out[out.length - 1] = prev + p;
    else out.push(p);
  }
  return out;
}
const CUT_SENTENCE = /[，、；：].*[\u4e00-\u9fff“”]$/s;
