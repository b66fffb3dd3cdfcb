/**
 * Tables flattened to one cell per paragraph (Markdown and HTML pages scraped from a site that dropped
 * the table markup, Word "paste as text"): the header labels one per line (`序号` `工作任务` `推进单位`),
 * then the cells of every row one per line, merged cells simply missing. Two ways in:
 * - a header: a run of three or more short header labels (header-words.ts) including a row-number label
 *   (序号), with row numbers 1, 2, 3… in sequence after it; the labels give the column count and kinds;
 * - no header: row numbers 1, 2, 3… in sequence whose rows repeat one shape (most rows the same number of
 *   cells, 3 to 16); the column kinds are read off the cells (ordinal, name, long text, unit, agency list…)
 *   and the columns named after them (序号 / 名称 / 说明 / 单位 / 责任单位 …), a diagnostic says so.
 * The rows are then read cell by cell (flat-rows.ts). A table's lines become LineRole.Table (detect.ts):
 * its cells are never also sections, tasks or targets.
 */
import { LineRole, type PlanDocument } from '../../model/document.js';
import { STRUCTURAL_START } from '../segment/markers.js';
import { isGroupRow, ordinalValue } from './cell-kinds.js';
import { cellLines, lengthHints, ordinalStarts, readFlatRows } from './flat-rows.js';
import { anchorStarts, anchoredLayout, freeStart } from './flat-anchors.js';
import { ORDINAL_HEADER } from '../../model/vocab/table-headers.js';
import { checklistRows, findChecklists } from './flat-checklist.js';
import { columnMajorAt, parseColumnRows } from './flat-columns.js';
import { findHeaderlessTables, isGroupCandidate, MAX_ROW_CELLS } from './flat-headerless.js';
import { withoutRepeatedHeaders } from './flat-repeats.js';
import { outlineEnd } from './flat-outline.js';
import { columnKind, type ColumnKind } from './header-words.js';
import { squash } from './text.js';
import { headerLabels, joinLabels, labelLike, labelPiece, lineLabels, MAX_LABELS, QUALIFIER } from './flat-labels.js';
import type { CellLine, FlatLayout, RawRow, TableRegion } from './table-types.js';

export type { FlatLayout };

const NAME_LABEL = /名称|指标|项目/;
const MIN_ROWS = 2;
const CAPTION_START = /^(?:(?:续|附)?表\s*\d|附件\s*\d*$)/;
// a title line (`2026年…指标体系(街镇级)`); a cell saying `请提供…点位清单` is none
const CAPTION_END = /(?:表|一览表|清单|指标体系)(?:[(（][^()（）]{1,12}[)）])?$/;
/** a table's note (`注：…`) ends its rows */
const NOTE_START = /^(?:\*?注\s*\d?\s*[:：]|备注\s*[:：]|资料来源|数据来源\s*[:：])/;
const NOT_CAPTION = /^(?:请|详见|见|参见|参照|按|依据)/;


/** A line that ends a flattened table's window: a chapter, an appendix or a caption of the next table. */
function stopper(doc: PlanDocument) {
  return (k: number) => {
    const m = doc.lines[k].match.trim();
    return STRUCTURAL_START.test(m) || CAPTION_START.test(m) || NOTE_START.test(m) || (m.length >= 10 && m.length <= 40 && CAPTION_END.test(m) && !NOT_CAPTION.test(m));
  };
}

/** The last line index of a run of label-like body lines from `i` (blank lines between allowed), or -1. */
function headerRun(doc: PlanDocument, i: number): number[] {
  const out: number[] = [];
  let ordinalSeen = false;
  for (let k = i; k < doc.lines.length && out.length < MAX_LABELS; k++) {
    if (doc.roles[k] === LineRole.Blank) continue;
    if (doc.roles[k] !== LineRole.Body) break;
    const t = doc.lines[k].clean;
    // (a label a narrow header cell broke before its last character or two: `序` `号`, `完成时` `限`)
    if (out.length && labelPiece(doc.lines[out[out.length - 1]].clean, t)) {
      out.push(k);
      continue;
    }
    if (!labelLike(t) && !brokenLabelAt(doc, k)) {
      // a label the header vocabulary does not know (`维度`, `年均增长`) between known ones, after 序号
      // and before the rows: still a label (rows start at a number, and a group row is marked)
      if (!ordinalSeen || !unknownLabel(t)) break;
      const next = nextBodyLine(doc, k);
      if (next < 0 || !labelLike(doc.lines[next].clean)) break;
    }
    if (ORDINAL_HEADER.test(squash(t))) ordinalSeen = true;
    out.push(k);
  }
  return out;
}

/** Does line k start a label broken over two lines (`序` `号`)? */
function brokenLabelAt(doc: PlanDocument, k: number): boolean {
  const next = nextBodyLine(doc, k);
  return next >= 0 && labelPiece(doc.lines[k].clean, doc.lines[next].clean);
}

/** A short phrase that can head a column: Han characters (and a bracketed unit), no sentence or list marks. */
function unknownLabel(t: string): boolean {
  const s = squash(t);
  return s.length >= 2 && s.length <= 10 && /^[\u4e00-\u9fff]+(?:[（(][^（）()]{1,6}[）)])?$/.test(s) && !isGroupRow(s) && ordinalValue(s) === null;
}

/** The next non-blank line after k, or -1. */
function nextBodyLine(doc: PlanDocument, k: number): number {
  for (let j = k + 1; j < doc.lines.length; j++) if (doc.roles[j] !== LineRole.Blank) return doc.roles[j] === LineRole.Body ? j : -1;
  return -1;
}

export interface FlatTable {
  region: TableRegion;
  rows: RawRow[];
}

/** Flattened tables with a header row, then without, among the body lines. */
export function findFlatTables(doc: PlanDocument): TableRegion[] {
  const out: TableRegion[] = [];
  const stop = stopper(doc);
  let i = 0;
  while (i < doc.lines.length) {
    const byColumn = doc.roles[i] === LineRole.Body ? columnMajorAt(doc, i, stop) : null;
    if (byColumn) {
      out.push(byColumn);
      i = byColumn.endLine + 1;
      continue;
    }
    const oneLine = doc.roles[i] === LineRole.Body ? lineLabels(doc, i) : null;
    if (!oneLine && (doc.roles[i] !== LineRole.Body || !(labelLike(doc.lines[i].clean) || brokenLabelAt(doc, i)) || QUALIFIER.test(doc.lines[i].clean.trim()))) {
      i++;
      continue;
    }
    let head = oneLine ? [i] : headerRun(doc, i);
    let labels = oneLine ?? joinLabels(doc, head);
    const o = labels.findIndex((l) => ORDINAL_HEADER.test(squash(l.text)));
    let kinds = labels.map((l) => columnKind(l.text));
    if (o < 0 && !oneLine) {
      // without 序号 nothing marks where the header ends: it ends at its last role, deadline or remark label
      // (a first task cell `推进老旧小区改造` reads like a label too)
      const last = kinds.findLastIndex((k) => k !== 'text' && k !== 'label');
      if (last >= 0 && last < labels.length - 1) {
        labels = labels.slice(0, last + 1);
        kinds = kinds.slice(0, last + 1);
        head = head.filter((k) => k <= labels[last].lines[labels[last].lines.length - 1]);
      }
    }
    const next = head[head.length - 1] + 1;
    // (without 序号, a task list whose rows start at their task cell: flat-anchors.ts)
    if (labels.length < 3 || (o < 0 && !anchoredLayout(kinds))) {
      i = next;
      continue;
    }
    const all = withoutRepeatedHeaders(cellLines(doc, next, doc.lines.length, stop, o < 0 ? Infinity : MAX_ROW_CELLS, kinds.length), head.map((k) => doc.lines[k].clean));
    const cells = all.slice(0, outlineEnd(all));
    const found = region(doc, cells, kinds, o, head[0], { headerLines: head.length, kinds, labels: labels.map((l) => l.text) });
    if (!found) {
      i = next;
      continue;
    }
    out.push(found);
    i = found.endLine + 1;
  }
  for (const r of out) for (let k = r.startLine; k <= r.endLine; k++) if (doc.roles[k] === LineRole.Body) doc.roles[k] = LineRole.Table;
  // (a checklist's items repeat a shape too: the more particular reading goes first)
  out.push(...findChecklists(doc, stop));
  out.push(...findHeaderlessTables(doc, stop, [...out]));
  return out;
}

/** Where rows start, and the column the starting cell is in: its row number, or (no 序号) its task cell. */
function rowStarts(cells: CellLine[], kinds: ColumnKind[]): { o: number; starts: number[]; free?: boolean } {
  const o = kinds.indexOf('ordinal');
  // (an indicator list whose category, left of the name, is written once: a row may start at its name)
  if (o < 0) return { o: 0, starts: anchorStarts(cells, kinds), free: freeStart(kinds) };
  const starts = ordinalStarts(cells);
  // a total row after the last row (`合计` in the 序号 column, its sums after it) is one more row
  const last = starts[starts.length - 1];
  if (last !== undefined) {
    for (let k = last + 2; k < cells.length && k <= last + 2 * kinds.length; k++) {
      if (!TOTAL_CELL.test(squash(cells[k].text))) continue;
      if (k + 1 < cells.length && /^[-+]?\d/.test(cells[k + 1].text)) starts.push(k);
      break;
    }
  }
  return { o, starts };
}

const TOTAL_CELL = /^(?:合计|总计)$/;

function region(doc: PlanDocument, cells: CellLine[], kinds: ColumnKind[], _o: number, startLine: number, flat: FlatLayout): TableRegion | null {
  const { o, starts, free } = rowStarts(cells, kinds);
  if (starts.length < MIN_ROWS) return null;
  // cells between the header and row 1 can only be row 1's leading cells or group rows
  if (starts[0] > o + 3) return null;
  let read = readFlatRows(cells, kinds, o, starts, free);
  const hint = lengthHints(read.rows, kinds, o);
  if (hint) read = readFlatRows(cells, kinds, o, starts, free, hint);
  // A name label may span two columns (name and sub-name, `环境空气质量` | `优良天数比例`): kept when
  // the cells fit the columns clearly better that way.
  const nameAt = o + 1;
  // (a table of values only: in a task or project list without figures the paragraphs after a name are its
  // content written over two, `完成3个小区雨污分流改造` `加装电梯8部`, no sub-name)
  const valued = kinds.some((k) => k === 'value' || k === 'unit' || k === 'attribute');
  if (valued && nameAt < kinds.length && kinds[nameAt] === 'label' && NAME_LABEL.test(squash(flat.labels[nameAt]))) {
    const wide = [...kinds.slice(0, nameAt + 1), 'subname' as const, ...kinds.slice(nameAt + 1)];
    const alt = readFlatRows(cells, wide, o, starts, free);
    // (and two rows at least name something in the sub-name column: one wrapped name is no second column)
    const subNamed = alt.rows.filter((r) => !r.group && !r.stray && r.cells.length > nameAt + 1 && r.cells[nameAt + 1].text !== '').length;
    if (subNamed >= 2 && alt.score > read.score + Math.max(2, starts.length / 10)) {
      read = alt;
      flat = { ...flat, kinds: wide, labels: [...flat.labels.slice(0, nameAt + 1), flat.labels[nameAt], ...flat.labels.slice(nameAt + 1)] };
    }
  }
  return { startLine, endLine: cells[read.lastCell].last, captionLine: null, noteLines: [], flat };
}

/** The rows of a flattened region: the header row (as written, or the inferred labels), then the data rows. */
export function parseFlatRows(doc: PlanDocument, reg: TableRegion): RawRow[] {
  const flat = reg.flat!;
  const pos = doc.lines[reg.startLine].start;
  let header: RawRow;
  let from = reg.startLine;
  const lines: number[] = [];
  if (flat.headerLines) {
    for (let k = reg.startLine; k <= reg.endLine && lines.length < flat.headerLines; k++) if (doc.roles[k] !== LineRole.Blank) lines.push(k);
    const labels = headerLabels(doc, lines);
    // (a name label spanning name and sub-name is written once: its cell stands for both columns)
    const spread = flat.kinds.flatMap((k, c) => (k === 'subname' ? [] : [c]));
    header = {
      cells: flat.kinds.map((k, c) => {
        const l = labels[k === 'subname' ? spread.indexOf(c - 1) : spread.indexOf(c)];
        const a = doc.lines[l.lines[0]];
        const b = doc.lines[l.lines[l.lines.length - 1]];
        if (l.at) return { text: l.text, start: a.map[l.at[0]], end: a.map[l.at[1] - 1] + 1 };
        return { text: l.text, start: a.map[0] ?? a.start, end: b.clean.length ? b.map[b.clean.length - 1] + 1 : b.start };
      }),
      firstLine: lines[0],
      lastLine: lines[lines.length - 1],
    };
    from = lines[lines.length - 1] + 1;
  } else {
    header = { cells: flat.labels.map((t) => ({ text: t, start: pos, end: pos })), firstLine: reg.startLine, lastLine: reg.startLine, inferred: flat.above ? 'above' : 'shape' };
  }
  if (flat.checklist) return [header, ...checklistRows(doc, reg)];
  if (flat.byColumn) return parseColumnRows(doc, reg);
  const raw = cellLines(doc, from, reg.endLine, () => false, Infinity, flat.headerLines ? flat.labels.length : 0);
  const cells = flat.headerLines ? withoutRepeatedHeaders(raw, lines.map((k) => doc.lines[k].clean)) : raw;
  const { o, starts, free } = rowStarts(cells, flat.kinds);
  const first = flat.headerLines ? 0 : starts[0] > 0 && isGroupCandidate(cells[0].text) ? 0 : starts[0];
  const at = starts.map((s) => s - first);
  let read = readFlatRows(cells.slice(first), flat.kinds, o, at, free);
  const hint = lengthHints(read.rows, flat.kinds, o);
  if (hint) read = readFlatRows(cells.slice(first), flat.kinds, o, at, free, hint);
  return [header, ...read.rows];
}


