/**
 * Tables a reader saw as tables (HTML <table>, Markdown pipe tables, Word/PDF tables): the cells and their
 * spans are given, so `cells` is the source's own, and `rows` fills every span with its value. The header is
 * the leading rows the source marks as header (<th>, Markdown's first row), or else a leading label row;
 * a header row repeated further down (a table split over pages) is no data row.
 * Positions: the reader renders each row on a line of its own, cells tab-separated; when the lines do not
 * match the rows one for one, every row points at the whole table.
 */
import type { PlanDocument } from '../../pipeline/document.js';
import type { SourceCell } from '../../pipeline/source.js';
import type { CellRecord } from '../../schemas/records.js';
import type { Slot } from './align.js';
import { checkTotals } from './fill.js';
import { isHeaderRow, SUBTOTAL, TOTAL, type BuiltRow, type BuiltTable, type TableIssue } from './rebuild.js';
import { squash, tidy } from './text.js';

const ORDINAL_HEADER = /^(?:序号|编号|序|No\.?)$/i;

export function rebuildSource(doc: PlanDocument, startLine: number, endLine: number, source: SourceCell[]): BuiltTable {
  const issues: TableIssue[] = [];
  const W = Math.max(0, ...source.map((c) => c.col + c.colspan));
  const H = Math.max(0, ...source.map((c) => c.row + c.rowspan));
  const lineOf = (r: number) => doc.lines[Math.min(startLine + r, endLine)];
  const oneLinePerRow = endLine - startLine + 1 === H;
  const tableStart = doc.lines[startLine].start;
  const tableEnd = doc.lines[endLine].end;
  const locOf = (r: number) => (oneLinePerRow ? { start: lineOf(r).start, end: lineOf(r).end } : { start: tableStart, end: tableEnd });
  // grid of slots: `cont` marks the columns a cell spans to its right; rows a cell spans below repeat it
  const grid: Slot[][] = Array.from({ length: H }, (_, r) => Array.from({ length: W }, () => ({ text: '', ...locOf(r) })));
  const below: boolean[][] = Array.from({ length: H }, () => new Array<boolean>(W).fill(false));
  for (const c of source) {
    const text = tidy(c.text);
    for (let r = c.row; r < c.row + c.rowspan && r < H; r++) {
      for (let k = c.col; k < c.col + c.colspan && k < W; k++) {
        grid[r][k] = { text: k === c.col ? text : '', ...locOf(r), cont: k > c.col };
        below[r][k] = r > c.row;
        if (r > c.row && k === c.col) grid[r][k].text = text;
      }
    }
  }
  const texts = (r: number) => grid[r].map((s, k) => (s.cont ? '' : below[r][k] ? '' : s.text));
  // header rows: marked by the source, else a leading label row
  const marked = (r: number) => source.filter((c) => c.row === r).every((c) => c.header) && source.some((c) => c.row === r);
  let h = 0;
  while (h < H && marked(h)) h++;
  if (h === 0 && H > 1 && isHeaderRow(texts(0))) h = 1;
  if (h === 0 && H > 0) issues.push({ code: 'table-missing-header', severity: 'warning', message: 'the table has no header row: columns are unnamed', ...locOf(0) });
  const columns: string[] = [];
  for (let k = 0; k < W; k++) {
    const parts: string[] = [];
    for (let r = 0; r < h; r++) {
      let j = k;
      while (j > 0 && grid[r][j].cont) j--;
      const t = grid[r][j].text;
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    columns.push(parts.join(' '));
  }
  const headerKey = h ? squash(texts(h - 1).join('|')) : null;
  const ordinalCol = columns.findIndex((c) => ORDINAL_HEADER.test(squash(c)));
  const rows: BuiltRow[] = [];
  const subtotals: BuiltRow[] = [];
  let total: BuiltRow | null = null;
  for (let r = h; r < H; r++) {
    if (headerKey && squash(texts(r).join('|')) === headerKey) continue; // header repeated on a new page
    const raw = grid[r].map((s, k) => (below[r][k] ? { ...s, text: '' } : s));
    if (!grid[r].some((s) => s.text)) continue;
    const values = grid[r].map((s, k) => {
      let j = k;
      while (j > 0 && grid[r][j].cont) j--;
      return grid[r][j].text;
    });
    const built: BuiltRow = { values, raw, ...locOf(r) };
    const first = squash(values.find((v) => v) ?? '');
    if (TOTAL.test(first)) total = built;
    else if (SUBTOTAL.test(first)) subtotals.push(built);
    else rows.push(built);
  }
  checkTotals(rows, subtotals, total, ordinalCol < 0 ? null : ordinalCol, issues);
  const cells: CellRecord[] = source.map((c) => ({ row: c.row, col: c.col, rowspan: c.rowspan, colspan: c.colspan, text: tidy(c.text), header: c.header || c.row < h }));
  return { columns, headerRows: h, rows, total, subtotals, cells, ordinalCol: ordinalCol < 0 ? null : ordinalCol, issues, reliable: true };
}
