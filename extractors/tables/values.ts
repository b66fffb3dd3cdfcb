/**
 * Reading the values written in table cells: numbers with their marks (`88.0`, `[51.36]`, `46.4*`,
 * `≥20`, `90 左右`, `基数 4.86 万吨`), years and year ranges, units in labels (`投资概算(万元)`,
 * `城市空气质量优良天数比率 (%)`), indicator attributes. The text is always kept by the caller; a value is
 * a number only when the cell states exactly one number (a year or a parenthesised remark aside).
 */
import { UNIT_CHARS } from '../../model/vocab/units.js';
import { charTest, isBlank, runStart } from '../ends.js';

/** A plain amount as written in a total row or an investment cell: `499315`, `1,200`, `3.5`. */
export function plainNumber(text: string): number | null {
  const t = asciiDigits(text).replace(/[\s,，]/g, '');
  if (!/^[-+]?\d{1,15}(?:\.\d{1,8})?$/.test(t)) return null;
  return Number(t);
}

/**
 * Full-width digits and marks as ASCII (`９５．５` → `95.5`, `－5` → `-5`, `≥９５` → `≥95`), and the minus sign
 * U+2212 as `-`: a cell typed in full-width mode states the same number. Only when there is something to do.
 */
function asciiDigits(text: string): string {
  return /[\uff01-\uff5e\u2212]/.test(text) ? text.normalize('NFKC').replace(/\u2212/g, '-') : text;
}

/** Decimal places of a plain number as written (for comparing sums at the precision of the total). */
export function decimals(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m ? m[1].length : 0;
}

const REMARK = /[(（][^()（）]{0,40}[)）]/g;
const YEAR_WORD = /(?:19|20)\d{2}\s*年(?:度)?/g;
const NUMBER = /[-+]?\d+(?:[.,]\d+)*/g;
const NULLISH = /^(?:\/|-{1,3}|—{1,2}|－|–|～|~|无|暂无|空|\\|—\s*—|未统计|不适用)$/;

/**
 * The number a value cell states, or null. `[51.36]` → 51.36 (the brackets are a note, kept in the text);
 * `-4.61%（考核要求下降3.6%）` → -4.61; `2013 年基数 8033.151kg` → 8033.151; `完成省下达目标` → null.
 */
export function valueNumber(text: string): number | null {
  const t = asciiDigits(text).trim();
  if (!t || NULLISH.test(t)) return null;
  const whole = /^[[［【(（]\s*([-+]?\d+(?:\.\d+)?)\s*[\]］】)）][*＊]?$/.exec(t);
  if (whole) return Number(whole[1]);
  const bare = t.replace(REMARK, ' ').replace(YEAR_WORD, ' ');
  const nums = bare.match(NUMBER);
  if (!nums || nums.length !== 1) return null;
  const n = Number(nums[0].replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  // A leading minus only when it is the value's sign (`-4.61%`), not a dash after a word.
  const at = bare.indexOf(nums[0]);
  if (nums[0].startsWith('-') && at > 0 && /[\u4e00-\u9fff\w]/.test(bare[at - 1])) return Math.abs(n);
  return n;
}

/**
 * `2020-2023`, `2021—2025年`, `2021年-2025年`, `2021至2025`, `2022- 2023` → [2020, 2023]; `2022`, `2022年3月`,
 * `2022.03`, `2022年底前` → [2022, 2022]; `“十四五”期间` → [2021, 2025].
 */
export function yearRange(text: string): [number | null, number | null] {
  const t = asciiDigits(text).replace(/\s+/g, '');
  // `2021-2025`, `2023年3月—2027年12月`, `2023.3-2027.12` (a month after a dot)
  const r = /((?:19|20)\d{2})(?:年?(?:\d{1,2}月)?|[.．/]\d{1,2})[-－—–~～至到]{1,3}((?:19|20)\d{2})/.exec(t);
  if (r) return [Number(r[1]), Number(r[2])];
  // `2024年3月-12月`, `2024.3-2024.12` within one year
  const months = /^((?:19|20)\d{2})(?:年|[.．/])\d{1,2}月?[-－—–~～至到]{1,3}\d{1,2}月?$/.exec(t);
  if (months) return [Number(months[1]), Number(months[1])];
  // one date: `2023`, `2023年3月`, `2023.03`, `2023年底前`, `2023年第四季度`, `2023年10月开工`
  const one = ONE_DATE.exec(t);
  if (one) return [Number(one[1]), Number(one[1])];
  // the period of a five-year plan: `“十四五”期间` → 2021–2025
  const period = /^[“"]?十([一二三四五六])五[”"]?(?:期间|时期|期内|内)?$/.exec(t);
  if (period) {
    const end = 2015 + (10 + HAN_DIGITS.indexOf(period[1]) + 1 - 12) * 5;
    return [end - 4, end];
  }
  return [null, null];
}

const ONE_DATE = /^((?:19|20)\d{2})(?:年度?)?(?:\d{1,2}月份?(?:\d{1,2}日)?|[.．/]\d{1,2}(?:[.．/]\d{1,2})?|[上下]半年|第?[一二三四1-4]季度)?(?:底|末|前|内|以前|之前|开工|完工|建成|竣工|投产|已开工)*$/;

/**
 * The year a header names: `2020 年目标值` → 2020, `现状值（2018年）` → 2018, `“十三五”末` → 2020 (the last
 * year of the period), `“十四五”目标值` → null (a target for the period, not for a year).
 */
export function headerYear(label: string): number | null {
  const m = /((?:19|20)\d{2})\s*年?/.exec(label);
  return m ? Number(m[1]) : periodEndYear(label);
}

const HAN_DIGITS = '一二三四五六七八九';
/** `“十三五”末`, `十四五期末`, `“十二五”末期` → 2020, 2025, 2015: the last year of a five-year plan's period. */
export const PERIOD_END = /^[“"「]?(十)?([一二三四五六七八九])?五[”"」]?\s*(?:期末|末期|末年|末)(?:值|水平)?$/;
export function periodEndYear(label: string): number | null {
  const m = PERIOD_END.exec(label.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const n = (m[1] ? 10 : 0) + (m[2] ? HAN_DIGITS.indexOf(m[2]) + 1 : 0);
  return n >= 6 ? 2015 + (n - 12) * 5 : null;
}

const TRAILING_UNIT = /[(（]([^()（）]{1,16})[)）]$/;

/** Units written in capitals; any other Latin token with two capitals is an acronym or a formula (EQI, COD, NOx, PM2.5, SO2). */
const CAPITAL_UNIT = /^(?:[kKMGT]W[hp]?|[kKM]VA|[kKM]V|[KMGTP]B|[KMGT]bps|[GMTP]J|TEU|DWT|HP|[kKMG]?tCO2e?)$/;
const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z\d.₀-₉]+$/;

/** Is the text a unit (`%`, `μg/m³`, `万吨`, `吨标准煤/万元`)? An acronym in brackets (`（EQI）`) is not. */
export function isUnit(text: string): boolean {
  const t = repairUnit(text.trim());
  if (!t.length || t.length > 16 || (ACRONYM.test(t) && !CAPITAL_UNIT.test(t))) return false;
  return UNIT_CHARS.test(t) && !/^\d+(?:\.\d+)?$/.test(t);
}

/**
 * A PDF text layer whose font lacks ³ gives `μg/m?`; after a mass per `m` that can only be a volume
 * (a concentration), so the ³ is put back. Other `?` are left as written.
 */
const LOST_CUBE = /((?:[μµun]g|mg|kg|g|t|微克|毫克|千克|克|吨)\s*[\/／]\s*N?m)[?？]/g;
export function repairUnit(unit: string): string {
  return unit.replace(LOST_CUBE, '$1³');
}

const STAR = charTest('*＊');
/** `s.replace(/\s*[*＊]+$/, '')` as a loop (the pattern retries a run of `*` or blanks from every position: O(n²)). */
function dropNoteMark(s: string): string {
  const p = runStart(s, STAR);
  return p < s.length ? s.slice(0, runStart(s, isBlank, p)) : s;
}

/** A note's mark closing a name: `①`, `★`, `▲`, `※`, `[1]`, `［注2］`, `（注2）`, `（%）注1` (bounded: no rescans). */
const NOTE_REF = /(?:[①-⑳]{1,3}|[★☆▲△※#]{1,3}|[\[［【（(]注?\d{1,2}[\]］】）)]|[（(]注[)）]|(?<=[)）])注\d{0,2})$/;

/**
 * Split a label into name and unit: `城市空气质量优良天数比率 (%)` → [`城市空气质量优良天数比率`, `%`];
 * a note mark after the name or the unit (`(%) *`, `①`, `[1]`, `（注2）`) is dropped; `近岸海域水质优良 (一、二类) 面积比例 (%)` keeps its
 * inner remark. No unit → [label, null].
 */
export function splitUnit(label: string): { name: string; unit: string | null } {
  let t = dropNoteMark(label.trim());
  for (let k = 0; k < 2; k++) {
    const m = NOTE_REF.exec(t);
    if (!m || m.index === 0) break;
    t = dropNoteMark(t.slice(0, m.index).trimEnd());
  }
  const m = TRAILING_UNIT.exec(t);
  if (m && isUnit(m[1])) return { name: t.slice(0, m.index).trim(), unit: repairUnit(m[1].replace(/\s+/g, '')) };
  return { name: t, unit: null };
}

/** A unit cell: `%`, `公里`; placeholders (`-`, `/`) and stray pieces (`% -`) dropped. */
export function unitCell(text: string): string | null {
  const parts = text.split(/\s+/).filter((p) => p && !NULLISH.test(p));
  return parts.length ? repairUnit(parts.join(' ')) : null;
}

export type Attribute = 'binding' | 'expected' | 'reference';
/** 约束性 → binding, 预期性 → expected, 参考性 → reference (also without 性 or with 型, and 指导性 as expected). */
export function attributeOf(text: string): Attribute | null {
  // (`【约束性】`, `约束性指标`, `约束性★`: brackets, a trailing 指标 and marks say nothing more)
  const t = text.replace(/\s+/g, '').replace(/^[【\[［（(]|[】\]］）)]$|[★☆*＊]+$/g, '').replace(/指标$/, '');
  // (`约束型`, `预期型`: the same words as some tables write them)
  if (/^约束[性型]?$/.test(t)) return 'binding';
  if (/^(?:预期|指导)[性型]?$/.test(t)) return 'expected';
  if (/^参考[性型]?$/.test(t)) return 'reference';
  return null;
}
