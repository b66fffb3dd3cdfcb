/**
 * Units of measure in plan text and tables: the units a target's number carries (`50万平方米`, `95%`),
 * the units of size and money that make a bound a class of things (`500万元以上项目`), money units of
 * project investment, the characters a bracketed unit is made of, and the note line that gives a
 * table's unit (`单位：万元`). The unit column's header label is in table-headers.ts (UNIT_HEADER).
 */

/**
 * Units a number in running text carries. Order matters (the pattern is tried left to right at one
 * place): a longer unit stands before any unit that is its tail or head (`平方公里` before `公里`,
 * `千瓦时` before `千瓦`, `人次` before `人`).
 */
export const QUANTITY_UNITS = [
  '平方公里', '平方千米', '平方米', '立方米', '公里', '千米', '公顷', '万亩', '亩', '吨标准煤', '吨', '千瓦时', '千瓦', '兆瓦',
  '元', '个百分点', '百分点', '%', '‰', 'μg/m³', '微克/立方米', '毫克/升', 'mg/L', '个', '座', '家', '项', '条', '台', '辆',
  '艘', '套', '处', '所', '次', '天', '小时', '米', '人次', '人', '户', '宗', '件', '场', '批', '倍', '千克', 'kg',
] as const;

/**
 * A unit written right after a number (targets.ts reads it sticky, at the number's end): a magnitude
 * (万, 亿 …), a unit, and a rate (`/日`, `/年`). Compiled by the caller, which owns its `lastIndex`.
 */
export const QUANTITY_UNIT_PATTERN = `(?:万|亿|千|百)?(?:${QUANTITY_UNITS.join('|')})(?:/(?:日|天|年|小时|人))?`;

/**
 * Units of size or money (target-lists.ts): after a bound they make a class of things (`500万元以上项目`,
 * `5万平方米以上的工地`), not a count. Counting units (个, 家, 项) are not among them; 千伏安 is (a
 * transformer's size), though no target's number carries it.
 */
export const MEASURE_UNIT_END = new RegExp(`(?:${['元', '平方米', '平方公里', '平方千米', '亩', '公顷', '千瓦', '兆瓦', '吨', '立方米', '千伏安', '米', '公里'].join('|')})$`);

/** Money units of an investment (projects.ts), captured: the first one written wins, so order is as read. */
export const MONEY_UNIT = new RegExp(`(${['亿元', '万元', '千元', '元', '亿美元', '万美元'].join('|')})`);

/** Characters units are made of: a unit in brackets is made of these (and Latin letters, digits, marks). */
export const UNIT_CHARS = /^[%‰°℃℉a-zA-Zμµ·\/／²³\d.\-×*\s万亿千百十微毫纳吨米公里顷亩个座处条株家项人次平方立元克升瓦时台辆套天小年岁床张所户栋间块段标准煤分贝度每倍艘只头件份册期批片眼口宗起场例位名篇部辆标箱桶兆秒斤焦帕]+$/;

/** `单位：万元`, `（计量单位：个）` on a row of its own above a table's header: a note on the values, not the caption. */
export const UNIT_NOTE_LINE = /^[（(]?\s*(?:计量|金额)?单位\s*[:：]/;
