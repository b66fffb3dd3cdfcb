/**
 * A deadline written as one segment of a responsibility clause: `（6月底完成，牵头考核单位：…）`,
 * `（牵头单位：A；2023年底前完成）`, `（…，完成时限：2022年12月底）`, `（…，长期坚持）`. Such a segment says when,
 * not who: it is neither an agency nor a list missing its role. The whole segment must be the date phrase
 * (with at most a verb after it), so a name holding a number is never taken for one. Anchored, bounded
 * patterns: linear.
 */

import { DEADLINE_LABEL_ALT } from '../../model/vocab/deadline-labels.js';

const B = '\\s{0,2}';
/** Longest segment that can be only a date phrase: `完成时限：2022年12月底前完成` is 17; twice that and more
 * leaves room for blanks between digits, and a longer segment says more than a date. */
const MAX_DATE_SEGMENT = 40;
/** `2024—2025年`, `2024年至2025年`: a span of years (its end is the deadline's year) */
const YEAR_SPAN = `(?:(?:19|20)\\d{2}${B}年?${B}[-—–~～至到]${B})?`;
/** `每年12月底前`, `每季度末`: a recurring date (no year of its own) */
const RECURRING = `(?:每年|每半年|每季度|每月)?${B}`;
/** `2023年`, `2023年6月`, `6月`, `6月30日`, `年底`, `三季度`, `春节前`, `汛期前`, with 底/末/前/以前 and a closing verb */
const DATE_SEGMENT = new RegExp(
  `^(?:(?:${DEADLINE_LABEL_ALT})${B}[:：】\\]］]${B})?(?:于|在|到|至)?${YEAR_SPAN}${RECURRING}` +
    `(?:(?:(?:19|20)\\d{2}${B}年${B})?(?:\\d{1,2}${B}月${B}(?:\\d{1,2}${B}日)?|年底|年末|上半年|下半年|(?:第?[一二三四1-4])${B}季度|春节|元旦|国庆节?|汛期|主汛期|汛)` +
    `|(?:19|20)\\d{2}${B}年)${B}(?:底|末|上旬|中旬|下旬)?${B}(?:前|以前|之前)?${B}(?:完成|落实|到位|实现|建成|见效|出台|启动|实施)?$`,
);
/** open-ended commitments written where a date would stand */
const ONGOING_SEGMENT = new RegExp(
  `^(?:(?:${DEADLINE_LABEL_ALT})${B}[:：】\\]］]${B})?(?:(?:19|20)\\d{2}${B}年起)?(?:长期(?:坚持|推进|执行)?|持续(?:推进|实施|开展)?|常态化(?:推进|开展)?|每(?:年|半年|季度|月)(?:末|底)?(?:前)?|年内完成)$`,
);
/** (`】`: the label written `【完成时限】2024年底前`, see clauses.ts openBracketLabels) */
const LEADING_LABEL = new RegExp(`^(?:${DEADLINE_LABEL_ALT})${B}[:：】\\]］]${B}`);

/** a segment's first word spaced out character by character before its colon (`完 成 时 限：`) */
const SPACED_LABEL = /^(?:[\u4e00-\u9fff][ \u3000]){1,7}[\u4e00-\u9fff](?=[ \u3000]*[:：])/;

/** The deadline a whole clause segment states (its text, without a `完成时限：` label), or null. */
export function deadlineSegment(seg: string): string | null {
  // (a label spaced out by OCR, `完 成 时 限：`, closed up first)
  const s = seg.trim().replace(SPACED_LABEL, (w) => w.replace(/[ \u3000]/g, ''));
  if (s.length > MAX_DATE_SEGMENT) return null;
  if (!DATE_SEGMENT.test(s) && !ONGOING_SEGMENT.test(s)) return null;
  return s.replace(LEADING_LABEL, '');
}

const YEAR_OF = /((?:19|20)\d{2})\s{0,2}年/g;
const MONTH_OF = /(\d{1,2})\s{0,2}月/g;

/** the last match of a global pattern in text (a span `2024年至2025年6月` ends at its last date) */
function lastOf(re: RegExp, text: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(re)) last = m as RegExpExecArray;
  return last;
}

/**
 * A clause deadline as a task deadline: year and month when written (`6月底完成` → year null, month 6); a
 * span of dates gives its end (`2024年至2025年` → 2025).
 */
export function clauseDeadline(text: string): { text: string; year: number | null; month: number | null } {
  const y = lastOf(YEAR_OF, text);
  const m = lastOf(MONTH_OF, text);
  const month = m ? Number(m[1]) : null;
  return { text, year: y ? Number(y[1]) : null, month: month && month >= 1 && month <= 12 ? month : null };
}
