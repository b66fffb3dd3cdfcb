/**
 * The shapes the table modules hand each other: a region found in the text, its rows as read, the rows as
 * built. Kept apart from the code that makes them so that finding (detect.ts), reading (rows.ts, flat*.ts)
 * and building (rebuild.ts, fill.ts) can name each other's data without importing each other in a circle.
 */
import type { SourceCell } from '../../model/source.js';
import type { Slot } from './align.js';
import type { ColumnKind } from './header-words.js';

export interface RawCell {
  text: string;
  /** UTF-16 source offsets of the cell's text; for an empty cell both are its position */
  start: number;
  end: number;
}

export interface RawRow {
  cells: RawCell[];
  firstLine: number;
  lastLine: number;
  /** a flattened table's group row (`行动二：…`): one cell spanning the table */
  group?: boolean;
  /** a flattened table's row without a number of its own under a numbered one: its missing cells are the parent's */
  sub?: boolean;
  /** a flattened table's cell that no row could take (a value between two rows): reported, not placed */
  stray?: boolean;
  /** a header row made from the shape of the rows, not written (a flattened table without one) */
  inferred?: 'shape' | 'above';
}

export type TextStyle = 'rows' | 'cells' | 'flat';

export interface TableRegion {
  startLine: number; // first row line (0-based)
  endLine: number; // last row line, inclusive
  captionLine: number | null;
  noteLines: number[];
  /** a `单位：万元` line between the caption and the table (a note of the table, not its caption) */
  unitLines?: number[];
  /** cells from a structured source (HTML/Markdown/Word), or undefined for text to be rebuilt */
  cells?: SourceCell[];
  /** a table flattened to one cell per line (flat.ts): its first `headerLines` lines are the header */
  flat?: FlatLayout;
  /** a table whose columns are set apart by runs of blanks, not tabs (gap-rows.ts) */
  gapped?: boolean;
}

export interface FlatLayout {
  headerLines: number; // 0 for a table without a header row
  kinds: ColumnKind[];
  /** the column labels: as written, or inferred for a table without a header row */
  labels: string[];
  /** a table without a header row named after the table above it (same shape, a caption between) */
  above?: boolean;
  /** a checklist of items and their check points (flat-checklist.ts) */
  checklist?: boolean;
  /** a table read column by column (flat-columns.ts): each column's label line and its cells, row by row */
  byColumn?: { labels: number[]; columns: CellLine[][] };
}

export interface TableIssue {
  code: string;
  severity: 'warning' | 'info';
  message: string;
  /** UTF-16 source offsets the issue is about */
  start: number;
  end: number;
}

export interface BuiltRow {
  values: string[]; // filled
  raw: Slot[]; // as placed, unfilled
  start: number;
  end: number;
}

/** One cell as written: one paragraph, or several when the cell was wrapped. */
export interface CellLine {
  first: number; // line index
  last: number;
  text: string;
  start: number; // UTF-16 source offsets
  end: number;
}
