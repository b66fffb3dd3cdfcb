/**
 * How many leading rows of a reader table are its header. The source's own marks come first (<th>, a
 * `<thead>`, Markdown's first row, a Word row repeated as header, a PDF header band); a table without
 * marks starts with a label row (header words, or labels over columns of values) or has no header. Below that, up to three header rows in all, a row is one
 * more header row when it holds labels, not values (no number but a year label such as `2025年`, no
 * sentence), and the table says so by its shape or its words:
 * - it subdivides a label spanning columns in the row above (`具体创建目标` over `城镇新建…占比（%）` and
 *   `星级…比例（%）`; `目标值` over `2023年` `2025年`);
 * - a header cell above spans down into it (`序号` two rows high beside `指标` / `属性`);
 * - under rows the source marked as header, its labels are header words (`属性` under a marked `指标`);
 * - it holds only units in brackets (`（万元）` under `总投资`, `（%）`): a label's second line.
 * At least one row is left as data.
 */
import type { SourceCell } from '../../model/source.js';
import { GRID_HEADER_WORD, MAX_HEADER_LABEL } from '../../model/vocab/table-headers.js';
import { isHeaderRow, isUnitRow } from './header-row.js';
import { ownTexts, valuesOf, type Grid } from './source-grid.js';
import { cellClass } from './text.js';

export const MAX_HEADER_ROWS = 3;
const MAX_LABEL_CHARS = 40;
const YEAR_LABEL = /^(?:(?:19|20)\d{2}\s*年?(?:度)?|(?:19|20)\d{2}\s*[-—~～至]\s*(?:19|20)\d{2}\s*年?|\d{1,2}\s*月份?)$/;

/** A label, not a value: not a number, placeholder or amount (a year label is a label), short, no sentence. */
function isLabel(t: string): boolean {
  if (t.length > MAX_LABEL_CHARS || /[。；;]/.test(t)) return false;
  return cellClass(t) !== 'N' || YEAR_LABEL.test(t.trim());
}

/** Header rows of the grid; `keepData` leaves at least one row as data (false: may the whole part be header?). */
/**
 * A first row of labels over columns of values (`年份 | SO₂(μg/m³) | NO₂(μg/m³)` over `2015年 | 40 | 25`;
 * `序号 | 名称 | 区域面积（km²）| 生物丰度指数` over numbers): its labels are no header words, but every
 * cell of it is a label and at least two columns, a third of those it labels, hold values below it.
 */
function labelsOverValues(g: Grid): boolean {
  const own = ownTexts(g, 0);
  const labelled = own.map((t, k) => (t !== '' && isLabel(t) ? k : -1)).filter((k) => k >= 0);
  if (labelled.length < 2 || labelled.length < own.filter(Boolean).length) return false;
  let valued = 0;
  for (const k of labelled) {
    let values = 0;
    let filled = 0;
    for (let r = 1; r < g.H; r++) {
      const t = g.below[r][k] || g.slots[r][k].cont ? '' : g.slots[r][k].text;
      if (!t) continue;
      filled++;
      if (!isLabel(t)) values++;
    }
    if (filled > 0 && values * 5 >= filled * 3) valued++;
  }
  return valued >= 2 && valued * 3 >= labelled.length;
}

export function headerRowCount(g: Grid, cells: SourceCell[], keepData = true): number {
  const H = g.H;
  let h = 0;
  while (h < H && g.marked[h]) h++;
  const marked = h > 0;
  const labelRow = (r: number) => isHeaderRow(ownTexts(g, r)) && !/^\d+$/.test(valuesOf(g, r)[0] ?? '');
  if (h === 0) {
    if (H > 1 && (labelRow(0) || labelsOverValues(g))) h = 1;
    else return 0;
  }
  // header cells by row, for the span tests
  const head = (r: number) => cells.filter((c) => c.row === r);
  while (h < MAX_HEADER_ROWS && h < (keepData ? H - 1 : H)) {
    const own = ownTexts(g, h).filter(Boolean);
    const spannedInto = cells.some((c) => c.row < h && c.row + c.rowspan > h);
    if (!own.length && spannedInto) {
      h++; // nothing of its own: the header cells spanning down fill it
      continue;
    }
    if (!own.length || !own.every(isLabel)) break;
    const mine = cells.filter((c) => c.row === h);
    const subdivides = head(h - 1).some((above) => above.colspan >= 2 && mine.filter((c) => c.col >= above.col && c.col + c.colspan <= above.col + above.colspan).length >= 2);
    // words alone only extend a header the source marked: under a label row found by its words, a row of
    // titles that happen to hold header words (`发布《…标准图集》`) is the first data row
    const words = marked && (labelRow(h) || own.every((t) => t.length <= MAX_HEADER_LABEL && GRID_HEADER_WORD.test(t)));
    // a row of units alone in brackets (`（万元）` under `总投资`): the labels' second line, never data
    const units = isUnitRow(own);
    if (!subdivides && !spannedInto && !words && !units) break;
    h++;
  }
  return h;
}
