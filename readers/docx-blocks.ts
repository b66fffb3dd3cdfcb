/**
 * The blocks a Word body is read into (paragraphs and tables, with the cells and note references they
 * hold), and how they read as text. Kept apart from the walk that builds them (docx-body.ts) so the reader
 * and the tests can name them without the walk.
 */

export interface NoteRef {
  kind: 'footnote' | 'endnote';
  id: string;
}

export interface DocxParagraph {
  kind: 'p';
  /** run text with footnote anchors rendered; no numbering prefix (see `prefix`) */
  text: string;
  styleId: string | null;
  numId: string | null;
  ilvl: number | null;
  outlineLvl: number | null;
  /** rendered list marker (set by the caller's `finish` hook), '' when the paragraph is not numbered */
  prefix: string;
  notes: NoteRef[];
}

export interface DocxCell {
  paragraphs: DocxParagraph[];
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
  /**
   * Tables nested in the cell, each with the paragraphs [start, end) it was flattened into: a one-column
   * frame (a boxed 专栏) read as body text gives them back as tables.
   */
  nested?: Array<{ start: number; end: number; table: DocxTable }>;
}

export interface DocxRow {
  cells: DocxCell[];
  gridBefore: number;
  header: boolean;
}

export interface DocxTable {
  kind: 'tbl';
  rows: DocxRow[];
}

export type DocxBlock = DocxParagraph | DocxTable;

/** A paragraph without properties or text yet: what `<w:p>` opens, and a flattened row starts from. */
export function plainParagraph(text: string, notes: NoteRef[]): DocxParagraph {
  return { kind: 'p', text, styleId: null, numId: null, ilvl: null, outlineLvl: null, prefix: '', notes };
}

/** The paragraph as Word shows it: list marker, then text. */
export function paragraphText(p: DocxParagraph): string {
  return p.prefix + p.text;
}

/** A nested table inside a cell becomes one paragraph per row, its cells separated by blanks. */
export function flattenTable(t: DocxTable): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const r of t.rows) {
    const cells = r.cells.map((c) => c.paragraphs.map(paragraphText).join(' ').trim()).filter((s) => s !== '');
    if (!cells.length) continue;
    const notes = r.cells.flatMap((c) => c.paragraphs.flatMap((p) => p.notes));
    out.push(plainParagraph(cells.join(' '), notes));
  }
  return out;
}
