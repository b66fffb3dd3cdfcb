/**
 * The printed metadata of a Chinese government document (公文): the 文号 line of its head
 * (`包府办发〔2022〕43号`), and the signature block — the issuing bodies, one or two to a line, above
 * the date line (`2022年4月14日`, `二〇二二年四月十四日`) — or, failing that, the 印发 line at its foot
 * (`德州市人民政府办公室  2022年1月14日印发`) and a cover date (`2021年6月`).
 */
import { LineRole, type Located, type PlanDocument } from '../../model/document.js';
import { DATE_SOURCE, DOC_NUMBER_SOURCE, SEAL_NOTE, dropSealNote, isoDate, splitGluedDocNumber } from './fields.js';
import { leadingUnits } from './place.js';

export interface Found<T> {
  value: T;
  at: Located;
}

export interface Printed {
  docNumber: Found<string> | null;
  issuers: Array<Found<string>>;
  issuedOn: Found<string> | null;
  /** what the date is: a signature's, an adoption note's, the 印发 line's at the foot, a cover's month */
  dateKind: 'signature' | 'adoption' | 'printing' | 'cover' | null;
}

/** Lines read at the head of a document for its 文号 and cover date. */
const HEAD_LINES = 60;
/** Signature lines walked back from a date line. */
const SIGNATURE_LINES = 10;

/** A date in figures (`2023-06-12`, `2023.6.12`, `2023/06/12`): a signature date only right under the issuers' names. */
const FIGURE_DATE = '(?:19|20)\\d{2}\\s*[-./]\\s*\\d{1,2}\\s*[-./]\\s*\\d{1,2}';
const DATE_LINE = new RegExp(`^(${DATE_SOURCE}|${FIGURE_DATE})(印发|发布|通过)?$`);
const WEEKDAY = /[(（]\s*(?:星期|周)[一二三四五六日天]\s*[)）]$/;
/** `（2023年4月26日）` alone under the title: the date of a document that carries no signature (决定, 意见). */
const BARE_DATE_NOTE = new RegExp(`^[(（]\\s*(${DATE_SOURCE})\\s*[)）]$`);
const SIGNED_DATE_LINE = new RegExp(`^(.{2,40}?)\\s+(${DATE_SOURCE})(印发)?$`);
const APPROVAL = new RegExp(`^[(（]([^()（）]{0,40}?)(${DATE_SOURCE})\\s*(?:批准|通过|审议通过)[)）]$`);
/** `（2023年3月28日陕西省人民政府第23次常务会议审议通过）`: the date first, then the body that adopted it. */
const APPROVAL_DATE_FIRST = new RegExp(`^[(（](${DATE_SOURCE})\\s*([^()（）]{2,40}?)\\s*(?:批准|通过|审议通过|讨论通过|审定)[)）]$`);
/** The 文号 line of a head, blanks removed: bare, in brackets (`（衡政发〔2022〕4号）`), or with 签发人 beside it. */
const DOC_NUMBER_LINE = new RegExp(`^[(（]?(${DOC_NUMBER_SOURCE})[)）]?(?:签发人[:：][\\u4e00-\\u9fff·]{2,6})?$`);
const ISSUER_END = '(?:军分区|警备区|工会|妇联|科协|残联|侨联|文联|人民政府|政府|办公室|办公厅|委员会|管委会|委|局|厅|部|署|院|中心|联席会议|会议|领导小组|小组|分局|支行|分行|公司|集团|办事处|管理办|总队|支队|协会|联合会|联社|研究院)';
const ISSUER = new RegExp(`^(?!各|有关|关于|抄送|印发|主送|附件|联系|特此|此件|请|现将|为|经|根据|按照)(?!.*通知)[\\u4e00-\\u9fff（）()·]{2,40}?${ISSUER_END}(?:${SEAL_NOTE})?$|^(?:国务院|中共中央|全国人民代表大会常务委员会)$`);
/**
 * The names on one signature line: split at blanks (two columns of names), blanks inside one name
 * (`沈阳市 房产局`, a spaced-out print) joined again when the parts alone are no names but together are.
 */
function pieces(line: string): string[] {
  const raw = line.trim().split(/[\t \u00a0\u3000]+/).filter(Boolean);
  // a name spaced out character by character (`南 宁 市 人 民 政 府 办 公 室`): one name, or names glued (namesIn)
  if (raw.length >= 6 && raw.filter((x) => x.length === 1).length >= raw.length * 0.6) return [raw.join('')];
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let p = raw[i];
    while (!isIssuerName(p) && i + 1 < raw.length && p.length + raw[i + 1].length <= 40 && !isIssuerName(raw[i + 1])) p += raw[++i];
    if (!isIssuerName(p) && i + 1 < raw.length && isIssuerName(p + raw[i + 1])) p += raw[++i];
    out.push(p);
  }
  return out;
}

/** One name, or the names glued together in it. */
function namesIn(s: string): string[] {
  const glued = splitGlued(s);
  return glued.length > 1 ? glued : [s];
}

export function isIssuerName(s: string): boolean {
  return ISSUER.test(s) && !/[，。；：:,;、]/.test(s);
}

/**
 * Two names printed without a blank between them (`黄浦区发展和改革委员会黄浦区建设和管理委员会`): split where
 * a name ends and the same place starts again.
 */
export function splitGlued(s: string): string[] {
  const place = leadingUnits(s);
  if (!place) return [s];
  const out: string[] = [];
  let from = 0;
  for (let at = s.indexOf(place, place.length); at > 0; at = s.indexOf(place, at + place.length)) {
    const head = s.slice(from, at);
    if (isIssuerName(head) && isIssuerName(s.slice(at))) {
      out.push(head);
      from = at;
    } else if (isIssuerName(head) && splitGlued(s.slice(at)).every(isIssuerName)) {
      out.push(head);
      from = at;
    }
  }
  out.push(s.slice(from));
  return out.every(isIssuerName) ? out : [s];
}

export function readPrinted(doc: PlanDocument): Printed {
  const lines = doc.lines;
  const usable = (i: number) => doc.roles[i] === LineRole.Body;
  const lineSpan = (i: number, from: number, to: number): Located => {
    const l = lines[i];
    const lead = l.clean.length - l.clean.trimStart().length;
    return doc.spanOf(l.map[lead + from], l.map[Math.min(lead + to, l.clean.length) - 1] + 1);
  };
  // the head: lines above the first heading of the body (a notice's own 一、 comes after its signature)
  const firstSection = doc.records.sections[0];
  const headEnd = Math.min(lines.length, firstSection ? Math.max(firstSection.line - 1, HEAD_LINES) : HEAD_LINES * 2);

  let docNumber: Found<string> | null = null;
  for (let i = 0; i < Math.min(lines.length, HEAD_LINES); i++) {
    if (!usable(i)) continue;
    const t = lines[i].clean.trim();
    // tested on the folded twin (full-width digits of a Word file: `〔２０２３〕１１号`), kept as written
    const m = DOC_NUMBER_LINE.exec(lines[i].match.trim().replace(/\s+/g, ''));
    if (m && t.length <= 60) {
      // the 文号's own characters: after an opening bracket, as many non-blank characters as it has
      const from = /^[(（]/.test(t) ? t.slice(1).search(/\S/) + 1 : 0;
      let to = from;
      for (let n = 0; to < t.length && n < m[1].length; to++) if (!/\s/.test(t[to])) n++;
      docNumber = { value: t.slice(from, to).replace(/\s+/g, ''), at: lineSpan(i, from, to) };
      break;
    }
  }
  // no 文号 line: one run into the title line (`…的通知临政办字〔2023〕21号`), among the first lines of the head
  for (let i = 0, seen = 0; !docNumber && i < lines.length && seen < 12; i++) {
    if (!usable(i)) continue;
    seen++;
    const t = lines[i].clean.trim();
    const g = t.length <= 100 ? splitGluedDocNumber(t) : null;
    if (g) docNumber = { value: g.number.replace(/\s+/g, ''), at: lineSpan(i, g.numberAt, g.numberAt + g.number.length) };
  }

  let signed: { date: Found<string>; issuers: Array<Found<string>> } | null = null;
  let printedOn: { date: Found<string>; issuers: Array<Found<string>> } | null = null;
  let cover: { date: Found<string>; issuers: Array<Found<string>> } | null = null;
  let monthSigned: { date: Found<string>; issuers: Array<Found<string>> } | null = null;
  for (let i = 0; i < lines.length && !signed; i++) {
    if (!usable(i)) continue;
    const t = lines[i].clean.trim();
    if (t.length > 60 || !/年|\d[-./]\d/.test(t)) continue;
    const folded = lines[i].match.trim(); // the folded twin, same length: `２０２３年`, `二Ｏ二三年` read as digits
    // `2021年9月30日（星期四）`: the weekday after the date is no part of it
    const wk = WEEKDAY.exec(folded);
    const f = wk ? folded.slice(0, wk.index).trimEnd() : folded;
    const d = DATE_LINE.exec(f.replace(/[ \u00a0\u3000]+(?=[年月日印])|(?<=[年月日])[ \u00a0\u3000]+/g, ''));
    const s = d ? null : SIGNED_DATE_LINE.exec(f);
    if (!d && !s) continue;
    const dateText = d ? d[1] : s![2];
    const iso = isoDate(dateText.replace(/\s+/g, ''));
    if (!iso) continue;
    const inFigures = !!d && !/年/.test(dateText);
    const at = f.indexOf(dateText.trim().slice(0, 4));
    const date: Found<string> = { value: iso, at: lineSpan(i, Math.max(0, at), f.length - (/(?:印发|发布|通过)$/.test(f) ? 2 : 0)) };
    const issuers = d ? issuersAbove(i) : issuersOf(i, t.slice(0, s![1].length));
    // a figures-only date with no names above is a page's or scraper's date (a stale clock), no signature
    if (inFigures && !issuers.length) continue;
    const printLine = d ? d[2] === '印发' : !!s![3];
    if (printLine) {
      printedOn ??= { date, issuers };
      continue;
    }
    if (iso.length === 7) {
      // a month alone is a cover date (`2021年6月` under the title), not a signature
      // a cover may name its issuer right above its month, or above its title (`某市人民政府` / title / month)
      if (i < headEnd && !cover) {
        const above = issuersAbove(i);
        cover = { date, issuers: above.length ? above : issuersOnTop(i) };
      }
      // further down, a month under the issuers' names signs a note or report (`淮安市生态环境局` / `2021年8月`)
      // at the very end of the text (a table's cells `区建设管理委` / `2024年6月` elsewhere are no signature)
      else if (i >= headEnd && issuers.length && usableAfter(i) <= 2) monthSigned = { date, issuers };
      continue;
    }
    if (issuers.length || i < headEnd) signed = { date, issuers };
  }
  // the signature's date, else an adoption note's: the dates DATASET.md names; the 印发 line's date at the foot
  // is when the office printed the document, and a cover's month no day: both only when nothing better is said
  const adopted = signed ? null : approval();
  const chosen = signed ?? adopted ?? printedOn ?? cover ?? monthSigned;
  // a month alone, on a cover or under a signature, gives way to a full date of writing stated about the document
  const dateKind = !chosen ? null : chosen === signed ? 'signature' : chosen === adopted ? 'adoption' : chosen === printedOn ? 'printing' : 'cover';
  return { docNumber, issuers: chosen?.issuers ?? [], issuedOn: chosen?.date ?? null, dateKind };

  /** How many body lines follow line `i` (counted up to 3). */
  function usableAfter(i: number): number {
    let n = 0;
    for (let k = i + 1; k < lines.length && n < 3; k++) if (usable(k)) n++;
    return n;
  }

  /** An adoption note under the title: `（第七届全国人民代表大会第四次会议1991年4月9日批准）`. */
  function approval(): { date: Found<string>; issuers: Array<Found<string>> } | null {
    for (let i = 0; i < Math.min(lines.length, HEAD_LINES); i++) {
      if (!usable(i)) continue;
      const t = lines[i].clean.trim();
      const a = APPROVAL.exec(t);
      const b = a ? null : APPROVAL_DATE_FIRST.exec(t);
      const c = a || b ? null : BARE_DATE_NOTE.exec(t);
      const m = a ?? (b ? [b[0], b[2], b[1]] : c && /日\s*$/.test(c[1]) ? [c[0], '', c[1]] : null); // [, body, date]
      const iso = m ? isoDate(m[2].replace(/\s+/g, '')) : null;
      if (!m || !iso) continue;
      const body = m[1].trim();
      const from = t.indexOf(m[2]);
      return { date: { value: iso, at: lineSpan(i, from, from + m[2].length) }, issuers: body ? [{ value: body, at: lineSpan(i, t.indexOf(body), t.indexOf(body) + body.length) }] : [] };
    }
    return null;
  }

  /**
   * A cover's issuer lines above its title: the lines that open the document, before line `i`, as long as
   * each is nothing but issuer names (`某某市人民政府`; two lines for a joint cover). The title ends them.
   */
  function issuersOnTop(i: number): Array<Found<string>> {
    const out: Array<Found<string>> = [];
    for (let k = 0; k < i && out.length < SIGNATURE_LINES; k++) {
      if (doc.roles[k] === LineRole.Blank) continue;
      if (!usable(k)) break;
      const ps = pieces(lines[k].clean).flatMap(namesIn);
      if (!ps.length || !ps.every((p) => p.length <= 40 && isIssuerName(p))) break;
      for (const n of ps) out.push({ value: dropSealNote(n), at: spanOfName(k, dropSealNote(n)) });
    }
    return out;
  }

  /** The signature block: issuer lines right above date line `i`, in reading order. */
  function issuersAbove(i: number): Array<Found<string>> {
    const block: number[] = [];
    for (let k = i - 1; k >= 0 && block.length < SIGNATURE_LINES; k--) {
      if (doc.roles[k] === LineRole.Blank) continue;
      if (!usable(k)) break;
      const ps = pieces(lines[k].clean);
      if (!ps.length || ps.some((p) => p.length > 60 || /[，。；：:,;、]/.test(p)) || !ps.some((p) => isIssuerName(p) || splitGlued(p).length > 1)) {
        // a name cut at the line end by a two-column layout (`中国银行保险监督管理` / `委员会佛山监管分局`)
        if (block.length && ps.length === 1 && !isIssuerName(ps[0]) && isIssuerName(ps[0] + pieces(lines[block[block.length - 1]].clean)[0])) {
          block.push(k);
          continue;
        }
        break;
      }
      block.push(k);
    }
    block.reverse();
    const out: Array<Found<string>> = [];
    let pending: { text: string; line: number } | null = null;
    for (const k of block) {
      const raw = lines[k].clean;
      for (const p of pieces(raw)) {
        const name = pending ? pending.text + p : p;
        const names = namesIn(name);
        if (names.every(isIssuerName)) {
          const cut = pending;
          pending = null;
          for (const n of names) out.push({ value: dropSealNote(n), at: cut && names.length === 1 ? spanOfCut(cut.line, k, cut.text, dropSealNote(n)) : spanOfName(k, dropSealNote(n)) });
        } else pending = pending ? null : { text: p, line: k };
      }
    }
    return out;
  }

  function issuersOf(i: number, text: string): Array<Found<string>> {
    return pieces(text).flatMap(namesIn).filter(isIssuerName).map((n) => ({ value: dropSealNote(n), at: spanOfName(i, dropSealNote(n)) }));
  }

  /** Span of a name cut at the end of line `a` (its first part `head`) and continued on line `b`. */
  function spanOfCut(a: number, b: number, head: string, name: string): Located {
    const la = lines[a];
    const lb = lines[b];
    const from = Math.max(0, la.clean.lastIndexOf(head));
    const rest = name.slice(head.length);
    const to = lb.clean.indexOf(rest);
    return doc.spanOf(la.map[from], lb.map[to >= 0 ? to + rest.length - 1 : Math.max(0, lb.clean.length - 1)] + 1);
  }

  /** Span of a name on line `a` (without the seal note after it), found by its characters in order. */
  function spanOfName(a: number, name: string): Located {
    const la = lines[a];
    const first = name[0];
    // the name's characters in order, blanks between them allowed (`沈阳市房产局    沈阳市公安局`)
    const c = la.clean;
    for (let s = c.indexOf(first); s >= 0; s = c.indexOf(first, s + 1)) {
      let j = s;
      let k = 0;
      while (j < c.length && k < name.length) {
        if (c[j] === name[k]) k++;
        else if (!/[ \u00a0\u3000]/.test(c[j])) break;
        j++;
      }
      if (k === name.length) return doc.spanOf(la.map[s], la.map[j - 1] + 1);
    }
    return doc.spanOf(la.map[0], la.map[Math.max(0, c.length - 1)] + 1);
  }
}
