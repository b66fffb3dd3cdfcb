/**
 * Deadlines stated in a task: `2020年年底前`, `2022年6月底前`, `2022 年 2 月底前` (PDF export puts blanks
 * around the digits), `于2021年6月20日前`, `到2025年`, `到 2022 年底`, and the open-ended `长期坚持`
 * (year null). A year that is a baseline (`比2015年`, `较2020年`, `以2013年为基准`) is not a deadline.
 * All patterns are anchored on a literal and use bounded quantifiers, so they are linear on any text.
 */
import { DEADLINE_LINE_LABEL } from '../model/vocab/deadline-labels.js';
import { charTest, isBlank, runStart } from './ends.js';

export interface Deadline {
  text: string;
  year: number | null;
  month?: number | null;
  /** index of the deadline in the searched string (folded text and clean text share indices) */
  start: number;
  end: number;
}

const B = '\\s{0,2}';
// `2022 年 6 月 20 日前`, `2020年年底前`, `2025 年底前`, `2023年上半年`, `2021年12月31日之前`
const DATED = new RegExp(
  `((?:19|20)\\d{2})${B}年${B}(?:(\\d{1,2})${B}月${B}(?:(\\d{1,2})${B}日)?${B}(?:底|末|中旬|上旬|下旬)?|年底|年末|底|末|上半年|下半年|第[一二三四1-4]季度末?)?${B}(?:前|以前|之前)`,
  'g',
);
// `到2025年`, `到 2022 年底`, `到2030年末` (`截至2020年` is a past date, `有效期至…` a validity)
const BY_YEAR = new RegExp(`到${B}((?:19|20)\\d{2})${B}年${B}(?:(\\d{1,2})${B}月)?(?:年底|年末|底|末)?`, 'g');
/** what DATED and BY_YEAR both need (their year group, without the blanks around it) */
const YEAR = /(?:19|20)\d{2}/;
// an open-ended commitment used where a date would stand
const ONGOING = /长期坚持|长期推进|长期执行/g;
/** a label whose value is a deadline: `完成时限：2022 年 2 月底前` */
export const DEADLINE_LABEL = DEADLINE_LINE_LABEL;

function at(m: RegExpExecArray, year: number | null, month: number | null): Deadline {
  return { text: m[0].trim(), year, month, start: m.index, end: m.index + m[0].length };
}

/** 1 inside a book title `《…》`: `《达州市2030年前碳达峰行动方案》` names a document, it sets no deadline. */
function titleMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '《') depth++;
    else if (text[i] === '》' && depth > 0) depth--;
    if (depth > 0) mask[i] = 1;
  }
  return mask;
}

/** Deadlines in `text`, in order, without overlaps. */
export function findDeadlines(text: string): Deadline[] {
  const out: Deadline[] = [];
  // Each pattern needs its literal: DATED a year and `前`, BY_YEAR a year and `到`, ONGOING `长期`. Most
  // paragraphs have none of them; checking first skips the three global scans and the title mask.
  const dated = YEAR.test(text) && (text.includes('前') || text.includes('到'));
  if (!dated && !text.includes('长期')) return out;
  const inTitle = titleMask(text);
  for (const m of text.matchAll(DATED)) {
    const month = m[2] ? Number(m[2]) : null;
    out.push(at(m as RegExpExecArray, Number(m[1]), month && month <= 12 ? month : null));
  }
  for (const m of text.matchAll(BY_YEAR)) {
    const month = m[2] ? Number(m[2]) : null;
    out.push(at(m as RegExpExecArray, Number(m[1]), month && month <= 12 ? month : null));
  }
  // `长期坚持` is a deadline only where a date would stand: at the end of a clause.
  for (const m of text.matchAll(ONGOING)) {
    const next = text[m.index + m[0].length] ?? '';
    if (next === '' || /[。；;，,）)\]\s]/.test(next)) out.push(at(m as RegExpExecArray, null, null));
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Deadline[] = [];
  for (const d of out) {
    if (inTitle[d.start]) continue;
    const last = kept[kept.length - 1];
    if (last && d.start < last.end) continue;
    kept.push(d);
  }
  return kept;
}

const STOP = charTest('。；;');
/** `s.replace(/[。；;]+\s*$/, '')` as a loop (that pattern is quadratic on a long run of `。` not at the end). */
function dropFinalStop(s: string): string {
  const b = runStart(s, isBlank);
  const p = runStart(s, STOP, b);
  return p < b ? s.slice(0, p) : s;
}

// (`2024—2025年`, `2024年至2025年6月`: a span of years ends at its second; `每年12月底前`: a month every year)
const LABELLED_DATE = /^(?:(?:19|20)\d{2}\s{0,2}年?\s{0,2}[-—–~～至到]\s{0,2})?((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月)?|^(?:每年|每半年|每季度|每月)\s{0,2}(\d{1,2})\s{0,2}月/;

/** A value that starts with a year (and month): what a deadline label's value says when it is bare. */
function labelledDate(value: string): { year: number | null; month: number | null } | null {
  const d = LABELLED_DATE.exec(value);
  if (!d) return null;
  const written = d[2] ?? d[3];
  const month = written ? Number(written) : null;
  return { year: d[1] ? Number(d[1]) : null, month: month !== null && month >= 1 && month <= 12 ? month : null };
}

/** The value of a `完成时限：…` label line as one deadline (year may be null: `按照国省安排部署`). */
export function labelDeadline(text: string): Deadline | null {
  const m = DEADLINE_LABEL.exec(text);
  if (!m) return null;
  const value = dropFinalStop(text.slice(m[0].length)).trim();
  if (!value) return null;
  // after the label the value is a date even without 前/到 (`完成时限：2024年10月底`, `完成时间：2024年12月`)
  const inner = findDeadlines(value)[0] ?? labelledDate(value);
  const start = m[0].length;
  return { text: value, year: inner ? inner.year : null, month: inner?.month ?? null, start, end: start + value.length };
}
