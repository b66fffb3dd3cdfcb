/**
 * Responsibility clauses: find them in a paragraph and parse them into (agency, role) entries.
 *
 * Styles real documents use, all handled by one segment parser:
 *   `[A、B牵头，C、D参加，各市（区）政府落实]`   role word after each list (suffix role)
 *   `（牵头单位：A；配合单位：B、C）`            role label before each list (label role)
 *   `（责任单位：A、B，C、D）`                 a label's list continued after a comma
 *   `（各地级以上市人民政府，省公安厅、发展改革委按职责分工负责）`  lists without a role take the next role
 *   `（…各市、县人民政府负责落实。以下均需各市、县人民政府落实，不再一一列出）`  a carried implementer
 *   `责任单位：A、B（排在第一为牵头单位，下同）`    a label line of its own; the first unit listed leads
 *   `…。A、B按职责分工负责。`                    an unbracketed last sentence (accepted only if it parses)
 * Lists are split at top-level `、` only, so `各市（区）政府` and `各县（市、区）政府（管委会）` stay whole;
 * a shared suffix is spread (`蓬江区、新会区政府` → 蓬江区政府, 新会区政府) and so is a shared level prefix
 * (`省公安厅、发展改革委` → 省发展改革委). `等` and trailing punctuation are dropped.
 * Everything runs on the folded text (（→( ，→, ：→:), names are cut from the clean text at the same
 * indices. One pass per paragraph, no backtracking regex.
 */
import { DEPARTMENT_STEMS } from './aliases.js';
import { charTest, dropEnd } from '../ends.js';

/** how a label's text ends (`牵头单位：`): trimmed off by a loop, see ends.ts */
const LABEL_END = charTest(':：', true);

export type Role = 'lead' | 'participate' | 'implement' | 'responsible';

export interface ClauseEntry {
  /** name as written, after spreading a shared suffix/prefix, blanks removed */
  agency: string;
  role: Role;
  /** the role word or label as written (`牵头`, `参与落实`, `配合单位`) */
  roleText: string;
  /** the list item in the paragraph text */
  start: number;
  end: number;
}

export interface Clause {
  /** whole clause in the paragraph text, brackets included */
  start: number;
  end: number;
  style: 'bracket' | 'label' | 'sentence' | 'duty';
  text: string;
  entries: ClauseEntry[];
  /** `以下均需X落实`: implementers every later clause of the document inherits */
  carry: ClauseEntry[];
  /** `（排在第一为牵头单位，下同）`: the first unit listed leads; `sticky` when it says 下同 */
  firstIsLead: null | 'here' | 'sticky';
  /** what did not parse; each becomes an `unparsed-assignment` diagnostic */
  problems: string[];
}

/** Role labels (`牵头单位：`), longest first so `牵头责任单位` wins over `责任单位`. */
const LABELS: Array<[string, Role]> = (
  [
    ['牵头责任单位', 'lead'], ['责任牵头单位', 'lead'], ['牵头考核单位', 'lead'], ['牵头单位', 'lead'], ['牵头部门', 'lead'],
    ['主责单位', 'lead'], ['主责部门', 'lead'], ['主办单位', 'lead'], ['牵头处室', 'lead'],
    ['责任配合单位', 'participate'], ['配合单位', 'participate'], ['配合部门', 'participate'], ['协办单位', 'participate'],
    ['参与单位', 'participate'], ['参与部门', 'participate'], ['参加单位', 'participate'], ['支撑单位', 'participate'],
    ['协同单位', 'participate'], ['协作单位', 'participate'], ['协助单位', 'participate'],
    ['落实单位', 'implement'], ['实施单位', 'implement'], ['实施主体', 'implement'],
    ['责任单位', 'responsible'], ['责任部门', 'responsible'], ['责任主体', 'responsible'], ['负责单位', 'responsible'],
  ] as Array<[string, Role]>
).sort((a, b) => b[0].length - a[0].length);

/** Role words after a list (`…牵头`), longest first so `参与落实` wins over `落实`. */
const SUFFIXES: Array<[string, Role]> = (
  [
    ['按职责分工负责', 'responsible'], ['按照职责分工负责', 'responsible'], ['按职能分工负责', 'responsible'],
    ['按各自职责负责', 'responsible'], ['按照职责负责', 'responsible'], ['按照分工负责', 'responsible'],
    ['按职责分工落实', 'implement'], ['按职责分工抓好落实', 'implement'],
    ['按职责负责', 'responsible'], ['按分工负责', 'responsible'], ['分工负责', 'responsible'], ['共同负责', 'responsible'],
    ['负责落实', 'implement'], ['参与落实', 'implement'], ['配合落实', 'implement'], ['抓好落实', 'implement'],
    ['组织落实', 'implement'], ['具体落实', 'implement'], ['落实', 'implement'],
    ['牵头负责', 'lead'], ['牵头落实', 'lead'], ['牵头', 'lead'],
    ['共同参与', 'participate'], ['参加', 'participate'], ['参与', 'participate'], ['配合', 'participate'],
    ['协助', 'participate'], ['协同', 'participate'], ['协办', 'participate'],
    ['负责', 'responsible'],
  ] as Array<[string, Role]>
).sort((a, b) => b[0].length - a[0].length);

/**
 * Literals every role label and role word holds (`牵头单位` holds 单位, `按职责分工负责` 负责): a paragraph
 * without any of them has no label or suffix clause. Checked against LABELS and SUFFIXES when the module
 * loads, so a new label without a cue fails at once instead of going silently unfound.
 */
const CUES = ['单位', '部门', '处室', '主体', '负责', '落实', '牵头', '参与', '参加', '配合', '协助', '协同', '协办'];
for (const [w] of [...LABELS, ...SUFFIXES]) if (!CUES.some((c) => w.includes(c))) throw new Error(`clauses.ts: role word "${w}" holds none of CUES`);
const CUE_RE = new RegExp(CUES.join('|'));

const LABEL_RE = new RegExp(`\\s*(${LABELS.map((l) => l[0]).join('|')})\\s*:\\s*`, 'y');
/** Any `…单位：` / `…部门：` label inside a bracket; its role is read from its words. */
const GENERIC_LABEL_RE = /\s*([\u4e00-\u9fff]{0,4}(?:单位|部门))\s*:\s*/y;
const CARRY_RE = /^(?:以下|下列|后续)(?:各项|任务|措施)?(?:均需|均由|均须|均请|都需|都由|均要)/;
const SKIP_RE = /^(?:不再一一列出|不再列出|不一一列出|下同|以下同|后同)$/;
const FIRST_LEAD_RE = /排在?第一位?的?(?:单位)?为牵头|第一(?:个|位)?(?:单位)?为牵头|排名第一的?为牵头|列第一位的?为牵头/;
/** how an agency name ends; used where a clause has no brackets and must prove it is one */
const AGENCY_END = /(?:局|委|厅|办|部|院|所|中心|政府|党委|委员会|管委会|集团|公司|街道|街镇|镇|乡|村|社区|企业|社|会|署|处|站|队|行|馆|室|团|组|单位|部门|机构|海关|法院|检察院|办公室|指挥部|区|县|市)$/;
/** a role-less bracket is reported only when every name is unmistakably an agency (not a place, `（蓬江区）`) */
const ROLELESS_END = /(?:局|委|厅|办|部|中心|政府|委员会|管委会|单位|部门|机构)$/;
const PLACE = /^各?[\u4e00-\u9fff]{1,8}?(?:区|市|县|镇|乡|街道|旗)$/;
const PLACE_SUFFIX = /^(.{0,12}?(?:区|市|县|镇|乡|街道|旗))(人民政府|政府|党委和政府|党委政府|党委|管委会)$/;
const LEVEL_PREFIX = /^(省|市|区|县)(?![场级域属])/;
const NO_PREFIX = /^(?:省|市(?![场级域属])|区(?![域属])|县(?![域级])|各|国家|中国|中华|全国|全省|全市)/;

const OPENERS = '([〔【';
const CLOSERS = ')]〕】';

type Range = [number, number];

// Bracket depth is tracked per character of every paragraph: a switch, not `OPENERS.includes(c)`.
function isOpener(c: string): boolean {
  return c === '(' || c === '[' || c === '〔' || c === '【';
}
function isCloser(c: string): boolean {
  return c === ')' || c === ']' || c === '〕' || c === '】';
}

/** Top-level bracket groups [open, close] in s[from, to). Unclosed groups are not returned. */
function topGroups(s: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (isOpener(c)) {
      if (depth === 0) open = i;
      depth++;
    } else if (isCloser(c) && depth > 0) {
      depth--;
      if (depth === 0) out.push([open, i]);
    }
  }
  return out;
}

/** Split s[from, to) at top-level separator characters. */
function splitTop(s: string, from: number, to: number, seps: string): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (isOpener(c)) depth++;
    else if (isCloser(c) && depth > 0) depth--;
    else if (depth === 0 && seps.includes(c)) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, to]);
  return out;
}

/** Is there a `:` outside brackets (depth counted as splitTop does)? */
function hasTopColon(s: string): boolean {
  let i = s.indexOf(':');
  if (i < 0) return false;
  let depth = 0;
  for (i = 0; i < s.length; i++) {
    const c = s[i];
    if (isOpener(c)) depth++;
    else if (isCloser(c) && depth > 0) depth--;
    else if (depth === 0 && c === ':') return true;
  }
  return false;
}

/**
 * The end of the next piece splitTop(s, from, to, seps) would return: the first top-level separator at or
 * after `from` (depth counted from `from`), or `to`. Stepping through pieces with it, each restarted after
 * the last separator, gives exactly splitTop's pieces: a separator is only ever taken at depth 0.
 */
function nextTop(s: string, from: number, to: number, seps: string): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (isOpener(c)) depth++;
    else if (isCloser(c) && depth > 0) depth--;
    else if (depth === 0 && seps.includes(c)) return i;
  }
  return to;
}

const TRIM = new Set('。，,;；:：、');
function isTrim(c: string): boolean {
  return TRIM.has(c) || /\s/.test(c);
}

/** trim()'s start alone: without walking back over a long run of punctuation at the end for every stop. */
function skipTrim(s: string, a: number, b: number): number {
  while (a < b && isTrim(s[a])) a++;
  return a;
}

function trim(s: string, a: number, b: number): Range {
  while (a < b && isTrim(s[a])) a++;
  while (b > a && isTrim(s[b - 1])) b--;
  return [a, b];
}

function suffixAt(s: string, a: number, b: number): [string, Role] | null {
  for (const suf of SUFFIXES) if (b - a >= suf[0].length && s.startsWith(suf[0], b - suf[0].length)) return suf;
  return null;
}

function labelAt(s: string, a: number, generic: boolean): { role: Role; text: string; end: number } | null {
  LABEL_RE.lastIndex = a;
  let m = LABEL_RE.exec(s);
  if (m) return { role: LABELS.find((l) => l[0] === m![1])![1], text: m[1], end: a + m[0].length };
  if (!generic) return null;
  GENERIC_LABEL_RE.lastIndex = a;
  m = GENERIC_LABEL_RE.exec(s);
  if (!m) return null;
  const w = m[1];
  const role: Role = /牵头|主责|主办/.test(w) ? 'lead' : /配合|协|参与|参加|支撑/.test(w) ? 'participate' : /落实|实施/.test(w) ? 'implement' : 'responsible';
  return { role, text: w, end: a + m[0].length };
}

/** Does the bracket content s[a, b) read as a responsibility clause? */
function looksLikeClause(s: string, a: number, b: number): boolean {
  [a, b] = trim(s, a, b);
  if (b - a < 2 || b - a > 600) return false;
  if (labelAt(s, a, true)) return true;
  const content = s.slice(a, b);
  if (FIRST_LEAD_RE.test(content) && !/[、]/.test(content)) return false; // the note alone
  for (const [x, y] of splitTop(s, a, b, ',;。')) {
    const [p, q] = trim(s, x, y);
    if (q > p && suffixAt(s, p, q)) return true;
  }
  return false;
}

export function isAgencyLike(name: string): boolean {
  return name.length >= 2 && name.length <= 40 && !/[。，,;；:：“”"]/.test(name) && AGENCY_END.test(name);
}

interface Item {
  agency: string;
  start: number;
  end: number;
}

/** The agency items of a list s[a, b): split at top-level 、, 等/由 dropped, shared suffix/prefix spread. */
function listItems(match: string, clean: string, a: number, b: number, notes: Range[]): Item[] {
  const items: Item[] = [];
  for (const [x, y] of splitTop(match, a, b, '、,')) {
    let [p, q] = trim(match, x, y);
    for (const [no, nc] of notes) if (no >= p && nc < q) q = Math.min(q, no); // drop `（排在第一为牵头单位）`
    [p, q] = trim(match, p, q);
    let name = clean.slice(p, q).replace(/\s+/g, '');
    const lead = /^(?:并由|由|请)/.exec(name);
    if (lead) {
      name = name.slice(lead[0].length);
      p += lead[0].length;
    }
    const etc = /(?:等等|等)(?:其他)?(?:有关|相关)?(?:部门|单位|机构)?$/.exec(name);
    if (etc && etc.index > 0) name = name.slice(0, etc.index);
    if (name) items.push({ agency: name, start: p, end: q });
  }
  return spread(items);
}

/** `蓬江区、新会区政府` → 蓬江区政府, 新会区政府; `省公安厅、发展改革委` → 省公安厅, 省发展改革委. */
function spread(items: Item[]): Item[] {
  if (items.length < 2) return items;
  const last = items[items.length - 1].agency;
  const sm = PLACE_SUFFIX.exec(last);
  if (sm && items.slice(0, -1).every((it) => PLACE.test(it.agency))) {
    // `各市、县人民政府`: a bare `县` is not a place of its own; the run is one collective name.
    if (items.some((it) => it.agency.length <= 1 || /^各?[区市县镇乡]$/.test(it.agency))) {
      return [{ agency: items.map((it) => it.agency).join('、'), start: items[0].start, end: items[items.length - 1].end }];
    }
    return items.map((it, i) => (i === items.length - 1 ? it : { ...it, agency: it.agency + sm[2] }));
  }
  let prefix: string | null = null;
  return items.map((it) => {
    const pm = LEVEL_PREFIX.exec(it.agency);
    if (pm) {
      prefix = pm[1];
      return it;
    }
    if (prefix && !NO_PREFIX.test(it.agency) && DEPARTMENT_STEMS.some((st) => it.agency.startsWith(st))) {
      return { ...it, agency: prefix + it.agency };
    }
    return it;
  });
}

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

function make(match: string, clean: string, style: Clause['style'], start: number, end: number, a: number, b: number): Clause {
  return { start, end, style, text: clean.slice(start, end), ...parseBody(match, clean, a, b) };
}

/**
 * The responsibility clauses of one paragraph (folded `match`, clean `clean`), in order: label clauses
 * (`责任单位：…` at the paragraph start or after a full stop), bracketed clauses anywhere, and an
 * unbracketed last sentence that parses completely (`A、B按职责分工负责。`).
 */
export function findClauses(match: string, clean: string): Clause[] {
  const out: Clause[] = [];
  const n = match.length;
  // Steps 1, 2 and 3 only ever yield a clause with a role label or a role word (each holds a CUE); without
  // one only step 2b can report something. Most paragraphs have no cue: this skips their splits.
  const cued = CUE_RE.test(match);
  // 1. label clauses: from a sentence start to the end of the paragraph or of the last label sentence.
  // Sentence starts come in order, so the punctuation after each is skipped by one forward pointer (a
  // `trim` per start walked the whole run of `。。。…` after it: O(run²)).
  // (a label clause starts a sentence at the top level and its label ends in `:`, so a paragraph without a
  // top-level `:` has none: the bracketed `（牵头单位：…）` style skips the sentence split)
  const starts = cued && hasTopColon(match) ? [0, ...splitTop(match, 0, n, '。;').slice(1).map(([x]) => x)] : [];
  let s = 0;
  for (const s0 of starts) {
    if (s < s0) s = s0;
    while (s < n && isTrim(match[s])) s++;
    if (out.length && s < out[out.length - 1].end) continue;
    if (!labelAt(match, s, false)) continue;
    // a `。` ends the clause unless another role label follows (`责任单位：A。配合单位：B。`); the stops
    // are read one at a time from s (splitting the rest of the paragraph anew per label sentence was O(n²))
    let end = n;
    for (let y = nextTop(match, s, n, '。'); ; y = nextTop(match, y + 1, n, '。')) {
      if (y >= n || !labelAt(match, skipTrim(match, y, n), false)) {
        end = y;
        break;
      }
    }
    const [, e] = trim(match, s, end);
    out.push(make(match, clean, 'label', s, e, s, e));
  }
  // 2. bracketed clauses outside the label clauses (both in order: one pointer over the label clauses)
  const groups = topGroups(match, 0, n);
  const labels = out.slice();
  let li = 0;
  for (const [o, c] of cued ? groups : []) {
    while (li < labels.length && labels[li].end <= o) li++;
    if (li < labels.length && o >= labels[li].start) continue;
    if (!looksLikeClause(match, o + 1, c)) continue;
    out.push(make(match, clean, 'bracket', o, c + 1, o + 1, c));
  }
  // 2b. a bracket closing the paragraph that lists agencies but names no role (`（各有关单位）`): reported
  const lastG = groups[groups.length - 1];
  if (lastG && !out.some((k) => k.start <= lastG[0] && k.end > lastG[0]) && /^[\s。；;，,]*$/.test(match.slice(lastG[1] + 1))) {
    const names = splitTop(match, lastG[0] + 1, lastG[1], '、,').map(([x, y]) => clean.slice(...trim(match, x, y)).replace(/\s+/g, ''));
    if (names.length && names.every((nm) => isAgencyLike(nm) && ROLELESS_END.test(nm))) {
      out.push({
        start: lastG[0], end: lastG[1] + 1, style: 'bracket', text: clean.slice(lastG[0], lastG[1] + 1),
        entries: [], carry: [], firstIsLead: null, problems: [`agencies without a role word: "${names.join('、')}"`],
      });
    }
  }
  out.sort((x, y) => x.start - y.start);
  // 3. an unbracketed last sentence that is nothing but a clause
  const [, tEnd] = trim(match, 0, n);
  if (cued && !out.some((k) => k.end >= tEnd)) {
    const sents = splitTop(match, 0, tEnd, '。;');
    const [p, q] = trim(match, sents[sents.length - 1][0], tEnd);
    if (q - p >= 4 && q - p <= 200 && !/[(\[〔【]/.test(match[q - 1] ?? '')) {
      const k = make(match, clean, 'sentence', p, q, p, q);
      if (k.entries.length && !k.problems.length && k.entries.every((e) => isAgencyLike(e.agency))) out.push(k);
    }
  }
  return out;
}

/**
 * Department-as-subject duty lines of a 职责分工 section: `市房产局：负责牵头…`, `房管所、规建生态办负责牵头组织…`,
 * `经发办负责园区…工作；`. The subject list must consist of agency names; the role is `lead` when the duty
 * starts with 牵头, else `responsible`. The paragraph text is the task; the clause is the subject.
 */
export function findDutySubject(match: string, clean: string): Clause | null {
  const head = match.slice(0, 120);
  let cut = -1;
  let connector = '';
  const colon = head.indexOf(':');
  const fz = head.indexOf('负责');
  const qt = head.indexOf('牵头');
  const cands = [colon, fz, qt].filter((i) => i > 0);
  if (!cands.length) return null;
  cut = Math.min(...cands);
  const after = match.slice(cut);
  const cm = /^(?::\s*)?(?:负责)?(?:牵头)?/.exec(after)!;
  connector = clean.slice(cut, cut + cm[0].length);
  const [a, b] = trim(match, 0, cut);
  if (/[,;。]/.test(match.slice(a, b))) return null; // a subject is a 、-list, not a sentence
  const items = listItems(match, clean, a, b, []);
  if (!items.length || !items.every((it) => isAgencyLike(it.agency))) return null;
  const role: Role = /牵头/.test(connector) ? 'lead' : 'responsible';
  const roleText = connector.replace(/^[\s:：]+/, '') || '：';
  return {
    start: a, end: cut + cm[0].length, style: 'duty', text: clean.slice(a, cut + cm[0].length),
    entries: items.map((it) => ({ agency: it.agency, role, roleText, start: it.start, end: it.end })),
    carry: [], firstIsLead: null, problems: [],
  };
}
