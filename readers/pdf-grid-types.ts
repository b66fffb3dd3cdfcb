/**
 * The ruled tables found on a PDF page, as the grid finder (pdf-grid.ts) hands them to the line builder
 * (pdf-lines.ts) and the page-table joiner (pdf-page-tables.ts).
 */
import type { SourceCell } from '../model/source.js';

/** A ruled table found on a page: its rows as tab-separated lines and its cells with spans. */
export interface Grid {
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  rows: string[];
  cells: SourceCell[];
  /** column rule positions, left to right (columns + 1 of them) */
  xs: number[];
  /** each cell's box and the extent of its text (PDF y, growing upwards), parallel to `cells` */
  boxes: CellBox[];
}

export interface CellBox {
  top: number;
  bottom: number;
  /** top of the cell's first text line and bottom of its last (the box's middle when it has none) */
  textTop: number;
  textBottom: number;
  /** font size of its text (0 when empty) */
  size: number;
  /** where its last text line ends on the right (-Infinity when empty): a full line was cut by the wrap */
  lastRight: number;
}
