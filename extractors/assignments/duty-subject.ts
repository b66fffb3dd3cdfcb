/**
 * Duty lines whose subject is the agency (`市房产局：负责牵头…`), not a clause after the task: none of the
 * clause styles of clauses.ts apply, so the subject list is read here. A module of its own because the
 * tasks stage calls it only inside a 职责分工 section, and only where findClauses found nothing.
 */
import { isAgencyLike, listItems } from './agency-list.js';
import { trim } from './bracket-scan.js';
import type { Clause, Role } from './clause-types.js';

/**
 * Department-as-subject duty lines of a 职责分工 section: `市房产局：负责牵头…`, `房管所、规建生态办负责牵头组织…`,
 * `经发办负责园区…工作；`. The subject list must consist of agency names; the role is `lead` when the duty
 * starts with 牵头, else `responsible`. The paragraph text is the task; the clause is the subject.
 */
export function findDutySubject(match: string, clean: string, from = 0): Clause | null {
  // after a numbered item's marker (`（一）县卫生健康局：负责…`): read from there, placed back in the paragraph
  if (from > 0) {
    const c = findDutySubject(match.slice(from), clean.slice(from));
    return c && { ...c, start: c.start + from, end: c.end + from, entries: c.entries.map((e) => ({ ...e, start: e.start + from, end: e.end + from })) };
  }
  const head = match.slice(0, 120);
  let cut = -1;
  let connector = '';
  const colon = head.indexOf(':');
  const fz = head.indexOf('负责');
  const qt = head.indexOf('牵头');
  const cands = [colon, fz, qt].filter((i) => i > 0);
  if (!cands.length) return findListSubject(match, clean);
  cut = Math.min(...cands);
  const after = match.slice(cut);
  const cm = /^(?::\s*)?(?:负责)?(?:牵头)?/.exec(after)!;
  connector = clean.slice(cut, cut + cm[0].length);
  const [a, b] = trim(match, 0, cut);
  if (/[,;。]/.test(match.slice(a, b))) return findListSubject(match, clean); // a subject is a 、-list, not a sentence
  const items = listItems(match, clean, a, b, []);
  if (!items.length || !items.every((it) => isAgencyLike(it.agency))) return findListSubject(match, clean);
  const role: Role = /牵头/.test(connector) ? 'lead' : 'responsible';
  const roleText = connector.replace(/^[\s:：]+/, '') || '：';
  return {
    start: a, end: cut + cm[0].length, style: 'duty', text: clean.slice(a, cut + cm[0].length),
    entries: items.map((it) => ({ agency: it.agency, role, roleText, start: it.start, end: it.end })),
    carry: [], firstIsLead: null, problems: [],
  };
}

/** how far a subject list may run: long lists of departments are common (`市发展改革委、国资委、…、检察院等`) */
const MAX_SUBJECT_LIST = 600;
/** words that end a subject list and start what its units do (`…等部门根据…要求，按照…，负责…`) */
const LIST_END = /根据|按照|依据|结合|围绕|对照|负责|牵头|配合|会同/;
/** the writer's "and the others" closing a subject list: `等部门`, `等其他行业部门`, `等有关单位` */
const LIST_ETC = /等(?:其他|其它)?[\u4e00-\u9fff]{0,6}?(?:部门|单位|机构)$/;

/**
 * A long subject list that reaches its duty only after a phrase: `市发展改革委、国资委、…、检察院等其他行业部门
 * 根据“三管三必须”要求，按照有关责任分工，负责督促落实…`. The list is the paragraph's head up to its first
 * comma, ended by a connector (根据, 按照, 负责…) or an `等…部门`; it must name two units or more, every one an
 * agency, and the first sentence must say 负责/牵头/配合, so a sentence such as `各单位要加强领导，负责到底` is none.
 */
function findListSubject(match: string, clean: string): Clause | null {
  const head = match.slice(0, MAX_SUBJECT_LIST);
  const comma = head.search(/[,;。]/);
  if (comma <= 0) return null;
  const sentenceEnd = match.slice(0, MAX_SUBJECT_LIST * 2).search(/[;。]/);
  const sentence = match.slice(comma, sentenceEnd < 0 ? MAX_SUBJECT_LIST * 2 : sentenceEnd);
  const duty = /负责|牵头|配合/.exec(sentence);
  if (!duty) return null;
  let end = comma;
  const conn = LIST_END.exec(head.slice(0, comma));
  if (conn) end = conn.index;
  const etc = LIST_ETC.exec(head.slice(0, end));
  if (!conn && !etc) return null;
  if (etc) end = etc.index;
  const [a, b] = trim(match, 0, end);
  if (b <= a || /[,;。:]/.test(match.slice(a, b))) return null;
  const items = listItems(match, clean, a, b, []);
  if (items.length < 2 || !items.every((it) => isAgencyLike(it.agency))) return null;
  const role: Role = duty[0] === '牵头' ? 'lead' : duty[0] === '配合' ? 'participate' : 'responsible';
  return {
    start: a, end: b, style: 'duty', text: clean.slice(a, b),
    entries: items.map((it) => ({ agency: it.agency, role, roleText: duty[0], start: it.start, end: it.end })),
    carry: [], firstIsLead: null, problems: [],
  };
}

/** how the duty under a unit's heading opens (`负责统筹…`, `牵头制定…`, `按职责做好…`): its role word */
const DUTY_OPENING = /^(?:主要|要|应|具体)?(负责|牵头|配合|协助|参与|落实|承担|按职责|按照职责)/;

/**
 * A 职责分工 item headed by its units alone, the duty on the lines below: `（一）市民政局` ⏎ `负责统筹推进…`,
 * `（三）市财政局、市人力资源社会保障局` ⏎ `按职责做好资金保障…`. The heading's text from `from` must be a list
 * of agency names and nothing else, and the first line below (`next`, folded) must open with a duty word,
 * which gives the role (牵头 lead, 配合/协助/参与 participate, 落实 implement, else responsible).
 */
export function findDutyHeading(match: string, clean: string, from: number, next: string | undefined): Clause | null {
  const duty = next ? DUTY_OPENING.exec(next.trimStart()) : null;
  if (!duty) return null;
  const [a, b] = trim(match, from, match.length);
  if (b - a < 2 || b - a > MAX_SUBJECT_LIST || /[,;。:!?]/.test(match.slice(a, b))) return null;
  const items = listItems(match, clean, a, b, []);
  if (!items.length || !items.every((it) => isAgencyLike(it.agency))) return null;
  const w = duty[1];
  const role: Role = w === '牵头' ? 'lead' : w === '配合' || w === '协助' || w === '参与' ? 'participate' : w === '落实' ? 'implement' : 'responsible';
  return {
    start: a, end: b, style: 'duty', text: clean.slice(a, b),
    entries: items.map((it) => ({ agency: it.agency, role, roleText: w, start: it.start, end: it.end })),
    carry: [], firstIsLead: null, problems: [],
  };
}
