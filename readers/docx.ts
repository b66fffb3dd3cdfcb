/**
 * .docx reader: the document as Word shows it, as plain text with the structure Word knew.
 * - one paragraph per line, list numbering rendered into the line (`一、总体要求`, `（一）…`), so the
 *   segmenter sees the markers Word generates;
 * - tables one row per line, cells tab-separated on the grid (a merged cell's other grid places are empty),
 *   plus the cells with their row/col/rowspan/colspan as a SourceTable; a one-column table is a frame
 *   (a boxed 专栏 or a note) and its paragraphs are read as body text;
 * - heading styles (heading 1…6, 标题 1…, outline levels) as heading hints; the core title as title hint;
 * - footnotes as `¹ text` lines right after the paragraph (or table) holding their reference, which is where
 *   the footnote stage looks for anchors; endnotes at the end. Both are listed in `footnoteLines`.
 * Read straight from the OOXML parts with bounded inflation (see ooxml-zip.ts), one linear pass per part.
 */
import { InputError, type HeadingHint, type SourceCell, type SourceTable, type SourceText } from '../model/source.js';
import { paragraphText, walkBody, type DocxBlock, type DocxParagraph, type DocxTable, type NoteRef } from './docx-body.js';
import { Numbering } from './docx-numbering.js';
import { Styles, outlineHeading } from './docx-styles.js';
import { openZip, type ZipParts } from './ooxml-zip.js';
import { attr, scanXml } from './xml-scan.js';

const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Tabs, spaces and no-break spaces off both ends, by loops: an unanchored `/[\t ]+$/` retried from every
 * position of a long inner run of blanks is quadratic (a paragraph of 100 000 spaces then a letter). */
export function trimEdgeBlanks(s: string): string {
  const blank = (c: number) => c === 0x09 || c === 0x20 || c === 0xa0;
  let a = 0;
  let e = s.length;
  while (a < e && blank(s.charCodeAt(a))) a++;
  while (e > a && blank(s.charCodeAt(e - 1))) e--;
  return a === 0 && e === s.length ? s : s.slice(a, e);
}
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export async function readDocx(path: string, bytes: Uint8Array, sha256: string): Promise<SourceText> {
  sniff(path, bytes);
  const zip = await openZip(path, bytes, '.docx file');
  try {
    return await readParts(path, zip, sha256);
  } finally {
    zip.close();
  }
}

/** Files that are not a zip at all get a message that says what they are. */
function sniff(path: string, bytes: Uint8Array): void {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE2 container: a legacy .doc renamed, or an encrypted OOXML package (Office stores those in OLE2).
    const probe = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).toString('utf16le');
    if (probe.includes('EncryptedPackage')) throw new InputError(path, 'the .docx is password-protected (encrypted): save an unprotected copy and extract that');
    throw new InputError(path, 'this is a legacy Word .doc (OLE2) file named .docx: convert it (e.g. `libreoffice --headless --convert-to docx FILE`)');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new InputError(path, 'not a readable .docx file (it is not a zip archive: the file is corrupt, truncated or of another type)');
  }
}

async function readParts(path: string, zip: ZipParts, sha256: string): Promise<SourceText> {
  const main = (await relTargets(zip, '_rels/.rels', ''))['officeDocument'] ?? 'word/document.xml';
  const docXml = await zip.readText(main);
  if (docXml === null) {
    const odt = zip.names.has('content.xml') ? ' (it holds content.xml: an OpenDocument .odt renamed? save it as .docx)' : '';
    throw new InputError(path, `not a Word document: the archive has no ${main}${odt}`);
  }
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const relsPath = `${dir}_rels/${main.slice(dir.length)}.rels`;
  const rels = await relTargets(zip, relsPath, dir);
  const part = (type: string, fallback: string) => zip.readText(rels[type] ?? `${dir}${fallback}`);
  const [stylesXml, numberingXml, footXml, endXml, settingsXml, coreXml] = await Promise.all([
    part('styles', 'styles.xml'), part('numbering', 'numbering.xml'), part('footnotes', 'footnotes.xml'),
    part('endnotes', 'endnotes.xml'), part('settings', 'settings.xml'), zip.readText('docProps/core.xml'),
  ]);
  const styles = new Styles(stylesXml);
  const numbering = new Numbering(numberingXml);
  const noteFmt = noteFormats(settingsXml);
  const noteNumbers = new Map<string, string>();
  const counts = { footnote: 0, endnote: 0 };
  const numIdOfStyle = (styleId: string) => styles.resolve(styleId).numId;
  const hooks = {
    noteRef(ref: NoteRef): string {
      const key = `${ref.kind}:${ref.id}`;
      let m = noteNumbers.get(key);
      if (m === undefined) {
        m = numbering.format(++counts[ref.kind], noteFmt[ref.kind]);
        noteNumbers.set(key, m);
      }
      return toSuper(m);
    },
    finish(p: DocxParagraph): void {
      const st = styles.resolve(p.styleId);
      const numId = p.numId ?? st.numId;
      if (!numId || numId === '0') return;
      const ilvl = p.ilvl ?? (p.numId === null ? numbering.levelOfStyle(numId, p.styleId) ?? st.ilvl : null) ?? 0;
      p.prefix = numbering.next(numId, ilvl, numIdOfStyle);
    },
  };
  // Notes are walked first (they are not numbered lists); their anchors are numbered as the body is walked.
  const noteHooks = { noteRef: () => '', finish: () => {} };
  const footnotes = footXml ? walkBody(footXml, noteHooks).notes : new Map<string, DocxBlock[]>();
  const endnotes = endXml ? walkBody(endXml, noteHooks).notes : new Map<string, DocxBlock[]>();
  const { blocks } = walkBody(docXml, hooks);

  const out = new TextBuilder();
  const endRefs: NoteRef[] = [];
  const headingOf = (p: DocxParagraph): number | null => (p.outlineLvl !== null ? outlineHeading(p.outlineLvl) : styles.resolve(p.styleId).heading);
  for (const b of blocks) {
    const refs: NoteRef[] = [];
    if (b.kind === 'p') {
      out.paragraph(paragraphText(b), headingOf(b));
      refs.push(...b.notes);
    } else if (gridWidth(b) <= 1) {
      frame(b, out, headingOf, refs);
    } else {
      out.table(b);
      for (const r of b.rows) for (const c of r.cells) for (const p of c.paragraphs) refs.push(...p.notes);
    }
    for (const ref of refs) {
      if (ref.kind === 'endnote') endRefs.push(ref);
      else out.note(`footnote:${ref.id}`, noteNumbers.get(`footnote:${ref.id}`) ?? '', footnotes.get(ref.id));
    }
  }
  for (const ref of endRefs) out.note(`endnote:${ref.id}`, noteNumbers.get(`endnote:${ref.id}`) ?? '', endnotes.get(ref.id));

  const text = out.lines.join('\n') + (out.lines.length ? '\n' : '');
  const src: SourceText = { path, format: 'docx', encoding: 'utf-8', sha256, text, tables: out.tables, headingHints: out.hints };
  if (out.footnoteLines.length) src.footnoteLines = out.footnoteLines;
  const title = coreTitle(coreXml);
  if (title) src.titleHint = title;
  if (numbering.unknownFormats.size) {
    src.warnings = [{ code: 'docx-numbering-format', message: `list number formats rendered as decimal: ${[...numbering.unknownFormats].join(', ')}` }];
  }
  return src;
}

/**
 * A one-column table is a frame (a boxed 专栏, a note): its paragraphs are body text, and a table nested in
 * it (the 专栏's project list under its title) is a table of its own, not its rows flattened to text.
 */
function frame(t: DocxTable, out: TextBuilder, headingOf: (p: DocxParagraph) => number | null, refs: NoteRef[]): void {
  for (const r of t.rows) for (const c of r.cells) {
    const nested = c.nested ?? [];
    let n = 0;
    for (let i = 0; i < c.paragraphs.length; i++) {
      const box = nested[n];
      if (box && i === box.start) {
        n++;
        if (gridWidth(box.table) <= 1) frame(box.table, out, headingOf, refs);
        else {
          out.table(box.table);
          for (const row of box.table.rows) for (const cell of row.cells) for (const p of cell.paragraphs) refs.push(...p.notes);
        }
        i = box.end - 1;
        continue;
      }
      const p = c.paragraphs[i];
      out.paragraph(paragraphText(p), headingOf(p));
      refs.push(...p.notes);
    }
  }
}

class TextBuilder {
  readonly lines: string[] = [];
  readonly hints: HeadingHint[] = [];
  readonly tables: SourceTable[] = [];
  readonly footnoteLines: number[] = [];
  private readonly seenNotes = new Set<string>();

  /** A paragraph: one line per soft line break, edge blanks trimmed, empty paragraphs dropped. */
  paragraph(text: string, heading: number | null): void {
    let first = true;
    for (const piece of text.split('\n')) {
      const t = trimEdgeBlanks(piece);
      if (!t) continue;
      if (first && heading !== null) this.hints.push({ line: this.lines.length, level: heading });
      first = false;
      this.lines.push(t);
    }
  }

  table(t: DocxTable): void {
    const width = gridWidth(t);
    const startLine = this.lines.length;
    const cells: SourceCell[] = [];
    const open: Array<SourceCell | null> = new Array(width).fill(null); // vertical merge origin per grid column
    t.rows.forEach((row, r) => {
      const fields: string[] = new Array(width).fill('');
      let col = row.gridBefore;
      for (const c of row.cells) {
        if (col >= width) break;
        const span = Math.min(c.gridSpan, width - col);
        const origin = c.vMerge === 'continue' ? open[col] : null;
        if (origin && origin.colspan === span) {
          origin.rowspan = r - origin.row + 1;
        } else {
          // The cell keeps its paragraphs and line breaks as lines (the table stage tells an item per line
          // from a wrapped phrase); the row line shows them joined by a blank.
          const text = c.paragraphs
            .map(paragraphText)
            .join('\n')
            .split(/\r?\n|\r/)
            .map((l) => trimEdgeBlanks(l.replace(/\t+/g, ' ')))
            .filter(Boolean)
            .join('\n');
          const cell: SourceCell = { row: r, col, rowspan: 1, colspan: span, text, header: row.header };
          cells.push(cell);
          fields[col] = text.replace(/\n/g, ' ');
          for (let k = col; k < col + span; k++) open[k] = c.vMerge === 'restart' ? cell : null;
        }
        col += span;
      }
      // Grid places no cell covered in this row close any vertical merge there.
      for (let k = col; k < width; k++) open[k] = null;
      this.lines.push(fields.join('\t'));
    });
    if (t.rows.length) this.tables.push({ startLine, endLine: this.lines.length - 1, cells });
  }

  /** A footnote/endnote line `¹ text` (once per note, even when referenced twice). */
  note(key: string, number: string, blocks: DocxBlock[] | undefined): void {
    if (!number || !blocks || this.seenNotes.has(key)) return;
    this.seenNotes.add(key);
    const parts: string[] = [];
    for (const b of blocks) {
      if (b.kind === 'p') parts.push(paragraphText(b));
      else for (const r of b.rows) for (const c of r.cells) for (const p of c.paragraphs) parts.push(paragraphText(p));
    }
    const body = trimEdgeBlanks(parts.join(' ').replace(/[\t\n\r]+/g, ' '));
    this.footnoteLines.push(this.lines.length);
    this.lines.push(`${toSuper(number)} ${body}`);
  }
}

function gridWidth(t: DocxTable): number {
  let w = 0;
  for (const r of t.rows) {
    let n = r.gridBefore;
    for (const c of r.cells) n += c.gridSpan;
    if (n > w) w = n;
  }
  return w;
}

function toSuper(m: string): string {
  return /^\d+$/.test(m) ? m.replace(/\d/g, (d) => SUPER[Number(d)]) : m;
}

/** Relationship targets by type suffix (`officeDocument`, `styles`, …), resolved against `base`. */
async function relTargets(zip: ZipParts, relsPath: string, base: string): Promise<Record<string, string>> {
  const xml = await zip.readText(relsPath);
  const out: Record<string, string> = {};
  if (!xml) return out;
  scanXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship' || attr(attrs, 'TargetMode') === 'External') return;
      const type = attr(attrs, 'Type') ?? '';
      const target = attr(attrs, 'Target');
      if (!target) return;
      const short = type.startsWith(REL) ? type.slice(REL.length) : type.slice(type.lastIndexOf('/') + 1);
      if (!(short in out)) out[short] = resolvePart(base, target);
    },
    close() {},
    text() {},
  });
  return out;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Footnote/endnote number formats (settings.xml); Word's defaults are decimal and lower roman. */
function noteFormats(xml: string | null): { footnote: string; endnote: string } {
  const f = { footnote: 'decimal', endnote: 'lowerRoman' };
  if (!xml) return f;
  let within: 'footnote' | 'endnote' | null = null;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'w:footnotePr') within = 'footnote';
      else if (name === 'w:endnotePr') within = 'endnote';
      else if (name === 'w:numFmt' && within) f[within] = attr(attrs, 'w:val') ?? f[within];
    },
    close(name) {
      if (name === 'w:footnotePr' || name === 'w:endnotePr') within = null;
    },
    text() {},
  });
  return f;
}

/** dc:title, minus the `Microsoft Word - x.doc` wrapper printers put there; null when empty. */
function coreTitle(xml: string | null): string | null {
  if (!xml) return null;
  let inTitle = false;
  let title = '';
  scanXml(xml, {
    open(name) {
      inTitle = name === 'dc:title';
    },
    close() {
      inTitle = false;
    },
    text(v) {
      if (inTitle) title += v;
    },
  });
  const t = title.replace(/^Microsoft Word - /, '').replace(/\.docx?$/i, '').replace(/\s+/g, ' ').trim();
  return t || null;
}
