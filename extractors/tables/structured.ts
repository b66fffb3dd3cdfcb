/**
 * Tables a reader saw as tables (HTML <table>, Markdown pipe tables, Word/PDF tables): the cells and their
 * spans are given, so `cells` is the source's own, and `rows` fills every span with its value. The header is
 * the leading rows the source marks as header (<th>, Markdown's first row) and label rows right after them
 * (a PDF header of two ruled rows), or else a leading label row. A table split over pages comes as several
 * parts: later parts lose a repeat of the header and are numbered on after the rows before them.
 * Positions: the reader renders each row on a line of its own, cells tab-separated; when a part's lines do
 * not match its rows one for one, each of its rows points at the whole part.
 */
import type { PlanDocument } from '../../pipeline/document.js';
import type { SourceCell } from '../../pipeline/source.js';
import type { CellRecord } from '../../schemas/records.js';
import type { Slot } from './align.js';
import { checkTotals, totalKind } from './fill.js';
import { HEADER_WORD, isHeaderRow, type BuiltRow, type BuiltTable, type TableIssue } from './rebuild.js';
import { squash, tidy } from './text.js';

const ORDINAL_HEADER = /^(?:序号|编号|序|No\.?)$/i;
const MAX_HEADER_ROWS = 3;

export interface SourcePart {
  startLine: number;
  endLine: number;
  cells: SourceCell[];
}

interface Grid {
  slots: Slot[][];
  /** slot filled from a cell spanning it from above */
  below: boolean[][];
  marked: boolean[];
  H: number;
}

function gridOf(doc: PlanDocument, part: SourcePart, W: number): Grid {
  const H = Math.max(0, ...part.cells.map((c) => c.row + c.rowspan));
  const oneLinePerRow = part.endLine - part.startLine + 1 === H;
  const whole = { start: doc.lines[part.startLine].start, end: doc.lines[part.endLine].end };
  const locOf = (r: number) => {
    if (!oneLinePerRow) return whole;
    const l = doc.lines[part.startLine + r];
    return { start: l.start, end: l.end };
  };
  const slots: Slot[][] = Array.from({ length: H }, (_, r) => Array.from({ length: W }, () => ({ text: '', ...locOf(r) })));
  const below: boolean[][] = Array.from({ length: H }, () => new Array<boolean>(W).fill(false));
  for (const c of part.cells) {
    const text = tidy(c.text);
    for (let r = c.row; r < c.row + c.rowspan && r < H; r++) {
      for (let k = c.col; k < c.col + c.colspan && k < W; k++) {
        slots[r][k] = { text: k === c.col ? text : '', ...locOf(r), cont: k > c.col };
        below[r][k] = r > c.row;
      }
    }
  }
  const marked = Array.from({ length: H }, (_, r) => {
    const own = part.cells.filter((c) => c.row === r);
    return own.length > 0 && own.every((c) => c.header);
  });
  return { slots, below, marked, H };
}

/** The row's own texts (spans from the left or from above left out): for comparing headers. */
function ownTexts(g: Grid, r: number): string[] {
  return g.slots[r].map((s, k) => (s.cont || g.below[r][k] ? '' : s.text));
}

function valuesOf(g: Grid, r: number): string[] {
  return g.slots[r].map((_, k) => {
    let j = k;
    while (j > 0 && g.slots[r][j].cont) j--;
    return g.slots[r][j].text;
  });
}

export function rebuildSource(doc: PlanDocument, parts: SourcePart[]): BuiltTable {
  const issues: TableIssue[] = [];
  const W = Math.max(0, ...parts.flatMap((p) => p.cells.map((c) => c.col + c.colspan)));
  const grids = parts.map((p) => gridOf(doc, p, W));
  const first = grids[0];
  // header rows: marked by the source, then label rows without a row number, else a leading label row
  let h = 0;
  while (h < first.H && first.marked[h]) h++;
  const labelRow = (r: number) => isHeaderRow(ownTexts(first, r)) && !/^\d+$/.test(valuesOf(first, r)[0] ?? '');
  // under a marked header, a row whose own cells are all labels (`属性` under a `指标` spanning two rows)
  const moreLabels = (r: number) => {
    const own = ownTexts(first, r).filter(Boolean);
    return own.length > 0 && own.every((t) => t.length <= 24 && HEADER_WORD.test(t) && !/^[-+]?\d/.test(t));
  };
  if (h > 0) while (h < first.H && h < MAX_HEADER_ROWS && (labelRow(h) || moreLabels(h))) h++;
  else if (first.H > 1 && labelRow(0)) h = 1;
  // header cells spanning rows down (`序号` over two rows beside `指标` / `属性`) take those rows in
  if (h > 0) {
    const spanEnd = Math.max(h, ...parts[0].cells.filter((c) => c.row < h).map((c) => c.row + c.rowspan));
    while (h < spanEnd && h < MAX_HEADER_ROWS && h < first.H - 1 && moreLabels(h)) h++;
  }
  if (h === 0 && first.H > 0) {
    issues.push({ code: 'table-missing-header', severity: 'warning', message: 'the table has no header row: columns are unnamed', ...first.slots[0][0] });
  }
  const columns: string[] = [];
  for (let k = 0; k < W; k++) {
    const labels: string[] = [];
    for (let r = 0; r < h; r++) {
      const t = valuesOf(first, r)[k];
      if (t && labels[labels.length - 1] !== t) labels.push(t);
    }
    columns.push(labels.join(' '));
  }
  const headerKeys = new Set(Array.from({ length: h }, (_, r) => squash(ownTexts(first, r).join('|'))));
  const ordinalCol = columns.findIndex((c) => ORDINAL_HEADER.test(squash(c)));
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
    for (const c of parts[pi].cells) {
      if (c.row < skip && pi > 0) continue;
      cells.push({ row: pi === 0 ? c.row : h + offset + c.row - skip, col: c.col, rowspan: c.rowspan, colspan: c.colspan, text: tidy(c.text), header: pi === 0 && (c.header || c.row < h) });
    }
    const open = carried.map((t) => t);
    for (let r = skip; r < g.H; r++) {
      if (pi === 0 && r < h) continue;
      if (!g.slots[r].some((s) => s.text)) continue;
      const values = valuesOf(g, r);
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
      if ((c.rowspan > 1 || c.splitBelow) && c.row + c.rowspan >= g.H && c.row >= skip) carried[c.col] = tidy(c.text) || open[c.col];
    }
  });
  checkTotals(rows, subtotals, total, ordinalCol < 0 ? null : ordinalCol, issues);
  return { columns, headerRows: h, rows, total, subtotals, cells, ordinalCol: ordinalCol < 0 ? null : ordinalCol, issues, reliable: true };
}
