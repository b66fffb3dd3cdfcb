/**
 * Where a plain-text table's cells go on its columns: the width most rows share, how a narrower header
 * row maps onto the wide one, and a row's cells put on the table's columns. Pure geometry, no words: the
 * rebuild (rebuild.ts) decides which header and which layout to use.
 */
import type { Slot } from './align.js';
import type { RawRow } from './table-types.js';
import { squash } from './text.js';

/** The widest row width that at least two rows (and a tenth of them) have. */
export function commonWidth(widths: number[]): number {
  const count = new Map<number, number>();
  for (const w of widths) count.set(w, (count.get(w) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(widths.length / 10));
  let best = 0;
  for (const [w, n] of count) if (n >= need && w > best) best = w;
  if (!best) best = Math.max(0, ...widths);
  return best;
}

/** Narrow header → canonical columns by matching labels in order; unmatched canonical columns continue the label before. */
export function mapByLabels(narrow: string[], wide: string[]): number[] | null {
  const out: number[] = [];
  let c = 0;
  for (const label of narrow) {
    const key = squash(label);
    let j = c;
    while (j < wide.length && squash(wide[j]) !== key) j++;
    if (j >= wide.length) return null;
    out.push(j);
    c = j + 1;
  }
  return out;
}

/** Layout of a row of n cells whose cell `at` spans the W - n extra columns. */
export function widen(n: number, W: number, at: number): number[] {
  const extra = W - n;
  return Array.from({ length: n }, (_, i) => (i <= at ? i : i + extra));
}

/** Put a row's cells on W columns; layout[i] = canonical column of cell i; gaps after a cell continue it. */
export function place(r: RawRow, layout: number[] | null, W: number): Slot[] {
  const out: Slot[] = new Array(W);
  if (!layout) {
    for (let c = 0; c < W; c++) {
      const cell = r.cells[c];
      out[c] = cell ? { text: cell.text, start: cell.start, end: cell.end } : emptyAfter(r);
    }
    return out;
  }
  layout.forEach((col, i) => {
    const cell = r.cells[i];
    out[col] = { text: cell.text, start: cell.start, end: cell.end };
    const next = i + 1 < layout.length ? layout[i + 1] : W;
    for (let c = col + 1; c < next; c++) out[c] = { text: '', start: cell.end, end: cell.end, cont: true };
  });
  for (let c = 0; c < W; c++) if (!out[c]) out[c] = emptyAfter(r);
  return out;
}

/** An empty slot placed at the end of the row's last cell (a cell the row does not write). */
function emptyAfter(r: RawRow): Slot {
  const last = r.cells[r.cells.length - 1];
  const pos = last ? last.end : 0;
  return { text: '', start: pos, end: pos };
}

/**
 * A column no row writes anything in, its header included (`地区⇥⇥2020年…` / `海口市⇥⇥1590.80…`: a PDF
 * export keeps the empty grid column of a label cell drawn two columns wide) is no column: left in, it
 * would take the label to its left as a span and repeat every row's first value. Dropped only when every
 * row has the same number of cells, so a column index means the same column in all of them.
 */
export function dropEmptyColumns(raw: RawRow[]): RawRow[] {
  const rows = raw.filter((r) => !r.group);
  if (rows.length < 2) return raw;
  const n = rows[0].cells.length;
  if (n < 3 || rows.some((r) => r.cells.length !== n)) return raw;
  const used = new Array<boolean>(n).fill(false);
  for (const r of rows) r.cells.forEach((c, k) => (used[k] ||= c.text !== ''));
  if (used.every(Boolean)) return raw;
  return raw.map((r) => (r.group ? r : { ...r, cells: r.cells.filter((_, k) => used[k]) }));
}
