/**
 * What a reader produces: the text that spans index (written as texts/<doc_id>.txt) plus the structure the
 * source format knew and plain text would lose (tables with spans, heading levels, pages).
 * Offsets here are UTF-16 code units into `text` (JavaScript string indices); the dataset's code-point
 * spans are derived from them once, in PlanDocument.spanOf.
 */
export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** One cell of a table as the source gave it (HTML <td>, Markdown cell, Word cell). */
export interface SourceCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
  header: boolean;
  /** the cell goes on in the next part of its table (a page break cut it): its value carries down there */
  splitBelow?: boolean;
}

/** A table the reader saw as a table; it occupies lines [startLine, endLine] of `text` (0-based, inclusive). */
export interface SourceTable {
  startLine: number;
  endLine: number;
  cells: SourceCell[];
}

/** A heading the format marked as such (Markdown `#`, HTML <h1>-<h6>, Word heading style). */
export interface HeadingHint {
  line: number; // 0-based line index in `text`
  level: number; // 1 = top
}

export interface SourceText {
  path: string;
  format: SourceFormat;
  encoding: string;
  sha256: string;
  text: string;
  tables: SourceTable[];
  headingHints: HeadingHint[];
  /** UTF-16 offset at which each page starts (paginated sources only), ascending; page n starts at pageStarts[n-1]. */
  pageStarts?: number[];
  /** Lines that are footnote/endnote text supplied by the format (e.g. Word footnotes), 0-based. */
  footnoteLines?: number[];
  /** A title the format states (HTML <title>, Markdown front matter, Word core properties). */
  titleHint?: string;
  /**
   * Metadata the format states outside the rendered text, in source order: YAML front matter fields, HTML
   * `<meta>` tags of government CMSs (ArticleTitle, PubDate, ContentSource…) and on-page metadata tables
   * (索引号, 发文机关, 成文日期, 发文字号…). Read by the metadata stage; never body text.
   */
  metaHints?: MetaHint[];
  /** What the reader could not render faithfully (unknown list formats, skipped rotated text…); for diagnostics. */
  warnings?: Array<{ code: string; message: string; page?: number }>;
}

/** One key–value pair of format metadata: the key as written (`发文字号`, `PubDate`), the value trimmed. */
export interface MetaHint {
  key: string;
  value: string;
  from: 'front-matter' | 'meta-tag' | 'page-table';
}

/** A reader failure that names the file and what was wrong; the batch records it and goes on. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'InputError';
  }
}
