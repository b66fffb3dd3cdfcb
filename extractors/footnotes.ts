/**
 * Footnotes. PDF export drops a footnote's text as a line of its own between body paragraphs, starting with
 * its marker: superscript digits (`¹ 双随机、一公开：指…`) or bare digits and a blank (`3 碳达峰指…`).
 * Footnote numbers run in sequence through a document, which is what tells `3 碳达峰指…` from prose.
 * The anchor is the marker in the body before the footnote line: superscript digits, or bare digits glued
 * to a term (`统筹2、`). Footnote lines become LineRole.Footnote so no footnote text stays in a body block.
 */
import { LineRole, type PlanDocument } from '../model/document.js';
import type { FootnoteRecord } from '../schemas/records.js';

const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPER_RE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*(\S.*)$/;
const BARE_RE = /^(\d{1,3})\s+([^\d\s\t].*)$/;
// A bare-digit footnote defines a term: `X：指…`, `X是指…`, `X指…` early in the line.
const DEFINITION = /^.{1,40}?(?:[:：]|是指|指)/;
const ANCHOR_LOOKBACK_LINES = 80;

function toSuper(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPER[Number(d)]);
}
function fromSuper(s: string): number {
  return Number(s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(SUPER.indexOf(c))));
}

/** Footnote lines the reader knew as such (Word footnotes/endnotes, Markdown `[^1]:`): any marker. */
function readerFootnotes(doc: PlanDocument): void {
  const given = [...new Set(doc.source.footnoteLines ?? [])].sort((a, b) => a - b);
  let last: FootnoteRecord | null = null;
  let lastLine = -2;
  for (const i of given) {
    const line = doc.lines[i];
    if (!line || doc.roles[i] === LineRole.Blank) continue;
    doc.roles[i] = LineRole.Footnote;
    const m = /^(\S{1,12}?)\s+(\S.*)$/.exec(line.clean);
    const at = doc.spanOf(line.map[0], line.map[line.clean.length - 1] + 1);
    if (!m || (last && lastLine === i - 1 && !/^[⁰¹²³⁴⁵⁶⁷⁸⁹\d]+$|^[①-⑳]$|^[ivxlc]+\.?$|^\[\^/i.test(m[1]))) {
      // a further paragraph of the previous note
      if (last) {
        last.text += line.clean.trim();
        last.span = { start: last.span.start, end: at.span.end };
      }
      lastLine = i;
      continue;
    }
    const marker = m[1];
    const n = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(marker) ? fromSuper(marker) : /^\d+$/.test(marker) ? Number(marker) : null;
    const anchor = n !== null ? findAnchor(doc, n, i, 0) : findLiteralAnchor(doc, marker, i);
    last = {
      id: doc.makeId('fn', marker),
      doc_id: doc.docId,
      marker,
      text: m[2].trim(),
      anchor: anchor ? doc.spanOf(anchor.start, anchor.end).span : null,
      span: at.span,
      line: at.line,
      ...(at.page !== undefined ? { page: at.page } : {}),
    };
    doc.records.footnotes.push(last);
    if (!anchor) doc.diag('footnotes', 'warning', 'footnote-anchor-missing', `no anchor for footnote ${marker} found in the text before it`, at);
    lastLine = i;
  }
}

/** A non-numeric marker (`i`, `ii`, `*`) written right after a word in the body above. */
function findLiteralAnchor(doc: PlanDocument, marker: string, from: number): { start: number; end: number; line: number } | null {
  for (let k = from - 1; k >= Math.max(0, from - ANCHOR_LOOKBACK_LINES * 4); k--) {
    if (doc.roles[k] !== LineRole.Body) continue;
    const l = doc.lines[k];
    for (let p = l.clean.lastIndexOf(marker); p > 0; p = l.clean.lastIndexOf(marker, p - 1)) {
      if (/[\u4e00-\u9fff”」）)]/.test(l.clean[p - 1]) && !/[A-Za-z]/.test(l.clean[p + marker.length] ?? '')) {
        return { start: l.map[p], end: l.map[p + marker.length - 1] + 1, line: k };
      }
    }
  }
  return null;
}

export function extractFootnotes(doc: PlanDocument): void {
  readerFootnotes(doc);
  const { lines, roles } = doc;
  let expected = doc.records.footnotes.length ? Number.MAX_SAFE_INTEGER : 1;
  let anchorFloor = 0; // anchors are searched after the previous footnote's anchor
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== LineRole.Body) continue;
    const raw = lines[i].clean;
    if (raw.includes('\t')) continue;
    let n: number | null = null;
    let marker = '';
    let body = '';
    let bodyAt = 0;
    const sm = SUPER_RE.exec(raw);
    if (sm) {
      n = fromSuper(sm[1]);
      marker = sm[1];
      body = sm[2];
    } else {
      const bm = BARE_RE.exec(raw);
      if (bm && DEFINITION.test(bm[2])) {
        n = Number(bm[1]);
        marker = bm[1];
        body = bm[2];
      }
    }
    // In sequence only (a skipped number is tolerated once: the previous footnote may have been lost).
    if (n === null || (n !== expected && n !== expected + 1)) continue;
    if (n === expected + 1) {
      doc.diag('footnotes', 'warning', 'footnote-gap', `footnote ${expected} not found before footnote ${n}`, doc.spanOf(lines[i].start, lines[i].end));
    }
    bodyAt = raw.lastIndexOf(body);
    roles[i] = LineRole.Footnote;
    const line = lines[i];
    const anchor = findAnchor(doc, n, i, anchorFloor);
    if (anchor) anchorFloor = anchor.line;
    const at = doc.spanOf(line.map[0], line.map[line.clean.length - 1] + 1);
    const textSpan = doc.spanOf(line.map[bodyAt], line.map[line.clean.length - 1] + 1);
    doc.records.footnotes.push({
      id: doc.makeId('fn', String(n)),
      doc_id: doc.docId,
      marker,
      text: body.trim(),
      anchor: anchor ? doc.spanOf(anchor.start, anchor.end).span : null,
      span: at.span,
      line: at.line,
      ...(at.page !== undefined ? { page: at.page } : {}),
    });
    if (!anchor) {
      doc.diag('footnotes', 'warning', 'footnote-anchor-missing', `no anchor for footnote ${n} found in the text before it`, textSpan);
    }
    expected = n + 1;
  }
}

/** Nearest marker for footnote n in body lines above line `from` (and not above `floor`). */
function findAnchor(doc: PlanDocument, n: number, from: number, floor: number): { start: number; end: number; line: number } | null {
  const sup = toSuper(n);
  const bare = new RegExp(`(?<=[\\u4e00-\\u9fff”」）)A-Za-z])${n}(?![\\d.%０-９])(?=[\\u4e00-\\u9fff，。、；：“”,;:（(]|$)`, 'g');
  const stop = Math.max(floor, from - ANCHOR_LOOKBACK_LINES);
  for (const pass of ['super', 'bare'] as const) {
    for (let k = from - 1; k >= stop; k--) {
      if (doc.roles[k] !== LineRole.Body) continue;
      const l = doc.lines[k];
      let idx = -1;
      let len = 0;
      if (pass === 'super') {
        // last occurrence of the exact superscript run (not part of a longer run)
        for (let p = l.clean.lastIndexOf(sup); p !== -1; p = p > 0 ? l.clean.lastIndexOf(sup, p - 1) : -1) {
          const before = l.clean[p - 1] ?? '';
          const after = l.clean[p + sup.length] ?? '';
          if (!SUPER.includes(before) && !SUPER.includes(after) && !/[A-Za-z ]/.test(before)) {
            idx = p;
            len = sup.length;
            break;
          }
        }
      } else {
        let m: RegExpExecArray | null;
        bare.lastIndex = 0;
        while ((m = bare.exec(l.clean)) !== null) {
          idx = m.index;
          len = m[0].length;
        }
      }
      if (idx >= 0) return { start: l.map[idx], end: l.map[idx + len - 1] + 1, line: k };
    }
  }
  return null;
}
