/**
 * Logical paragraphs from body lines. A paragraph is one line, unless the line was cut by a page break in
 * the middle of a sentence (PDF export): then the next body line is joined on, skipping the blank lines,
 * footnotes and page numbers the break left between them. Captions (`图 1 …`, `表 3 …`) and page-number
 * lines are given their roles here.
 */
import { LineRole, type Paragraph, type PlanDocument } from '../pipeline/document.js';
import { STRUCTURAL_START, ITEM_START } from './segment/markers.js';

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
/** A line ending in a document-type word is a title (`《…规划》编制说明`, `…2020年工作方案`), never a cut sentence. */
const TITLE_END = /(?:说明|规划|方案|计划|纲要|意见|通知|办法|报告|措施|细则)[)）》”"]?$/;

function unclosed(s: string): boolean {
  let open = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '〔') open++;
    else if ((c === ')' || c === ']' || c === '〕') && open > 0) open--;
  }
  return open > 0;
}

/** A line repeated on many pages (running header/footer, a scanner's watermark line) is page furniture. */
const MIN_REPEATS = 4;

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
    if (n >= MIN_REPEATS && !/[。；]$/.test(lines[i].match.trim())) {
      roles[i] = LineRole.Blank;
      dropped++;
      if (first < 0) first = i;
    }
  }
  if (dropped) doc.diag('paragraphs', 'info', 'running-lines-removed', `${dropped} repeated header/footer lines set aside`, doc.spanOf(lines[first].start, lines[first].end));
}

function assignLineRoles(doc: PlanDocument): void {
  dropRunningLines(doc);
  const { lines, roles } = doc;
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== LineRole.Body) continue;
    const m = lines[i].match.trim();
    if (PAGE_NUMBER.test(m) || (/^\d{1,4}$/.test(m) && !lines[i].raw.includes('\t'))) roles[i] = LineRole.Blank;
    else if (m.length <= 60 && !/[。；]$/.test(m) && (FIGURE_CAPTION.test(m) || TABLE_CAPTION.test(m))) roles[i] = LineRole.Caption;
  }
}

/** Should the paragraph so far (folded text `cur`) continue on the line with folded text `next`? */
export function continues(cur: string, next: string): boolean {
  const c = cur.trimEnd();
  const n = next.trimStart();
  if (!c || !n) return false;
  if (STRUCTURAL_START.test(n) || ITEM_START.test(n) || BULLET.test(n)) return false;
  if (unclosed(c)) return true; // `（牵头部` + `门：市交通委…）`
  if (TERMINAL.test(c)) return false;
  if (STRUCTURAL_START.test(c)) return false;
  if (TITLE_END.test(c)) return false;
  // A sentence already ended inside the line: this is prose cut mid-sentence, not a title.
  if (/[。！？!?;；]/.test(c)) return true;
  if (ITEM_START.test(c) || DECIMAL_START.test(c)) {
    // A numbered heading cut by a page end: its title goes on and ends soon (`…美丽江门建` + `设目标仍存在差距。`);
    // a standalone heading is followed by body text whose first sentence is long.
    const end = n.search(/[。！？!?]/);
    return c.length >= MIN_JOIN_LENGTH && c.includes(',') && end >= 0 && end <= 20;
  }
  if (c.length >= MIN_JOIN_LENGTH && c.includes(',')) return true;
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
    let match = lines[i].match.replace(/\t/g, ' ');
    let j = i + 1;
    if (role === LineRole.Body) {
      for (;;) {
        let k = j;
        while (k < lines.length && (roles[k] === LineRole.Blank || roles[k] === LineRole.Footnote)) k++;
        if (k >= lines.length || roles[k] !== LineRole.Body) break;
        if (!continues(match, lines[k].match)) break;
        pieces.push(k);
        match += lines[k].match.replace(/\t/g, ' ');
        j = k + 1;
      }
    }
    out.push(makeParagraph(doc, out.length, pieces));
    i = j;
  }
  doc.paragraphs = out;
  return out;
}

function makeParagraph(doc: PlanDocument, index: number, pieces: number[]): Paragraph {
  let text = '';
  let match = '';
  let len = 0;
  for (const k of pieces) len += doc.lines[k].clean.length;
  const map = new Int32Array(len);
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
