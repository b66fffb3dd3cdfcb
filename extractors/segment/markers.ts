/**
 * Heading markers: what starts a heading or numbered item, its style, ordinal and where its title begins.
 * All patterns run on the folded text (（ → (, ． → ., full-width digits → ASCII), anchored at the start,
 * with bounded quantifiers, so they are linear on any line.
 */
import Nzh from 'nzh/cn';

export type MarkerKind = 'part' | 'chapter' | 'section' | 'item' | 'box' | 'appendix';
export interface Marker {
  kind: MarkerKind;
  /** style id: same style = same numbering family (`cn-paren` for （一）, `ar-dot` for 1.) */
  style: string;
  marker: string; // as written (from the clean text)
  ordinal: number | null;
  /** index in the text where the title (or run-in text) starts, after marker and blanks */
  titleStart: number;
}

const CN = '[一二三四五六七八九十百零〇两]';
const CN_NUM = `${CN}{1,4}`;
const PART = new RegExp(`^第(${CN_NUM}|\\d{1,3})\\s*(篇|部分)`);
const CHAPTER = new RegExp(`^第(${CN_NUM}|\\d{1,3})\\s*章`);
const SECTION = new RegExp(`^第(${CN_NUM}|\\d{1,3})\\s*节`);
const BOX = new RegExp(`^专栏\\s*(${CN_NUM}|\\d{1,3})?(?=[\\s:：、.]|[\\u4e00-\\u9fff“"《(]|$)`);
const APPENDIX = new RegExp(`^(附\\s*[件表图录])\\s*(${CN_NUM}|\\d{1,3})?(?=[\\s:：、.-]|[\\u4e00-\\u9fff“"《(]|$)`);
const CN_DUN = new RegExp(`^(${CN_NUM})\\s*[、.](?!\\d)`);
// OCR and typesetting give 〈一） （五〕 ［1］ for （一）（五）（1）.
const CN_PAREN = new RegExp(`^[(〈〔\\[]\\s*(${CN_NUM})\\s*[)〉〕\\]]`);
const AR_PAREN = /^[(〈〔]\s*(\d{1,3})\s*[)〉〕]/;
const AR_DUN = /^(\d{1,3})\s*、/;
// `1.` `1．` but not `1.5万吨`; a blank or a non-digit must follow.
const AR_DOT = /^(\d{1,3})\s*[.·](?!\d)/;
const AR_RPAREN = /^(\d{1,3})\)(?!\d)/;
const CIRCLED = /^([\u2460-\u2473\u3251-\u325f])/;
// Decimal outline numbering `1.1 `, `5.2.1 ` followed by a title.
// A blank must follow (`1.5万吨` is a quantity), and the title must not start with a unit.
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){1,3})\s+(?=[\u4e00-\u9fff“《])(?![万亿千百倍吨个项元米公平立])/;

// PDF text often drops the blank: `1.1.1总量控制指标`, `1.1环境保护规划指标完成情况`. Without a blank, a decimal
// is a heading only with three parts, or on a short standalone line whose text starts with no unit (`1.5万吨` is not).
const DECIMAL_TIGHT = /^(\d{1,2}(?:\.\d{1,2}){1,3})(?=[\u4e00-\u9fff“《])(?![万亿千百倍吨个项元米公平立年月日天小分秒家台辆人户座条])/;
function decimalWithoutBlank(match: string): RegExpExecArray | null {
  const m = DECIMAL_TIGHT.exec(match);
  if (!m) return null;
  const parts = m[1].split('.').length;
  if (parts >= 3) return m;
  return match.length <= 40 && !/[。；;,，]/.test(match) ? m : null;
}

/** Start of a structural heading (for paragraph joining): 篇/章/节/专栏/附件/表/图. */
export const STRUCTURAL_START = new RegExp(`^(?:第(?:${CN_NUM}|\\d{1,3})\\s*(?:篇|部分|章|节)|专栏|附\\s*[件表图]|续?表\\s*\\d|图\\s*\\d)`);
/** Start of a numbered item. */
export const ITEM_START = new RegExp(`^(?:${CN_NUM}\\s*[、.](?!\\d)|\\(\\s*(?:${CN_NUM}|\\d{1,3})\\s*\\)|\\d{1,3}\\s*[、.)](?!\\d)|[\\u2460-\\u2473])`);

export function cnToInt(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  try {
    const v = Number(Nzh.decodeS(s.replace(/两/g, '二').replace(/〇/g, '零')));
    return Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

function circledValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  return code - 0x3251 + 21;
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

/**
 * The marker at the start of `match` (folded text), or null. `clean` is the same text unfolded, used to
 * report the marker as written.
 */
export function parseMarker(match: string, clean: string): Marker | null {
  let m: RegExpExecArray | null;
  const mk = (kind: MarkerKind, style: string, len: number, ordinal: number | null): Marker => {
    let t = skipBlanks(match, len);
    // a separator after the marker is not part of the title: `专栏1：`, `附件1：`, `第一章、`
    if (kind !== 'item' && /[:：、.-]/.test(match[t] ?? '')) t = skipBlanks(match, t + 1);
    return { kind, style, marker: clean.slice(0, len).trim(), ordinal, titleStart: t };
  };
  if ((m = PART.exec(match))) return mk('part', 'part', m[0].length, cnToInt(m[1]));
  if ((m = CHAPTER.exec(match))) return mk('chapter', 'chapter', m[0].length, cnToInt(m[1]));
  if ((m = SECTION.exec(match))) return mk('section', 'section', m[0].length, cnToInt(m[1]));
  if ((m = BOX.exec(match))) return mk('box', 'box', m[0].length, m[1] ? cnToInt(m[1]) : null);
  if ((m = APPENDIX.exec(match))) {
    return mk('appendix', 'appendix', m[0].length, m[2] ? cnToInt(m[2]) : null);
  }
  if ((m = CN_PAREN.exec(match))) return mk('item', 'cn-paren', m[0].length, cnToInt(m[1]));
  if ((m = CN_DUN.exec(match))) {
    // `一、二级保护区…` is a sentence, not item 一.
    if (new RegExp(`^${CN}`).test(match.slice(m[0].length)) && /[、]/.test(match.slice(m[0].length, m[0].length + 3))) return null;
    return mk('item', 'cn-dun', m[0].length, cnToInt(m[1]));
  }
  if ((m = AR_PAREN.exec(match))) return mk('item', 'ar-paren', m[0].length, Number(m[1]));
  if ((m = DECIMAL.exec(match) ?? decimalWithoutBlank(match))) {
    const parts = m[1].split('.');
    return mk('item', `decimal-${parts.length}`, m[0].length, Number(parts[parts.length - 1]));
  }
  if ((m = AR_DUN.exec(match))) return mk('item', 'ar-dun', m[0].length, Number(m[1]));
  if ((m = AR_DOT.exec(match))) {
    // `2020.` / `2.5` / `3. 5万吨` are numbers, not items: an item number is small and a title follows.
    if (Number(m[1]) > 200) return null;
    const rest = match.slice(m[0].length).trimStart();
    if (!rest || /^[\d%]/.test(rest)) return null;
    return mk('item', 'ar-dot', m[0].length, Number(m[1]));
  }
  if ((m = AR_RPAREN.exec(match))) return mk('item', 'ar-rparen', m[0].length, Number(m[1]));
  // (on the clean text: NFKC folds ① to 1 in `match`, where `1培育…` reads as no marker at all)
  if ((m = CIRCLED.exec(clean))) return mk('item', 'circled', 1, circledValue(m[1]));
  return null;
}

/**
 * Structural rank of a heading: lower is higher in the tree. An appendix (附件) stands above everything,
 * even a 第一部分 part, since it starts a document of its own; numbered items (一、（一）1. ①, boxes)
 * share one rank, their order among themselves is learnt from the document.
 */
export const Rank = { Appendix: -1, Part: 0, Chapter: 1, Section: 2, Item: 3 } as const;
export type HeadingRank = (typeof Rank)[keyof typeof Rank];

export function rankOf(kind: MarkerKind): HeadingRank {
  switch (kind) {
    case 'appendix':
      return Rank.Appendix;
    case 'part':
      return Rank.Part;
    case 'chapter':
      return Rank.Chapter;
    case 'section':
      return Rank.Section;
    default:
      return Rank.Item;
  }
}
