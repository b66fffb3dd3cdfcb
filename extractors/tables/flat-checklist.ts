/**
 * Checklist tables flattened one cell per paragraph (a 社区级 体检 form, a 安全隐患排查表 scraped from a
 * site): each item (`*1` `存在结构安全隐患的住宅数量`, led by its category `住房` and starred when key) has
 * numbered check points (`1`, `2`, `1.1`) whose answer cells are checkboxes (`□存在` `□不存在`, `□是□否`,
 * a list of options `□架空层` `□其他`), a blank to fill (`__户`, `__㎡`) or `/`; the item's unit (`栋`) is
 * written once, among the first check point's cells. No header row: the columns are named after what they
 * hold (类别 / 序号 / 指标 / 子序号 / 检查内容 / 是否存在 / 数量 / 单位). One row per check point, the
 * item's category, number, name and unit on its first; rebuild.ts fills the merged ones down. Linear: each
 * cell is read once, a failed start skips past the cells it read.
 */
import { LineRole, type PlanDocument } from '../../model/document.js';
import type { CellLine, RawCell, RawRow, TableRegion } from './table-types.js';
import { cellLines } from './flat-rows.js';
import type { ColumnKind } from './header-words.js';
import { joinPieces } from './text.js';
import { isUnit } from './values.js';

export const CHECKLIST_LABELS = ['类别', '序号', '指标', '子序号', '检查内容', '是否存在', '数量', '单位'];
// (the item's name and unit are not filled into its check points: one indicator per item, not one per point)
export const CHECKLIST_KINDS: ColumnKind[] = ['label', 'ordinal', 'remark', 'remark', 'text', 'remark', 'remark', 'remark'];
const MIN_ITEMS = 3;
const MIN_BOXES = 6;

const ITEM_NO = /^[*＊※]?\d{1,3}$/;
const POINT_NO = /^\d{1,2}(?:\.\d{1,2})?$/;
const CATEGORY = /^[\u4e00-\u9fff]{1,4}$/;
/** an answer cell: a checkbox, a blank to fill, or `/` */
const ANSWER = /^[□☐■]|_{2,}|^[/／]$/;
const UNIT_WORD = /^(?:栋|幢|户|套|个|处|座|间|条|辆|班|人|车位|米|平方米|公里|千米|㎡|m|km|%|％)$/;

function isAnswer(t: string): boolean {
  return ANSWER.test(t);
}

function isUnitCell(t: string): boolean {
  return UNIT_WORD.test(t) || (t.length <= 6 && !isAnswer(t) && !/^\d/.test(t) && isUnit(t));
}

/** A text cell: a name or a check point's content. */
function isText(t: string): boolean {
  return t.length >= 4 && !isAnswer(t) && !ITEM_NO.test(t) && !POINT_NO.test(t);
}

interface Item {
  category: CellLine | null;
  no: CellLine;
  name: CellLine;
  points: Array<{ no: CellLine; content: CellLine; answers: CellLine[] }>;
}

/**
 * Items from cell k on: [category] number name, then check points `1` content answers…, until a cell
 * fits no place. Returns the items and the index after the last cell read.
 */
function readItems(cells: CellLine[], k: number): { items: Item[]; end: number; boxes: number } {
  const items: Item[] = [];
  let boxes = 0;
  const at = (j: number) => (j < cells.length ? cells[j].text : '');
  // an item starts at [category] number name `1`
  const itemAt = (j: number): number => {
    const c = CATEGORY.test(at(j)) && ITEM_NO.test(at(j + 1)) ? 1 : 0;
    return ITEM_NO.test(at(j + c)) && isText(at(j + c + 1)) && at(j + c + 2) === '1' ? c : -1;
  };
  for (;;) {
    const c = itemAt(k);
    if (c < 0) break;
    const item: Item = { category: c ? cells[k] : null, no: cells[k + c], name: cells[k + c + 1], points: [] };
    k += c + 2;
    while (POINT_NO.test(at(k)) && isText(at(k + 1)) && itemAt(k) < 0) {
      const point = { no: cells[k], content: cells[k + 1], answers: [] as CellLine[] };
      k += 2;
      while (k < cells.length && (isAnswer(at(k)) || (isUnitCell(at(k)) && item.points.length === 0)) && itemAt(k) < 0) {
        if (/^[□☐■]/.test(at(k))) boxes++;
        point.answers.push(cells[k++]);
      }
      if (!point.answers.length) break;
      item.points.push(point);
    }
    if (!item.points.length) break;
    items.push(item);
  }
  return { items, end: k, boxes };
}

const WINDOW = 400;
const LOOK = 40;

/** Does line i start an item: [category] number name `1`, the next body lines? (A cheap look ahead.) */
function startsItem(doc: PlanDocument, i: number): boolean {
  if (doc.roles[i] !== LineRole.Body) return false;
  const first = doc.lines[i].clean.trim();
  if (!ITEM_NO.test(first) && !CATEGORY.test(first)) return false;
  const texts: string[] = [];
  // (a bounded look: blank runs between the cells are short)
  for (let k = i; k < doc.lines.length && k < i + LOOK && texts.length < 5; k++) {
    if (doc.roles[k] === LineRole.Blank) continue;
    if (doc.roles[k] !== LineRole.Body) return false;
    texts.push(doc.lines[k].clean.trim());
  }
  const c = CATEGORY.test(texts[0] ?? '') && ITEM_NO.test(texts[1] ?? '') ? 1 : 0;
  return ITEM_NO.test(texts[c] ?? '') && isText(texts[c + 1] ?? '') && texts[c + 2] === '1' && isText(texts[c + 3] ?? '');
}

/** Checklist regions among the body lines no other table took. */
export function findChecklists(doc: PlanDocument, stop: (k: number) => boolean): TableRegion[] {
  const out: TableRegion[] = [];
  let i = 0;
  while (i < doc.lines.length) {
    if (!startsItem(doc, i)) {
      i++;
      continue;
    }
    // cells in a window that doubles while the items fill it: each line read a bounded number of times
    let to = i + WINDOW;
    let cells = cellLines(doc, i, to, (k) => k > i && stop(k));
    let read = readItems(cells, 0);
    while (read.end >= cells.length - 4 && to < doc.lines.length) {
      to += to - i;
      cells = cellLines(doc, i, to, (k) => k > i && stop(k));
      read = readItems(cells, 0);
    }
    if (read.items.length < MIN_ITEMS || read.boxes < MIN_BOXES) {
      // (a start that read cells and failed is not tried again inside them)
      i = read.end > 1 ? cells[read.end - 1].last + 1 : i + 1;
      continue;
    }
    const endLine = cells[read.end - 1].last;
    out.push({ startLine: i, endLine, captionLine: null, noteLines: [], flat: { headerLines: 0, kinds: CHECKLIST_KINDS, labels: CHECKLIST_LABELS, checklist: true } });
    for (let k = i; k <= endLine; k++) if (doc.roles[k] === LineRole.Body) doc.roles[k] = LineRole.Table;
    i = endLine + 1;
  }
  return out;
}

function raw(c: CellLine | null, at: number): RawCell {
  return c ? { text: c.text, start: c.start, end: c.end } : { text: '', start: at, end: at };
}

function joined(cs: CellLine[]): CellLine | null {
  if (!cs.length) return null;
  return { first: cs[0].first, last: cs[cs.length - 1].last, start: cs[0].start, end: cs[cs.length - 1].end, text: joinPieces(cs.map((c) => c.text), false) };
}

/** The rows of a checklist region (header excluded): one per check point. */
export function checklistRows(doc: PlanDocument, reg: TableRegion): RawRow[] {
  const cells = cellLines(doc, reg.startLine, reg.endLine, () => false);
  const rows: RawRow[] = [];
  for (const item of readItems(cells, 0).items) {
    item.points.forEach((p, n) => {
      let answers = p.answers;
      let unit: CellLine | null = null;
      if (n === 0) {
        // the item's unit, written once: a unit word among the first point's cells, else a third `/`
        const u = answers.findIndex((a) => isUnitCell(a.text));
        if (u >= 0) unit = answers[u];
        else if (answers.length >= 3 && /^[/／]$/.test(answers[answers.length - 1].text)) unit = answers[answers.length - 1];
        answers = answers.filter((a) => a !== unit);
      }
      // 是否存在: `/`, `□是□否`, or the pair `□存在` `□不存在`; 数量: the rest (a blank, options)
      const pair = answers.length >= 2 && /^□存在$/.test(answers[0].text) && /^□不存在$/.test(answers[1].text) ? 2 : 1;
      const exists = joined(answers.slice(0, pair));
      const amount = joined(answers.slice(pair));
      const at = p.no.start;
      const own = n === 0;
      const slots = [own ? item.category : null, own ? item.no : null, own ? item.name : null, p.no, p.content, exists, amount, unit];
      const placed = slots.filter((s): s is CellLine => s !== null);
      rows.push({ cells: slots.map((s) => raw(s, at)), firstLine: Math.min(...placed.map((s) => s.first)), lastLine: Math.max(...placed.map((s) => s.last)) });
    });
  }
  return rows;
}
