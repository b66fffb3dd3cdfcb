/**
 * A page's info bar: one line or element stating several key–value pairs among site chrome
 * (`信息来源：石鼓区人民政府办公室　发布时间：2023-04-21 15:32　浏览次数：482　【字体：大 中 小】【打印】`,
 * `来源：X | 发布时间：2022-02-18 | 文号：…`). Government CMS templates write it under the title, and scrapers
 * carry it into the text. Both the HTML reader (for the page's metadata) and the metadata stage (for such a
 * line in the text) read it here, so they agree on what a key is.
 */

/** Keys that name where the page took the document from (来源): an agency, or a site. */
export const SOURCE_KEYS = ['信息来源', '文章来源', '稿件来源', '内容来源', '来源单位', '来源'] as const;

export interface InfoPair {
  key: string;
  value: string;
  /** offset of the value in the line */
  at: number;
}

/** What ends a value: a wide blank, a run of blanks, a bar, or a bracketed button (`【打印】`). */
const VALUE_END = /[\u3000|｜【】]|\s{2,}|\t/; // not [ ]: a 文号 may bracket its year so (`川发改[2023]120号`)

/**
 * A key as info bars write it: two to six Chinese characters and a colon, after a blank, bar or bracket. Not
 * after a figure or a word: the texts of elements joined without a blank (`…2022-03-15文号：…6号主题词：`) would
 * cut keys out of words.
 */
const KEY = /(?<=^|[\s\u3000|｜【\]】])([\u4e00-\u9fff]{2,6})\s*[:：]/g;

/**
 * The pairs of an info bar: each key followed by `：` starts a pair where the line starts or after a blank,
 * bar or bracket; its value runs to the next key or to a VALUE_END. Null unless the line holds two keys or
 * more, one of them known (`isKey`), and nothing but blanks, bars and bracketed buttons stands before the
 * first. Only pairs of known keys are returned: chrome (`浏览次数：482`) and keys the caller does not know
 * (`所属栏目：…`) end the value before them and say nothing.
 */
export function infoBarPairs(line: string, isKey: (key: string) => boolean): InfoPair[] | null {
  const hits = [...line.matchAll(KEY)];
  if (hits.length < 2 || !hits.some((h) => isKey(h[1]))) return null;
  if (!/^[\s\u3000|｜]*(?:【[^【】]{1,8}】[\s\u3000|｜]*)*【?$/.test(line.slice(0, hits[0].index))) return null;
  const out: InfoPair[] = [];
  hits.forEach((h, i) => {
    if (!isKey(h[1])) return;
    const from = h.index! + h[0].length;
    const to = i + 1 < hits.length ? hits[i + 1].index! : line.length;
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const rest = raw.slice(lead);
    const end = VALUE_END.exec(rest);
    const value = (end ? rest.slice(0, end.index) : rest).trim();
    // a colon after a word inside the value is a key run into it without a blank: the value is not known
    if (value && !/[\u4e00-\u9fff][:：]/.test(value)) out.push({ key: h[1], value, at: from + lead });
  });
  return out;
}

/**
 * A line of site chrome a copied web page carries into the text: a breadcrumb (`当前位置：首页 > 政务公开`), a
 * menu (`首页 | 政务公开 | 政务服务`), a share bar, buttons (`【打印本页】【关闭窗口】`), the font-size switch, a
 * footer (`主办：… 网站标识码：…`, `…ICP备…号`). Never a sentence: a line with 。 is text.
 */
export function isSiteChrome(line: string): boolean {
  const t = line.trim();
  if (!t || /[。；！？]/.test(t)) return false;
  return (
    /^(?:当前位置|您的位置|您现在的位置|您当前的位置|所在位置|位置)\s*[:：]/.test(t) ||
    /^首页\s*(?:[|｜>»＞›]|&gt;)/.test(t) ||
    /^分享到\s*[:：]?/.test(t) ||
    /^(?:【[^【】]{1,10}】\s*)+$/.test(t) && /打印|关闭|收藏|返回|字体|字号|顶部/.test(t) ||
    /^【?(?:字体|字号)\s*[:：]\s*[大中小\s]+】?/.test(t) ||
    /网站标识码|ICP备\s*\d|公网安备|版权所有|技术支持\s*[:：]/.test(t)
  );
}
