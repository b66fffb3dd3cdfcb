/**
 * A table drawn with <div>s, not <table> (CMS templates and page builders lay a 任务分工表 out as a CSS grid:
 * a box of row boxes, each holding one box per cell, the cell's paragraphs as <p>s). Rendered as lines it is
 * a table flattened one cell per paragraph, and a cell of two paragraphs (two lead agencies) cannot be told
 * from two cells; the boxes say where each cell is. A grid: a <div>/<ul>/<section> whose element children
 * are three rows or more of one tag, each with the same number (3 to 20) of element children and no text of
 * its own, no table or grid inside a cell, short cells; its first row names columns (two header words or
 * more: 序号, 任务, 牵头单位, 完成时限 …). Linear: each box looks at its children and grandchildren once.
 */
import { FLAT_HEADER_WORD, ORDINAL_HEADER } from '../model/vocab/table-headers.js';
/** The part of a DOM node a grid is read from (html-dom.ts's DomNode: not imported, which would be a cycle). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

const childrenOf = (n: DomNode): DomNode[] => n.children ?? [];

const CONTAINER = new Set(['div', 'ul', 'ol', 'section']);
const MIN_ROWS = 3;
const MIN_COLS = 3;
const MAX_COLS = 20;
/** a header cell is short; a data cell may be a paragraph, not a page */
const MAX_HEADER_CELL = 14;
const MAX_CELL = 600;
const MAX_CELL_NODES = 400;

function visibleTags(n: DomNode, isSkipped: (n: DomNode) => boolean): DomNode[] | null {
  const out: DomNode[] = [];
  for (const c of childrenOf(n)) {
    if (c.type === 'text') {
      if ((c.data ?? '').trim() !== '') return null; // text of its own: no box of boxes
      continue;
    }
    if (c.type !== 'tag' || isSkipped(c)) continue;
    out.push(c);
  }
  return out;
}

/**
 * The cells (row by row) of a grid of boxes rooted at n, or null. `textOf` gives a box's visible text,
 * `isSkipped` tells the boxes a browser does not show.
 */
export function divGrid(n: DomNode, textOf: (n: DomNode) => string, isSkipped: (n: DomNode) => boolean): DomNode[][] | null {
  if (!CONTAINER.has(n.name ?? '')) return null;
  const rows = visibleTags(n, isSkipped);
  if (!rows || rows.length < MIN_ROWS || rows.some((r) => r.name !== rows[0].name)) return null;
  const grid: DomNode[][] = [];
  for (const r of rows) {
    const cells = visibleTags(r, isSkipped);
    if (!cells || cells.length < MIN_COLS || cells.length > MAX_COLS) return null;
    if (grid.length && cells.length !== grid[0].length) return null;
    grid.push(cells);
  }
  const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
  const head = grid[0].map((c) => squash(textOf(c)));
  if (head.some((t) => t.length > MAX_HEADER_CELL)) return null;
  if (head.filter((t) => FLAT_HEADER_WORD.test(t) || ORDINAL_HEADER.test(t)).length < 2) return null;
  for (const row of grid) {
    for (const c of row) {
      if (hasTableOrGrid(c) || squash(textOf(c)).length > MAX_CELL) return null;
    }
  }
  return grid;
}

/** A cell holding a table, or boxes of boxes of its own (the page's layout, not a cell). */
function hasTableOrGrid(cell: DomNode): boolean {
  const stack = [...childrenOf(cell)];
  // (a cell of more than a few hundred elements is no cell: the scan is bounded, so is its cost)
  for (let seen = 0; stack.length; seen++) {
    if (seen > MAX_CELL_NODES) return true;
    const x = stack.pop()!;
    if (x.type !== 'tag') continue;
    if (x.name === 'table') return true;
    if (x.name === 'div' && childrenOf(x).filter((k) => k.type === 'tag' && k.name === 'div').length >= MIN_COLS) return true;
    for (const k of childrenOf(x)) stack.push(k);
  }
  return false;
}
