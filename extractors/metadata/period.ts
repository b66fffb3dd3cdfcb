/**
 * What a plan is and what time it covers, read from its title only: a five-year period (`十四五`, `第八个五年
 * 计划`), a range of years (`（2023-2025年）`), or the single year of an annual plan (`2022年行动计划`).
 * A period mentioned in passing in the body (`“十四五”时期…`) says nothing about the document's own period.
 */
import type { DocumentRecord } from '../../schemas/records.js';
import { foldString } from '../../model/normalize.js';

export function kindOf(title: string): DocumentRecord['kind'] {
  if (/(?:编制|起草|编制情况)?说明$/.test(title)) return 'explanatory_note';
  // a report on a plan (`…规划环境影响报告书`, `…规划中期评估报告`) or a reading of it is no plan; a report that
  // carries one (`关于报送…工作方案的报告`) is read as the plan it carries
  if (/(?:报告书|评估报告|研究报告|评估|研究|解读|问答|总结)$/.test(title.replace(/[(（][^()（）]{1,14}[)）]$/, ''))) return 'other';
  const t = title.replace(/的通知$/, '').replace(/》$/, '');
  if (/实施方案|实施计划|实施意见/.test(t)) return 'implementation_plan';
  if (/工作方案|行动方案|行动计划|工作计划|工作要点|方案|(?:任务|责任|工作)分工|任务分解|任务清单|责任清单|责任分解|工作安排|任务台账|工作台账/.test(t)) return 'work_plan';
  // an action named as such (`城市更新三年行动（2023—2025年）`, `“攻坚行动”`, `专项行动`): a work plan
  // (the title itself: a notice `关于开展…专项行动的通知` is a notice)
  if (/行动[”"』」》]{0,3}$/.test(title.replace(/[(（][^()（）]{1,14}[)）]$/, ''))) return 'work_plan';
  if (/规划|纲要|纲领|计划/.test(t)) return 'plan';
  return 'other';
}

const CN = '零一二三四五六七八九';

function toCn(n: number): string {
  if (n < 10) return CN[n];
  if (n < 20) return '十' + (n % 10 ? CN[n % 10] : '');
  return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
}

function fromCn(s: string): number | null {
  if (/^[一二三四五六七八九]$/.test(s)) return CN.indexOf(s);
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return null;
  return (m[1] ? CN.indexOf(m[1]) : 1) * 10 + (m[2] ? CN.indexOf(m[2]) : 0);
}

/** Years of the n-th five-year plan: 一五 1953-1957, 二五 1958-1962, 三五 1966-1970, then every five years from 四五 1971-1975. */
export function fiveYearSpan(n: number): { start: number; end: number } | null {
  if (n < 1 || n > 40) return null;
  const start = n === 1 ? 1953 : n === 2 ? 1958 : n === 3 ? 1966 : 1971 + (n - 4) * 5;
  return { start, end: start + 4 };
}

const RANGE = /((?:19|20)\d{2})\s*(?:年\s*)?[-—–－~～至到]\s*((?:19|20)\d{2})\s*年?/;

/** The five-year period a title names: `十四五`, `“十四五”`, `第八个五年计划` → `八五`, an aligned range `2021-2025` → `十四五`. */
export function periodOf(written: string): string | null {
  const text = foldString(written); // `（２０２１—２０２５年）` of a Word file reads as digits
  const m = /(十[一二三四五六七八九]?五|[一二三四五六七八九]五)(?=[”"」』’'》]|规划|计划|时期|期间|期|发展规划)/.exec(text);
  if (m) return m[1];
  // quotes dropped (a scraped title or a file name: `德州市十四五生态环境保护规划`): the three-character form only,
  // not inside a larger number (`二十四五`) nor counting something (`十四五个`)
  const bare = /(?<![一二三四五六七八九十零〇百第])(十[一二三四五六七八九]五)(?![一二三四五六七八九十零〇百千万亿个年月日届次条项名位分号%％])/.exec(text);
  if (bare) return bare[1];
  const nth = /第([一二三四五六七八九十]{1,3})个五年(?:规划|计划)/.exec(text);
  if (nth) {
    const n = fromCn(nth[1]);
    if (n !== null && n >= 1) return `${toCn(n)}五`;
  }
  const r = RANGE.exec(text);
  if (r) {
    const a = Number(r[1]);
    const b = Number(r[2]);
    if (b - a === 4 && a >= 1971 && (a - 1971) % 5 === 0) return `${toCn((a - 1971) / 5 + 4)}五`;
  }
  return null;
}

/** `十四五` → 14; null for anything else. */
function periodNumber(period: string): number | null {
  return period.endsWith('五') ? fromCn(period.slice(0, -1)) : null;
}

/**
 * The years a title says its plan covers: those of its five-year period, else its range of years, else the
 * one year of an annual plan (`2022年行动计划`, `2025年度实施计划`; not a horizon such as `2030年前`).
 */
export function periodYears(written: string, period: string | null): { start: number; end: number } | null {
  const title = yearDigits(written);
  const n = period ? periodNumber(period) : null;
  if (n !== null) return fiveYearSpan(n);
  const r = RANGE.exec(title);
  if (r) {
    const a = Number(r[1]);
    const b = Number(r[2]);
    return b >= a && b - a <= 30 ? { start: a, end: b } : null;
  }
  const y = singleYear(title);
  return y === null ? null : { start: y, end: y };
}

/** The one year a title names, not part of a range and not a horizon (`2030年前`, `2035年远景目标`). */
export function singleYear(written: string): number | null {
  const title = yearDigits(written);
  if (RANGE.test(title)) return null;
  const years = [...title.matchAll(/((?:19|20)\d{2})\s*年(?!前|以前|远景|以后|后)/g)].map((m) => Number(m[1]));
  const distinct = [...new Set(years)];
  return distinct.length === 1 ? distinct[0] : null;
}

const CN_YEAR_DIGITS = '〇一二三四五六七八九';

/** The folded title with years in Chinese numerals (`二〇二四年`, `二O二三年`) written in digits, same length. */
function yearDigits(written: string): string {
  return foldString(written).replace(/(?=[〇零○OＯ0]*[一二三四五六七八九])[〇零○OＯ0一二三四五六七八九]{4}(?=\s*年)/g, (y) => [...y].map((c) => String(Math.max(0, CN_YEAR_DIGITS.indexOf(c)))).join(''));
}
