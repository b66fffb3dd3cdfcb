/**
 * "Is this line a title?" — a title (of a document, an appendix, a table left in the body) is a short
 * line that is not a sentence: no sentence punctuation inside or at its end, and often a document-type
 * word at its end (`…实施方案`, `《…规划》编制说明`). The stages ask it in different places with different
 * risks, so each question is a named rule here, built from one set of marks and one list of words, with
 * a line saying why its limits are what they are.
 */
export interface TitleLineRule {
  /** longest title, in UTF-16 units of the trimmed line */
  maxChars: number;
  /** marks a title never holds anywhere (a sentence's) */
  inner?: RegExp;
  /** marks a title never ends with */
  end?: RegExp;
  /** shortest title (0: an empty line passes) */
  minChars?: number;
}

/** Sentence punctuation, full-width and ASCII: a line holding any is a sentence, not a title. */
export const SENTENCE_MARKS = /[。；;，,：:！？]/;

/**
 * A table's title or caption left in the body among a section's paragraphs (tasks.ts): such a line does
 * not make the section one with body text. 40: a caption is one line (`某区2024年重点任务分工表`); a
 * run-in task sentence is longer or punctuated.
 */
export const BODY_TITLE: TitleLineRule = { maxChars: 40, inner: SENTENCE_MARKS };

/**
 * The title of an appendix given on the line after a bare `附件1` (segment/tree.ts). 40 as above; only
 * 。；， rule it out, since an attached plan's title may hold a colon or an ASCII comma (kept as written:
 * making it SENTENCE_MARKS would change which lines are adopted).
 */
export const APPENDIX_TITLE: TitleLineRule = { maxChars: 40, inner: /[。；，]/, minChars: 1 };

/**
 * A title line: of the document, among the lines that open it (metadata/title.ts) or after a cover label
 * (`附件2`, segment/tree.ts, which also asks for a document-type word at the end); a table's or figure's
 * caption (paragraphs.ts); a line of a table of contents (toc.ts). No full stop at its end; 60: a title
 * with its place, years and kind may run to two lines' worth (`某市…（2021—2025年）实施方案`), a longer
 * line is body text.
 */
export const TITLE_LINE: TitleLineRule = { maxChars: 60, end: /[。；]$/ };

/**
 * A table-of-contents entry left in the body after the contents ended (toc.ts): as TITLE_LINE, and no
 * sentence or label mark anywhere (`第一章 总体要求` is one; `一、总体要求：…` begins the body).
 */
export const TOC_ENTRY: TitleLineRule = { maxChars: TITLE_LINE.maxChars, inner: /[。；，,;:：]/ };

/**
 * A piece of a notice's title written over up to three lines (`国务院关于印发` / `某某规划的通知`,
 * metadata/title.ts): 45 — a line of a centred title on an A4 page holds fewer characters; a longer
 * one is body text. Compared with a known title it needs no punctuation rule (NOTICE_TITLE_PIECE); found
 * on its own, a piece does not end a sentence or lead into a list (NOTICE_TITLE_LINE).
 */
export const NOTICE_TITLE_PIECE: TitleLineRule = { maxChars: 45, minChars: 1 };
export const NOTICE_TITLE_LINE: TitleLineRule = { ...NOTICE_TITLE_PIECE, end: /[。；：:]$/ };

/**
 * The document's first line read as its heading whatever role it was given (metadata/title.ts): a title
 * line as TITLE_LINE, at least 4 characters (`实施方案` is the shortest title worth taking), and
 * no label or list end either (`：`, `，`, `、`: a line that leads into what follows).
 */
export const FIRST_HEADING_LINE: TitleLineRule = { maxChars: TITLE_LINE.maxChars, minChars: 4, end: /[。；：:，,、]$/ };

/**
 * A paragraph the source's own layout marks as a heading (a Word outline level, an HTML <h>, a Markdown #)
 * but which carries no number: a heading only up to 80 characters (the paragraph as it is, untrimmed),
 * longer is a body paragraph styled as a heading.
 */
export const MAX_HINTED_TITLE = 80;

/** Does the line read as a title under the rule? */
export function isTitleLine(text: string, rule: TitleLineRule): boolean {
  const t = text.trim();
  if (t.length < (rule.minChars ?? 0)) return false;
  if (t.length > rule.maxChars) return false;
  if (rule.end && rule.end.test(t)) return false;
  return !(rule.inner && rule.inner.test(t));
}

/** Document-type words every title test knows (a plan, an outline, a scheme, an explanatory note …). */
const DOCUMENT_KINDS = ['规划', '纲要', '方案', '计划', '说明', '意见', '措施'] as const;
/** Quotes and brackets that may close a title after its type word (`《…规划》`, `“…方案”`). */
const CLOSERS = '[)）》”]';

/**
 * A title of a document after a cover label ends with its type word (segment/tree.ts): the kinds of
 * plan a cover label stands above, measures and rules (办法, 细则) included.
 */
export const DOCUMENT_TITLE_END = new RegExp(`(?:${[...DOCUMENT_KINDS, '办法', '细则'].join('|')})${CLOSERS}?$`);

/** A word as a line spaced out for print or by OCR may write it (`通 知`). */
const spaced = (word: string) => [...word].join('[ \\t\\u3000]?');

/**
 * A 文号 a title line may carry after its type word, run into it or after a blank (`…的通知临政办字〔2023〕21号`):
 * the line is still a title, never a sentence cut by a page end.
 */
const GLUED_NUMBER = '(?:[ \\t\\u3000]*[(（]?[\\u4e00-\\u9fffA-Za-z]{1,12}\\s*[〔\\[［(（]\\s*(?:19|20)\\d{2}\\s*[〕\\]］)）]\\s*第?\\s*\\d{1,5}\\s*号[)）]?)?';

/**
 * A line ending in a document-type word is a title, never a sentence cut by a page end (paragraphs.ts):
 * wider than DOCUMENT_TITLE_END by 通知 and 报告 (a notice or report heading a plan is a title too, and
 * a cut sentence never ends in them) and by an ASCII `"`, which plain-text exports use.
 */
export const TITLE_LINE_END = new RegExp(`(?:${[...DOCUMENT_KINDS, '通知', '办法', '报告', '细则'].map(spaced).join('|')})\\s*[)）》”"]?${GLUED_NUMBER}$`);

/**
 * The document's own title line (metadata/title.ts): ends with its type word, a bracketed qualifier
 * (`（征求意见稿）`, `（2021—2025年）`) allowed after it. 通知 counts (a plan issued under a notice takes
 * its title); 办法/细则/报告 have not been added (kept as it was: adding them changes which line is chosen).
 */
export const PLAN_TITLE_END = new RegExp(`(?:${[...DOCUMENT_KINDS, '通知'].join('|')})(?:[(（][^()（）]{1,14}[)）])?${CLOSERS}?$`);

/**
 * Any kind of government document named in a title (pipeline/plan-check.ts: is this file a plan-like
 * document at all?): the widest list — decisions, notices, replies, regulations, guides, letters.
 */
export const DOCUMENT_KIND = new RegExp(
  [...DOCUMENT_KINDS, '通知', '办法', '决定', '要点', '公告', '通告', '报告', '批复', '条例', '规定', '细则', '指南', '函'].join('|'),
);
