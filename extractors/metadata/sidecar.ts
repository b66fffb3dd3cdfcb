/**
 * Metadata stated about a document rather than printed in it: key–value lines a scraper or a legal
 * database put above the text (`标题: …`, `- **发布机构**：…`, `【法宝引证码】 CLI.12.4638041`, `原文链接：…`,
 * `发布部门：…`, `发文字号：…`), YAML front matter, HTML <meta> tags and on-page metadata tables (the
 * reader's `metaHints`). Such lines are never the title and never body text.
 */
import { LineRole, type Located, type PlanDocument } from '../../model/document.js';
import { emptyValue, fieldOfKey, isoDate, isDocNumber, splitIssuerValue, type MetaField } from './fields.js';
import { TABLE_REGIONS } from '../tables/detect.js';
import { infoBarPairs } from '../../model/vocab/info-bar.js';
import { isIssuerName } from './signature.js';

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
const KNOWN_OTHER = /^(?:原文链接|链接|网址|url|时效性|效力位阶|效力级别|法规类别|实施日期|生效日期|失效日期|有效性|状态|层级|类型|分类|文档类型|主题分类|信息分类|主题词|索引号|更新时间|浏览次数|点击数|阅读次数|作者|字号|字体|公开方式|公开范围|公开时限|所属栏目)$/i;

export function readSidecar(doc: PlanDocument): SidecarValue[] {
  const out: SidecarValue[] = [];
  const add = (key: string, raw: string, at: Located | null, from: SidecarValue['from']) => {
    const f = fieldOfKey(key);
    if (!f) return;
    let value = raw.replace(/\*+$/, '').trim();
    if (f.field === 'title') value = value.replace(/\.(?:md|markdown|txt|html?|pdf|docx?|wps)$/i, ''); // a file name's extension
    if (emptyValue(value)) return;
    if (f.field === 'doc_number' && !isDocNumber(value.replace(/\s+/g, ''))) return;
    if ((f.field === 'issued_on' || f.field === 'published_on') && !isoDate(value)) return;
    // a page's 来源 is an agency or a site (`中国政府网`, `新华社`): only an agency's name is an issuer
    if (f.field === 'issuers' && f.rank > 0 && !isIssuerName(value.replace(/\s+/g, ''))) return;
    out.push({ field: f.field, rank: f.rank, value, at, from });
  };
  for (const h of doc.source.metaHints ?? []) add(h.key, h.value, null, h.from);
  const first = doc.records.sections[0];
  const end = Math.min(doc.lines.length, HEAD_LINES, first ? first.line - 1 : HEAD_LINES);
  for (let i = 0; i < end; i++) {
    if (doc.roles[i] !== LineRole.Body && doc.roles[i] !== LineRole.Table) continue;
    const l = doc.lines[i];
    const pairs = keyValuePairs(l.clean);
    for (const p of pairs ?? []) {
      const at = p.value ? doc.spanOf(l.map[p.at], l.map[p.at + p.value.length - 1] + 1) : null;
      add(p.key, p.value, at, 'export-header');
    }
  }
  return out;
}

/** Cells of a line: split at tabs (a table row, an export's columns), runs of blanks or an ideographic blank. */
const CELL_GAP = /\t|[ \u00a0]{2,}|\u3000+/g;

/**
 * The key–value pairs a head line states: one `key：value` (`发文字号：湘政办发〔2021〕60号`), several to a line
 * (`发布部门：…⇥发文字号：…`), or a row of a metadata table with keys and values in cells of their own
 * (`发文机关⇥岳阳市人民政府办公室⇥成文日期⇥2022年08月30日`, a .docx or Markdown table above the text). Null when
 * the line is no metadata line: every cell must be a known key or its value.
 */
export function keyValuePairs(line: string): Array<{ key: string; value: string; at: number }> | null {
  const cells: Array<{ text: string; at: number }> = [];
  let from = 0;
  for (const m of line.matchAll(CELL_GAP)) {
    if (line.slice(from, m.index).trim()) cells.push(cellAt(line, from, m.index!));
    from = m.index! + m[0].length;
  }
  if (line.slice(from).trim()) cells.push(cellAt(line, from, line.length));
  if (!cells.length) return null;
  // an info bar (`信息来源：…　发布时间：…　浏览次数：482　【字体：大 中 小】`): its known pairs, chrome left out
  const bar = infoBarPairs(line, knownKey);
  if (bar?.length) return bar;
  const whole = () => single(line.trim(), line.indexOf(line.trim()));
  if (cells.length === 1) return whole();
  const out: Array<{ key: string; value: string; at: number }> = [];
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    const bare = c.text.replace(/[:：]$/, '');
    if (knownKey(bare) && k + 1 < cells.length && !knownKey(cells[k + 1].text.replace(/[:：]$/, ''))) {
      out.push({ key: bare, value: cells[k + 1].text, at: cells[k + 1].at });
      k++;
      continue;
    }
    const one = single(c.text, c.at);
    if (!one) return whole(); // not cells of keys and values: the line as one `key：value`, if it is one
    out.push(...one);
  }
  return out;

  function single(text: string, at: number): Array<{ key: string; value: string; at: number }> | null {
    const m = KEY_LINE.exec(text);
    if (!m) return null;
    const key = m[1] ?? m[2];
    if (!knownKey(key)) return null;
    const value = m[3];
    const start = text.lastIndexOf(value);
    return [{ key, value, at: at + Math.max(0, start) }];
  }
}

function cellAt(line: string, from: number, to: number): { text: string; at: number } {
  const raw = line.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), at: from + lead };
}

function knownKey(k: string): boolean {
  return fieldOfKey(k) !== null || KNOWN_OTHER.test(k.replace(/[\s*_【】[\]]+/g, ''));
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

/**
 * A page's metadata table carried into the text (a .docx or Markdown table of 发文机关, 发文字号, 成文日期… above
 * the notice, an export's tab-separated header lines) is metadata, not a table of the document: the table
 * regions the tables stage would build from it are dropped. Only regions at the head, every row of them
 * key–value metadata.
 */
export function dropMetadataTables(doc: PlanDocument): void {
  const regions = doc.data.get(TABLE_REGIONS);
  if (!regions.length) return;
  const first = doc.records.sections[0];
  const headEnd = Math.min(doc.lines.length, HEAD_LINES, first ? first.line - 1 : HEAD_LINES);
  doc.data.put(TABLE_REGIONS, regions.filter((r) => {
    if (r.startLine >= headEnd) return true;
    let fields = 0;
    for (let l = r.startLine; l <= r.endLine; l++) {
      const t = doc.lines[l]?.clean ?? '';
      if (/^[\s|:：\-—]*$/.test(t)) continue; // blank, or a Markdown rule row
      const pairs = keyValuePairs(t);
      if (!pairs) return true;
      fields += pairs.filter((p) => fieldOfKey(p.key)).length;
    }
    return fields < 2; // kept unless it states two fields or more
  }));
}
