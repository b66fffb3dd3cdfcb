/**
 * Data table or layout, by what the table holds (never by its border attributes: Word-exported pages draw
 * data tables with `border="0"` and inline cell borders, and CMS templates rule their layout grids).
 * Layout, rendered as lines:
 * - a single box, or a table nesting another table (the page grid around the content);
 * - a cell holding most of the table's text as paragraphs of prose (a task table's long cell is one of many);
 * - a metadata box: cells naming the page's document facts (`索引号`, `发文字号：`, `成文日期`), or cells that
 *   are mostly `label：` keys beside their values;
 * - navigation: most of its text is links (`首页 > 政务公开 > 政策文件`);
 * - a strip: a single row, or no row with two filled cells (a signature line, a one-row bar).
 * Everything else is data: rows of short cells, header words, numbers, repeated shapes.
 */

/**
 * What the layout test reads of a table (one that nests no other: that one is the page grid, decided before):
 * its cells' rendered lines by row, and its text in and out of links.
 */
export interface TableContent {
  rows: string[][][]; // row → cell → rendered lines
  linkChars: number;
  textChars: number;
}

// The facts a government page's metadata box lists (信息公开 templates of the provincial CMSs).
const META_LABEL = /^(?:索引号|信息索引号|统一登记号|登记号|登记日期|文号|发文字号|文件编号|发布机构|发文机关|发文单位|发布单位|成文日期|发文日期|印发日期|发布日期|公开日期|生效日期|失效日期|废止日期|有效性|有效期|时效性|主题分类|主题词|体裁分类|组配分类|服务对象|公开方式|公开范围|公开时限|信息来源|来源|所属机构|信息名称|标题|名称|分类)\s*[:：]?$/;
const KEY = /^[^\s:：]{1,8}\s*[:：]$/;

/** A rendered line that reads as a paragraph of prose: some length and a sentence end inside. */
function isProse(line: string): boolean {
  return line.length >= 30 && /[。；！？]/.test(line);
}

export function isLayoutContent(t: TableContent): boolean {
  const cells = t.rows.flat();
  if (cells.length <= 1) return true;
  const lengths = cells.map((parts) => parts.reduce((a, p) => a + p.length, 0));
  const total = lengths.reduce((a, b) => a + b, 0);
  if (cells.some((parts, i) => lengths[i] >= 0.5 * total && (lengths[i] >= 500 || parts.filter(isProse).length >= 3))) return true;
  const texts = cells.map((parts) => parts.join(' ').trim()).filter(Boolean);
  const meta = texts.filter((x) => META_LABEL.test(x)).length;
  if (meta >= 2 && meta * 4 >= texts.length) return true;
  const keys = texts.filter((x) => KEY.test(x)).length;
  if (keys >= 2 && keys * 3 >= texts.length) return true;
  if (t.textChars > 0 && t.linkChars * 2 > t.textChars) return true;
  const wide = t.rows.filter((r) => r.filter((parts) => parts.length > 0).length >= 2).length;
  return t.rows.length < 2 || wide === 0;
}
