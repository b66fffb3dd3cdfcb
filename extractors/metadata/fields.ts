/**
 * The vocabulary of document metadata: which keys of front matter, export headers, <meta> tags and
 * on-page metadata tables mean which field, and how dates and 文号 are written.
 */

import { DATE_SOURCE, isoDate } from '../../model/dates.js';

export { DATE_SOURCE, isoDate };

export type MetaField = 'title' | 'doc_number' | 'issuers' | 'issued_on' | 'published_on';

/**
 * Keys as scrapers, legal databases (发布部门, 发文字号), CMS pages (成文日期, 发文机关) and <meta> tags
 * (ArticleTitle, PubDate, ContentSource) write them. The rank orders keys of one field: for issued_on
 * the date the document was written (成文日期) before dates of its publication.
 */
const KEYS: Array<[RegExp, MetaField, number]> = [
  [/^(?:title|标题|文件名称|名称|题名|法规标题|文件标题|articletitle)$/i, 'title', 0],
  // a scraper's `## 文档：桐庐县“十四五”林业发展规划.md`: the document's name, often its file name
  [/^(?:文档|文档名称)$/, 'title', 1],
  [/^(?:文号|发文字号|文件编号|发文文号|文件字号|文件号|doc(?:ument)?(?:number|no|num)|fileno|filenumber|wenhao|fwzh)$/i, 'doc_number', 0],
  [/^(?:发布单位|发布部门|发文机关|发布机构|发布机关|发文单位|发文部门|制定机关|制发机关|成文机关|颁布机关|contentsource|publisher|issuer|issuers|issuingagency|fwjg)$/i, 'issuers', 0],
  // where the page took the document from (`信息来源：泽州县应急管理局`): the issuer when nothing better says
  [/^(?:信息来源|文章来源|稿件来源|内容来源|来源单位|来源)$/, 'issuers', 1],
  [/^(?:成文日期|成文时间|签发日期|writtendate|signdate|cwrq)$/i, 'issued_on', 0],
  [/^(?:印发日期|印发时间|发文日期|发文时间|issuedate|issuedon|issueddate)$/i, 'issued_on', 1],
  [/^(?:发布日期|公布日期|颁布日期|生成日期|date|releasedate)$/i, 'issued_on', 2],
  [/^(?:pubdate|发布时间|公开日期|publishtime|publishedat|firstpublishedtime)$/i, 'published_on', 0],
];

export function fieldOfKey(key: string): { field: MetaField; rank: number } | null {
  const k = key.replace(/[\s*_【】[\]]+/g, '');
  for (const [re, field, rank] of KEYS) if (re.test(k)) return { field, rank };
  return null;
}

/** Values that say nothing: `无`, `-`, a vague `上海市相关部门`, a site name `本网`. */
export function emptyValue(v: string): boolean {
  const t = v.replace(/\s+/g, '');
  return !t || /^(?:无|暂无|空|不详|未知|[-—/\\]+|n\/?a|null|none|本网|本站|原创)$/i.test(t) || /(?:相关|有关)(?:部门|单位)$/.test(t);
}

/** A site (`中国政府网`, `XX日报`): where a page was published, not who issued the document. */
export function isSiteName(v: string): boolean {
  return /(?:网|网站|门户|日报|晚报|报社|客户端|公众号)$/.test(v.replace(/\s+/g, ''));
}


/** 文号: issuer code, year in brackets, number (`包府办发〔2022〕43号`, `国发〔2021〕36号`, `粤办函[2023]305号`). */
export const DOC_NUMBER_SOURCE = '[\\u4e00-\\u9fffA-Za-z]{1,16}\\s*[〔\\[［(（【]\\s*(?:19|20)\\d{2}\\s*[〕\\]］)）】]\\s*第?\\s*\\d{1,5}\\s*号';
const DOC_NUMBER_WHOLE = new RegExp(`^(?:${DOC_NUMBER_SOURCE})$`);

export function isDocNumber(s: string): boolean {
  return DOC_NUMBER_WHOLE.test(s.trim());
}

/** Issuers listed in one metadata value: `A、B`, `A;B`, `A，B`. */
export function splitIssuerValue(v: string): string[] {
  return v.split(/[、;；,，|]|\s{2,}/).map((x) => dropSealNote(x.trim())).filter((x) => x && !emptyValue(x) && !isSiteName(x));
}

/** `（代章）`, `（盖章）`, `（章）`, `（印）`: a note on the seal (another body's on the issuer's behalf, or where it goes), not part of the name. */
export const SEAL_NOTE = '[（(](?:代章|盖章|印章|公章|签章|章|印)[)）]';
export function dropSealNote(s: string): string {
  return s.replace(new RegExp(`${SEAL_NOTE}$`), '').trim();
}

/** Text compared across sources: no blanks, quotes, book-title marks or 的; NFKC. */
export function sameText(a: string, b: string): boolean {
  return loose(a) === loose(b);
}

export function loose(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000“”"'‘’《》〈〉<>「」的]+/g, '');
}

/** The 文号 proper: issuer code, bracketed year, number (no leading words a line may glue to it). */
const NUMBER_CORE = '[\\u4e00-\\u9fffA-Za-z]{1,12}\\s*[〔\\[［(（]\\s*(?:19|20)\\d{2}\\s*[〕\\]］)）]\\s*第?\\s*\\d{1,5}\\s*号';
/** Words a document's title ends with, before a 文号 run into it (`…的通知临政办字〔2023〕21号`). */
const TITLE_KIND_END = '(?:通知|意见|决定|方案|规划|计划|纲要|要点|措施|办法|细则|批复|报告|说明|函)[)）》”"]?';
const NUMBER_AFTER_TITLE = new RegExp(`^(.*${TITLE_KIND_END})[ \\t\\u3000]*[(（]?(${NUMBER_CORE})[)）]?$`);
const TITLE_KIND_AT_END = new RegExp(`${TITLE_KIND_END}$`);
/** A notice's heading: the issuer (optional), then 关于/印发/转发/批转. */
const NOTICE_HEAD = /^(?:[\u4e00-\u9fff（）() \u3000]{2,40}?)?(?:关于|印发|转发|批转)/;
const NUMBER_BEFORE_TITLE = new RegExp(`^[(（]?(${NUMBER_CORE})[)）]?[ \\t\\u3000]*(?=[\\u4e00-\\u9fff《“])`);

/**
 * A title line with its 文号 run into it, after the kind word (`关于印发《X》的通知临政办字〔2023〕21号`, also after a
 * blank) or before the title (`临政办字〔2023〕21号关于印发…`): the title and the number, each with its offset in the
 * line; null when the line is no such line. The greedy head takes the last kind word, so a code ending in one
 * (`国办函`) stays whole.
 */
export function splitGluedDocNumber(line: string): { title: string; titleAt: number; number: string; numberAt: number } | null {
  // a sentence citing a document (`…，根据《…的意见》（国发〔2021〕36号）`) is no title line
  if (/[，,。；;：:]/.test(line)) return null;
  const after = NUMBER_AFTER_TITLE.exec(line);
  if (after && after[1].trim().length >= 6 && !/》$/.test(after[1])) return { title: after[1], titleAt: 0, number: after[2], numberAt: line.lastIndexOf(after[2]) };
  const before = NUMBER_BEFORE_TITLE.exec(line);
  if (before) {
    const rest = line.slice(before[0].length);
    if (rest.length >= 6 && NOTICE_HEAD.test(rest) && TITLE_KIND_AT_END.test(rest)) return { title: rest, titleAt: before[0].length, number: before[1], numberAt: line.indexOf(before[1]) };
  }
  return null;
}
