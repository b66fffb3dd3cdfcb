/**
 * Document metadata: title, plan title, kind, 文号, issuers, issue date, region and level, period.
 *
 * Sources, in order of trust: the document's printed head and signature block (title.ts, signature.ts),
 * then metadata stated about it (sidecar.ts: export headers, front matter, <meta> tags, on-page metadata
 * tables). A field the print gives is taken from the print; when a metadata source says otherwise, the
 * printed value is kept and a `metadata-sources-disagree` warning says what each said.
 */
import { codePoints } from '../../model/chars.js';
import type { Located, PlanDocument } from '../../model/document.js';
import type { SpanRecord } from '../../schemas/records.js';
import { isoDate, loose, sameText, splitIssuerValue } from './fields.js';
import { levelOfBareIssuer, levelOfRegion, mergeRegions, placeNamedIn, provinceNamedIn, regionOf, regionOfIssuer, unitsOf } from './place.js';
import { addresseeLine, addressesTownsOnly } from './addressee.js';
import { kindOf, periodOf, periodYears, singleYear } from './period.js';
import { best, dropMetadataTables, isKeyValueLine, issuersOf, readSidecar, type SidecarValue } from './sidecar.js';
import { readPrinted } from './signature.js';
import { foldString } from '../../model/normalize.js';
import { findPlanTitle, findTitle, type TextPart } from './title.js';
import { isIssuerName } from './signature.js';
import { isSiteChrome } from '../../model/vocab/info-bar.js';

export { kindOf, periodOf } from './period.js';
export { regionOf } from './place.js';

type Spans = NonNullable<PlanDocument['meta']['meta_spans']>;

export function extractMetadata(doc: PlanDocument): void {
  markMetadataLines(doc);
  dropMetadataTables(doc);
  const spans: Spans = {};
  const partSpan = (t: TextPart, from = 0, to = t.text.length): SpanRecord | undefined =>
    t.map.length >= to && to > from ? doc.spanOf(t.map[from], t.map[to - 1] + 1).span : undefined;
  const side = readSidecar(doc);
  const printed = readPrinted(doc);

  const sideTitle = best(side, 'title');
  let title = findTitle(doc, sideTitle?.value);
  if (!title.text && sideTitle) title = { text: sideTitle.value, map: [] };
  const planTitle = findPlanTitle(doc, title);
  doc.meta.title = title.text;
  doc.meta.plan_title = planTitle.text;
  set(spans, 'title', partSpan(title));
  set(spans, 'plan_title', partSpan(planTitle));
  doc.meta.kind = kindOf(planTitle.text || title.text);
  // a stated title may leave out the issuer the printed one starts with (`印发《…》的通知`): only other words disagree
  const within = (a: string, b: string) => loose(a).includes(loose(b)) || loose(b).includes(loose(a));
  if (sideTitle && title.text && !within(sideTitle.value, title.text) && !sameText(sideTitle.value, planTitle.text)) disagree('title', title.text, sideTitle);

  // 文号
  const sideNumber = best(side, 'doc_number');
  if (printed.docNumber) {
    doc.meta.doc_number = printed.docNumber.value;
    spans.doc_number = printed.docNumber.at.span;
    if (sideNumber && loose(sideNumber.value) !== loose(printed.docNumber.value)) disagree('doc_number', printed.docNumber.value, sideNumber);
  } else {
    doc.meta.doc_number = sideNumber ? sideNumber.value.replace(/\s+/g, '') : null;
    if (sideNumber?.at) spans.doc_number = sideNumber.at.span;
  }

  // issuers: the signature block, else the title's `X关于…`, else metadata
  const byTitle = issuerOfTitle(title.text);
  const sideIssuers = issuersOf(best(side, 'issuers'));
  let issuers: Array<{ value: string; span: SpanRecord | null }>;
  if (printed.issuers.length) issuers = printed.issuers.map((f) => ({ value: f.value, span: f.at.span }));
  else if (byTitle.length) issuers = byTitle.map((v) => ({ value: v, span: subSpan(title, v) ?? null }));
  else {
    const sv = best(side, 'issuers');
    issuers = sideIssuers.map((v) => ({ value: v, span: sv?.at && sideIssuers.length === 1 ? sv.at.span : null }));
  }
  doc.meta.issuers = issuers.map((i) => i.value);
  if (issuers.length) spans.issuers = issuers.map((i) => i.span);
  const sideIssuerValue = best(side, 'issuers');
  // a page's 来源 (rank 1) names whoever posted it as often as the issuer: no disagreement is read from it
  if (sideIssuerValue && sideIssuerValue.rank === 0 && issuers.length && (printed.issuers.length || byTitle.length) && !sideIssuers.some((s) => issuers.some((i) => sameBody(s, i.value)))) {
    disagree('issuers', doc.meta.issuers.join('、'), sideIssuerValue);
  }

  // the date printed under the signature, else the date metadata gives for the document's writing
  const sideDate = best(side, 'issued_on');
  // a date stated as the document's writing (成文日期) beats what the print gives only as its printing (印发) or
  // cover date: the signature or adoption date is what issued_on means
  const sideWritten = sideDate && sideDate.rank === 0 && isoDate(sideDate.value)?.length === 10 ? sideDate : null;
  if (printed.issuedOn && sideWritten && (printed.dateKind === 'printing' || printed.dateKind === 'cover')) {
    doc.meta.issued_on = isoDate(sideWritten.value);
    if (sideWritten.at) spans.issued_on = sideWritten.at.span;
  } else if (printed.issuedOn) {
    doc.meta.issued_on = printed.issuedOn.value;
    spans.issued_on = printed.issuedOn.at.span;
    const other = sideDate ? isoDate(sideDate.value) : null;
    if (other && other.length === 10 && printed.issuedOn.value.length === 10 && other !== printed.issuedOn.value) disagree('issued_on', printed.issuedOn.value, sideDate!);
  } else {
    doc.meta.issued_on = sideDate ? isoDate(sideDate.value) : null;
    if (sideDate?.at) spans.issued_on = sideDate.at.span;
  }
  // the page's publication date (PubDate, 发布时间), else a 发布日期 stated about the document
  const published = best(side, 'published_on') ?? side.find((v) => v.field === 'issued_on' && v.rank === 2) ?? null;
  doc.meta.published_on = published ? isoDate(published.value) : null;

  // region: the issuer's place, the title's, the plan title's, then metadata's issuer; the longest chain wins
  const candidates: Array<{ region: string | null; text: string; span: () => SpanRecord | undefined }> = [
    ...issuers.slice(0, 1).map((i) => {
      const r = regionOfIssuer(i.value);
      // the place starts the issuer's name as printed (`沈阳市房产局`); `全国` (国务院) is written nowhere
      return { region: r, text: i.value, span: () => (i.span && r && i.value.startsWith(r) ? placeSpan(i.span, r, i.value) : undefined) };
    }),
    { region: regionOf(title.text), text: title.text, span: () => subSpan(title, regionOf(title.text)) },
    { region: regionOf(planTitle.text), text: planTitle.text, span: () => subSpan(planTitle, regionOf(planTitle.text)) },
    ...sideIssuers.slice(0, 1).map((v) => ({ region: regionOfIssuer(v), text: v, span: () => undefined })),
  ];
  const merged = mergeRegions(candidates.map((c) => c.region));
  doc.meta.region = merged.region;
  if (merged.from >= 0) set(spans, 'region', candidates[merged.from].span());
  // a city bureau's branch in one of its districts (`朔州市生态环境局朔城分局`) on a plan the title places in that
  // district (`朔城区…规划`): the district, under the city the branch names
  const district = issuers.length && merged.from === 0 && merged.region ? branchDistrict(issuers[0].value, merged.region, merged.conflicts) : null;
  if (district) {
    doc.meta.region = district;
    delete spans.region; // the chain is written nowhere whole
  }
  doc.meta.level = levelOfRegion(doc.meta.region) ?? (issuers.length ? levelOfBareIssuer(issuers[0].value) : null);
  // a province's document that calls itself only `省` (`省政府办公厅`, `省有关单位`): the province the text names
  if (!merged.region && (doc.meta.level === 'province' || (doc.meta.level === null && /省(?:直|有关|政府各|各)/.test(addresseeLine(doc) ?? '')))) {
    const named = provinceNamedIn(doc.lines.map((l) => l.clean));
    if (named) {
      doc.meta.region = named.region;
      doc.meta.level = 'province';
      const l = doc.lines[named.line];
      // the span points at the region as written: only a mention in full (`安徽省`, not `安徽`) is one
      if (named.full) spans.region = doc.spanOf(l.map[named.at], l.map[named.at + named.length - 1] + 1).span;
    }
  } else if (!merged.region && (doc.meta.level === 'city' || doc.meta.level === 'county') && issuers.length) {
    // a city's or county's document signed `县人民政府办公室`: the place of that level its text names clearly
    const named = placeNamedIn(doc.lines.map((l) => l.clean), doc.meta.level);
    if (named) {
      doc.meta.region = named.region;
      const l = doc.lines[named.line];
      spans.region = doc.spanOf(l.map[named.at], l.map[named.at + named.region.length - 1] + 1).span;
    }
  }
  // a 市 named alone that addresses its towns, not counties, is a county-level city
  if (doc.meta.level === 'city' && merged.region && unitsOf(merged.region).length === 1 && /市$/.test(merged.region) && addressesTownsOnly(merged.region, addresseeLine(doc))) doc.meta.level = 'county';

  // period and years from the titles only
  const period = periodOf(planTitle.text) ?? periodOf(title.text);
  doc.meta.period = period;
  const periodIn = period ? (periodOf(planTitle.text) ? planTitle : title) : null;
  // the period as written (`十四五`), else what it was read from (`第八个五年`, `2021—2025`)
  if (periodIn) set(spans, 'period', subSpan(periodIn, foldedPiece(periodIn.text, new RegExp(`${period}|第[一二三四五六七八九十]{1,3}个五年|(?:19|20)\\d{2}\\s*(?:年\\s*)?[-—–－~～至到]\\s*(?:19|20)\\d{2}`))));
  doc.meta.period_years = periodYears(planTitle.text, period) ?? periodYears(title.text, period);
  // the issue year: that of the printed or stated date, else the one year an annual plan names
  doc.meta.year = doc.meta.issued_on ? Number(doc.meta.issued_on.slice(0, 4)) : singleYear(planTitle.text) ?? singleYear(title.text);

  if (Object.keys(spans).length) doc.meta.meta_spans = spans;
  if (!title.text) doc.diag('metadata', 'warning', 'no-title', 'no title line found above the body', null);

  /** The first `place.length` non-blank characters of a printed name's span (`淄 博 市 人 民 政 府` → `淄 博 市`). */
  function placeSpan(name: SpanRecord, place: string, value: string): SpanRecord {
    const n = codePoints(place);
    if (name.end - name.start === codePoints(value)) return { start: name.start, end: name.start + n }; // printed without blanks
    const cps = Array.from(doc.text);
    let k = name.start;
    for (let seen = 0; k < name.end && seen < n; k++) if (!/\s/.test(cps[k])) seen++;
    return { start: name.start, end: k };
  }

  function subSpan(t: TextPart, piece: string | null): SpanRecord | undefined {
    if (!piece || piece === '全国') return undefined;
    const at = t.text.indexOf(piece);
    return at < 0 ? undefined : partSpan(t, at, at + piece.length);
  }

  function disagree(field: string, kept: string, other: SidecarValue): void {
    const where = other.from === 'meta-tag' ? 'a <meta> tag' : other.from === 'page-table' ? "the page's metadata table" : other.from === 'front-matter' ? 'the front matter' : 'a metadata line above the text';
    doc.diag('metadata', 'warning', 'metadata-sources-disagree', `${field}: the document prints ${JSON.stringify(kept)}; ${where} says ${JSON.stringify(other.value)}; the printed value is kept`, other.at as Located | null);
  }
}

/**
 * The district of a branch office (`…局朔城分局`) that a title names (`朔城区`, `朔州市朔城区`), joined to the
 * branch's city (`朔州市` → `朔州市朔城区`); null when the issuer is no branch named after that district.
 */
function branchDistrict(issuer: string, region: string, named: string[]): string | null {
  for (const c of named) {
    const rest = c.startsWith(region) ? c.slice(region.length) : c;
    const stem = unitsOf(rest).length === 1 ? /^([\u4e00-\u9fff]{2,6}?)(?:区|县|旗)$/.exec(rest)?.[1] : undefined;
    if (stem && issuer.endsWith(`${stem}分局`)) return region + rest;
  }
  return null;
}

/** Two spellings of one body: one names its place and the other not (`省政府办公厅`, `广东省人民政府办公厅`), or one is the other's place alone (`安化县`). */
function sameBody(a: string, b: string): boolean {
  const bare = (x: string) => x.replace(/人民政府/g, '政府').replace(/^(?:[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|州|盟|县|区|旗|镇|乡))+/, '').replace(/^[省市区县]/, '');
  if (a.endsWith(b) || b.endsWith(a) || a.startsWith(b) || b.startsWith(a)) return true;
  const x = bare(a);
  const y = bare(b);
  return x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x)); // `政府办` abbreviates `政府办公室`
}

/**
 * Key–value metadata lines above the body (an export header, a scraper's block) and the site chrome a copied
 * page carries there (breadcrumb, menu, buttons) are no body text: they are flagged like title lines, so no
 * block is made of them.
 */
function markMetadataLines(doc: PlanDocument): void {
  for (const p of doc.paragraphs.slice(0, 60)) {
    if (p.sectionId) break;
    if (isKeyValueLine(p.text) || isSiteChrome(p.text)) p.isTitle = true;
  }
}

/** The piece of `text` that `re` finds in its folded twin (same length), as written. */
function foldedPiece(text: string, re: RegExp): string | null {
  const m = re.exec(foldString(text));
  return m ? text.slice(m.index, m.index + m[0].length) : null;
}

function set<K extends keyof Spans>(spans: Spans, k: K, v: Spans[K] | undefined): void {
  if (v !== undefined) spans[k] = v;
}

/** `巴中市恩阳区人民政府关于印发…` → `巴中市恩阳区人民政府`: the issuer a notice's title names. */
export function issuerOfTitle(title: string): string[] {
  const at = title.indexOf('关于');
  if (at < 2) return [];
  const names = title.slice(0, at).split(/[、,，\s]+/).filter(Boolean);
  return names.every(isIssuerName) ? names : [];
}

export { splitIssuerValue };
