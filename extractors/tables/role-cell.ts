/**
 * A role cell of a task-division table written as a little clause of its own, brought to the labelled
 * form the assignment parser reads (`牵头单位：A；配合单位：B`):
 * - one label per line or clause: `牵头：市发改委⏎配合：市财政局`, `牵头部门：A；配合部门：B`;
 * - a role said after each name: `市发改委为牵头单位，市财政局为配合单位`;
 * - a note closing the list: `A、B（按职责分工负责）` → `A、B按职责分工负责`;
 * - a note that the first listed leads (`（排名第一的为牵头单位）`): taken out of the names and reported,
 *   so the first-listed rule applies to this row.
 * A cell in none of these shapes is returned as it is.
 */
import { FIRST_LEAD_RE } from '../assignments/clause-body.js';
import { OTHERS_PARTICIPATE, ROLE_LABELS } from '../../model/vocab/roles.js';

const STEMS = '牵头|主办|主责|配合|协办|协同|参与|责任';
const LABELLED = new RegExp(`^((?:${STEMS})(?:单位|部门)?)\\s*[:：]\\s*(.+)$`);
const SAID_AFTER = new RegExp(`^(.+?)(?:为|是)((?:${STEMS})(?:单位|部门))$`);
const KNOWN = new Set(ROLE_LABELS.map(([l]) => l));
const DUTY_NOTE = /[（(]\s*(按职责分工负责|按职责分工落实|按职责负责|按职责分工)\s*[)）]$/;
const FIRST_NOTE = /[（(]([^（）()]{0,24})[)）]/g;

export interface RoleCell {
  text: string;
  /** the cell says the first listed leads: 'rest-participate' when it also says the others cooperate */
  firstLeads: null | 'rest-same' | 'rest-participate';
}

export function normalizeRoleCell(cell: string): RoleCell {
  let text = cell.trim();
  let firstLeads: RoleCell['firstLeads'] = null;
  text = text.replace(FIRST_NOTE, (whole, inner: string) => {
    if (!FIRST_LEAD_RE.test(inner)) return whole;
    firstLeads = OTHERS_PARTICIPATE.test(inner) ? 'rest-participate' : 'rest-same';
    return '';
  }).trim();
  const pieces = text.split(/[\n；;]|[，,](?=\s*(?:牵头|主办|主责|配合|协办|协同|参与|责任)(?:单位|部门)?\s*[:：])/).map((x) => x.trim()).filter(Boolean);
  const labelled = pieces.map((p) => LABELLED.exec(p));
  if (pieces.length && labelled.every(Boolean)) {
    return { text: labelled.map((m) => `${label(m![1])}：${m![2].replace(/[。，,]$/, '')}`).join('；'), firstLeads };
  }
  const said = text.split(/[，,；;\n]/).map((x) => x.trim()).filter(Boolean).map((p) => SAID_AFTER.exec(p));
  if (said.length && said.every(Boolean)) {
    return { text: said.map((m) => `${label(m![2])}：${m![1]}`).join('；'), firstLeads };
  }
  const duty = DUTY_NOTE.exec(text);
  if (duty) text = text.slice(0, duty.index) + duty[1];
  return { text, firstLeads };
}

/** The label as written when the clause parser knows it (`牵头部门`), else its stem's (`牵头` → `牵头单位`). */
function label(written: string): string {
  return KNOWN.has(written) ? written : `${written.replace(/(?:单位|部门)$/, '')}单位`;
}
