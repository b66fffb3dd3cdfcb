/**
 * Where a label clause (`责任单位：A、B`) stops short of its paragraph's end. A label line has no closing
 * bracket: it runs to the paragraph's end, and a reader that joins lines (a PDF line without final
 * punctuation runs on into the next) can glue what follows onto the list: `…各县（市、区）人民政府本通知自印发
 * 之日起实施，有效期至2025年12月31日` or `…市农业农村局完成时限：2022年2月底前`. That text is never an agency.
 */
import { DEADLINE_LABEL_ALT } from '../../model/vocab/deadline-labels.js';

/**
 * The closing formulas of a notice or plan: `本通知自印发之日起实施`, `本方案由…负责解释`, `有效期至…`,
 * `自发布之日起施行`. Each starts with a literal (本/有效期/自): linear.
 */
export const CLOSING_RE = /本(?:通知|方案|意见|办法|规定|细则|计划|措施|规划|决定|实施方案|行动方案|工作方案)(?:自|从|由|所称|未尽|有效期|印发|发布|施行|实施|解释|执行)|有效期(?:至|为|自|到)|自(?:印发|发布|公布|下发)之日起/;
/** another label that is not a role: the deadline written on the same line (`完成时限：…`) */
const DEADLINE_LABEL_IN = new RegExp(`(?:${DEADLINE_LABEL_ALT})\\s{0,2}:`);

/** The end of a label clause match[s, e): the first closing formula or deadline label after its start. */
export function labelClauseEnd(match: string, s: number, e: number): number {
  const part = match.slice(s, e);
  let cut = e;
  const c = part.search(CLOSING_RE);
  if (c > 0) cut = s + c;
  const d = part.search(DEADLINE_LABEL_IN);
  if (d > 0) cut = Math.min(cut, s + d);
  return cut;
}
