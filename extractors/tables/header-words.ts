/**
 * The words table headers are made of, and what kind of column each label names. One vocabulary for the
 * readers of flattened tables (flat.ts) and any other stage that must tell a header label from a cell:
 * 序号 / 任务·工作任务·重点任务·事项·工作措施 / 主要内容 / 牵头·责任·推进·配合·参与·支撑单位 (部门, 处室) /
 * 完成时限·时间节点 / 指标·指标名称 / 单位 / 属性 / 现状·基期 / 目标·目标值 / 备注 …
 * A column kind says what its cells look like, which is what a flattened row is cut by (flat-rows.ts).
 */
import { DEADLINE_COLUMN_HEADER } from '../../model/vocab/deadline-labels.js';
import { PERSON_COLUMN_HEADER, ROLE_COLUMN_HEADER } from '../../model/vocab/roles.js';
import { ORDINAL_HEADER, UNIT_HEADER } from '../../model/vocab/table-headers.js';
import { squash } from './text.js';

export type ColumnKind =
  | 'ordinal' // 1, 2, *3
  | 'agency' // an agency list: 区规划资源局、区建设管理委
  | 'deadline' // 2025年底前, 长期
  | 'unit' // %, 万平方米
  | 'attribute' // 约束性 / 预期性
  | 'value' // a number or target: ≥95, 70以上, /
  | 'label' // a category or a name: short text
  | 'subname' // the second half of a name column spanning two (`环境空气质量` | `优良天数比例`)
  | 'text' // long text: a task, its content, an explanation
  | 'status' // 达标情况 / 完成情况: 达标, 未达标, 完成
  | 'person' // 牵头领导 / 责任人: a name or a post (`张某某`, `县政府分管副县长`), never a task
  | 'remark'; // 备注: anything, often absent

/** A label that can head a column of a plan's table (the words, not the cells). */
const ATTRIBUTE_LABEL = /属性|指标类型|指标性质/;
const VALUE_LABEL = /值|目标|现状|基期|基数|预期|规划|\d{4}\s*年|投资|金额|规模|数量/;
const TEXT_LABEL = /任务|内容|措施|举措|要求|说明|事项|解释|定义|口径|字段|来源/;
const CATEGORY_LABEL = /类型|类别|类目|板块|领域|分类|名称/;
const REMARK_LABEL = /^(?:备注|说明|其他)$/;
/** a column stating whether each row met its target (`达标情况`, `完成情况`) */
const STATUS_LABEL = /^(?:达标|完成|目标完成|进展)(?:情况|状态)$|^是否(?:达标|完成)$/;

/** What a header label says its column holds. */
export function columnKind(label: string): ColumnKind {
  const s = squash(label);
  if (ORDINAL_HEADER.test(s)) return 'ordinal';
  if (PERSON_COLUMN_HEADER.test(s)) return 'person'; // 牵头领导 / 责任人: a person, not an agency
  if (ROLE_COLUMN_HEADER.test(s)) return 'agency';
  if (DEADLINE_COLUMN_HEADER.test(s)) return 'deadline';
  if (UNIT_HEADER.test(s)) return 'unit';
  if (ATTRIBUTE_LABEL.test(s)) return 'attribute';
  if (REMARK_LABEL.test(s)) return 'remark';
  if (STATUS_LABEL.test(s)) return 'status';
  if (CATEGORY_LABEL.test(s)) return 'label';
  if (TEXT_LABEL.test(s)) return 'text';
  if (VALUE_LABEL.test(s) && !/名称|指标$/.test(s)) return 'value';
  return 'label';
}
