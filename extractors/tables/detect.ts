/**
 * Table regions in plain text, found before paragraphs and headings are built so the tree never sees a
 * table cell. PDF export gives one row per line with tab-separated cells; Word export gives one cell per
 * tab-led line, with multi-paragraph cells and vertical text spilling onto lines of their own (see rows.ts).
 * A region is a run of such lines (blank lines, short untabbed lines between them belong to it), with an
 * optional caption line before it (`表 2 …`, `…指标体系表`) and note lines after it (`注：`, `*…`, `[]内…`).
 * A caption line always starts a new region: consecutive tables of an appendix are separate tables.
 * Tables flattened to one cell per line (scraped pages) are found by their shape (flat.ts).
 * Readers that saw real tables (HTML, Markdown, Word) hand them over as SourceTables; those lines are
 * already LineRole.Table and become regions here too, carrying their cells.
 * Rebuilding rows, merging page-split parts and reading cells happen later (rebuild.ts, index.ts).
 */
import { LineRole, type PlanDocument } from '../../model/document.js';
import type { SourceCell } from '../../model/source.js';
import { UNIT_NOTE_LINE } from '../../model/vocab/units.js';
import { ITEM_START, STRUCTURAL_START } from '../segment/markers.js';
import { findFlatTables } from './flat.js';
import { findGapTables } from './gap-rows.js';
import { parseTextRows } from './rows.js';
import type { FlatLayout, TableRegion } from './table-types.js';
import { Slot } from '../../model/stage-data.js';

/** The table regions found in the text (this stage), as the metadata stage leaves them (sidecar.ts). */
export const TABLE_REGIONS = new Slot<TableRegion[]>('table regions');

export type { TableRegion };


/** `表一`, `附表二：` — a table numbered in Chinese numerals; the numeral must end there (`表十分…` is prose) */
const HAN_TABLE_NUMBER = '[一二三四五六七八九十]{1,3}(?=[\\s:：、.．“"《（(]|$)';
// `表 2 …`, `续表1`, `附表3 …`, `表一 …`, or a title line ending in 表/一览表/清单/指标体系.
export const CAPTION = new RegExp(`^(?:(?:续|附)?表\\s*(?:\\d{1,3}(?:[-.－]\\d{1,3})?(?=[\\s:：、.]|[^\\d]|$)|${HAN_TABLE_NUMBER}))|^.{2,40}(?:表|一览表|清单|指标体系)(?:[(（][^()（）]{1,12}[)）])?$`);
/** `单位：万元`, `（金额单位：亿元）` on a line of its own: the unit of a table's values (short, no sentence). */
const isUnitLine = (t: string) => t.length <= 24 && UNIT_NOTE_LINE.test(t) && !/[。；]/.test(t);
const CAPTION_START = new RegExp(`^(?:续|附)?表\\s*(?:\\d|${HAN_TABLE_NUMBER})`);
const NUMBERED_NOTE = /^\(?(\d{1,2})[.、)]/;
const NOTE = /^(?:\*?注\s*\d?\s*[:：]|\*|※|\[\]内|［］内|\[\s*\]|备注[:：]|资料来源|数据来源)/;
/** the labelled lines of a document's foot (`抄送：…`, `印发：…`): after a table's note, never a second note */
const DOCUMENT_FOOT = /^(?:抄送|抄报|主送|印发|发送|分送|附件|联系人|联系电话)\s*[:：]/;
const MAX_GAP_LINE = 16; // an untabbed line this short between rows is a spilled cell, not prose
const MAX_WORD_PIECE = 40; // a further paragraph of a Word cell (`目标责任体系与制度建设`)

function tabInfo(raw: string): { tabs: number; led: boolean } {
  let tabs = 0;
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 9) tabs++;
  return { tabs, led: raw.charCodeAt(0) === 9 };
}

/** A line that can start a table: cells split by two tabs or more, or a Word cell led by a tab. */
function isRowLine(raw: string): boolean {
  const { tabs, led } = tabInfo(raw);
  return led || tabs >= 2;
}

/** Inside a table any tabbed line is a row (a two-column row, or a row whose last cells were lost). */
function continuesRows(raw: string): boolean {
  return tabInfo(raw).tabs >= 1;
}

/** A line that may sit inside a region: a row line (even an empty Word cell, role Blank) or a gap line. */
function usable(doc: PlanDocument, k: number): boolean {
  const r = doc.roles[k];
  return r === LineRole.Body || (r === LineRole.Blank && isRowLine(doc.lines[k].raw));
}

export function detectTables(doc: PlanDocument): TableRegion[] {
  const { lines, roles } = doc;
  const regions: TableRegion[] = [];
  for (const t of doc.source.tables) {
    regions.push({ startLine: t.startLine, endLine: t.endLine, captionLine: null, noteLines: [], cells: t.cells });
  }
  let i = 0;
  while (i < lines.length) {
    if (roles[i] !== LineRole.Body || !isRowLine(lines[i].raw)) {
      i++;
      continue;
    }
    const wordish = tabInfo(lines[i].raw).tabs === 1;
    let end = i;
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (!usable(doc, j)) {
        if (roles[j] === LineRole.Blank) continue;
        break;
      }
      if (continuesRows(lines[j].raw)) {
        end = j;
        continue;
      }
      const t = lines[j].match.trim();
      if (t === '') continue;
      if (NOTE.test(t) || CAPTION_START.test(t)) break;
      // A short untabbed line is part of the table only if another row follows soon.
      const limit = wordish && !/[。；]$/.test(t) ? MAX_WORD_PIECE : MAX_GAP_LINE;
      if (t.length <= limit && nextRowWithin(doc, j + 1, 6, limit)) continue;
      break;
    }
    const region: TableRegion = { startLine: i, endLine: end, captionLine: null, noteLines: [] };
    if (validRegion(doc, region)) regions.push(region);
    i = end + 1;
  }
  // Tables flattened to one cell per line, among the lines no tabbed table took.
  for (const reg of regions) for (let k = reg.startLine; k <= reg.endLine; k++) if (roles[k] === LineRole.Body) roles[k] = LineRole.Table;
  // Columns set apart by blank runs instead of tabs (pdftotext -layout, hand-aligned text), then tables
  // flattened to one cell per line, each among the lines no table before took.
  for (const reg of findGapTables(doc)) {
    if (!validRegion(doc, reg)) continue;
    regions.push(reg);
    for (let k = reg.startLine; k <= reg.endLine; k++) if (roles[k] === LineRole.Body) roles[k] = LineRole.Table;
  }
  regions.push(...findFlatTables(doc));
  regions.sort((a, b) => a.startLine - b.startLine);
  for (const reg of regions) {
    for (let k = reg.startLine; k <= reg.endLine; k++) if (roles[k] !== LineRole.Blank) roles[k] = LineRole.Table;
    // caption: the nearest non-blank line above, if it looks like one
    let c = reg.startLine - 1;
    while (c >= 0 && roles[c] === LineRole.Blank) c--;
    // a `单位：亿元` line just above the table is its note; the caption is above it
    if (c >= 0 && roles[c] === LineRole.Body && isUnitLine(lines[c].match.trim())) {
      reg.unitLines = [c];
      roles[c] = LineRole.TableNote;
      c--;
      while (c >= 0 && roles[c] === LineRole.Blank) c--;
    }
    if (c >= 0 && roles[c] === LineRole.Body && (CAPTION.test(lines[c].match.trim()) || annexTitle(doc, c)) && !/[。；]$/.test(lines[c].clean)) {
      reg.captionLine = c;
      roles[c] = LineRole.Caption;
    }
    // notes: consecutive note-like lines below (blank lines allowed between); `注：1.…` numbers its notes,
    // and the lines `2.…` `3.…` that follow in sequence are notes too, not items of the tree.
    let noteNo = 0;
    for (let n = reg.endLine + 1; n < lines.length; n++) {
      if (roles[n] === LineRole.Blank) continue;
      if (roles[n] !== LineRole.Body) break;
      const m = lines[n].match.trim();
      const numbered = NUMBERED_NOTE.exec(m);
      const inSequence = noteNo > 0 && numbered !== null && Number(numbered[1]) === noteNo + 1;
      const follows = reg.noteLines.length > 0 && m.length < 80 && !STRUCTURAL_START.test(m) && !ITEM_START.test(m) && !DOCUMENT_FOOT.test(m) && /[:：]|内为|数据/.test(m);
      if (NOTE.test(m) || follows || inSequence) {
        const first = /^\*?注\s*[:：]\s*(\d{1,2})\s*[.、]/.exec(m);
        if (first) noteNo = Number(first[1]);
        else if (inSequence) noteNo++;
        reg.noteLines.push(n);
        roles[n] = LineRole.TableNote;
      } else break;
    }
  }
  doc.data.put(TABLE_REGIONS, regions);
  return regions;
}

/** `附件2` alone on its line (`附件2：` too): an annex's number, its title on the next line. */
const ANNEX_NUMBER_LINE = /^(?:附件|附表)\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]?$/;

/**
 * Line c is the title of an annex right above its table: a short line, no sentence and no heading, under a
 * bare `附件2` line (`附件2` / `重点项目推进工作台账` / the table). Whatever its last word (台账, 分工, 任务),
 * the title an annex gives its table is the table's caption.
 */
function annexTitle(doc: PlanDocument, c: number): boolean {
  const t = doc.lines[c].match.trim();
  if (t.length < 4 || t.length > 60 || /[。；;，,]/.test(t) || STRUCTURAL_START.test(t)) return false;
  let a = c - 1;
  while (a >= 0 && doc.roles[a] === LineRole.Blank) a--;
  return a >= 0 && doc.roles[a] === LineRole.Body && ANNEX_NUMBER_LINE.test(doc.lines[a].match.trim());
}

/** A table has at least two rows, and most rows have two cells or more (a tab-indented paragraph is no table). */
function validRegion(doc: PlanDocument, region: TableRegion): boolean {
  const { rows } = parseTextRows(doc, region);
  if (rows.length < 2) return false;
  const wide = rows.filter((r) => r.cells.filter((c) => c.text !== '').length >= 2).length;
  return wide * 2 >= rows.length;
}

function nextRowWithin(doc: PlanDocument, from: number, limit: number, maxLen: number): boolean {
  let seen = 0;
  for (let k = from; k < doc.lines.length && seen < limit; k++) {
    if (isRowLine(doc.lines[k].raw)) return doc.roles[k] === LineRole.Body || doc.roles[k] === LineRole.Blank;
    if (doc.roles[k] === LineRole.Blank) continue;
    const t = doc.lines[k].match.trim();
    if (t.length > maxLen || CAPTION_START.test(t) || NOTE.test(t)) return false;
    seen++;
  }
  return false;
}
