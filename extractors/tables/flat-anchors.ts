/**
 * Where the rows of a flattened table without a 序号 column start (`重点任务` `牵头单位` `配合单位` `完成时限`
 * written one cell per paragraph, no row numbers). The row's first cell is its task or name; a row ends in
 * agency, deadline or other short cells. So a row starts at a text cell that follows a non-text cell (or
 * the header), when an agency or deadline cell comes within the row's width after it. Two text cells in a
 * row (`重点任务` then `主要内容`) stay in one row. The first cell after the header must start a row, and a
 * text cell with no agency or deadline within reach after some rows ends the table. Linear.
 */
import type { CellLine } from './table-types.js';
import type { ColumnKind } from './header-words.js';
import { isAgencyList, isDeadlineCell, isEmptyMark, isGroupRow } from './cell-kinds.js';

/** A header without 序号 that such rows can follow: a name or task first, an agency column after it. */
export function anchoredLayout(kinds: ColumnKind[]): boolean {
  return kinds.length >= 3 && !kinds.includes('ordinal') && (kinds[0] === 'text' || kinds[0] === 'label') && kinds.includes('agency');
}

function closing(t: string): boolean {
  return isAgencyList(t) || isDeadlineCell(t) || isEmptyMark(t);
}

function rowHead(t: string): boolean {
  return t.length >= 4 && !closing(t) && !isGroupRow(t) && !/^[-+<>≥≤＞＜~约]?\s*\d/.test(t); // (a figure is a value cell)
}

/** Indices of the cells that start a row (empty when the first cell does not). */
export function anchorStarts(cells: CellLine[], width: number): number[] {
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
