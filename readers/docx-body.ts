/**
 * WordprocessingML body → blocks (paragraphs and tables), one linear pass over document.xml (or over
 * footnotes.xml / endnotes.xml, whose notes come back grouped by id). What Word shows is what is kept:
 * deleted revisions, old properties kept for revision marks (`w:pPrChange`…), hidden runs, field codes and
 * the VML fallback copy of a text box are dropped; text-box paragraphs follow the paragraph that anchors them;
 * a table nested in a cell is flattened into that cell's text (and kept beside it, see DocxCell.nested).
 *
 * The walk is one event handler per XML event (open, close, text) that hands each element to the part
 * that owns it: notes, paragraphs and their properties, runs and their content, tables, rows and cells.
 */
import { attr, scanXml } from './xml-scan.js';
import { cellProperty, clampInt, isOff, paragraphProperty, runElementText, runProperty, scriptDigits, type RunState } from './docx-elements.js';
import { flattenTable, plainParagraph, type DocxBlock, type DocxCell, type DocxParagraph, type DocxTable, type NoteRef } from './docx-blocks.js';

export { paragraphText } from './docx-blocks.js';
export type { DocxBlock, DocxCell, DocxParagraph, DocxRow, DocxTable, NoteRef } from './docx-blocks.js';

export interface WalkHooks {
  /** render the anchor of a footnote/endnote reference met in the text (e.g. `¹`) */
  noteRef(ref: NoteRef): string;
  /** called once per paragraph, in document order, when it is complete (numbering is assigned here) */
  finish(p: DocxParagraph): void;
}

export interface WalkResult {
  blocks: DocxBlock[];
  /** notes by id (footnotes.xml / endnotes.xml only) */
  notes: Map<string, DocxBlock[]>;
}

/** Elements whose content Word does not show (or shows elsewhere): skipped with everything inside. */
const SKIP = new Set([
  'w:del', 'w:moveFrom', 'mc:Fallback', 'w:pPrChange', 'w:rPrChange', 'w:tcPrChange', 'w:trPrChange',
  'w:tblPrChange', 'w:sectPrChange', 'w:numberingChange', 'w:tblGridChange', 'w:instrText', 'w:delInstrText',
]);

/** Where a finished block goes: the body, a table cell, after a text box's anchor paragraph, or a note. */
type Container =
  | { type: 'body'; blocks: DocxBlock[] }
  | { type: 'cell'; cell: DocxCell }
  | { type: 'txbx'; para: ParaBuilder }
  | { type: 'note'; blocks: DocxBlock[] };

interface ParaBuilder {
  p: DocxParagraph;
  parts: string[];
  after: DocxBlock[];
  /** the open run of this paragraph (a text box's paragraphs sit inside a run of their anchor paragraph) */
  run: RunState | null;
}

/**
 * How deep the walk is inside property and text elements: the same child element means different things
 * there (a `w:vertAlign` in a run's properties, not a paragraph's; a `w:tab` of text, not a tab stop).
 */
interface Depths {
  pPr: number;
  rPr: number;
  tcPr: number;
  trPr: number;
  /** inside w:t / m:t of a run */
  text: number;
}

export function walkBody(xml: string, hooks: WalkHooks): WalkResult {
  const walk = new BodyWalk(hooks);
  scanXml(xml, {
    open: (name, attrs, selfClosing) => walk.open(name, attrs, selfClosing),
    close: (name) => walk.close(name),
    text: (value) => walk.text(value),
  });
  return { blocks: walk.body.blocks, notes: walk.notes };
}

class BodyWalk {
  readonly body: { type: 'body'; blocks: DocxBlock[] } = { type: 'body', blocks: [] };
  readonly notes = new Map<string, DocxBlock[]>();
  private readonly containers: Container[] = [this.body];
  /** open paragraphs: more than one inside a text box anchored in a paragraph */
  private readonly paras: ParaBuilder[] = [];
  /** open tables: more than one when a table is nested in a cell */
  private readonly tables: DocxTable[] = [];
  private readonly depth: Depths = { pPr: 0, rPr: 0, tcPr: 0, trPr: 0, text: 0 };
  /** depth inside SKIP elements */
  private skip = 0;
  /** the note being read (footnotes.xml / endnotes.xml), null for separators and outside notes */
  private noteId: string | null = null;

  constructor(private readonly hooks: WalkHooks) {}

  open(name: string, attrs: string, selfClosing: boolean): void {
    if (this.skipOpen(name, selfClosing)) return;
    const para = this.top();
    const run = para?.run ?? null;
    switch (name) {
      case 'w:footnote':
      case 'w:endnote':
        return this.openNote(attrs);
      case 'w:p':
        // a self-closing <w:p/> is closed by the close event that follows
        this.paras.push({ p: plainParagraph('', []), parts: [], after: [], run: null });
        return;
      case 'w:pPr':
        this.depth.pPr++;
        return;
      case 'w:rPr':
        this.depth.rPr++;
        return;
      case 'w:r':
      case 'm:r':
        if (para && !selfClosing) para.run = { vert: null, hidden: false, parts: [] };
        return;
      case 'w:t':
      case 'm:t':
        if (run && !selfClosing) this.depth.text++;
        return;
      case 'w:tab':
      case 'w:ptab':
      case 'w:br':
      case 'w:cr':
      case 'w:noBreakHyphen':
      case 'w:sym': {
        const s = run ? runElementText(name, attrs, this.depth.rPr > 0) : null;
        if (s !== null) this.emit(s);
        return;
      }
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        if (para) this.noteReference(name, attrs, para);
        return;
      case 'w:vertAlign':
      case 'w:vanish':
        if (run && this.depth.rPr && !this.depth.pPr) runProperty(run, name, attrs);
        return;
      case 'w:pStyle':
      case 'w:numId':
      case 'w:ilvl':
      case 'w:outlineLvl':
        if (para && this.depth.pPr) paragraphProperty(para.p, name, attrs, this.depth.rPr > 0);
        return;
      case 'w:txbxContent':
        if (!selfClosing && para) this.containers.push({ type: 'txbx', para });
        return;
      case 'w:tbl':
      case 'w:tr':
      case 'w:trPr':
      case 'w:tblHeader':
      case 'w:gridBefore':
      case 'w:tc':
      case 'w:tcPr':
      case 'w:gridSpan':
      case 'w:vMerge':
        return this.openTablePart(name, attrs, selfClosing);
      default:
        return;
    }
  }

  close(name: string): void {
    if (this.skipClose(name)) return;
    const d = this.depth;
    switch (name) {
      case 'w:footnote':
      case 'w:endnote':
        return this.closeNote();
      case 'w:pPr':
        d.pPr = Math.max(0, d.pPr - 1);
        return;
      case 'w:rPr':
        d.rPr = Math.max(0, d.rPr - 1);
        return;
      case 'w:trPr':
        d.trPr = Math.max(0, d.trPr - 1);
        return;
      case 'w:tcPr':
        d.tcPr = Math.max(0, d.tcPr - 1);
        return;
      case 'w:t':
      case 'm:t':
        d.text = Math.max(0, d.text - 1);
        return;
      case 'w:r':
      case 'm:r':
        return this.closeRun();
      case 'w:p':
        return this.closeParagraph();
      case 'w:txbxContent':
      case 'w:tc': {
        const c = this.containers[this.containers.length - 1];
        if ((name === 'w:tc' && c.type === 'cell') || (name === 'w:txbxContent' && c.type === 'txbx')) this.containers.pop();
        return;
      }
      case 'w:tbl': {
        const t = this.tables.pop();
        if (t) this.sink(t);
        return;
      }
      default:
        return;
    }
  }

  /** Text of a `w:t`/`m:t` inside a run is the run's; any other text (whitespace, field codes) is not. */
  text(value: string): void {
    const r = this.top()?.run;
    if (!this.skip && this.depth.text && r) r.parts.push(value);
  }

  /** Skipped elements and everything inside them (true: the element is skipped). */
  private skipOpen(name: string, selfClosing: boolean): boolean {
    if (this.skip) {
      if (!selfClosing && SKIP.has(name)) this.skip++;
      return true;
    }
    if (SKIP.has(name)) {
      if (!selfClosing) this.skip = 1;
      return true;
    }
    return false;
  }

  private skipClose(name: string): boolean {
    if (!this.skip) return false;
    if (SKIP.has(name)) this.skip--;
    return true;
  }

  /** A note of footnotes.xml / endnotes.xml: a normal one collects its blocks; separators are not notes. */
  private openNote(attrs: string): void {
    const type = attr(attrs, 'w:type');
    this.noteId = type && type !== 'normal' ? null : attr(attrs, 'w:id');
    if (this.noteId !== null) this.containers.push({ type: 'note', blocks: [] });
  }

  private closeNote(): void {
    if (this.noteId === null) return;
    const c = this.containers.pop();
    if (c && c.type === 'note') this.notes.set(this.noteId, c.blocks);
    this.noteId = null;
  }

  /** A reference to a note: kept on the paragraph, its anchor rendered into the text. */
  private noteReference(name: string, attrs: string, para: ParaBuilder): void {
    const id = attr(attrs, 'w:id');
    if (id === null) return;
    const ref: NoteRef = { kind: name === 'w:footnoteReference' ? 'footnote' : 'endnote', id };
    para.p.notes.push(ref);
    this.emit(this.hooks.noteRef(ref));
  }

  /** A run ends: its text joins the paragraph unless hidden, digits raised or lowered as formatted. */
  private closeRun(): void {
    const b = this.top();
    const r = b?.run;
    if (!b || !r) return;
    b.run = null;
    if (r.hidden) return;
    let s = r.parts.join('');
    if (r.vert) s = scriptDigits(s, r.vert);
    this.emit(s);
  }

  /** A paragraph ends: numbered by the caller, then placed, followed by its text boxes' blocks. */
  private closeParagraph(): void {
    const b = this.paras.pop();
    if (!b) return;
    b.p.text = b.parts.join('');
    this.hooks.finish(b.p);
    this.sink(b.p);
    for (const a of b.after) this.sink(a);
  }

  /** Tables, rows, cells and their properties (header row, cells skipped before a row, spans, merges). */
  private openTablePart(name: string, attrs: string, selfClosing: boolean): void {
    const t = this.tables[this.tables.length - 1];
    const row = t?.rows[t.rows.length - 1];
    switch (name) {
      case 'w:tbl':
        if (!selfClosing) this.tables.push({ kind: 'tbl', rows: [] });
        return;
      case 'w:tr':
        if (t) t.rows.push({ cells: [], gridBefore: 0, header: false });
        return;
      case 'w:trPr':
        this.depth.trPr++;
        return;
      case 'w:tblHeader':
        if (row && this.depth.trPr && !isOff(attrs)) row.header = true;
        return;
      case 'w:gridBefore':
        if (row && this.depth.trPr) row.gridBefore = clampInt(attr(attrs, 'w:val'), 0, 64);
        return;
      case 'w:tc': {
        if (!row) return;
        const cell: DocxCell = { paragraphs: [], gridSpan: 1, vMerge: null };
        row.cells.push(cell);
        if (!selfClosing) this.containers.push({ type: 'cell', cell });
        return;
      }
      case 'w:tcPr':
        this.depth.tcPr++;
        return;
      case 'w:gridSpan':
      case 'w:vMerge': {
        const c = row?.cells[row.cells.length - 1];
        if (c && this.depth.tcPr) cellProperty(c, name, attrs);
        return;
      }
    }
  }

  /** The innermost open paragraph. */
  private top(): ParaBuilder | undefined {
    return this.paras[this.paras.length - 1];
  }

  /** Text for the innermost paragraph: into its open run, or straight into it. */
  private emit(s: string): void {
    const b = this.top();
    if (!b) return;
    if (b.run) b.run.parts.push(s);
    else b.parts.push(s);
  }

  /** A finished block into the innermost container (a table in a cell is flattened into its text). */
  private sink(b: DocxBlock): void {
    const c = this.containers[this.containers.length - 1];
    if (c.type === 'cell') {
      if (b.kind === 'p') c.cell.paragraphs.push(b);
      else {
        const start = c.cell.paragraphs.length;
        for (const p of flattenTable(b)) c.cell.paragraphs.push(p);
        (c.cell.nested ??= []).push({ start, end: c.cell.paragraphs.length, table: b });
      }
    } else if (c.type === 'txbx') c.para.after.push(b);
    else c.blocks.push(b);
  }
}
