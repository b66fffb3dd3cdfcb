/**
 * Merged cells of a blank-aligned table (what `pdftotext -layout` makes of a ruled table). A layout export
 * prints a merged cell's text vertically centred on the rows it spans, so a category merged over three
 * rows stands on the second, one merged over two rows stands on a line of its own between them:
 *
 *               1      城市空气质量优良天数比率     %     86.3     88     约束性
 *   环境质量    2      细颗粒物（PM2.5）浓度        …
 *               3      地表水达到或好于Ⅲ类水体比例  …
 *               4      化学需氧量排放量减少         …
 *   污染减排
 *               5      氨氮排放量减少               …
 *
 * A line with one piece of text and no cell boundary is placed under the header column it starts at: under
 * an empty cell of the row above it is such a label (a float), under a filled one the wrapped end of that
 * cell. The labels of a mostly empty column (at most one label per two rows) whose first row is empty
 * there, or that has floats, are then read as centred: the first label's span starts at the first row and ends where the label is its middle, the next
 * starts after it, and so on; the spans must end with the last row. Each label is then put on the first
 * row of its span (the filling of merged cells does the rest). When the spans do not fit, each float goes
 * to the row above it, as before.
 */
import { totalKind } from './fill.js';
import { isHeaderRow, isUnitRow } from './header-row.js';
import type { RawCell, RawRow } from './table-types.js';

export interface FloatLabel {
  /** the data row above the line */
  row: number;
  line: number;
  col: number;
  cell: RawCell;
}

/** The header column whose start (display column) is nearest to `at`. */
export function nearestColumn(header: number[], at: number): number {
  let best = 0;
  for (let k = 1; k < header.length; k++) if (Math.abs(header[k] - at) < Math.abs(header[best] - at)) best = k;
  return best;
}

interface Piece {
  line: number;
  cell: RawCell;
  /** where the piece is: a row's own cell, or a float after that row */
  row: number;
  float: boolean;
}

/** Place the centred labels of each column concerned; `rows[0]` is the header. Floats not placed join the row above. */
export function placeCentredLabels(rows: RawRow[], floats: FloatLabel[]): void {
  // (a second header row — `2020年  2025年` under `指标值`, units — is no data row)
  const first = rows.length > 1 && (isHeaderRow(rows[1].cells.map((c) => c.text)) || isUnitRow(rows[1].cells.map((c) => c.text))) ? 2 : 1;
  // (a 合计 row closing the table lies outside every merged cell)
  let last = rows.length - 1;
  while (last > first && totalKind(rows[last].cells.map((c) => c.text)) !== 'row') last--;
  const cols = new Set(floats.map((f) => f.col));
  if (last >= first + 1) {
    const width = rows[first].cells.length;
    for (let k = 0; k < width; k++) {
      if (rows[first].cells[k]?.text === '' && rows.slice(first + 1).some((r) => r.cells[k]?.text)) cols.add(k);
    }
  }
  const placed = new Set<FloatLabel>();
  for (const k of cols) {
    const pieces: Piece[] = [];
    for (let i = first; i <= last; i++) {
      const c = rows[i].cells[k];
      if (c?.text) pieces.push({ line: rows[i].firstLine, cell: c, row: i, float: false });
      for (const f of floats) if (f.col === k && f.row === i) pieces.push({ line: f.line, cell: f.cell, row: i, float: true });
    }
    // a merged column is mostly empty: a label over several rows each (a column of names is not)
    if (!pieces.length || pieces.length * 2 > last - first + 1 || rows.slice(first).some((r) => r.cells.length <= k)) continue;
    const spans = decode(rows, first, last, group(pieces, false)) ?? decode(rows, first, last, group(pieces, true));
    if (!spans) continue;
    for (const p of pieces) if (!p.float) rows[p.row].cells[k] = { text: '', start: p.cell.start, end: p.cell.start };
    for (const { label, start } of spans) {
      rows[start].cells[k] = { text: label.map((p) => p.cell.text).join(''), start: label[0].cell.start, end: label[label.length - 1].cell.end };
    }
    for (const f of floats) if (f.col === k) placed.add(f);
  }
  for (const f of floats) {
    if (placed.has(f)) continue;
    const up = rows[f.row].cells[f.col];
    if (up.text === '') rows[f.row].cells[f.col] = { ...f.cell };
    else up.text += f.cell.text;
  }
}

/** The pieces as labels: each alone, or (`joined`) pieces on adjacent lines as one label wrapped over them. */
function group(pieces: Piece[], joined: boolean): Piece[][] {
  const out: Piece[][] = [];
  for (const p of pieces) {
    const cur = out[out.length - 1];
    if (joined && cur && p.line - cur[cur.length - 1].line === 1) cur.push(p);
    else out.push([p]);
  }
  return out;
}

/** The row span each label is the middle of, in order and covering every row; null when they do not fit. */
function decode(rows: RawRow[], first: number, last: number, labels: Piece[][]): Array<{ label: Piece[]; start: number }> | null {
  const out: Array<{ label: Piece[]; start: number }> = [];
  let s = first;
  for (const label of labels) {
    if (s > last) return null;
    const centre = (label[0].line + label[label.length - 1].line) / 2;
    const top = rows[s].firstLine;
    // the span whose middle is nearest the label's (an even number of lines puts the label half a line off)
    let end = -1;
    let off = Infinity;
    for (let e = s; e <= last; e++) {
      const d = Math.abs((top + rows[e].lastLine) / 2 - centre);
      if (d <= 0.5 && d < off) {
        end = e;
        off = d;
      }
      if ((top + rows[e].lastLine) / 2 > centre + 0.5) break;
    }
    // the label must lie within its span
    if (end < 0 || label[0].line < top || label[label.length - 1].line > rows[end].lastLine + 1) return null;
    out.push({ label, start: s });
    s = end + 1;
  }
  return s === last + 1 ? out : null;
}
