/**
 * Header cells of a text table left empty where a label spans them: the label beside them is spread over
 * them (marked `cont`), as a reader table's colspan would say.
 */
import { ORDINAL_HEADER, VALUE_COLUMN_HEADER as VALUE_HEADER } from '../../model/vocab/table-headers.js';
import { ROLE_COLUMN_HEADER } from '../../model/vocab/roles.js';
import type { Slot } from './align.js';
import { squash } from './text.js';

/** `责任单位⇥⇥` over `牵头单位⇥配合单位`: a role label spans the empty cell beside it when role labels stand under both. */
export function spanRoleLabels(rows: Slot[][]): Slot[][] {
  for (let i = 0; i + 1 < rows.length; i++) {
    const [r, below] = [rows[i], rows[i + 1]];
    for (let c = 1; c < r.length; c++) {
      if (r[c].text || r[c].cont) continue;
      let k = c - 1;
      while (k > 0 && r[k].cont) k--;
      if (ROLE_COLUMN_HEADER.test(r[k].text) && ROLE_COLUMN_HEADER.test(below[k]?.text ?? '') && ROLE_COLUMN_HEADER.test(below[c]?.text ?? '')) r[c] = { ...r[c], cont: true };
    }
  }
  return rows;
}

/**
 * An empty header cell right after a label column's label is that label spanning two columns
 * (`二级指标⇥⇥2015 年值`: name and sub-name). After a value label (`2025年⇥`) it is a column of its own.
 */
export function spanEmptyLabels(r: Slot[]): Slot[] {
  for (let c = 1; c < r.length; c++) {
    if (r[c].text || r[c].cont) continue;
    let k = c - 1;
    while (k > 0 && r[k].cont) k--;
    const left = r[k].text;
    if (left && !VALUE_HEADER.test(left) && !ORDINAL_HEADER.test(squash(left))) r[c] = { ...r[c], cont: true };
  }
  return r;
}
