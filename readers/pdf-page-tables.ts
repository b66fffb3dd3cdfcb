/**
 * A ruled table that runs over several pages comes out of pdf-grid.ts as one grid per page. Two things keep
 * the table stage from putting the parts back together, and both are only visible here, with positions:
 * - a part has only the column rules its own rows draw: a page whose rows never split `指标名称` into two
 *   columns has one column fewer than a page that does, so the parts look like tables of different widths.
 *   The parts of one table share their outer edges; every part is re-expressed on the union of their
 *   column rules (a cell widens over the rules it does not have).
 * - a merged cell (a category spanning many rows) cut by the page break prints the start of its text at
 *   the foot of one page and the rest at the head of the next (`生态` | `生活`, `（八）人居环` | `境改善`).
 *   Such a piece is found from where the text stops in the first page's box (see rejoinSplitCells); the
 *   text is joined and marked as going on into the next part (the table stage carries it down there).
 * A grid continues the one before it when it is the first thing on its page below the running header, the
 * other is the last thing on the page before above the footer, and their left and right edges agree.
 * - a row cut by the page break (rows may break across pages) prints the rest of its tall cells in a first
 *   row of the next part that holds nothing else: that row is joined to the one it continues.
 * One pass over the pages; each boundary looks at one row of cells.
 */
import type { SourceCell } from '../model/source.js';
import { rowLines, type CellBox, type Grid } from './pdf-grid.js';
import { wrapGlue, type VisualLine } from './pdf-lines.js';

export interface PageSize {
  width: number;
  height: number;
}

const EDGE_TOL = 3; // pt: outer edges of two parts of one table
const RULE_TOL = 2; // pt: the same column rule
const FURNITURE_BAND = 0.12; // share of the page height at top and bottom where headers and footers live
const FILL_EM = 1.2; // text this close (in em) to a cell's edge fills the box to that edge
const FULL_LINE_EM = 1.6; // a last line ending this close (in em) to the cell's right rule is a full line

/** Join the page parts of ruled tables in place: shared columns, split merged cells rejoined. */
export function joinPageGrids(pages: VisualLine[][], geometry: PageSize[]): void {
  const bodyBottom = textAreaBottom(pages, geometry);
  let chain: Grid[] = [];
  const flush = () => {
    if (chain.length > 1) rebase(chain, bodyBottom);
    chain = [];
  };
  for (let p = 0; p < pages.length; p++) {
    const first = firstGrid(pages[p], geometry[p]);
    const prev = chain[chain.length - 1];
    if (first && prev && sameEdges(prev, first) && prevEndedPage(pages, geometry, p - 1, prev)) chain.push(first);
    else {
      flush();
      if (first) chain = [first];
    }
    // a page holding a table after the one continued (or a second table) starts a new chain
    const last = lastGrid(pages[p], geometry[p]);
    if (last && last !== chain[chain.length - 1]) {
      flush();
      chain = [last];
    } else if (!last) flush();
  }
  flush();
}

/** The lowest any content but the page foot's furniture reaches on any page: the text area's bottom. */
function textAreaBottom(pages: VisualLine[][], geometry: PageSize[]): number {
  let low = Infinity;
  pages.forEach((lines, p) => {
    const band = (geometry[p]?.height ?? 0) * FURNITURE_BAND;
    for (const l of lines) {
      const bottom = l.grid ? l.grid.bottom : l.y - 0.12 * l.size;
      if (l.y > band && bottom < low) low = bottom;
    }
  });
  return low;
}

/** The grid that opens the page: nothing above it but the running header. */
function firstGrid(lines: VisualLine[], size: PageSize | undefined): Grid | null {
  if (!size) return null;
  for (const l of lines) {
    if (l.grid) return l.grid;
    if (l.y < size.height * (1 - FURNITURE_BAND)) return null;
  }
  return null;
}

/** The grid that closes the page: nothing below it but the footer (page number, footnotes set small). */
function lastGrid(lines: VisualLine[], size: PageSize | undefined): Grid | null {
  if (!size) return null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.grid) return l.grid;
    if (l.y > size.height * FURNITURE_BAND) return null;
  }
  return null;
}

function prevEndedPage(pages: VisualLine[][], geometry: PageSize[], p: number, g: Grid): boolean {
  return p >= 0 && lastGrid(pages[p], geometry[p]) === g;
}

function sameEdges(a: Grid, b: Grid): boolean {
  return Math.abs(a.x0 - b.x0) <= EDGE_TOL && Math.abs(a.x1 - b.x1) <= EDGE_TOL;
}

/** Re-express every part on the union of the parts' column rules, then rejoin merged cells cut by a page. */
function rebase(chain: Grid[], bodyBottom: number): void {
  const union: number[] = [];
  for (const x of chain.flatMap((g) => g.xs).sort((a, b) => a - b)) {
    if (!union.length || x - union[union.length - 1] > RULE_TOL) union.push(x);
  }
  const at = (x: number) => {
    let best = 0;
    for (let k = 1; k < union.length; k++) if (Math.abs(union[k] - x) < Math.abs(union[best] - x)) best = k;
    return best;
  };
  const cols = union.length - 1;
  for (const g of chain) {
    const map = g.xs.map(at);
    for (const c of g.cells) {
      const from = map[c.col];
      const to = map[Math.min(c.col + c.colspan, map.length - 1)];
      c.col = from;
      c.colspan = Math.max(1, to - from);
    }
    g.xs = union.slice();
  }
  for (let k = 1; k < chain.length; k++) {
    rejoinSplitRow(chain[k - 1], chain[k], bodyBottom);
    rejoinSplitCells(chain[k - 1], chain[k]);
  }
  for (const g of chain) g.rows = rowLines(g.cells, rowCount(g), cols);
}

function rowCount(g: Grid): number {
  return Math.max(0, ...g.cells.map((c) => c.row + c.rowspan));
}

/** `a`'s cell in the same columns as `b`'s cell `cb` that reaches down to `a`'s last rule, or -1. */
function above(a: Grid, aRows: number, cb: SourceCell): number {
  return a.cells.findIndex((ca) => ca.col === cb.col && ca.colspan === cb.colspan && ca.row + ca.rowspan === aRows);
}

/**
 * A row cut by the page break (Word and LibreOffice let a row break across pages): the cells too tall for
 * the first page go on in a first row of `b` that holds only their rest. It is that when every cell of the
 * row that holds text (one row tall) continues a cell of `a`'s last row whose text fills its box to the
 * rule, some one-row cell of it is empty where `a`'s row has text (the short cells, 序号 or an amount,
 * fitted on the first page) or, in a row of wrapping cells only, every piece on the first page ends in a
 * full line (cut mid-flow), and `a` ends at the foot of the text area: a row that fitted whole would have
 * been set on the first page. A row of its own has text in those short cells; a sub-row (an indicator's
 * second line) starting a page is one that did not fit in the room left. The rest is joined to `a`'s cells
 * and the row removed from `b`.
 */
function rejoinSplitRow(a: Grid, b: Grid, bodyBottom: number): void {
  const aRows = rowCount(a);
  const first = repeatedHeaderRows(a, b);
  const own = b.cells.map((c, j) => [c, j] as const).filter(([c]) => c.row === first && c.rowspan === 1);
  const texts = own.filter(([c]) => c.text);
  if (!texts.length) return;
  let shortFitted = false;
  for (const [cb] of own) {
    const i = above(a, aRows, cb);
    if (!cb.text) {
      if (i >= 0 && a.cells[i].text) shortFitted = true;
      continue;
    }
      if (i < 0 || !a.cells[i].text || !fillsToBottom(a.boxes[i])) return;
  }
  const size = Math.max(...texts.map(([cb]) => a.boxes[above(a, aRows, cb)]?.size ?? 0));
  if (a.bottom - bodyBottom > FILL_EM * size) return; // the page had room: a row of its own
  // no short cell to tell by (every cell of the row wraps): each piece on the first page ends in a full line
  // (text cells, not narrow ones a short value fills: `20` | `21` in a 序号 column is two rows)
  const cutMidLine = texts.every(([cb]) => {
    const i = above(a, aRows, cb);
    if ([...a.cells[i].text].length < 4 || /^[\d.%—-]+$/.test(cb.text)) return false;
    const right = a.xs[Math.min(a.cells[i].col + a.cells[i].colspan, a.xs.length - 1)];
    return right - a.boxes[i].lastRight <= FULL_LINE_EM * a.boxes[i].size;
  });
  if (!shortFitted && !cutMidLine) return;
  for (const [cb] of texts) {
    const ca = a.cells[above(a, aRows, cb)];
    ca.text += wrapGlue(ca.text, cb.text) + cb.text;
  }
  const gone = new Set(own.map(([, j]) => j));
  const cells: SourceCell[] = [];
  const boxes: CellBox[] = [];
  b.cells.forEach((c, j) => {
    if (gone.has(j)) return;
    if (c.row > first) c.row--;
    else if (c.row === first) c.rowspan--; // a merged cell that started on the cut row
    cells.push(c);
    boxes.push(b.boxes[j]);
  });
  b.cells = cells;
  b.boxes = boxes;
}

/**
 * The cells of `a`'s last row and of `b`'s first row (under a repeated header) that are one merged cell cut
 * by the page break. `a`'s piece reaches the foot of its part in the same columns as `b`'s, and either
 * - `b`'s piece is empty and spans several rows (the cell's text all fell on the first page), or is an
 *   empty one-row piece in a row where such a piece says the row group above goes on; or
 * - both hold text, one of them spans several rows, and `a`'s text fills its box down to the rule: the
 *   text ran on over the break (a cell whose text ends higher up is complete; where the rest lands in
 *   `b`'s piece depends on the cell's vertical alignment, so it says nothing).
 * `a`'s piece then holds the whole text and is marked as going on below, so the table stage carries it
 * down the rows `b`'s piece covers; `b`'s piece is left empty.
 */
function rejoinSplitCells(a: Grid, b: Grid): void {
  const aRows = rowCount(a);
  const first = repeatedHeaderRows(a, b);
  if (!b.cells.some((c) => c.row === first && c.text)) return; // nothing printed on the row: not a table row
  const pairs: Array<[number, SourceCell]> = [];
  for (const cb of b.cells) {
    if (cb.row !== first) continue;
    const i = above(a, aRows, cb);
    if (i >= 0 && a.cells[i].text) pairs.push([i, cb]);
  }
  // An empty piece over several rows continues the cell above; once one does, the row is the rest of the
  // row group above, and its empty one-row pieces continue theirs too.
  const groupGoesOn = pairs.some(([, cb]) => !cb.text && cb.rowspan >= 2);
  for (const [i, cb] of pairs) {
    const ca = a.cells[i];
    if (!cb.text) {
      if (cb.rowspan >= 2 || groupGoesOn) ca.splitBelow = true;
      continue;
    }
    if ((ca.rowspan < 2 && cb.rowspan < 2) || !fillsToBottom(a.boxes[i])) continue;
    ca.text += wrapGlue(ca.text, cb.text) + cb.text;
    ca.splitBelow = true;
    cb.text = '';
  }
}

/** How many leading rows of `b` repeat `a`'s leading rows (a header printed again on the new page). */
function repeatedHeaderRows(a: Grid, b: Grid): number {
  const row = (g: Grid, r: number) => g.cells.filter((c) => c.row === r).map((c) => `${c.col}:${c.text.replace(/\s/g, '')}`).join('|');
  let r = 0;
  while (r < 3 && row(b, r) !== '' && row(a, r) === row(b, r)) r++;
  return r;
}

function fillsToBottom(x: CellBox | undefined): boolean {
  return !!x && x.size > 0 && x.textBottom - x.bottom <= FILL_EM * x.size;
}

