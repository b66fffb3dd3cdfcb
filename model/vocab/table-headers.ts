/**
 * The words a plan's table headers are made of: the one place that says which labels can head a column
 * (序号 / 指标名称 / 单位 / 目标值 / 牵头单位 / 完成时限 / 备注 …), which label is a row-number column, which
 * labels name value columns and which one is a unit column. The role labels of agency columns are in
 * roles.ts.
 *
 * Two readers test "is this a header label?" and have grown different lists: the grid reader (a row of
 * cells, rebuild.ts / structured-header.ts) met project and indicator tables (规模, 金额, 地点, 年份, 区县 …),
 * the flattened-table reader (one label per line, flat-labels.ts) met task-division tables (推进, 参与,
 * 节点, 事项, 处室 …). Both are built from one shared list here; each keeps its own additions, so merging
 * them is a decision to take with its own tests, not a side effect of a clean-up.
 */
import { anyOf, oneOf } from './words.js';

/** Header words both readers know. */
const HEADER_WORDS = [
  '序号', '编号', '类别', '类目', '板块', '领域', '指标', '名称', '单位', '属性', '目标', '现状', '责任', '牵头', '配合',
  '时限', '时间', '项目', '内容', '投资', '年限', '区域', '备注', '类型', '值', '情况', '措施', '任务', '部门', '说明',
  '来源', '层级', '主体', '进度',
] as const;

/**
 * A label that can head a column of a table read as rows of cells (a whole header row is tested: half of
 * its cells must be such labels). Wider by the words of project and indicator tables, and by 工作 / 序.
 */
export const GRID_HEADER_WORD = anyOf([...HEADER_WORDS, '规模', '数量', '金额', '地点', '工作', '分类', '序', '年份', '标准', '区县', '地区']);

/**
 * A label that can head a column of a table flattened one cell per line (each line is tested on its
 * own). Wider by the words of task-division and data tables: stages, roles, divisions, fields.
 */
export const FLAT_HEADER_WORD = anyOf([...HEADER_WORDS, '基期', '完成', '预期', '规划', '推进', '参与', '协同', '支撑', '节点', '事项', '处室', '科室', '字段', '数据', '要求', '举措']);

/**
 * Longest header label, in UTF-16 units: `建设内容及规模（2021—2025年）` fits; a cell longer than this is
 * text (a task, a description), so a row holding such cells is data, not header.
 */
export const MAX_HEADER_LABEL = 24;

/** The label of a row-number column: `序号`, `编号`, `序`, `No.` (the whole label, squashed). */
export const ORDINAL_HEADER = /^(?:序号|编号|序|No\.?)$/i;

/** The label of a unit column: `单位`, `计量单位` (the whole label; `单位：万元` above a table is a note). */
export const UNIT_HEADER = oneOf(['单位', '计量单位']);

/**
 * A label naming a column of values, not of names: the leading label columns of a grid table end at the
 * first such column (a merged label is filled down; a value never is), and an empty header cell after
 * one is a column of its own, not the label spanning two.
 */
export const VALUE_COLUMN_HEADER = anyOf([
  '单位', '值', '年', '目标', '现状', '属性', '投资', '金额', '规模', '内容', '情况', '时限', '期限', '部门', '牵头', '配合',
  '责任', '备注', '基数', '基准',
]);
