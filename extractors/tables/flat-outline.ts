/**
 * Where a flattened table gives way to the document's own outline. A table's group rows (`一、提升政务服务`,
 * `行动二：…`) number in sequence within it; the heading after a table (`二、保障措施`, under which prose
 * follows) reads like one more group row, but it continues the numbering of the document's headings, not
 * the table's: it is not its first (numbered 2 or more) and the table has no group row of that marker
 * before it. (A table's own numbering may skip: `（六）` then `（八）`.) After the table's first data cell,
 * such a heading ends the table's cells. (A part of a table split over pages may
 * open with `三、…`: before any data cell, a group row is never an end.) Linear.
 */
import { cnToInt } from '../segment/markers.js';
import { isGroupRow } from './cell-kinds.js';
import type { CellLine } from './table-types.js';

const NUMBERED = /^(?:(行动|任务|专项|工程|专题|方向|板块|领域|篇章?)([一二三四五六七八九十]{1,3})|([一二三四五六七八九十]{1,3})\s*[、．]|[（(]([一二三四五六七八九十]{1,3})[)）]|第([一二三四五六七八九十]{1,3})\s*(部分|篇|章|类|项))/;

/** The marker family of a group row and its number (`二、` → [`、`, 2]), or null. */
export function groupNumber(t: string): [string, number] | null {
  const m = NUMBERED.exec(t);
  if (!m) return null;
  const family = m[1] ?? (m[3] ? '、' : m[4] ? '（）' : `第${m[6]}`);
  const n = cnToInt(m[2] ?? m[3] ?? m[4] ?? m[5]);
  return n === null ? null : [family, n];
}

/** How many of the cells belong to the table: all, or those before the first outline heading. */
export function outlineEnd(cells: CellLine[]): number {
  const seen = new Set<string>();
  let data = false;
  for (let k = 0; k < cells.length; k++) {
    const t = cells[k].text;
    if (!isGroupRow(t)) {
      data = true;
      continue;
    }
    const m = groupNumber(t);
    if (!m) continue;
    const [family, n] = m;
    if (data && n > 1 && !seen.has(family)) return k;
    seen.add(family);
  }
  return cells.length;
}
