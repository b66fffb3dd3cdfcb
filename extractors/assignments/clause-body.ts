/**
 * The inside of one responsibility clause (a bracket's content, or a label line) parsed into
 * (agency, role) entries. One segment parser serves every style:
 *   `A、B牵头，C、D参加，各市（区）政府落实`   role word after each list (suffix role)
 *   `牵头单位：A；配合单位：B、C`               role label before each list (label role)
 *   `责任单位：A、B，C、D`                      a label's list continued after a comma
 *   `责任单位：A牵头，B、C等按职责分工负责`       a role word inside a label: the role word wins
 *   `A牵头、B配合`                              a role word after one item of a 、-list
 *   `各地级以上市人民政府，省公安厅、发展改革委按职责分工负责`  lists without a role take the next role
 *   `6月底完成，牵头考核单位：A、B`              a deadline in the clause (the task's deadline)
 *   `以下均需各市、县人民政府落实，不再一一列出`  a carried implementer (one sentence of the clause)
 *   `各项工作均需市（州）人民政府组织，县（市、区）人民政府落实，以下不再列出`  the same, two levels
 *   `A、B（排在第一为牵头单位，下同）`          the first unit listed leads
 *   `A会同B负责`                                A leads, B takes part
 *   `A牵头，会同B、C`                            B and C take part
 * Segments are cut at top-level `,;。`; the agency lists in them are split by agency-list.ts. Used by the
 * clause finder and, for a table's responsibility column, by the table tasks stage.
 */
import { dropEnd, charTest } from '../ends.js';
import { isAgencyLike, listItems, type ListContext } from './agency-list.js';
import { splitTop, topGroups, trim, type Range } from './bracket-scan.js';
import type { Clause, ClauseEntry, Role } from './clause-types.js';
import { deadlineSegment } from './clause-deadline.js';
import { innerLabelStarts, labelAt, suffixAt } from './role-words.js';

/** how a label's text ends (`牵头单位：`, `【牵头单位】`, `[牵头单位]`): trimmed off by a loop, see ends.ts */
const LABEL_END = charTest(':：】]］', true);

/**
 * The opening of a carried-implementer sentence: `以下均需…`, `以下各项任务均由…`, `各项工作均需…`. Either
 * word before 均需 is required: a bare `均需` is an ordinary requirement of this one task.
 */
const CARRY_RE = /^(?:(?:以下|下列|后续)(?:各项|所有)?(?:工作|任务|措施|事项)?|(?:各项|所有|全部)(?:工作|任务|措施|事项))(?:均需|均由|均须|均请|都需|都由|均要|均应)/;
/** `以下不再列出`: says the sentence it ends holds for every later task */
const NOT_LISTED_RE = /^(?:以下|下列|后续)?(?:均|都)?不再(?:一一|逐一|逐项|重复|单独)?(?:列出|列举|注明|标注)$/;
const SKIP_RE = /^(?:以下|下列|后续)?(?:均|都)?不再(?:一一|逐一|逐项|重复|单独)?(?:列出|列举|注明|标注)$|^(?:不一一列出|下同|以下同|后同)$/;
/**
 * `责任领导：王副市长`, `牵头市领导：…`, `责任人：…`, `联系人：…`: people named beside the units (the clause's
 * other labels still count); no agency, and nothing the parser failed to read
 */
const PERSON_LABEL = /^(?:(?:责任|牵头|分管|联系|包抓|挂点|挂帅)(?:市|区|县|镇|省)?(?:领导|负责人|责任人|联系人)|责任人|联系人)\s*:/;
/** `市生态环境局（牵头）`: a role word in brackets after a name, as task-division tables write it */
const BRACKET_ROLE = /[(（]\s{0,2}(牵头单位|牵头|配合单位|配合|参与|协助|责任单位|负责|落实)\s{0,2}[)）]$/;
const BRACKET_ROLE_OF: Record<string, Role> = {
  牵头单位: 'lead', 牵头: 'lead', 配合单位: 'participate', 配合: 'participate', 参与: 'participate', 协助: 'participate',
  责任单位: 'responsible', 负责: 'responsible', 落实: 'implement',
};
/** in a carried sentence `市（州）人民政府组织，县（市、区）人民政府落实`: the organising level implements too */
const CARRY_ROLES: Array<[string, Role]> = [['组织实施', 'implement'], ['组织落实', 'implement'], ['组织', 'implement']];
/** `排在第一为牵头单位`: a note that the first unit listed leads (also read by the clause finder) */
export const FIRST_LEAD_RE = /排在?第一位?的?(?:单位)?为牵头|第一(?:个|位)?(?:单位)?为牵头|排名第一的?为牵头|列第一位的?为牵头/;

type Body = Pick<Clause, 'entries' | 'carry' | 'firstIsLead' | 'problems' | 'deadlines'>;

/** Parse a clause body s[a, b) (inside the brackets, or a label line) into entries. */
export function parseBody(match: string, clean: string, a: number, b: number): Body {
  const entries: ClauseEntry[] = [];
  const carry: ClauseEntry[] = [];
  const problems: string[] = [];
  const deadlines: string[] = [];
  let firstIsLead: Clause['firstIsLead'] = null;
  const notes: Range[] = [];
  for (const [o, c] of topGroups(match, a, b)) {
    const inner = match.slice(o + 1, c);
    if (FIRST_LEAD_RE.test(inner)) {
      notes.push([o, c]);
      firstIsLead = /下同|以下同|后同/.test(inner) ? 'sticky' : 'here';
    }
  }
  // a level prefix written once holds for the later lists of the clause (`市A牵头，B、C配合`)
  const ctx: ListContext = { prefix: null };
  /** the items of list s[p, q) under one role; an item with a role word of its own (`A牵头、B配合`) keeps it */
  const add = (into: ClauseEntry[], p: number, q: number, role: Role, roleText: string) => {
    for (const it of listItems(match, clean, p, q, notes, ctx)) {
      if (it.agency.length > 40) {
        problems.push(`not an agency list: "${it.agency.slice(0, 30)}…"`);
        continue;
      }
      const br = BRACKET_ROLE.exec(it.agency);
      if (br && br.index > 1) {
        into.push({ agency: it.agency.slice(0, br.index), role: BRACKET_ROLE_OF[br[1]], roleText: br[1], start: it.start, end: it.end });
        continue;
      }
      const own = suffixAt(it.agency, 0, it.agency.length);
      if (own && own[0].length < it.agency.length) {
        into.push({ agency: it.agency.slice(0, -own[0].length), role: own[1], roleText: own[0], start: it.start, end: Math.max(it.start + 1, it.end - own[0].length) });
      } else into.push({ agency: it.agency, role, roleText, start: it.start, end: it.end });
    }
  };
  let open: { role: Role; text: string } | null = null;
  let pending: Range[] = [];
  for (const [sx, sy] of splitTop(match, a, b, '。')) {
    // one sentence of the clause; its segments are cut at `,` and `;`
    const segs: Range[] = [];
    for (const [x, y] of splitTop(match, sx, sy, ',;')) {
      if (notes.some(([o, c]) => x > o && y <= c)) continue;
      const [p, q] = trim(match, x, y);
      if (q <= p || notes.some(([o, c]) => o === p && c === q - 1)) continue;
      // two labels with no comma between them (`牵头单位：A 配合单位：B`): one segment each
      let from = p;
      for (const cut of innerLabelStarts(match, p, q)) {
        const [u, v] = trim(match, from, cut);
        if (v > u) segs.push([u, v]);
        from = cut;
      }
      segs.push([from, q]);
    }
    if (!segs.length) continue;
    const carried = CARRY_RE.test(match.slice(segs[0][0], segs[0][1])) || segs.some(([p, q]) => NOT_LISTED_RE.test(match.slice(p, q)));
    if (carried) {
      readCarried(match, clean, segs, (p, q, role, text) => add(carry, p, q, role, text), problems);
      continue;
    }
    for (const [p, q] of segs) {
      const seg = match.slice(p, q);
      if (SKIP_RE.test(seg) || PERSON_LABEL.test(seg)) continue;
      // `6月底完成`, `2023年底前`, `长期坚持`: when, not who (checked first: `6月底前落实` ends in a role word)
      const when = deadlineSegment(clean.slice(p, q));
      if (when) {
        deadlines.push(when);
        continue;
      }
      const label = labelAt(match, p, true);
      if (label) {
        if (pending.length) problems.push(`no role for "${pending.map(([u, v]) => clean.slice(u, v)).join('，')}"`);
        pending = [];
        // (a label spaced out by OCR, `牵 头 单 位：`, keeps its words, not its blanks)
        open = { role: label.role, text: dropEnd(clean.slice(p, label.end), LABEL_END).replace(/\s+/g, '') };
        // `责任单位：生态环境厅牵头`: the role word is more precise than the label it is written under
        const inner = suffixAt(match, label.end, q);
        if (inner && q - inner[0].length > label.end) add(entries, label.end, q - inner[0].length, inner[1], clean.slice(q - inner[0].length, q));
        else add(entries, label.end, q, open.role, open.text);
        continue;
      }
      const suf = suffixAt(match, p, q);
      if (suf) {
        // (`A为牵头单位`: the label is the role text, 为 only joins it to the list)
        const roleText = clean.slice(q - suf[0].length, q).replace(/^为/, '');
        for (const [u, v] of pending) add(entries, u, v, suf[1], roleText);
        pending = [];
        open = null;
        const end = q - suf[0].length;
        // `A会同B负责`: A leads and B takes part (会同 = "together with, A leading")
        // (searched in the segment only: `indexOf('会同', p)` read on to the paragraph's end for every segment)
        const rel = end > p ? match.slice(p, end).indexOf('会同') : -1;
        const with_ = rel < 0 ? -1 : p + rel;
        if (with_ > p && with_ + 2 < end && match[with_ + 2] !== '县') { // (会同县: a county in Hunan)
          add(entries, p, with_, 'lead', '会同');
          add(entries, with_ + 2, end, 'participate', '会同');
        } else if (end > p) add(entries, p, end, suf[1], roleText);
        else problems.push(`role "${roleText}" without an agency`);
        continue;
      }
      // `（A牵头，会同B、C）`: after a lead, the units 会同 (together with) names take part
      // (the last entry, not a search of them all per segment: a long clause stays linear)
      if (!pending.length && entries.length && entries[entries.length - 1].role === 'lead' && match.startsWith('会同', p) && q - p > 3) {
        add(entries, p + 2, q, 'participate', '会同');
        continue;
      }
      if (open) add(entries, p, q, open.role, open.text);
      else pending.push([p, q]);
    }
  }
  if (pending.length && othersUnderLead(entries)) {
    // `（A牵头，B、C）`: the units after a lead with no role word of their own take part under it, as
    // `A牵头，B、C配合` says in full (role text empty: none is written); only when every one is an agency
    const before = entries.length;
    for (const [u, v] of pending) add(entries, u, v, 'participate', '');
    if (entries.slice(before).every((e) => isAgencyLike(e.agency))) pending = [];
    else entries.length = before;
  }
  if (pending.length) problems.push(`no role for "${pending.map(([u, v]) => clean.slice(u, v)).join('，')}"`);
  return { entries: othersInListUnderLead(entries), carry, firstIsLead, problems, deadlines };
}

/** a clause naming a lead and no participant: units it gives no role join the lead's work */
function othersUnderLead(entries: ClauseEntry[]): boolean {
  return entries.some((e) => e.role === 'lead') && !entries.some((e) => e.role === 'participate');
}

/**
 * `责任单位：A（牵头）、B、C`, `责任单位：A牵头，B、C`: a 责任单位 list naming its lead in the list itself; the
 * others take part under it (as a task-division table's 责任单位 cell is read). Not when a role is written
 * for them (`…，B、C按职责分工负责`) or the lead has its own label (`牵头单位：A；责任单位：B`).
 */
function othersInListUnderLead(entries: ClauseEntry[]): ClauseEntry[] {
  if (!othersUnderLead(entries)) return entries;
  const listed = (e: ClauseEntry) => e.role === 'responsible' && (e.roleText === '责任单位' || e.roleText === '责任部门');
  if (!entries.some(listed) || !entries.every((e) => (e.role === 'lead' && e.roleText === '牵头') || listed(e))) return entries;
  return entries.map((e) => (listed(e) ? { ...e, role: 'participate' as const } : e));
}

/**
 * A carried sentence (`以下均需A落实，不再一一列出`, `各项工作均需A组织，B落实，以下不再列出`): every list in it
 * takes its role word, or the next one (`A、B，C落实`); `组织` counts as one here.
 */
function readCarried(
  match: string, clean: string, segs: Range[],
  add: (p: number, q: number, role: Role, text: string) => void, problems: string[],
): void {
  let pending: Range[] = [];
  for (let [p, q] of segs) {
    const seg = match.slice(p, q);
    if (SKIP_RE.test(seg)) continue;
    const head = CARRY_RE.exec(seg);
    if (head) p += head[0].length;
    let suf = suffixAt(match, p, q);
    if (!suf) {
      const extra = CARRY_ROLES.find(([w]) => q - p > w.length && match.startsWith(w, q - w.length));
      if (extra) suf = extra;
    }
    if (!suf) {
      pending.push([p, q]);
      continue;
    }
    const roleText = clean.slice(q - suf[0].length, q);
    for (const [u, v] of pending) add(u, v, suf[1], roleText);
    pending = [];
    if (q - suf[0].length > p) add(p, q - suf[0].length, suf[1], roleText);
  }
  if (pending.length) problems.push(`carried assignment without a role: "${pending.map(([u, v]) => clean.slice(u, v)).join('，')}"`);
}
