/**
 * Metadata stated about a document rather than printed in it: key–value lines a scraper or a legal
 * database put above the text (`标题: …`, `- **发布机构**：…`, `【法宝引证码】 CLI.12.4638041`, `原文链接：…`,
 * `发布部门：…`, `发文字号：…`), YAML front matter, HTML <meta> tags and on-page metadata tables (the
 * reader's `metaHints`). Such lines are never the title and never body text.
 */
import { LineRole, type Located, type PlanDocument } from '../../pipeline/document.js';
import { emptyValue, fieldOfKey, isoDate, isDocNumber, splitIssuerValue, type MetaField } from './fields.js';

export interface SidecarValue {
  field: MetaField;
  rank: number;
  value: string;
  /** where the line is in the text; null for metadata outside it */
  at: Located | null;
  from: 'export-header' | 'front-matter' | 'meta-tag' | 'page-table';
}

/** `【法宝引证码】 CLI.12.4638041`, `- **发布机构**：上海市相关部门`, `发布日期: 2021年12月`. */
const KEY_LINE = /^[-*•]?\s*\**\s*(?:【([^【】]{2,12})】|([\u4e00-\u9fffA-Za-z]{2,10}))\**\s*(?:[:：]|(?<=】))\s*\**\s*(.*)$/;
/** Lines read for key–value metadata: the head of the text, above the body. */
const HEAD_LINES = 40;

/** Is this line a metadata line (never a title)? */
export function isKeyValueLine(t: string): boolean {
  const m = KEY_LINE.exec(t.trim());
  return !!m && (!!m[1] || fieldOfKey(m[2]) !== null || KNOWN_OTHER.test(m[2]));
}
/** Keys of export headers and scraper blocks that are metadata though no field uses them. */
const KNOWN_OTHER = /^(?:原文链接|来源|链接|网址|url|时效性|效力位阶|效力级别|法规类别|实施日期|生效日期|失效日期|有效性|状态|层级|类型|分类|文档类型|主题分类|索引号|更新时间|浏览次数|信息来源|作者|字号)$/i;

export function readSidecar(doc: PlanDocument): SidecarValue[] {
  const out: SidecarValue[] = [];
  const add = (key: string, raw: string, at: Located | null, from: SidecarValue['from']) => {
    const f = fieldOfKey(key);
    if (!f) return;
    const value = raw.replace(/\*+$/, '').trim();
    if (emptyValue(value)) return;
    if (f.field === 'doc_number' && !isDocNumber(value.replace(/\s+/g, ''))) return;
    if ((f.field === 'issued_on' || f.field === 'published_on') && !isoDate(value)) return;
    out.push({ field: f.field, rank: f.rank, value, at, from });
  };
  for (const h of doc.source.metaHints ?? []) add(h.key, h.value, null, h.from);
  const first = doc.records.sections[0];
  const end = Math.min(doc.lines.length, HEAD_LINES, first ? first.line - 1 : HEAD_LINES);
  for (let i = 0; i < end; i++) {
    if (doc.roles[i] !== LineRole.Body) continue;
    const l = doc.lines[i];
    const m = KEY_LINE.exec(l.clean.trim());
    if (!m) continue;
    const key = m[1] ?? m[2];
    const value = m[3];
    const start = l.clean.lastIndexOf(value);
    const at = value && start >= 0 ? doc.spanOf(l.map[start], l.map[start + value.length - 1] + 1) : null;
    add(key, value, at, 'export-header');
  }
  return out;
}

/** The best value of a field: the lowest rank, then the first stated. */
export function best(values: SidecarValue[], field: MetaField): SidecarValue | null {
  let b: SidecarValue | null = null;
  for (const v of values) if (v.field === field && (!b || v.rank < b.rank)) b = v;
  return b;
}

export function issuersOf(v: SidecarValue | null): string[] {
  return v ? splitIssuerValue(v.value) : [];
}
