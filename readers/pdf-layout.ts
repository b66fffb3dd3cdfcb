/**
 * From visual lines of all pages to the reader's text: one paragraph per line, tables as tab-separated rows,
 * page furniture gone, and the offset at which each page starts.
 * - Page furniture: page numbers (`— 12 —`, `- 3 -`, `第 3 页`, `3/20`) and lines repeated in the top or
 *   bottom band of many pages (running headers/footers, digits ignored) are dropped.
 * - Footnotes: smaller-type lines closing a page that start with a number are kept as lines of their own,
 *   never joined into the body.
 * - Paragraphs: a line that reaches the right margin continues on the next line if that one starts at the
 *   left margin in the same type size; an indented, centred or short line starts a new paragraph. The same
 *   rule joins the last line of a page to the first of the next (a sentence cut by the page break), unless
 *   footnotes stand between them (the paragraph stage joins those by their text).
 * - Footnotes: one line per note, marker set off by a blank (pdf-notes.ts).
 * - Tables: runs of lines with cell gaps get one field per column, wrapped cells joined into their row
 *   (pdf-table-rows.ts); TOC entries with their page number close after the title get their tab (pdf-toc.ts).
 * Margins are measured per page geometry (portrait and landscape pages differ). All passes are linear
 * after per-page sorting.
 */
import type { SourceTable } from '../model/source.js';
import { lineText, wrapGlue, type VisualLine } from './pdf-lines.js';
import { joinFootnotes } from './pdf-notes.js';
import { alignTables } from './pdf-table-rows.js';
import { splitTocNumbers } from './pdf-toc.js';

export interface PageGeometry {
  width: number;
  height: number;
}

export interface Layout {
  text: string;
  pageStarts: number[];
  /** ruled tables (pdf-grid.ts), placed at their rows' lines */
  tables: SourceTable[];
  /** lines holding a footnote from the foot of a page (0-based), one note per line */
  footnoteLines: number[];
}

type Role = 'body' | 'foot' | 'drop';

const BAND = 0.12; // top/bottom share of the page height where running headers and footers live
const FURNITURE_LINES = 3; // at most this many lines per band are furniture candidates
const PAGE_NUMBER = /^(?:[-—–－~〜‐·•\s]*[0-9ivxlcIVXLC]{1,5}[-—–－~〜‐·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;
const FOOT_START = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\d{1,3}(?=\d{0,3}(?:\s|[\u4e00-\u9fff“‘《（(【「]))|[①-⑳]|\[\d{1,3}\]|注\s*\d{0,3}\s*[:：])/;
/** A table-of-contents entry runs to the right margin on its dot leaders: it never continues on the next line. */
const TOC_ENTRY = /(?:[.．·…‥・]{3}\s*|\t)\d{1,4}$/; // leaders, or a tab (pdf-toc.ts), before the page

export function layoutText(pages: VisualLine[][], geometry: PageGeometry[]): Layout {
  const roles = pages.map((ls) => ls.map((): Role => 'body'));
  dropFurniture(pages, geometry, roles);
  markFootnotes(pages, roles);
  const margins = measureMargins(pages, geometry, roles);
  // A footnote's number is set off by a gap, not a cell boundary: one blank (the footnote stage wants no tab).
  const texts = pages.map((ls, p) => ls.map((l, i) => (roles[p][i] === 'foot' ? l.segs.map((s) => s.text).join(' ') : lineText(l))));
  joinFootnotes(pages, roles, texts);
  alignTables(pages, roles, texts);
  splitTocNumbers(pages, roles, texts);

  const out: string[] = [];
  let len = 0;
  let lineNo = 0;
  const pageStarts: number[] = [];
  const tables: SourceTable[] = [];
  const footnoteLines: number[] = [];
  let prev: VisualLine | null = null; // the last body line written, while its paragraph may go on
  let prevRole: Role = 'drop';
  let prevText = '';
  const push = (s: string) => {
    out.push(s);
    len += s.length;
  };
  const newline = () => {
    push('\n');
    lineNo++;
  };
  for (let p = 0; p < pages.length; p++) {
    let startSet = false;
    for (let i = 0; i < pages[p].length; i++) {
      const role = roles[p][i];
      if (role === 'drop') continue;
      const l = pages[p][i];
      const t = texts[p][i];
      if (l.grid) {
        if (out.length) newline();
        if (!startSet) {
          pageStarts.push(len);
          startSet = true;
        }
        const startLine = lineNo;
        l.grid.rows.forEach((row, k) => {
          if (k) newline();
          push(row);
        });
        tables.push({ startLine, endLine: lineNo, cells: l.grid.cells });
        prev = l;
        prevRole = role;
        continue;
      }
      const join = role === 'body' && prevRole === 'body' && prev !== null && !TOC_ENTRY.test(prevText) && continues(prev, l, t, margins);
      if (join) {
        const glue = wrapGlue(out[out.length - 1] ?? '', t);
        push(glue);
        if (!startSet) {
          pageStarts.push(len);
          startSet = true;
        }
        push(t);
      } else {
        if (out.length) newline();
        if (!startSet) {
          pageStarts.push(len);
          startSet = true;
        }
        if (role === 'foot') footnoteLines.push(lineNo);
        push(t);
      }
      prev = l;
      prevRole = role;
      prevText = t;
    }
    if (!startSet) pageStarts.push(len);
  }
  if (out.length) newline();
  return { text: out.join(''), pageStarts, tables, footnoteLines };
}

interface Margins {
  left: number;
  right: number;
}

/**
 * Should `b` (the next body line, text `bText`) continue the paragraph whose last line is `a`? `a` must be
 * full: it ends at the right margin, or so close to it that b's first unbreakable unit (a number, a Latin
 * word, a character with the closing punctuation that may not start a line) would not have fitted.
 */
function continues(a: VisualLine, b: VisualLine, bText: string, margins: Margins[]): boolean {
  if (a.segs.length > 1 || b.segs.length > 1 || a.grid || b.grid) return false; // table rows stand alone
  const ma = margins[a.page];
  const mb = margins[b.page];
  const size = a.size;
  if (Math.abs(a.size - b.size) > 0.15 * size) return false;
  if (a.x1 < ma.right - (1.0 + firstUnitEm(bText)) * size) return false; // a short line ends its paragraph
  if (b.x0 > mb.left + 0.5 * size) return false; // an indented line starts one
  if (a.x0 < ma.left - 0.5 * size) return false;
  // On one page the next line must follow closely; across a page break position says nothing.
  if (a.page === b.page && (a.y - b.y > 2.6 * size || a.y <= b.y)) return false;
  return true;
}

const UNIT = /^(?:[A-Za-z0-9.,%:/+\-]{1,40}|[^\sA-Za-z0-9])[)）」』”’》〉】〕,，.。、;；:：!！?？%％]{0,3}/;

/** Width in em of the unit a line break may not split at the start of `t` (half-width chars count 0.55). */
function firstUnitEm(t: string): number {
  const m = UNIT.exec(t);
  if (!m) return 1;
  let w = 0;
  for (const ch of m[0]) w += ch.charCodeAt(0) < 0x2e80 && ch !== '”' && ch !== '’' ? 0.55 : 1;
  return w;
}

/** Page numbers and lines repeated in the top/bottom band of many pages. */
function dropFurniture(pages: VisualLine[][], geometry: PageGeometry[], roles: Role[][]): void {
  const candidates: Array<{ p: number; i: number; key: string; band: 'top' | 'bottom' }> = [];
  for (let p = 0; p < pages.length; p++) {
    const ls = pages[p];
    const h = geometry[p].height;
    for (let i = 0; i < Math.min(FURNITURE_LINES, ls.length); i++) {
      if (ls[i].y < h * (1 - BAND) || ls[i].grid) break;
      candidates.push({ p, i, key: furnitureKey(ls[i]), band: 'top' });
    }
    for (let k = 0; k < Math.min(FURNITURE_LINES, ls.length); k++) {
      const i = ls.length - 1 - k;
      if (ls[i].y > h * BAND || ls[i].grid) break;
      candidates.push({ p, i, key: furnitureKey(ls[i]), band: 'bottom' });
    }
  }
  // A running header or footer repeats its words at the same height on many pages; the document title
  // under a header that repeats it sits lower and stays.
  const seen = new Map<string, { pages: Set<number>; ys: number[] }>();
  for (const c of candidates) {
    const k = `${c.band}:${c.key}`;
    let s = seen.get(k);
    if (!s) seen.set(k, (s = { pages: new Set(), ys: [] }));
    s.pages.add(c.p);
    s.ys.push(pages[c.p][c.i].y);
  }
  const needed = Math.max(2, Math.ceil(0.4 * pages.length));
  for (const c of candidates) {
    const l = pages[c.p][c.i];
    const s = seen.get(`${c.band}:${c.key}`)!;
    const repeated = pages.length >= 2 && s.pages.size >= needed && Math.abs(l.y - percentile(s.ys, 0.5)) <= 0.5 * l.size;
    if (PAGE_NUMBER.test(lineText(l).trim()) || repeated) roles[c.p][c.i] = 'drop';
  }
}

/** A running header keeps its words from page to page; its page number changes. */
function furnitureKey(l: VisualLine): string {
  return lineText(l).replace(/\d+/g, '#').replace(/\s+/g, '');
}

/** Trailing smaller-type lines of a page that begin with a note number are footnotes (with their wrapped lines). */
function markFootnotes(pages: VisualLine[][], roles: Role[][]): void {
  const body = bodySize(pages, roles);
  if (!body) return;
  for (let p = 0; p < pages.length; p++) {
    const ls = pages[p];
    let k = ls.length - 1;
    while (k >= 0 && roles[p][k] === 'drop') k--;
    // Candidate first lines of the notes, bottom up. Notes are prose: a line split into three or more
    // cells is a table row, however small its type.
    const starts: number[] = [];
    for (let i = k; i >= 0 && roles[p][i] === 'body' && !ls[i].grid && ls[i].size <= 0.88 * body && ls[i].segs.length < 3; i--) {
      if (FOOT_START.test(lineText(ls[i]))) starts.push(i);
    }
    // The notes are set smaller than what stands above them (body text or a table in its own small type):
    // the topmost candidate that is, each tried once.
    let c = starts.length - 1;
    while (c >= 0 && starts[c] > 0 && roles[p][starts[c] - 1] !== 'drop' && ls[starts[c] - 1].size - ls[starts[c]].size < 0.5) c--;
    const start = c >= 0 ? starts[c] : -1;
    if (start < 0) continue;
    for (let i = start; i <= k; i++) if (roles[p][i] === 'body') roles[p][i] = 'foot';
  }
}

/** The type size most characters are set in. */
function bodySize(pages: VisualLine[][], roles: Role[][]): number {
  const weight = new Map<number, number>();
  pages.forEach((ls, p) => ls.forEach((l, i) => {
    if (roles[p][i] !== 'body' || l.grid) return;
    const k = Math.round(l.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + lineText(l).length);
  }));
  let best = 0;
  let n = -1;
  for (const [k, v] of weight) if (v > n) [best, n] = [k, v];
  return best;
}

/**
 * Left and right text margins per page geometry: the right margin is where full lines end (a high
 * percentile of line ends); the left margin is where the full lines that are not indented start.
 */
function measureMargins(pages: VisualLine[][], geometry: PageGeometry[], roles: Role[][]): Margins[] {
  const groupOf = geometry.map((g) => `${Math.round(g.width)}x${Math.round(g.height)}`);
  const ends = new Map<string, number[]>();
  const starts = new Map<string, number[]>();
  pages.forEach((ls, p) => ls.forEach((l, i) => {
    if (roles[p][i] !== 'body' || l.segs.length !== 1) return;
    const g = groupOf[p];
    if (!ends.has(g)) {
      ends.set(g, []);
      starts.set(g, []);
    }
    ends.get(g)!.push(l.x1);
  }));
  const right = new Map<string, number>();
  for (const [g, xs] of ends) right.set(g, percentile(xs, 0.9));
  pages.forEach((ls, p) => ls.forEach((l, i) => {
    if (roles[p][i] !== 'body' || l.segs.length !== 1) return;
    const g = groupOf[p];
    if (l.x1 >= right.get(g)! - 1.2 * l.size) starts.get(g)!.push(l.x0);
  }));
  const left = new Map<string, number>();
  for (const [g, xs] of starts) left.set(g, xs.length ? percentile(xs, 0.1) : 0);
  return geometry.map((_g, p) => ({ left: left.get(groupOf[p]) ?? 0, right: right.get(groupOf[p]) ?? Infinity }));
}

function percentile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
