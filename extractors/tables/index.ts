/**
 * The `tables` stage: every region found by detect.ts becomes a table record. Text regions are rebuilt
 * from their rows (rebuild.ts); a region that continues the table above (its header repeated, or no header
 * and the same width, with nothing but page debris between) is the same table split over pages and is
 * merged into it. Reader tables keep their cells (structured.ts). Each table gets its caption and number
 * (`表 2` as written), its notes, the section its caption sits in and its kind; what later stages need
 * (filled rows with their positions) is put in the BUILT_TABLES slot (model/stage-data.ts).
 */
import { LineRole, type PlanDocument } from '../../model/document.js';
import type { TableRecord } from '../../schemas/records.js';
import { STRUCTURAL_START } from '../segment/markers.js';
import { classifyTable, type TableKind } from './classify.js';
import type { ColumnKind } from './header-words.js';
import type { TableRegion } from './detect.js';
import type { SourceCell } from '../../model/source.js';
import { fillDittos } from './fill.js';
import { isHeaderRow } from './header-row.js';
import { rebuildText, type BuiltTable } from './rebuild.js';
import { parseTextRows, type RawRow, type TextStyle } from './rows.js';
import { rebuildSource } from './structured.js';
import { squash } from './text.js';
import { Slot } from '../../model/stage-data.js';
import { TABLE_REGIONS } from './detect.js';

/** The tables built by this stage with their filled rows and positions: read by indicators, projects, table tasks. */
export const BUILT_TABLES = new Slot<DocTable[]>('built tables');

export const STAGE = 'tables';

/** A built table with its record, for the indicator, project and task stages. */
export interface DocTable {
  record: TableRecord;
  built: BuiltTable;
  kind: TableKind;
}

// `表 2`, `续表1`, `附表3`, `表一`; `附件2：…`, `附件：…`, `附表 …` (the annex the table is)
const CAPTION_NUMBER = /^((?:续|附)?表\s*(?:\d{1,3}(?:[-.－]\d{1,3})?|[一二三四五六七八九十]{1,3}(?=[\s:：、.．“"《（(]|$))|(?:附件|附表)\s*[0-9０-９一二三四五六七八九十]{0,3}(?=\s*[:：]|\s))\s*[:：、.．]?\s*/;
const BOX_TITLE = /^(专栏\s*[0-9０-９一二三四五六七八九十]{1,3})\s*[:：、.．]?\s*([^。；]{2,60})$/;
/** `附件3 责任分工`, `附件2：重点项目清单` (a list of annexes, `附件：1.…`, is no title) */
const ANNEX_TITLE = /^((?:附件|附表)\s*[0-9０-９一二三四五六七八九十]{0,3})\s*[:：、.．]?\s*(?![0-9０-９一二三四五六七八九十])([^。；]{2,60})$/;
/** `附件1` alone on the line above a caption: the table's number. */
const ANNEX_LINE = /^(?:附件|附表)\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]?$/;
const MAX_DEBRIS_LINES = 3;
const CAPTION_UNIT = /\s*[（(]?\s*(?:计量|金额)?单位\s*[:：]\s*[^()（）\s]{1,12}[)）]?$/;

interface Group {
  regions: TableRegion[];
  style: TextStyle | null;
  rows: RawRow[];
  kinds: ColumnKind[] | null;
  stray: number[];
}

export function buildTables(doc: PlanDocument): TableRecord[] {
  const regions = doc.data.get(TABLE_REGIONS);
  const groups: Group[] = [];
  for (const reg of regions) {
    if (reg.cells) {
      const last = groups[groups.length - 1];
      if (last && last.style === null && continuesSource(doc, last, reg)) last.regions.push(reg);
      else groups.push({ regions: [reg], style: null, rows: [], stray: [], kinds: null });
      continue;
    }
    const parsed = parseTextRows(doc, reg);
    const last = groups[groups.length - 1];
    if (last && last.style === parsed.style && continues(doc, last, reg, parsed.rows)) {
      last.regions.push(reg);
      last.rows.push(...parsed.rows);
      last.stray.push(...parsed.stray);
      continue;
    }
    groups.push({ regions: [reg], style: parsed.style, rows: parsed.rows, stray: parsed.stray, kinds: reg.flat?.kinds ?? null });
  }
  const out: DocTable[] = [];
  const sectionBefore = sectionFinder(doc);
  groups.forEach((g, n) => {
    const first = g.regions[0];
    const lastReg = g.regions[g.regions.length - 1];
    const source = g.style ? null : rebuildSource(doc, g.regions.map((r) => ({ startLine: r.startLine, endLine: r.endLine, cells: r.cells! })));
    const built = source ?? rebuildText(g.rows, g.style!, g.kinds);
    fillDittos(built.rows);
    const above = captionOf(doc, first);
    // a title row inside a reader table (`附件1` / `…分工表`) gives what a caption line above did not
    // (a bare `附件` line above yields to the table's own title row: `附件1 …分工表` inside it)
    const number = (above.bare ? null : above.number) ?? source?.number ?? above.number ?? null;
    const titled = unitAfter(above.caption ?? source?.caption ?? null);
    const caption = titled.caption;
    const kind = classifyTable(built.columns, built.rows.map((r) => r.values), caption);
    const start = doc.lines[first.startLine].start;
    const end = doc.lines[lastReg.endLine].end;
    const at = doc.spanOf(start, end);
    const record: TableRecord = {
      id: doc.makeId('tbl', String(n + 1)),
      doc_id: doc.docId,
      section_id: sectionBefore(first.captionLine ?? first.startLine),
      caption,
      number,
      kind,
      columns: built.columns,
      rows: built.rows.map((r) => r.values),
      cells: built.cells,
      notes: [
        ...(titled.unit ? [titled.unit] : []),
        ...(first.unitLines ?? []).map((l) => doc.lines[l].clean.trim()),
        ...(source?.notes ?? []),
        ...g.regions.flatMap((r) => r.noteLines.map((l) => doc.lines[l].clean.trim())),
      ].filter(Boolean),
      total_row: built.total ? built.total.values : null,
      span: at.span,
      line: at.line,
      ...(at.page !== undefined ? { page: at.page } : {}),
    };
    doc.records.tables.push(record);
    for (const l of g.stray) {
      doc.diag(STAGE, 'info', 'table-stray-line', `${record.number ?? 'table'}: a line without cell breaks inside the table was joined to the row above`, doc.spanOf(doc.lines[l].start, doc.lines[l].end));
    }
    for (const is of built.issues) doc.diag(STAGE, is.severity, is.code, `${record.number ?? 'table'}: ${is.message}`, doc.spanOf(is.start, is.end));
    if (!built.rows.length) doc.diag(STAGE, 'warning', 'table-empty', `${record.number ?? 'table'} has no data rows`, at);
    out.push({ record, built, kind });
  });
  doc.data.put(BUILT_TABLES, out);
  return doc.records.tables;
}

/** `表 2 江门市…指标体系` → number `表 2`, caption `江门市…指标体系`; a caption without number keeps all. */
function captionOf(doc: PlanDocument, reg: TableRegion): { number: string | null; caption: string | null; bare?: boolean } {
  if (reg.captionLine === null) return boxTitleAbove(doc, reg.startLine);
  const text = doc.lines[reg.captionLine].clean.trim();
  const m = CAPTION_NUMBER.exec(doc.lines[reg.captionLine].match.trim());
  if (!m) return { number: annexAbove(doc, reg.captionLine), caption: text || null };
  const number = text.slice(0, m[1].length);
  const rest = text.slice(m[0].length).trim();
  return { number, caption: rest || null };
}

/**
 * A table right under its 专栏 heading (`专栏1  “十四五”教育发展主要指标`) is what the box shows: the box's
 * marker and title are its number and caption; so are an annex's (`附件3 责任分工`) for a table right under
 * its heading. The line stays the heading of its section.
 */
function boxTitleAbove(doc: PlanDocument, startLine: number): { number: string | null; caption: string | null; bare?: boolean } {
  let l = startLine - 1;
  while (l >= 0 && doc.roles[l] === LineRole.Blank) l--;
  const text = l >= 0 ? doc.lines[l].clean.trim() : '';
  const m = BOX_TITLE.exec(text) ?? ANNEX_TITLE.exec(text);
  if (m) return { number: m[1].trim(), caption: m[2].trim() || null };
  // `附件2：` alone: the number; the caption may be the table's title row
  return ANNEX_LINE.test(text) ? { number: text.replace(/\s*[:：]$/, ''), caption: null, bare: true } : { number: null, caption: null };
}

/** The `附件1` line just above a caption line (blank lines between), or null. */
function annexAbove(doc: PlanDocument, captionLine: number): string | null {
  let l = captionLine - 1;
  while (l >= 0 && doc.roles[l] === LineRole.Blank) l--;
  const t = l >= 0 ? doc.lines[l].clean.trim() : '';
  return ANNEX_LINE.test(t) ? t.replace(/\s*[:：]$/, '') : null;
}

/** `重点项目表（单位：亿元）`: the unit said after the caption is a note of the table, no part of its caption. */
function unitAfter(caption: string | null): { caption: string | null; unit: string | null } {
  const m = caption ? CAPTION_UNIT.exec(caption) : null;
  if (!caption || !m || m.index === 0) return { caption, unit: null };
  return { caption: caption.slice(0, m.index).trim(), unit: m[0].trim().replace(/^[（(]|[)）]$/g, '') };
}

/**
 * The section of the nearest paragraph before a line (the caption's section: captions are paragraphs
 * too). Tables come in document order, so one pointer walks the paragraphs once for all of them.
 */
function sectionFinder(doc: PlanDocument): (line: number) => string | null {
  let pi = 0;
  let best: string | null = null;
  return (line) => {
    while (pi < doc.paragraphs.length && doc.paragraphs[pi].lines[0] <= line) {
      const p = doc.paragraphs[pi++];
      if (p.sectionId !== undefined) best = p.sectionId;
    }
    return best;
  };
}

/**
 * Only blank lines, footnotes, page furniture or a few lines of debris between the table above and region
 * `reg`, no heading; `reg` has no caption of its own (unless `续表`) and the table above no notes (they
 * close it): the two may be one table split over pages.
 */
function adjacent(doc: PlanDocument, g: Group, reg: TableRegion): boolean {
  const prev = g.regions[g.regions.length - 1];
  if (reg.captionLine !== null && !/^续表/.test(doc.lines[reg.captionLine].match.trim())) return false;
  if (prev.noteLines.length) return false;
  let debris = 0;
  for (let l = prev.endLine + 1; l < reg.startLine; l++) {
    const r = doc.roles[l];
    if (r === LineRole.Blank || r === LineRole.Footnote) continue;
    if (r === LineRole.Caption && l === reg.captionLine) continue;
    if (r !== LineRole.Body || STRUCTURAL_START.test(doc.lines[l].match.trim())) return false;
    if (++debris > MAX_DEBRIS_LINES) return false;
  }
  return true;
}

/** A text region continues the table above when it repeats its header, or has none and rows as wide. */
function continues(doc: PlanDocument, g: Group, reg: TableRegion, rows: RawRow[]): boolean {
  if (!adjacent(doc, g, reg) || !rows.length || !g.rows.length) return false;
  const head = g.rows[0].cells.map((c) => c.text);
  const mine = rows[0].cells.map((c) => c.text);
  if (isHeaderRow(mine)) {
    const a = head.filter(Boolean).map(squash).join('|');
    return a === mine.filter(Boolean).map(squash).join('|');
  }
  const width = g.rows[g.rows.length - 1].cells.length;
  return Math.abs(rows[0].cells.length - width) <= 1;
}

/** A reader table continues the one above when it is as wide and starts with the same header or none. */
function continuesSource(doc: PlanDocument, g: Group, reg: TableRegion): boolean {
  if (!adjacent(doc, g, reg)) return false;
  const prev = g.regions[0].cells!;
  const width = (cells: SourceCell[]) => Math.max(0, ...cells.map((c) => c.col + c.colspan));
  if (width(prev) !== width(reg.cells!)) return false;
  const rowTexts = (cells: SourceCell[], r: number) => cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => squash(c.text));
  const mine = rowTexts(reg.cells!, 0);
  if (!isHeaderRow(mine) && !reg.cells!.some((c) => c.row === 0 && c.header)) return true;
  return rowTexts(prev, 0).join('|') === mine.join('|');
}
