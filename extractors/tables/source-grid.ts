/**
 * A part of a reader table on a grid: every slot holds the text of the cell covering it (a cell spanning
 * columns leaves its text in its first column, the others marked `cont`; a cell spanning rows repeats its
 * text in every row, those below marked), with the source position of its row.
 */
import type { PlanDocument } from '../../model/document.js';
import type { SourceCell } from '../../model/source.js';
import type { Slot } from './align.js';
import { cellText } from './cell-lines.js';

export interface SourcePart {
  startLine: number;
  endLine: number;
  cells: SourceCell[];
  /** the line of each row, when the part joins rows from lines that are not one run (two parts made one) */
  rowLines?: number[];
}

/** The rows of a part have a line each: its own lines one for one, or the lines it was given. */
function rowLinesOf(part: SourcePart, H: number): number[] | null {
  if (part.rowLines) return part.rowLines.length === H ? part.rowLines : null;
  if (part.endLine - part.startLine + 1 !== H) return null;
  return Array.from({ length: H }, (_, r) => part.startLine + r);
}

/**
 * Two parts as one: the rows of `b` below those of `a` (a header band alone on the foot of a page, its
 * table going on over the page). Row positions are kept when each part has one line per row.
 */
export function joinParts(a: SourcePart, b: SourcePart): SourcePart {
  const Ha = a.cells.reduce((m, c) => Math.max(m, c.row + c.rowspan), 0);
  const Hb = b.cells.reduce((m, c) => Math.max(m, c.row + c.rowspan), 0);
  const la = rowLinesOf(a, Ha);
  const lb = rowLinesOf(b, Hb);
  return {
    startLine: a.startLine,
    endLine: b.endLine,
    cells: [...a.cells, ...b.cells.map((c) => ({ ...c, row: c.row + Ha }))],
    ...(la && lb ? { rowLines: [...la, ...lb] } : {}),
  };
}

export interface Grid {
  slots: Slot[][];
  /** slot filled from a cell spanning it from above */
  below: boolean[][];
  marked: boolean[];
  H: number;
}

export function gridOf(doc: PlanDocument, part: SourcePart, W: number): Grid {
  const H = part.cells.reduce((m, c) => Math.max(m, c.row + c.rowspan), 0);
  const lines = rowLinesOf(part, H);
  const whole = { start: doc.lines[part.startLine].start, end: doc.lines[part.endLine].end };
  const locOf = (r: number) => {
    if (!lines) return whole;
    const l = doc.lines[lines[r]];
    return { start: l.start, end: l.end };
  };
  const slots: Slot[][] = Array.from({ length: H }, (_, r) => Array.from({ length: W }, () => ({ text: '', ...locOf(r) })));
  const below: boolean[][] = Array.from({ length: H }, () => new Array<boolean>(W).fill(false));
  for (const c of part.cells) {
    const text = cellText(c.text, c.header);
    for (let r = c.row; r < c.row + c.rowspan && r < H; r++) {
      for (let k = c.col; k < c.col + c.colspan && k < W; k++) {
        slots[r][k] = { text: k === c.col ? text : '', ...locOf(r), cont: k > c.col };
        below[r][k] = r > c.row;
      }
    }
  }
  // a row is marked when it has cells of its own and all are header cells (one pass over the cells)
  const own = new Array<number>(H).fill(0);
  const heads = new Array<number>(H).fill(0);
  for (const c of part.cells) {
    own[c.row]++;
    if (c.header) heads[c.row]++;
  }
  const marked = own.map((n, r) => n > 0 && heads[r] === n);
  return { slots, below, marked, H };
}

/** The row's own texts (spans from the left or from above left out): for comparing headers. */
export function ownTexts(g: Grid, r: number): string[] {
  return g.slots[r].map((s, k) => (s.cont || g.below[r][k] ? '' : s.text));
}

export function valuesOf(g: Grid, r: number): string[] {
  return g.slots[r].map((_, k) => {
    let j = k;
    while (j > 0 && g.slots[r][j].cont) j--;
    return g.slots[r][j].text;
  });
}

