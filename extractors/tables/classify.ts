/**
 * What kind of table it is, from its column labels first, then its values, then its caption:
 * - project: a project/work name column with investment, years, region or construction content
 *   (`序号 实施区域 项目名称 建设内容及规模 建设起止年限 投资概算(万元)`);
 * - indicator: an indicator column (`指标`, `指标名称`, `二级指标`) or a column of 约束性/预期性 values;
 * - task_division (任务分工表): a task column with a lead/responsible/cooperating column or a deadline
 *   column (`序号 重点任务 牵头单位 配合单位 完成时限`; `完成时限 重点工作任务 主要内容`);
 * - generic otherwise.
 */
import { ROLE_COLUMN_HEADER } from '../../model/vocab/roles.js';
import { DEADLINE_COLUMN_HEADER } from '../../model/vocab/deadline-labels.js';
import { attributeOf } from './values.js';

export type TableKind = 'indicator' | 'project' | 'task_division' | 'generic';

export const PROJECT_NAME = /项目名称|工程名称|项目\s*\(?工程\)?名称|^项目$|^工程$|^(?:重点|重大)(?:工程)?项目$|^(?:工程|建设)项目$|^项目[(（]工程[)）]$/;
const PROJECT_FACT = /投资|起止|年限|建设内容|建设规模|实施区域|建设地点|实施地点|建设期限|开工|竣工|完工/;
const INDICATOR = /指标/;
const MONEY = /投资|金额|资金|万元|亿元|造价|估算|概算/;
// (`主要工作`, `工作要点`, `改革举措`, `工作目标`, `主要内容`: the other names a task column goes by)
export const TASK_COL = /任务|工作内容|工作措施|具体措施|主要措施|措施|举措|事项|工作要求|重点工作|主要工作|具体工作|工作要点|工作名称|工作项目|工作目标|主要目标|主要内容|重点内容|具体内容|^内容$|工作重点/;
export const DEADLINE_COL = DEADLINE_COLUMN_HEADER;
export const ROLE_COL = ROLE_COLUMN_HEADER;

export function classifyTable(columns: string[], rows: string[][], caption: string | null): TableKind {
  const has = (re: RegExp) => columns.some((c) => re.test(c));
  // a project list with role columns and no money is a task ledger (民生实事台账: 项目名称 / 建设内容 /
  // 牵头单位 / 配合单位 / 完成时限): its rows are tasks with agencies; with investment it stays projects
  const ledger = has(PROJECT_NAME) && has(ROLE_COL) && !has(MONEY);
  if (has(PROJECT_NAME) && has(PROJECT_FACT) && !ledger) return 'project';
  // an indicator column (not a dated value column such as `2020年超标指标`) beside values of indicators
  const named = columns.findIndex((c) => INDICATOR.test(c) && !/(?:19|20)\d{2}/.test(c) && !/指标值|指标属性|指标类型/.test(c));
  // (in a table of tasks with deadlines, a task column that says 目标 — `目标任务`, `工作目标` — holds no
  // value, nor does a 牵头单位 column)
  const taskLike = has(TASK_COL) && has(DEADLINE_COL);
  const valued = columns.some((c, i) => i !== named && /目标|现状|属性|单位|预期|规划|基[数期准]|完成值|\d{4}\s*年/.test(c) && !(taskLike && (ROLE_COL.test(c) || (TASK_COL.test(c) && /目标/.test(c)))));
  if ((named >= 0 && valued) || attributeColumn(columns, rows) >= 0) return 'indicator';
  if (has(TASK_COL) && (has(ROLE_COL) || has(DEADLINE_COL))) return 'task_division';
  if (ledger) return 'task_division';
  const cap = caption ?? '';
  if (/指标/.test(cap) && has(/单位|目标|现状|属性|\d{4}\s*年/)) return 'indicator';
  if (/项目|工程/.test(cap) && has(PROJECT_FACT)) return 'project';
  if (/分工|任务/.test(cap) && has(ROLE_COL)) return 'task_division';
  return 'generic';
}

/** The column most of whose values are 约束性/预期性/参考性, or -1. */
export function attributeColumn(columns: string[], rows: string[][]): number {
  const byLabel = columns.findIndex((c) => /属性|指标类型|指标性质/.test(c));
  if (byLabel >= 0) return byLabel;
  if (!rows.length) return -1;
  for (let c = 0; c < columns.length; c++) {
    const n = rows.filter((r) => attributeOf(r[c] ?? '') !== null).length;
    if (n * 2 > rows.length) return c;
  }
  return -1;
}
