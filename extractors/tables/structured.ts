/**
 * Tables a reader saw as tables (HTML <table>, Markdown pipe tables, Word/PDF tables): the cells and their
 * spans are given, so `cells` is the source's own, and `rows` fills every span with its value. A title row
 * on top (`附件1` / the caption across every column) and note rows at the bottom are the table's number,
 * caption and notes, not rows (source-frame.ts). The header is the leading rows the source marks as header
 * (<th>, Markdown's first row, a repeated Word header row), or else a leading label row; then up to three
 * rows in all while the rows below still read as labels (structured-header.ts): a row subdividing a label
 * that spans columns, a row a header cell spans down into. Each column's label is its stack of header labels
 * joined with `/` (`具体创建目标/城镇新建民用建筑中绿色建筑占比（%）/禅城区`). A row holding one cell across
 * every column is a group row (`一、…`): its label stands in its first column only.
 * A table split over pages comes as several parts: later parts lose a repeat of the header and are
 * numbered on after the rows before them.
 * Positions: the reader renders each row on a line of its own, cells tab-separated; when a part's lines do
 * not match its rows one for one, each of its rows points at the whole part.
 */
import type { PlanDocument } from '../../model/document.js';
import { ORDINAL_HEADER } from '../../model/vocab/table-headers.js';
import type { CellRecord } from '../../schemas/records.js';
import { checkTotals, totalKind } from './fill.js';
import { cellText } from './cell-lines.js';
import { gridOf, joinParts, ownTexts, valuesOf, type Grid, type SourcePart } from './source-grid.js';
import { columnLabels } from './column-labels.js';
import { labelParts } from './labels.js';
import type { BuiltRow, BuiltTable, TableIssue } from './rebuild.js';
import { dropSpareColumns } from './source-columns.js';
import { frameOf } from './source-frame.js';
import { headerRowCount, MAX_HEADER_ROWS } from './structured-header.js';
import { squash } from './text.js';

export type { SourcePart };


/** A reader table rebuilt, with what its frame rows said. */
export interface SourceBuilt extends BuiltTable {
  /** number and caption from a title row inside the table (`附件1` / `…分工表`), when it has one */
  number: string | null;
  caption: string | null;
  /** note rows at the bottom of the table (`注：…` across every column) */
  notes: string[];
}

export function rebuildSource(doc: PlanDocument, given: SourcePart[]): SourceBuilt {
  const issues: TableIssue[] = [];
  const inputs = dropSpareColumns(given);
  const W = inputs.reduce((m, p) => p.cells.reduce((w, c) => Math.max(w, c.col + c.colspan), m), 0); // no spread: 100 000 cells
  // the title rows of the first part and the note rows of the last are frame, not rows
  const parts = inputs.map((p) => ({ ...p }));
  const last = parts.length - 1;
  const top = frameOf(parts[0].cells, W, true, last === 0);
  const bottom = last === 0 ? top : frameOf(parts[last].cells, W, false, true);
  const trim = (pi: number, f: typeof top) => {
    if (!f.titleRows && !f.noteRows) return;
    const p = parts[pi];
    const H = p.cells.reduce((m, c) => Math.max(m, c.row + c.rowspan), 0);
    const oneLinePerRow = p.endLine - p.startLine + 1 === H;
    parts[pi] = { cells: f.cells, startLine: oneLinePerRow ? p.startLine + f.titleRows : p.startLine, endLine: oneLinePerRow ? p.endLine - f.noteRows : p.endLine };
  };
  trim(0, top);
  if (last > 0) trim(last, bottom);
  // a first part that is header only (the band at the foot of a page, the rows over the page) is one
  // part with the next: a header row may go on there (c22: the third header row heads the next page)
  if (parts.length > 1) {
    const g0 = gridOf(doc, parts[0], W);
    if (g0.H <= MAX_HEADER_ROWS && headerRowCount(g0, parts[0].cells, false) === g0.H) parts.splice(0, 2, joinParts(parts[0], parts[1]));
  }
  const grids = parts.map((p) => gridOf(doc, p, W));
  const first = grids[0];
  const h = headerRowCount(first, parts[0].cells);
  if (h === 0 && first.H > 0) {
    issues.push({ code: 'table-missing-header', severity: 'warning', message: 'the table has no header row: columns are unnamed', ...first.slots[0][0] });
  }
  // header labels are one phrase each, however their cell broke them over lines (`完成` / `时限`)
  for (const c of parts[0].cells) if (c.row < h && c.col < W) for (let r = c.row; r < Math.min(h, c.row + c.rowspan); r++) first.slots[r][c.col].text = cellText(c.text, true);
  const columns = columnLabels(first, h, W);
  const headerKeys = new Set(Array.from({ length: h }, (_, r) => squash(ownTexts(first, r).join('|'))));
  const stacks = columns.map((c) => new Set(labelParts(c).map(squash).filter(Boolean)));
  const ordinalCol = ordinalColumn(columns, grids, h);
  const rows: BuiltRow[] = [];
  const subtotals: BuiltRow[] = [];
  let total: BuiltRow | null = null;
  const cells: CellRecord[] = [];
  let offset = 0; // row number of the part's first row in the merged table
  // a cell spanning rows down to the bottom of a page goes on at the top of the next part
  let carried: Array<string | null> = new Array<string | null>(W).fill(null);
  grids.forEach((g, pi) => {
    let skip = 0;
    if (pi === 0) skip = h;
    else while (skip < g.H && (g.marked[skip] || headerKeys.has(squash(ownTexts(g, skip).join('|'))))) skip++; // header repeated on a new page
    // the header written again inside a part (a page break the export kept as a plain row)
    const again = new Set<number>();
    for (let r = Math.max(skip, pi === 0 ? h : 0); r < g.H; r++) if (h > 0 && repeatsLabels(g, r, stacks)) again.add(r);
    for (const c of parts[pi].cells) {
      if (c.row < skip && pi > 0) continue;
      const head = (pi === 0 && (c.header || c.row < h)) || again.has(c.row);
      cells.push({ row: pi === 0 ? c.row : h + offset + c.row - skip, col: c.col, rowspan: c.rowspan, colspan: c.colspan, text: cellText(c.text, head), header: head });
    }
    const open = carried.map((t) => t);
    for (let r = skip; r < g.H; r++) {
      if (pi === 0 && r < h) continue;
      if (!g.slots[r].some((s) => s.text) || again.has(r)) continue;
      const values = groupRow(g, r) ? g.slots[r].map((s, k) => (k === 0 ? s.text : '')) : valuesOf(g, r);
      values.forEach((v, k) => {
        if (open[k] === null) return;
        if (v === '' && !g.slots[r][k].cont) values[k] = open[k]!;
        else open[k] = null;
      });
      const raw = g.slots[r].map((s, k) => (g.below[r][k] ? { ...s, text: '' } : s));
      const built: BuiltRow = { values, raw, start: g.slots[r][0].start, end: g.slots[r][0].end };
      const kind = totalKind(values);
      if (kind === 'total') total = built;
      else if (kind === 'subtotal') subtotals.push(built);
      else rows.push(built);
    }
    offset += pi === 0 ? g.H - h : g.H - skip;
    // (an empty one that was itself carried down this whole part goes on with the same value)
    carried = new Array<string | null>(W).fill(null);
    for (const c of parts[pi].cells) {
      if ((c.rowspan > 1 || c.splitBelow) && c.row + c.rowspan >= g.H && c.row >= skip) carried[c.col] = cellText(c.text, false) || open[c.col];
    }
  });
  checkTotals(rows, subtotals, total, ordinalCol < 0 ? null : ordinalCol, issues);
  return {
    columns, headerRows: h, rows, total, subtotals, cells, ordinalCol: ordinalCol < 0 ? null : ordinalCol, issues, reliable: true,
    number: top.number, caption: top.caption, notes: last === 0 ? top.notes : [...top.notes, ...bottom.notes],
  };
}

/**
 * The row-number column: the one its label calls so (序号, 编号), else a first column without a label whose
 * body cells are row numbers (`1`, `2`, … at least two, nothing else but blanks).
 */
function ordinalColumn(columns: string[], grids: Grid[], h: number): number {
  const byLabel = columns.findIndex((c) => ORDINAL_HEADER.test(squash(c)));
  if (byLabel >= 0 || !columns.length || squash(columns[0]) !== '') return byLabel;
  let numbers = 0;
  for (const [gi, g] of grids.entries()) {
    for (let r = gi === 0 ? h : 0; r < g.H; r++) {
      const t = squash(ownTexts(g, r)[0]);
      if (!t) continue;
      if (!/^\d{1,3}[.、．]?$/.test(t)) return -1;
      numbers++;
    }
  }
  return numbers >= 2 ? 0 : -1;
}

/**
 * A body row each of whose own cells (two at least) is a label of its column (`序号` | `重点任务` |
 * `牵头单位` under `责任单位/牵头单位`): the header repeated where a page broke, no row of data.
 */
function repeatsLabels(g: Grid, r: number, stacks: Array<Set<string>>): boolean {
  const own = ownTexts(g, r);
  let n = 0;
  for (let k = 0; k < own.length; k++) {
    const t = squash(own[k]);
    if (!t) continue;
    if (!stacks[k]?.has(t)) return false;
    n++;
  }
  return n >= 2 && n * 2 >= stacks.filter((x) => x.size).length;
}

/** One cell across every column and nothing else: a group row (`一、…`, `行动一 …`), its label said once. */
function groupRow(g: Grid, r: number): boolean {
  const W = g.slots[r].length;
  return W > 1 && g.slots[r][0].text !== '' && !g.below[r][0] && g.slots[r].every((s, k) => k === 0 || (s.cont && !g.below[r][k]));
}
