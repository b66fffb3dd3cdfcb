/**
 * .html / .htm through cheerio (parse5, the browser's parsing rules). The text is what a reader of the page
 * sees, one block per line (see html-dom.ts); tables with their spans go to `tables`, h1-h6 to
 * `headingHints`. Government-site pages wrap the document in navigation: when one element clearly holds
 * the document, only it is rendered, with the page's title line above it if the container leaves it out.
 * Encoding: a `<meta charset>` / `http-equiv` (or XHTML `<?xml encoding>`) declaration in the first 2 KB is honoured (GB2312 pages are
 * decoded as GB18030, its superset); otherwise decode.ts detects.
 */
import { load } from 'cheerio';
import iconv from 'iconv-lite';
import { InputError, type SourceText } from '../model/source.js';
import { decodeText } from './decode.js';
import { cjkCounts, childrenOf, hasDescendant, isSkipped, mainContainer, renderNode, textOf, type DomNode } from './html-dom.js';
import { TextBuilder } from './render.js';
import { boundNesting, MAX_DEPTH } from './html-depth.js';
import { htmlMetaHints } from './html-meta.js';
import { DOCUMENT_KIND } from '../model/vocab/title-line.js';

const SNIFF_BYTES = 2048;
const GB = /^(?:gb2312|gbk|x-gbk|gb18030|gb_2312-80|cp936|ms936|windows-936|euc-cn|csgb2312)$/i;

/** The charset a page declares in its first 2 KB, as an iconv-lite name; null for UTF-8 or none. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const m =
    /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})/i.exec(head) ??
    /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})/i.exec(head);
  if (!m) return null;
  const name = m[1].toLowerCase();
  if (name === 'utf-8' || name === 'utf8') return null; // strict UTF-8 is tried first anyway
  if (GB.test(name)) return 'gb18030';
  return iconv.encodingExists(name) ? name : null;
}

export function readHtml(path: string, bytes: Uint8Array, sha256: string): SourceText {
  const { text, encoding } = decodeText(path, bytes, declaredCharset(bytes) ?? undefined);
  // parse5 is quadratic in nesting depth: tags past MAX_DEPTH are dropped first (html-depth.ts)
  const bounded = boundNesting(text);
  const $ = load(bounded.html);
  const root = $.root()[0] as unknown as DomNode;
  const titleHint = pageTitle($);
  const body = (($('body')[0] as unknown as DomNode | undefined) ?? root);
  // the page's metadata (<meta> tags, the 索引号/发文字号 table) is read, then its table left out of the text
  const meta = htmlMetaHints($, body);
  for (const n of meta.holders) $(n as never).remove();
  const metaHints = meta.hints;
  const counts = cjkCounts(body);
  // the holder is sought by the text that is not links: a page's navigation, related-article lists and footer
  // rows are links, and on a short document they weigh enough to keep the search at <body>
  const main = mainContainer(body, cjkCounts(body, (n) => n.name === 'a'));
  const b = new TextBuilder();
  if (main !== body) {
    // the title line the container leaves out: the element the page's title names when that reads as a
    // document's title, else the nearest line above the container that does (a page whose <title> is only
    // the site's name, printed again in an <h1>), else the element the page's title names
    const byHint = titleHint ? titleAbove(body, main, titleHint, counts) : null;
    const titleEl = byHint && TITLE_END.test(squash(titleHint!)) ? byHint : headingAbove(body, main, counts) ?? byHint;
    if (titleEl) renderNode(titleEl, b, { hints: false });
  }
  renderNode(main, b);
  if (b.isEmpty()) throw new InputError(path, 'no text content: the page renders to nothing but markup and blanks');
  return {
    path, format: 'html', encoding, sha256, text: b.text(), tables: b.tables, headingHints: b.headingHints,
    ...(titleHint ? { titleHint } : {}),
    ...(metaHints.length ? { metaHints } : {}),
    ...(bounded.dropped ? { warnings: [{ code: 'html-too-deep', message: `${bounded.dropped} tags nested deeper than ${MAX_DEPTH} levels were dropped (their text is kept)` }] } : {}),
  };
}

const squash = (s: string) => s.replace(/[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g, '');

/**
 * The document's title as the page states it: the `ArticleTitle` meta tag that Chinese government CMSs
 * write, else `<title>` without the site and column names joined to it (`标题-公告信息-沈阳市房产局`).
 */
function pageTitle($: ReturnType<typeof load>): string | undefined {
  const meta = $('meta[name="ArticleTitle" i]').attr('content')?.trim();
  if (meta) return meta;
  const raw = $('title').first().text().replace(/\s+/g, ' ').trim();
  if (!raw) return undefined;
  // Split at separators that are not part of a title: | _ ｜, a dash not between digits (2021-2025 stays),
  // runs of blanks; the longest piece is the title.
  const parts = raw.split(/\s*[|｜_]\s*|(?<!\d)\s*[-–—]+\s*(?!\d)|\s{2,}|\u00a0+/).map((p) => p.trim()).filter(Boolean);
  return parts.reduce((a, p) => (p.length > a.length ? p : a), '') || raw;
}

/**
 * The element above the content container whose whole text is the title (an <h1 class="title"> outside
 * `div.zoom`), when the container itself does not contain the title: it is the document's title line.
 */
function titleAbove(body: DomNode, main: DomNode, title: string, counts: Map<DomNode, number>): DomNode | null {
  const want = squash(title);
  const wantCjk = want.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  if (!want || squash(textOf(main)).includes(want)) return null;
  let found: DomNode | null = null;
  const stack: DomNode[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === main) break; // document order: everything after the container is below it
    if (n !== body && (n.type !== 'tag' || isSkipped(n))) continue;
    if (n !== body && counts.get(n) === wantCjk && squash(textOf(n)) === want) found = n;
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return found;
}

/** A document's title: a type word at its end, a bracketed qualifier (`（2023—2025年）`) or a closing quote after it. */
const TITLE_END = new RegExp(`(?:${DOCUMENT_KIND.source})(?:[(（][^()（）]{1,14}[)）])?[)）》”]?$`);

/**
 * The nearest element above the content container whose text reads as a document's title (8 to 150
 * characters, no sentence or label mark, a type word at its end), outside links: a `<div class="title">`
 * beside `div#zoom` on a page that does not name its document in <title>. Null when there is none, or
 * when the container prints it too.
 */
function headingAbove(body: DomNode, main: DomNode, counts: Map<DomNode, number>): DomNode | null {
  let found: DomNode | null = null;
  const stack: DomNode[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === main) break; // document order: everything after the container is below it
    if (n !== body && (n.type !== 'tag' || isSkipped(n) || n.name === 'a')) continue;
    const k = counts.get(n) ?? 0;
    if (n !== body && k >= 4 && k <= 150) {
      const t = squash(textOf(n));
      if (t.length >= 8 && t.length <= 150 && !/[。；！？：:，,]/.test(t) && TITLE_END.test(t) && !hasDescendant(n, (d) => d.name === 'a')) found = n;
    }
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  // the container prints the title itself (broken over lines, under its 文号): nothing to put back
  return found && !squash(textOf(main)).includes(squash(textOf(found))) ? found : null;
}
