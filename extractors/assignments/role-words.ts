/**
 * The vocabulary of roles: labels written before a list (`牵头单位：`), role words written after one
 * (`…牵头`, `…按职责分工负责`), and the literal cues every one of them holds. Recognising "which role does
 * this text name, and where does the role text end" is one job, separate from finding clauses and from
 * splitting the agency lists they carry; adding a label or role word is an edit here only.
 */
import type { Role } from './clause-types.js';

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
    // the same without its verb (`A、B按职责分工`): the role is the same, and the words are never a name
    ['按职责分工', 'responsible'], ['按照职责分工', 'responsible'], ['按职能分工', 'responsible'], ['按各自职责', 'responsible'],
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
const CUES = ['单位', '部门', '处室', '主体', '负责', '落实', '牵头', '参与', '参加', '配合', '协助', '协同', '协办', '分工', '职责'];
for (const [w] of [...LABELS, ...SUFFIXES]) if (!CUES.some((c) => w.includes(c))) throw new Error(`role-words.ts: role word "${w}" holds none of CUES`);
/** matches when a text holds any cue: without one it holds no role label or role word */
export const CUE_RE = new RegExp(CUES.join('|'));

const LABEL_RE = new RegExp(`\\s*(${LABELS.map((l) => l[0]).join('|')})\\s*:\\s*`, 'y');
/** Any `…单位：` / `…部门：` label inside a bracket; its role is read from its words. */
const GENERIC_LABEL_RE = /\s*([\u4e00-\u9fff]{0,4}(?:单位|部门))\s*:\s*/y;

/**
 * Adverbs written between a list and its role word (`A、B分别牵头`, `A各自负责`, `A负责牵头`): part of the
 * role text, never of the last name. Longest first; tried once, right before the role word.
 */
const ADVERBS = ['按职责分工', '按照职责', '依职责', '按职责', '分别', '各自', '共同', '联合', '负责', '具体', '统筹'];

/**
 * The role word that s[a, b) ends with, longest first, with any adverb right before it (`分别牵头`), or
 * null. The returned text is what follows the agency list: its length is where the list ends.
 */
export function suffixAt(s: string, a: number, b: number): [string, Role] | null {
  for (const suf of SUFFIXES) {
    if (b - a < suf[0].length || !s.startsWith(suf[0], b - suf[0].length)) continue;
    const at = b - suf[0].length;
    for (const adv of ADVERBS) {
      // (`负责` before `负责落实` is the same word twice only in text no writer produces: any adverb is one)
      if (at - adv.length > a && s.startsWith(adv, at - adv.length)) return [adv + suf[0], suf[1]];
    }
    return suf;
  }
  return null;
}

/** deadline labels, cut off the same way (`牵头单位：A、B 完成时限：2024年12月`) */
const WHEN_LABELS: Array<[string]> = [['完成时限'], ['完成时间'], ['时间节点'], ['时限要求'], ['完成期限']];

/**
 * Where a second role label starts inside s[a, b) (`牵头单位：A 配合单位：B`, `牵头单位：A配合单位：B`: two
 * labels on one line with no comma between them; a deadline label too): the positions to cut at, each a known label right before a
 * `:`. Linear: one look-back of the longest label's length per colon.
 */
export function innerLabelStarts(s: string, a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = s.indexOf(':', a + 1); k >= 0 && k < b; k = s.indexOf(':', k + 1)) {
    let e = k;
    while (e > a && /\s/.test(s[e - 1])) e--;
    // the longest label ending here: `牵头责任单位：` at the segment's start is its own label, not a cut
    const hit = LABELS.find(([w]) => e - w.length >= a && s.startsWith(w, e - w.length)) ?? WHEN_LABELS.find(([w]) => e - w.length >= a && s.startsWith(w, e - w.length));
    if (hit && e - hit[0].length > a) out.push(e - hit[0].length);
  }
  return out;
}

/** The role label starting at s[a] (blanks and its `:` included in `end`); `generic` admits any `…单位:`. */
export function labelAt(s: string, a: number, generic: boolean): { role: Role; text: string; end: number } | null {
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
