/**
 * What one element of a Word paragraph, run or table cell says, read on its own: the text a run element
 * stands for, the run, paragraph and cell properties the reader keeps, and digits in a raised or lowered
 * run. The body walk (docx-body.ts) decides where each element applies; these say what it means.
 */
import { attr } from './xml-scan.js';
import type { DocxCell, DocxParagraph } from './docx-blocks.js';

/** A run being read: its formatting that changes what it shows, and its text so far. */
export interface RunState {
  vert: 'super' | 'sub' | null;
  hidden: boolean;
  parts: string[];
}

const SUPERS: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻' };
const SUBS: Record<string, string> = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋' };

/**
 * The text an element inside a run stands for, or null for none: a tab (a `w:tab` inside run
 * properties is no text), a positional tab as a blank, a line break (page and column breaks are no
 * text), a non-breaking hyphen, a symbol (private-use codes are Symbol/Wingdings glyphs with no Unicode
 * meaning: dropped).
 */
export function runElementText(name: string, attrs: string, inRunProperties: boolean): string | null {
  switch (name) {
    case 'w:tab':
      return inRunProperties ? null : '\t';
    case 'w:ptab':
      return ' ';
    case 'w:br':
    case 'w:cr': {
      const type = attr(attrs, 'w:type');
      return type !== 'page' && type !== 'column' ? '\n' : null;
    }
    case 'w:noBreakHyphen':
      return '-';
    case 'w:sym': {
      const code = parseInt(attr(attrs, 'w:char') ?? '', 16);
      return code > 0 && (code < 0xe000 || code > 0xf8ff) ? String.fromCodePoint(code) : null;
    }
    default:
      return null;
  }
}

/** A run's own formatting that changes what it shows: raised/lowered, or hidden. */
export function runProperty(run: RunState, name: string, attrs: string): void {
  if (name === 'w:vertAlign') {
    const v = attr(attrs, 'w:val');
    run.vert = v === 'superscript' ? 'super' : v === 'subscript' ? 'sub' : null;
  } else if (name === 'w:vanish' && !isOff(attrs)) run.hidden = true;
}

/** A paragraph property the reader uses: style (not a run's style inside it), numbering, outline level. */
export function paragraphProperty(p: DocxParagraph, name: string, attrs: string, inRunProperties: boolean): void {
  switch (name) {
    case 'w:pStyle':
      if (!inRunProperties) p.styleId = attr(attrs, 'w:val');
      return;
    case 'w:numId':
      p.numId = attr(attrs, 'w:val');
      return;
    case 'w:ilvl':
      p.ilvl = Number(attr(attrs, 'w:val') ?? 0) || 0;
      return;
    case 'w:outlineLvl':
      p.outlineLvl = Number(attr(attrs, 'w:val'));
      return;
  }
}

/** A cell's span over grid columns, and its part in a vertical merge. */
export function cellProperty(c: DocxCell, name: string, attrs: string): void {
  if (name === 'w:gridSpan') c.gridSpan = clampInt(attr(attrs, 'w:val'), 1, 64);
  else c.vMerge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
}

/** Digits and signs in a superscript/subscript run as Unicode super/subscripts (`m²`, `CO₂`); other text as is. */
export function scriptDigits(s: string, vert: 'super' | 'sub'): string {
  const table = vert === 'super' ? SUPERS : SUBS;
  if (!/^[0-9+\-.]{1,6}$/.test(s)) return s;
  let out = '';
  for (const ch of s) out += table[ch] ?? ch;
  return out;
}

/** An on/off property written off (`w:val="0"`, `false`, `off`); bare, it is on. */
export function isOff(attrs: string): boolean {
  const v = attr(attrs, 'w:val');
  return v === '0' || v === 'false' || v === 'off';
}

/** A count attribute as an integer in [lo, hi] (lo when missing or not a number): a hostile file cannot ask for a huge span. */
export function clampInt(v: string | null, lo: number, hi: number): number {
  const n = Number(v);
  if (!Number.isFinite(n)) return lo;
  return Math.min(hi, Math.max(lo, Math.trunc(n)));
}
