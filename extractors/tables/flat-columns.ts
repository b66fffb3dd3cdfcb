/**
 * A table read column by column (OCR of a scanned table whose columns stand apart, a text export that
 * walked the grid down each column): the 序号 label, the row numbers 1, 2, 3… each on a line of its own,
 * then each further column as its label and one cell per row (`重点任务` and the tasks, `牵头单位` and the
 * agencies, …). What tells it from a table read row by row: right after 序号 come the numbers 1 and 2, no
 * other label or a row's cells. The row count n is the numbers'; each column after must give exactly n
 * cells (wrapped paragraphs joined as flat-cell-lines.ts joins them) and then the next label or the end.
 * A column that does not end so ends the table before it. The rows are the columns read across
 * (parseColumnRows). Linear: each line is read once.
 */
import { LineRole, type PlanDocument } from '../../model/document.js';
import { ORDINAL_HEADER } from '../../model/vocab/table-headers.js';
import { isGroupRow, ordinalValue } from './cell-kinds.js';
import { cellLines } from './flat-cell-lines.js';
import { labelLike } from './flat-labels.js';
import { columnKind } from './header-words.js';
import { squash, tidy } from './text.js';
import type { CellLine, RawCell, RawRow, TableRegion } from './table-types.js';

/** the fewest rows and columns (序号 included) a table read column by column is taken to have */
const MIN_ROWS = 2;
const MIN_COLUMNS = 3;
const MAX_ROWS = 300;

/** The next non-blank line from k on, or -1 (a line that is no body line ends the search). */
function bodyFrom(doc: PlanDocument, k: number): number {
  for (let j = k; j < doc.lines.length; j++) {
    if (doc.roles[j] === LineRole.Blank) continue;
    return doc.roles[j] === LineRole.Body ? j : -1;
  }
  return -1;
}

/** A table read column by column whose 序号 label is line i, or null. */
export function columnMajorAt(doc: PlanDocument, i: number, stop: (k: number) => boolean): TableRegion | null {
  if (!ORDINAL_HEADER.test(squash(doc.lines[i].clean))) return null;
  // the row numbers 1, 2, 3… each alone on a line
  const numbers: number[] = [];
  let k = bodyFrom(doc, i + 1);
  while (k >= 0 && numbers.length < MAX_ROWS && ordinalValue(doc.lines[k].clean.trim()) === numbers.length + 1) {
    numbers.push(k);
    k = bodyFrom(doc, k + 1);
  }
  const n = numbers.length;
  if (n < MIN_ROWS || k < 0) return null;
  const labels = [i];
  const columns: CellLine[][] = [numbers.map((l) => lineCell(doc, l))];
  // each further column: its label, then n cells
  while (k >= 0 && labelLike(doc.lines[k].clean) && !stop(k)) {
    const cells = cellLines(doc, k + 1, doc.lines.length, stop).slice(0, n);
    if (cells.length < n) break;
    const after = bodyFrom(doc, cells[n - 1].last + 1);
    // the column ends at the next label, or the table's: a heading, a sentence; a short line there is a
    // cell the count missed (a wrap not joined), and the column is not read
    const next = after >= 0 && labelLike(doc.lines[after].clean) && !stop(after) ? after : -1;
    if (next < 0 && after >= 0 && leftOver(doc, after, stop)) break;
    labels.push(k);
    columns.push(cells);
    k = next;
  }
  if (columns.length < MIN_COLUMNS) return null;
  const kinds = labels.map((l) => columnKind(doc.lines[l].clean));
  if (!kinds.some((x) => x === 'agency' || x === 'deadline' || x === 'unit' || x === 'value')) return null;
  const endLine = Math.max(...columns[columns.length - 1].map((c) => c.last));
  return {
    startLine: i,
    endLine,
    captionLine: null,
    noteLines: [],
    flat: { headerLines: 0, kinds, labels: labels.map((l) => tidy(doc.lines[l].clean)), byColumn: { labels, columns } },
  };
}

/** Is line k, right after a column's n cells, one more cell of it (short, no heading, no sentence)? */
function leftOver(doc: PlanDocument, k: number, stop: (k: number) => boolean): boolean {
  const t = doc.lines[k].clean.trim();
  // (a heading after the table, `二、保障措施`, is none)
  return !stop(k) && !isGroupRow(t) && t.length <= 30 && !/[。；！：:]$/.test(t);
}

function lineCell(doc: PlanDocument, k: number): CellLine {
  const line = doc.lines[k];
  const t = line.clean;
  const a = t.length - t.trimStart().length;
  const b = t.trimEnd().length;
  return { first: k, last: k, text: t.trim(), start: line.map[a] ?? line.start, end: b > 0 ? line.map[b - 1] + 1 : line.start };
}

function raw(c: CellLine): RawCell {
  return { text: c.text, start: c.start, end: c.end };
}

/** The header row (the labels as written) and the rows read across the columns. */
export function parseColumnRows(doc: PlanDocument, reg: TableRegion): RawRow[] {
  const { labels, columns } = reg.flat!.byColumn!;
  const header: RawRow = { cells: labels.map((l) => raw(lineCell(doc, l))), firstLine: labels[0], lastLine: labels[0] };
  const rows: RawRow[] = [];
  for (let r = 0; r < columns[0].length; r++) {
    const cells = columns.map((col) => col[r]);
    rows.push({ cells: cells.map(raw), firstLine: Math.min(...cells.map((c) => c.first)), lastLine: Math.max(...cells.map((c) => c.last)) });
  }
  return [header, ...rows];
}
