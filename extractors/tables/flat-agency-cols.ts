/**
 * Which agency column a lone agency cell belongs to, in a flattened table with a lead column and a later
 * cooperating one (`牵头单位` | `配合单位`/`责任单位`). Flattening drops the cell a merge wrote once: a row
 * under a `牵头单位` merged over several rows shows only its 配合 list, and reading cells in order would put
 * that list under 牵头. Where the table's own complete rows name one lead each and the lone cell lists
 * several agencies, the cell is the later column's and the lead is the merged one (filled from above by
 * rebuild.ts). A lone single agency is told apart by where the table puts that agency elsewhere: named
 * only in the later column of complete rows (never as a lead) it cooperates here too; a collective
 * (`各乡镇`, `相关部门`) in a table whose complete rows never lead by one is cooperating as well. Else it
 * stays the lead (a row with nobody to cooperate: the commonest reading). One pass: linear.
 */
import type { ColumnKind } from './header-words.js';
import type { RawRow } from './table-types.js';
import { isEmptyMark } from './cell-kinds.js';

/** Agencies listed in a cell: split at 、，,；; and blanks. */
function names(t: string): string[] {
  return t.split(/[、，,；;\s]+/).filter((x) => x.trim());
}
function count(t: string): number {
  return names(t).length;
}
/** a collective of bodies (`各乡镇（街道）`, `相关部门`, `有关单位`) */
const COLLECTIVE = /^(?:各|相关|有关)/;

/** Rows of a flattened table with lone multi-agency cells moved from the lead column to the next agency column. */
export function moveLoneAgencyLists(rows: RawRow[], kinds: ColumnKind[]): RawRow[] {
  const ag = kinds.map((k, c) => (k === 'agency' ? c : -1)).filter((c) => c >= 0);
  if (ag.length < 2) return rows;
  const [a1, a2] = ag;
  const data = rows.filter((r) => !r.group && !r.stray && !r.sub && r.cells.length === kinds.length);
  const has = (r: RawRow, c: number) => r.cells[c].text !== '' && !isEmptyMark(r.cells[c].text);
  const complete = data.filter((r) => has(r, a1) && has(r, a2));
  if (complete.length < 2) return rows;
  const singleLeads = complete.filter((r) => count(r.cells[a1].text) === 1).length;
  const leads = new Set(complete.flatMap((r) => names(r.cells[a1].text)));
  const others = new Set(complete.flatMap((r) => names(r.cells[a2].text)));
  const collectiveLeads = [...leads].some((x) => COLLECTIVE.test(x));
  /** a lone single name the table's complete rows show cooperating, never leading */
  const cooperating = (t: string) => {
    const x = names(t)[0];
    return !leads.has(x) && (others.has(x) || (COLLECTIVE.test(x) && !collectiveLeads));
  };
  const listsOk = singleLeads >= complete.length * 0.8;
  let above = false; // a lead cell exists above to be merged down
  const isData = new Set(data);
  for (const r of rows) {
    // (no cell is merged across a group row spanning the table: `二、…` starts afresh)
    if (r.group) above = false;
    if (!isData.has(r)) continue;
    const lone = has(r, a1) && !has(r, a2) && ag.slice(2).every((c) => !has(r, c)) && r.cells[a2].text === '';
    const n = lone ? count(r.cells[a1].text) : 0;
    if (above && lone && ((n >= 2 && listsOk) || (n === 1 && cooperating(r.cells[a1].text)))) {
      const cell = r.cells[a1];
      r.cells[a2] = cell;
      r.cells[a1] = { text: '', start: cell.start, end: cell.start };
    }
    above = above || has(r, a1);
  }
  return rows;
}
