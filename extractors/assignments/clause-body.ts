/**
 * The inside of one responsibility clause (a bracket's content, or a label line) parsed into
 * (agency, role) entries. One segment parser serves every style:
 *   `A、B牵头，C、D参加，各市（区）政府落实`   role word after each list (suffix role)
 *   `牵头单位：A；配合单位：B、C`               role label before each list (label role)
 *   `责任单位：A、B，C、D`                      a label's list continued after a comma
 *   `各地级以上市人民政府，省公安厅、发展改革委按职责分工负责`  lists without a role take the next role
 *   `以下均需各市、县人民政府落实，不再一一列出`  a carried implementer
 *   `A、B（排在第一为牵头单位，下同）`          the first unit listed leads
 * Segments are cut at top-level `,;。`; the agency lists in them are split by agency-list.ts. Used by the
 * clause finder and, for a table's responsibility column, by the table tasks stage.
 */
import { dropEnd, charTest } from '../ends.js';
import { listItems } from './agency-list.js';
import { splitTop, topGroups, trim, type Range } from './bracket-scan.js';
import type { Clause, ClauseEntry, Role } from './clause-types.js';
import { labelAt, suffixAt } from './role-words.js';

/** how a label's text ends (`牵头单位：`): trimmed off by a loop, see ends.ts */
const LABEL_END = charTest(':：', true);

const CARRY_RE = /^(?:以下|下列|后续)(?:各项|任务|措施)?(?:均需|均由|均须|均请|都需|都由|均要)/;
const SKIP_RE = /^(?:不再一一列出|不再列出|不一一列出|下同|以下同|后同)$/;
/** `排在第一为牵头单位`: a note that the first unit listed leads (also read by the clause finder) */
export const FIRST_LEAD_RE = /排在?第一位?的?(?:单位)?为牵头|第一(?:个|位)?(?:单位)?为牵头|排名第一的?为牵头|列第一位的?为牵头/;

/** Parse a clause body s[a, b) (inside the brackets, or a label line) into entries. */
export function parseBody(match: string, clean: string, a: number, b: number): Pick<Clause, 'entries' | 'carry' | 'firstIsLead' | 'problems'> {
  const entries: ClauseEntry[] = [];
  const carry: ClauseEntry[] = [];
  const problems: string[] = [];
  let firstIsLead: Clause['firstIsLead'] = null;
  const notes: Range[] = [];
  for (const [o, c] of topGroups(match, a, b)) {
    const inner = match.slice(o + 1, c);
    if (FIRST_LEAD_RE.test(inner)) {
      notes.push([o, c]);
      firstIsLead = /下同|以下同|后同/.test(inner) ? 'sticky' : 'here';
    }
  }
  let open: { role: Role; text: string } | null = null;
  let pending: Range[] = [];
  const add = (into: ClauseEntry[], p: number, q: number, role: Role, roleText: string) => {
    for (const it of listItems(match, clean, p, q, notes)) {
      if (it.agency.length > 40) problems.push(`not an agency list: "${it.agency.slice(0, 30)}…"`);
      else into.push({ agency: it.agency, role, roleText, start: it.start, end: it.end });
    }
  };
  for (const [x, y] of splitTop(match, a, b, ',;。')) {
    if (notes.some(([o, c]) => x > o && y <= c)) continue;
    const [p, q] = trim(match, x, y);
    if (q <= p) continue;
    const seg = match.slice(p, q);
    if (SKIP_RE.test(seg) || notes.some(([o, c]) => o === p && c === q - 1)) continue;
    const cm = CARRY_RE.exec(seg);
    if (cm) {
      const suf = suffixAt(match, p, q);
      if (suf) add(carry, p + cm[0].length, q - suf[0].length, suf[1], clean.slice(q - suf[0].length, q));
      else problems.push(`carried assignment without a role: "${clean.slice(p, q)}"`);
      continue;
    }
    const label = labelAt(match, p, true);
    if (label) {
      if (pending.length) problems.push(`no role for "${pending.map(([u, v]) => clean.slice(u, v)).join('，')}"`);
      pending = [];
      open = { role: label.role, text: dropEnd(clean.slice(p, label.end), LABEL_END) };
      add(entries, label.end, q, open.role, open.text);
      continue;
    }
    const suf = suffixAt(match, p, q);
    if (suf) {
      const roleText = clean.slice(q - suf[0].length, q);
      for (const [u, v] of pending) add(entries, u, v, suf[1], roleText);
      pending = [];
      open = null;
      if (q - suf[0].length > p) add(entries, p, q - suf[0].length, suf[1], roleText);
      else problems.push(`role "${roleText}" without an agency`);
      continue;
    }
    if (open) add(entries, p, q, open.role, open.text);
    else pending.push([p, q]);
  }
  if (pending.length) problems.push(`no role for "${pending.map(([u, v]) => clean.slice(u, v)).join('，')}"`);
  return { entries, carry, firstIsLead, problems };
}
