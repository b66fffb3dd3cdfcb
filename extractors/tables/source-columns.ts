/**
 * Grid columns that are no columns of the table. A PDF export draws a label cell (`地区`) two grid columns
 * wide in the header and in nearly every row; the second grid column only holds the few labels set in
 * one column further right (`儋州地区` across both, then `儋州市` and `洋浦` under it beside an empty merged
 * cell). Left as two columns, the table stage reads the wide cells' text into both (`地区 | 地区`, each
 * row's first value twice). Such a pair is one column: the indented labels take the place of the empty cell
 * beside them, and a grid column no cell starts in any more is taken out.
 * Done over all the parts of a table at once, after they were joined: one page's part alone may lack the
 * rows that start cells in the second column, and collapsing there would give the parts different widths.
 */
import type { SourceCell } from '../../model/source.js';

interface HasCells {
  cells: SourceCell[];
}

/** The parts with indent columns folded into the column to their left and unused grid columns taken out. */
export function dropSpareColumns<P extends HasCells>(parts: P[]): P[] {
  let W = 0;
  for (const p of parts) for (const c of p.cells) W = Math.max(W, c.col + c.colspan);
  if (W < 3) return parts;
  let out = parts;
  for (let j = W - 1; j >= 1; j--) out = foldIndentColumn(out, j);
  return dropUnstartedColumns(out);
}

/**
 * Column j folded into column j - 1 when it is an indent column: most rows (the header's first row among
 * them) have a cell spanning both, and wherever a cell starts in j, the cell left of it, ending at j, is
 * empty (nothing in a row is ever written in both). The empty left cells go; the cells of j widen over them.
 */
function foldIndentColumn<P extends HasCells>(parts: P[], j: number): P[] {
  let rows = 0;
  let across = 0;
  let starts = 0;
  let headerAcross = false;
  for (const [pi, p] of parts.entries()) {
    const H = p.cells.reduce((m, c) => Math.max(m, c.row + c.rowspan), 0);
    rows += H;
    for (const c of p.cells) {
      if (c.col < j && c.col + c.colspan > j) {
        across += c.rowspan;
        if (pi === 0 && c.row === 0) headerAcross = true;
      }
      if (c.col === j) starts++;
    }
  }
  if (!starts || !headerAcross || across * 2 < rows) return parts;
  const next: P[] = [];
  for (const p of parts) {
    const mine = p.cells.filter((c) => c.col === j);
    if (!mine.length) {
      next.push(p);
      continue;
    }
    const overlaps = (a: SourceCell, b: SourceCell) => a.row < b.row + b.rowspan && b.row < a.row + a.rowspan;
    const left = p.cells.filter((c) => c.col + c.colspan === j && mine.some((m) => overlaps(c, m)));
    if (left.some((c) => c.text.trim() !== '' || c.col !== j - 1)) return parts; // a real column beside it
    // every row of a cell of j has such an empty cell beside it
    if (mine.some((m) => !left.some((c) => c.row <= m.row && m.row + m.rowspan <= c.row + c.rowspan))) return parts;
    const gone = new Set(left);
    next.push({ ...p, cells: p.cells.filter((c) => !gone.has(c)).map((c) => (c.col === j ? { ...c, col: j - 1, colspan: c.colspan + 1 } : c)) });
  }
  return next;
}

/** The parts with the grid columns no cell starts in taken out (the same objects when every column is used). */
export function dropUnstartedColumns<P extends HasCells>(parts: P[]): P[] {
  let W = 0;
  for (const p of parts) for (const c of p.cells) W = Math.max(W, c.col + c.colspan);
  if (W < 3) return parts;
  const started = new Array<boolean>(W).fill(false);
  for (const p of parts) for (const c of p.cells) started[c.col] = true;
  if (started.every(Boolean)) return parts;
  // newIndex[k]: how many started columns lie left of grid column k
  const newIndex = new Array<number>(W + 1).fill(0);
  for (let k = 0; k < W; k++) newIndex[k + 1] = newIndex[k] + (started[k] ? 1 : 0);
  if (newIndex[W] < 2) return parts;
  return parts.map((p) => ({
    ...p,
    cells: p.cells.map((c) => {
      const col = newIndex[c.col];
      return { ...c, col, colspan: Math.max(1, newIndex[c.col + c.colspan] - col) };
    }),
  }));
}
