/**
 * Responsibility clauses: find them in a paragraph. This module decides WHERE a clause is; what it says
 * is parsed by clause-body.ts (roles from role-words.ts, agency lists from agency-list.ts).
 *
 * Where real documents put them:
 *   `…[A、B牵头，C、D参加]`                       a bracket anywhere in the paragraph
 *   `责任单位：A、B（排在第一为牵头单位，下同）`    a label line of its own, at the start or after a `。`
 *   `…。A、B按职责分工负责。`                    an unbracketed last sentence (accepted only if it parses)
 *   `…（各有关单位）`                             a closing bracket of agencies with no role: reported
 * Everything runs on the folded text (（→( ，→, ：→:), names are cut from the clean text at the same
 * indices. One pass per paragraph, no backtracking regex.
 *
 * This is also the entry point the rest of the project imports: the clause types, the duty-subject
 * reader and the body parser are re-exported so importers need one path.
 */
import { isAgencyLike } from './agency-list.js';
import { hasTopColon, nextTop, skipTrim, splitTop, topGroups, trim } from './bracket-scan.js';
import { FIRST_LEAD_RE, parseBody } from './clause-body.js';
import type { Clause, ClauseEntry } from './clause-types.js';
import { labelClauseEnd } from './clause-stops.js';
import { ROLE_CUE } from '../../model/vocab/roles.js';
import { labelAt, suffixAt } from './role-words.js';
import { readTogetherWith } from './together-with.js';
import { plainLabels } from './label-forms.js';

export type { Clause, ClauseEntry, Role } from './clause-types.js';
export { parseBody } from './clause-body.js';
export { findDutyHeading, findDutySubject } from './duty-subject.js';
export { isAgencyLike, listItems } from './agency-list.js';
export { CLOSING_RE } from './clause-stops.js';

/** a role-less bracket is reported only when every name is unmistakably an agency (not a place, `（蓬江区）`) */
const ROLELESS_END = /(?:局|委|厅|办|部|中心|政府|委员会|管委会|单位|部门|机构)$/;

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
    // a role label after another segment: `（6月底完成，牵头考核单位：…）` (the named labels only: a bare
    // `…单位：` this late in an aside is too weak a sign)
    if (q > p && p > a && labelAt(s, p, false)) return true;
  }
  return false;
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
  const plain = plainLabels(match);
  if (plain === match) return findClausesIn(match, clean);
  // a label clause read from `【责任单位】…` or `★牵头单位：…` starts at its `【` or `★` (the character the
  // rewrite changed right before it), so the task's text does not end in one
  return findClausesIn(plain, clean).map((k) => {
    if (k.style !== 'label' || k.start === 0 || plain[k.start - 1] === match[k.start - 1]) return k;
    return { ...k, start: k.start - 1, text: clean.slice(k.start - 1, k.end) };
  });
}

function findClausesIn(match: string, clean: string): Clause[] {
  const out: Clause[] = [];
  const n = match.length;
  // Steps 1, 2 and 3 only ever yield a clause with a role label or a role word (each holds a CUE); without
  // one only step 2b can report something. Most paragraphs have no cue: this skips their splits.
  const cued = ROLE_CUE.test(match);
  // 1. label clauses: from a sentence start to the end of the paragraph or of the last label sentence.
  // Sentence starts come in order, so the punctuation after each is skipped by one forward pointer (a
  // `trim` per start walked the whole run of `。。。…` after it: O(run²)).
  // (a label clause starts a sentence at the top level and its label ends in `:`, so a paragraph without a
  // top-level `:` has none: the bracketed `（牵头单位：…）` style skips the sentence split)
  const starts = cued && hasTopColon(match) ? [0, ...splitTop(match, 0, n, '。;').slice(1).map(([x]) => x)] : [];
  let s = 0;
  for (const s0 of starts) {
    if (s < s0) s = s0;
    s = skipTrim(match, s, n);
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
    const [, e] = trim(match, s, labelClauseEnd(match, s, end));
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
    // (never over a clause already found: `责任单位：A完成时限：…` is a label clause and a deadline)
    if (q - p >= 4 && q - p <= 200 && !/[(\[〔【]/.test(match[q - 1] ?? '') && !out.some((k) => k.end > p)) {
      const k = make(match, clean, 'sentence', p, q, p, q);
      if (k.entries.length && !k.problems.length && k.entries.every((e) => isAgencyLike(e.agency))) out.push(k);
    }
  }
  // 4. a sentence that opens with its clause before saying what is to be done
  // (`由A会同B制定…` holds no role word: 会同 is its cue)
  if (cued || match.includes('会同')) for (const k of leadClauses(match, clean, tEnd, out)) out.push(k);
  out.sort((x, y) => x.start - y.start);
  return out;
}

/** At most this many role segments open a sentence (`由A牵头，B配合，C参与，D落实，…`). */
const MAX_LEAD_SEGMENTS = 4;
/**
 * A name in a sentence-opening clause must read as a body of a place or a collective (`县林业局`, `市发展改革委`,
 * `各乡镇`, `相关部门`): without a bracket or label to frame it, `坚持政府牵头，部门协同，…` is a principle, and
 * its `坚持政府` is no agency.
 */
const LEAD_AGENCY = /^(?:[省市县区州盟旗镇乡]|各|相关|有关|[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|盟|旗)|[\u4e00-\u9fff]{2,6}?(?:镇|乡|街道))|(?:局|委|办|厅|中心|公司|集团)$/;

/**
 * `由县林业局牵头，县住建局、县城管局配合，新增城市绿地5万平方米。`, `县文旅局、县自然资源局按职责分工
 * 负责，2025年底前完成…`: the comma-separated segments that open a sentence and each end in a role word,
 * when every name in them reads as an agency, are its clause; the rest of the sentence is the task's.
 * Sentences already holding a clause (`found`, in order) are left alone. Linear: each sentence split once, each
 * segment parsed once, one pointer over `found`.
 */
function leadClauses(match: string, clean: string, n: number, found: Clause[]): Clause[] {
  const out: Clause[] = [];
  let fi = 0; // one pointer over the clauses found (in order), not a search per sentence
  for (const [x, y] of splitTop(match, 0, n, '。;')) {
    const [p, q] = trim(match, x, y);
    while (fi < found.length && found[fi].end <= p) fi++;
    if (q - p < 4 || (fi < found.length && found[fi].start < q)) continue;
    let end = -1;
    let start = p;
    let together: ReturnType<typeof readTogetherWith> = null;
    const segs = splitTop(match, p, q, ',');
    for (let i = 0; i < segs.length && i < MAX_LEAD_SEGMENTS; i++) {
      let [a, b] = trim(match, segs[i][0], segs[i][1]);
      // `三项制度工作由房产部门牵头，…`: the subject before `由` is the task's, the clause starts at `由`
      if (i === 0) {
        let by = b - 1;
        while (by > a && match[by] !== '由') by--; // within the segment only: linear over the sentence
        if (by > a) start = a = by;
      }
      // `由A牵头，会同B、C研究制定…`: the units after 会同 take part; the sentence's verb ends the clause
      if (end >= 0 && match.startsWith('会同', a)) together = readTogetherWith(match, clean, a, b);
      if (together) break;
      if (b - a < 3 || !suffixAt(match, a, b)) {
        // `由A会同B制定…`: A leads (the first segment, opened by 由), B takes part
        if (i === 0 && match[a] === '由') together = leadTogether(match, clean, a, b);
        break;
      }
      const seg = parseBody(match, clean, a, b);
      if (!seg.entries.length || seg.problems.length || !seg.entries.every((e) => isAgencyLike(e.agency) && LEAD_AGENCY.test(e.agency))) break;
      end = b;
    }
    if (end < 0 && together) {
      const to = together.end;
      out.push({ start, end: to, style: 'sentence', text: clean.slice(start, to), entries: together.entries, carry: [], firstIsLead: null, problems: [], governsTo: y });
    }
    if (end < 0) continue;
    const k = make(match, clean, 'sentence', start, end, start, end);
    if (!k.entries.length || k.problems.length) continue;
    if (together) {
      const to = together.end;
      out.push({ ...k, end: to, text: clean.slice(start, to), entries: [...k.entries, ...together.entries], governsTo: y });
    } else out.push({ ...k, governsTo: y });
  }
  return out;
}

/**
 * `由A会同B、C制定…` (s[a, b) the first segment, opened by 由): A leads (role text 会同), the units after it
 * take part; null when the segment is not that.
 */
function leadTogether(match: string, clean: string, a: number, b: number): ReturnType<typeof readTogetherWith> {
  // (the first 会同 of the segment; `会同县财政局` reads as 会同 + 县财政局 here: the list must parse as
  // agencies followed by a verb, and a county's own plan names its units 县…, not 会同县…)
  const k = match.slice(a, b).indexOf('会同') + a;
  if (k <= a + 3) return null;
  const lead = clean.slice(a + 1, k).replace(/\s+/g, '');
  if (!isAgencyLike(lead) || !LEAD_AGENCY.test(lead) || /[、,，]/.test(lead)) return null;
  const together = readTogetherWith(match, clean, k, b);
  if (!together) return null;
  const first: ClauseEntry = { agency: lead, role: 'lead', roleText: '会同', start: a + 1, end: k };
  return { entries: [first, ...together.entries], end: together.end };
}
