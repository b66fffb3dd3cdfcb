/**
 * Tables whose columns are set apart by runs of blanks instead of tabs: what `pdftotext -layout`, a
 * fixed-width report or a typist aligning columns by hand produce —
 *
 *   序号    重点任务                  牵头单位        配合单位              完成时限
 *   1       推行企业开办“一日办结”    市市场监管局    市公安局、市税务局    2024年6月底
 *
 * A cell boundary is a run of two blanks or more (ASCII spaces, U+3000, no-break spaces) between two
 * non-blank characters; a single blank stays inside a cell (`2022 年 2 月`, `SO 2`). Boundaries are found in
 * the source line and carried onto the clean text by its offset map. A region must open with a header row (three cells or more,
 * most of them header words: isHeaderRow), so an aligned list such as `组  长：王某  党委书记` is no table;
 * it goes on over lines with at least one boundary, a single blank line between rows allowed. The rows are
 * then read like a PDF export's tab rows (rows.ts): a short row (a merged cell left empty) is realigned
 * with the rest later, a line without a boundary continues the cell above.
 */
import { LineRole, type PlanDocument } from '../../model/document.js';
import { isHeaderRow } from './header-row.js';
import { tidy } from './text.js';
import { isAgencyLike } from '../assignments/agency-list.js';
import type { RawCell, RawRow, TableRegion } from './table-types.js';
import { ORDINAL_HEADER } from '../../model/vocab/table-headers.js';
import { totalKind } from './fill.js';

/** a header names at least this many columns: two cells side by side are as often a label and its value */
const MIN_HEADER_CELLS = 3;
/** rows under the header: fewer make no table */
const MIN_ROWS = 2;

const isBlank = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0xa0;

/** How many cell boundaries (interior runs of two blanks or more) the source line `raw` has. */
export function gapCount(raw: string): number {
  return runsOf(raw, 0).cuts.length;
}

/**
 * Display width of a character as a fixed-width layout counts it: Han characters, full-width forms and
 * U+3000 take two columns (pdftotext -layout and a typist's editor both align so), the rest one.
 */
function width(c: number): number {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0xd800 && c <= 0xdbff) ? 2 : c >= 0xdc00 && c <= 0xdfff ? 0 : 1;
}

/**
 * Where the interior blank runs of `raw` start (offsets from `base`, in order) and the display column at which
 * each cell starts (the first cell's included): one pass over the line. Indentation is no boundary.
 */
function runsOf(raw: string, base: number): { cuts: number[]; columns: number[] } {
  const cuts: number[] = [];
  const columns: number[] = [];
  let col = 0;
  let i = 0;
  for (; i < raw.length && isBlank(raw.charCodeAt(i)); i++) col += width(raw.charCodeAt(i));
  if (i < raw.length) columns.push(col);
  let run = 0;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isBlank(c)) run++;
    else {
      if (run >= 2) {
        cuts.push(base + i - run);
        columns.push(col);
      }
      run = 0;
    }
    col += width(c);
  }
  return { cuts, columns };
}

/** The blank runs of line `l` at source offsets (see runsOf). */
function boundaries(doc: PlanDocument, l: number): { cuts: number[]; columns: number[] } {
  return runsOf(doc.lines[l].raw, doc.lines[l].start);
}

/**
 * The cells of line `l`, cut at its blank runs, with source offsets. The clean text drops or collapses the
 * blanks (between Han characters none is left), so each clean character goes to the cell its source offset
 * falls in: one forward pass over the clean text and the boundaries. With `header` (the display columns at
 * which the header's cells start), a row with fewer cells puts each cell under the header cell it starts
 * nearest to, the columns it skips left empty (a merged or empty cell leaves only blanks).
 */
export function splitGapLine(doc: PlanDocument, l: number, header?: number[]): RawCell[] {
  const { clean, map } = doc.lines[l];
  const { cuts, columns } = boundaries(doc, l);
  const out: RawCell[] = [];
  let from = 0;
  let k = 0;
  const push = (x: number, y: number) => {
    while (x < y && clean.charCodeAt(x) === 0x20) x++;
    while (y > x && clean.charCodeAt(y - 1) === 0x20) y--;
    if (y > x) out.push({ text: tidy(clean.slice(x, y)), start: map[x], end: map[y - 1] + 1 });
  };
  for (let i = 0; i < clean.length; i++) {
    if (k < cuts.length && map[i] >= cuts[k]) {
      push(from, i);
      from = i;
      while (k < cuts.length && map[i] >= cuts[k]) k++;
    }
  }
  push(from, clean.length);
  if (!header || out.length >= header.length || out.length !== columns.length) return out;
  return placeUnder(out, columns, header, doc.lines[l].end);
}

/**
 * Cells at display columns `at` under header columns starting at `header`: each cell to the nearest header
 * column after the previous cell's, leaving room for the cells after it. Linear in the header's width.
 */
function placeUnder(cells: RawCell[], at: number[], header: number[], lineEnd: number): RawCell[] {
  const row: RawCell[] = header.map(() => ({ text: '', start: lineEnd, end: lineEnd }));
  let j = 0;
  for (let c = 0; c < cells.length; c++) {
    const last = header.length - (cells.length - c); // the rightmost column that leaves room for the rest
    let best = j;
    for (let k = j + 1; k <= last && Math.abs(header[k] - at[c]) < Math.abs(header[best] - at[c]); k++) best = k;
    row[best] = cells[c];
    j = best + 1;
  }
  for (let k = 0; k < row.length; k++) if (row[k].text === '' && k > 0) row[k] = { text: '', start: row[k - 1].end, end: row[k - 1].end };
  return row;
}

/** The display columns at which the cells of the header line `l` start. */
export function headerColumns(doc: PlanDocument, l: number): number[] {
  return boundaries(doc, l).columns;
}

/**
 * Where the columns of a blank-aligned table start: the median start of each cell over the rows that fill
 * every column, or all but the first (a merged first column left blank: the cells are the last ones), else
 * the header's. A header centres its labels over wide columns (`指标名称` starts far right of the names
 * under it), so a short row placed by the header's starts would slip one column left.
 */
export function columnStarts(doc: PlanDocument, headerLine: number, lastLine: number): number[] {
  const header = headerColumns(doc, headerLine);
  const W = header.length;
  const seen: number[][] = header.map(() => []);
  for (let l = headerLine + 1; l <= lastLine; l++) {
    const { columns } = boundaries(doc, l);
    if (columns.length >= 3 && columns.length >= W - 1 && columns.length <= W) columns.forEach((c, k) => seen[k + W - columns.length].push(c));
  }
  if (seen.some((xs) => xs.length === 0) || seen[W - 1].length < 2) return header;
  const starts = seen.map((xs) => xs.sort((a, b) => a - b)[xs.length >> 1]);
  // the medians must keep the columns in order, else the header's starts stand
  return starts.every((x, k) => k === 0 || x > starts[k - 1]) ? starts : header;
}

function isBody(doc: PlanDocument, l: number): boolean {
  return doc.roles[l] === LineRole.Body;
}

/** A header row of a blank-aligned table at line `l`. */
function isGapHeader(doc: PlanDocument, l: number): boolean {
  if (!isBody(doc, l) || gapCount(doc.lines[l].raw) < MIN_HEADER_CELLS - 1) return false;
  const cells = splitGapLine(doc, l).map((c) => c.text);
  return cells.length >= MIN_HEADER_CELLS && isHeaderRow(cells);
}

/**
 * The blank-aligned tables among the body lines (lines other tables took have role Table already).
 * Linear: every line is looked at once as a possible header and once as a row.
 */
export function findGapTables(doc: PlanDocument): TableRegion[] {
  const out: TableRegion[] = [];
  const n = doc.lines.length;
  for (let i = 0; i < n; i++) {
    if (!isGapHeader(doc, i)) continue;
    let end = i;
    let rows = 0;
    for (let j = i + 1; j < n; j++) {
      if (doc.roles[j] === LineRole.Blank) {
        // one blank line between rows; two end the table
        if (j + 1 < n && doc.roles[j + 1] === LineRole.Blank) break;
        continue;
      }
      if (!isBody(doc, j)) break;
      if (gapCount(doc.lines[j].raw) >= 1) {
        rows++;
        end = j;
        continue;
      }
      // a line without a boundary: a cell wrapped onto a line of its own, if a row follows
      const t = doc.lines[j].match.trim();
      if (t.length <= 16 && j + 1 < n && isBody(doc, j + 1) && gapCount(doc.lines[j + 1].raw) >= 1) continue;
      break;
    }
    if (rows >= MIN_ROWS) out.push({ startLine: i, endLine: end, captionLine: null, noteLines: [], gapped: true });
    i = end;
  }
  return out;
}

/**
 * A cell's text and its wrapped end: glued (the break was the column's width: `市住房城乡建设` + `局`,
 * `…审批时间，` + `全流程…`), except two whole agency names, which stay two items (`市水务局` `市人防办`).
 */
function joinWrap(above: string, below: string): string {
  return isAgencyLike(above) && isAgencyLike(below) && !/[、，,；;]$/.test(above) ? `${above} ${below}` : above + below;
}

/** a row number in the ordinal column (`1`, `12`, `（3）`, `三`) */
const ROW_NUMBER = /^[(（]?(?:\d{1,4}|[一二三四五六七八九十]{1,3})[)）.、]?$/;

/**
 * A layout export wraps a long cell onto the next line under its own column, the other columns left blank:
 *
 *   2       压减工程建设项目审批时间，    市住房城乡建设  市自然资源局、市水务局、  2024年9月底
 *           全流程控制在60个工作日内      局              市人防办
 *
 * In a table numbered in its first column, a line whose number cell is empty under a numbered row carries
 * the wrapped ends of that row's cells: each is joined to the cell above it (Han text glued, as a width
 * break), and the line is no row. A table without an ordinal column keeps such lines as rows (they may be
 * rows under a merged cell). A 合计/小计 line leaves its number cell empty too, and is a row of its own.
 */
export function joinWrappedRows(rows: RawRow[], headerLabels: string[]): RawRow[] {
  // the number column: the first, or the second after a category column (`类别  序号  指标名称 …`)
  const o = headerLabels.slice(0, 2).findIndex((h) => ORDINAL_HEADER.test(h));
  if (o < 0) return rows;
  const out: RawRow[] = [];
  for (const row of rows) {
    const above = out[out.length - 1];
    const numbered = above && out.length > 1 && ROW_NUMBER.test(above.cells[o]?.text ?? '');
    if (!numbered || (row.cells[o]?.text ?? '') !== '' || row.cells.length !== above.cells.length || totalKind(row.cells.map((c) => c.text)) !== 'row') {
      out.push(row);
      continue;
    }
    row.cells.forEach((c, k) => {
      if (c.text === '') return;
      const up = above.cells[k];
      up.text = joinWrap(up.text, c.text);
      if (up.start === up.end) up.start = c.start;
      up.end = c.end;
    });
    above.lastLine = row.lastLine;
  }
  return out;
}
