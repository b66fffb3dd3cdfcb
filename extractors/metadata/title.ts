/**
 * The document's title and the title of the plan it carries.
 *
 * The title is the run of short title lines above the body (possibly split over two lines); a generic
 * title (`编制说明`) is completed from the plan the body names most often (`《台山市…规划》`). Metadata lines
 * (front matter, export headers such as `【法宝引证码】`), red-header cover lines (`大同市人民政府文件`, the
 * 文号) and a reprint mark `（转载）` are not part of it; a title printed twice comes out once. When a page or
 * scraper title (`“十四五”国家应急体系规划`) stands above the notice that issues that plan, the notice's own
 * heading is the title.
 *
 * The plan title is X of `关于印发《X》的通知` (also 转发, without 《》), as the annexed plan heads itself
 * below the notice when it does; else the title itself.
 */
import { FIRST_HEADING_LINE, isTitleLine, NOTICE_TITLE_LINE, NOTICE_TITLE_PIECE, PLAN_TITLE_END, TITLE_LINE } from '../../model/vocab/title-line.js';
import { LineRole, type Paragraph, type PlanDocument } from '../../model/document.js';
import { isKeyValueLine } from './sidecar.js';
import { DOC_NUMBER_SOURCE, isSiteName, loose, splitGluedDocNumber } from './fields.js';
import { isIssuerName } from './signature.js';
import { leadingUnits } from './place.js';

export interface TextPart {
  text: string;
  /** source UTF-16 offset of each character of text */
  map: number[];
}

const GENERIC = /^(?:编制说明|起草说明|说明|编制情况说明|工作方案|实施方案|行动方案|行动计划|规划|附件\s*\d*)$/;
/** `发布日期：2021-07-02`, `- **文档类型**：政策类`: metadata a scraper or a cover page put above the title. */
const METADATA_LINE = /^[-*•]?\s*\**[\u4e00-\u9fffA-Za-z]{2,8}\**\s*[:：]|^(?:---|===)|^\S+\.(?:md|html?|pdf|docx?)$|^【[^【】]{2,12}】/;
const MAX_LEAD_PARAGRAPHS = 40;
/** Longest notice heading read on one line: issuer, 关于印发, a plan's full name with its years, 的通知. */
const LONG_NOTICE = 120;
/** Labels a site or scraper puts above or around the text (`### 正文`, `## 政策全文`, `基本信息`): never title words. */
/**
 * Marks of a red-header copy above its title (公文 版头): 密级 (`公开`, `机密★1年`), 紧急程度 (`特急`, `加急`), alone or
 * together on a line. Never title words.
 */
const RED_MARK = /^(?:(?:公开|不公开|内部|内部资料|秘密|机密|绝密|特急|加急|急件|平急|特提|急)(?:★[^\s]{0,6})?[\s\u3000]*)+$/;
/** A page's breadcrumb or site chrome (`首页 > 政务公开 > 文件`, `当前位置：…`): never title words. */
const SITE_LINE = /[>»＞›]|^(?:首页|当前位置|您的位置|您现在的位置)/;
const WRAPPER_LABEL = /^(?:正文|全文|原文|政策全文|政策原文|文件全文|文件正文|正文内容|文章内容|详细内容|内容|基本信息|文档信息|文件信息|附件下载|相关附件)$/;
/** Red-header cover lines: `大同市人民政府文件`, `同政发〔2021〕62 号`, the issuer's name alone. */
const COVER_LINE = /^[A-Za-z0-9\-_/.: ]+$|^(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?$|(?:文件|[〔\[(（]\s*\d{4}\s*[〕\])）]\s*\d+\s*号|人民政府|办公室|办公厅|委员会|管理局|[^关]局)$|号\s+签发人[:：]\s*\S{2,6}$|^[(（][^()（）]{1,16}[〔\[(（]\s*\d{4}\s*[〕\])）]\s*\d+\s*号[)）]$/;
/** `（2023年4月26日）` under a title: the document's date, not a qualifier of its title (`（2021—2025年）`, `（试行）`). */
const DATE_NOTE = /^[(（]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]$|^[(（]\s*[〇零○OＯ一二三四五六七八九]{4}\s*年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日\s*[)）]$/;
/** A notice's own heading: `X关于印发…的通知`, `关于…的实施意见`. */
const NOTICE = /(?:关于|印发|转发).{2,}(?:通知|意见|决定|批复|函|公告|通告)$/;
const REPRINT = /\s*[(（](?:转载|转发|摘编)[)）]\s*$|^\s*[(（](?:转载|转发)[)）]\s*/g;
/** A 文号 after the title, in brackets or after a blank (`…的通知（静府办发〔2023〕13号）`): never words of the title. */
const TRAILING_DOC_NUMBER = new RegExp(`(?:[(（]\\s*|[ \\t\u3000]+)${DOC_NUMBER_SOURCE}\\s*[)）]?$`);

/** Paragraphs above the first heading, grouped into runs of short title-like lines. */
function titleRuns(doc: PlanDocument): Paragraph[][] {
  const runs: Paragraph[][] = [];
  let run: Paragraph[] = [];
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (const p of doc.paragraphs.slice(0, MAX_LEAD_PARAGRAPHS)) {
    const t = withoutNumber(p.text.trim());
    if (p.isHeading && p.sectionId === null) {
      close(); // a cover label (`附件2`) separates what is above it from the title below it
      continue;
    }
    if (p.sectionId || doc.roles[p.lines[0]] !== LineRole.Body) break;
    // a notice's heading on one line may run past TITLE_LINE's 60 characters (`…关于印发…实施方案（2023—2025年）的通知`);
    // a line that leads into a list (`各县、区人民政府，…：`, the addressees) is never a title
    const titleLine = (isTitleLine(t, TITLE_LINE) || (t.length <= LONG_NOTICE && NOTICE.test(t) && !/[。；;！？]/.test(t))) && !/[:：]$/.test(t);
    if (!titleLine || /^(?:目\s*录)$/.test(t) || WRAPPER_LABEL.test(t.replace(/[\s#*]+/g, '')) || SITE_LINE.test(t) || isSiteName(t) || RED_MARK.test(t) || METADATA_LINE.test(t) || isKeyValueLine(t)) {
      close();
      if (!titleLine) {
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

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/**
 * A title line as judged for being one: a line spaced out for print or by OCR (`关 于 印 发 《 淄 博 市 …`) without
 * its blanks, and without the 文号 run into it (`…的通知临政办字〔2023〕21号`).
 */
function withoutNumber(line: string): string {
  const s = spacedOut(line) ? squash(line) : line;
  const site = siteSuffixAt(s);
  const t = site > 0 ? s.slice(0, site) : s;
  return t.length <= 100 ? splitGluedDocNumber(t)?.title.trim() ?? t : t;
}

/**
 * Where a site's or body's name joined to a title by a bar begins (`…规划_潜山市人民政府`, a page's <title>
 * carried into the text), or -1.
 */
function siteSuffixAt(t: string): number {
  const bar = Math.max(t.lastIndexOf('_'), t.lastIndexOf('｜'), t.lastIndexOf('|'));
  if (bar < 6 || t.length - bar > 40) return -1;
  const name = t.slice(bar + 1).trim();
  if (!/^[\u4e00-\u9fff]{2,20}$/.test(name) || !(isIssuerName(name) || isSiteName(name))) return -1;
  let at = bar;
  while (at > 0 && /\s/.test(t[at - 1])) at--;
  return at;
}

/** Most characters stand alone between blanks: a line spaced out character by character. */
function spacedOut(t: string): boolean {
  const parts = t.split(/[\s\u3000]+/).filter(Boolean);
  return parts.length >= 6 && parts.filter((x) => x.length === 1).length >= parts.length * 0.6;
}

/** The title lines of a run: the kind word's line and up to two lines before it, a short parenthetical after. */
function titleParts(run: Paragraph[]): Paragraph[] {
  // the issuer's name on a line of its own above `关于印发…` is the first line of the title (公文 form:
  // issuer + 关于 + matter + kind), not a red-header line
  // (several issuers may fill a line or two above it); issuer lines above a 文号 or a `…文件` line are the
  // red header of a joint document, not part of the title
  const issuerLine = (p: Paragraph) => issuerNamesOf(p.text) !== null;
  const heads = (i: number): boolean => {
    let k = i;
    while (k < run.length && issuerLine(run[k])) k++;
    return k > i && k < run.length && /^(?:关于|印发|转发|批转)/.test(run[k].text.trim());
  };
  const chosen = run.filter((p, i) => !(COVER_LINE.test(withoutNumber(p.text.trim())) || issuerLine(p)) || heads(i));
  // After the line naming the kind, only a short parenthetical belongs to the title (`（2021-2023年）`,
  // `（征求意见稿）`), not an approval note (`（第七届全国人民代表大会第四次会议…批准）`).
  const end = chosen.slice(0, 6).findLastIndex((p) => PLAN_TITLE_END.test(withoutNumber(p.text.trim())));
  return (end < 0 ? chosen.slice(0, 3) : chosen.filter((p, i) => (i <= end && i >= end - 2) || (i > end && /^[(（][^()（）]{1,14}[)）]$/.test(p.text.trim()) && !DATE_NOTE.test(p.text.trim())))).slice(0, 4);
}

/**
 * The issuers' names a title line consists of (`工业和信息化部 国家发展改革委 生态环境部`), or null when it is
 * not such a line. Names are separated by blanks; one name spaced out for print (`大 同 市 人 民 政 府`) is one.
 */
function issuerNamesOf(line: string): string[] | null {
  const t = line.trim();
  if (!t) return null;
  if (isIssuerName(squash(t))) {
    const parts = t.split(/[\s\u3000]+/);
    return parts.length > 1 && parts.every((x) => isIssuerName(x)) ? parts : [squash(t)];
  }
  const parts = t.split(/[\s\u3000]+/);
  return parts.length > 1 && parts.every((x) => isIssuerName(x)) ? parts : null;
}

/**
 * Title lines joined, with the source offset of each character. A line that repeats the one before is dropped.
 * Blanks go (a title spaced out for print, lines joined), except one between two Latin letters or digits and
 * one between the names of joint issuers heading the title (`工业和信息化部 国家发展改革委 生态环境部关于…`).
 */
function joinParts(parts: Paragraph[]): TextPart {
  let text = '';
  const map: number[] = [];
  let prev = '';
  let namesBefore = false; // the line before was issuers' names only
  for (const p of parts) {
    const t = p.text.trim();
    if (t === prev) continue;
    prev = t;
    const lead = p.text.indexOf(t);
    const names = issuerNamesOf(t);
    if (namesBefore && names && text && !/\s$/.test(text)) {
      text += ' ';
      map.push(map[map.length - 1] + 1); // the line break
    }
    namesBefore = names !== null;
    // blanks to keep: those between the names of a line of several issuers' names
    // (also on the title's own line: `中共赣州市委 赣州市人民政府关于…`)
    const by = t.indexOf('关于');
    const upTo = names && names.length > 1 ? t.length : by > 0 && (issuerNamesOf(t.slice(0, by))?.length ?? 0) > 1 ? by : 0;
    const keep = new Set<number>();
    for (let i = 1; i < upTo; i++) if (/[\s\u3000]/.test(t[i]) && !/[\s\u3000]/.test(t[i - 1])) keep.add(i);
    for (let i = 0; i < t.length; i++) {
      if (/[\s\u3000]/.test(t[i])) {
        if ((keep.has(i) || (/[A-Za-z0-9]$/.test(text) && /^\s*[A-Za-z0-9]/.test(t.slice(i)))) && !/\s$/.test(text)) {
          text += ' ';
          map.push(p.map[lead + i]);
        }
        continue;
      }
      text += t[i];
      map.push(p.map[lead + i]);
    }
  }
  return { text, map };
}

/** A title printed twice in one run (`…的通知关于印发《…》的通知` after joining) comes out once. */
function undouble(t: TextPart): TextPart {
  const n = t.text.length;
  if (n % 2 === 0 && n >= 8 && t.text.slice(0, n / 2) === t.text.slice(n / 2)) return { text: t.text.slice(0, n / 2), map: t.map.slice(0, n / 2) };
  return t;
}

/** Cut a reprint mark and a trailing 文号 off a title, keeping the offsets of what is left. */
function clean(t: TextPart): TextPart {
  let text = t.text;
  let map = t.map;
  const lead = /^\s*[(（](?:转载|转发)[)）]\s*/.exec(text);
  if (lead) {
    text = text.slice(lead[0].length);
    map = map.slice(lead[0].length);
  }
  // a 文号 run into the title, before it or after its kind word (`…的通知临政办字〔2023〕21号`)
  const glued = splitGluedDocNumber(text);
  if (glued) {
    text = glued.title;
    map = map.slice(glued.titleAt, glued.titleAt + glued.title.length);
  }
  // a cover that prints the title in 《》 (`《丽江市古城区“十四五”…规划》`): the marks quote it, they are not part of it
  const quoted = /^《([^《》]+)》$/.exec(text);
  if (quoted) {
    text = quoted[1];
    map = map.slice(1, 1 + quoted[1].length);
  }
  // a page's <title> carried into the text (`…规划_潜山市人民政府`): the site or column after the bar is not part of it
  const site = siteSuffixAt(text);
  if (site > 0) {
    text = text.slice(0, site);
    map = map.slice(0, site);
  }
  for (const re of [/\s*[(（](?:转载|转发|摘编)[)）]\s*$/, TRAILING_DOC_NUMBER]) {
    const m = re.exec(text);
    if (m && m.index > 0) {
      text = text.slice(0, m.index);
      map = map.slice(0, m.index);
    }
  }
  return { text, map };
}

export function findTitle(doc: PlanDocument, stated?: string): TextPart {
  const hint = doc.source.titleHint?.trim().replace(REPRINT, '');
  const runs = titleRuns(doc);
  // The run that names a kind of document (…规划, …工作方案, …说明) is the title; scraper headers and
  // metadata lines above it are not. Lines of a run are one title split over lines.
  let at = runs.findIndex((r) => r.some((p) => PLAN_TITLE_END.test(withoutNumber(p.text.trim()))));
  if (at < 0 && runs.length) at = 0;
  let parts = at >= 0 ? titleParts(runs[at]) : [];
  let title = clean(undouble(joinParts(parts)));
  if (hint && (!title.text || GENERIC.test(title.text) || !PLAN_TITLE_END.test(title.text.replace(/[(（][^()（）]*[)）]$/, '')))) title = { text: hint, map: [] };
  // A page or scraper title above the notice that issues the same plan: the notice's heading is the title.
  const after = at >= 0 ? runs[at][runs[at].length - 1].lines : [];
  const notice = title.text ? noticeBelow(doc, squash(title.text), after.length ? after[after.length - 1] + 1 : 0) : null;
  if (notice) {
    for (const p of parts) p.isTitle = true; // the scraper's title line above is no body text either
    const on = new Set(notice.lines);
    parts = doc.paragraphs.slice(0, MAX_LEAD_PARAGRAPHS).filter((p) => p.lines.every((l) => on.has(l)));
    title = clean(undouble(notice.part));
  }
  for (const p of parts) p.isTitle = true;
  if (!title.text) {
    // no run of title lines above the body: a document that opens with its heading as a section
    // (`## 昆明市…任务清单`) or as the caption of the table it consists of (`…重点任务分解表`) is titled by it
    const first = firstHeadingLine(doc);
    if (first) title = clean(joinParts([first]));
  }
  // no title printed at all: the title a metadata line states (`标题：…`) before a guess from the body
  if (!title.text && stated) title = { text: stated.replace(REPRINT, ''), map: [] };
  if (GENERIC.test(title.text) || !title.text) {
    const named = mostNamedWork(doc);
    if (named) title = { text: `《${named}》${title.text}`, map: [] };
  }
  return title;
}

const ITEM_MARKER = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十百]+[章节篇部])/;
const FIRST_LOOK = 8;

/**
 * The first line of the document when it reads as a heading (short, Chinese, no sentence or label end, no
 * item marker, no metadata), whatever role the segmenter or the table stage gave it; null otherwise.
 */
function firstHeadingLine(doc: PlanDocument): Paragraph | null {
  for (const p of doc.paragraphs.slice(0, FIRST_LOOK)) {
    const t = p.text.trim();
    if (!t || METADATA_LINE.test(t) || isKeyValueLine(t) || COVER_LINE.test(t) || RED_MARK.test(t) || WRAPPER_LABEL.test(t.replace(/[\s#*]+/g, ''))) continue;
    const ok = isTitleLine(t, FIRST_HEADING_LINE) && /[\u4e00-\u9fff]{4}/.test(t) && !ITEM_MARKER.test(t);
    return ok ? p : null;
  }
  return null;
}

/**
 * One to three short lines, within the head, that read as a notice title (`国务院关于印发…的通知`) containing
 * `first`: the notice's own heading, which a scraper's title line above it repeats in part. Lines, not
 * paragraphs: a scraper's `来源: <url>` line has no sentence end, so the paragraph builder may run it on
 * into the heading below.
 */
function noticeBelow(doc: PlanDocument, first: string, fromLine: number): { part: TextPart; lines: number[] } | null {
  const plain = first.replace(/^《|》$/g, '');
  if (!plain) return null;
  const lines = doc.lines;
  const body = (i: number) => doc.roles[i] === LineRole.Body;
  for (let i = fromLine, seen = 0; i < lines.length && seen < MAX_LEAD_PARAGRAPHS; i++) {
    if (!body(i)) continue;
    seen++;
    let joined = '';
    const used: number[] = [];
    for (let k = i; k < lines.length && used.length < 3; k++) {
      if (doc.roles[k] === LineRole.Blank) continue;
      const t = squash(lines[k].clean);
      if (!body(k) || !isTitleLine(t, NOTICE_TITLE_LINE)) break;
      joined += t;
      used.push(k);
      if (NOTICE.test(joined) && joined.includes(plain) && joined !== first) {
        // a label line above the heading (`政策全文`) is not part of it
        while (used.length > 1) {
          const rest = used.slice(1).map((u) => squash(lines[u].clean)).join('');
          if (!NOTICE.test(rest) || !rest.includes(plain)) break;
          used.shift();
        }
        let text = '';
        const map: number[] = [];
        for (const u of used) {
          const l = lines[u];
          for (let c = 0; c < l.clean.length; c++) if (!/[\s\u3000]/.test(l.clean[c])) {
            text += l.clean[c];
            map.push(l.map[c]);
          }
        }
        return { part: { text, map }, lines: used };
      }
    }
  }
  return null;
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

/** X of a notice that issues or forwards a plan: `关于印发《X》的通知`, `转发区建设管理委制订的《X》的通知`, `关于印发X的通知`. */
export function issuedPlanTitle(title: string): { text: string; from: number } | null {
  const quoted = /(?:印发|转发|批转|颁发|下发|公布|发布)[^《》]{0,24}?《(.+)》(?:的)?(?:通知|函|决定|公告|通告)$/.exec(title);
  if (quoted) {
    // `印发《A》和《B》的通知`: the first plan named
    const text = quoted[1].includes('》') ? quoted[1].slice(0, quoted[1].indexOf('》')) : quoted[1];
    return { text, from: title.indexOf(text, quoted.index) };
  }
  const bare = /(?:印发|转发|批转|颁发|下发)(.{4,}?)的(?:通知|函)$/.exec(title);
  if (bare) {
    // `转发区发展和改革局关于X的通知`, `批转市发展改革委关于X的通知`: the body that drew up X is not part of its title
    const by = bare[1].indexOf('关于');
    const text = by >= 2 && isIssuerName(bare[1].slice(0, by)) && bare[1].length - by > 6 ? bare[1].slice(by + 2) : bare[1];
    // `转发省政府办公厅关于印发《X》的通知的通知`: the forwarded notice issues X
    const inner = /^(?:印发|转发|批转)/.test(text) ? issuedPlanTitle(text) : null;
    if (inner) return { text: inner.text, from: title.lastIndexOf(inner.text) };
    return { text, from: title.lastIndexOf(text) };
  }
  return null;
}

/**
 * A qualifier of the plan's name on the line under its heading (`（2023—2025年）`, `（试行）`): part of the name as
 * the plan heads itself, though the notice named it without. Not a date (`（2022年4月）`). The last paragraph of
 * the heading: k, or k + 1 when that is such a line.
 */
const NAME_QUALIFIER = /^[(（]\s*(?:(?:19|20)\d{2}\s*年?\s*[-—–－~～至到]\s*(?:19|20)\d{2}\s*年?|试行|暂行|征求意见稿|送审稿|草案|修订稿|修订版|修订)\s*[)）]$/;
function withQualifier(ps: Paragraph[], k: number): number {
  return k + 1 < ps.length && NAME_QUALIFIER.test(ps[k + 1].text.trim()) ? k + 1 : k;
}

/** A plan's name without the bare level word it may start with (`自治区“十四五”…` → `“十四五”…`). */
function bareOfLevel(name: string): string {
  return name.replace(/^(?:省|自治区|自治州|市|县|区|州|盟|旗)/, '');
}

/**
 * The plan title: X of an issuing notice, as the plan heads itself below the notice when it is printed
 * there (one to three short lines that read the same as X, give or take 的, quotes and line breaks).
 */
export function findPlanTitle(doc: PlanDocument, title: TextPart): TextPart {
  const issued = issuedPlanTitle(title.text);
  if (!issued) return title;
  const fromTitle: TextPart = { text: issued.text, map: title.map.length ? title.map.slice(issued.from, issued.from + issued.text.length) : [] };
  const want = loose(issued.text);
  const ps = doc.paragraphs;
  // below the title: the first paragraph that starts after its last character
  const end = title.map.length ? title.map[title.map.length - 1] : -1;
  const start = end < 0 ? Math.max(0, ps.findIndex((p) => p.isTitle)) : ps.findIndex((p) => p.map.length > 0 && p.map[0] > end);
  for (let i = Math.max(0, start); i < Math.min(ps.length, Math.max(0, start) + 200); i++) {
    if (ps[i].isTitle) continue;
    let joined = '';
    for (let k = i; k < Math.min(ps.length, i + 3); k++) {
      const t = ps[k].text.trim();
      if (!isTitleLine(t, NOTICE_TITLE_PIECE)) break;
      joined += t;
      const j = loose(joined);
      if (j === want) return joinParts(ps.slice(i, withQualifier(ps, k) + 1));
      // the plan heads itself with the place the notice left out (`自治区“十四五”…规划` in the notice, `内蒙古自治区
      // “十四五”…规划` above the plan): the place chain the heading starts with covers what it adds
      const place = leadingUnits(j);
      if (place && j.endsWith(want) && j.length > want.length && place.length >= j.length - want.length) return joinParts(ps.slice(i, k + 1));
      if (!want.startsWith(j) && !(place && bareOfLevel(want).startsWith(j.slice(place.length)))) break;
    }
  }
  return fromTitle;
}
