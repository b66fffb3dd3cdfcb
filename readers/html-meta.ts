/**
 * Metadata a government web page states around the document, outside the rendered text: the `<meta>` tags
 * its CMS writes (ArticleTitle, PubDate, ContentSource) and the on-page metadata table or list above the
 * text (`<th>索引号</th><td>…</td>`, `<label>成文日期：</label><span>…</span>`, `<li>[发文字号] <span>…`).
 * These are metadata, never body text: the metadata stage reads them as `metaHints`.
 */
import type { load } from 'cheerio';
import type { MetaHint } from '../model/source.js';
import { childrenOf, isSkipped, type DomNode } from './html-dom.js';
import { infoBarPairs, SOURCE_KEYS } from '../model/vocab/info-bar.js';

const META_TAGS = ['ArticleTitle', 'PubDate', 'ContentSource', 'firstpublishedtime'];
/** Keys of on-page metadata tables (the 政府信息公开 block) that the metadata stage can use. */
export const PAGE_KEYS = [
  '索引号', '发文机关', '发文单位', '发文部门', '发布机构', '发布机关', '发布单位', '成文日期', '成文时间', '发文日期',
  '发文时间', '发布日期', '发布时间', '生成日期', '印发日期', '发文字号', '文号', '文件编号', '标题', '名称', '文件名称',
  ...SOURCE_KEYS,
];
const IS_PAGE_KEY = new Set(PAGE_KEYS);
const KEY = `(${PAGE_KEYS.join('|')})`;
const BARE_KEY = new RegExp(`^[\\[【]?${KEY}[\\]】]?[:：]?$`);
const KEY_VALUE = new RegExp(`^[\\[【]?${KEY}(?:[\\]】]|[:：]|[\\]】][:：])(.{1,80})$`);
const OTHER_KEY = new RegExp(`${KEY}[\\]】]?[:：]`);
const MAX_TEXT = 100;
const squash = (s: string) => s.replace(/[\s\u00a0\u3000\ufeff]+/g, ' ').trim();

/**
 * The metadata of a page, and the elements that hold its metadata table (a `<table>`, `<ul>` or `<dl>` with
 * two keys or more), which the reader leaves out of the text: they are not part of the document.
 */
export function htmlMetaHints($: ReturnType<typeof load>, body: DomNode): { hints: MetaHint[]; holders: DomNode[] } {
  const out: MetaHint[] = [];
  const keysIn = new Map<DomNode, Set<string>>();
  const holderOf = (n: DomNode, key: string) => {
    let a: DomNode | null | undefined = n;
    for (let k = 0; a && k < 6; k++, a = a.parent) {
      if (a.type === 'tag' && (a.name === 'table' || a.name === 'ul' || a.name === 'dl' || a.name === 'ol')) {
        keysIn.set(a, (keysIn.get(a) ?? new Set()).add(key));
        return;
      }
    }
  };
  for (const name of META_TAGS) {
    const v = $(`meta[name="${name}" i]`).attr('content')?.trim();
    if (v) out.push({ key: name, value: squash(v), from: 'meta-tag' });
  }
  const seen = new Set<string>();
  const push = (key: string, value: string) => {
    const v = squash(value);
    if (!v || OTHER_KEY.test(v) || seen.has(key)) return; // the first statement of a key counts (tables repeat for mobile)
    seen.add(key);
    out.push({ key, value: v, from: 'page-table' });
  };
  const texts = shortTexts(body);
  for (const [node, text] of texts) {
    const t = squash(text);
    // an info bar under the title (`信息来源：…　发布时间：…　浏览次数：482　【字体：大 中 小】`): its pairs
    const bar = infoBarPairs(text.trim(), (k) => IS_PAGE_KEY.has(k));
    if (bar) {
      for (const p of bar) push(p.key, p.value);
      continue;
    }
    const bare = BARE_KEY.exec(t.replace(/\s+/g, ''));
    if (bare) {
      const next = nextElement(node);
      const v = next ? texts.get(next) : undefined;
      if (v !== undefined) push(bare[1], v);
      holderOf(node, bare[1]);
      continue;
    }
    const kv = KEY_VALUE.exec(t);
    if (kv) {
      push(kv[1], kv[2]);
      holderOf(node, kv[1]);
    }
  }
  return { hints: out, holders: [...keysIn].filter(([, keys]) => keys.size >= 2).map(([n]) => n) };
}

function nextElement(n: DomNode): DomNode | null {
  const sibs = n.parent ? childrenOf(n.parent) : [];
  for (let i = sibs.indexOf(n) + 1; i < sibs.length; i++) if (sibs[i].type === 'tag') return sibs[i];
  return null;
}

/**
 * The visible text of every element whose text is short (a cell, a label, a list item), in document order.
 * Text lengths are summed bottom-up once, so the walk is linear in the page.
 */
function shortTexts(body: DomNode): Map<DomNode, string> {
  const order: DomNode[] = [];
  const stack: DomNode[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n !== body && isSkipped(n)) continue;
    order.push(n);
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  const text = new Map<DomNode, string>();
  // post-order over the pre-order list: children come after their parent, so walk it backwards
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i];
    if (n.type === 'text') {
      text.set(n, n.data ?? '');
      continue;
    }
    let s = '';
    for (const k of childrenOf(n)) {
      const t = text.get(k);
      if (t === undefined) continue;
      s += t;
      if (s.length > MAX_TEXT) break;
    }
    text.set(n, s.length > MAX_TEXT ? s.slice(0, MAX_TEXT + 1) : s);
  }
  const out = new Map<DomNode, string>();
  for (const n of order) {
    const t = text.get(n)!;
    if (n.type === 'tag' && t.length <= MAX_TEXT && t.trim()) out.set(n, t);
  }
  return out;
}
