/**
 * PlanDocument: the one model every stage reads and enriches. A stage never reads files, never writes
 * output and never knows which format the document came in; it reads `lines`/`paragraphs` and pushes
 * records and diagnostics. Records carry final contract spans (code points) computed by `spanOf`.
 */
import type { SourceText } from './source.js';
import { normalizeLine, type Line } from './normalize.js';
import type { DiagnosticRecord, DocumentRecord, RecordMap, SpanRecord } from '../schemas/records.js';
import { StageData } from './stage-data.js';
import { lowSurrogatesBefore } from './chars.js';

/** What a line is, decided by the early stages; later stages skip lines that are not body text. */
export enum LineRole {
  Body = 0,
  Blank = 1,
  Toc = 2,
  Table = 3,
  Footnote = 4,
  TableNote = 5,
  Caption = 6,
}

/** A logical paragraph: one or more line pieces joined (a PDF page break inside a sentence is undone). */
export interface Paragraph {
  index: number;
  text: string; // clean text, pieces concatenated
  match: string; // folded twin of text, same length
  map: Int32Array; // text index → source UTF-16 offset
  lines: number[]; // source line indices of the pieces
  bold: boolean;
  /** set by the segmenter: this paragraph is (or starts with) a heading */
  sectionId?: string | null;
  /** set by the segmenter: index in `text` where the body after a heading marker/title begins */
  bodyStart?: number;
  /** set by the segmenter: the paragraph is a standalone heading (no body text) */
  isHeading?: boolean;
  /** set by the metadata stage: one of the document's title lines (not body text) */
  isTitle?: boolean;
  /** set by the segmenter: inside a 专栏 box */
  inBox?: boolean;
}

export interface Located {
  span: SpanRecord;
  line: number;
  page?: number | null;
}

/** One document's records of every type but the document record itself, keyed by record name (schemas/records.ts). */
export type Records = { [K in Exclude<keyof RecordMap, 'documents'>]: RecordMap[K][] };

/** Options a run passes to the stages (from CLI flags and planx.config.json). */
export interface ExtractOptions {
  /** extra agency aliases: spelling → canonical name (extends the built-in table) */
  agencyAliases?: Record<string, string>;
}

export class PlanDocument {
  readonly text: string;
  readonly lines: Line[];
  readonly roles: Uint8Array;
  paragraphs: Paragraph[] = [];
  meta: Omit<DocumentRecord, 'id' | 'source'> & { title: string } = {
    title: '', kind: 'other', region: null, period: null, plan_title: '', doc_number: null, issuers: [], issued_on: null,
    published_on: null, level: null, period_years: null,
  };
  readonly records: Records = {
    sections: [], blocks: [], tasks: [], assignments: [], agencies: [], targets: [], tables: [],
    indicators: [], projects: [], footnotes: [], diagnostics: [],
  };
  /** What stages hand to later stages (detected table regions, task clauses, built tables), in typed slots. */
  readonly data = new StageData();
  private readonly lineStarts: Int32Array;
  /** cpBefore[i] = number of surrogate pairs before UTF-16 index i; null when the text has none. */
  private readonly surrogatesBefore: Int32Array | null;
  private readonly ids = new Map<string, number>();

  constructor(
    readonly docId: string,
    readonly source: SourceText,
    readonly options: ExtractOptions = {},
  ) {
    this.text = source.text;
    const tableLines = new Set<number>();
    for (const t of source.tables) for (let l = t.startLine; l <= t.endLine; l++) tableLines.add(l);
    // one pass over the line ends (splitLines' rule: \r\n, \r or \n) makes the lines, their starts and roles
    const text = this.text;
    const lines: Line[] = [];
    let starts = new Int32Array(64);
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 10;
      if (c !== 10 && c !== 13) continue;
      if (lines.length === starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[lines.length] = start;
      lines.push(normalizeLine(text, lines.length, start, i, true));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    this.lines = lines;
    this.lineStarts = starts.subarray(0, lines.length);
    this.roles = new Uint8Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      if (blankLine(lines[i].clean)) this.roles[i] = LineRole.Blank;
      else if (tableLines.has(i)) this.roles[i] = LineRole.Table;
    }
    this.surrogatesBefore = lowSurrogatesBefore(text);
  }

  /** Contract span, line and page for UTF-16 offsets [start, end) of `text`. */
  spanOf(start: number, end: number): Located {
    const cp = (o: number) => (this.surrogatesBefore ? o - this.surrogatesBefore[o] : o);
    const loc: Located = { span: { start: cp(start), end: cp(Math.max(start, end)) }, line: this.lineAt(start) + 1 };
    const pages = this.source.pageStarts;
    if (pages && pages.length) loc.page = upperBound(pages, start);
    return loc;
  }

  /** 0-based index of the line containing UTF-16 offset `o`. */
  lineAt(o: number): number {
    return Math.max(0, upperBound(this.lineStarts, o) - 1);
  }

  /** Source span of paragraph characters [i, j). */
  paraSpan(p: Paragraph, i = 0, j = p.text.length): Located {
    if (p.text.length === 0) return this.spanOf(this.lines[p.lines[0]].start, this.lines[p.lines[0]].start);
    const a = Math.min(Math.max(i, 0), p.text.length - 1);
    const b = Math.min(Math.max(j, a + 1), p.text.length);
    return this.spanOf(p.map[a], p.map[b - 1] + 1);
  }

  /**
   * A deterministic id, unique in the dataset: `<doc_id>:<type>:<key>`; a repeated key gets `~2`, `~3`…
   * Keys are built from document structure (section path, ordinal), so they do not depend on run order.
   */
  makeId(type: string, key: string): string {
    const base = `${this.docId}:${type}:${key}`;
    const n = (this.ids.get(base) ?? 0) + 1;
    this.ids.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  }

  /** A diagnostic at `at` (its page too, in a paginated source), or about the whole document (`null`); a
   * reader's warning about one page gives `page` alone. */
  diag(stage: string, severity: DiagnosticRecord['severity'], code: string, message: string, at?: Located | null, page?: number): void {
    const p = at ? at.page : page;
    this.records.diagnostics.push({
      doc_id: this.docId, stage, severity, code, message,
      span: at ? at.span : null, line: at ? at.line : null,
      ...(p !== undefined && p !== null ? { page: p } : {}),
    });
  }
}

/** `clean.replace(/\t/g, '').trim() === ''` without the two copies per line: only tabs and trim()'s blanks. */
function blankLine(clean: string): boolean {
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    if (c === 0x09 || c === 0x20) continue;
    if (c < 0x80 && !(c >= 0x0a && c <= 0x0d)) return false;
    if (clean[i].trim() !== '') return false;
  }
  return true;
}

/** Number of elements of ascending `arr` that are <= x. */
function upperBound(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One document's extraction: its record, the records of every type, the text spans index. */
export interface ExtractedDocument {
  document: DocumentRecord;
  records: Records;
  /** the text spans index: written as texts/<doc_id>.txt */
  text: string;
  timings: Record<string, number>;
}
