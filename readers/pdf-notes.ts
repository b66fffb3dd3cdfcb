/**
 * Footnotes at the foot of PDF pages (lines pdf-layout.ts marked 'foot': smaller type closing a page,
 * starting with a note number). Office programs set the number flush against the note text (`3碳达峰指…`)
 * and wrap a long note onto lines starting at the margin. Here each note becomes one line `3 碳达峰指…`
 * (marker, one blank, text: the footnote stage's shape), its wrapped lines appended and dropped.
 * A line starts a new note only if its number follows the previous note's (notes are numbered in sequence
 * through a document, with a little slack for a skipped one), so a wrapped line starting with a number
 * (`2025年…`) stays part of its note. A document numbers its notes in one style: after circled notes
 * (`①`) a line starting with digits (`27年底前…`, a number wrapped as `20` / `27`) is a wrapped line, and
 * the other way round. Linear in the lines.
 */
import { wrapGlue, type VisualLine } from './pdf-lines.js';

type Role = 'body' | 'foot' | 'drop';

const SUPERS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const MARKER = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\d{1,3}|[①-⑳]|\[\d{1,3}\])\s*(\S[\s\S]*)$/;
const NOTE_SLACK = 3;

/** Circled numbers and Arabic ones (plain, superscript, bracketed) are the two numbering styles. */
const circled = (marker: string) => /^[①-⑳]$/.test(marker);

function numberOf(marker: string): number {
  if (/^[①-⑳]$/.test(marker)) return marker.charCodeAt(0) - 0x2460 + 1;
  return Number(marker.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(SUPERS.indexOf(c))).replace(/\D/g, ''));
}

/**
 * The note number starting `t`: the reading that follows the previous note `last` (`1014条产业链` after
 * note 9 is note 10 on `14条…`), else the longest number.
 */
function marker(t: string, last: number): { marker: string; n: number; rest: string } | null {
  const m = MARKER.exec(t);
  if (!m) return null;
  const digits = m[1];
  if (/^[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(digits)) {
    for (let len = 1; len <= digits.length; len++) {
      const n = numberOf(digits.slice(0, len));
      if (n > last && n <= last + NOTE_SLACK) return { marker: digits.slice(0, len), n, rest: (digits.slice(len) + t.slice(m[0].length - m[2].length)).trim() };
    }
  }
  const n = numberOf(digits);
  // Out of sequence: the document's first note seen (earlier ones unreadable), or a per-page count back at 1.
  return (n > last && n <= last + NOTE_SLACK) || n === 1 || last === 0 ? { marker: digits, n, rest: m[2] } : null;
}

export function joinFootnotes(pages: VisualLine[][], roles: Role[][], texts: string[][]): void {
  let last = 0; // number of the last note seen in the document
  let style: boolean | null = null; // its notes are circled (true) or Arabic (false); null before the first
  for (let p = 0; p < pages.length; p++) {
    let open = -1; // the note line being built on this page
    for (let i = 0; i < pages[p].length; i++) {
      if (roles[p][i] !== 'foot') continue;
      const t = texts[p][i].trim();
      const m = marker(t, last);
      if (m && (style === null || circled(m.marker) === style) && (m.n > last || (m.n === 1 && open < 0) || last === 0)) {
        // in sequence, or a document numbering its notes per page (back to 1)
        last = m.n;
        style = circled(m.marker);
        open = i;
        texts[p][i] = `${m.marker} ${m.rest}`;
      } else if (open >= 0) {
        const head = texts[p][open];
        texts[p][open] = head + wrapGlue(head, t) + t;
        roles[p][i] = 'drop';
      }
    }
  }
}
