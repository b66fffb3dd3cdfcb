/**
 * Logical paragraphs from body lines. A paragraph is one line, unless the line was cut by a page break in
 * the middle of a sentence (PDF export): then the next body line is joined on, skipping the blank lines,
 * footnotes and page numbers the break left between them. Captions (`图 1 …`, `表 3 …`) and page-number
 * lines are given their roles here.
 */
import { isTitleLine, TITLE_LINE, TITLE_LINE_END } from '../model/vocab/title-line.js';
import { isKeyValueLine } from './metadata/sidecar.js';
import { LineRole, type Paragraph, type PlanDocument } from '../model/document.js';
import { STRUCTURAL_START, ITEM_START } from './segment/markers.js';
import { hasPages } from './paged.js';

const TERMINAL = /[。！？；：!?;:…”’」』)）\]】]$/;
const PAGE_NUMBER = /^(?:[-—–－~〜]\s*\d{1,4}\s*[-—–－~〜]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
const FIGURE_CAPTION = /^(?:附?图\s*\d+(?:[-.]\d+)?)(?:\s|[:：、.]|(?=[\u4e00-\u9fff]))/;
const TABLE_CAPTION = /^续?表\s*\d+(?:[-.]\d+)?(?:\s|[:：、.]|(?=[\u4e00-\u9fff]))/;
const DECIMAL_START = /^\d{1,2}(?:\.\d{1,2}){1,3}\s/;
const BULLET = /^(?:——|--|—|[-•·●○◆■□▪]\s)/;
/** A cut heading has a comma and some length; a short title line without punctuation is a title. */
const MIN_JOIN_LENGTH = 24;
/** An unnumbered line this long without final punctuation is a paragraph cut by a page end. */
const MIN_JOIN_BODY = 36;

/** A line repeated on many pages (running header/footer, a scanner's watermark line) is page furniture. */
const MIN_REPEATS = 4;
const LABEL_LINE = /^[\u4e00-\u9fff]{2,8}\s*:/;

function dropRunningLines(doc: PlanDocument): void {
  const { lines, roles } = doc;
  const count = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== LineRole.Body) continue;
    const m = lines[i].match.trim();
    if (m.length >= 6) count.set(m, (count.get(m) ?? 0) + 1);
  }
  let dropped = 0;
  let first = -1;
  const keptTitle = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== LineRole.Body) continue;
    const key = lines[i].match.trim();
    const n = count.get(key) ?? 0;
    // The first copy at the very top is the document's title line, which the header repeats.
    if (i < 5 && n >= MIN_REPEATS && !keptTitle.has(key)) {
      keptTitle.add(key);
      continue;
    }
    // Label lines (`完成时限：2022年2月底前`, `责任单位：…`) repeat because tasks repeat them: they are content.
    if (n >= MIN_REPEATS && !/[。；]$/.test(key) && !LABEL_LINE.test(key)) {
      roles[i] = LineRole.Blank;
      dropped++;
      if (first < 0) first = i;
    }
  }
  if (dropped) doc.diag('paragraphs', 'info', 'running-lines-removed', `${dropped} repeated header/footer lines set aside`, doc.spanOf(lines[first].start, lines[first].end));
}

function assignLineRoles(doc: PlanDocument): void {
  const paged = hasPages(doc);
  if (paged) dropRunningLines(doc);
  const { lines, roles } = doc;
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== LineRole.Body) continue;
    const m = lines[i].match.trim();
    if (paged && (PAGE_NUMBER.test(m) || (/^\d{1,4}$/.test(m) && !lines[i].raw.includes('\t')))) roles[i] = LineRole.Blank;
    else if (isTitleLine(m, TITLE_LINE) && (FIGURE_CAPTION.test(m) || TABLE_CAPTION.test(m))) roles[i] = LineRole.Caption;
  }
}

/**
 * What `continues` reads of the paragraph joined so far (its folded text, `trimEnd`ed): its length, its
 * first and last characters, open brackets, whether a sentence or a comma occurred. Kept up to date piece
 * by piece, so joining n lines is O(n): re-reading the growing text for every line was O(n²) and hung
 * (100 000 lines of `(`, 10 000 lines of `（牵头单位` took minutes).
 */
const EDGE = 128;
export class Joined {
  /** length of the text with trailing blanks trimmed */
  length = 0;
  open = 0;
  sentenceEnd = false;
  comma = false;
  private rawLength = 0;
  private head = '';
  private rawTail = '';
  private tail = '';

  static of(s: string): Joined {
    const j = new Joined();
    j.add(s);
    return j;
  }

  add(s: string): void {
    const t = s.trimEnd();
    if (t.length) {
      this.tail = (this.rawTail + t).slice(-EDGE);
      this.length = this.rawLength + t.length;
    }
    this.rawTail = (this.rawTail + s).slice(-EDGE);
    this.rawLength += s.length;
    if (this.head.length < EDGE) this.head = (this.head + s).slice(0, EDGE);
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === '(' || c === '[' || c === '〔') this.open++;
      else if ((c === ')' || c === ']' || c === '〕') && this.open > 0) this.open--;
    }
    this.sentenceEnd ||= /[。！？!?;；]/.test(s);
    this.comma ||= s.includes(',');
  }

  /** the opening of the trimmed text (all of it when short): for the anchored marker patterns */
  get start(): string {
    return this.length <= EDGE ? this.head.slice(0, this.length) : this.head;
  }

  /** the end of the trimmed text: for the `$`-anchored patterns */
  get end(): string {
    return this.tail;
  }
}

/** Should the paragraph so far (folded text `cur`) continue on the line with folded text `next`? */
export function continues(cur: string | Joined, next: string): boolean {
  const c = typeof cur === 'string' ? Joined.of(cur) : cur;
  const n = next.trimStart();
  if (!c.length || !n) return false;
  if (STRUCTURAL_START.test(n) || ITEM_START.test(n) || BULLET.test(n)) return false;
  if (c.open > 0) return true; // `（牵头部` + `门：市交通委…）`
  if (TERMINAL.test(c.end)) return false;
  if (STRUCTURAL_START.test(c.start)) return false;
  if (TITLE_LINE_END.test(c.end)) return false;
  // A sentence already ended inside the line: this is prose cut mid-sentence, not a title.
  if (c.sentenceEnd) return true;
  if (ITEM_START.test(c.start) || DECIMAL_START.test(c.start)) {
    // A numbered heading cut by a page end: its title goes on and ends soon (`…美丽江门建` + `设目标仍存在差距。`);
    // a standalone heading is followed by body text whose first sentence is long.
    const end = n.search(/[。！？!?]/);
    return c.length >= MIN_JOIN_LENGTH && c.comma && end >= 0 && end <= 20;
  }
  if (c.length >= MIN_JOIN_LENGTH && c.comma) return true;
  return c.length >= MIN_JOIN_BODY;
}

export function buildParagraphs(doc: PlanDocument): Paragraph[] {
  assignLineRoles(doc);
  const { lines, roles } = doc;
  const out: Paragraph[] = [];
  let i = 0;
  while (i < lines.length) {
    const role = roles[i];
    if (role !== LineRole.Body && role !== LineRole.Caption) {
      i++;
      continue;
    }
    const pieces = [i];
    const joined = Joined.of(lines[i].match.replace(/\t/g, ' '));
    let j = i + 1;
    // a metadata line an export or a scraper put above the text (`发文字号：…`, `来源: <url>`) is a paragraph of its own
    if (role === LineRole.Body && !isKeyValueLine(lines[i].clean)) {
      for (;;) {
        let k = j;
        while (k < lines.length && (roles[k] === LineRole.Blank || roles[k] === LineRole.Footnote)) k++;
        if (k >= lines.length || roles[k] !== LineRole.Body) break;
        if (!continues(joined, lines[k].match) || isKeyValueLine(lines[k].clean)) break;
        pieces.push(k);
        joined.add(lines[k].match.replace(/\t/g, ' '));
        j = k + 1;
      }
    }
    out.push(makeParagraph(doc, out.length, pieces));
    i = j;
  }
  doc.paragraphs = out;
  return out;
}

/**
 * Paragraph maps are carved out of shared slabs, as line maps are (pipeline/normalize.ts): an Int32Array of
 * its own per paragraph was the costliest line of this stage (a backing store allocated and zeroed for each
 * of tens of thousands of short paragraphs). A slab stays alive while any paragraph of it does; a map is
 * filled completely before it is handed out and never written afterwards.
 */
const MAP_SLAB = 1 << 16;
let mapSlab = new Int32Array(MAP_SLAB);
let mapSlabUsed = 0;
function paragraphMap(len: number): Int32Array {
  if (len > MAP_SLAB / 4) return new Int32Array(len);
  if (mapSlabUsed + len > MAP_SLAB) {
    mapSlab = new Int32Array(MAP_SLAB);
    mapSlabUsed = 0;
  }
  const map = mapSlab.subarray(mapSlabUsed, mapSlabUsed + len);
  mapSlabUsed += len;
  return map;
}

function makeParagraph(doc: PlanDocument, index: number, pieces: number[]): Paragraph {
  if (pieces.length === 1) {
    // one line (most paragraphs): its map is the paragraph's as it is — maps are never written after they
    // are made, so sharing it saves a copy of four bytes per character of the document
    const l = doc.lines[pieces[0]];
    const text = l.clean.replace(/\t/g, ' ');
    return { index, text, match: l.match.replace(/\t/g, ' '), map: l.map, lines: pieces, bold: l.bold, isHeading: false };
  }
  let text = '';
  let match = '';
  let len = 0;
  for (const k of pieces) len += doc.lines[k].clean.length;
  const map = paragraphMap(len);
  let n = 0;
  let bold = false;
  for (const k of pieces) {
    const l = doc.lines[k];
    // Tabs inside a body line are layout, not cells: fold them to blanks.
    text += l.clean.replace(/\t/g, ' ');
    match += l.match.replace(/\t/g, ' ');
    map.set(l.map, n);
    n += l.clean.length;
    bold ||= l.bold;
  }
  return { index, text, match, map, lines: pieces, bold, isHeading: false };
}

/** Is this paragraph a caption line (figure or table)? */
export function isCaption(doc: PlanDocument, p: Paragraph): boolean {
  return doc.roles[p.lines[0]] === LineRole.Caption;
}
