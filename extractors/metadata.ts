/**
 * Document metadata: title, kind, issuing region, plan period and year.
 * The title is the run of short title lines above the body (possibly split over two lines); a generic
 * title (`编制说明`) is completed from the plan the body names most often (`《台山市…规划》`).
 */
import { LineRole, type Paragraph, type PlanDocument } from '../pipeline/document.js';
import type { DocumentRecord } from '../schemas/records.js';

const GENERIC = /^(?:编制说明|起草说明|说明|编制情况说明|工作方案|实施方案|行动方案|行动计划|规划|附件\s*\d*)$/;
const TITLE_MAX = 60;
const TITLE_WORD = /(?:规划|纲要|方案|计划|说明|意见|措施|通知)(?:[(（][^()（）]{1,14}[)）])?[)）》”]?$/;
/** `发布日期：2021-07-02`, `- **文档类型**：政策类`: metadata a scraper or a cover page put above the title. */
const METADATA_LINE = /^[-*•]?\s*\**[\u4e00-\u9fffA-Za-z]{2,8}\**\s*[:：]|^(?:---|===)|^\S+\.(?:md|html?|pdf|docx?)$/;
const MAX_LEAD_PARAGRAPHS = 40;
/** Red-header cover lines: `大同市人民政府文件`, `同政发〔2021〕62 号`, the issuer's name alone. */
const COVER_LINE = /^[A-Za-z0-9\-_/.: ]+$|^(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?$|(?:文件|[〔\[(（]\s*\d{4}\s*[〕\])）]\s*\d+\s*号|人民政府|办公室|办公厅|委员会|管理局|[^关]局)$/;
const ADMIN = '(?:省|自治区|特别行政区|市|自治州|州|地区|盟|区|县|自治县|旗|镇|乡|街道|新区)';
const REGION = new RegExp(`^(?:[\\u4e00-\\u9fff]{1,8}?${ADMIN}){1,3}`);
const NATIONAL = /^(?:中华人民共和国|全国|国家|国务院|中共中央)/;

export function extractMetadata(doc: PlanDocument): void {
  const title = findTitle(doc);
  doc.meta.title = title;
  doc.meta.kind = kindOf(title);
  doc.meta.region = regionOf(title);
  const head = doc.paragraphs.slice(0, 40).map((p) => p.text).join('\n');
  doc.meta.period = periodOf(title) ?? periodOf(head);
  doc.meta.year = yearOf(title);
  if (!title) doc.diag('metadata', 'warning', 'no-title', 'no title line found above the body', null);
}

/** Paragraphs above the first heading, grouped into runs of short title-like lines. */
function titleRuns(doc: PlanDocument): Paragraph[][] {
  const runs: Paragraph[][] = [];
  let run: Paragraph[] = [];
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (const p of doc.paragraphs.slice(0, MAX_LEAD_PARAGRAPHS)) {
    const t = p.text.trim();
    if (p.isHeading && p.sectionId === null) {
      close(); // a cover label (`附件2`) separates what is above it from the title below it
      continue;
    }
    if (p.sectionId || doc.roles[p.lines[0]] !== LineRole.Body) break;
    if (t.length > TITLE_MAX || /[。；]$/.test(t) || /^(?:目\s*录)$/.test(t) || METADATA_LINE.test(t)) {
      close();
      if (t.length > TITLE_MAX || /[。；]$/.test(t)) {
        if (runs.length) break; // the body has begun
        continue; // a scan that starts mid-text: keep looking a little further
      }
      continue;
    }
    run.push(p);
  }
  close();
  return runs;
}

function findTitle(doc: PlanDocument): string {
  const hint = doc.source.titleHint?.trim();
  const runs = titleRuns(doc);
  // The run that names a kind of document (…规划, …工作方案, …说明) is the title; scraper headers and
  // metadata lines above it are not. Lines of a run are one title split over lines.
  const chosen = (runs.find((r) => r.some((p) => TITLE_WORD.test(p.text.trim()))) ?? runs[0] ?? []).filter((p) => !COVER_LINE.test(p.text.trim()));
  // After the line naming the kind, only a short parenthetical belongs to the title (`（2021-2023年）`,
  // `（征求意见稿）`), not an approval note (`（第七届全国人民代表大会第四次会议…批准）`).
  const end = chosen.slice(0, 6).findLastIndex((p) => TITLE_WORD.test(p.text.trim()));
  const parts = (end < 0 ? chosen.slice(0, 3) : chosen.filter((p, i) => (i <= end && i >= end - 2) || (i > end && /^[(（][^()（）]{1,14}[)）]$/.test(p.text.trim())))).slice(0, 4);
  for (const p of parts) p.isTitle = true;
  // A title printed twice (a page heading and the notice's own title line) counts once.
  let title = parts.map((p) => p.text.trim()).filter((t, i, a) => i === 0 || t !== a[i - 1]).join('');
  if (hint && (!title || GENERIC.test(title) || !TITLE_WORD.test(title.replace(/[(（][^()（）]*[)）]$/, '')))) title = hint;
  if (GENERIC.test(title) || !title) {
    const named = mostNamedWork(doc);
    if (named) title = `《${named}》${title}`;
  }
  return title;
}

function mostNamedWork(doc: PlanDocument): string | null {
  const counts = new Map<string, number>();
  for (const p of doc.paragraphs.slice(0, 60)) {
    for (const m of p.text.matchAll(/《([^《》]{4,40}?(?:规划|方案|计划|纲要))》/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts) if (v > n || (v === n && best !== null && k.length > best.length)) [best, n] = [k, v];
  return best;
}

export function kindOf(title: string): DocumentRecord['kind'] {
  if (/(?:编制|起草|编制情况)?说明$/.test(title)) return 'explanatory_note';
  const t = title.replace(/的通知$/, '').replace(/》$/, '');
  if (/实施方案|实施计划|实施意见/.test(t)) return 'implementation_plan';
  if (/工作方案|行动方案|行动计划|工作计划|工作要点/.test(t)) return 'work_plan';
  if (/规划|纲要|计划/.test(t)) return 'plan';
  return 'other';
}

/** One administrative unit at the start of `s`: a name of 1-7 characters and its suffix, or null. */
const UNIT = /^([\u4e00-\u9fff]{1,7}?)(省|自治区|特别行政区|自治州|自治县|市|州|盟|县|区|旗|镇|乡|街道)/;
// Words that end in a unit suffix but name no place (`城镇`, `市场`, `区域`) or contain function words.
const NOT_A_NAME = /[和的与及在对为之等将把于由]|^(?:城|社|园|小|景|片|市|城市|城|全)$/;
const NOT_AFTER = /^(?:场|容|域|块|级|长|委|政府|直|属)/;

function leadingUnits(s: string): string {
  let out = '';
  let rest = s;
  for (let k = 0; k < 3; k++) {
    const m = UNIT.exec(rest);
    if (!m || NOT_A_NAME.test(m[1]) || NOT_AFTER.test(rest.slice(m[0].length))) break;
    let unit = m[0];
    // `达州市`, `德州市`: 州 is part of the name when 市/县 follows.
    if (/[州盟]$/.test(unit) && /^[市县]/.test(rest.slice(unit.length))) unit += rest[unit.length];
    out += unit;
    rest = rest.slice(unit.length);
  }
  return out;
}

/** The issuing area as written: the chain of units a title starts with (`江门市蓬江区`), `全国` for national plans. */
export function regionOf(title: string): string | null {
  const strip = (x: string) => x.replace(/^(?:关于|印发|转发|促进|进一步|加快|推进|《|“|"|[^“”《》]{0,4}五”)+/, '');
  const outer = strip(title);
  const quoted = firstQuoted(title);
  const candidates = [outer, quoted !== null ? strip(quoted) : ''];
  for (const c of candidates) {
    if (NATIONAL.test(c)) return '全国';
    const r = leadingUnits(c);
    if (r) return r;
  }
  return null;
}

/**
 * The first `《…》` with something inside, as `/《([^》]+)》/` finds it, by index: that pattern, unanchored,
 * re-scans the rest of the text from every `《` when no `》` follows (O(n²) on a long hinted title).
 */
function firstQuoted(s: string): string | null {
  for (let o = s.indexOf('《'); o !== -1; o = s.indexOf('《', o + 1)) {
    const c = s.indexOf('》', o + 1);
    if (c === -1) return null;
    if (c > o + 1) return s.slice(o + 1, c);
    o = c;
  }
  return null;
}

export function periodOf(text: string): string | null {
  const m = /(十[一二三四五六七八九]?五|[一二三四五六七八九]五)(?=”|"|规划|计划|时期|期间|期)/.exec(text);
  if (m) return m[1];
  const r = /((?:19|20)\d{2})\s*[-—–－~至]\s*((?:19|20)\d{2})\s*年?/.exec(text);
  if (r) {
    const a = Number(r[1]);
    const b = Number(r[2]);
    if (b - a === 4 && (a - 2006) % 5 === 0) {
      const n = (a - 2006) / 5 + 11;
      if (n >= 1) return `${toCn(n)}五`;
    }
  }
  return null;
}

function toCn(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
}

function yearOf(title: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(title);
  if (m) return Number(m[1]);
  return null;
}
