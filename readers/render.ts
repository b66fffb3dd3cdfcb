/**
 * The plain-text rendering shared by the structured readers (Markdown, HTML): one block per line, headings
 * remembered as hints, tables rendered as one tab-separated line per row while their faithful cells (with
 * row/column spans resolved to grid positions) go into `tables`. The rendering is the text spans index, so
 * it holds only what the source shows: no markup, no invented separators.
 */
import type { HeadingHint, SourceCell, SourceTable } from '../model/source.js';

/** A table cell as a reader saw it, before grid placement. */
export interface CellInput {
  text: string;
  rowspan: number;
  colspan: number;
  header: boolean;
}

/** Where rendered blocks go: the document builder, or a collector for the text of one table cell. */
export interface Sink {
  line(text: string): void;
  heading(text: string, level: number): void;
  table(rows: CellInput[][]): void;
}

// HTML allows colspan up to 1000; every row line carries one tab per grid column, so a page's lazy
// `colspan="1000"` would make each row hundreds of tabs long. No plan table has 100 columns. A rowspan
// never reaches past the table's last row.
const MAX_COLSPAN = 100;

function isBlank(code: number): boolean {
  return (
    code <= 0x20 || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f
  );
}

/**
 * One rendered line: inner tabs and line breaks become blanks (a tab would make the line look like a table
 * row, a break would split it), and indents of any blank kind (`&ensp;`, `&nbsp;`, full-width space) are
 * trimmed at both ends. Written as loops: a trimming regex like /\s+$/ is quadratic on long blank runs.
 */
export function cleanLine(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
  const t = s.slice(a, b);
  return /[\t\r\n\u2028\u2029]/.test(t) ? t.replace(/[\t\r\n\u2028\u2029]/g, ' ') : t;
}

/** Place cells on a grid, the way HTML tables do: a cell takes the first column its row leaves free. */
export function resolveGrid(rows: CellInput[][]): { cells: SourceCell[]; width: number } {
  const taken: Uint8Array[] = [];
  const cells: SourceCell[] = [];
  let width = 0;
  const busy = (r: number, c: number) => c < taken[r].length && taken[r][c] === 1;
  for (let r = 0; r < rows.length; r++) taken.push(new Uint8Array(0));
  for (let r = 0; r < rows.length; r++) {
    let c = 0;
    for (const cell of rows[r]) {
      while (busy(r, c)) c++;
      const rowspan = cell.rowspan === 0 ? rows.length - r : Math.max(1, Math.min(cell.rowspan, rows.length - r));
      const colspan = Math.max(1, Math.min(cell.colspan, MAX_COLSPAN));
      for (let rr = r; rr < r + rowspan; rr++) {
        if (taken[rr].length < c + colspan) {
          const grown = new Uint8Array(Math.max(c + colspan, taken[rr].length * 2));
          grown.set(taken[rr]);
          taken[rr] = grown;
        }
        taken[rr].fill(1, c, c + colspan);
      }
      cells.push({ row: r, col: c, rowspan, colspan, text: cell.text, header: cell.header });
      c += colspan;
      width = Math.max(width, c);
    }
  }
  return { cells, width };
}

/** Builds the SourceText parts: text, heading hints, tables, footnote lines. */
export class TextBuilder implements Sink {
  private readonly lines: string[] = [];
  readonly headingHints: HeadingHint[] = [];
  readonly tables: SourceTable[] = [];
  readonly footnoteLines: number[] = [];

  /** Add a block line; a blank one adds nothing. Returns its line index, or -1. */
  line(text: string): number {
    const t = cleanLine(text);
    if (t === '') return -1;
    this.lines.push(t);
    return this.lines.length - 1;
  }

  heading(text: string, level: number): void {
    const i = this.line(text);
    if (i >= 0) this.headingHints.push({ line: i, level: Math.min(Math.max(level, 1), 6) });
  }

  footnote(text: string): void {
    const i = this.line(text);
    if (i >= 0) this.footnoteLines.push(i);
  }

  /**
   * One line per row: each cell's text at its grid column, covered positions left empty. A cell of several
   * lines (paragraphs, `<br>`) shows them joined by a blank in the row line; its SourceCell keeps them as
   * lines, so the table stage can tell an item per line (`市大数据局` / `市司法局`) from a wrapped phrase.
   */
  table(rows: CellInput[][]): void {
    const clean = rows.map((row) => row.map((c) => ({ ...c, text: cellLines(c.text) })));
    if (!clean.some((row) => row.some((c) => c.text !== ''))) return; // a spacer table shows nothing
    const { cells, width } = resolveGrid(clean);
    // a one-column table is a frame (a boxed 专栏 drawn as a table, a note in a box), as the Word reader
    // takes it: no row or column says anything, so each cell is its paragraphs
    if (width === 1) {
      for (const c of cells) for (const l of c.text.split('\n')) this.line(l);
      return;
    }
    const startLine = this.lines.length;
    const grid: string[][] = clean.map(() => new Array<string>(width).fill(''));
    for (const c of cells) grid[c.row][c.col] = c.text.replace(/\n/g, ' ');
    for (const row of grid) this.lines.push(row.join('\t'));
    this.tables.push({ startLine, endLine: this.lines.length - 1, cells });
  }

  lineAt(i: number): string {
    return this.lines[i];
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** True when nothing but blanks was rendered. */
  isEmpty(): boolean {
    return !this.lines.some((l) => l.replace(/\t/g, '') !== '');
  }

  text(): string {
    return this.lines.length ? this.lines.join('\n') + '\n' : '';
  }
}

/** A cell's text on one line: its own line breaks (several paragraphs in one cell) become single blanks. */
export function cleanCell(s: string): string {
  return cellLines(s).replace(/\n/g, ' ');
}

/** A cell's lines, each cleaned as a rendered line (tabs to blanks, edges trimmed), empty ones dropped. */
export function cellLines(s: string): string {
  const parts = s.split(/[\r\n\u2028\u2029]/);
  return parts.map(cleanLine).filter((p) => p !== '').join('\n');
}

/** Collects the lines a cell's content renders to (blocks inside a cell become one line of cell text). */
export class CellSink implements Sink {
  readonly parts: string[] = [];
  line(text: string): void {
    const t = cleanLine(text);
    if (t) this.parts.push(t);
  }
  heading(text: string): void {
    this.line(text);
  }
  table(rows: CellInput[][]): void {
    for (const row of rows) this.line(row.map((c) => cleanCell(c.text)).filter(Boolean).join(' '));
  }
  text(): string {
    return this.parts.join('\n');
  }
}
