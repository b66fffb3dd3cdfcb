/**
 * Table of contents: a run of lines ending in page numbers (after dot leaders, a tab or blanks),
 * usually under 目录. Those lines are set aside (LineRole.Toc) so the tree is built from the body only.
 */
import { isTitleLine, TITLE_LINE, TOC_ENTRY } from '../model/vocab/title-line.js';
import { LineRole, type PlanDocument } from '../model/document.js';

// `第一节 指导思想.....15`, `第一章 背景与形势\t1`, `图 1 区位图……108`, `一、总体要求 ··· 3`
// Everything a TOC entry is judged by sits at the end of the line, so it is read from the end by hand: the
// unanchored patterns this replaces (`(?:\.{2,}|…+|·{2,}|-{3,}|\t| {2,})\s*\d{1,4}\s*$`) retried a long
// run of leaders from every position, O(n²): 40 000 `-` took 7 s, a 5 MB line would not finish.
const HEADINGISH = /^(?:第[一二三四五六七八九十百零〇\d]+[篇章节部]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|附[件表图]|图\s*\d|表\s*\d|专栏)/;
const TOC_HEAD = /^目\s*录$/;
const MIN_RUN = 3;
const WS = /\s/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

const isWs = (s: string, i: number) => i >= 0 && i < s.length && WS.test(s[i]);
const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** The end of a line read backwards: [w, d) blanks before the final digits [d, e), then blanks to the end. */
function tail(text: string): { w: number; d: number; e: number } {
  let e = text.length;
  while (e > 0 && isWs(text, e - 1)) e--;
  let d = e;
  while (d > 0 && isDigit(text, d - 1)) d--;
  let w = d;
  while (w > 0 && isWs(text, w - 1)) w--;
  return { w, d, e };
}

/** A leader (`..`, `…`, `··`, `---`, a tab, two blanks) then a page number of 1-4 digits at the end. */
function leaderPage(text: string, t: { w: number; d: number; e: number }): boolean {
  if (t.e - t.d < 1 || t.e - t.d > 4) return false;
  const blanks = text.slice(t.w, t.d);
  if (blanks.includes('\t') || blanks.includes('  ')) return true;
  const at = (k: number) => text[t.w - k] ?? '';
  return (at(1) === '.' && at(2) === '.') || at(1) === '…' || (at(1) === '·' && at(2) === '·') || (at(1) === '-' && at(2) === '-' && at(3) === '-');
}

/** A heading marker, then anything on the line, then a page number (after a blank, a dot or a leader). */
function headingPage(text: string, t: { w: number; d: number; e: number }): boolean {
  const m = HEADINGISH.exec(text);
  if (!m || t.e - t.d < 1 || t.e - t.d > 4 || t.d < m[0].length + 1) return false;
  if (!/[\s.…·]/.test(text[t.d - 1])) return false;
  // what lies between the marker and the blanks before the number is one line (`.` does not cross breaks)
  return !LINE_BREAK.test(text.slice(m[0].length, Math.max(m[0].length, t.w)));
}

function tocLike(text: string): boolean {
  let tabs = 0;
  for (let i = text.indexOf('\t'); i !== -1 && tabs < 2; i = text.indexOf('\t', i + 1)) tabs++;
  if (tabs > 1) return false; // a table row, not a TOC entry
  const t = tail(text);
  // a page number alone is not an entry: something other than digits must come before it
  if (leaderPage(text, t)) return /\D/.test(text.slice(0, t.w));
  return headingPage(text, t);
}

/** Heading text of a TOC entry: leaders, page numbers and blanks dropped. */
function entryKey(s: string): string {
  let e = s.length;
  while (e > 0 && isWs(s, e - 1)) e--;
  let cut = e;
  while (cut > 0 && e - cut < 4 && isDigit(s, cut - 1)) cut--;
  if (!(cut > 0 && isDigit(s, cut - 1))) {
    while (cut > 0 && isWs(s, cut - 1)) cut--;
    const c = s[cut - 1];
    let k = cut;
    while (k > 0 && s[k - 1] === c) k--;
    if (c === '…' || ((c === '.' || c === '·') && cut - k >= 2)) cut = k;
  }
  return s.slice(0, cut).replace(/[\s\u3000]/g, '');
}

/**
 * A TOC without page numbers (OCR, some Word exports): under 目录, a run of short lines whose entries
 * (two columns are split at tabs) mostly reappear later as lines of the body.
 */
function detectRepeatedToc(doc: PlanDocument, head: number, lastSeen: () => Map<string, number>): number {
  const { lines, roles } = doc;
  const entries: string[] = [];
  const seen = new Set<string>();
  let last = head;
  for (let j = head + 1; j < lines.length && j < head + 400; j++) {
    if (roles[j] === LineRole.Blank) continue;
    if (roles[j] !== LineRole.Body) break;
    const t = lines[j].match.trim();
    if (!isTitleLine(t, TITLE_LINE)) break;
    const cells = t.split('\t').map(entryKey).filter((c) => c.length >= 2);
    if (cells.some((c) => seen.has(c))) break; // an entry seen again: the body has begun
    for (const c of cells) seen.add(c);
    entries.push(...cells);
    last = j;
  }
  if (entries.length < MIN_RUN) return -1;
  const seenAt = lastSeen();
  let found = 0;
  for (const e of entries) if ((seenAt.get(e.slice(0, 40)) ?? -1) > last) found++;
  return found >= Math.max(MIN_RUN, entries.length / 2) ? last : -1;
}

function strayEntry(text: string): boolean {
  return isTitleLine(text, TOC_ENTRY);
}

function nextBody(doc: PlanDocument, j: number): string {
  for (let k = j + 1; k < doc.lines.length; k++) if (doc.roles[k] !== LineRole.Blank) return doc.roles[k] === LineRole.Body ? doc.lines[k].match : '';
  return '';
}

export function detectToc(doc: PlanDocument): void {
  const { lines, roles } = doc;
  // Entry key → last body line carrying it, built once: rebuilding it for every 目录 line was O(lines²).
  // Roles only change here for lines up to the TOC just found, so the lines after a later head are as they were.
  let seenAt: Map<string, number> | null = null;
  const lastSeen = () => {
    if (!seenAt) {
      seenAt = new Map();
      for (let k = 0; k < lines.length; k++) if (roles[k] === LineRole.Body) seenAt.set(entryKey(lines[k].match).slice(0, 40), k);
    }
    return seenAt;
  };
  let i = 0;
  while (i < lines.length) {
    if (roles[i] !== LineRole.Body) {
      i++;
      continue;
    }
    const head = TOC_HEAD.test(lines[i].match.trim());
    let j = head ? i + 1 : i;
    let entries = 0;
    let last = j - 1;
    for (; j < lines.length; j++) {
      if (roles[j] === LineRole.Blank) continue;
      if (roles[j] !== LineRole.Body) break;
      // One entry whose leader or page number the export mangled (`5.1…投资100`) sits between good entries.
      if (!tocLike(lines[j].match) && !(entries > 0 && strayEntry(lines[j].match) && tocLike(nextBody(doc, j)))) break;
      entries++;
      last = j;
    }
    if (entries < MIN_RUN && head) {
      const end = detectRepeatedToc(doc, i, lastSeen);
      if (end > i) {
        last = end;
        entries = end - i;
      }
    }
    if (entries >= MIN_RUN) {
      for (let k = i; k <= last; k++) if (roles[k] === LineRole.Body) roles[k] = LineRole.Toc;
      const at = doc.spanOf(lines[i].start, lines[last].end);
      doc.diag('toc', 'info', 'toc-detected', `table of contents with ${entries} entries set aside (lines ${i + 1}-${last + 1})`, at);
      i = last + 1;
    } else i++;
  }
}
