/**
 * Visual lines from positioned text runs of one PDF page. pdf.js hands out runs (a font change or a gap
 * ends one) with their baseline origin and advance width; a line is the runs sharing a baseline (within a
 * tolerance scaled by font size, so superscripts and subscripts stay on their line), read left to right.
 * A large horizontal gap splits a line into segments (table cells, tab stops); small gaps become blanks.
 * Sorting is O(n log n) per page, everything else one pass.
 */
import type { Grid } from './pdf-grid-types.js';

export interface Run {
  str: string;
  /** baseline origin, PDF user space (y grows upwards) */
  x: number;
  y: number;
  /** advance width */
  w: number;
  /** font size (height of the text matrix) */
  size: number;
}

export interface Segment {
  text: string;
  x0: number;
  x1: number;
  /**
   * The pieces of a segment joined over gaps narrower than a cell gap but wider than PIECE_GAP_EM (set only
   * when there are two or more): in an unruled table two cells set close together (narrow padding, text
   * filling the column) make one segment, and the table reader cuts it again at its column separators.
   */
  pieces?: Segment[];
}

export interface VisualLine {
  page: number; // 0-based
  y: number;
  x0: number;
  x1: number;
  /** dominant font size of the line */
  size: number;
  segs: Segment[];
  /** a ruled table standing in this place of the page (its rows are written as lines of their own) */
  grid?: Grid;
}

/** A gap this wide (in em) between runs separates cells; pdf.js already turns smaller gaps into blanks. */
export const CELL_GAP_EM = 1.0;
/** Letter-spaced titles space their characters by at most about this (in em); single-character cells of
 * an unruled table (`5`, `0`, `/`) stand further apart and stay cells. */
const LETTER_SPACE_MAX_EM = 3.0;
/** Runs this far apart (in em) may be two cells set close together: the segment keeps them as pieces. */
const PIECE_GAP_EM = 0.3;
/** A gap this wide with no blank between the runs still reads as a blank. */
const BLANK_GAP_EM = 0.6;
/** Runs whose baselines differ by less than this (in em of the larger font) share a line. */
const SAME_LINE_EM = 0.45;
const SCRIPT_LINE_EM = 0.6;
const SCRIPT_SIZE = 0.8; // a run this much smaller than the line, raised or lowered, is a super/subscript
const SUPERS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Labels of captions and headings (see joinLabels). */
const LABEL = /^(?:[表图]\s?\d{1,3}(?:[-－—.．]\d{1,3})?|第[一二三四五六七八九十百零〇\d]{1,4}[章节篇部编]|附件\s?\d{0,2}|专栏\s?\d{1,3})$/;
const LABEL_GAP_EM = 1.5;
const SUBS = '₀₁₂₃₄₅₆₇₈₉';
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LATIN = /[A-Za-z0-9]/;

export function pageLines(runs: Run[], page: number): VisualLine[] {
  const sorted = runs.filter((r) => r.str.length > 0 && r.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  let cur: Run[] | null = null;
  let refY = 0;
  let refSize = 0;
  for (const r of sorted) {
    const blank = r.str.trim() === '';
    // A superscript is raised up to about half an em of the text it sits on: a wider tolerance for small type.
    const scriptish = r.size < SCRIPT_SIZE * refSize || refSize < SCRIPT_SIZE * r.size;
    if (cur && refY - r.y <= (scriptish ? SCRIPT_LINE_EM : SAME_LINE_EM) * Math.max(refSize, r.size)) {
      cur.push(r);
      if (!blank && r.size > refSize) {
        refY = r.y;
        refSize = r.size;
      }
      continue;
    }
    if (blank && !cur) continue;
    cur = [r];
    groups.push(cur);
    refY = r.y;
    refSize = blank ? 0 : r.size;
  }
  const out: VisualLine[] = [];
  for (const g of groups) {
    const line = buildLine(g, page);
    if (line) out.push(line);
  }
  return out;
}

function buildLine(runs: Run[], page: number): VisualLine | null {
  runs.sort((a, b) => a.x - b.x);
  // The line's baseline and size are those of its largest text (not of a superscript).
  let size = 0;
  let y = 0;
  for (const r of runs) {
    if (r.str.trim() !== '' && r.size > size) {
      size = r.size;
      y = r.y;
    }
  }
  if (size === 0) return null;
  const segs: Segment[] = [];
  let seg: Segment | null = null;
  let prev: Run | null = null;
  let prevEnd = -Infinity;
  let blankPending = false;
  let spaced = false; // the open segment is a letter-spaced word (`政 府 文 件`)
  let piece: Segment | null = null; // the open segment's last piece, when it has pieces
  for (const r of runs) {
    if (r.str.trim() === '') {
      blankPending = true;
      continue;
    }
    // Fake bold draws a run twice, slightly offset: keep one.
    if (prev && prev.str === r.str && Math.abs(prev.x - r.x) < 0.3 * size && Math.abs(prev.y - r.y) < 0.3 * size) continue;
    const text = scripted(r, y, size);
    const gap = r.x - prevEnd;
    const wide = gap >= CELL_GAP_EM * size;
    // Letter-spaced titles are Chinese characters; a digit or a symbol standing alone is a cell (`1`, `/`).
    const letterSpaced = wide && gap < LETTER_SPACE_MAX_EM * size && seg !== null && (spaced || isSingle(seg.text)) && isSingle(text)
      && CJK.test(seg.text.trim().slice(-1)) && CJK.test(text.trim()[0] ?? '');
    if (!seg || (wide && !letterSpaced)) {
      seg = { text: text.trim(), x0: r.x, x1: r.x + r.w };
      segs.push(seg);
      spaced = false;
      piece = null;
    } else {
      if (letterSpaced) spaced = true;
      if ((blankPending || gap >= BLANK_GAP_EM * size) && !seg.text.endsWith(' ')) seg.text += ' ';
      seg.text += text;
      seg.x1 = Math.max(seg.x1, r.x + r.w);
      if (gap >= PIECE_GAP_EM * size && !letterSpaced) {
        seg.pieces ??= [{ text: seg.text.slice(0, seg.text.length - text.length), x0: seg.x0, x1: prevEnd }];
        piece = { text, x0: r.x, x1: r.x + r.w };
        seg.pieces.push(piece);
      } else if (seg.pieces) {
        piece = piece ?? seg.pieces[seg.pieces.length - 1];
        piece.text += (blankPending || gap >= BLANK_GAP_EM * size ? ' ' : '') + text;
        piece.x1 = Math.max(piece.x1, r.x + r.w);
      }
    }
    blankPending = false;
    prev = r;
    prevEnd = Math.max(prevEnd, r.x + r.w);
  }
  for (const s of segs) {
    s.text = tidy(s.text);
    if (s.pieces) for (const p of s.pieces) p.text = tidy(p.text);
  }
  const kept = joinLabels(segs.filter((s) => s.text !== ''), size);
  if (!kept.length) return null;
  return { page, y, x0: kept[0].x0, x1: kept[kept.length - 1].x1, size, segs: kept };
}

/**
 * A caption or heading label set off from its title by one ideographic space (`表1-1　…一览表`,
 * `图2　…`, `第一章　总则`, `附件2　…`, `专栏3　…`) is one segment: that space is 1 em wide, as wide as
 * the narrowest cell gap, but it is text, and as two cells the caption would be read as a row of the table
 * under it. Wider gaps stay cells (a 条文对照表 with `第三条` in a column of its own is not a label).
 */
function joinLabels(segs: Segment[], size: number): Segment[] {
  if (segs.length < 2) return segs;
  const [a, b] = segs; // a label opens its line
  if (!LABEL.test(a.text) || b.x0 - a.x1 >= LABEL_GAP_EM * size) return segs;
  return [{ text: `${a.text} ${b.text}`, x0: a.x0, x1: b.x1 }, ...segs.slice(2)];
}

/** Letter-spaced titles (`达 州 市`) are single characters with wide gaps: not table cells. */
function isSingle(s: string): boolean {
  const t = s.trim();
  return t.length === 1 || (t.length === 2 && CJK.test(t[1]) === false && CJK.test(t[0]));
}

/** Small raised (lowered) digits are superscripts (subscripts): footnote anchors, m², PM₂.₅. */
function scripted(r: Run, lineY: number, lineSize: number): string {
  if (r.size > SCRIPT_SIZE * lineSize) return r.str;
  const t = r.str.trim();
  if (!/^\d{1,3}$/.test(t)) return r.str;
  if (r.y - lineY > 0.15 * lineSize) return t.replace(/\d/g, (d) => SUPERS[Number(d)]);
  if (lineY - r.y > 0.08 * lineSize) return t.replace(/\d/g, (d) => SUBS[Number(d)]);
  return r.str;
}

/**
 * Blanks that are layout, not text: runs of blanks fold to one, edge blanks go, and a blank with a CJK
 * character on one side and a CJK character, Latin letter or digit on the other is dropped. pdf.js turns
 * every visible gap into a blank, and in Chinese typesetting those gaps are justification, letter spacing
 * (`达 州 市`) or the automatic spacing Word and LibreOffice put between CJK and Latin text (`2022 年`,
 * `专栏 1`), not characters of the document. Blanks between Latin words stay.
 */
export function tidy(s: string): string {
  let out = '';
  const t = s.replace(/[ \u00a0\u3000]+/g, ' ').trim();
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === ' ') {
      const a = t[i - 1] ?? '';
      const b = t[i + 1] ?? '';
      if ((CJK.test(a) && (CJK.test(b) || LATIN.test(b))) || (LATIN.test(a) && CJK.test(b))) continue;
    }
    out += c;
  }
  return out;
}

/**
 * What goes between a wrapped line and the line continuing it: a blank between Latin words (`Carbon` /
 * `Peaking`), nothing between CJK text, and nothing inside a number glued to CJK text: LibreOffice breaks
 * `全县于2027年` as `…于20` / `27年…`, and `20 27` would be a different text. English (`in 2024` / `15
 * cities`, a blank before the number) keeps its blank. A Latin word set inside CJK text without blanks and
 * cut by the wrap (`…增加值占G` / `DP比重`, `（P` / `M2.5）`: narrow table cells break anywhere) is one word:
 * CJK text right before its first piece and right after its last.
 */
export function wrapGlue(before: string, after: string): string {
  if (!/[A-Za-z0-9,;:)]$/.test(before) || !/^[A-Za-z0-9(]/.test(after)) return '';
  const number = /(^|[^A-Za-z0-9.,\s])[0-9][0-9.]*$/.exec(before);
  if (number && /^[0-9]/.test(after)) return '';
  return CJK_BEFORE_WORD.test(before) && CJK_AFTER_WORD.test(after) ? '' : ' ';
}

const CJK_TEXT = '[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]';
/** `…占G`: a Latin piece glued to CJK text on its left */
const CJK_BEFORE_WORD = new RegExp(`${CJK_TEXT}[A-Za-z][A-Za-z0-9]*$`);
/** `DP比重`, `M2.5）`: a Latin piece glued to CJK text on its right */
const CJK_AFTER_WORD = new RegExp(`^[A-Za-z0-9][A-Za-z0-9.]*${CJK_TEXT}`);

export function lineText(l: VisualLine): string {
  return l.segs.map((s) => s.text).join('\t');
}

/** Put ruled tables among a page's lines, by their top edge (lines are in reading order, top first). */
export function withGrids(lines: VisualLine[], grids: Grid[], page: number): VisualLine[] {
  if (!grids.length) return lines;
  const blocks: VisualLine[] = grids.map((g) => ({ page, y: g.top, x0: g.x0, x1: g.x1, size: 0, segs: [], grid: g }));
  return [...lines, ...blocks].sort((a, b) => b.y - a.y);
}
