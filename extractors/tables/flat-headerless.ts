/**
 * Tables flattened one cell per paragraph without a header row (flat.ts finds those with one first): row
 * numbers 1, 2, 3… in sequence whose rows repeat one shape (most rows the same number of cells, 3 to 16);
 * the column kinds are read off the cells (ordinal, name, long text, unit, agency list…) and the columns
 * named after them (序号 / 名称 / 说明 / 单位 / 牵头单位 …). Split out of flat.ts.
 */
import { LineRole, type PlanDocument } from '../../model/document.js';
import { isAgencyList, isDeadlineCell, isEmptyMark, ordinalValue } from './cell-kinds.js';
import { cellLines, ordinalStarts, readFlatRows } from './flat-rows.js';
import { groupNumber } from './flat-outline.js';
import type { ColumnKind } from './header-words.js';
import { attributeOf, isUnit, valueNumber } from './values.js';
import type { CellLine, TableRegion } from './table-types.js';

/** the most cells a row (with its group rows and sub-items) is taken to have: the window's stop */
export const MAX_ROW_CELLS = 60;
const MIN_SHAPE_ROWS = 6;

/**
 * Tables without a header row: a `1` line, then `2`, `3`… in sequence, most of the gaps between them the
 * same (the row's width). A cell line that is a group row between rows (`品质宜居`) is one more line in
 * that gap, and sub-items `2、…` of a `1、…` cell are not counted.
 */
export function findHeaderlessTables(doc: PlanDocument, stop: (k: number) => boolean, prior: TableRegion[]): TableRegion[] {
  const out: TableRegion[] = [];
  let i = 0;
  while (i < doc.lines.length) {
    if (doc.roles[i] !== LineRole.Body || ordinalValue(doc.lines[i].clean.trim()) !== 1) {
      i++;
      continue;
    }
    // a group row just above row 1 belongs to the table
    let from = i;
    for (let k = i - 1; k >= 0; k--) {
      if (doc.roles[k] === LineRole.Blank) continue;
      if (doc.roles[k] === LineRole.Body && !stop(k) && doc.lines[k].clean.trim().length <= 16 && !/[。；：:]$/.test(doc.lines[k].clean.trim())) from = k;
      break;
    }
    let cells = cellLines(doc, from, doc.lines.length, (k) => k > i && stop(k), MAX_ROW_CELLS);
    let found = headerless(doc, cells, [...prior, ...out]);
    // a numbered heading above row 1 (`一、实事项目`) is the document's, unless the table numbers group rows
    // of its own in that style (`二、…` among its rows)
    if (found && from < i && cells.length && !sameFamilyLater(cells, found.endLine)) {
      cells = cellLines(doc, i, doc.lines.length, (k) => k > i && stop(k), MAX_ROW_CELLS);
      found = headerless(doc, cells, [...prior, ...out]);
    }
    if (!found) {
      i++;
      continue;
    }
    out.push(found);
    for (let k = found.startLine; k <= found.endLine; k++) if (doc.roles[k] === LineRole.Body) doc.roles[k] = LineRole.Table;
    i = found.endLine + 1;
  }
  return out;
}

// (`2.1 …` is a sub-item; `5.5` alone is a value)
const SUB_ITEM_LATER = /^(?:[2-9]|\d{2})[、．]|^\d{1,2}\.\d{1,2}(?=\s*[\u4e00-\u9fff（(“])/;

function headerless(doc: PlanDocument, cells: CellLine[], prior: TableRegion[]): TableRegion | null {
  const starts = ordinalStarts(cells);
  if (starts.length < MIN_SHAPE_ROWS) return null;
  // the width: the most common count of cells from one row number to the next, sub-items aside
  const widths: number[] = [];
  for (let n = 0; n + 1 < starts.length; n++) {
    let w = 0;
    for (let k = starts[n]; k < starts[n + 1]; k++) if (!SUB_ITEM_LATER.test(cells[k].text)) w++;
    widths.push(w);
  }
  const count = new Map<number, number>();
  for (const w of widths) count.set(w, (count.get(w) ?? 0) + 1);
  let W = 0;
  let best = 0;
  for (const [w, c] of count) if (c > best || (c === best && w < W)) [W, best] = [w, c];
  if (W < 3 || W > 16 || best * 5 < widths.length * 3) return null;
  // the kind of each column, from the rows of exactly that width
  const samples: string[][] = Array.from({ length: W }, () => []);
  widths.forEach((w, n) => {
    if (w !== W) return;
    let c = 0;
    for (let k = starts[n]; k < starts[n + 1] && c < W; k++) if (!SUB_ITEM_LATER.test(cells[k].text)) samples[c++].push(cells[k].text);
  });
  let kinds = samples.map((s, c): ColumnKind => (c === 0 ? 'ordinal' : kindOf(s)));
  // the first free-text column is the row's name; a later one with longer cells explains it
  const firstLabel = kinds.findIndex((k) => k === 'label' || k === 'text');
  kinds = kinds.map((k, c) => (k === 'label' && c > firstLabel && firstLabel >= 0 && meanLength(samples[c]) > 12 ? 'text' : c === firstLabel ? 'label' : k));
  let labels = nameColumns(kinds);
  let above = false;
  const first = starts[0] > 0 && isGroupCandidate(cells[0].text) ? 0 : starts[0];
  if (!kinds.some((k) => k !== 'label' && k !== 'text' && k !== 'ordinal' && k !== 'remark')) {
    // No typed column: a numbered list, unless a flattened table of this width ends just above (a caption
    // between): the next part of an appendix, whose header is that table's (`2-1 …表`, `2-2 …表`).
    const prev = tableJustAbove(doc, prior, cells[first].first);
    if (!prev || prev.flat!.kinds.length !== W || prev.flat!.kinds[0] !== 'ordinal') return null;
    kinds = prev.flat!.kinds;
    labels = prev.flat!.labels;
    above = true;
  }
  const read = readFlatRows(cells.slice(first), kinds, 0, starts.map((s) => s - first));
  return { startLine: cells[first].first, endLine: cells[first + read.lastCell].last, captionLine: null, noteLines: [], flat: { headerLines: 0, kinds, labels, above } };
}

/** Is cells[0] no numbered group row, or does one in its style follow before the table's end line? */
function sameFamilyLater(cells: CellLine[], endLine: number): boolean {
  const first = groupNumber(cells[0].text);
  if (!first) return true;
  for (let k = 1; k < cells.length && cells[k].first <= endLine; k++) {
    const m = groupNumber(cells[k].text);
    if (m && m[0] === first[0]) return true;
  }
  return false;
}

/** A flattened table ending at most two non-blank lines (a caption, a title) above line `at`. */
function tableJustAbove(doc: PlanDocument, prior: TableRegion[], at: number): TableRegion | null {
  let best: TableRegion | null = null;
  for (const r of prior) if (r.flat && r.endLine < at && (!best || r.endLine > best.endLine)) best = r;
  if (!best) return null;
  let lines = 0;
  for (let k = best.endLine + 1; k < at; k++) if (doc.roles[k] !== LineRole.Blank && ++lines > 2) return null;
  return best;
}

export function isGroupCandidate(t: string): boolean {
  return t.length <= 16 && !/[。；]$/.test(t);
}

function meanLength(texts: string[]): number {
  return texts.reduce((a, t) => a + t.length, 0) / Math.max(1, texts.length);
}

/** The kind most of a column's cells are. */
function kindOf(texts: string[]): ColumnKind {
  const share = (f: (t: string) => boolean) => texts.filter(f).length / Math.max(1, texts.length);
  if (share((t) => isAgencyList(t)) >= 0.6) return 'agency';
  if (share((t) => /^1[、．.]\D/.test(t) || isEmptyMark(t)) >= 0.6 && share((t) => /^1[、．.]/.test(t)) >= 0.3) return 'text'; // a list of sub-items
  if (share((t) => attributeOf(t) !== null) >= 0.6) return 'attribute';
  if (share((t) => isDeadlineCell(t)) >= 0.6) return 'deadline';
  if (share((t) => isEmptyMark(t)) >= 0.5) return 'remark'; // mostly `/`: a 备注 column
  if (share((t) => (isUnit(t) || isEmptyMark(t)) && t.length <= 10) >= 0.6) return 'unit';
  if (share((t) => (valueNumber(t) !== null && /^[<>≥≤＞＜~约]?\s*[-+]?\d/.test(t)) || isEmptyMark(t)) >= 0.6) return 'value';
  const mean = texts.reduce((a, t) => a + t.length, 0) / Math.max(1, texts.length);
  if (share((t) => isEmptyMark(t)) >= 0.3) return 'remark';
  return mean > 24 ? 'text' : 'label';
}

/** Names for inferred columns, by kind: the first label column is the name, a later one a category. */
function nameColumns(kinds: ColumnKind[]): string[] {
  let labelSeen = false;
  let textSeen = false;
  const hasUnit = kinds.includes('unit');
  // agencies beside names and no unit, value or attribute: a task list (重点任务清单 pasted without its
  // header), whose name or text column is the task; else the first label names an indicator or item
  const tasks = kinds.includes('agency') && !kinds.some((k) => k === 'unit' || k === 'value' || k === 'attribute');
  return kinds.map((k, c) => {
    switch (k) {
      case 'ordinal':
        return '序号';
      case 'agency':
        return '责任单位';
      case 'deadline':
        return '完成时限';
      case 'unit':
        return '单位';
      case 'attribute':
        return '属性';
      case 'value':
        return '数值';
      case 'remark':
        return '备注';
      case 'status':
        return '完成情况';
      case 'person':
        return '责任人';
      case 'subname':
        return '名称';
      case 'label':
        if (labelSeen) return `列${c + 1}`;
        labelSeen = true;
        return tasks && !textSeen ? '工作任务' : hasUnit ? '指标名称' : '名称';
      case 'text':
        if (tasks && !textSeen && !labelSeen) return (textSeen = true), '工作任务';
        if (textSeen || labelSeen) return labelSeen && !textSeen ? ((textSeen = true), '说明') : `列${c + 1}`;
        textSeen = true;
        return '内容';
    }
  });
}
