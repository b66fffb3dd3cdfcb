/**
 * Reading the rows of a table flattened to one cell per paragraph, cell by cell. The header (or, for a
 * table without one, the shape its rows repeat) gives the columns and what each holds (header-words.ts).
 * Rows are anchored at their row numbers (1, 2, 3… in sequence, `*8` too); after the row number each cell
 * goes to the next column it can belong to (cell-kinds.ts): a cell that cannot be of a column means that
 * column's cell was written once for several rows (a merged 推进单位) or left empty, and is skipped. What
 * no column of the row can take is the next row's leading cells (a category left of 序号), a group row
 * spanning the table (`行动二：…`, `品质宜居`), a further sub-item of a `1、…` cell, or a `其中…` sub-row.
 * Before cutting, a cell wrapped over two paragraphs is joined (flat-cell-lines.ts: a list ending in 、 or ，,
 * an open bracket); paragraphs of one cell with no such mark are joined where the row's typed cells require
 * it (flat-align.ts, which places each row's cells). One pass over the lines: linear.
 */
import { fitScore, isAgencyList, isEmptyMark, isFigureCell, isGroupRow, ordinalValue } from './cell-kinds.js';
import { attributeOf } from './values.js';
import { moveLoneAgencyLists } from './flat-agency-cols.js';
import { align, placeCells } from './flat-align.js';
import { lastValueOver } from './flat-last-value.js';
import type { ColumnKind } from './header-words.js';
import type { CellLine, RawCell, RawRow } from './table-types.js';
import { cellLines, FIRST_SUB_ITEM, restartsAfter, SUB_ITEM, SUB_NUMBER } from './flat-cell-lines.js';
import { joinPieces } from './text.js';

export type { CellLine };
export { cellLines };


const SUB_ROW = /^(?:其中|含|包括)/;
/**
 * Positions of the row numbers 1, 2, 3… in sequence. A row number is followed by a cell that is neither
 * another number nor a value, an attribute or a mark (`8` in the value column of row 7 is no row 8), and
 * rows are at least `minGap` cells apart.
 */
export function ordinalStarts(cells: CellLine[], minGap = 2): number[] {
  const out: number[] = [];
  let expect = 1;
  let sub = 0; // the last sub-number under the current row number (`1.1`, `1.2` under `1`)
  for (let k = 0; k < cells.length; k++) {
    const d = SUB_NUMBER.exec(cells[k].text);
    if (d && out.length && Number(d[1]) === expect - 1 && Number(d[2]) === sub + 1) {
      if (k - out[out.length - 1] >= minGap && k + 1 < cells.length && rowName(cells[k + 1].text)) {
        out.push(k);
        sub++;
      }
      continue;
    }
    const n = ordinalValue(cells[k].text);
    // numbering may start again at 1 under each group row (`行动二：…` / `1`)
    if (n !== expect && !(n === 1 && out.length && restartsAfter(cells, k))) continue;
    if (out.length && k - out[out.length - 1] < minGap) continue;
    if (k + 1 < cells.length && !rowName(cells[k + 1].text)) continue;
    out.push(k);
    expect = n + 1;
    sub = 0;
  }
  return out;
}



/** A cell that can follow a row number: text, not a value, an attribute, a status or a mark. */
function rowName(t: string): boolean {
  // (a long name may start with a year: `2000年及以前存量老旧住宅小区…排摸`)
  return t.length >= 2 && !isFigureCell(t) && attributeOf(t) === null && !isEmptyMark(t) && !/^(?:超额)?完成$|^未?达标$/.test(t);
}

export interface FlatRead {
  rows: RawRow[]; // data rows and group rows, in order
  /** index in `cells` of the last cell the table holds */
  lastCell: number;
  /** the total fit of the cells to the columns (to compare two readings of the same cells) */
  score: number;
}

function raw(c: CellLine): RawCell {
  return { text: c.text, start: c.start, end: c.end };
}

function emptyAt(pos: number): RawCell {
  return { text: '', start: pos, end: pos };
}

/**
 * Rows from the cell lines of a table (header excluded), given its columns' kinds and the row-number
 * column `o`. Cells before the first row number and between rows are placed as leading cells, group rows
 * or sub-items; after the last row the table ends at the first cell no column of that row can take.
 */
export function readFlatRows(cells: CellLine[], kinds: ColumnKind[], o: number, starts: number[], free = false, hint: number[] | null = null): FlatRead {
  const W = kinds.length;
  const agencyAfter = kinds.map((_, c) => kinds.some((k, d) => d > c && k === 'agency'));
  const oneAgencyCol = kinds.filter((k) => k === 'agency').length === 1;
  const hasRemark = kinds.includes('remark');
  const rows: RawRow[] = [];
  let score = 0; // how well the cells fit their columns, strays and stray-like group rows counted against
  let lastCell = starts.length ? starts[0] : -1;
  const rowOf = (slots: Array<CellLine | null>, at: number, extra: CellLine[] = []): RawRow => {
    const filled = [...slots.filter((s): s is CellLine => s !== null), ...extra];
    return {
      cells: slots.map((s) => (s ? raw(s) : emptyAt(at))),
      firstLine: Math.min(...filled.map((f) => f.first)),
      lastLine: Math.max(...filled.map((f) => f.last)),
    };
  };
  // Cells left over before row n: leading cells of row n (right to left), the rest group rows.
  // `（一）…` right before a row number, table-wide: the cell of a category column left of 序号 (seed 004's
  // 任务), not a group row spanning the table (c19's `行动二：…`, followed by its own category cell)
  const markedLeads = o > 0 && groupCellsLead(cells, starts);
  const lead = (left: CellLine[]): { groups: CellLine[]; leading: Array<CellLine | null> } => {
    const leading: Array<CellLine | null> = new Array(o).fill(null);
    let k = left.length - 1;
    let c = o - 1;
    if (markedLeads) {
      // the category next to 序号 is a marked cell (`（九）生活` `方式` `绿色化`: wrapped over paragraphs);
      // without one the row starts no category, and the cells left over are rows without a number
      const m = markedLead(left);
      if (m < 0) return { groups: left, leading };
      const run = left.slice(m);
      leading[c--] = run.length === 1 ? run[0] : { ...run[0], last: run[run.length - 1].last, end: run[run.length - 1].end, text: joinPieces(run.map((x) => x.text), false) };
      k = m - 1;
    }
    for (; c >= 0 && k >= 0; c--) {
      const t = left[k].text;
      if ((isGroupRow(t) && !markedLeads) || fitScore(t, kinds[c], agencyAfter[c]) === -Infinity || ordinalValue(t) !== null) break;
      leading[c] = left[k--];
    }
    return { groups: left.slice(0, k + 1), leading };
  };
  let pending = starts.length ? cells.slice(0, starts[0]) : [];
  for (let n = 0; n < starts.length; n++) {
    const s = starts[n];
    const end = n + 1 < starts.length ? starts[n + 1] : cells.length;
    const { groups, leading } = lead(pending);
    // Cells between two rows: a group row (`行动二：…`, `品质宜居`: text alone), a row without a number of
    // its own under the one above (`PM2.5浓度下降幅度` `16.2` `达标`: a name and cells that fit), else a
    // stray cell (a number or a mark no row takes)
    for (let g = 0; g < groups.length; ) {
      const t = groups[g].text;
      const alone = g + 1 === groups.length || isGroupRow(groups[g + 1].text);
      if (isGroupRow(t) || (alone && groupText(t))) {
        rows.push({ cells: [raw(groups[g])], firstLine: groups[g].first, lastLine: groups[g].last, group: true });
        g++;
        continue;
      }
      const part = groups.slice(g);
      const u = align(part, kinds, o + 1, agencyAfter, -1, true);
      if (new Set(u.cols).size >= 2 && groupText(t) && kinds[u.cols[0]] !== 'value') {
        const subSlots: Array<CellLine | null> = new Array(W).fill(null);
        placeCells(subSlots, part, u);
        rows.push({ ...rowOf(subSlots, part[0].start), sub: true });
        score += u.score;
        g += u.count;
        continue;
      }
      rows.push({ cells: [raw(groups[g])], firstLine: groups[g].first, lastLine: groups[g].last, ...(groupText(t) ? { group: true } : { stray: true }) });
      score -= 2;
      g++;
    }
    // (`free`: a row without a number whose first cell may be in any column: a category written once
    // over several rows leaves the rows below starting at their name)
    const slots: Array<CellLine | null> = free ? new Array(W).fill(null) : [...leading, cells[s], ...new Array(W - o - 1).fill(null)];
    const subs: RawRow[] = [];
    // the row's cells: up to a group row; further sub-items joined to their `1、` cell; `其中` starts a sub-row
    const seq: CellLine[] = free ? [cells[s]] : [];
    const subSeqs: CellLine[][] = [];
    let k = s + 1;
    for (; k < end; k++) {
      const cell = cells[k];
      const t = cell.text;
      if (isGroupRow(t)) break;
      const into = subSeqs.length ? subSeqs[subSeqs.length - 1] : seq;
      if (SUB_ITEM.test(t) && !FIRST_SUB_ITEM.test(t)) {
        const owner = into.findIndex((x) => FIRST_SUB_ITEM.test(x.text));
        if (owner >= 0) {
          const x = into[owner];
          into[owner] = { ...x, text: `${x.text}\n${t}`, last: cell.last, end: cell.end };
          continue;
        }
      }
      // (a `含…` as the row's last cell, in a table with a 备注 column, is its remark: a sub-row has cells)
      const lastOfRow = k + 1 >= end || isGroupRow(cells[k + 1].text);
      if (SUB_ROW.test(t) && seq.length >= 2 && !(hasRemark && lastOfRow)) {
        subSeqs.push([cell]);
        continue;
      }
      // several agencies one per paragraph, in a table with one agency column: one cell
      const before = into[into.length - 1];
      if (oneAgencyCol && before && isAgencyList(t) && isAgencyList(before.text)) {
        into[into.length - 1] = { ...before, text: `${before.text} ${t}`, last: cell.last, end: cell.end };
        continue;
      }
      into.push(cell);
    }
    let used = align(seq, kinds, free ? 0 : o + 1, agencyAfter, n + 1 < starts.length ? o : -1, false, false, hint);
    if (n + 1 === starts.length && !free && !subSeqs.length) used = lastValueOver(seq, used, kinds, o, agencyAfter);
    score += used.score;
    placeCells(slots, seq, used);
    // (a placed cell may end after later ones: `2、…` sub-items written after the row's last cells)
    let last = seq.slice(0, used.count).reduce((m, c) => Math.max(m, c.last), cells[s].last);
    let rest = seq.slice(used.count);
    for (const ss of subSeqs) {
      if (rest.length) break; // a sub-row after cells no column took: the table's shape is lost here
      const subSlots: Array<CellLine | null> = new Array(W).fill(null);
      const u = align(ss, kinds, o + 1, agencyAfter);
      placeCells(subSlots, ss, u);
      subs.push(rowOf(subSlots, ss[0].start));
      last = ss.slice(0, Math.max(1, u.count)).reduce((m, c) => Math.max(m, c.last), last);
      rest = ss.slice(u.count);
    }
    rows.push(rowOf(slots, cells[s].end), ...subs);
    // what no column took, and the cells after a group row, lead the next row
    const restStart = rest.length ? cells.indexOf(rest[0], s) : -1;
    const next = restStart >= 0 ? restStart : cellIndexAfter(cells, s, end, last);
    lastCell = next - 1;
    pending = cells.slice(next, end);
  }
  // After the last row, rows without a number of their own under it (its task merged: `实施道路绿化提升工程`
  // `区建管委` `2024年9月底前`): cells that fill two columns or more, a typed one among them (prose after
  // the table fills text columns only)
  // (a task table's: in a table of values the last row may leave values over, which are no row)
  const taskLike = !kinds.some((k) => k === 'value' || k === 'unit' || k === 'attribute');
  while (taskLike && pending.length && !free && groupText(pending[0].text) && !isGroupRow(pending[0].text)) {
    const u = align(pending, kinds, o + 1, agencyAfter, -1, true);
    const cols = u.cols.slice(0, u.count);
    if (new Set(cols).size < 2 || kinds[cols[0]] === 'value' || !cols.some((c) => TYPED.has(kinds[c]))) break;
    // (a signature after the table, `某区人民政府办公室` `2024年3月1日`, is no row: a day's date is no deadline)
    if (pending.slice(0, u.count).some((c) => SIGNED_DATE.test(c.text))) break;
    const subSlots: Array<CellLine | null> = new Array(W).fill(null);
    placeCells(subSlots, pending, u);
    rows.push({ ...rowOf(subSlots, pending[0].start), sub: true });
    lastCell = cells.indexOf(pending[u.count - 1], lastCell + 1);
    pending = pending.slice(u.count);
  }
  return { rows: moveLoneAgencyLists(rows, kinds), lastCell, score };
}

const SIGNED_DATE = /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const TYPED = new Set<ColumnKind>(['agency', 'deadline', 'unit', 'value', 'attribute', 'status']);

/** Do most cells that read like group rows (`（一）…`) sit right before a row number? */
function groupCellsLead(cells: CellLine[], starts: number[]): boolean {
  const rowStart = new Set(starts);
  let marked = 0;
  let before = 0;
  for (let k = 0; k < cells.length; k++) {
    if (!isGroupRow(cells[k].text)) continue;
    marked++;
    // (the cell may be wrapped over a few short paragraphs before the row number: `（一）村容` `村貌` `1`)
    let j = k + 1;
    // (a group row spanning the table is long, `行动二：…`, and its own category cell may follow it)
    while (NARROW_MARKED.test(cells[k].text) && j < cells.length && j <= k + 3 && !rowStart.has(j) && WRAP_PIECE.test(cells[j].text)) j++;
    if (rowStart.has(j)) before++;
  }
  return marked > 0 && before * 2 > marked;
}

/** a paragraph a narrow category cell goes on in (`方式`, `绿色化`): a few Han characters */
const WRAP_PIECE = /^[\u4e00-\u9fff]{1,4}$/;
/** the first paragraph of a narrow category cell: its marker and a few characters (`（九）生活`) */
const NARROW_MARKED = /^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．])[\u4e00-\u9fff]{1,4}$/;

/** Where the marked category cell ending `left` starts (`（九）生活` + `方式` `绿色化`), or -1. */
function markedLead(left: CellLine[]): number {
  for (let k = left.length - 1; k >= 0 && k >= left.length - 4; k--) {
    if (isGroupRow(left[k].text)) return k;
    if (!WRAP_PIECE.test(left[k].text) || isAgencyList(left[k].text) || /^未?达标$|^(?:超额|基本)?完成$/.test(left[k].text)) return -1;
  }
  return -1;
}

function groupText(t: string): boolean {
  return t.length >= 2 && !/^[-+<>≥≤＞＜~约]?\s*[\d.%％]/.test(t) && !isEmptyMark(t) && attributeOf(t) === null;
}

/** Index of the first cell of [from, end) that starts after line `last`. */
function cellIndexAfter(cells: CellLine[], from: number, end: number, last: number): number {
  let k = from;
  while (k < end && cells[k].first <= last) k++;
  return k;
}

/**
 * The usual length of the cells of each text column of a task table with two text columns or more (`重点任务`
 * short, `具体举措` long), from the rows that fill them all: a row with one text cell only puts it in the
 * column it is like (a task whose 举措 is empty, or a 举措 under a 任务 merged from above). Null when there is
 * nothing to tell (fewer than two such rows, a table of values).
 */
export function lengthHints(rows: RawRow[], kinds: ColumnKind[], o: number): number[] | null {
  if (kinds.some((k) => k === 'value' || k === 'unit' || k === 'attribute')) return null;
  const cols = kinds.flatMap((k, c) => (c > o && (k === 'text' || k === 'label') ? [c] : []));
  if (cols.length < 2) return null;
  const full = rows.filter((r) => !r.group && !r.stray && !r.sub && cols.every((c) => r.cells[c] && r.cells[c].text !== ''));
  if (full.length < 2) return null;
  const hint = new Array<number>(kinds.length).fill(0);
  for (const c of cols) {
    const lens = full.map((r) => r.cells[c].text.length).sort((a, b) => a - b);
    hint[c] = lens[lens.length >> 1];
  }
  return hint;
}
