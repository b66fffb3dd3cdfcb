/**
 * WordprocessingML body → blocks (paragraphs and tables), one linear pass over document.xml (or over
 * footnotes.xml / endnotes.xml, whose notes come back grouped by id). What Word shows is what is kept:
 * deleted revisions, old properties kept for revision marks (`w:pPrChange`…), hidden runs, field codes and
 * the VML fallback copy of a text box are dropped; text-box paragraphs follow the paragraph that anchors them;
 * a table nested in a cell is flattened into that cell's text.
 */
import { attr, scanXml } from './xml-scan.js';

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

export interface WalkHooks {
  /** render the anchor of a footnote/endnote reference met in the text (e.g. `¹`) */
  noteRef(ref: NoteRef): string;
  /** called once per paragraph, in document order, when it is complete (numbering is assigned here) */
  finish(p: DocxParagraph): void;
}

/** Elements whose content Word does not show (or shows elsewhere): skipped with everything inside. */
const SKIP = new Set([
  'w:del', 'w:moveFrom', 'mc:Fallback', 'w:pPrChange', 'w:rPrChange', 'w:tcPrChange', 'w:trPrChange',
  'w:tblPrChange', 'w:sectPrChange', 'w:numberingChange', 'w:tblGridChange', 'w:instrText', 'w:delInstrText',
]);
const SUPERS: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻' };
const SUBS: Record<string, string> = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋' };

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

interface RunState {
  vert: 'super' | 'sub' | null;
  hidden: boolean;
  parts: string[];
}

export interface WalkResult {
  blocks: DocxBlock[];
  /** notes by id (footnotes.xml / endnotes.xml only) */
  notes: Map<string, DocxBlock[]>;
}

export function walkBody(xml: string, hooks: WalkHooks): WalkResult {
  const body: Container = { type: 'body', blocks: [] };
  const containers: Container[] = [body];
  const paras: ParaBuilder[] = [];
  const tables: DocxTable[] = [];
  const notes = new Map<string, DocxBlock[]>();
  let skip = 0; // depth inside SKIP elements
  let inPPr = 0;
  let inRPr = 0;
  let inTcPr = 0;
  let inTrPr = 0;
  let textEl = 0; // inside w:t / m:t of a run
  let noteId: string | null = null;

  const sink = (b: DocxBlock) => {
    const c = containers[containers.length - 1];
    if (c.type === 'cell') {
      if (b.kind === 'p') c.cell.paragraphs.push(b);
      else for (const p of flattenTable(b)) c.cell.paragraphs.push(p);
    } else if (c.type === 'txbx') c.para.after.push(b);
    else c.blocks.push(b);
  };
  const top = (): ParaBuilder | undefined => paras[paras.length - 1];
  const emit = (s: string) => {
    const b = top();
    if (!b) return;
    if (b.run) b.run.parts.push(s);
    else b.parts.push(s);
  };
  const curCell = (): DocxCell | null => {
    const t = tables[tables.length - 1];
    const r = t?.rows[t.rows.length - 1];
    return r?.cells[r.cells.length - 1] ?? null;
  };

  scanXml(xml, {
    open(name, attrs, selfClosing) {
      if (skip) {
        if (!selfClosing && SKIP.has(name)) skip++;
        return;
      }
      if (SKIP.has(name)) {
        if (!selfClosing) skip = 1;
        return;
      }
      const para = top();
      const run = para?.run ?? null;
      switch (name) {
        case 'w:footnote':
        case 'w:endnote': {
          const type = attr(attrs, 'w:type');
          noteId = type && type !== 'normal' ? null : attr(attrs, 'w:id');
          if (noteId !== null) containers.push({ type: 'note', blocks: [] });
          return;
        }
        case 'w:p':
          paras.push({ p: { kind: 'p', text: '', styleId: null, numId: null, ilvl: null, outlineLvl: null, prefix: '', notes: [] }, parts: [], after: [], run: null });
          return; // a self-closing <w:p/> is closed by the close event that follows
        case 'w:pPr':
          inPPr++;
          return;
        case 'w:rPr':
          inRPr++;
          return;
        case 'w:r':
        case 'm:r':
          if (para && !selfClosing) para.run = { vert: null, hidden: false, parts: [] };
          return;
        case 'w:t':
        case 'm:t':
          if (run && !selfClosing) textEl++;
          return;
        case 'w:tab':
          if (run && !inRPr) emit('\t');
          return;
        case 'w:ptab':
          if (run) emit(' ');
          return;
        case 'w:br':
        case 'w:cr': {
          const type = attr(attrs, 'w:type');
          if (run && type !== 'page' && type !== 'column') emit('\n');
          return;
        }
        case 'w:noBreakHyphen':
          if (run) emit('-');
          return;
        case 'w:sym': {
          // Private-use codes are Symbol/Wingdings glyphs with no Unicode meaning: dropped.
          const code = parseInt(attr(attrs, 'w:char') ?? '', 16);
          if (run && code > 0 && (code < 0xe000 || code > 0xf8ff)) emit(String.fromCodePoint(code));
          return;
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference': {
          const id = attr(attrs, 'w:id');
          if (id !== null && para) {
            const ref: NoteRef = { kind: name === 'w:footnoteReference' ? 'footnote' : 'endnote', id };
            para.p.notes.push(ref);
            emit(hooks.noteRef(ref));
          }
          return;
        }
        case 'w:vertAlign':
          if (run && inRPr && !inPPr) {
            const v = attr(attrs, 'w:val');
            run.vert = v === 'superscript' ? 'super' : v === 'subscript' ? 'sub' : null;
          }
          return;
        case 'w:vanish':
          if (run && inRPr && !inPPr && !isOff(attrs)) run.hidden = true;
          return;
        case 'w:pStyle':
          if (para && inPPr && !inRPr) para.p.styleId = attr(attrs, 'w:val');
          return;
        case 'w:numId':
          if (para && inPPr) para.p.numId = attr(attrs, 'w:val');
          return;
        case 'w:ilvl':
          if (para && inPPr) para.p.ilvl = Number(attr(attrs, 'w:val') ?? 0) || 0;
          return;
        case 'w:outlineLvl':
          if (para && inPPr) para.p.outlineLvl = Number(attr(attrs, 'w:val'));
          return;
        case 'w:txbxContent':
          if (!selfClosing && para) containers.push({ type: 'txbx', para });
          return;
        case 'w:tbl':
          if (!selfClosing) tables.push({ kind: 'tbl', rows: [] });
          return;
        case 'w:tr': {
          const t = tables[tables.length - 1];
          if (t) t.rows.push({ cells: [], gridBefore: 0, header: false });
          return;
        }
        case 'w:trPr':
          inTrPr++;
          return;
        case 'w:tblHeader': {
          const t = tables[tables.length - 1];
          if (t && inTrPr && t.rows.length && !isOff(attrs)) t.rows[t.rows.length - 1].header = true;
          return;
        }
        case 'w:gridBefore': {
          const t = tables[tables.length - 1];
          if (t && inTrPr && t.rows.length) t.rows[t.rows.length - 1].gridBefore = clampInt(attr(attrs, 'w:val'), 0, 64);
          return;
        }
        case 'w:tc': {
          const t = tables[tables.length - 1];
          const r = t?.rows[t.rows.length - 1];
          if (!r) return;
          const cell: DocxCell = { paragraphs: [], gridSpan: 1, vMerge: null };
          r.cells.push(cell);
          if (!selfClosing) containers.push({ type: 'cell', cell });
          return;
        }
        case 'w:tcPr':
          inTcPr++;
          return;
        case 'w:gridSpan': {
          const c = curCell();
          if (c && inTcPr) c.gridSpan = clampInt(attr(attrs, 'w:val'), 1, 64);
          return;
        }
        case 'w:vMerge': {
          const c = curCell();
          if (c && inTcPr) c.vMerge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
          return;
        }
        default:
          return;
      }
    },
    close(name) {
      if (skip) {
        if (SKIP.has(name)) skip--;
        return;
      }
      switch (name) {
        case 'w:footnote':
        case 'w:endnote':
          if (noteId !== null) {
            const c = containers.pop();
            if (c && c.type === 'note') notes.set(noteId, c.blocks);
            noteId = null;
          }
          return;
        case 'w:pPr':
          inPPr = Math.max(0, inPPr - 1);
          return;
        case 'w:rPr':
          inRPr = Math.max(0, inRPr - 1);
          return;
        case 'w:trPr':
          inTrPr = Math.max(0, inTrPr - 1);
          return;
        case 'w:tcPr':
          inTcPr = Math.max(0, inTcPr - 1);
          return;
        case 'w:t':
        case 'm:t':
          textEl = Math.max(0, textEl - 1);
          return;
        case 'w:r':
        case 'm:r': {
          const b = top();
          const r = b?.run;
          if (!b || !r) return;
          b.run = null;
          if (r.hidden) return;
          let s = r.parts.join('');
          if (r.vert) s = scriptDigits(s, r.vert === 'super' ? SUPERS : SUBS);
          emit(s);
          return;
        }
        case 'w:p': {
          const b = paras.pop();
          if (!b) return;
          b.p.text = b.parts.join('');
          hooks.finish(b.p);
          sink(b.p);
          for (const a of b.after) sink(a);
          return;
        }
        case 'w:txbxContent':
        case 'w:tc': {
          const c = containers[containers.length - 1];
          if ((name === 'w:tc' && c.type === 'cell') || (name === 'w:txbxContent' && c.type === 'txbx')) containers.pop();
          return;
        }
        case 'w:tbl': {
          const t = tables.pop();
          if (t) sink(t);
          return;
        }
        default:
          return;
      }
    },
    text(value) {
      const r = top()?.run;
      if (!skip && textEl && r) r.parts.push(value);
    },
  });
  return { blocks: body.blocks, notes };
}

/** A nested table inside a cell becomes one paragraph per row, its cells separated by blanks. */
function flattenTable(t: DocxTable): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const r of t.rows) {
    const cells = r.cells.map((c) => c.paragraphs.map(paragraphText).join(' ').trim()).filter((s) => s !== '');
    if (!cells.length) continue;
    const notes = r.cells.flatMap((c) => c.paragraphs.flatMap((p) => p.notes));
    out.push({ kind: 'p', text: cells.join(' '), styleId: null, numId: null, ilvl: null, outlineLvl: null, prefix: '', notes });
  }
  return out;
}

/** The paragraph as Word shows it: list marker, then text. */
export function paragraphText(p: DocxParagraph): string {
  return p.prefix + p.text;
}

/** Digits and signs in a superscript/subscript run as Unicode super/subscripts (`m²`, `CO₂`); other text as is. */
function scriptDigits(s: string, table: Record<string, string>): string {
  if (!/^[0-9+\-.]{1,6}$/.test(s)) return s;
  let out = '';
  for (const ch of s) out += table[ch] ?? ch;
  return out;
}

function isOff(attrs: string): boolean {
  const v = attr(attrs, 'w:val');
  return v === '0' || v === 'false' || v === 'off';
}

function clampInt(v: string | null, lo: number, hi: number): number {
  const n = Number(v);
  if (!Number.isFinite(n)) return lo;
  return Math.min(hi, Math.max(lo, Math.trunc(n)));
}
