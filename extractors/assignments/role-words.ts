/**
 * Reading the vocabulary of roles (model/vocab/roles.ts: labels written before a list, `牵头单位：`, role
 * words written after one, `…牵头`, `…按职责分工负责`) in a clause. Recognising "which role does
 * this text name, and where does the role text end" is one job, separate from finding clauses and from
 * splitting the agency lists they carry; adding a label or role word is an edit in roles.ts only.
 */
import { DEADLINE_LABELS } from '../../model/vocab/deadline-labels.js';
import { IMPLEMENT_IN_LABEL, LEAD_STEM, PARTICIPATE_IN_LABEL, ROLE_ADVERBS, ROLE_LABELS, ROLE_SUFFIXES, type Role } from '../../model/vocab/roles.js';

const LABEL_RE = new RegExp(`\\s*(${ROLE_LABELS.map((l) => l[0]).join('|')})\\s*:\\s*`, 'y');
/** Any `…单位：` / `…部门：` label inside a bracket; its role is read from its words. */
const GENERIC_LABEL_RE = /\s*([\u4e00-\u9fff]{0,4}(?:单位|部门))\s*:\s*/y;

/**
 * The role word that s[a, b) ends with, longest first, with any adverb right before it (`分别牵头`), or
 * null. The returned text is what follows the agency list: its length is where the list ends.
 */
export function suffixAt(s: string, a: number, b: number): readonly [string, Role] | null {
  for (const suf of ROLE_SUFFIXES) {
    if (b - a < suf[0].length || !s.startsWith(suf[0], b - suf[0].length)) continue;
    const at = b - suf[0].length;
    for (const adv of ROLE_ADVERBS) {
      // (`负责` before `负责落实` is the same word twice only in text no writer produces: any adverb is one)
      if (at - adv.length > a && s.startsWith(adv, at - adv.length)) return [adv + suf[0], suf[1]];
    }
    return suf;
  }
  return null;
}

/** deadline labels, cut off the same way (`牵头单位：A、B 完成时限：2024年12月`) */
const WHEN_LABELS: Array<[string]> = DEADLINE_LABELS.map((w) => [w]);

/**
 * Where a second role label starts inside s[a, b) (`牵头单位：A 配合单位：B`, `牵头单位：A配合单位：B`: two
 * labels on one line with no comma between them; a deadline label too): the positions to cut at, each a known label right before a
 * `:`. Linear: one look-back of the longest label's length per colon.
 */
export function innerLabelStarts(s: string, a: number, b: number): number[] {
  const out: number[] = [];
  // (a scan of the segment itself: `indexOf(':', …)` read on to the end of the paragraph for every segment)
  for (let k = a + 1; k < b; k++) {
    if (s.charCodeAt(k) !== 0x3a) continue; // ':' (the folded `：`)
    let e = k;
    while (e > a && /\s/.test(s[e - 1])) e--;
    // the longest label ending here: `牵头责任单位：` at the segment's start is its own label, not a cut
    const hit = ROLE_LABELS.find(([w]) => e - w.length >= a && s.startsWith(w, e - w.length)) ?? WHEN_LABELS.find(([w]) => e - w.length >= a && s.startsWith(w, e - w.length));
    if (hit && e - hit[0].length > a) out.push(e - hit[0].length);
  }
  return out;
}

/** The role label starting at s[a] (blanks and its `:` included in `end`); `generic` admits any `…单位:`. */
export function labelAt(s: string, a: number, generic: boolean): { role: Role; text: string; end: number } | null {
  LABEL_RE.lastIndex = a;
  let m = LABEL_RE.exec(s);
  if (m) return { role: ROLE_LABELS.find((l) => l[0] === m![1])![1], text: m[1], end: a + m[0].length };
  if (!generic) return null;
  GENERIC_LABEL_RE.lastIndex = a;
  m = GENERIC_LABEL_RE.exec(s);
  if (!m) return null;
  const w = m[1];
  const role: Role = LEAD_STEM.test(w) ? 'lead' : PARTICIPATE_IN_LABEL.test(w) ? 'participate' : IMPLEMENT_IN_LABEL.test(w) ? 'implement' : 'responsible';
  return { role, text: w, end: a + m[0].length };
}
