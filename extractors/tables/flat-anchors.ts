/**
 * Where the rows of a flattened table without a 序号 column start, one cell per paragraph and no row
 * numbers. The row's first cell is its task or name. Two layouts:
 * - a task list (`重点任务` `牵头单位` `配合单位` `完成时限`): a row ends in agency, deadline or empty cells, so a
 *   row starts at a text cell that follows such a cell (or the header), when an agency or deadline cell
 *   comes within the row's width after it. Two text cells in a row (`重点任务` then `主要内容`) stay in one row;
 * - an indicator list (`指标` `单位` `2020年` `2025年` `属性`): a row is a name and typed cells (a unit, figures,
 *   an attribute), so a row starts at a name cell once the row before has as many cells as the table has
 *   columns (one fewer when that row ends in a cell of the last column's kind: an attribute), when a unit
 *   or a figure comes within the row's width after it. A short value phrase (`不减少`) is no name.
 * The first cell after the header must start a row (group rows aside), and a text cell with nothing typed
 * within reach after some rows ends the table. Linear.
 */
import type { CellLine } from './table-types.js';
import type { ColumnKind } from './header-words.js';
import { isAgencyList, isDeadlineCell, isEmptyMark, isGroupRow } from './cell-kinds.js';
import { attributeOf, isUnit } from './values.js';

/** A header without 序号 that such rows can follow: a name or task first, then agency columns or a unit and values. */
export function anchoredLayout(kinds: ColumnKind[]): boolean {
  if (kinds.length < 3 || kinds.includes('ordinal') || (kinds[0] !== 'text' && kinds[0] !== 'label')) return false;
  return kinds.includes('agency') || indicatorLayout(kinds);
}

/** An indicator list whose first two columns are labels (a category, then the name). */
export function freeStart(kinds: ColumnKind[]): boolean {
  return indicatorLayout(kinds) && kinds[0] === 'label' && (kinds[1] === 'label' || kinds[1] === 'text');
}

function indicatorLayout(kinds: ColumnKind[]): boolean {
  return !kinds.includes('agency') && kinds.includes('unit') && kinds.filter((k) => k === 'value' || k === 'attribute').length >= 1;
}

function closing(t: string): boolean {
  return isAgencyList(t) || isDeadlineCell(t) || isEmptyMark(t);
}

const FIGURE = /^[-+<>≥≤＞＜~约]?\s*\d/;

function rowHead(t: string, min = 4): boolean {
  return t.length >= min && !closing(t) && !isGroupRow(t) && !FIGURE.test(t); // (a figure is a value cell)
}

/** a cell of an indicator row after its name: a unit, a figure, an attribute or a mark */
function typed(t: string): boolean {
  return FIGURE.test(t) || isEmptyMark(t) || attributeOf(t) !== null || (t.length <= 12 && isUnit(t));
}

/** Indices of the cells that start a row (empty when the first cell does not). */
export function anchorStarts(cells: CellLine[], kinds: ColumnKind[]): number[] {
  return indicatorLayout(kinds) ? indicatorStarts(cells, kinds) : taskStarts(cells, kinds.length);
}

function taskStarts(cells: CellLine[], width: number): number[] {
  const out: number[] = [];
  let prevClosing = true; // the header closes the row before the first
  for (let k = 0; k < cells.length; k++) {
    const t = cells[k].text;
    if (prevClosing && rowHead(t)) {
      let reach = false;
      for (let j = k + 1; j < cells.length && j < k + width; j++) {
        if (isAgencyList(cells[j].text) || isDeadlineCell(cells[j].text)) {
          reach = true;
          break;
        }
      }
      if (!reach) break; // prose after the table, or no table at all
      out.push(k);
    } else if (!out.length && !isGroupRow(t)) break; // the first cell after the header starts a row
    // (a group row spanning the table, `（一）垃圾治理`, closes the row before it as well)
    prevClosing = closing(t) || isGroupRow(t);
  }
  return out;
}

function indicatorStarts(cells: CellLine[], kinds: ColumnKind[]): number[] {
  const W = kinds.length;
  const lastAttr = kinds[W - 1] === 'attribute';
  const out: number[] = [];
  let inRow = W; // cells of the current row so far (the header is a full row)
  for (let k = 0; k < cells.length; k++) {
    const t = cells[k].text;
    if (isGroupRow(t)) {
      inRow = W;
      continue;
    }
    const full = inRow >= W || (lastAttr && inRow >= W - 1 && k > 0 && attributeOf(cells[k - 1].text) !== null);
    // (a name or a category may be short: `人口`, `民生`)
    if (full && rowHead(t, 2) && !typed(t)) {
      let reach = false;
      for (let j = k + 1; j < cells.length && j < k + W; j++) {
        if (typed(cells[j].text)) {
          reach = true;
          break;
        }
      }
      if (!reach) break;
      out.push(k);
      inRow = 1;
      continue;
    }
    if (!out.length) break; // the first cell after the header starts a row
    if (full) break; // a row as wide as the table, then no name: the table has ended
    inRow++;
  }
  return out;
}
