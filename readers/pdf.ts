/**
 * .pdf reader: pdf.js (legacy build, the one meant for Node) gives each page's text runs with positions;
 * pdf-lines.ts rebuilds the visual lines, pdf-layout.ts the paragraphs, tables and page offsets.
 * Everything pdf.js needs comes from the installed package: the CMaps Chinese fonts use (`cmaps/`) and the
 * standard fonts (`standard_fonts/`), read from disk, never fetched. pdf.js runs its "fake worker" in this
 * thread (no worker file to locate, no thread per document; the batch runner parallelises documents).
 * Most of a short PDF's time is pdf.js parsing its embedded fonts, which no option skips; what is skipped
 * is work for drawing: thread-pool hops per Flate stream (pdf-inflate.ts), glyph outlines (pdf-font-sink.ts),
 * image decoding (maxImageSize). Built-in CMaps and standard fonts are rarely read (a few KB, < 1 ms).
 * A PDF without a text layer (a scan) and a password-protected PDF fail with a message that says so.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError, type SourceText } from '../model/source.js';
import { gridsOf, rulesOf, type Grid, type Ops } from './pdf-grid.js';
import { FONT_SINK_DOCUMENT } from './pdf-font-sink.js';
import { holdSyncInflate } from './pdf-inflate.js';
import { layoutText, type PageGeometry } from './pdf-layout.js';
import { joinPageGrids } from './pdf-page-tables.js';
import { pageLines, withGrids, type Run, type VisualLine } from './pdf-lines.js';

/** A PDF has no text encoding of its own: the text comes from its text layer (font maps), which the source record says. */
export const PDF_ENCODING = 'pdf-text-layer';

/** No page of a plan holds this many text runs or characters; such a page is a drawing or a broken stream. */
export const MAX_RUNS_PER_PAGE = 20000;
export const MAX_CHARS_PER_PAGE = 60000;
/** A document none of whose pages has this many visible characters has no usable text layer (a scan, maybe
 * with a scanner app's watermark line); a page with fewer than BLANK_PAGE_CHARS is reported as textless. */
const MIN_TEXT_CHARS = 20;
const BLANK_PAGE_CHARS = 5;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoad: Promise<PdfJs> | null = null;
let assetDir: string | null = null;

/**
 * The legacy build bundles core-js, which on Node 20 replaces Array.prototype.push, JSON.parse and
 * JSON.stringify with slower polyfills for the whole process (the main module on import, the worker module
 * on the first document). pdf.js needs none of what they add, so the native functions are put back each
 * time pdf.js may have loaded code: the rest of the pipeline (and the JSONL writer) keeps its speed.
 */
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
function restoreNatives(): void {
  if (Array.prototype.push !== NATIVE.push) {
    Object.defineProperty(Array.prototype, 'push', { value: NATIVE.push, writable: true, configurable: true, enumerable: false });
  }
  if (JSON.parse !== NATIVE.parse) JSON.parse = NATIVE.parse;
  if (JSON.stringify !== NATIVE.stringify) JSON.stringify = NATIVE.stringify;
}

async function loadPdfjs(): Promise<PdfJs> {
  pdfjsLoad ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const m = await pdfjsLoad;
  restoreNatives();
  return m;
}

function assets(): string {
  if (!assetDir) assetDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return assetDir;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  dir?: string;
}

export async function readPdf(path: string, bytes: Uint8Array, sha256: string): Promise<SourceText> {
  if (bytes.length < 5 || !Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(1024, bytes.byteLength)).toString('latin1').includes('%PDF-')) {
    throw new InputError(path, 'not a PDF file (no %PDF- header): the file is corrupt or of another type');
  }
  const pdfjs = await loadPdfjs();
  const root = assets();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    useSystemFonts: false,
    // fonts go to a document that keeps nothing, instead of glyph outlines built for drawing (pdf-font-sink.ts)
    disableFontFace: false,
    ownerDocument: FONT_SINK_DOCUMENT as never, // typed as a DOM HTMLDocument, of which it has the part pdf.js uses
    isEvalSupported: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    stopAtErrors: false,
    // Images are never read: only the drawing's rules are (pdf-grid.ts). Any size limit drops an image from
    // an operator list before it is decoded (an image's pixels can cost more than the page's text).
    maxImageSize: 0,
    verbosity: 0,
  });
  const releaseInflate = holdSyncInflate();
  const warnings: NonNullable<SourceText['warnings']> = [];
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      throw openError(path, e);
    } finally {
      restoreNatives();
    }
    const lines: VisualLine[][] = [];
    const geometry: PageGeometry[] = [];
    const blankPages: number[] = [];
    let rotated = 0;
    let chars = 0;
    let textPages = 0;
    let prevGrids = false; // the page before held a ruled table: its last rows may head this page
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      geometry.push({ width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) });
      let items: TextItemLike[] = [];
      try {
        items = (await page.getTextContent({ includeMarkedContent: false })).items as TextItemLike[];
      } catch (e) {
        warnings.push({ code: 'pdf-page-unreadable', message: `page ${n}: text could not be read (${e instanceof Error ? e.message : String(e)})`, page: n });
      }
      const runs: Run[] = [];
      let pageChars = 0;
      for (const it of items) {
        const t = it.transform;
        if (!it.str || !t) continue;
        // Rotated or vertical text (side margins, stamps, watermarks) is not body text.
        if (Math.abs(t[1]) > 0.1 * Math.abs(t[0]) || Math.abs(t[2]) > 0.1 * Math.abs(t[3]) || it.dir === 'ttb') {
          rotated++;
          continue;
        }
        runs.push({ str: it.str, x: t[4] - x0, y: t[5] - y0, w: it.width ?? 0, size: Math.abs(t[3]) });
        pageChars += it.str.length;
      }
      if (runs.length > MAX_RUNS_PER_PAGE || pageChars > MAX_CHARS_PER_PAGE) {
        warnings.push({ code: 'pdf-page-refused', message: `page ${n} skipped: ${runs.length} text runs / ${pageChars} characters is more than a text page holds (limits ${MAX_RUNS_PER_PAGE} / ${MAX_CHARS_PER_PAGE}); a drawing or a corrupt content stream?`, page: n });
        lines.push([]);
        page.cleanup();
        continue;
      }
      const visible = countVisible(runs);
      chars += visible;
      if (visible >= MIN_TEXT_CHARS) textPages++;
      if (visible < BLANK_PAGE_CHARS) blankPages.push(n);
      let pageLinesOut = pageLines(runs, n - 1);
      // Ruled tables: only pages whose text already looks tabular pay for reading the drawing operators.
      // After a page with a ruled table, one line split into cells will do: the table's last row or two
      // may be all of it that went over the page (`昌江县 | 53.82 | …` above the next paragraph).
      const hadGrids = prevGrids;
      prevGrids = false;
      if (looksTabular(pageLinesOut, hadGrids ? 1 : 3)) {
        const found = await ruledTables(pdfjs, page, runs, n, x0, y0, warnings);
        if (found) {
          pageLinesOut = withGrids(pageLines(found.rest, n - 1), found.grids, n - 1);
          prevGrids = true;
        }
      }
      page.cleanup();
      lines.push(pageLinesOut);
    }
    const pages = doc.numPages;
    const refused = warnings.find((w) => w.code === 'pdf-page-refused');
    // every page past the glyph bound is not a scan: say which limit refused it
    if (textPages === 0 && refused) throw new InputError(path, `refused: no page could be read; ${refused.message}`);
    if (textPages === 0) {
      throw new InputError(path, `has no text layer (${pages} page${pages === 1 ? '' : 's'} of images, ${chars} characters of text): it looks scanned; run OCR first (e.g. \`ocrmypdf --language chi_sim in.pdf out.pdf\`) and extract the OCR'd file`);
    }
    if (blankPages.length) {
      warnings.push({ code: 'pdf-pages-without-text', message: `page(s) ${compactList(blankPages)} have no text layer (images or blank) and give no text` });
    }
    if (rotated) warnings.push({ code: 'pdf-rotated-text-skipped', message: `${rotated} rotated or vertical text runs skipped (margin notes, stamps, watermarks)` });
    joinPageGrids(lines, geometry); // a ruled table over several pages: shared columns, cut cells rejoined
    const { text, pageStarts, tables, footnoteLines } = layoutText(lines, geometry);
    const src: SourceText = { path, format: 'pdf', encoding: PDF_ENCODING, sha256, text, tables, headingHints: [], pageStarts };
    if (footnoteLines.length) src.footnoteLines = footnoteLines;
    const title = await pdfTitle(doc);
    if (title) src.titleHint = title;
    if (warnings.length) src.warnings = warnings;
    return src;
  } finally {
    try {
      await task.destroy();
    } finally {
      releaseInflate();
    }
  }
}

/**
 * Does the page's text look like it holds a table: at least `need` (three) lines split into cells? A table of
 * contents (a title, then a page number after a gap) does not count: reading a page's drawing costs time.
 */
function looksTabular(lines: VisualLine[], need = 3): boolean {
  let n = 0;
  for (const l of lines) {
    if (l.segs.length < 2) continue;
    if (l.segs.length === 2 && /^\d{1,4}$/.test(l.segs[1].text)) continue;
    if (++n >= need) return true;
  }
  return false;
}

/** The page's ruled tables (see pdf-grid.ts), or null when it has none or its drawing cannot be read. */
async function ruledTables(
  pdfjs: PdfJs,
  page: { getOperatorList(o?: object): Promise<{ fnArray: number[]; argsArray: unknown[] }> },
  runs: Run[], n: number, x0: number, y0: number, warnings: NonNullable<SourceText['warnings']>,
): Promise<{ grids: Grid[]; rest: Run[] } | null> {
  try {
    const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    restoreNatives();
    const rules = rulesOf(ops, pdfjs.OPS as unknown as Ops, x0, y0);
    if (!rules) return null;
    const found = gridsOf(rules, runs, n - 1);
    return found.grids.length ? found : null;
  } catch (e) {
    warnings.push({ code: 'pdf-drawing-unreadable', message: `page ${n}: table rules could not be read (${e instanceof Error ? e.message : String(e)}); its tables are rebuilt from text positions`, page: n });
    return null;
  }
}

function countVisible(runs: Run[]): number {
  let n = 0;
  for (const r of runs) for (let i = 0; i < r.str.length; i++) if (r.str.charCodeAt(i) > 0x20 && r.str.charCodeAt(i) !== 0x3000) n++;
  return n;
}

function openError(path: string, e: unknown): InputError {
  const name = e instanceof Error ? e.name : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') {
    return new InputError(path, 'the PDF is encrypted with an open password: remove the protection (e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`) and extract the copy');
  }
  if (name === 'InvalidPDFException') return new InputError(path, `not a readable PDF (corrupt or truncated: ${msg})`);
  return new InputError(path, `the PDF could not be opened: ${msg}`);
}

/** The Title of the document information, when it is a real title (not a file name or a tool's default). */
async function pdfTitle(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<string | null> {
  try {
    const { info } = await doc.getMetadata();
    const t = String((info as { Title?: unknown })?.Title ?? '').replace(/^Microsoft Word - /, '').replace(/\.(?:docx?|wps|pdf)$/i, '').trim();
    return /[\u4e00-\u9fff]/.test(t) ? t : null;
  } catch {
    return null;
  }
}

function compactList(ns: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ns.length; i++) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    parts.push(i === j ? String(ns[i]) : `${ns[i]}-${ns[j]}`);
    i = j;
  }
  return parts.join(', ');
}
