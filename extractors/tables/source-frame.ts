/**
 * The frame government sites and Word documents draw inside a table: a title row on top (one cell across
 * every column: `附件1`, `某市2024年重点任务分工表`, or both in one cell; a `单位：万元` row beside them is a
 * note) and a note row at the bottom (`注：…`, `备注：…` across every column). The title is the table's number and caption, the note one of
 * its notes; neither is a row. A row across every column in the middle of the table is a group row
 * (`一、提升政务服务效能`), not frame: it stays.
 * A title row is only taken when a header row follows it (the source marks it, or its labels are header
 * words): a table without header whose first row spans the table starts with a group row.
 */
import { UNIT_NOTE_LINE } from '../../model/vocab/units.js';
import type { SourceCell } from '../../model/source.js';
import { isHeaderRow } from './header-row.js';
import { squash, tidy } from './text.js';

const MAX_TITLE_ROWS = 3;
const MAX_NOTE_ROWS = 4;
const MAX_TITLE_CHARS = 80;
/** `附件1`, `附件 2：`, `附表3`, `表 4-1`, `续表1` at the start of a title; `附件` alone (a single annex) */
const TITLE_NUMBER = /^(?:(?:附件|附表|续表|表)\s*[0-9０-９一二三四五六七八九十]{1,3}(?:[-.－][0-9]{1,3})?|(?:附件|附表)(?=[\s:：]|$))/;
const UNIT_SPLIT = '\u0000';
const NOTE_LABEL = /^(?:注|备注|说明)$/;
const NOTE_START = /^(?:\*?注\s*\d?\s*[:：]|备注\s*[:：]|说明\s*[:：]|资料来源|数据来源|[*※])/;

export interface SourceFrame {
  /** the cells without title and note rows, rows renumbered from 0 */
  cells: SourceCell[];
  /** title rows dropped from the top, note rows from the bottom */
  titleRows: number;
  noteRows: number;
  /** `附件1` / `表2`, or null */
  number: string | null;
  caption: string | null;
  notes: string[];
}

/**
 * The one cell of row r when it spans every column and nothing else is in the row, else null. A table
 * converted without its spans (HTML to a Markdown pipe table) writes the same row as a first cell followed
 * by empty ones across the width: that is taken too.
 */
function acrossAll(byRow: SourceCell[][], r: number, width: number): SourceCell | null {
  const own = byRow[r] ?? [];
  if (own.length === 1) {
    const c = own[0];
    return c.col === 0 && c.colspan >= width && c.rowspan === 1 ? c : null;
  }
  const first = own.find((c) => c.col === 0);
  if (!first || first.rowspan !== 1 || own.some((c) => c !== first && (c.text.trim() !== '' || c.rowspan !== 1))) return null;
  return own.reduce((n, c) => n + c.colspan, 0) >= width ? first : null;
}

/**
 * The text of a title row: one cell across the table, or a title cell and a `单位：万元` cell beside it
 * that together span it (given as the two texts split by UNIT_SPLIT); else null.
 */
function titleRow(byRow: SourceCell[][], r: number, width: number): string | null {
  const c = acrossAll(byRow, r, width);
  if (c) return oneLine(c.text) || null;
  const own = [...(byRow[r] ?? [])].sort((a, b) => a.col - b.col);
  if (own.length !== 2 || own[0].col !== 0 || own[1].col + own[1].colspan < width || own.some((x) => x.rowspan !== 1)) return null;
  const [title, unit] = own.map((x) => oneLine(x.text));
  return title && UNIT_NOTE_LINE.test(unit) && !UNIT_NOTE_LINE.test(title) ? `${title}${UNIT_SPLIT}${unit}` : null;
}

/**
 * The text of a note row: one cell across the table opening with 注：/备注：, or a `注`/`备注` cell with one
 * cell beside it spanning the rest (`备注 | 排在第一位的…`, given as `备注：排在第一位的…`); else null.
 */
function noteRow(byRow: SourceCell[][], r: number, width: number): string | null {
  const c = acrossAll(byRow, r, width);
  if (c) return NOTE_START.test(squash(oneLine(c.text))) ? oneLine(c.text) : null;
  const own = [...(byRow[r] ?? [])].sort((a, b) => a.col - b.col);
  if (own.length !== 2 || own[0].col !== 0 || own[1].col + own[1].colspan < width || own.some((x) => x.rowspan !== 1)) return null;
  const label = squash(oneLine(own[0].text)).replace(/[:：]$/, '');
  const text = oneLine(own[1].text);
  return NOTE_LABEL.test(label) && text ? `${label}：${text}` : null;
}

/** A cell's lines as one phrase (a title cell's `附件1` / `…分工表` paragraphs). */
function oneLine(text: string): string {
  return text.split('\n').map(tidy).filter(Boolean).join(' ');
}

export function frameOf(cells: SourceCell[], width: number, withTitle: boolean, withNotes: boolean): SourceFrame {
  const H = cells.reduce((m, c) => Math.max(m, c.row + c.rowspan), 0);
  const byRow: SourceCell[][] = Array.from({ length: H }, () => []);
  for (const c of cells) byRow[c.row].push(c);
  const frame: SourceFrame = { cells, titleRows: 0, noteRows: 0, number: null, caption: null, notes: [] };
  if (width < 2) return frame;
  let t = 0;
  if (withTitle) {
    while (t < MAX_TITLE_ROWS && t < H - 2) {
      const text = titleRow(byRow, t, width);
      if (!text || text.length > MAX_TITLE_CHARS || /[。；;]$/.test(text) || NOTE_START.test(text)) break;
      t++;
    }
    // the row under the title must be a header: marked by the source, or labels
    while (t > 0) {
      const next = byRow[t] ?? [];
      const texts = next.sort((a, b) => a.col - b.col).map((c) => oneLine(c.text));
      if (next.length >= 2 && (next.every((c) => c.header) || isHeaderRow(texts))) break;
      t--;
    }
  }
  let n = 0;
  if (withNotes) {
    while (n < MAX_NOTE_ROWS && H - 1 - n > t + 1) {
      const r = H - 1 - n;
      const note = noteRow(byRow, r, width);
      if (note === null || cells.some((o) => o.row < r && o.row + o.rowspan > r)) break;
      n++;
    }
  }
  if (!t && !n) return frame;
  const top = Array.from({ length: t }, (_, r) => titleRow(byRow, r, width)!.split(UNIT_SPLIT)).flat();
  const title = top.filter((x) => !UNIT_NOTE_LINE.test(x)).join(' ');
  const m = TITLE_NUMBER.exec(title);
  frame.titleRows = t;
  frame.noteRows = n;
  frame.number = m ? m[0].trim() : null;
  const rest = (m ? title.slice(m[0].length) : title).replace(/^[\s:：、.．]+/, '').trim();
  frame.caption = rest || null;
  frame.notes = [...top.filter((x) => UNIT_NOTE_LINE.test(x)), ...Array.from({ length: n }, (_, k) => noteRow(byRow, H - n + k, width)!)];
  frame.cells = cells.filter((c) => c.row >= t && c.row < H - n).map((c) => ({ ...c, row: c.row - t }));
  return frame;
}
