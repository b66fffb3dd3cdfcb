/**
 * How dates are written in plan documents and their metadata: Arabic digits (`2022年4月14日`, `2022-04-14`,
 * `2022.4.14`, `2022年4月`) or Chinese numerals (`二〇二二年四月十四日`), read into ISO form. Shared by the
 * metadata stage and the dataset's metadata check (output/validate-meta.ts).
 */

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, '0': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `十二` → 12, `三十一` → 31, `九` → 9; null for anything else. */
function cnNumber(s: string): number | null {
  if (/^[一二三四五六七八九]$/.test(s)) return CN_DIGIT[s];
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return null;
  return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[2] ? CN_DIGIT[m[2]] : 0);
}

/** A date written in Arabic digits (`2022年4月14日`, `2022-04-14`, `2022.4.14`, `2022年4月`) or Chinese numerals (`二〇二二年四月十四日`). */
// Chinese numerals may stand apart (`二 〇 二 三 年 五 月 十 二 日`, a print spaced out or an OCR); the runs are
// bounded so that no scan of a long line of figures or blanks starts again at every character
const CN_YEAR = '(?=(?:[0-9〇零○OＯ]\\s{0,3}){0,3}[一二三四五六七八九])[〇零○OＯ0一二三四五六七八九](?:\\s{0,3}[〇零○OＯ0一二三四五六七八九]){3}';
const CN_MONTH = '[一二三四五六七八九十](?:\\s{0,3}[一二三四五六七八九十])?';
const CN_DAY = '[一二三四五六七八九十](?:\\s{0,3}[一二三四五六七八九十]){0,2}';
export const DATE_SOURCE = `(?:(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?|${CN_YEAR}\\s*年\\s*${CN_MONTH}\\s*月(?:\\s*${CN_DAY}\\s*日)?)`;

/** ISO form of one date (whole value, or its start followed by a time); null when it is not a valid date. */
export function isoDate(text: string): string | null {
  const t = text.trim();
  let y: number;
  let mo: number;
  let d: number | null;
  let m = /^((?:19|20)\d{2})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])?\s*(?:(\d{1,2})\s*日?)?(?=$|\s|T|\d{1,2}:)/.exec(t);
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = m[3] ? Number(m[3]) : null;
    // `2021-2023年期间` is a range, not 2021-20: the month check refuses it
  } else {
    m = /^((?=[0〇零○OＯ]*[一二三四五六七八九])[〇零○OＯ0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?$/.exec(t.replace(/\s+/g, ''));
    if (!m) return null;
    y = Number([...m[1]].map((c) => CN_DIGIT[c]).join(''));
    const a = cnNumber(m[2]);
    const b = m[3] ? cnNumber(m[3]) : null;
    if (a === null || (m[3] && b === null)) return null;
    mo = a;
    d = b;
  }
  if (mo < 1 || mo > 12 || (d !== null && (d < 1 || d > daysIn(y, mo)))) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return d === null ? `${y}-${p(mo)}` : `${y}-${p(mo)}-${p(d)}`;
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
