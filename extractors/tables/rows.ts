/**
 * Raw rows of a plain-text table region, with each cell's source position. Two export shapes:
 * - `rows` (PDF export): one line per row, cells separated by tabs; a row whose leading cells were merged
 *   starts with tabs or has lost them.
 * - `cells` (Word export): one cell per line, each led by a tab; a cell's further paragraphs follow on
 *   lines of their own without a tab (vertical text gives one character per line); a blank line before a
 *   tab-led line ends the row.
 * - `flat` (scraped pages): one cell per line, see flat.ts.
 */
import { LineRole, type PlanDocument } from '../../model/document.js';
import { isAgencyList, isDeadlineCell } from './cell-kinds.js';
import { parseFlatRows } from './flat.js';
import { hasPages } from '../paged.js';
import { joinPieces, tidy } from './text.js';
import { columnStarts, gapCount, headerColumns, joinWrappedRows, splitGapLine } from './gap-rows.js';
import { nearestColumn, placeCentredLabels, type FloatLabel } from './gap-merged.js';
import type { RawCell, RawRow, TableRegion, TextStyle } from './table-types.js';

export type { RawCell, RawRow, TextStyle };




const PAGE_NUMBER = /^(?:[-—–－~]\s*\d{1,4}\s*[-—–－~]|第\s*\d{1,4}\s*页|\d{1,4})$/;
const FURNITURE_MIN = 3;
const SHORT = 30;

/** Short lines seen three times or more in the document: running headers and footers, never cell text. */
const furnitureCache = new WeakMap<PlanDocument, Set<string>>();
function furniture(doc: PlanDocument): Set<string> {
  let set = furnitureCache.get(doc);
  if (set) return set;
  const count = new Map<string, number>();
  for (const l of doc.lines) {
    const t = l.match.trim();
    if (t && t.length <= SHORT && !t.includes('\t')) count.set(t, (count.get(t) ?? 0) + 1);
  }
  set = new Set([...count].filter(([, n]) => n >= FURNITURE_MIN).map(([t]) => t));
  furnitureCache.set(doc, set);
  return set;
}

export function textStyle(doc: PlanDocument, region: TableRegion): TextStyle {
  let led = 0;
  let multi = 0;
  for (let l = region.startLine; l <= region.endLine; l++) {
    const raw = doc.lines[l].raw;
    let tabs = 0;
    for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 9) tabs++;
    if (tabs >= 2) multi++;
    else if (tabs === 1 && raw.charCodeAt(0) === 9) led++;
  }
  return led > multi ? 'cells' : 'rows';
}

/** Split a clean line at its tabs into cells with source offsets. */
function splitLine(doc: PlanDocument, l: number): RawCell[] {
  const line = doc.lines[l];
  const { clean, map } = line;
  const out: RawCell[] = [];
  let a = 0;
  for (let i = 0; i <= clean.length; i++) {
    if (i < clean.length && clean.charCodeAt(i) !== 9) continue;
    out.push(cellOf(clean, map, a, i, line.end));
    a = i + 1;
  }
  return out;
}

function cellOf(clean: string, map: Int32Array, a: number, b: number, lineEnd: number): RawCell {
  let s = a;
  let e = b;
  while (s < e && clean.charCodeAt(s) === 32) s++;
  while (e > s && clean.charCodeAt(e - 1) === 32) e--;
  if (s === e) {
    const pos = a < clean.length ? map[a] : lineEnd;
    return { text: '', start: pos, end: pos };
  }
  return { text: tidy(clean.slice(s, e)), start: map[s], end: map[e - 1] + 1 };
}

export interface ParsedRows {
  style: TextStyle;
  rows: RawRow[];
  /** lines inside the region that are no row (PDF style): appended to the row above (page furniture dropped) */
  stray: number[];
}

export function parseTextRows(doc: PlanDocument, region: TableRegion): ParsedRows {
  if (region.flat) return { style: 'flat', rows: parseFlatRows(doc, region), stray: [] };
  // blank-aligned columns read as tab rows, a line without a blank run being a wrapped cell
  if (region.gapped) {
    const header = columnStarts(doc, region.startLine, region.endLine);
    const floats: FloatLabel[] = [];
    // a line of one piece sits under a column (gap-merged.ts): a merged label beside empty cells, or a wrapped cell's end
    const lone = (l: number, prev: RawRow, piece: RawCell): RawCell | null => {
      if (prev.cells.length !== header.length) return null;
      const col = nearestColumn(header, headerColumns(doc, l)[0] ?? 0);
      if (prev.cells[col].text === '') {
        floats.push({ row: rowsSoFar(prev), line: l, col, cell: piece });
        return piece; // set aside: no cell takes it now
      }
      return prev.cells[col];
    };
    let parsedRows: RawRow[] = [];
    const rowsSoFar = (prev: RawRow) => parsedRows.indexOf(prev);
    const parsed = parsePdfRows(doc, region, (l) => gapCount(doc.lines[l].raw) > 0, (d, l) => splitGapLine(d, l, l === region.startLine ? undefined : header), lone, (r) => (parsedRows = r));
    placeCentredLabels(parsed.rows, floats);
    return { ...parsed, rows: joinWrappedRows(parsed.rows, parsed.rows[0]?.cells.map((c) => c.text) ?? []) };
  }
  const style = textStyle(doc, region);
  if (style !== 'rows') return parseWordCells(doc, region);
  // tab rows copied from a layout (a PDF viewer) centre merged labels as a layout export does
  const parsed = parsePdfRows(doc, region);
  placeCentredLabels(parsed.rows, []);
  return parsed;
}

const hasTab = (doc: PlanDocument, l: number): boolean => doc.lines[l].clean.includes('\t');

function parsePdfRows(
  doc: PlanDocument,
  region: TableRegion,
  isRow: (l: number) => boolean = (l) => hasTab(doc, l),
  split: (doc: PlanDocument, l: number) => RawCell[] = splitLine,
  /** the cell a line without cells continues (the piece itself when it is set aside), or null for the default */
  loneCell: ((l: number, prev: RawRow, piece: RawCell) => RawCell | null) | null = null,
  seeRows: ((rows: RawRow[]) => void) | null = null,
): ParsedRows {
  const rows: RawRow[] = [];
  seeRows?.(rows);
  const stray: number[] = [];
  for (let l = region.startLine; l <= region.endLine; l++) {
    if (doc.roles[l] === LineRole.Blank) continue;
    const line = doc.lines[l];
    if (!isRow(l)) {
      const t = line.match.trim();
      if (hasPages(doc) && (PAGE_NUMBER.test(t) || furniture(doc).has(t))) continue;
      // A cell wrapped onto a line of its own: it continues the last filled cell of the row above.
      const prev = rows[rows.length - 1];
      if (prev) {
        const add = cellOf(line.clean, line.map, 0, line.clean.length, line.end);
        const c = loneCell?.(l, prev, add) ?? wrappedCell(prev, add.text);
        if (c === add) {
          stray.push(l);
          continue;
        }
        c.text = joinPieces([c.text, add.text], false);
        if (c.start === c.end) c.start = add.start;
        c.end = add.end;
        prev.lastLine = l;
      }
      stray.push(l);
      continue;
    }
    rows.push({ cells: split(doc, l), firstLine: l, lastLine: l });
  }
  return { style: 'rows', rows, stray };
}

/**
 * The cell of the row above that a line without tabs continues: the last filled one, unless that is a
 * date or an agency list and the line reads as the end of a sentence (`200个。`): then the row's longest
 * cell, the text that wrapped (`…推进老旧小区改造` / `200个。` under a 完成时限 of `2024年底前`).
 */
function wrappedCell(row: RawRow, piece: string): RawCell {
  const last = [...row.cells].reverse().find((x) => x.text !== '') ?? row.cells[row.cells.length - 1];
  if (!/[。；;]$/.test(piece) || /[。；;]$/.test(last.text) || !(isDeadlineCell(last.text) || isAgencyList(last.text))) return last;
  return row.cells.reduce((a, b) => (b.text.length > a.text.length ? b : a), last);
}

function parseWordCells(doc: PlanDocument, region: TableRegion): ParsedRows {
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  let pieces: string[] = [];
  let cell: RawCell | null = null;
  let blankBefore = false;
  const flushCell = () => {
    if (cell && row) {
      cell.text = joinPieces(pieces, rows.length === 0);
      row.cells.push(cell);
    }
    cell = null;
    pieces = [];
  };
  for (let l = region.startLine; l <= region.endLine; l++) {
    // An empty cell (`⇥` alone) is a blank line to the model, but a cell here.
    if (doc.roles[l] === LineRole.Blank && doc.lines[l].raw.charCodeAt(0) !== 9) {
      blankBefore = true;
      continue;
    }
    const line = doc.lines[l];
    const { clean, map } = line;
    if (clean.charCodeAt(0) === 9) {
      flushCell();
      if (!row || blankBefore) {
        if (row) rows.push(row);
        row = { cells: [], firstLine: l, lastLine: l };
      }
      // Normally one cell per line; further tabs on the line are further cells.
      const parts = splitLine(doc, l).slice(1);
      for (let k = 0; k < parts.length - 1; k++) {
        row.cells.push({ ...parts[k] });
      }
      const last = parts[parts.length - 1];
      cell = { text: '', start: last.start, end: last.end };
      pieces = [last.text];
      row.lastLine = l;
    } else if (cell && row) {
      const add = cellOf(clean, map, 0, clean.length, line.end);
      pieces.push(add.text);
      if ((cell as RawCell).start === (cell as RawCell).end) (cell as RawCell).start = add.start;
      (cell as RawCell).end = add.end;
      row.lastLine = l;
    }
    blankBefore = false;
  }
  flushCell();
  if (row) rows.push(row);
  return { style: 'cells', rows, stray: [] };
}
