/**
 * Column labels of a reader table from its header rows: the labels stacked above each column, top first,
 * joined with `/` (labels.ts). Two things a header's grid does not say outright:
 * - a label cut in two short pieces by a row line (`指标` / `属性`, `完成` / `时限`) is one word again;
 *   but a piece that is a whole label already (`责任单位` over `牵头单位`) starts a stack, not a word;
 * - a format without merged cells (a Markdown pipe table, HTML converted to it) writes a label spanning
 *   columns once and leaves the cells to its right empty (`| 责任单位 | |` over `| 牵头单位 | 配合单位 |`):
 *   an empty header cell right of a label, over a column with labels of its own below while the label's
 *   column has them too, continues that label.
 */
import { isUnitRow } from './header-row.js';
import { LABEL_JOIN } from './labels.js';
import { valuesOf, type Grid } from './source-grid.js';

/** How short both pieces of a label broken over two header rows are (`指标` / `属性`). */
const MAX_WRAPPED_PIECE = 4;
/** A piece that names a column on its own (`责任单位`, `牵头部门`, `完成时间`): a stack starts under it. */
const WHOLE_LABEL = /(?:单位|部门|处室|科室|时间|时限)$/;

/** How many columns the cell covering slot (r, k) spans. */
function spanWidth(g: Grid, r: number, k: number): number {
  let j = k;
  while (j > 0 && g.slots[r][j].cont) j--;
  let w = 1;
  while (j + w < g.slots[r].length && g.slots[r][j + w].cont) w++;
  return w;
}

/** The header rows' texts, with the labels a format without merged cells wrote once carried right. */
function headTexts(g: Grid, h: number, width: number): string[][] {
  const heads = Array.from({ length: h }, (_, r) => valuesOf(g, r));
  const labelledBelow = (r: number, k: number) => heads.slice(r + 1).some((row) => row[k] !== '');
  for (let r = 0; r < h - 1; r++) {
    for (let k = 1; k < width; k++) {
      if (heads[r][k] !== '' || heads[r][k - 1] === '' || g.slots[r][k].cont) continue;
      if (labelledBelow(r, k) && labelledBelow(r, k - 1)) heads[r][k] = heads[r][k - 1];
    }
  }
  return heads;
}

export function columnLabels(g: Grid, h: number, width: number): string[] {
  const heads = headTexts(g, h, width);
  const columns: string[] = [];
  for (let k = 0; k < width; k++) {
    let label = '';
    let prev = '';
    let prevWide = false;
    for (let r = 0; r < h; r++) {
      const t = heads[r][k];
      if (!t || t === prev) continue;
      // (a unit in brackets closes the label above it: `2020年` / `（%）` → `2020年（%）`)
      const wrapped = (prev !== '' && isUnitRow([t])) || (prev !== '' && !prevWide && spanWidth(g, r, k) === 1 && prev.length <= MAX_WRAPPED_PIECE && t.length <= MAX_WRAPPED_PIECE && !WHOLE_LABEL.test(prev));
      label = label === '' ? t : label + (wrapped ? '' : LABEL_JOIN) + t;
      prev = t;
      prevWide = spanWidth(g, r, k) > 1;
    }
    columns.push(label);
  }
  return columns;
}
