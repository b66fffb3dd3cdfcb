/**
 * Header cells of a text table left empty where a label spans them: the label beside them is spread over
 * them (marked `cont`), as a reader table's colspan would say.
 */
import { ORDINAL_HEADER, VALUE_COLUMN_HEADER as VALUE_HEADER } from '../../model/vocab/table-headers.js';
import { ROLE_COLUMN_HEADER } from '../../model/vocab/roles.js';
import type { Slot } from './align.js';
import { squash } from './text.js';

/** a year label of a header's lower row (`2023年`, `2025 年`, `2025年目标`): one of a group a label above spans */
const YEAR_LABEL = /^(?:19|20)\d{2}\s*年(?:度)?[\u4e00-\u9fff]{0,3}$/;

/**
 * Labels spanning the empty header cells beside them, as the row below shows: `责任单位⇥⇥` over
 * `牵头单位⇥配合单位` (role labels under both), `目标值⇥⇥` over `2023年⇥2025年` (years under both: the
 * label names a group of year columns).
 */
export function spanGroupLabels(rows: Slot[][]): Slot[][] {
  for (let i = 0; i + 1 < rows.length; i++) {
    const [r, below] = [rows[i], rows[i + 1]];
    for (let c = 1; c < r.length; c++) {
      if (r[c].text || r[c].cont) continue;
      let k = c - 1;
      while (k > 0 && r[k].cont) k--;
      const under = [below[k]?.text ?? '', below[c]?.text ?? ''];
      const roles = ROLE_COLUMN_HEADER.test(r[k].text) && under.every((t) => ROLE_COLUMN_HEADER.test(t));
      const years = r[k].text !== '' && !YEAR_LABEL.test(r[k].text) && under.every((t) => YEAR_LABEL.test(t.trim()));
      if (roles || years) r[c] = { ...r[c], cont: true };
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
